import type { Db } from "./connection.js";
import { metAdres, type AdresVelden } from "../domain/adres.js";
import { ADRES_VELDEN } from "./adres.js";
import { requireBevinding, type Bevinding } from "./bevinding.js";
import { listOpvolgingen, type Opvolging } from "./opvolging.js";
import { opvolgingView } from "../domain/opvolging.js";
import {
  bevindingVoorPartner,
  signaalTotalen,
  signaalUitkomst,
  totalen,
  type SignaalBesluit,
  type SignaalBezoek,
  type TerugkoppelingData,
} from "../domain/terugkoppeling.js";

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
export function terugkoppeling(db: Db, partnerId: number, vandaag: string): TerugkoppelingRij[] {
  const rows = db
    .prepare(
      `SELECT id, via_signaal, via_eigenaar, via_opvolging FROM (
         SELECT b.id, v.datum,
                EXISTS (SELECT 1 FROM signaal s WHERE s.adres_id = b.adres_id AND s.partner_id = @p AND s.datum <= v.datum) AS via_signaal,
                b.partner_id = @p AS via_eigenaar,
                EXISTS (SELECT 1 FROM opvolging o WHERE o.bevinding_id = b.id AND o.partner_id = @p) AS via_opvolging
         FROM bevinding b JOIN avond v ON v.id = b.avond_id)
       WHERE via_signaal OR via_eigenaar OR via_opvolging
       ORDER BY datum, id`,
    )
    .all({ p: partnerId }) as { id: number; via_signaal: number; via_eigenaar: number; via_opvolging: number }[];
  return rows.map((r) => {
    const { partner, ...b } = requireBevinding(db, r.id);
    const betrokkenheid = [
      ...(r.via_signaal ? ["signaal" as const] : []),
      ...(r.via_eigenaar ? ["eigenaar" as const] : []),
      ...(r.via_opvolging ? ["opvolging" as const] : []),
    ];
    return { bevinding: { ...b, eigenaar: partner, betrokkenheid }, opvolgingen: listOpvolgingen(db, { bevindingId: r.id, vandaag }) };
  });
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
export function partnerSignalen(db: Db, partnerId: number): PartnerSignaal[] {
  return db
    .prepare(
      `SELECT s.id, s.datum, s.adres_id, ${ADRES_VELDEN},
              g.naam AS gemeente, s.thema, s.omschrijving
       FROM signaal s JOIN adres a ON a.id = s.adres_id JOIN gemeente g ON g.id = a.gemeente_id
       WHERE s.partner_id = ? ORDER BY s.datum, s.id`,
    )
    .all(partnerId) as PartnerSignaal[];
}

/** Every casustafel decision on an address, by meeting date. */
export function besluitenOver(db: Db, adresId: number): SignaalBesluit[] {
  const rows = db
    .prepare(
      `SELECT c.id AS casustafel_id, c.datum, b.besluit, b.toelichting,
              (SELECT group_concat(p.naam, '|') FROM besluit_partner bp JOIN partner p ON p.id = bp.partner_id WHERE bp.besluit_id = b.id) AS partners
       FROM besluit b JOIN casustafel c ON c.id = b.casustafel_id
       WHERE b.adres_id = ? ORDER BY c.datum, c.id`,
    )
    .all(adresId) as (Omit<SignaalBesluit, "partners"> & { partners: string | null })[];
  return rows.map((r) => ({ ...r, partners: r.partners ? r.partners.split("|").sort() : [] }));
}

/** Every evening that visited (or will visit) an address, with what was found there that evening. */
export function bezoekenAan(db: Db, adresId: number): SignaalBezoek[] {
  const rows = db
    .prepare(
      `SELECT v.id AS avond_id, v.datum,
              (SELECT group_concat(c.naam, '|') FROM bevinding b JOIN categorie c ON c.id = b.categorie_id
               WHERE b.avond_id = v.id AND b.adres_id = aa.adres_id) AS categorieen
       FROM avond_adres aa JOIN avond v ON v.id = aa.avond_id
       WHERE aa.adres_id = ? ORDER BY v.datum, v.id`,
    )
    .all(adresId) as (Omit<SignaalBezoek, "categorieen"> & { categorieen: string | null })[];
  return rows.map((r) => ({ ...r, categorieen: r.categorieen ? r.categorieen.split("|") : [] }));
}

/** The whole terugkoppeling for one partner, as terminal, JSON and PDF show it. */
export function terugkoppelingVoor(db: Db, partner: { id: number; naam: string }, vandaag: string): TerugkoppelingData {
  const signalen = partnerSignalen(db, partner.id).map((s) => ({
    ...metAdres(s),
    ...signaalUitkomst(s.datum, besluitenOver(db, s.adres_id), bezoekenAan(db, s.adres_id), vandaag),
  }));
  const rows = terugkoppeling(db, partner.id, vandaag).map((r) => ({
    bevinding: metAdres(r.bevinding),
    opvolgingen: r.opvolgingen.map((o) => opvolgingView(o, vandaag)),
  }));
  return {
    partner: partner.naam,
    datum: vandaag,
    totalen: totalen(rows),
    signaaltotalen: signaalTotalen(signalen),
    signalen,
    bevindingen: rows.map((r) => bevindingVoorPartner(r.bevinding, r.opvolgingen, partner.naam)),
  };
}
