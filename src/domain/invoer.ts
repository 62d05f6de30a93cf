import { invalid } from "../errors.js";

/** Generic input rules shared by all commands: text, ids, counts, lists. This is the one place for them. */

/**
 * Characters no text may hold: C0 and C1 controls (ESC sequences, U+009B CSI, CR), format
 * characters (bidi overrides U+202A–202E and isolates U+2066–2069, zero-width characters, soft
 * hyphen), line and paragraph separators and lone surrogates. Printed, they let text overwrite or
 * disguise itself; stored, they travel into tables, letters and exports. Newline and tab are the
 * exceptions, in long texts only (a Windows CRLF there becomes a newline).
 */
const VERBODEN = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;
const REGELS = /[\n\t]/g;
/** U+FFFD: what a wrongly decoded file leaves behind ("Caf\uFFFDstraat"); never stored. */
const VERVANGINGSTEKEN = "\uFFFD";

/** Printable ASCII (plus newline and tab): nothing to normalise or refuse — the common case, checked fast. */
const GEWOON = /^[\x20-\x7e]*$/;
const GEWOON_REGELS = /^[\x20-\x7e\n\t]*$/;

export function requireText(field: string, raw: string | undefined | null, max = 200): string {
  const meerdereRegels = max > 200;
  const r = (raw ?? "").trim();
  if (r !== "" && r.length <= max && (meerdereRegels ? GEWOON_REGELS : GEWOON).test(r)) return r;
  let t = r.normalize("NFC").trim();
  if (meerdereRegels) t = t.replace(/\r\n/g, "\n");
  if (t === "") throw invalid(field, "mag niet leeg zijn");
  if (t.length > max) throw invalid(field, `is te lang (max. ${max} tekens)`);
  const verboden = meerdereRegels ? VERBODEN.exec(t.replace(REGELS, " ")) : VERBODEN.exec(t);
  if (verboden) throw invalid(field, `bevat ongeldige stuurtekens (${codepunt(verboden[0])})`);
  if (t.includes(VERVANGINGSTEKEN)) {
    throw invalid(field, "bevat een vervangingsteken (\uFFFD): de tekst is ergens verkeerd omgezet; typ of importeer hem opnieuw");
  }
  return t;
}

function codepunt(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * The key names of gemeenten, partners and categories are compared by: NFC and Unicode case
 * folding (upper then lower case, so ß matches SS), so "Súdwest-Fryslân" typed in NFD or in
 * capitals finds the same gemeente. SQLite's NOCASE folds ASCII only; the database registers this
 * function as sleutel().
 */
export function sleutel(naam: string): string {
  return naam.normalize("NFC").trim().toUpperCase().toLowerCase().normalize("NFC");
}

export function optionalText(field: string, raw: string | undefined | null, max = 2000): string | null {
  if (raw === undefined || raw === null || raw.trim() === "") return null;
  return requireText(field, raw, max);
}

export function parseId(field: string, raw: string | number | undefined): number {
  const t = String(raw ?? "").trim();
  if (!/^\d{1,15}$/.test(t) || Number(t) < 1) throw invalid(field, `"${raw ?? ""}" is geen geldig id (een geheel getal vanaf 1)`);
  return Number(t);
}

export function parseCount(field: string, raw: string | number | undefined | null, max = 10_000): number | null {
  if (raw === undefined || raw === null || String(raw).trim() === "") return null;
  const t = String(raw).trim();
  if (!/^\d+$/.test(t) || Number(t) > max) throw invalid(field, `"${raw}" is geen aantal (geheel getal 0 t/m ${max})`);
  return Number(t);
}

/** "A, B,C" → ["A","B","C"]; empty parts dropped, duplicates (compared by sleutel) removed. */
export function parseList(raw: string | undefined | null): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of (raw ?? "").split(",")) {
    const t = part.normalize("NFC").trim();
    if (t && !seen.has(sleutel(t))) {
      seen.add(sleutel(t));
      out.push(t);
    }
  }
  return out;
}

export function parseEnum<T extends string>(field: string, raw: string | undefined, allowed: readonly T[]): T {
  const t = (raw ?? "").trim().toLowerCase();
  if ((allowed as readonly string[]).includes(t)) return t as T;
  throw invalid(field, `"${raw ?? ""}" is niet toegestaan; kies uit ${allowed.join(", ")}`);
}
