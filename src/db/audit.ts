import type { Db } from "./connection.js";

export type AuditAction = "toegevoegd" | "gewijzigd" | "verwijderd" | "geimporteerd" | "geexporteerd" | "backup" | "herdrukt";

/** A write unit: the database plus the audit trail it must leave, in one transaction. */
export interface Tx {
  db: Db;
  /** Today's date (injectable), for records that carry a date. */
  today: string;
  /** Timestamp recorded on rows and audit entries. */
  now: string;
  audit(tabel: string, rijId: number | bigint | null, actie: AuditAction, details?: Record<string, unknown>): void;
}

/** `today` is a function: reading the clock in the Amsterdam time zone costs start-up time, so only on use. */
export function makeTx(db: Db, gebruiker: string, now: string, today: () => string): Tx {
  const insert = db.prepare("INSERT INTO audit_log (tijd, gebruiker, tabel, rij_id, actie, details) VALUES (?, ?, ?, ?, ?, ?)");
  return {
    db,
    now,
    get today() {
      return today();
    },
    audit(tabel, rijId, actie, details) {
      insert.run(now, gebruiker, tabel, rijId === null ? null : Number(rijId), actie, details ? JSON.stringify(details) : null);
    },
  };
}
