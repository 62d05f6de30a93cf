import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { describe, it } from "vitest";
import { pgQuery, pgSluit, pgSluitAlles } from "./pg-sync.js";
import { pgServer } from "./postgres.js";
import { SCHRIJF_SLOT } from "../../src/db/pg/store.js";

const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * Which store the e2e tests run against: SQLite files (the default) or PostgreSQL databases. The
 * vitest project "postgres" sets INTERVENTIE_TEST_OPSLAG=postgres (vitest.config.ts) and runs every
 * e2e file again; the helpers (tempDb(), dump(), seeds, fixtures) then hand out database URLs
 * instead of file paths, so a test reads the same on both stores.
 *
 * On PostgreSQL each test database is a copy (CREATE DATABASE … TEMPLATE, milliseconds) of a
 * migrated template in which the login `tester` (INTERVENTIE_GEBRUIKER of every test) is the team's
 * projectleider: the CLI runs as a real team member, through row-level security, and the audit log
 * records the same name as on SQLite. Its password is in a private .pgpass (PGPASSFILE), never argv.
 */
export const OPSLAG: "sqlite" | "postgres" = process.env.INTERVENTIE_TEST_OPSLAG === "postgres" ? "postgres" : "sqlite";
export const opPostgres = OPSLAG === "postgres";

const gemaakt: string[] = [];
let teller = 0;

export function isPgUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//.test(db);
}

/**
 * A test helper that reads or writes the SQLite file directly: never with a URL, which would be
 * taken as a relative path and make a folder "postgres:" in the working directory.
 */
export function sqliteBestand(db: string, wat: string): string {
  if (isPgUrl(db)) throw new Error(`${wat} werkt op een SQLite-bestand; markeer de test met itAlleenSqlite (reden erbij)`);
  return db;
}

/** The database name of a test database's URL. */
export function databaseVan(url: string): string {
  return new URL(url).pathname.slice(1);
}

function url(database: string, login = pgServer().e2e.login): string {
  return `postgres://${login}@127.0.0.1:${pgServer().poort}/${database}`;
}

function maak(bron: string, blijft: boolean): string {
  const naam = `e2e_${process.pid}_${++teller}_${randomBytes(3).toString("hex")}`;
  pgSluit(bron);
  pgQuery("postgres", `CREATE DATABASE ${naam} TEMPLATE ${bron} STRATEGY FILE_COPY OWNER ${pgServer().beheerder.login}`);
  if (!blijft) gemaakt.push(naam);
  return url(naam);
}

/** A new test database: migrated, `tester` its projectleider, no data (as `init` finds a fresh file). */
export function nieuweTeamDatabase(opties: { blijft?: boolean } = {}): string {
  return maak(pgServer().e2e.sjabloon, opties.blijft ?? false);
}

/** A private copy of a test database (a seed), as cp copies a SQLite file. */
export function kopieTeamDatabase(bron: string, opties: { blijft?: boolean } = {}): string {
  return maak(databaseVan(bron), opties.blijft ?? false);
}

/** The same database as the administrator (who may migrate, manage logins and overzetten). */
export function alsBeheerder(db: string): string {
  return url(databaseVan(db), pgServer().beheerder.login);
}

/** The same database as another login (one `beheer gebruiker toevoegen` made; its password in PGPASSWORD). */
export function alsLogin(db: string, login: string): string {
  return url(databaseVan(db), login);
}

/** Closes the helper's own connection, so that the database can serve as a template. */
export function losVan(db: string): void {
  pgSluit(databaseVan(db));
}

/** The environment a CLI process needs for PostgreSQL: the passwords in a private .pgpass. */
export function pgOmgeving(): Record<string, string> {
  return opPostgres ? { PGPASSFILE: pgServer().e2e.pgpass } : {};
}

/** Drops the test file's databases (seeds stay for the run; the cluster goes at the end). */
export function verwijderTeamDatabases(): void {
  if (!opPostgres) return;
  pgSluitAlles();
  for (const naam of gemaakt.splice(0)) pgQuery("postgres", `DROP DATABASE IF EXISTS ${naam} WITH (FORCE)`);
}

/** A logical dump of a PostgreSQL test database (every row of every table, in a fixed order). */
export function dumpPg(db: string): string {
  const database = databaseVan(db);
  const versie = pgQuery<{ versie: number }>(database, "SELECT versie FROM interventie_schema").rows[0]?.versie;
  const tabellen = pgQuery<{ t: string }>(
    database,
    "SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  ).rows;
  const delen = [`schema=${versie}`];
  for (const { t } of tabellen) {
    const rijen = pgQuery<{ r: string }>(database, `SELECT row_to_json(x)::text AS r FROM "${t}" x ORDER BY x::text COLLATE "C"`).rows;
    delen.push(`# ${t}`, ...rijen.map((r) => r.r));
  }
  return delen.join("\n");
}

/**
 * Another process holds the team's write lock (as a colleague's long import would): on SQLite a
 * BEGIN IMMEDIATE, on PostgreSQL the advisory lock every change takes (PgStore). Resolves once it
 * is held, with the function that lets go.
 */
export function houdSchrijfslot(db: string): Promise<() => void> {
  const script = isPgUrl(db)
    ? `
      const pg = require(${JSON.stringify(path.join(ROOT, "node_modules", "pg"))});
      const c = new pg.Client({ host: ${JSON.stringify(pgServer().socket)}, port: ${pgServer().poort}, user: "postgres", database: process.argv[1] });
      c.connect().then(() => c.query("BEGIN")).then(() => c.query("SELECT pg_advisory_xact_lock(${SCHRIJF_SLOT})")).then(() => {
        process.stdout.write("slot\\n");
        setTimeout(() => {}, 60000);
      });`
    : `
      const Database = require(${JSON.stringify(path.join(ROOT, "node_modules", "better-sqlite3"))});
      const db = new Database(process.argv[1]);
      db.exec("BEGIN IMMEDIATE");
      process.stdout.write("slot\\n");
      setTimeout(() => {}, 60000);`;
  const child = spawn(process.execPath, ["-e", script, isPgUrl(db) ? databaseVan(db) : db], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.on("exit", (code) => reject(new Error(`houdSchrijfslot: het proces stopte (${code})`)));
    child.stdout.on("data", () => resolve(() => child.kill()));
  });
}

/** A test of what only SQLite has (its file, modes, WAL, …): skipped on PostgreSQL, the reason in its name. */
export function itAlleenSqlite(reden: string, naam: string, fn: () => unknown, timeout?: number): void {
  it.skipIf(opPostgres)(`${naam} [alleen SQLite: ${reden}]`, fn, timeout);
}

export function describeAlleenSqlite(reden: string, naam: string, fn: () => void): void {
  describe.skipIf(opPostgres)(`${naam} [alleen SQLite: ${reden}]`, fn);
}

/** A test of the team server only (logins, row-level security, pg_dump): run in the PostgreSQL project. */
export function itAlleenPostgres(naam: string, fn: () => unknown, timeout?: number): void {
  it.runIf(opPostgres)(`${naam} [alleen PostgreSQL]`, fn, timeout);
}
