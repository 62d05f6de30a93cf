import { invalid } from "../errors.js";

/** An ISO calendar date "YYYY-MM-DD"; dates are stored and compared in this form. */
export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DUTCH = /^(\d{1,2})-(\d{1,2})-(\d{4})$/;

/**
 * The years a typed or imported date may have. The tool's work happens in these years; a date
 * such as 9999-12-31 is a typing error that once sent deadline arithmetic into an endless loop.
 */
export const EERSTE_JAAR = 2000;
export const LAATSTE_JAAR = 2100;

/**
 * Accepts YYYY-MM-DD or Dutch DD-MM-YYYY in the years 2000–2100; rejects impossible dates such
 * as 31-02-2026.
 */
export function parseDate(text: string, field = "datum"): IsoDate {
  const t = text.trim();
  let y: number, m: number, d: number;
  const iso = ISO.exec(t);
  const dutch = DUTCH.exec(t);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dutch) [d, m, y] = [Number(dutch[1]), Number(dutch[2]), Number(dutch[3])];
  else throw invalid(field, `"${text}" is geen datum; gebruik JJJJ-MM-DD of DD-MM-JJJJ`);
  if (y < EERSTE_JAAR || y > LAATSTE_JAAR) {
    throw invalid(field, `"${text}" ligt buiten de jaren ${EERSTE_JAAR}–${LAATSTE_JAAR}; controleer het jaartal`);
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    throw invalid(field, `"${text}" bestaat niet als datum`);
  }
  return toIso(date);
}

/**
 * Date → "YYYY-MM-DD". Total over what it accepts: a date outside the years 1–9999 (reached by
 * arithmetic on a bad stored date) is refused rather than written as "+010000-01", which read
 * back as the same day and kept a loop from ever advancing.
 */
export function toIso(date: Date): IsoDate {
  const y = date.getUTCFullYear();
  if (Number.isNaN(date.getTime()) || y < 1 || y > 9999) throw buitenBereik();
  return date.toISOString().slice(0, 10);
}

/** IsoDate → Date at UTC midnight (calendar arithmetic without DST surprises); only "YYYY-MM-DD". */
export function fromIso(iso: IsoDate): Date {
  const d = ISO.test(iso) ? new Date(`${iso}T00:00:00Z`) : new Date(Number.NaN);
  if (Number.isNaN(d.getTime())) throw buitenBereik(iso);
  return d;
}

function buitenBereik(iso?: IsoDate): Error {
  return invalid(
    "datum",
    `${iso === undefined ? "een berekende datum" : `"${iso}"`} valt buiten de kalender (jaren ${EERSTE_JAAR}–${LAATSTE_JAAR} verwacht); controleer de ingevoerde datums`,
  );
}

// Dutch month names, written out: the one date format we show ("3 december 2026") does not
// justify date-fns (43 modules, ~30 ms of every start) or Intl's nl locale (~20 ms of ICU loading).
const MAANDEN = [
  "januari",
  "februari",
  "maart",
  "april",
  "mei",
  "juni",
  "juli",
  "augustus",
  "september",
  "oktober",
  "november",
  "december",
] as const;

/** "3 december 2026"; display never fails: something that is not a date is shown as it is. */
export function formatDutch(iso: IsoDate): string {
  if (!ISO.test(iso)) return iso;
  const d = fromIso(iso);
  return `${d.getUTCDate()} ${MAANDEN[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** Whole days from a to b (b - a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((fromIso(b).getTime() - fromIso(a).getTime()) / 86_400_000);
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  const d = fromIso(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return toIso(d);
}

export function addMonths(iso: IsoDate, months: number): IsoDate {
  const d = fromIso(iso);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return toIso(d);
}

/** Today's date in the Netherlands, as the users' calendars show it (ICU time-zone data: ~25 ms, so call lazily). */
export function todayInAmsterdam(now: Date = new Date()): IsoDate {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(now);
}

/** Midnight Europe/Amsterdam of an ISO date, as a UTC ISO timestamp (the audit log's clock). */
export function startOfDayUtc(iso: string): string {
  const utcMidnight = new Date(`${iso}T00:00:00Z`);
  const offset = amsterdamOffsetMinutes(utcMidnight);
  return new Date(utcMidnight.getTime() - offset * 60_000).toISOString();
}

function amsterdamOffsetMinutes(at: Date): number {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Amsterdam", timeZoneName: "shortOffset" }).formatToParts(at);
  const name = parts.find((p) => p.type === "timeZoneName")?.value ?? "GMT+1";
  const m = /GMT([+-]\d+)(?::(\d+))?/.exec(name);
  return m ? Number(m[1]) * 60 + Math.sign(Number(m[1])) * Number(m[2] ?? 0) : 0;
}

/** "2026-11-23 10:44:13" as a clock in the Netherlands shows a UTC timestamp. */
export function localTime(isoUtc: string): string {
  const d = new Date(isoUtc);
  if (Number.isNaN(d.getTime())) return isoUtc;
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Amsterdam", dateStyle: "short", timeStyle: "medium" }).format(d);
}
