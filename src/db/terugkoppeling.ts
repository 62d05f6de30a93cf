import type { Sql } from "./sql.js";
import type { AdresVelden } from "../domain/adres.js";
import { ADRES_VELDEN } from "./adres.js";
import { requireBevinding, type Bevinding } from "./bevinding.js";
import { partnersPerBesluit } from "./casustafel.js";
import { listOpvolgingen, type Opvolging } from "./opvolging.js";
import type { SignaalBesluit, SignaalBezoek } from "../domain/terugkoppeling.js";

/** What a partner brought in and what became of it: its signals, the decisions and visits, the findings. */

export interface TerugkoppelingRij {
  bevinding: Omit<Bevinding, "partner"> & {
    /** The partner that owns the finding. */
    eigenaar: string;
    /** How the partner is involved: it brought a signal, owns the finding, or owns a follow-up. */
    betrokkenheid: ("signaal" | "eigenaar" | "opvolging")[];
  };
  opvolgingen: Opvolging[];
}

/**
 * Every finding a partner brought (a signal of theirs at the address on or before
 * the evening) or owns (the finding or one of its follow-ups), with all follow-ups.
 */
export async function listTerugkoppeling(sql: Sql, partnerId: number, vandaag: string): Promise<TerugkoppelingRij[]> {
  const rows = await sql.all<{ id: number; via_signaal: number; via_eigenaar: number; via_opvolging: number }>(
    `SELECT id, via_signaal, via_eigenaar, via_opvolging FROM (
       SELECT b.id, v.datum,
              CASE WHEN EXISTS (SELECT 1 FROM signaal s WHERE s.adres_id = b.adres_id AND s.partner_id = ? AND s.datum <= v.datum)
                   THEN 1 ELSE 0 END AS via_signaal,
              CASE WHEN b.partner_id = ? THEN 1 ELSE 0 END AS via_eigenaar,
              CASE WHEN EXISTS (SELECT 1 FROM opvolging o WHERE o.bevinding_id = b.id AND o.partner_id = ?) THEN 1 ELSE 0 END AS via_opvolging
       FROM bevinding b JOIN avond v ON v.id = b.avond_id) t
     WHERE via_signaal = 1 OR via_eigenaar = 1 OR via_opvolging = 1
     ORDER BY datum, id`,
    partnerId,
    partnerId,
    partnerId,
  );
  const out: TerugkoppelingRij[] = [];
  for (const r of rows) {
    const { partner, ...b } = await requireBevinding(sql, r.id);
    const betrokkenheid = [
      ...(r.via_signaal ? ["signaal" as const] : []),
      ...(r.via_eigenaar ? ["eigenaar" as const] : []),
      ...(r.via_opvolging ? ["opvolging" as const] : []),
    ];
    out.push({
      bevinding: { ...b, eigenaar: partner, betrokkenheid },
      opvolgingen: await listOpvolgingen(sql, { bevindingId: r.id, vandaag }),
    });
  }
  return out;
}

export interface PartnerSignaal extends AdresVelden {
  id: number;
  datum: string;
  adres_id: number;
  gemeente: string;
  thema: string | null;
  omschrijving: string;
}

/** The partner's signals, oldest first. */
export function listPartnerSignalen(sql: Sql, partnerId: number): Promise<PartnerSignaal[]> {
  return sql.all<PartnerSignaal>(
    `SELECT s.id, s.datum, s.adres_id, ${ADRES_VELDEN}, g.naam AS gemeente, s.thema, s.omschrijving
     FROM signaal s JOIN adres a ON a.id = s.adres_id JOIN gemeente g ON g.id = a.gemeente_id
     WHERE s.partner_id = ? ORDER BY s.datum, s.id`,
    partnerId,
  );
}

/** Every casustafel decision on an address, by meeting date. */
export async function listBesluitenOver(sql: Sql, adresId: number): Promise<SignaalBesluit[]> {
  const rows = await sql.all<Omit<SignaalBesluit, "partners"> & { id: number }>(
    `SELECT b.id, c.id AS casustafel_id, c.datum, b.besluit, b.toelichting
     FROM besluit b JOIN casustafel c ON c.id = b.casustafel_id
     WHERE b.adres_id = ? ORDER BY c.datum, c.id`,
    adresId,
  );
  const partners = await partnersPerBesluit(
    sql,
    rows.map((r) => r.id),
  );
  return rows.map(({ id, ...r }) => ({ ...r, partners: partners.get(id) ?? [] }));
}

/** Every evening that visited (or will visit) an address, with the categories found there that evening. */
export async function listBezoekenAan(sql: Sql, adresId: number): Promise<SignaalBezoek[]> {
  const avonden = await sql.all<{ avond_id: number; datum: string }>(
    `SELECT v.id AS avond_id, v.datum FROM avond_adres aa JOIN avond v ON v.id = aa.avond_id
     WHERE aa.adres_id = ? ORDER BY v.datum, v.id`,
    adresId,
  );
  const gevonden = await sql.all<{ avond_id: number; naam: string }>(
    `SELECT b.avond_id, c.naam FROM bevinding b JOIN categorie c ON c.id = b.categorie_id WHERE b.adres_id = ? ORDER BY b.id`,
    adresId,
  );
  return avonden.map((a) => ({ ...a, categorieen: gevonden.filter((g) => g.avond_id === a.avond_id).map((g) => g.naam) }));
}
