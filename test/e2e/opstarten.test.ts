import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli, initDb, ok, ROOT, tempDir } from "../helpers/cli.js";
import { opPostgres, pgOmgeving } from "../helpers/opslag.js";

const BIN = path.join(ROOT, "bin", "interventie.cjs");

/** CommonJS modules a command loaded, and Node's own as `node:<name>`, from a preload that lists them at exit. */
function geladenModules(args: string[]): string[] {
  const dir = tempDir();
  const preload = path.join(dir, "lijst.cjs");
  const uit = path.join(dir, "modules.json");
  fs.writeFileSync(
    preload,
    `process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(uit)}, JSON.stringify([...Object.keys(require.cache), ` +
      `...process.moduleLoadList.filter((m) => m.startsWith("NativeModule ")).map((m) => "node:" + m.slice(13))])));`,
  );
  const r = spawnSync(process.execPath, ["-r", preload, BIN, ...args], { encoding: "utf8", env: { ...process.env, ...pgOmgeving() } });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(fs.readFileSync(uit, "utf8")) as string[];
}

function pakketten(modules: string[]): Set<string> {
  return new Set(
    modules.map((m) => /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(m)?.[1]).filter((p): p is string => p !== undefined),
  );
}

describe("opstarten", () => {
  it("--version antwoordt met de versie uit package.json, zonder de CLI te laden", () => {
    const versie = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
    const r = spawnSync(process.execPath, [BIN, "--version"], { encoding: "utf8" });
    expect(r.stdout).toBe(`${versie}\n`);
    expect(pakketten(geladenModules(["--version"])).size).toBe(0);
  });

  it("een lijst-opdracht laadt geen PDF-, sjabloon-, CSV-, feestdagen- of tabelbibliotheek", () => {
    const db = initDb();
    // The Atw calendar (date-holidays) is loaded only where a term is computed, never to list follow-ups or zaken.
    for (const lijst of [
      ["adres", "lijst"],
      ["opvolging", "lijst"],
      ["handhaving", "lijst"],
      ["brief", "lijst"],
    ]) {
      const modules = geladenModules(["--db", db, ...lijst, "--json"]);
      const geladen = pakketten(modules);
      // The driver of this store only: a SQLite file never loads node-postgres (bundled, so seen by
      // the name lookup of its connection, node:dns), PostgreSQL never the native SQLite driver.
      expect(geladen.has("better-sqlite3")).toBe(!opPostgres);
      expect(modules.includes("node:dns")).toBe(opPostgres);
      for (const zwaar of ["pdfkit", "fontkit", "handlebars", "papaparse", "date-holidays", "@inquirer/prompts", "chalk"])
        expect(geladen, `${lijst.join(" ")}: ${zwaar}`).not.toContain(zwaar);
    }
  });

  it("stopt stil (exit 0, geen stacktrace) als de lezer van de uitvoer eerder stopt, zoals bij | head", () => {
    const db = initDb();
    const dir = tempDir();
    const csv = ["postcode,huisnummer,toevoeging,straat,plaats,gemeente,type"];
    for (let i = 1; i <= 1500; i++) csv.push(`5504AB,${i},,Dorpsstraat,Veldhoven,Veldhoven,woning`);
    fs.writeFileSync(path.join(dir, "a.csv"), csv.join("\n"));
    ok(cli(db, ["adres", "importeren", path.join(dir, "a.csv")]));
    // Far more than a pipe buffer of output; head reads 5 bytes and leaves.
    const r = spawnSync(
      "bash",
      ["-c", `"${process.execPath}" "${BIN}" --db "${db}" adres lijst --json | head -c 5 >/dev/null; exit \${PIPESTATUS[0]}`],
      { encoding: "utf8", env: { ...process.env, ...pgOmgeving() } },
    );
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});
