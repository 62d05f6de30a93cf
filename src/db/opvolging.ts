import type { Db } from "./connection.js";
import type { Tx } from "./audit.js";
import { notFound } from "../errors.js";
import type { NieuweRegel } from "./bevinding.js";
import type { LijstFilter } from "../domain/opvolging.js";

export interface Opvolging {
  id: number;
  bevinding_id: number;
  avond_id: number;
  avond_datum: string;
  adres_id: number;
  adres: string;
  gemeente: string;
  categorie: string;
  bevinding_partner: string;
  actie: string;
  partner: string;
  deadline: string;
  status: string;
  resultaat: string | null;
  beeindigd: number | null;
  gesloten_op: string | null;
  /** A step of the handhavingsladder (null: a plain follow-up). */
  stap: string | null;
  /** The earliest day the step may happen (the zienswijzetermijn, the begunstigingstermijn …). */
  niet_voor: string | null;
  /** The letter this follow-up is done with, if any. */
  sjabloon: string | null;
  handhaving_id: number | null;
}

const SELECT = `
  SELECT o.id, o.bevinding_id, b.avond_id, v.datum AS avond_datum, b.adres_id,
         a.straat || ' ' || a.huisnummer || a.toevoeging || ', ' || a.plaats AS adres,
         g.naam AS gemeente, c.code AS categorie, bp.naam AS bevinding_partner,
         o.actie, p.naam AS partner, o.deadline, o.status, o.resultaat, o.beeindigd, o.gesloten_op,
         o.stap, o.niet_voor, o.sjabloon, (SELECT h.id FROM handhaving h WHERE h.bevinding_id = o.bevinding_id) AS handhaving_id
  FROM opvolging o
  JOIN bevinding b ON b.id = o.bevinding_id
  JOIN avond v ON v.id = b.avond_id
  JOIN adres a ON a.id = b.adres_id
  JOIN gemeente g ON g.id = a.gemeente_id
  JOIN categorie c ON c.id = b.categorie_id
  JOIN partner bp ON bp.id = b.partner_id
  JOIN partner p ON p.id = o.partner_id`;

export interface OpvolgingFilter {
  status?: LijstFilter;
  gemeenteId?: number;
  partnerId?: number;
  avondId?: number;
  bevindingId?: number;
  /** Needed for status "verlopen". */
  vandaag: string;
  /** At most this many (the earliest deadlines). */
  limiet?: number;
}

/** Sorted by deadline (earliest first), then id. */
export function listOpvolgingen(db: Db, f: OpvolgingFilter): Opvolging[] {
  const where: string[] = [];
  const args: (string | number)[] = [];
  switch (f.status) {
    case undefined:
      break;
    case "open":
      where.push("o.status IN ('open','in-behandeling')");
      break;
    case "verlopen":
      where.push("o.status IN ('open','in-behandeling') AND o.deadline < ?");
      args.push(f.vandaag);
      break;
    default:
      where.push("o.status = ?");
      args.push(f.status);
  }
  const equal: [string, number | undefined][] = [
    ["a.gemeente_id = ?", f.gemeenteId],
    ["o.partner_id = ?", f.partnerId],
    ["b.avond_id = ?", f.avondId],
    ["o.bevinding_id = ?", f.bevindingId],
  ];
  for (const [condition, value] of equal) {
    if (value === undefined) continue;
    where.push(condition);
    args.push(value);
  }
  const clause = where.length ? `WHERE ${where.join(" AND ")}` : "";
  const limiet = f.limiet !== undefined ? `LIMIT ${Math.trunc(f.limiet)}` : "";
  return db.prepare(`${SELECT} ${clause} ORDER BY o.deadline, o.id ${limiet}`).all(...args) as Opvolging[];
}

export function requireOpvolging(db: Db, id: number): Opvolging {
  const o = db.prepare(`${SELECT} WHERE o.id = ?`).get(id) as Opvolging | undefined;
  if (!o) throw notFound("Opvolging", id);
  return o;
}

export function insertOpvolging(tx: Tx, o: NieuweRegel & { bevindingId: number }): number {
  const id = Number(
    tx.db
      .prepare(
        `INSERT INTO opvolging (bevinding_id, actie, partner_id, deadline, status, stap, niet_voor, sjabloon, aangemaakt, gewijzigd)
         VALUES (?, ?, ?, ?, 'open', ?, ?, ?, ?, ?)`,
      )
      .run(o.bevindingId, o.actie, o.partnerId, o.deadline, o.stap ?? null, o.nietVoor ?? null, o.sjabloon ?? null, tx.now, tx.now)
      .lastInsertRowid,
  );
  tx.audit("opvolging", id, "toegevoegd", { bevinding: o.bevindingId, ...(o.stap ? { stap: o.stap } : {}) });
  return id;
}

export function updateOpvolging(
  tx: Tx,
  id: number,
  v: { status: string; resultaat: string | null; beeindigd: number | null; deadline: string; partnerId: number; geslotenOp: string | null },
  velden: string[],
): void {
  tx.db
    .prepare(
      "UPDATE opvolging SET status = ?, resultaat = ?, beeindigd = ?, deadline = ?, partner_id = ?, gesloten_op = ?, gewijzigd = ? WHERE id = ?",
    )
    .run(v.status, v.resultaat, v.beeindigd, v.deadline, v.partnerId, v.geslotenOp, tx.now, id);
  tx.audit("opvolging", id, "gewijzigd", { velden });
}
