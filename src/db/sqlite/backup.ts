import { listOpgeslagenHashes } from "../bijlage.js";
import { APPLICATION_ID, sqlite, type Db } from "../connection.js";
import { SCHEMA_VERSION } from "../migrations.js";
import type { KopieControle } from "../store.js";
import { UserError } from "../../errors.js";
import { sqliteSql } from "./sql.js";

/**
 * SQLite's online backup into `file` (a consistent snapshot even while other processes write),
 * the copy checked and made one self-contained file, and the evidence hashes the copy refers to.
 */
export async function backupSqlite(db: Db, file: string): Promise<{ controle: KopieControle; hashes: { sha256: string; wat: string }[] }> {
  await db.backup(file);
  const copy = sqlite(file, { fileMustExist: true });
  try {
    const controle = controleerKopie(copy);
    return { controle, hashes: await listOpgeslagenHashes(sqliteSql(copy)) };
  } finally {
    copy.close();
  }
}

/** The copy must be a whole, current interventie database. */
function controleerKopie(copy: Db): KopieControle {
  copy.pragma("journal_mode = DELETE");
  const integriteit = copy.pragma("integrity_check", { simple: true }) as string;
  const schema = copy.pragma("user_version", { simple: true }) as number;
  const appId = copy.pragma("application_id", { simple: true }) as number;
  if (integriteit !== "ok" || appId !== APPLICATION_ID || schema !== SCHEMA_VERSION) {
    throw new UserError(
      "backup-ongeldig",
      `De kopie is niet in orde (integriteit: ${integriteit}, schema ${schema}); er is geen backup geschreven`,
    );
  }
  const tabellen: Record<string, number> = {};
  for (const name of tableNames(copy)) {
    tabellen[name] = (copy.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n;
  }
  return { integriteit, schema, tabellen };
}

function tableNames(db: Db): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]
  ).map((r) => r.name);
}

/** Every table's rows by primary key (as PgStore.dumpTables orders them: the same export from both stores). */
export function dumpSqlite(db: Db): Record<string, Record<string, unknown>[]> {
  const tabellen: Record<string, Record<string, unknown>[]> = {};
  for (const name of tableNames(db)) {
    const sleutel = db.prepare("SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk").pluck().all(name) as string[];
    const volgorde = sleutel.length ? sleutel.map((k) => `"${k}"`).join(", ") : "rowid";
    tabellen[name] = db.prepare(`SELECT * FROM "${name}" ORDER BY ${volgorde}`).all() as Record<string, unknown>[];
  }
  return tabellen;
}

/**
 * After a deletion, make sure nothing of it stays readable in the file. secure_delete (set on
 * every connection) zeroes the deleted rows; VACUUM also rebuilds away what a version without
 * secure_delete left in free pages and free space within pages (~0.3 s for 50 MB), and the WAL
 * is checkpointed and truncated so no old frame keeps a copy. The deletion itself is already
 * committed: when another process keeps the database busy this returns false and the next
 * opschonen tries again.
 */
export function wipeSqlite(db: Db): boolean {
  try {
    db.exec("VACUUM");
    const [r] = db.pragma("wal_checkpoint(TRUNCATE)") as { busy: number }[];
    return r?.busy === 0;
  } catch (err) {
    if (/^SQLITE_(BUSY|LOCKED)/.test(String((err as { code?: unknown }).code))) return false;
    throw err;
  }
}
