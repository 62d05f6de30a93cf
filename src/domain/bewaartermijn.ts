import { invalid } from "../errors.js";
import { addMonths, type IsoDate } from "./dates.js";

/**
 * Retention (AVG): a case is one address's signals, decisions, findings, follow-ups and letters.
 * It may be deleted when every follow-up is closed and nothing happened since the term began.
 * The address row itself stays: an address is not personal data, and later signals attach to it.
 */
export const GESLOTEN_STATUSSEN = ["afgerond", "doodgelopen"] as const;

export const MAX_MAANDEN = 1200;

export interface Casus {
  adresId: number;
  /** Status of every follow-up of the address's findings. */
  opvolgingStatussen: string[];
  /** Latest date of any activity (YYYY-MM-DD), or null when the address has no case at all. */
  laatsteActiviteit: IsoDate | null;
}

export type Oordeel = { magWeg: true } | { magWeg: false; reden: "geen-casus" | "open-opvolging" | "recent" };

/** --ouder-dan: whole months, 1 … 1200. */
export function parseMaanden(raw: string | undefined): number {
  const t = (raw ?? "").trim();
  if (!/^\d{1,4}$/.test(t) || Number(t) < 1 || Number(t) > MAX_MAANDEN) {
    throw invalid("ouder-dan", `"${raw ?? ""}" is geen bewaartermijn; geef een geheel aantal maanden van 1 t/m ${MAX_MAANDEN}`);
  }
  return Number(t);
}

/** Activity strictly before this date is past the term. */
export function grensdatum(today: IsoDate, maanden: number): IsoDate {
  return addMonths(today, -maanden);
}

export function assessCasus(casus: Casus, today: IsoDate, maanden: number): Oordeel {
  if (casus.laatsteActiviteit === null) return { magWeg: false, reden: "geen-casus" };
  if (casus.opvolgingStatussen.some((s) => !(GESLOTEN_STATUSSEN as readonly string[]).includes(s))) {
    return { magWeg: false, reden: "open-opvolging" };
  }
  if (casus.laatsteActiviteit.slice(0, 10) >= grensdatum(today, maanden)) return { magWeg: false, reden: "recent" };
  return { magWeg: true };
}

/** The addresses whose case may go, in id order. */
export function teVerwijderen(casussen: Casus[], today: IsoDate, maanden: number): number[] {
  return casussen
    .filter((c) => assessCasus(c, today, maanden).magWeg)
    .map((c) => c.adresId)
    .sort((a, b) => a - b);
}
