/** Helpers for the reliability and AVG tests: raw writers and counts (cliAsync lives in cli.ts). */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./cli.js";

/**
 * A separate process that keeps writing signals (each with its audit entry, in one transaction,
 * as the CLI does) until stop() or until `ms` have passed. Resolves with the number of rows it wrote.
 * stop() ends it as soon as the test has what it needs: the loop keeps a core busy while it runs.
 */
export function writerLoop(db: string, adresId: number, ms: number): { done: Promise<number>; started: Promise<void>; stop(): void } {
  const stopBestand = `${db}.stop-schrijflus`;
  const script = `
    const fs = require("node:fs");
    const Database = require(${JSON.stringify(path.join(ROOT, "node_modules", "better-sqlite3"))});
    const db = new Database(process.argv[1], { timeout: 10000 });
    const sig = db.prepare("INSERT INTO signaal (adres_id, partner_id, omschrijving, thema, datum, aangemaakt) VALUES (?, 1, 'lus', NULL, '2026-11-01', 'nu')");
    const aud = db.prepare("INSERT INTO audit_log (tijd, gebruiker, tabel, rij_id, actie) VALUES ('nu', 'lus', 'signaal', ?, 'toegevoegd')");
    const tx = db.transaction(() => { const id = sig.run(${adresId}).lastInsertRowid; aud.run(id); });
    const end = Date.now() + Number(process.argv[2]);
    let n = 0;
    process.stdout.write("gestart\\n");
    while (Date.now() < end && !fs.existsSync(process.argv[3])) { tx.immediate(); n++; }
    db.close();
    process.stdout.write(String(n) + "\\n");
  `;
  const child = spawn(process.execPath, ["-e", script, db, String(ms), stopBestand], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  let startedResolve: () => void;
  const started = new Promise<void>((r) => (startedResolve = r));
  child.stdout.on("data", (d) => {
    out += d;
    if (out.includes("gestart")) startedResolve();
  });
  const done = new Promise<number>((resolve, reject) =>
    child.on("close", (code) =>
      code === 0 ? resolve(Number(out.trim().split("\n").pop())) : reject(new Error(`schrijflus faalde (${code})`)),
    ),
  );
  return { done, started, stop: () => fs.writeFileSync(stopBestand, "") };
}

export { count, exec } from "./rijen.js";
