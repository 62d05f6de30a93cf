/**
 * Store-neutral SQL for test fixtures and checks: one statement with `?` placeholders on the test's
 * database, a SQLite file or a PostgreSQL URL. The SQL must run on both (as src/db's does: no
 * COLLATE NOCASE, no date functions, `INSERT … RETURNING id` for a new id). On PostgreSQL it runs
 * as the superuser (past row-level security and without an audit entry): a fixture sets up a state
 * the CLI cannot reach quickly (a date in the past, a letter already sent), it is never the thing
 * under test. Synchronous, so seed builders and tests stay as they are.
 */
import Database from "better-sqlite3";
import { dollarPlaceholders } from "../../src/db/pg/sql.js";
import { databaseVan, isPgUrl, sqliteBestand } from "./opslag.js";
import { pgQuery } from "./pg-sync.js";

/** Every row of one statement (none for a statement without RETURNING); ids and counts as numbers on both stores. */
export function rijen<T = any>(db: string, sql: string, ...args: unknown[]): T[] {
  if (isPgUrl(db)) return pgQuery<T>(databaseVan(db), dollarPlaceholders(sql), args, { getallen: true }).rows;
  const conn = new Database(sqliteBestand(db, "rijen()"), { fileMustExist: true });
  try {
    conn.pragma("foreign_keys = ON");
    const stmt = conn.prepare(sql);
    if (stmt.reader) return stmt.all(...args) as T[];
    stmt.run(...args);
    return [];
  } finally {
    conn.close();
  }
}

/** The first row of one statement, or undefined. */
export function rij<T = any>(db: string, sql: string, ...args: unknown[]): T | undefined {
  return rijen<T>(db, sql, ...args)[0];
}

/** One number (`… AS n`). */
export function count(db: string, sql: string, ...args: unknown[]): number {
  return Number(rij<{ n: unknown }>(db, sql, ...args)!.n);
}

/** One statement that returns nothing. */
export function exec(db: string, sql: string, ...args: unknown[]): void {
  rijen(db, sql, ...args);
}

/** A new row (`INSERT … RETURNING id`): its id. */
export function insert(db: string, sql: string, ...args: unknown[]): number {
  return Number(rij<{ id: unknown }>(db, sql, ...args)!.id);
}
