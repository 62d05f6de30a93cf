import type { Sql } from "./sql.js";
import type { Bulk, Tx, Wie } from "./store.js";

export type { AuditAction, Tx } from "./store.js";

/** A Tx on an executor inside an open transaction: every audit entry carries the same time and user. */
export function makeTx(sql: Sql, wie: Wie, now: string, bulk: Bulk): Tx {
  return {
    sql,
    now,
    bulk,
    get today() {
      return wie.vandaag();
    },
    async audit(tabel, rijId, actie, details) {
      await sql.run(
        "INSERT INTO audit_log (tijd, gebruiker, tabel, rij_id, actie, details) VALUES (?, ?, ?, ?, ?, ?)",
        now,
        wie.gebruiker,
        tabel,
        rijId === null ? null : Number(rijId),
        actie,
        details ? JSON.stringify(details) : null,
      );
    },
  };
}

export interface AuditRegel {
  id: number;
  tijd: string;
  gebruiker: string;
  tabel: string;
  rij_id: number | null;
  actie: string;
  details: string | null;
}

/**
 * The audit log, oldest first: the newest `limiet` entries (all when null) from `vanaf` (a UTC
 * timestamp), by one user (compared by sleutel(): NFC and case folding) or in one table.
 */
export function listAuditLog(
  sql: Sql,
  f: { vanaf: string | null; door: string | null; tabel: string | null; limiet: number | null },
): Promise<AuditRegel[]> {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (f.vanaf) {
    where.push("tijd >= ?");
    args.push(f.vanaf);
  }
  if (f.door) {
    where.push("sleutel(gebruiker) = sleutel(?)");
    args.push(f.door);
  }
  if (f.tabel) {
    where.push("tabel = ?");
    args.push(f.tabel);
  }
  const clause = where.length ? `WHERE ${where.join(" AND ")}` : "";
  const limit = f.limiet !== null && f.limiet > 0 ? `LIMIT ${Math.floor(f.limiet)}` : "";
  return sql.all(
    `SELECT * FROM (SELECT id, tijd, gebruiker, tabel, rij_id, actie, details FROM audit_log ${clause} ORDER BY id DESC ${limit}) nieuwste ORDER BY id`,
    ...args,
  );
}
