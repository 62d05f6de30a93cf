import { invalid } from "../errors.js";
import { requireText } from "./invoer.js";
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
