import type { Db } from "./connection.js";
import type { Sql } from "./sql.js";

/**
 * Where the team's data lives, behind one interface: commands and use cases see a Store, never a
 * driver. Repositories (the other modules of src/db/) are functions of the Sql executor (reads)
 * or of a Tx (writes). SQLite is the store today (src/db/sqlite/store.ts); a second store
 * implements this interface and Sql, and reuses the repositories' SQL.
 */
export interface Store {
  /** Which kind of store: the few things that differ beyond SQL (files of attachments, backup, VACUUM, logins). */
  readonly soort: "sqlite" | "postgres";
  /** What the user named (the file, or the URL without its password): for messages. */
  readonly plek: string;
  /** Reads in one consistent snapshot. Nothing is written; never nest it in change(). */
  read<T>(fn: (sql: Sql) => T | Promise<T>): Promise<T>;
  /**
   * One write transaction with its audit trail: everything fn writes, or nothing (BEGIN IMMEDIATE
   * on SQLite). `bulk`: a large import follows (the store may prepare for it).
   */
  change<T>(fn: (tx: Tx) => T | Promise<T>, opts?: { bulk?: boolean }): Promise<T>;
  close(): Promise<void>;
}

export type AuditAction = "toegevoegd" | "gewijzigd" | "verwijderd" | "geimporteerd" | "geexporteerd" | "backup" | "herdrukt";

/** A write unit: the executor inside the transaction, its clock, and the audit trail it must leave. */
export interface Tx {
  sql: Sql;
  /** The raw connection, while repositories move to Sql (issue 15). */
  db: Db;
  /** Today's date (--vandaag or the clock in the Netherlands), for records that carry a date. */
  readonly today: string;
  /** Timestamp recorded on rows and audit entries. */
  now: string;
  audit(tabel: string, rijId: number | bigint | null, actie: AuditAction, details?: Record<string, unknown>): Promise<void>;
}

/** Who changes, and which day it is for them: the audit trail and dated records need both. */
export interface Wie {
  gebruiker: string;
  /** Read only when a record needs it (the clock in the Netherlands costs start-up time). */
  vandaag: () => string;
}
