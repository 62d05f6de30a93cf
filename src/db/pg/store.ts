import { UserError } from "../../errors.js";
import { makeTx } from "../audit.js";
import type { Sql, SqlValue } from "../sql.js";
import type { KopieControle, Store, Tx, Wie } from "../store.js";
import { pgBulk } from "./bulk.js";
import { vertaalPgFout } from "./fouten.js";
import { migreer } from "./migreer.js";
import { pgSql } from "./sql.js";
import {
  controleerDatabase,
  dezeOmgeving,
  pgDoel,
  verbindMet,
  zonderWachtwoord,
  type Ik,
  type Omgeving,
  type PgDoel,
  type PgVerbinding,
} from "./verbinding.js";

/** 'INTW': the advisory lock every write transaction takes, so writers take turns as on SQLite. */
export const SCHRIJF_SLOT = 0x494e5457;

/** How long a writer waits for another before giving up with "bezet" (SQLite's busy timeout is the same). */
const WACHTTIJD = "10s";

interface Open {
  verbinding: PgVerbinding;
  sql: Sql;
  ik: Ik;
}

/**
 * The team's data in a PostgreSQL database (issue 16), behind the same Store interface as SQLite:
 * the repositories' SQL runs on both (src/db/pg/sql.ts translates placeholders). Connects on first
 * use (node-postgres is loaded only then), checks that this is an interventie database of a known
 * version and that the login has a function in it, and migrates when the login may (the
 * administrator: `init`, or the first command after an upgrade).
 *
 * Transactions keep SQLite's guarantees: a read is one snapshot (REPEATABLE READ, READ ONLY); a
 * change takes the team's write lock first (an advisory lock held to COMMIT), so writers take turns
 * and every read-decide-write inside one change sees the data it decides on, while readers never
 * wait. Who wrote is the database login (session_user): the audit trigger records it, whatever
 * the client says (--gebruiker).
 */
export class PgStore implements Store {
  readonly soort = "postgres" as const;
  readonly plek: string;
  /** Where it connects (with the password, if any: for pg_dump's environment, never for messages). */
  readonly doel: PgDoel;
  private geopend: Promise<Open> | undefined;
  private inTransactie = false;

  constructor(
    url: string,
    private readonly wie: Wie & { gegeven?: boolean; waarschuw?: (tekst: string) => void },
    omgeving: Omgeving = dezeOmgeving(),
  ) {
    this.plek = zonderWachtwoord(url);
    this.doel = pgDoel(url, omgeving);
  }

  /** The connection, opened, checked and (when the login may) migrated on first use. */
  private open(): Promise<Open> {
    this.geopend ??= this.verbind();
    return this.geopend;
  }

  private async verbind(): Promise<Open> {
    const verbinding = await verbindMet(this.doel);
    try {
      const eerst = await controleerDatabase(verbinding, this.doel);
      let ik = eerst.ik;
      if (eerst.oordeel.actie === "migreren") {
        await migreer(verbinding, this.doel);
        ({ ik } = await controleerDatabase(verbinding, this.doel));
      }
      const sql = pgSql(verbinding, verbinding.sqlTypen, (err) => vertaalPgFout(err, this.doel));
      return { verbinding, sql, ik: ik! };
    } catch (err) {
      await verbinding.end().catch(() => undefined);
      throw err;
    }
  }

  /** Who is logged in, by this database's mapping (the audit log records this login). */
  async ik(): Promise<Ik> {
    return (await this.open()).ik;
  }

  /** The executor outside any transaction (autocommit): connects on its first query. */
  readonly sql: Sql = {
    dialect: "postgres",
    all: async <T>(text: string, ...params: SqlValue[]) => (await this.open()).sql.all<T>(text, ...params),
    get: async <T>(text: string, ...params: SqlValue[]) => (await this.open()).sql.get<T>(text, ...params),
    run: async (text: string, ...params: SqlValue[]) => (await this.open()).sql.run(text, ...params),
    insert: async (text: string, ...params: SqlValue[]) => (await this.open()).sql.insert(text, ...params),
  };

  async read<T>(fn: (sql: Sql) => T | Promise<T>): Promise<T> {
    const { sql } = await this.open();
    if (this.inTransactie) return fn(sql);
    return this.transactie("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", () => fn(sql));
  }

  async change<T>(fn: (tx: Tx) => T | Promise<T>, _opts: { bulk?: boolean } = {}): Promise<T> {
    const { sql, ik } = await this.open();
    if (this.inTransactie) throw new Error("change() binnen een transactie");
    this.waarschuwGebruiker(ik);
    const now = new Date().toISOString();
    // The trigger audit_log_login writes the login (session_user) whatever is passed; passing it keeps both stores alike.
    const tx = makeTx(
      sql,
      { gebruiker: ik.login, vandaag: this.wie.vandaag },
      now,
      pgBulk(sql, () => now),
    );
    return this.transactie(`BEGIN; SET LOCAL lock_timeout = '${WACHTTIJD}'; SELECT pg_advisory_xact_lock(${SCHRIJF_SLOT})`, () => fn(tx));
  }

  private async transactie<T>(begin: string, fn: () => T | Promise<T>): Promise<T> {
    const { verbinding } = await this.open();
    try {
      await verbinding.query(begin);
    } catch (err) {
      throw vertaalPgFout(err, this.doel);
    }
    this.inTransactie = true;
    try {
      const uitkomst = await fn();
      await verbinding.query("COMMIT").catch((err: unknown) => {
        throw vertaalPgFout(err, this.doel);
      });
      return uitkomst;
    } catch (err) {
      await verbinding.query("ROLLBACK").catch(() => undefined);
      throw err;
    } finally {
      this.inTransactie = false;
    }
  }

  /** --gebruiker cannot make the audit log name someone else on PostgreSQL: say so, once. */
  private gewaarschuwd = false;
  private waarschuwGebruiker(ik: Ik): void {
    if (this.gewaarschuwd || !this.wie.gegeven || this.wie.gebruiker === ik.login) return;
    this.gewaarschuwd = true;
    this.wie.waarschuw?.(`--gebruiker geldt niet op PostgreSQL: het auditlog noteert de login ${ik.login}`);
  }

  /** A team database is never opened read-only by the client (the server's grants decide). */
  readonly readonly = false;

  /** A PostgreSQL backup is pg_dump's (src/usecases/backup-postgres.ts), never a file copy by the client. */
  async backupTo(): Promise<{ controle: KopieControle; hashes: { sha256: string; wat: string }[] }> {
    throw new UserError(
      "alleen-sqlite",
      "Een backup van een PostgreSQL-database maakt pg_dump: interventie backup --uit <bestand> als beheerder",
    );
  }

  /**
   * Deleted rows stay in the table's pages until PostgreSQL's (auto)vacuum reuses them; that is the
   * server's maintenance, not the client's. Nothing to do here: the deletion is committed.
   */
  async wipeFreeSpace(): Promise<boolean> {
    return true;
  }

  /** Every table's rows, for export (never the bytes of evidence: the metadata names them by hash): by primary key, as SQLite's dumpSqlite orders them (the same export from both stores). */
  async dumpTables(sql: Sql): Promise<Record<string, Record<string, unknown>[]>> {
    const tabellen = await sql.all<{ t: string }>(
      `SELECT table_name AS t FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('interventie_schema', 'gebruiker', 'gebruiker_gemeente', 'bestand_inhoud')
       ORDER BY table_name COLLATE "C"`,
    );
    const sleutels = await sql.all<{ t: string; k: string }>(
      `SELECT c.relname AS t, a.attname AS k
       FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (i.indkey)
       WHERE n.nspname = 'public' AND i.indisprimary
       ORDER BY c.relname, array_position(i.indkey::int2[], a.attnum)`,
    );
    const sleutel = new Map<string, string[]>();
    for (const { t, k } of sleutels) sleutel.set(t, [...(sleutel.get(t) ?? []), `"${k}"`]);
    const uit: Record<string, Record<string, unknown>[]> = {};
    for (const { t } of tabellen) {
      uit[t] = await sql.all<Record<string, unknown>>(`SELECT * FROM "${t}" AS x ORDER BY ${sleutel.get(t)?.join(", ") ?? "x"}`);
    }
    return uit;
  }

  async close(): Promise<void> {
    const open = this.geopend;
    this.geopend = undefined;
    if (!open) return;
    const o = await open.catch(() => undefined);
    await o?.verbinding.end().catch(() => undefined);
  }
}

/**
 * The SQLite file's path asked for on PostgreSQL (ctx.dbPath): every command takes its PostgreSQL
 * path before that (backup: pg_dump), so this is a guard that keeps a URL from being used as a path.
 */
export function alleenSqlite(): UserError {
  return new UserError("alleen-sqlite", "Dit deel van de opdracht geldt alleen voor een databasebestand, niet voor PostgreSQL");
}
