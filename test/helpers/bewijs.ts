import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "../../src/db/connection.js";
import { PgStore } from "../../src/db/pg/store.js";
import { dezeOmgeving } from "../../src/db/pg/verbinding.js";
import type { Sql } from "../../src/db/sql.js";
import { sqliteSql } from "../../src/db/sqlite/sql.js";
import { databaseVan, isPgUrl, pgOmgeving, sqliteBestand } from "./opslag.js";
import { pgQuery } from "./pg-sync.js";

/**
 * The evidence store of a test database, whichever store it is: on SQLite the files in
 * `<database>.bijlagen/`, on PostgreSQL the rows of bestand_inhoud (read and changed as the
 * superuser, past row-level security: a fixture, not the thing under test).
 */

/** The stored hashes, sorted; null when nothing was ever stored (no folder, no rows). */
export function bewijsInhoud(db: string): string[] | null {
  if (isPgUrl(db)) {
    const rijen = pgQuery<{ sha256: string }>(databaseVan(db), "SELECT sha256 FROM bestand_inhoud ORDER BY sha256").rows;
    return rijen.length ? rijen.map((r) => r.sha256) : null;
  }
  const map = `${db}.bijlagen`;
  return fs.existsSync(map) ? fs.readdirSync(map).sort() : null;
}

/** The stored bytes of one hash, or undefined. */
export function bewijsBytes(db: string, sha256: string): Buffer | undefined {
  if (isPgUrl(db)) {
    const r = pgQuery<{ b: string }>(databaseVan(db), "SELECT encode(inhoud, 'base64') AS b FROM bestand_inhoud WHERE sha256 = $1", [
      sha256,
    ]).rows[0];
    return r ? Buffer.from(r.b, "base64") : undefined;
  }
  const file = path.join(`${db}.bijlagen`, sha256);
  return fs.existsSync(file) ? fs.readFileSync(file) : undefined;
}

/** Loses one stored content (a deleted file, a deleted row). */
export function verwijderBewijs(db: string, sha256: string): void {
  if (isPgUrl(db)) pgQuery(databaseVan(db), "DELETE FROM bestand_inhoud WHERE sha256 = $1", [sha256]);
  else fs.rmSync(path.join(`${db}.bijlagen`, sha256));
}

/**
 * Alters one stored content behind the tool's back: bytes appended to the file, or to the row —
 * after dropping the CHECKs that tie a row to its hash, as only the database's owner could.
 */
export function wijzigBewijs(db: string, sha256: string, erbij: string): void {
  if (isPgUrl(db)) {
    const database = databaseVan(db);
    pgQuery(database, "ALTER TABLE bestand_inhoud DROP CONSTRAINT inhoud_is_hash, DROP CONSTRAINT grootte_is_lengte");
    pgQuery(database, "UPDATE bestand_inhoud SET inhoud = inhoud || convert_to($2, 'UTF8') WHERE sha256 = $1", [sha256, erbij]);
  } else {
    fs.appendFileSync(path.join(`${db}.bijlagen`, sha256), erbij);
  }
}

/** A repository function run on the test database through the tool's own Sql (PostgreSQL: as `tester`, through RLS). */
export async function leesMet<T>(db: string, fn: (sql: Sql) => Promise<T>): Promise<T> {
  if (isPgUrl(db)) {
    const store = new PgStore(db, { gebruiker: "tester", vandaag: () => "2026-11-23" }, dezeOmgeving({ ...process.env, ...pgOmgeving() }));
    try {
      return await store.read(fn);
    } finally {
      await store.close();
    }
  }
  const conn = openDatabase(sqliteBestand(db, "leesMet()"));
  try {
    return await fn(sqliteSql(conn));
  } finally {
    conn.close();
  }
}
