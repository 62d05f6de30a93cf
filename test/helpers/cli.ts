import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { run } from "../../src/cli.js";
import { seeded } from "./seed.js";
import { dumpPg, isPgUrl, kopieTeamDatabase, nieuweTeamDatabase, opPostgres, pgOmgeving, verwijderTeamDatabases } from "./opslag.js";

export const ROOT = path.resolve(import.meta.dirname, "../..");
const BIN = path.join(ROOT, "bin", "interventie.cjs");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  json<T = any>(): T;
}

const created: string[] = [];

/** A fresh folder, removed after the test file (test/helpers/opruimen.ts). */
export function tempDir(prefix = "interventie-test-"): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  verwijderTeamDatabases();
}

/** A database of its own for a test, on the store of this run (test/helpers/opslag.ts): a file path or a URL. */
export function tempDb(): string {
  return opPostgres ? nieuweTeamDatabase() : tempDbBestand();
}

/** A SQLite file path, whatever the store of this run (a SQLite team to move, a file-only test). */
export function tempDbBestand(): string {
  return path.join(tempDir(), "test.db");
}

function result(code: number, stdout: string, stderr: string): CliResult {
  return {
    code,
    stdout,
    stderr,
    json() {
      try {
        return JSON.parse(stdout);
      } catch {
        throw new Error(`stdout is geen JSON (exit ${code}):\n${stdout}\nstderr:\n${stderr}`);
      }
    },
  };
}

/** Runs the built binary as a user does: a child process, no TTY, a temporary database ("": no --db, as INTERVENTIE_DB users do). */
export function cli(
  db: string,
  args: string[],
  opts: { env?: Record<string, string>; cwd?: string; input?: string; timeout?: number } = {},
): CliResult {
  const start = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...(db === "" ? [] : ["--db", db]), ...args], {
    encoding: "utf8",
    cwd: opts.cwd ?? ROOT,
    input: opts.input ?? "",
    env: childEnv(opts.env),
    timeout: opts.timeout, // a process still running then is killed: code -1
  });
  tijd("proces", args, start);
  return result(r.status ?? -1, r.stdout, r.stderr);
}

/**
 * INTERVENTIE_TEST_TIJDEN=<file>: one line per CLI run (test file, kind, command words, ms), to see
 * where the suite's time goes (`sort | uniq`); off by default.
 */
function tijd(soort: string, args: string[], start: number): void {
  const file = process.env.INTERVENTIE_TEST_TIJDEN;
  if (!file) return;
  const test = String((globalThis as { __vitest_worker__?: { filepath?: string } }).__vitest_worker__?.filepath ?? "?");
  const woorden = args.filter((a, i) => !a.startsWith("-") && !args[i - 1]?.startsWith("--")).slice(0, 2);
  fs.appendFileSync(file, `${path.relative(ROOT, test)}\t${soort}\t${woorden.join(" ")}\t${Math.round(performance.now() - start)}\n`);
}

/** A user's environment, pinned: Dutch time zone, no colour, a known user for the audit log. */
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TZ: "Europe/Amsterdam",
    NO_COLOR: "1",
    INTERVENTIE_GEBRUIKER: "tester",
    ...pgOmgeving(),
    ...extra,
  };
}

/** Like cli(), but asynchronous, so several processes really run at the same time. */
export function cliAsync(db: string, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, "--db", db, ...args], { cwd: ROOT, env: childEnv(env), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve(result(code ?? -1, stdout, stderr)));
  });
}

/** Runs the CLI in-process; `answers` script the guided prompts as if a person typed them at a terminal. */
export async function cliInProcess(
  db: string,
  args: string[],
  opts: { answers?: unknown[]; env?: Record<string, string> } = {},
): Promise<CliResult> {
  let out = "";
  let err = "";
  const start = performance.now();
  const env: NodeJS.ProcessEnv = { TZ: "Europe/Amsterdam", NO_COLOR: "1", INTERVENTIE_GEBRUIKER: "tester", ...pgOmgeving(), ...opts.env };
  if (opts.answers) env.INTERVENTIE_ANTWOORDEN = JSON.stringify(opts.answers);
  const code = await run(["--db", db, ...args], {
    stdout: { write: (s: string) => ((out += s), true), isTTY: false } as never,
    stderr: { write: (s: string) => ((err += s), true), isTTY: false } as never,
    stdinIsTTY: Boolean(opts.answers),
    env,
  });
  tijd("in-proces", args, start);
  return result(code, out, err);
}

/** Fails with the CLI's own output when a command that should succeed did not. */
export function ok(r: CliResult): CliResult {
  if (r.code !== 0) throw new Error(`exit ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
  return r;
}

/** A logical dump (every row of every table, in order): compare before/after a failed command. */
export function dump(db: string): string {
  if (isPgUrl(db)) return dumpPg(db);
  if (!fs.existsSync(db)) return "<geen database>";
  const conn = new Database(db, { readonly: true });
  try {
    const tables = conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
    const parts = [`user_version=${conn.pragma("user_version", { simple: true })}`];
    for (const { name } of tables) {
      parts.push(
        `# ${name}`,
        ...conn
          .prepare(`SELECT * FROM "${name}" ORDER BY rowid`)
          .all()
          .map((r) => JSON.stringify(r)),
      );
    }
    return parts.join("\n");
  } finally {
    conn.close();
  }
}

/** A private database as after `init --team KIT` (a copy of one made once per test run). */
export function initDb(): string {
  return seeded("init-kit", (db) => (ok(cli(db, ["init", "--team", "KIT"])), {})).db;
}

/** The addresses the tests share (Kerkstraat is addAdres's default). */
export const TESTADRESSEN = {
  kerkstraat: { postcode: "5504AB", huisnummer: "12", straat: "Kerkstraat", plaats: "Veldhoven", gemeente: "Veldhoven", type: "woning" },
  industrieweg: { postcode: "5531NK", huisnummer: "7", straat: "Industrieweg", plaats: "Bladel", gemeente: "Bladel", type: "loods" },
  markt: { postcode: "5521AJ", huisnummer: "3", straat: "Markt", plaats: "Eersel", gemeente: "Eersel", type: "horeca" },
  dorpstraat: { postcode: "5528AB", huisnummer: "5", straat: "Dorpstraat", plaats: "Hoogeloon", gemeente: "Bladel", type: "woning" },
} as const;

export function addAdres(
  db: string,
  over: Partial<Record<"postcode" | "huisnummer" | "toevoeging" | "straat" | "plaats" | "gemeente" | "type", string>> = {},
): number {
  const a = { postcode: "5504AB", huisnummer: "12", straat: "Kerkstraat", plaats: "Veldhoven", gemeente: "Veldhoven", ...over };
  const args = ["--json", "adres", "toevoegen"];
  for (const [k, v] of Object.entries(a)) args.push(`--${k}`, v);
  return ok(cli(db, args)).json().id;
}

/** A casustafel (20 November 2026, Veldhoven) and its evening (26 November) with this address on the list. */
export function addAvond(db: string, adres: number): number {
  ok(cli(db, ["casustafel", "nieuw", "--datum", "2026-11-20", "--gemeenten", "Veldhoven"]));
  return ok(
    cli(db, [
      "--json",
      "avond",
      "nieuw",
      "--casustafel",
      "1",
      "--datum",
      "2026-11-26",
      "--doel",
      "Controle",
      "--extra-adres",
      String(adres),
    ]),
  ).json().id;
}

/** `signaal toevoegen` (of the Politie unless said otherwise); returns the arguments so a test can check refusals too. */
export function signaalArgs(adres: number | string, omschrijving: string, datum?: string, partner = "Politie"): string[] {
  return [
    "signaal",
    "toevoegen",
    "--adres",
    String(adres),
    "--partner",
    partner,
    "--omschrijving",
    omschrijving,
    ...(datum ? ["--datum", datum] : []),
  ];
}

/** A private copy of a prepared database (with its WAL), so each test starts from the same state. */
export function kopieVan(db: string): string {
  if (isPgUrl(db)) return kopieTeamDatabase(db);
  const kopie = tempDbBestand();
  for (const suffix of ["", "-wal", "-shm"]) if (fs.existsSync(db + suffix)) fs.copyFileSync(db + suffix, kopie + suffix);
  return kopie;
}
