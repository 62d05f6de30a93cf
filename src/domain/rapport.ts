/**
 * Pure report rules: the top-N cut with its remainder, percentages and the
 * follow-up rate. The counting itself happens in SQL (src/db/rapport.ts); these
 * functions only see the already aggregated rows (one per category, gemeente, …).
 */
import { invalid } from "../errors.js";
import { EERSTE_JAAR, LAATSTE_JAAR, parseDate, type IsoDate } from "./dates.js";

export interface CategorieTelling {
  categorie: string; // code
  naam: string;
  aantal: number;
}

export interface TopRapport {
  top: CategorieTelling[];
  overig: { bevindingen: number; categorieen: number };
  totaal: number;
}

export interface Periode {
  van?: IsoDate;
  tot?: IsoDate;
}

const byName = (a: string, b: string): number => a.localeCompare(b, "nl", { sensitivity: "base" }) || (a < b ? -1 : a > b ? 1 : 0);

/** Ordered by aantal descending, ties by naam (then code, so the order is total). */
export function compareTelling(a: CategorieTelling, b: CategorieTelling): number {
  return b.aantal - a.aantal || byName(a.naam, b.naam) || byName(a.categorie, b.categorie);
}

/** The N most frequent categories and what falls outside them. Categories with 0 findings are ignored. */
export function topN(rows: readonly CategorieTelling[], n: number): TopRapport {
  const counted = rows.filter((r) => r.aantal > 0).sort(compareTelling);
  const top = counted.slice(0, n).map(({ categorie, naam, aantal }) => ({ categorie, naam, aantal }));
  const rest = counted.slice(n);
  const totaal = counted.reduce((s, r) => s + r.aantal, 0);
  return { top, overig: { bevindingen: rest.reduce((s, r) => s + r.aantal, 0), categorieen: rest.length }, totaal };
}

/** "+ nog 168 bevindingen verspreid over 71 categorieën" (singular where Dutch wants it). */
export function restRegel(overig: TopRapport["overig"]): string {
  const b = overig.bevindingen === 1 ? "bevinding" : "bevindingen";
  const c = overig.categorieen === 1 ? "categorie" : "categorieën";
  return `+ nog ${overig.bevindingen} ${b} verspreid over ${overig.categorieen} ${c}`;
}

/** Share as a percentage with one decimal; null when there is nothing to divide by. */
export function percentage(deel: number, geheel: number): number | null {
  if (geheel <= 0) return null;
  return Math.round((deel / geheel) * 1000) / 10;
}

/** "42,5%" or "–" when undefined. */
export function formatPercentage(p: number | null): string {
  return p === null ? "–" : `${p.toLocaleString("nl-NL", { maximumFractionDigits: 1 })}%`;
}

/** --n: a positive whole number (at most 1000). */
export function parseTopN(raw: string | number | undefined): number {
  if (raw === undefined) return 10;
  const t = String(raw).trim();
  if (!/^\d{1,4}$/.test(t) || Number(t) < 1 || Number(t) > 1000)
    throw invalid("--n", `"${raw}" is geen positief geheel getal (1 t/m 1000)`);
  return Number(t);
}

/** --van/--tot parsed; van after tot is the user's mistake. Both bounds inclusive. */
export function parsePeriode(van: string | undefined, tot: string | undefined): Periode {
  const p: Periode = {};
  if (van !== undefined) p.van = parseDate(van, "--van");
  if (tot !== undefined) p.tot = parseDate(tot, "--tot");
  if (p.van && p.tot && p.van > p.tot) throw invalid("--van", `${p.van} ligt na --tot ${p.tot}`);
  return p;
}

/** A calendar year as a period: 1 January up to and including 31 December. */
export function jaarPeriode(raw: string | undefined): { jaar: number; van: IsoDate; tot: IsoDate } {
  const t = String(raw ?? "").trim();
  if (!/^\d{4}$/.test(t) || Number(t) < EERSTE_JAAR || Number(t) > LAATSTE_JAAR) {
    throw invalid("jaar", `"${raw ?? ""}" is geen jaartal van ${EERSTE_JAAR} t/m ${LAATSTE_JAAR} (bijv. 2026)`);
  }
  return { jaar: Number(t), van: `${t}-01-01`, tot: `${t}-12-31` };
}

/** Follow-up counts of one group (a gemeente, a partner or everything). */
export interface OpvolgingCijfers {
  /** Findings in the group. */
  bevindingen: number;
  /** Findings with at least one follow-up. */
  metOpvolging: number;
  /** Findings whose follow-ups are all closed (afgerond or doodgelopen). */
  bevindingenAfgerond: number;
  /** Follow-up actions in the group, by status. */
  opvolgingen: number;
  afgerond: number;
  open: number; // open + in-behandeling
  verlopen: number; // open, deadline before today
  doodgelopen: number;
}

export const LEGE_CIJFERS: OpvolgingCijfers = Object.freeze({
  bevindingen: 0,
  metOpvolging: 0,
  bevindingenAfgerond: 0,
  opvolgingen: 0,
  afgerond: 0,
  open: 0,
  verlopen: 0,
  doodgelopen: 0,
});

/**
 * Follow-up rate: the share of findings (with follow-up) whose follow-ups are
 * all closed. Findings without any follow-up have nothing to close and are left out.
 */
export function opvolgingsPercentage(c: Pick<OpvolgingCijfers, "metOpvolging" | "bevindingenAfgerond">): number | null {
  return percentage(c.bevindingenAfgerond, c.metOpvolging);
}

export type MetPercentage<T> = T & { percentage: number | null };

/**
 * Merges finding counts and follow-up counts of the same groups (keyed by name);
 * groups present in only one of them get zeros for the other. Sorted by name.
 */
export function mergeGroepen(
  bevindingen: readonly { naam: string; bevindingen: number; metOpvolging: number; bevindingenAfgerond: number }[],
  opvolgingen: readonly { naam: string; opvolgingen: number; afgerond: number; open: number; verlopen: number; doodgelopen: number }[],
): MetPercentage<OpvolgingCijfers & { naam: string }>[] {
  const map = new Map<string, OpvolgingCijfers & { naam: string }>();
  const get = (naam: string) => {
    let g = map.get(naam);
    if (!g) map.set(naam, (g = { naam, ...LEGE_CIJFERS }));
    return g;
  };
  for (const b of bevindingen)
    Object.assign(get(b.naam), { bevindingen: b.bevindingen, metOpvolging: b.metOpvolging, bevindingenAfgerond: b.bevindingenAfgerond });
  for (const o of opvolgingen)
    Object.assign(get(o.naam), {
      opvolgingen: o.opvolgingen,
      afgerond: o.afgerond,
      open: o.open,
      verlopen: o.verlopen,
      doodgelopen: o.doodgelopen,
    });
  return [...map.values()].sort((a, b) => byName(a.naam, b.naam)).map((g) => ({ ...g, percentage: opvolgingsPercentage(g) }));
}

/** Sums groups into one total row. */
export function totaalCijfers(groepen: readonly OpvolgingCijfers[]): OpvolgingCijfers {
  const t = { ...LEGE_CIJFERS };
  for (const g of groepen) for (const k of Object.keys(t) as (keyof OpvolgingCijfers)[]) t[k] += g[k];
  return t;
}

export interface TopRegel extends CategorieTelling {
  /** Distinct visited addresses with at least one finding of this category. */
  adressen: number;
  /** HAM-style: share of visited addresses with at least one finding of this category. */
  percentage: number | null;
}

/** Adds the HAM percentages to the top rows: addresses with the category / addresses visited. */
export function metAdresPercentages(
  top: TopRapport,
  adressen: readonly { categorie: string; adressen: number }[],
  bezocht: number,
): Omit<TopRapport, "top"> & { top: TopRegel[] } {
  const per = new Map(adressen.map((a) => [a.categorie, a.adressen]));
  return {
    ...top,
    top: top.top.map((t) => {
      const n = per.get(t.categorie) ?? 0;
      return { ...t, adressen: n, percentage: percentage(n, bezocht) };
    }),
  };
}

export type GroepCijfers = MetPercentage<OpvolgingCijfers & { naam: string }>;

export interface JaarRapport {
  jaar: number;
  van: IsoDate;
  tot: IsoDate;
  vandaag: IsoDate;
  objecten: { type: string; bezoeken: number; adressen: number }[];
  bezochteAdressen: number;
  gemeenten: { gemeente: string; avonden: number; adressen: number; bezoeken: number; bevindingen: number }[];
  themas: { thema: string; bevindingen: number; adressen: number }[];
  top: Omit<TopRapport, "top"> & { top: TopRegel[] };
  partners: GroepCijfers[];
  maatregelen: { totaal: number; soorten: { maatregel: string; aantal: number }[] };
  personen: { totaal: number; adressen: number };
  opvolging: MetPercentage<OpvolgingCijfers>;
}

export interface OpvolgingRapport {
  vandaag: IsoDate;
  van: IsoDate | null;
  tot: IsoDate | null;
  totaal: MetPercentage<OpvolgingCijfers>;
  gemeenten: GroepCijfers[];
  partners: GroepCijfers[];
}

/** The total row with its rate. */
export function metPercentage(c: OpvolgingCijfers): MetPercentage<OpvolgingCijfers> {
  return { ...c, percentage: opvolgingsPercentage(c) };
}

/** "1 januari 2026 t/m 31 december 2026", "vanaf …", "t/m …" or "alle avonden". */
export function periodeTekst(p: Periode, format: (d: IsoDate) => string): string {
  if (p.van && p.tot) return `${format(p.van)} t/m ${format(p.tot)}`;
  if (p.van) return `vanaf ${format(p.van)}`;
  if (p.tot) return `t/m ${format(p.tot)}`;
  return "alle controleavonden";
}
