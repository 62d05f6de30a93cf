import type BetterSqlite3 from "better-sqlite3";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { sleutel } from "../domain/invoer.js";
import { UserError } from "../errors.js";
import { MIGRATIONS, SCHEMA_VERSION } from "./migrations.js";

export type Db = BetterSqlite3.Database;

// Loaded with require, not import: ESM would first run Node's CommonJS export scanner over the
// driver. Handing it the addon's path skips the `bindings` package's search of a dozen candidate
// paths. Both are start-up time of every command (see bench/). Loaded on first use: a run on
// PostgreSQL (issue 16) never needs it.
const require = createRequire(import.meta.url);
let driver: { Driver: typeof BetterSqlite3; nativeBinding: string | undefined } | undefined;

function locateAddon(): string | undefined {
  try {
    return require.resolve("better-sqlite3/build/Release/better_sqlite3.node");
  } catch {
    return undefined; // an unusual build layout: let the driver search as it normally does
  }
}

/** A raw SQLite connection (no migrations): for opening files that are not the live database. */
export function sqlite(file: string, options: BetterSqlite3.Options = {}): Db {
  driver ??= { Driver: require("better-sqlite3") as typeof BetterSqlite3, nativeBinding: locateAddon() };
  return new driver.Driver(file, { nativeBinding: driver.nativeBinding, ...options });
}

/** 'INTV': marks a file as ours, so we never migrate somebody else's SQLite file. */
export const APPLICATION_ID = 0x494e5456;

/**
 * Opens (creating if needed, mode 0600) and migrates the database.
 * Refuses files that are not ours or come from a newer version, without writing to them.
 */
export function openDatabase(file: string, options: { migrateTo?: number; maxPageCount?: number } = {}): Db {
  const fresh = !fs.existsSync(file);
  if (fresh) createPrivateFile(file);
  // A file that existed before first use (made by the user, copied with cp) may be too open.
  const tightened = !fresh && tightenPermissions([file]);
  const readonly = !fresh && isReadOnlyFile(file);
  let db: Db;
  try {
    db = sqlite(file, { timeout: 10_000, readonly, fileMustExist: readonly });
  } catch (err) {
    throw translateSqliteError(err, file);
  }
  try {
    checkOwnership(db, file);
    db.pragma("foreign_keys = ON");
    // Names of gemeenten, partners and categories compare by sleutel() (NFC + case folding).
    db.function("sleutel", { deterministic: true }, (x: unknown) => (typeof x === "string" ? sleutel(x) : x));
    if (readonly) {
      // Reading is fine; any write is refused by SQLite (SQLITE_READONLY → one Dutch line).
      const version = db.pragma("user_version", { simple: true }) as number;
      if (version < (options.migrateTo ?? SCHEMA_VERSION)) {
        throw new UserError("alleen-lezen", `Database ${file} is alleen-lezen en moet eerst worden bijgewerkt; er is niets gewijzigd`);
      }
      return db;
    }
    enableWal(db);
    // SQLite gives a new -wal/-shm the file's mode; ones left from when it was too open are fixed too.
    if (tightened) tightenPermissions(["-wal", "-shm", "-journal"].map((s) => file + s));
    db.pragma("synchronous = NORMAL");
    // Deleted rows are overwritten with zeros, not left readable in free pages and later backups
    // (AVG: opschonen must really remove names and omschrijvingen).
    db.pragma("secure_delete = ON");
    // Reads through a memory map instead of a read() per page: a report's first query over
    // 100,000 findings in a fresh process went from ~20 ms to ~8 ms (bench/).
    db.pragma("mmap_size = 268435456");
    // Test hook (documented in README): simulates a full disk by capping the file size.
    if (options.maxPageCount !== undefined) db.pragma(`max_page_count = ${Math.max(1, Math.floor(options.maxPageCount))}`);
    migrate(db, options.migrateTo ?? SCHEMA_VERSION);
    return db;
  } catch (err) {
    db.close();
    throw translateSqliteError(err, file);
  }
}

/**
 * WAL mode is stored in the file, so only its first user switches. Several processes opening a
 * new file at once race for that switch, and SQLite answers the loser "database is locked" at
 * once instead of waiting (seen 1 in ~60 runs of four parallel `init`s): retry for up to a second.
 */
function enableWal(db: Db): void {
  for (let attempt = 1; ; attempt++) {
    try {
      if (db.pragma("journal_mode", { simple: true }) !== "wal") db.pragma("journal_mode = WAL");
      return;
    } catch (err) {
      if (!String((err as { code?: unknown }).code).startsWith("SQLITE_BUSY") || attempt === 50) throw err;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20); // a synchronous 20 ms pause
    }
  }
}

/**
 * A file whose write bits are all cleared (chmod 0400/0444) or that we may not write is opened
 * read-only. The mode is checked too, because root ignores permissions and would write anyway.
 */
function isReadOnlyFile(file: string): boolean {
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) return false; // directories etc.: let SQLite refuse with CANTOPEN
    if ((st.mode & 0o222) === 0) return true;
    fs.accessSync(file, fs.constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

/**
 * The database holds police and enforcement data: 0600, also when the file existed before the
 * tool first used it (an empty file made by the user, a copy made with cp). Only group and other
 * bits are removed (a read-only file stays read-only), and only on files we own. Returns whether
 * anything was changed (one stat in the common case: start-up time, see bench/).
 */
function tightenPermissions(files: string[]): boolean {
  let changed = false;
  for (const f of files) {
    try {
      const st = fs.statSync(f);
      if (!st.isFile() || (st.mode & 0o077) === 0) continue;
      if (process.getuid && process.getuid() !== 0 && st.uid !== process.getuid()) continue;
      fs.chmodSync(f, st.mode & 0o700);
      changed = true;
    } catch {
      // Not there, or not ours to change: SQLite's own checks decide what happens next.
    }
  }
  return changed;
}

function createPrivateFile(file: string): void {
  const dir = path.dirname(file);
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    // 'wx': never clobber a file that appeared meanwhile; 0600: police and enforcement data.
    fs.closeSync(fs.openSync(file, "wx", 0o600));
    fs.chmodSync(file, 0o600); // umask may have narrowed, never widened; be explicit.
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === "EEXIST") return;
    throw new UserError("database-onbereikbaar", `Kan database ${file} niet aanmaken: ${e.code ?? e.message}`);
  }
}

function checkOwnership(db: Db, file: string): void {
  // One read transaction: read one by one, a process initialising the same new file could commit
  // between them (tables present, application_id still 0 → wrongly "not ours"; seen 1 in ~60 runs).
  const { appId, version, tables } = db.transaction(() => ({
    appId: db.pragma("application_id", { simple: true }) as number,
    version: db.pragma("user_version", { simple: true }) as number,
    tables: db.prepare("SELECT count(*) AS n FROM sqlite_master").get() as { n: number },
  }))();
  if (appId === 0 && version === 0 && tables.n === 0) return; // empty: ours to initialise
  if (appId !== APPLICATION_ID) {
    throw new UserError("geen-database", `${file} is geen interventie-database; het bestand is niet gewijzigd`);
  }
  if (version > SCHEMA_VERSION) {
    throw new UserError(
      "nieuwere-database",
      `${file} is gemaakt door een nieuwere versie van interventie (schema ${version}, deze versie kent ${SCHEMA_VERSION}); werk interventie bij`,
    );
  }
}

/** Runs the pending migrations, each in its own transaction with its version bump. */
export function migrate(db: Db, target: number = SCHEMA_VERSION): void {
  const current = db.pragma("user_version", { simple: true }) as number;
  for (let v = current; v < target; v++) {
    db.transaction(() => {
      // Re-read under the write lock: another process may have migrated meanwhile (first use on a shared drive).
      if ((db.pragma("user_version", { simple: true }) as number) > v) return;
      const m = MIGRATIONS[v]!;
      if (typeof m === "string") db.exec(m);
      else m(db);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}

/** Turns SQLite's failures into one Dutch line; unknown ones pass through as unexpected. */
export function translateSqliteError(err: unknown, file: string): unknown {
  if (err instanceof UserError) return err;
  const raw = (err as { code?: unknown } | null)?.code;
  const full = typeof raw === "string" ? raw : "";
  // Extended codes (SQLITE_IOERR_FSYNC, SQLITE_READONLY_ROLLBACK …) share their primary code's message.
  const code = /^SQLITE_(IOERR|READONLY|CANTOPEN|CORRUPT|FULL|BUSY|LOCKED)_/.test(full) ? full.replace(/^(SQLITE_[A-Z]+)_.*$/, "$1") : full;
  switch (code) {
    case "SQLITE_NOTADB":
    case "SQLITE_CORRUPT":
      return new UserError("geen-database", `${file} is geen (geldige) interventie-database; het bestand is niet gewijzigd`);
    case "SQLITE_READONLY":
      return new UserError("alleen-lezen", `Database ${file} is alleen-lezen; er is niets gewijzigd`);
    case "SQLITE_CANTOPEN":
      return new UserError("database-onbereikbaar", `Kan database ${file} niet openen`);
    case "SQLITE_FULL":
      return new UserError("schijf-vol", `De schijf is vol; de wijziging is niet opgeslagen en de database is onveranderd`);
    case "SQLITE_BUSY":
    case "SQLITE_LOCKED":
      return new UserError("database-bezet", `Database ${file} is bezet door een ander proces; probeer het opnieuw`);
    case "SQLITE_IOERR":
      return new UserError("schijffout", `Lezen of schrijven van ${file} mislukt; de database is niet gewijzigd`);
  }
  return err;
}
