import { createRequire } from "node:module";
import { invalid } from "../errors.js";
import { addDays, addMonths, fromIso, type IsoDate } from "./dates.js";

const require = createRequire(import.meta.url);

/** Units of the team's own follow-up deadlines (categorie_opvolging, opvolging.deadline). */
export type Eenheid = "dagen" | "werkdagen";

/** One day of the Algemene termijnenwet, art. 3: a date-holidays rule ("easter -2") or a fixed KB date ("2027-03-15"). */
export interface AtwDag {
  regel: string;
  naam: string;
}

/**
 * The calendar terms are counted on: werkdagen skip Saturdays, Sundays and the Atw days.
 * Built from reference data (data/atw-dagen.json, read by src/io/atw.ts) so a day added by
 * Koninklijk Besluit is a line of data, not a release. date-holidays evaluates the rules
 * (Easter and "if sunday then previous saturday"); it is loaded on first use only.
 */
export interface Kalender {
  isAtwDag(date: IsoDate): boolean;
  isWerkdag(date: IsoDate): boolean;
  /** The n-th working day after start (start itself never counts); n = 0 gives start. */
  addWerkdagen(start: IsoDate, n: number): IsoDate;
  /** The date itself when it is a werkdag, else the next werkdag (Atw art. 1). */
  volgendeWerkdag(date: IsoDate): IsoDate;
  /** Atw days between two dates (inclusive), for explaining a deadline. */
  atwDagenTussen(from: IsoDate, to: IsoDate): IsoDate[];
}

export function makeKalender(dagen: readonly AtwDag[]): Kalender {
  const perJaar = new Map<number, Set<IsoDate>>();
  let hd: { getHolidays(year: number): { date: string }[] } | undefined;
  const ofYear = (year: number): Set<IsoDate> => {
    let set = perJaar.get(year);
    if (!set) {
      if (!hd) {
        const Holidays = require("date-holidays") as typeof import("date-holidays").default;
        const h = new Holidays();
        for (const d of dagen) {
          if (!h.setHoliday(d.regel, { name: { nl: d.naam }, type: "public" })) {
            throw invalid("atw-dagen", `regel "${d.regel}" (${d.naam}) is geen geldige datumregel`);
          }
        }
        hd = h;
      }
      set = new Set(hd.getHolidays(year).map((x) => x.date.slice(0, 10)));
      perJaar.set(year, set);
    }
    return set;
  };
  const isAtwDag = (date: IsoDate) => ofYear(Number(date.slice(0, 4))).has(date);
  const isWerkdag = (date: IsoDate) => {
    const dow = fromIso(date).getUTCDay();
    return dow !== 0 && dow !== 6 && !isAtwDag(date);
  };
  return {
    isAtwDag,
    isWerkdag,
    // Bounded: a week holds at least two working days even with holidays, so 4n + 14 calendar
    // days always reach the answer; anything else is a bug, not a reason to spin holding the write lock.
    addWerkdagen(start, n) {
      let d = start;
      let left = n;
      for (let stappen = 0; left > 0; stappen++) {
        if (stappen > 4 * n + 14) throw new RangeError(`geen ${n} werkdagen gevonden na ${start}`);
        d = addDays(d, 1);
        if (isWerkdag(d)) left--;
      }
      return d;
    },
    volgendeWerkdag(date) {
      let d = date;
      for (let stappen = 0; !isWerkdag(d); stappen++) {
        if (stappen > 14) throw new RangeError(`geen werkdag gevonden na ${date}`);
        d = addDays(d, 1);
      }
      return d;
    },
    atwDagenTussen(from, to) {
      const out: IsoDate[] = [];
      for (let d = from; d <= to; d = addDays(d, 1)) if (isAtwDag(d)) out.push(d);
      return out;
    },
  };
}

/** The deadline of a team follow-up counted from a date: calendar days, or working days. */
export function deadline(k: Kalender, start: IsoDate, termijn: number, eenheid: Eenheid): IsoDate {
  if (!Number.isInteger(termijn) || termijn < 0) throw new RangeError(`termijn ${termijn} is geen geheel aantal ≥ 0`);
  return eenheid === "werkdagen" ? k.addWerkdagen(start, termijn) : addDays(start, termijn);
}

// ---------------------------------------------------------------------------
// Legal terms: hersteltermijn, zienswijzetermijn (4:8 Awb), begunstigingstermijn (5:24, 5:32a), bezwaar (6:7)

export const TERMIJN_EENHEDEN = ["dagen", "werkdagen", "weken", "maanden"] as const;
export type TermijnEenheid = (typeof TERMIJN_EENHEDEN)[number];

/** A term as a letter states it: "vier weken", "drie werkdagen". */
export interface Termijn {
  aantal: number;
  eenheid: TermijnEenheid;
}

const ENKELVOUD: Record<TermijnEenheid, string> = { dagen: "dag", werkdagen: "werkdag", weken: "week", maanden: "maand" };

/** Reads "4 weken", "1 week", "10 werkdagen", "3 maanden" (the stored form is the same text). */
export function parseTermijn(text: string, field = "termijn"): Termijn {
  const m = /^\s*(\d{1,3})\s*([a-z]+)\s*$/i.exec(text);
  const woord = m?.[2]?.toLowerCase();
  const eenheid = TERMIJN_EENHEDEN.find((e) => e === woord || ENKELVOUD[e] === woord);
  if (!m || !eenheid) throw invalid(field, `"${text}" is geen termijn; bijv. "4 weken", "10 werkdagen", "3 maanden"`);
  const aantal = Number(m[1]);
  if (aantal < 1) throw invalid(field, `"${text}": een termijn is minstens 1 ${ENKELVOUD[eenheid]}`);
  return { aantal, eenheid };
}

export function formatTermijn(t: Termijn): string {
  return `${t.aantal} ${t.aantal === 1 ? ENKELVOUD[t.eenheid] : t.eenheid}`;
}

const TELWOORDEN = [
  "nul",
  "één",
  "twee",
  "drie",
  "vier",
  "vijf",
  "zes",
  "zeven",
  "acht",
  "negen",
  "tien",
  "elf",
  "twaalf",
  "dertien",
  "veertien",
  "vijftien",
  "zestien",
  "zeventien",
  "achttien",
  "negentien",
  "twintig",
];

/** "vier weken", "één maand", "26 weken": numbers up to twenty written out, as letters do. */
export function termijnInWoorden(t: Termijn): string {
  const n = t.aantal <= 20 ? TELWOORDEN[t.aantal]! : String(t.aantal);
  return `${n} ${t.aantal === 1 ? ENKELVOUD[t.eenheid] : t.eenheid}`;
}

/**
 * The last day of a term that starts the day after `start` (the letter's date): the term runs
 * "binnen vier weken na de verzenddatum". A term that would end on a Saturday, Sunday or Atw day
 * ends on the next working day (Atw art. 1); working days always end on one.
 */
export function eindeTermijn(k: Kalender, start: IsoDate, t: Termijn): IsoDate {
  switch (t.eenheid) {
    case "werkdagen":
      return k.addWerkdagen(start, t.aantal);
    case "dagen":
      return k.volgendeWerkdag(addDays(start, t.aantal));
    case "weken":
      return k.volgendeWerkdag(addDays(start, 7 * t.aantal));
    case "maanden":
      return k.volgendeWerkdag(addMonths(start, t.aantal));
  }
}

/** Six weeks for bezwaar (6:7 Awb), from the day after the letter (6:8), extended by the Atw. */
export const BEZWAARTERMIJN: Termijn = { aantal: 6, eenheid: "weken" };

/** Six weeks to pay a sum a beschikking sets (4:87 Awb), from the letter, extended by the Atw. */
export const BETAALTERMIJN: Termijn = { aantal: 6, eenheid: "weken" };
