import { makeTx } from "../audit.js";
import { openDatabase, type Db } from "../connection.js";
import type { Sql } from "../sql.js";
import type { KopieControle, Store, Tx, Wie } from "../store.js";
import { backupSqlite, dumpSqlite, wipeSqlite } from "./backup.js";
import { sqliteBulk } from "./bulk.js";
import { sqliteSql } from "./sql.js";

/**
 * The team's data in one SQLite file (the zero-setup default): opened (created 0600, migrated)
 * when constructed. better-sqlite3 is synchronous and this is one connection per process, so a
 * transaction may be held across awaits: nothing else uses the connection meanwhile.
 */
export class SqliteStore implements Store {
  readonly soort = "sqlite" as const;
  readonly db: Db;
  /** The executor outside any transaction (autocommit), while commands move to read() (issue 15). */
  readonly sql: Sql;

  constructor(
    readonly plek: string,
    private readonly wie: Wie,
    options: { maxPageCount?: number } = {},
  ) {
    this.db = openDatabase(plek, options);
    this.sql = sqliteSql(this.db);
  }

  async read<T>(fn: (sql: Sql) => T | Promise<T>): Promise<T> {
    if (this.db.inTransaction) return fn(this.sql);
    this.db.exec("BEGIN");
    try {
      return await fn(this.sql);
    } finally {
      if (this.db.inTransaction) this.db.exec("COMMIT");
    }
  }

  async change<T>(fn: (tx: Tx) => T | Promise<T>, opts: { bulk?: boolean } = {}): Promise<T> {
    const db = this.db;
    const now = new Date().toISOString();
    const tx = makeTx(
      this.sql,
      this.wie,
      now,
      sqliteBulk(db, () => now),
    );
    // A bulk write touches many index pages: a 16 MB page cache (default 2 MB) saves re-reading
    // spilled pages (~10% of a 100,000-row import); only for this connection, only this command.
    if (opts.bulk) db.pragma("cache_size = -16000");
    db.exec("BEGIN IMMEDIATE");
    try {
      const result = await fn(tx);
      db.exec("COMMIT");
      return result;
    } catch (err) {
      if (db.inTransaction) db.exec("ROLLBACK");
      throw err;
    }
  }

  async close(): Promise<void> {
    this.db.close();
  }

  get readonly(): boolean {
    return this.db.readonly;
  }

  backupTo(file: string): Promise<{ controle: KopieControle; hashes: { sha256: string; wat: string }[] }> {
    return backupSqlite(this.db, file);
  }

  async wipeFreeSpace(): Promise<boolean> {
    return wipeSqlite(this.db);
  }

  async dumpTables(): Promise<Record<string, Record<string, unknown>[]>> {
    return dumpSqlite(this.db);
  }
}
