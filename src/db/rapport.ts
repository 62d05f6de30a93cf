/**
 * Report queries. Every count is a GROUP BY in SQLite over indexed columns
 * (avond.datum, bevinding.avond_id/categorie_id/partner_id, opvolging.bevinding_id/
 * status/deadline); only aggregated rows — one per category, gemeente, partner,
 * type — come back to JavaScript, so 100,000 findings cost barely more than ten.
 */
import type { Sql } from "./sql.js";
import { openSql, verlopenSql } from "./opvolging-sql.js";
import type { IsoDate } from "../domain/dates.js";
import {
  mergeGroepen,
  metAdresPercentages,
  metPercentage,
  topN,
  totaalCijfers,
  type CategorieTelling,
  type JaarRapport,
  type OpvolgingRapport,
  type TopRapport,
} from "../domain/rapport.js";

export interface RapportFilter {
  /** Evening date from (inclusive). */
  van?: IsoDate;
  /** Evening date up to and including. */
  tot?: IsoDate;
  gemeenteId?: number;
  /** Owner of the finding (bevinding.partner_id). */
  partnerId?: number;
}

type Params = (string | number)[];

/** The period on an evening-date column; both bounds inclusive. */
function periode(f: Pick<RapportFilter, "van" | "tot">, kolom: string): { conds: string[]; params: Params } {
  const conds: string[] = [];
  const params: Params = [];
  if (f.van !== undefined) {
    conds.push(`${kolom} >= ?`);
    params.push(f.van);
  }
  if (f.tot !== undefined) {
    conds.push(`${kolom} <= ?`);
    params.push(f.tot);
  }
  return { conds, params };
}

/**
 * The findings in scope: `bevinding b [JOIN adres a]` plus a WHERE. The evening's date decides
 * the period (both bounds inclusive) through the set of evening ids, so a count needs no join per
 * finding: an unfiltered top is a scan of the covering index bevinding_categorie, a filtered one
 * of bevinding_avond (measured at 100,000 findings: 9 ms instead of 65 ms with a join to avond).
 */
function scope(f: RapportFilter, needsAdres = false): { from: string; where: string; params: Params } {
  const conds: string[] = [];
  const params: Params = [];
  const datum = periode(f, "datum");
  if (datum.conds.length) {
    conds.push(`b.avond_id IN (SELECT id FROM avond WHERE ${datum.conds.join(" AND ")})`);
    params.push(...datum.params);
  }
  if (f.gemeenteId !== undefined) {
    conds.push(needsAdres ? "a.gemeente_id = ?" : "b.adres_id IN (SELECT id FROM adres WHERE gemeente_id = ?)");
    params.push(f.gemeenteId);
  }
  if (f.partnerId !== undefined) {
    conds.push("b.partner_id = ?");
    params.push(f.partnerId);
  }
  return {
    from: `bevinding b${needsAdres ? " JOIN adres a ON a.id = b.adres_id" : ""}`,
    where: conds.length ? `WHERE ${conds.join(" AND ")}` : "",
    params,
  };
}

/** Findings per category in scope (only categories with at least one). */
export async function tellingPerCategorie(sql: Sql, f: RapportFilter): Promise<CategorieTelling[]> {
  const s = scope(f);
  return sql.all<CategorieTelling>(
    `SELECT c.code AS categorie, c.naam AS naam, t.aantal AS aantal
       FROM (SELECT b.categorie_id, COUNT(*) AS aantal FROM ${s.from} ${s.where} GROUP BY b.categorie_id) t
       JOIN categorie c ON c.id = t.categorie_id`,
    ...s.params,
  );
}

/** Distinct addresses with at least one finding per category (numerator of the HAM percentages). */
export async function adressenPerCategorie(sql: Sql, f: RapportFilter): Promise<{ categorie: string; adressen: number }[]> {
  const s = scope(f);
  return sql.all<{ categorie: string; adressen: number }>(
    `SELECT c.code AS categorie, t.adressen AS adressen
       FROM (SELECT b.categorie_id, COUNT(DISTINCT b.adres_id) AS adressen FROM ${s.from} ${s.where} GROUP BY b.categorie_id) t
       JOIN categorie c ON c.id = t.categorie_id`,
    ...s.params,
  );
}

/**
 * Visits in the period: every (evening, address) pair planned for an evening in
 * the period, plus addresses where a finding was recorded without being planned.
 */
function bezoekenCte(f: Pick<RapportFilter, "van" | "tot">): { cte: string; params: Params } {
  const { conds, params } = periode(f, "v.datum");
  const where = conds.length ? `WHERE ${conds.join(" AND ")}` : "";
  return {
    cte: `WITH bezoek AS (
        SELECT x.avond_id, x.adres_id FROM (
          SELECT avond_id, adres_id FROM avond_adres
          UNION SELECT avond_id, adres_id FROM bevinding
        ) x JOIN avond v ON v.id = x.avond_id ${where}
      )`,
    params,
  };
}

/** Objects visited by type: visits (evening × address) and distinct addresses. */
export async function objectenPerType(
  sql: Sql,
  f: Pick<RapportFilter, "van" | "tot">,
): Promise<{ type: string; bezoeken: number; adressen: number }[]> {
  const b = bezoekenCte(f);
  return sql.all<{ type: string; bezoeken: number; adressen: number }>(
    `${b.cte}
       SELECT a.type AS type, COUNT(*) AS bezoeken, COUNT(DISTINCT a.id) AS adressen
       FROM bezoek JOIN adres a ON a.id = bezoek.adres_id
       GROUP BY a.type ORDER BY bezoeken DESC, a.type`,
    ...b.params,
  );
}

/** Distinct addresses visited in the period (denominator of the HAM percentages). */
export async function bezochteAdressen(sql: Sql, f: Pick<RapportFilter, "van" | "tot">): Promise<number> {
  const b = bezoekenCte(f);
  return (await sql.get<{ n: number }>(`${b.cte} SELECT COUNT(DISTINCT adres_id) AS n FROM bezoek`, ...b.params))!.n;
}

export interface GemeenteActiviteit {
  gemeente: string;
  avonden: number;
  adressen: number;
  bezoeken: number;
  bevindingen: number;
}

/** Evenings, addresses and findings per gemeente in the period. */
export async function activiteitPerGemeente(sql: Sql, f: Pick<RapportFilter, "van" | "tot">): Promise<GemeenteActiviteit[]> {
  const b = bezoekenCte(f);
  const s = scope({ van: f.van, tot: f.tot }, true);
  return sql.all<GemeenteActiviteit>(
    `${b.cte},
       visits AS (
         SELECT a.gemeente_id, COUNT(DISTINCT bezoek.avond_id) AS avonden, COUNT(DISTINCT a.id) AS adressen, COUNT(*) AS bezoeken
         FROM bezoek JOIN adres a ON a.id = bezoek.adres_id GROUP BY a.gemeente_id
       ),
       finds AS (SELECT a.gemeente_id, COUNT(*) AS bevindingen FROM ${s.from} ${s.where} GROUP BY a.gemeente_id)
       SELECT g.naam AS gemeente, visits.avonden, visits.adressen, visits.bezoeken, coalesce(finds.bevindingen, 0) AS bevindingen
       FROM visits JOIN gemeente g ON g.id = visits.gemeente_id LEFT JOIN finds ON finds.gemeente_id = visits.gemeente_id
       ORDER BY g.naam`,
    ...b.params,
    ...s.params,
  );
}

/** Findings and distinct addresses per theme of the category. */
export async function perThema(sql: Sql, f: RapportFilter): Promise<{ thema: string; bevindingen: number; adressen: number }[]> {
  const s = scope(f);
  return sql.all<{ thema: string; bevindingen: number; adressen: number }>(
    `SELECT c.thema AS thema, COUNT(*) AS bevindingen, COUNT(DISTINCT b.adres_id) AS adressen
       FROM ${s.from} JOIN categorie c ON c.id = b.categorie_id ${s.where}
       GROUP BY c.thema ORDER BY bevindingen DESC, c.thema`,
    ...s.params,
  );
}

/** Immediate measures taken on the spot, grouped by their (case-insensitive) text. */
export async function maatregelen(
  sql: Sql,
  f: RapportFilter,
  limit = 15,
): Promise<{ totaal: number; soorten: { maatregel: string; aantal: number }[] }> {
  const s = scope(f);
  const where = `${s.where ? `${s.where} AND` : "WHERE"} trim(coalesce(b.maatregel, '')) <> ''`;
  const totaal = (await sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${s.from} ${where}`, ...s.params))!.n;
  const soorten = await sql.all<{ maatregel: string; aantal: number }>(
    `SELECT min(trim(b.maatregel)) AS maatregel, COUNT(*) AS aantal FROM ${s.from} ${where}
       GROUP BY sleutel(trim(b.maatregel)) ORDER BY aantal DESC, maatregel LIMIT ?`,
    ...s.params,
    limit,
  );
  return { totaal, soorten };
}

/** Persons found: the sum of `personen` and at how many addresses they were counted. */
export async function personen(sql: Sql, f: RapportFilter): Promise<{ totaal: number; adressen: number }> {
  const s = scope(f);
  return (await sql.get<{ totaal: number; adressen: number }>(
    `SELECT coalesce(SUM(b.personen), 0) AS totaal, COUNT(DISTINCT CASE WHEN b.personen > 0 THEN b.adres_id END) AS adressen
       FROM ${s.from} ${s.where}`,
    ...s.params,
  ))!;
}

export interface BevindingGroep {
  naam: string;
  bevindingen: number;
  metOpvolging: number;
  bevindingenAfgerond: number;
}

export interface OpvolgingGroep {
  naam: string;
  opvolgingen: number;
  afgerond: number;
  open: number;
  verlopen: number;
  doodgelopen: number;
}

/** How the findings' follow-up is going, grouped by gemeente of the address or by the finding's owner. */
export async function bevindingenPer(sql: Sql, f: RapportFilter, per: "gemeente" | "partner"): Promise<BevindingGroep[]> {
  const s = scope(f, per === "gemeente");
  const key = per === "gemeente" ? "a.gemeente_id" : "b.partner_id";
  const names = per === "gemeente" ? "gemeente" : "partner";
  return sql.all<BevindingGroep>(
    `SELECT n.naam AS naam, t.bevindingen, t."metOpvolging", t."bevindingenAfgerond"
       FROM (
         SELECT ${key} AS groep, COUNT(*) AS bevindingen,
           SUM(CASE WHEN EXISTS (SELECT 1 FROM opvolging o WHERE o.bevinding_id = b.id) THEN 1 ELSE 0 END) AS "metOpvolging",
           SUM(CASE WHEN EXISTS (SELECT 1 FROM opvolging o WHERE o.bevinding_id = b.id)
                     AND NOT EXISTS (SELECT 1 FROM opvolging o WHERE o.bevinding_id = b.id AND ${openSql()}) THEN 1 ELSE 0 END)
             AS "bevindingenAfgerond"
         FROM ${s.from} ${s.where} GROUP BY ${key}
       ) t JOIN ${names} n ON n.id = t.groep`,
    ...s.params,
  );
}

/**
 * Follow-up actions of the findings in scope by status, grouped by gemeente of the
 * address or by the action's owner (opvolging.partner_id). Overdue: not closed and
 * the deadline before `vandaag`.
 */
export async function opvolgingenPer(sql: Sql, f: RapportFilter, per: "gemeente" | "partner", vandaag: IsoDate): Promise<OpvolgingGroep[]> {
  const s = scope(f, per === "gemeente");
  const key = per === "gemeente" ? "a.gemeente_id" : "o.partner_id";
  const names = per === "gemeente" ? "gemeente" : "partner";
  return sql.all<OpvolgingGroep>(
    `SELECT n.naam AS naam, t.opvolgingen, t.afgerond, t.open, t.verlopen, t.doodgelopen
       FROM (
         SELECT ${key} AS groep, COUNT(*) AS opvolgingen,
           SUM(CASE WHEN o.status = 'afgerond' THEN 1 ELSE 0 END) AS afgerond,
           SUM(CASE WHEN ${openSql()} THEN 1 ELSE 0 END) AS open,
           SUM(CASE WHEN ${verlopenSql()} THEN 1 ELSE 0 END) AS verlopen,
           SUM(CASE WHEN o.status = 'doodgelopen' THEN 1 ELSE 0 END) AS doodgelopen
         FROM ${s.from} JOIN opvolging o ON o.bevinding_id = b.id ${s.where} GROUP BY ${key}
       ) t JOIN ${names} n ON n.id = t.groep`,
    vandaag,
    ...s.params,
  );
}

/** The top-N report of the findings in scope. */
export async function topRapport(sql: Sql, f: RapportFilter, n: number): Promise<TopRapport> {
  return topN(await tellingPerCategorie(sql, f), n);
}

/** Follow-up per gemeente (of the address) and per owner, with the overall total. */
export async function opvolgingRapport(sql: Sql, f: RapportFilter, vandaag: IsoDate): Promise<OpvolgingRapport> {
  const gemeenten = mergeGroepen(await bevindingenPer(sql, f, "gemeente"), await opvolgingenPer(sql, f, "gemeente", vandaag));
  const partners = mergeGroepen(await bevindingenPer(sql, f, "partner"), await opvolgingenPer(sql, f, "partner", vandaag));
  // Every finding and follow-up belongs to exactly one gemeente, so their sum is the total.
  return { vandaag, van: f.van ?? null, tot: f.tot ?? null, totaal: metPercentage(totaalCijfers(gemeenten)), gemeenten, partners };
}

/** Everything the PIT-style year report shows, for evenings from 1 January to 31 December. */
export async function jaarRapport(
  sql: Sql,
  jaar: { jaar: number; van: IsoDate; tot: IsoDate },
  vandaag: IsoDate,
  n = 10,
): Promise<JaarRapport> {
  const f: RapportFilter = { van: jaar.van, tot: jaar.tot };
  const bezocht = await bezochteAdressen(sql, f);
  const opvolging = await opvolgingRapport(sql, f, vandaag);
  return {
    ...jaar,
    vandaag,
    objecten: await objectenPerType(sql, f),
    bezochteAdressen: bezocht,
    gemeenten: await activiteitPerGemeente(sql, f),
    themas: await perThema(sql, f),
    top: metAdresPercentages(await topRapport(sql, f, n), await adressenPerCategorie(sql, f), bezocht),
    partners: opvolging.partners,
    maatregelen: await maatregelen(sql, f),
    personen: await personen(sql, f),
    opvolging: opvolging.totaal,
  };
}
