import { UserError } from "../errors.js";
import { adresSleutel, validateAdres, type AdresInput } from "./adres.js";

export const ADRES_CSV_COLUMNS = {
  required: ["postcode", "huisnummer", "straat", "plaats", "gemeente"],
  optional: ["toevoeging", "type"],
};

export interface ImportPlan {
  rows: (AdresInput & { line: number; gemeenteId: number })[];
  errors: string[];
}

/**
 * Checks every row before anything is written: field rules, known gemeente,
 * duplicates within the file and against the database. Pure: lookups are passed in.
 * Incremental, so rows can be fed while the CSV streams in.
 */
export function adresImportPlanner(
  gemeenteId: (naam: string) => number | undefined,
  exists: (postcode: string, huisnummer: number, toevoeging: string) => number | undefined,
): { add(row: { line: number; values: Record<string, string> }): void; plan: ImportPlan } {
  const plan: ImportPlan = { rows: [], errors: [] };
  const seen = new Map<string, number>();
  return {
    plan,
    add({ line, values }) {
      try {
        const a = validateAdres(values);
        const gid = gemeenteId(a.gemeente);
        if (gid === undefined) throw new UserError("niet-gevonden", `gemeente: "${a.gemeente}" is onbekend (zie gemeente lijst)`);
        const key = adresSleutel(a.postcode, a.huisnummer, a.toevoeging);
        const earlier = seen.get(key);
        if (earlier !== undefined) throw new UserError("dubbel-adres", `adres staat al op regel ${earlier}`);
        const existing = exists(a.postcode, a.huisnummer, a.toevoeging);
        if (existing !== undefined) throw new UserError("dubbel-adres", `adres bestaat al (id ${existing})`);
        seen.set(key, line);
        plan.rows.push({ ...a, line, gemeenteId: gid });
      } catch (err) {
        if (!(err instanceof UserError)) throw err;
        plan.errors.push(`regel ${line}: ${err.message}`);
      }
    },
  };
}
