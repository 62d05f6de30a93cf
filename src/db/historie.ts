import type { Db } from "./connection.js";
import type { Bevinding } from "./bevinding.js";
import { betrokkenenVanAdres } from "./betrokkene.js";
import { listSignalen } from "./signaal.js";

/** Everything that ever happened at one address, for `adres toon`. */
export function adresHistorie(db: Db, adresId: number) {
  const besluiten = db
    .prepare(
      `SELECT b.casustafel_id, c.datum, b.besluit, b.toelichting,
              (SELECT group_concat(p.naam, ', ') FROM besluit_partner bp JOIN partner p ON p.id = bp.partner_id WHERE bp.besluit_id = b.id) AS partners
       FROM besluit b JOIN casustafel c ON c.id = b.casustafel_id WHERE b.adres_id = ? ORDER BY c.datum, b.id`,
    )
    .all(adresId) as { casustafel_id: number; datum: string; besluit: string; toelichting: string | null; partners: string | null }[];
  const bezoeken = db
    .prepare(
      `SELECT v.id AS avond_id, v.datum, v.doel, aa.risico, aa.risico_toelichting
       FROM avond_adres aa JOIN avond v ON v.id = aa.avond_id WHERE aa.adres_id = ? ORDER BY v.datum, v.id`,
    )
    .all(adresId) as { avond_id: number; datum: string; doel: string; risico: string | null; risico_toelichting: string | null }[];
  const bevindingen = db
    .prepare(
      `SELECT b.id, b.avond_id, v.datum, c.code AS categorie, c.naam AS categorie_naam, p.naam AS partner,
              b.omschrijving, b.maatregel, b.personen
       FROM bevinding b JOIN avond v ON v.id = b.avond_id JOIN categorie c ON c.id = b.categorie_id
       JOIN partner p ON p.id = b.partner_id WHERE b.adres_id = ? ORDER BY v.datum, b.id`,
    )
    .all(adresId) as Omit<Bevinding, "adres_id" | "adres" | "gemeente">[];
  const opvolgingen = db
    .prepare(
      `SELECT o.id, o.bevinding_id, o.actie, p.naam AS partner, o.deadline, o.status, o.resultaat, o.gesloten_op
       FROM opvolging o JOIN bevinding b ON b.id = o.bevinding_id JOIN partner p ON p.id = o.partner_id
       WHERE b.adres_id = ? ORDER BY o.deadline, o.id`,
    )
    .all(adresId) as {
    id: number;
    bevinding_id: number;
    actie: string;
    partner: string;
    deadline: string;
    status: string;
    resultaat: string | null;
    gesloten_op: string | null;
  }[];
  const brieven = db.prepare(`SELECT id, kenmerk, sjabloon, datum FROM brief WHERE adres_id = ? ORDER BY datum, id`).all(adresId) as {
    id: number;
    kenmerk: string;
    sjabloon: string;
    datum: string;
  }[];
  return {
    betrokkenen: betrokkenenVanAdres(db, adresId),
    signalen: listSignalen(db, { adresId }).reverse(),
    besluiten,
    bezoeken,
    bevindingen,
    opvolgingen,
    brieven,
  };
}

export type AdresHistorie = ReturnType<typeof adresHistorie>;
