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

/** The fields every address text is made from: repositories return these, never text made in SQL. */
export type AdresVelden = Pick<AdresInput, "straat" | "huisnummer" | "toevoeging" | "postcode" | "plaats">;

/** "Kerkstraat 12-101, 5504 AB Veldhoven": the one way an address is written on one line. */
export function formatAdres(a: AdresVelden): string {
  return `${straatRegel(a)}, ${displayPostcode(a.postcode)} ${a.plaats}`;
}

/** formatAdres, with the gemeente where the place has another name: "Dorpstraat 5, 5528 AB Hoogeloon (Bladel)". */
export function adresMetGemeente(a: AdresVelden & { gemeente: string }): string {
  return zelfdeNaam(a.plaats, a.gemeente) ? formatAdres(a) : `${formatAdres(a)} (${a.gemeente})`;
}

/** Just the address fields of a larger row. */
export function adresVeldenVan(a: AdresVelden): AdresVelden {
  return { straat: a.straat, huisnummer: a.huisnummer, toevoeging: a.toevoeging, postcode: a.postcode, plaats: a.plaats };
}

/** A row with its address fields, and the address as text for what people read (--json keeps the field "adres"). */
export function metAdres<T extends AdresVelden>(r: T): T & { adres: string } {
  return { ...r, adres: formatAdres(r) };
}

function zelfdeNaam(plaats: string, gemeente: string): boolean {
  return plaats.toLowerCase() === gemeente.toLowerCase();
}

/** "Kerkstraat 12A", "Dorpstraat 5-2": the first line of an address. */
export function straatRegel(a: { straat: string; huisnummer: number; toevoeging: string }): string {
  return `${a.straat} ${huisnummerTekst(a)}`;
}

/** "12A", "5-2" (a toevoeging of digits gets a dash), "12". */
export function huisnummerTekst(a: { huisnummer: number; toevoeging: string }): string {
  return a.toevoeging ? `${a.huisnummer}${/^\d/.test(a.toevoeging) ? "-" : ""}${a.toevoeging}` : String(a.huisnummer);
}

/** "5504AB-12A": the address in a file name (letters, reports), letters and digits only. */
export function adresInBestandsnaam(a: { postcode: string; huisnummer: number; toevoeging: string }): string {
  return `${a.postcode}-${a.huisnummer}${a.toevoeging.replace(/[^\p{L}\p{N}]+/gu, "")}`;
}

/** The key of an address (postcode, huisnummer and toevoeging as normalised): unique per address. */
export function adresSleutel(postcode: string, huisnummer: number, toevoeging: string): string {
  return `${postcode}|${huisnummer}|${toevoeging}`;
}

/** The parts of an address that its printed lines need. */
export type AdresRegelsInput = Pick<AdresInput, "straat" | "huisnummer" | "toevoeging" | "postcode" | "plaats" | "gemeente">;

/**
 * An address as a team navigates by it at night: street, then postcode and place, and the
 * gemeente only where it differs from the place (Hoogeloon lies in Bladel).
 */
export function adresRegels(a: AdresRegelsInput): string[] {
  const plaats = `${displayPostcode(a.postcode)} ${a.plaats}`;
  return zelfdeNaam(a.plaats, a.gemeente) ? [straatRegel(a), plaats] : [straatRegel(a), plaats, `gemeente ${a.gemeente}`];
}
