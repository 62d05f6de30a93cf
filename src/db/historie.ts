import type { Sql } from "./sql.js";
import type { Bevinding } from "./bevinding.js";
import { betrokkenenVanAdres } from "./betrokkene.js";
import { listSignalen } from "./signaal.js";
import { partnersPerBesluit } from "./casustafel.js";

/** Everything that ever happened at one address, for `adres toon`. */
export async function adresHistorie(sql: Sql, adresId: number) {
  const besluitRijen = await sql.all<{ id: number; casustafel_id: number; datum: string; besluit: string; toelichting: string | null }>(
    `SELECT b.id, b.casustafel_id, c.datum, b.besluit, b.toelichting
     FROM besluit b JOIN casustafel c ON c.id = b.casustafel_id WHERE b.adres_id = ? ORDER BY c.datum, b.id`,
    adresId,
  );
  const partners = await partnersPerBesluit(
    sql,
    besluitRijen.map((b) => b.id),
  );
  const besluiten = besluitRijen.map(({ id, ...b }) => ({ ...b, partners: partners.get(id)?.join(", ") ?? null }));
  const bezoeken = await sql.all<{
    avond_id: number;
    datum: string;
    doel: string;
    risico: string | null;
    risico_toelichting: string | null;
  }>(
    `SELECT v.id AS avond_id, v.datum, v.doel, aa.risico, aa.risico_toelichting
     FROM avond_adres aa JOIN avond v ON v.id = aa.avond_id WHERE aa.adres_id = ? ORDER BY v.datum, v.id`,
    adresId,
  );
  const bevindingen = await sql.all<
    Pick<Bevinding, "id" | "avond_id" | "datum" | "categorie" | "categorie_naam" | "partner" | "omschrijving" | "maatregel" | "personen">
  >(
    `SELECT b.id, b.avond_id, v.datum, c.code AS categorie, c.naam AS categorie_naam, p.naam AS partner,
            b.omschrijving, b.maatregel, b.personen
     FROM bevinding b JOIN avond v ON v.id = b.avond_id JOIN categorie c ON c.id = b.categorie_id
     JOIN partner p ON p.id = b.partner_id WHERE b.adres_id = ? ORDER BY v.datum, b.id`,
    adresId,
  );
  const opvolgingen = await sql.all<{
    id: number;
    bevinding_id: number;
    actie: string;
    partner: string;
    deadline: string;
    status: string;
    resultaat: string | null;
    gesloten_op: string | null;
  }>(
    `SELECT o.id, o.bevinding_id, o.actie, p.naam AS partner, o.deadline, o.status, o.resultaat, o.gesloten_op
     FROM opvolging o JOIN bevinding b ON b.id = o.bevinding_id JOIN partner p ON p.id = o.partner_id
     WHERE b.adres_id = ? ORDER BY o.deadline, o.id`,
    adresId,
  );
  const brieven = await sql.all<{ id: number; kenmerk: string; sjabloon: string; datum: string }>(
    "SELECT id, kenmerk, sjabloon, datum FROM brief WHERE adres_id = ? ORDER BY datum, id",
    adresId,
  );
  return {
    betrokkenen: await betrokkenenVanAdres(sql, adresId),
    signalen: (await listSignalen(sql, { adresId })).reverse(),
    besluiten,
    bezoeken,
    bevindingen,
    opvolgingen,
    brieven,
  };
}

export type AdresHistorie = Awaited<ReturnType<typeof adresHistorie>>;
