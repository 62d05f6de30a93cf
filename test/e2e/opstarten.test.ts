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

/** Runs bin/bundel.cjs's laad() in a fresh Node and reports how the code cache went. */
function laadIn(bundel?: string): { cache: string; run: string } {
  const code = `const r = require(${JSON.stringify(path.join(ROOT, "bin", "bundel.cjs"))}).laad(${bundel ? `{ bundel: ${JSON.stringify(bundel)} }` : ""});
    process.stdout.write(JSON.stringify({ cache: r.cache, run: typeof r.exports.run }));`;
  const r = spawnSync(process.execPath, ["-e", code], { encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { cache: string; run: string };
}

describe("de code-cache van de bundel (bin/bundel.cjs, scripts/code-cache.cjs)", () => {
  const BUNDEL = path.join(ROOT, "dist", "interventie.cjs");

  it("de build schrijft hem en V8 neemt hem aan", () => {
    expect(fs.statSync(`${BUNDEL}.cache`).size).toBeGreaterThan(1000);
    expect(laadIn()).toEqual({ cache: "gebruikt", run: "function" });
  });

  it("een cache van een andere bundel wordt niet gebruikt; de CLI compileert dan gewoon", () => {
    const map = tempDir(); // the bundle reads ../package.json at load
    fs.mkdirSync(path.join(map, "dist"));
    fs.copyFileSync(path.join(ROOT, "package.json"), path.join(map, "package.json"));
    const kopie = path.join(map, "dist", "interventie.cjs");
    fs.copyFileSync(BUNDEL, kopie);
    const cache = fs.readFileSync(`${BUNDEL}.cache`);
    fs.writeFileSync(`${kopie}.cache`, Buffer.concat([Buffer.alloc(32, 7), cache.subarray(32)])); // same V8 data, another bundle's key
    expect(laadIn(kopie)).toEqual({ cache: "ander-bundel", run: "function" });
    fs.writeFileSync(`${kopie}.cache`, Buffer.concat([cache.subarray(0, 32), Buffer.from("geen V8-code")])); // right key, broken data
    expect(laadIn(kopie)).toEqual({ cache: "verworpen", run: "function" });
    fs.rmSync(`${kopie}.cache`);
    expect(laadIn(kopie)).toEqual({ cache: "geen", run: "function" });
  });

  it("import() van ESM-pakketten werkt vanuit de cache (chalk bij kleur)", () => {
    const r = ok(cli(initDb(), ["gemeente", "lijst"], { env: { FORCE_COLOR: "1", NO_COLOR: "" } }));
    expect(r.stdout).toContain("\u001b[1m"); // bold headers: chalk was imported
    expect(r.stderr).toBe("");
  });
});
