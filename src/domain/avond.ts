import { invalid } from "../errors.js";
import { formatDutch, parseDate, type IsoDate } from "./dates.js";
import { optionalText, parseEnum, parseList, requireText } from "./invoer.js";
import type { Risico } from "./gereedheid.js";

/** Input rules of a control evening: start time, roles, phone numbers, risk levels. */
export const STANDAARD_ROLLEN = ["teamleider", "gesprek", "onderzoek", "formulieren", "beveiliging"] as const;
export const RISICO_NIVEAUS: readonly Risico[] = ["laag", "midden", "hoog"];
export const STANDAARD_UITRUSTING = ["hesjes", "portofoons", "steekvesten", "zaklampen", "EHBO-koffer"] as const;

export function parseStarttijd(raw: string): string {
  const m = /^\s*([01]?\d|2[0-3])[:.]([0-5]\d)\s*$/.exec(raw);
  if (!m) throw invalid("start", `"${raw}" is geen tijd; gebruik UU:MM, bijv. 19:00`);
  return `${m[1]!.padStart(2, "0")}:${m[2]}`;
}

/** A standard role (case-insensitive) or an own role name, stored lower-case. */
export function parseRol(raw: string | undefined): string {
  return requireText("rol", raw, 40).toLowerCase();
}

export function parseTelefoon(raw: string | undefined): string | null {
  if (raw === undefined || raw.trim() === "") return null;
  const t = raw.trim();
  if (!/^\+?[\d\s-]{6,20}$/.test(t)) throw invalid("telefoon", `"${raw}" is geen telefoonnummer`);
  return t;
}

/** The evening's date: a real date, not before the casustafel that chose its addresses. */
export function parseAvondDatum(raw: string, casustafelDatum: IsoDate): IsoDate {
  const datum = parseDate(raw);
  if (datum < casustafelDatum)
    throw invalid("datum", `de avond (${formatDutch(datum)}) ligt vóór de casustafel (${formatDutch(casustafelDatum)})`);
  return datum;
}

export function parseDoel(raw: string): string {
  return requireText("doel", raw, 500);
}

export function parseNiveau(raw: string): Risico {
  return parseEnum("niveau", raw, RISICO_NIVEAUS);
}

export function parseRisicoToelichting(raw: string | undefined): string | null {
  return optionalText("toelichting", raw, 1000);
}

export function parseNaam(raw: string | undefined): string {
  return requireText("naam", raw, 100);
}

/** The noodplan's parts, each with its own rule (the guided flow asks them one by one). */
export const NOODPLAN = {
  verzamelpunt: (raw: string | undefined) => requireText("verzamelpunt", raw, 200),
  codewoord: (raw: string | undefined) => requireText("codewoord", raw, 40),
  communicatie: (raw: string | undefined) => optionalText("communicatie", raw, 200),
  uitrusting: (raw: string | undefined) => parseList(raw).map((u) => requireText("uitrusting", u, 40)),
};

export interface Noodplan {
  verzamelpunt: string;
  codewoord: string;
  communicatie: string | null;
  uitrusting: string[];
}

export function parseNoodplan(o: { verzamelpunt?: string; codewoord?: string; communicatie?: string; uitrusting?: string }): Noodplan {
  return {
    verzamelpunt: NOODPLAN.verzamelpunt(o.verzamelpunt),
    codewoord: NOODPLAN.codewoord(o.codewoord),
    communicatie: NOODPLAN.communicatie(o.communicatie),
    uitrusting: NOODPLAN.uitrusting(o.uitrusting),
  };
}
