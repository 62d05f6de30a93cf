/**
 * The one way repositories talk to a database: plain SQL text with `?` placeholders and plain
 * values in and out. A store implements it for its driver (SQLite: src/db/sqlite/sql.ts).
 *
 * Contract, so the same repository SQL runs on every store:
 * - parameters and row values are strings, numbers or null (no booleans, bigints, Dates or
 *   driver types); ids and counts come back as numbers, dates as 'YYYY-MM-DD' text; bytes (the
 *   evidence on PostgreSQL, src/db/pg/bewijs.ts) go in as a Uint8Array (a BLOB or bytea parameter);
 * - SQL is written to run on SQLite and PostgreSQL alike: `INSERT … ON CONFLICT … DO NOTHING/UPDATE`,
 *   no group_concat (aggregate in TypeScript), no date functions, names compared with
 *   `sleutel(…)` (NFC and case folding, registered by every store);
 * - one executor belongs to one connection: a transaction is the store's business (Store.change).
 */
export type SqlValue = string | number | null | Uint8Array;

/** Which SQL a store speaks: for the few statements that differ (one place per statement, see onDialect). */
export type Dialect = "sqlite" | "postgres";

export interface Sql {
  readonly dialect: Dialect;
  /** Every row of a query. */
  all<T>(text: string, ...params: SqlValue[]): Promise<T[]>;
  /** The first row of a query, or undefined. */
  get<T>(text: string, ...params: SqlValue[]): Promise<T | undefined>;
  /** A statement that returns no rows; the number of rows it changed. */
  run(text: string, ...params: SqlValue[]): Promise<number>;
  /** An `INSERT … RETURNING id`: the new row's id. */
  insert(text: string, ...params: SqlValue[]): Promise<number>;
}

/** `?, ?, ?` for an IN list of n values (n ≥ 1). */
export function placeholders(n: number): string {
  return Array.from({ length: n }, () => "?").join(", ");
}

/** The one statement text for this store, where SQLite and PostgreSQL need different SQL. */
export function onDialect<T>(sql: Sql, per: Record<Dialect, T>): T {
  return per[sql.dialect];
}
