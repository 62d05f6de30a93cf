import type { BevindingInvoer } from "./bevinding.js";
import type { OpvolgingInvoer } from "./opvolging.js";
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

  // What every store does its own way (SQLite: src/db/sqlite/; a server store: dumps, VACUUM of its own).

  /** Only reads are possible (a read-only file): writes, audit entries included, are refused. */
  readonly readonly: boolean;
  /**
   * A consistent copy into `file` (SQLite: the online backup API, also while others write), then
   * checked as a whole, current database of this tool; what the copy's evidence refers to.
   */
  backupTo(file: string): Promise<{ controle: KopieControle; hashes: { sha256: string; wat: string }[] }>;
  /** After deleting personal data: overwrite freed space. False when others hold the database (try later). */
  wipeFreeSpace(): Promise<boolean>;
  /** Every table's rows, by primary key (for `export`), read with `sql` (inside the caller's transaction). */
  dumpTables(sql: Sql): Promise<Record<string, Record<string, unknown>[]>>;
}

/** What a backup copy was checked for. */
export interface KopieControle {
  integriteit: string;
  schema: number;
  tabellen: Record<string, number>;
}

export type AuditAction = "toegevoegd" | "gewijzigd" | "verwijderd" | "geimporteerd" | "geexporteerd" | "backup" | "herdrukt";

/** A write unit: the executor inside the transaction, its clock, and the audit trail it must leave. */
export interface Tx {
  sql: Sql;
  /** Today's date (--vandaag or the clock in the Netherlands), for records that carry a date. */
  readonly today: string;
  /** Timestamp recorded on rows and audit entries. */
  now: string;
  audit(tabel: string, rijId: number | bigint | null, actie: AuditAction, details?: Record<string, unknown>): Promise<void>;
  /** Writing many rows fast, the way this store can (SQLite: src/db/sqlite/bulk.ts). */
  readonly bulk: Bulk;
}

/**
 * The fast paths of writing findings, store by store: SQLite keeps prepared statements and lets one
 * INSERT … SELECT make 200,000 follow-ups; a server store batches instead (PostgreSQL: unnest of arrays),
 * never a round trip per row. Findings written here get consecutive ids: the follow-ups and zaken
 * that go with them are written for the range.
 */
export interface Bulk {
  bevindingen(): BevindingenBulk;
  /** The follow-ups of findings eersteId..laatsteId: per finding, the list of its kind (category and partner), in order. */
  insertOpvolgingen(eersteId: number, laatsteId: number, perSoort: OpvolgingenPerSoort[]): Promise<number>;
}

export interface BevindingenBulk {
  /** One finding with its toezichthouders (ids, in order). A store that batches may return the promise of a flush. */
  add(b: BevindingInvoer, toezichthouderIds: number[]): void | Promise<void>;
  /** Puts an address on the evening's list, last in the visiting order, before its findings are added. */
  addAvondAdres(avondId: number, adresId: number): void | Promise<void>;
  /** Writes what is still waiting; the findings written: their number and the range of their ids. */
  finish(): Promise<{ aantal: number; eerste: number | null; laatste: number | null }>;
}

/** The follow-ups every finding of one kind gets: the first step of its ladder and its category's rules. */
export interface OpvolgingenPerSoort {
  categorieId: number;
  /** The finding's partner (a rule may give its action to it). */
  partnerId: number;
  opvolgingen: OpvolgingInvoer[];
}

/** Who changes, and which day it is for them: the audit trail and dated records need both. */
export interface Wie {
  gebruiker: string;
  /** Read only when a record needs it (the clock in the Netherlands costs start-up time). */
  vandaag: () => string;
}
