import { createRequire } from "node:module";
import { addDays, fromIso, type IsoDate } from "./dates.js";

const require = createRequire(import.meta.url);

export type Eenheid = "dagen" | "werkdagen";

/**
 * Dutch public holidays as date-holidays reports them (type "public" only).
 * We accept the library's view: Bevrijdingsdag (5 May) is listed as a school
 * holiday, not a public one, also in lustrum years, so it is a working day
 * here; Goede Vrijdag likewise. Koningsdag moves to 26 April when the 27th
 * is a Sunday. The library call stays inside this module.
 */
const holidayCache = new Map<number, Set<IsoDate>>();

function holidaysOf(year: number): Set<IsoDate> {
  let set = holidayCache.get(year);
  if (!set) {
    const Holidays = require("date-holidays") as typeof import("date-holidays").default;
    const hd = new Holidays("NL");
    set = new Set(
      hd
        .getHolidays(year)
        .filter((h) => h.type === "public")
        .map((h) => h.date.slice(0, 10)),
    );
    holidayCache.set(year, set);
  }
  return set;
}

export function isPublicHoliday(date: IsoDate): boolean {
  return holidaysOf(Number(date.slice(0, 4))).has(date);
}

export function isWerkdag(date: IsoDate): boolean {
  const dow = fromIso(date).getUTCDay();
  return dow !== 0 && dow !== 6 && !isPublicHoliday(date);
}

/**
 * The n-th working day after start (start itself never counts); n = 0 gives start. Bounded: a
 * week holds at least two working days even with holidays, so 4n + 14 calendar days always reach
 * the answer; anything else is a bug, not a reason to spin while holding the write lock.
 */
export function addWerkdagen(start: IsoDate, n: number): IsoDate {
  let d = start;
  let left = n;
  for (let stappen = 0; left > 0; stappen++) {
    if (stappen > 4 * n + 14) throw new RangeError(`geen ${n} werkdagen gevonden na ${start}`);
    d = addDays(d, 1);
    if (isWerkdag(d)) left--;
  }
  return d;
}

/** The deadline of a term counted from a date: calendar days, or working days skipping weekends and public holidays. */
export function deadline(start: IsoDate, termijn: number, eenheid: Eenheid): IsoDate {
  if (!Number.isInteger(termijn) || termijn < 0) throw new RangeError(`termijn ${termijn} is geen geheel aantal ≥ 0`);
  return eenheid === "werkdagen" ? addWerkdagen(start, termijn) : addDays(start, termijn);
}

/** Public holidays between two dates (inclusive), for explaining a deadline. */
export function holidaysBetween(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (isPublicHoliday(d)) out.push(d);
  return out;
}
