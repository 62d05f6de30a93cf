import { invalid } from "../errors.js";

/** Generic input rules shared by all commands: text, ids, counts, lists. */

// Control characters would corrupt tables and letters; newlines and tabs are allowed in long texts only.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function requireText(field: string, raw: string | undefined | null, max = 200): string {
  const t = (raw ?? "").trim();
  if (t === "") throw invalid(field, "mag niet leeg zijn");
  if (t.length > max) throw invalid(field, `is te lang (max. ${max} tekens)`);
  if (CONTROL.test(t) || (max <= 200 && /[\n\t]/.test(t))) throw invalid(field, "bevat ongeldige stuurtekens");
  return t;
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

/** "A, B,C" → ["A","B","C"]; empty parts dropped, duplicates (case-insensitive) removed. */
export function parseList(raw: string | undefined | null): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of (raw ?? "").split(",")) {
    const t = part.trim();
    if (t && !seen.has(t.toLowerCase())) {
      seen.add(t.toLowerCase());
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
