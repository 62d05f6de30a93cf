import { invalid } from "../errors.js";
import { requireText } from "./invoer.js";

export const OBJECT_TYPES = ["woning", "loods", "bedrijf", "horeca", "chalet", "perceel", "woonwagen"] as const;
export type ObjectType = (typeof OBJECT_TYPES)[number];

export interface AdresInput {
  postcode: string;
  huisnummer: number;
  toevoeging: string;
  straat: string;
  plaats: string;
  gemeente: string;
  type: ObjectType;
}

/**
 * Dutch postcode: four digits not starting with 0, two letters, never SA, SD or SS
 * (PostNL does not issue them). Accepts "5531AB", "5531 ab"; returns "5531AB".
 */
export function normalisePostcode(raw: string): string {
  const m = /^\s*([1-9]\d{3})\s?([A-Za-z]{2})\s*$/.exec(raw);
  if (!m) throw invalid("postcode", `"${raw}" is geen Nederlandse postcode (4 cijfers, niet beginnend met 0, en 2 letters, bijv. 5531AB)`);
  const letters = m[2]!.toUpperCase();
  if (letters === "SA" || letters === "SD" || letters === "SS") {
    throw invalid("postcode", `"${raw}": de lettercombinatie ${letters} wordt niet gebruikt in postcodes`);
  }
  return `${m[1]}${letters}`;
}

/** "5531AB" → "5531 AB", as Dutch letters print it. */
export function displayPostcode(normalised: string): string {
  return `${normalised.slice(0, 4)} ${normalised.slice(4)}`;
}

export function parseHuisnummer(raw: string | number): number {
  const text = String(raw).trim();
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 99999) {
    throw invalid("huisnummer", `"${raw}" is geen huisnummer (een geheel getal vanaf 1)`);
  }
  return Number(text);
}

/** Toevoeging: "A", "bis", "2-hoog", "101"; stored as typed but trimmed, upper-cased letters. */
export function normaliseToevoeging(raw: string | undefined | null): string {
  const t = (raw ?? "").trim();
  if (t === "") return "";
  if (!/^[\p{L}\p{N}][\p{L}\p{N} -]{0,9}$/u.test(t)) {
    throw invalid("toevoeging", `"${raw}" is geen geldige huisnummertoevoeging (letters/cijfers, max. 10 tekens)`);
  }
  return t.toUpperCase();
}

export function parseObjectType(raw: string | undefined | null): ObjectType {
  const t = (raw ?? "").trim().toLowerCase();
  if (t === "") return "woning";
  if ((OBJECT_TYPES as readonly string[]).includes(t)) return t as ObjectType;
  throw invalid("type", `"${raw}" is geen objecttype; kies uit ${OBJECT_TYPES.join(", ")}`);
}

/** Validates all fields of an address at once; the gemeente is resolved by the caller. */
export function validateAdres(raw: {
  postcode?: string;
  huisnummer?: string | number;
  toevoeging?: string | null;
  straat?: string;
  plaats?: string;
  gemeente?: string;
  type?: string | null;
}): AdresInput {
  return {
    postcode: normalisePostcode(raw.postcode ?? ""),
    huisnummer: parseHuisnummer(raw.huisnummer ?? ""),
    toevoeging: normaliseToevoeging(raw.toevoeging),
    straat: requireText("straat", raw.straat, 120),
    plaats: requireText("plaats", raw.plaats, 80),
    gemeente: requireText("gemeente", raw.gemeente, 80),
    type: parseObjectType(raw.type),
  };
}

export function formatAdres(a: { straat: string; huisnummer: number; toevoeging: string; postcode: string; plaats: string }): string {
  return `${straatRegel(a)}, ${displayPostcode(a.postcode)} ${a.plaats}`;
}

/** "Kerkstraat 12A", "Dorpstraat 5-2": the first line of an address. */
export function straatRegel(a: { straat: string; huisnummer: number; toevoeging: string }): string {
  const nr = a.toevoeging ? `${a.huisnummer}${/^\d/.test(a.toevoeging) ? "-" : ""}${a.toevoeging}` : String(a.huisnummer);
  return `${a.straat} ${nr}`;
}

/** The parts of an address that its printed lines need. */
export type AdresRegelsInput = Pick<AdresInput, "straat" | "huisnummer" | "toevoeging" | "postcode" | "plaats" | "gemeente">;

/**
 * An address as a team navigates by it at night: street, then postcode and place, and the
 * gemeente only where it differs from the place (Hoogeloon lies in Bladel).
 */
export function adresRegels(a: AdresRegelsInput): string[] {
  const plaats = `${displayPostcode(a.postcode)} ${a.plaats}`;
  return a.gemeente.toLowerCase() === a.plaats.toLowerCase()
    ? [straatRegel(a), plaats]
    : [straatRegel(a), plaats, `gemeente ${a.gemeente}`];
}

/** "Dorpstraat 5, Hoogeloon (Bladel)", but "Kerkstraat 12, Veldhoven" when place and gemeente are the same. */
export function metGemeente(adres: string, gemeente: string): string {
  return adres.toLowerCase().endsWith(`, ${gemeente.toLowerCase()}`) ? adres : `${adres} (${gemeente})`;
}
