import type { Sql } from "./sql.js";
import type { Tx } from "./store.js";
import type { AdresVelden } from "../domain/adres.js";
import type { LijstFilter } from "../domain/opvolging.js";
import { notFound } from "../errors.js";
import { ADRES_VELDEN } from "./adres.js";
import { openSql, verlopenSql } from "./opvolging-sql.js";

/**
 * A follow-up with its finding, category, partners, address and evening: the one row every
 * command and every letter reads a follow-up as (opvolging lijst, brief maak, the ladder).
 */
export interface Opvolging extends AdresVelden {
  id: number;
  bevinding_id: number;
  actie: string;
  partner: string;
  partner_id: number;
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
  /** Raised by every change (issue 16 pt 3): a change based on an older versie is refused. */
  versie: number;
  avond_id: number;
  avond_datum: string;
  avond_doel: string;
  avond_starttijd: string;
  adres_id: number;
  gemeente: string;
  /** The address's object type (woning, loods …). */
  type: string;
  categorie: string;
  categorie_naam: string;
  /** The norm violated: the zaak's own voorschrift, else the category's. */
  grondslag: string | null;
  omschrijving: string;
  maatregel: string | null;
  personen: number | null;
  /** Time of observation as recorded (null: the evening's start time). */
  tijdstip: string | null;
  bevinding_partner: string;
}

const SELECT = `
  SELECT o.id, o.bevinding_id, o.actie, po.naam AS partner, o.partner_id, o.deadline, o.status, o.resultaat, o.beeindigd,
         o.gesloten_op, o.stap, o.niet_voor, o.sjabloon, h.id AS handhaving_id, o.versie,
         b.avond_id, v.datum AS avond_datum, v.doel AS avond_doel, v.starttijd AS avond_starttijd,
         b.adres_id, ${ADRES_VELDEN}, g.naam AS gemeente, a.type,
         c.code AS categorie, c.naam AS categorie_naam, coalesce(h.voorschrift, c.grondslag) AS grondslag,
         b.omschrijving, b.maatregel, b.personen, b.tijdstip, pb.naam AS bevinding_partner
  FROM opvolging o
  JOIN bevinding b ON b.id = o.bevinding_id
  JOIN avond v ON v.id = b.avond_id
  JOIN adres a ON a.id = b.adres_id
  JOIN gemeente g ON g.id = a.gemeente_id
  JOIN categorie c ON c.id = b.categorie_id
  JOIN partner pb ON pb.id = b.partner_id
  JOIN partner po ON po.id = o.partner_id
  LEFT JOIN handhaving h ON h.bevinding_id = b.id`;

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
export function listOpvolgingen(sql: Sql, f: OpvolgingFilter): Promise<Opvolging[]> {
  const where: string[] = [];
  const args: (string | number)[] = [];
  switch (f.status) {
    case undefined:
      break;
    case "open":
      where.push(openSql());
      break;
    case "verlopen":
      where.push(verlopenSql());
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
  return sql.all<Opvolging>(`${SELECT} ${clause} ORDER BY o.deadline, o.id ${limiet}`, ...args);
}

/** The open follow-ups of the findings of one evening, in the order they were made (letters are for work still to do). */
export function listOpenOpvolgingenVanAvond(sql: Sql, avondId: number): Promise<Opvolging[]> {
  return sql.all<Opvolging>(`${SELECT} WHERE b.avond_id = ? AND ${openSql()} ORDER BY o.id`, avondId);
}

export async function requireOpvolging(sql: Sql, id: number): Promise<Opvolging> {
  const o = await sql.get<Opvolging>(`${SELECT} WHERE o.id = ?`, id);
  if (!o) throw notFound("Opvolging", id);
  return o;
}

/** A follow-up to write for a finding: a rule of its category, a step of its handhavingsladder, or one added by hand. */
export interface OpvolgingInvoer {
  actie: string;
  partnerId: number;
  deadline: string;
  stap?: string | null;
  nietVoor?: string | null;
  sjabloon?: string | null;
}

export async function insertOpvolging(tx: Tx, o: OpvolgingInvoer & { bevindingId: number }): Promise<number> {
  const id = await tx.sql.insert(
    `INSERT INTO opvolging (bevinding_id, actie, partner_id, deadline, status, stap, niet_voor, sjabloon, aangemaakt, gewijzigd)
     VALUES (?, ?, ?, ?, 'open', ?, ?, ?, ?, ?) RETURNING id`,
    o.bevindingId,
    o.actie,
    o.partnerId,
    o.deadline,
    o.stap ?? null,
    o.nietVoor ?? null,
    o.sjabloon ?? null,
    tx.now,
    tx.now,
  );
  await tx.audit("opvolging", id, "toegevoegd", { bevinding: o.bevindingId, ...(o.stap ? { stap: o.stap } : {}) });
  return id;
}

/**
 * Writes a decided change and raises the versie. With `verwachteVersie` only if the row still has
 * that versie (checked by the UPDATE itself, inside the transaction): false when someone changed it since.
 */
export async function updateOpvolging(
  tx: Tx,
  id: number,
  v: { status: string; resultaat: string | null; beeindigd: number | null; deadline: string; partnerId: number; geslotenOp: string | null },
  velden: string[],
  verwachteVersie?: number,
): Promise<boolean> {
  const alleenAls = verwachteVersie !== undefined ? " AND versie = ?" : "";
  const n = await tx.sql.run(
    `UPDATE opvolging SET status = ?, resultaat = ?, beeindigd = ?, deadline = ?, partner_id = ?, gesloten_op = ?, gewijzigd = ?,
     versie = versie + 1 WHERE id = ?${alleenAls}`,
    v.status,
    v.resultaat,
    v.beeindigd,
    v.deadline,
    v.partnerId,
    v.geslotenOp,
    tx.now,
    id,
    ...(verwachteVersie !== undefined ? [verwachteVersie] : []),
  );
  if (n === 0) return false;
  await tx.audit("opvolging", id, "gewijzigd", { velden });
  return true;
}

/** Who last changed a follow-up and when (its newest audit entry), for the message that it changed meanwhile. */
export function laatsteWijziging(sql: Sql, id: number): Promise<{ gebruiker: string; tijd: string } | undefined> {
  return sql.get("SELECT gebruiker, tijd FROM audit_log WHERE tabel = 'opvolging' AND rij_id = ? ORDER BY id DESC LIMIT 1", id);
}
