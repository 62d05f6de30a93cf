import { placeholders, type Sql } from "./sql.js";
import type { AdresVelden } from "../domain/adres.js";
import { ADRES_VELDEN } from "./adres.js";
import { openSql } from "./opvolging-sql.js";
import { isVerlopen } from "../domain/opvolging.js";

/** The look back that opens a casustafel: earlier evenings, open and overdue follow-ups, learning points. */
export interface Terugblik {
  avonden: { id: number; datum: string; doel: string; adressen: number; bevindingen: number; leerpunten: string | null }[];
  open_opvolgingen: OpenOpvolging[];
  verlopen: { partner: string; aantal: number; opvolgingen: OpenOpvolging[] }[];
  leerpunten: { avond_id: number; datum: string; tekst: string }[];
}

export interface OpenOpvolging extends AdresVelden {
  id: number;
  actie: string;
  partner: string;
  deadline: string;
  status: string;
  gemeente: string;
  categorie: string;
}

export async function terugblik(sql: Sql, gemeenteIds: number[], datum: string, today: string): Promise<Terugblik> {
  if (gemeenteIds.length === 0) return { avonden: [], open_opvolgingen: [], verlopen: [], leerpunten: [] };
  const marks = placeholders(gemeenteIds.length);
  const avonden = await sql.all<Terugblik["avonden"][number]>(
    `SELECT v.id, v.datum, v.doel, v.leerpunten,
            (SELECT count(*) FROM avond_adres x WHERE x.avond_id = v.id) AS adressen,
            (SELECT count(*) FROM bevinding b WHERE b.avond_id = v.id) AS bevindingen
     FROM avond v
     WHERE v.datum < ? AND EXISTS (SELECT 1 FROM avond_adres aa JOIN adres a ON a.id = aa.adres_id
                                   WHERE aa.avond_id = v.id AND a.gemeente_id IN (${marks}))
     ORDER BY v.datum DESC, v.id DESC`,
    datum,
    ...gemeenteIds,
  );
  const open = await sql.all<OpenOpvolging>(
    `SELECT o.id, o.actie, p.naam AS partner, o.deadline, o.status,
            ${ADRES_VELDEN}, g.naam AS gemeente, c.naam AS categorie
     FROM opvolging o JOIN bevinding b ON b.id = o.bevinding_id JOIN adres a ON a.id = b.adres_id
     JOIN gemeente g ON g.id = a.gemeente_id JOIN partner p ON p.id = o.partner_id JOIN categorie c ON c.id = b.categorie_id
     WHERE ${openSql()} AND a.gemeente_id IN (${marks})
     ORDER BY o.deadline, o.id`,
    ...gemeenteIds,
  );
  const perPartner = new Map<string, OpenOpvolging[]>();
  for (const o of open.filter((x) => isVerlopen(x, today))) perPartner.set(o.partner, [...(perPartner.get(o.partner) ?? []), o]);
  const verlopen = [...perPartner.entries()]
    .map(([partner, opvolgingen]) => ({ partner, aantal: opvolgingen.length, opvolgingen }))
    .sort((a, b) => b.aantal - a.aantal || a.partner.localeCompare(b.partner));
  const leerpunten = avonden.filter((a) => a.leerpunten).map((a) => ({ avond_id: a.id, datum: a.datum, tekst: a.leerpunten! }));
  return { avonden, open_opvolgingen: open, verlopen, leerpunten };
}
