import type { Sql } from "./sql.js";
import type { Tx, Wie } from "./store.js";
import type { Db } from "./connection.js";

export type { AuditAction, Tx } from "./store.js";

/** A Tx on an executor inside an open transaction: every audit entry carries the same time and user. */
export function makeTx(sql: Sql, db: Db, wie: Wie, now: string): Tx {
  const insert = db.prepare("INSERT INTO audit_log (tijd, gebruiker, tabel, rij_id, actie, details) VALUES (?, ?, ?, ?, ?, ?)");
  return {
    sql,
    db,
    now,
    get today() {
      return wie.vandaag();
    },
    // Written at once and failing at once (not as a rejected promise) while some repositories still
    // call it without awaiting (issue 15 moves them to Sql one by one).
    audit(tabel, rijId, actie, details) {
      insert.run(now, wie.gebruiker, tabel, rijId === null ? null : Number(rijId), actie, details ? JSON.stringify(details) : null);
      return Promise.resolve();
    },
  };
}
