import { UserError } from "../errors.js";
import { normalisePostcode, normaliseToevoeging, parseHuisnummer } from "./adres.js";
import { invalid } from "../errors.js";
import { optionalText, parseCount, requireText } from "./invoer.js";

/** Input rules of one finding, shared by manual entry, the guided flow and the CSV import. */
export interface BevindingInput {
  categorie: string;
  omschrijving: string;
  partner: string | null;
  maatregel: string | null;
  personen: number | null;
  /** Time of observation "HH:MM"; null: the evening's start time. */
  tijdstip: string | null;
  /** Numbers of the toezichthouders who observed it (never names). */
  toezichthouders: string[];
  /** How it was observed, e.g. "visuele waarneming, gesprek met bewoners". */
  methode: string | null;
}

/** "19:40", also "19.40" and "9:05"; the time of an observation. */
export function parseTijdstip(raw: string, field = "tijdstip"): string {
  const m = /^\s*([01]?\d|2[0-3])[:.]([0-5]\d)\s*$/.exec(raw);
  if (!m) throw invalid(field, `"${raw}" is geen tijd; gebruik UU:MM, bijv. 21:15`);
  return `${m[1]!.padStart(2, "0")}:${m[2]}`;
}

export function optionalTijdstip(raw: string | undefined | null): string | null {
  return raw === undefined || raw === null || raw.trim() === "" ? null : parseTijdstip(raw);
}

/** A toezichthouder's (BOA) number: letters, digits and dashes, e.g. 4711 or BOA-12345. */
export const TOEZICHTHOUDER_NUMMER = /^[A-Za-z0-9][A-Za-z0-9-]{0,19}$/;

export function parseToezichthouderNummer(raw: string | undefined | null, field = "toezichthouder"): string {
  const t = (raw ?? "").trim();
  if (!TOEZICHTHOUDER_NUMMER.test(t)) {
    throw invalid(field, `"${raw ?? ""}" is geen toezichthoudernummer (letters, cijfers en -, geen namen)`);
  }
  return t.toUpperCase();
}

/** "4711,2314" (also ; or spaces between, as a CSV cell may have them); duplicates dropped, order kept. */
export function parseToezichthouders(raw: string | undefined | null): string[] {
  if (raw === undefined || raw === null || raw === "") return []; // the common import row: no cost
  const out: string[] = [];
  for (const part of (raw ?? "").split(/[,;\s]+/)) {
    if (part === "") continue;
    const n = parseToezichthouderNummer(part);
    if (!out.includes(n)) out.push(n);
  }
  if (out.length > 5) throw invalid("toezichthouder", "hoogstens vijf toezichthouders per bevinding");
  return out;
}

export function parseMethode(raw: string | undefined | null): string | null {
  return optionalText("methode", raw, 500);
}

/**
 * What a report needs but a finding lacks: shown as "onvolledig" and blocking a signature.
 * A migrated finding's time is the evening's start time, an estimate until confirmed.
 */
export type Ontbrekend = "tijdstip" | "toezichthouder" | "methode";

export function ontbrekendeGegevens(b: {
  tijdstip_geschat: number | boolean;
  toezichthouders: string[];
  methode: string | null;
}): Ontbrekend[] {
  const out: Ontbrekend[] = [];
  if (b.tijdstip_geschat) out.push("tijdstip");
  if (b.toezichthouders.length === 0) out.push("toezichthouder");
  if (!b.methode) out.push("methode");
  return out;
}

export const ONTBREKEND_TEKST: Record<Ontbrekend, string> = {
  tijdstip: "tijdstip geschat (begintijd van de avond)",
  toezichthouder: "toezichthouder onbekend",
  methode: "methode onbekend",
};

export function validateBevinding(raw: {
  categorie?: string | null;
  omschrijving?: string | null;
  partner?: string | null;
  maatregel?: string | null;
  personen?: string | number | null;
  tijdstip?: string | null;
  toezichthouder?: string | null;
  methode?: string | null;
}): BevindingInput {
  return {
    categorie: requireText("categorie", raw.categorie, 60),
    omschrijving: requireText("omschrijving", raw.omschrijving, 2000),
    partner: optionalText("partner", raw.partner, 100),
    maatregel: optionalText("maatregel", raw.maatregel, 500),
    personen: parseCount("personen", raw.personen, 1000),
    tijdstip: optionalTijdstip(raw.tijdstip),
    toezichthouders: parseToezichthouders(raw.toezichthouder),
    methode: parseMethode(raw.methode),
  };
}

export const BEVINDING_CSV_COLUMNS = {
  required: ["postcode", "huisnummer", "categorie", "omschrijving"],
  optional: ["toevoeging", "partner", "maatregel", "personen", "tijdstip", "toezichthouder", "methode"],
};

export interface ImportRegel extends BevindingInput {
  line: number;
  adresId: number;
  categorieId: number;
  /** Owning partner: the row's, else the category's. */
  partnerId: number;
  /** First row naming an address that is not on the evening's list: put it on the list. */
  zetOpLijst: boolean;
  toezichthouderIds: number[];
}

/** What checking an import found besides the valid rows. */
export interface BevindingImportCheck {
  errors: string[];
  /** Addresses found that were not on the evening's list, with the first line naming them. */
  buitenLijst: { adresId: number; line: number }[];
}

export interface ImportLookups {
  adres(postcode: string, huisnummer: number, toevoeging: string): number | undefined;
  categorie(code: string): { id: number; partnerId: number } | undefined;
  partner(naam: string): number | undefined;
  opLijst(adresId: number): boolean;
  /** Toezichthouder id by number. */
  toezichthouder(nummer: string): number | undefined;
}

/**
 * Checks import rows one at a time as the CSV streams in: field rules, known address
 * (postcode + huisnummer + toevoeging), category and partner. Returns the row ready to
 * write, or undefined after recording why not (all bad lines are named, not just the
 * first). Pure: lookups are passed in; keeps only errors and out-of-list addresses, so
 * memory does not grow with the file.
 */
export function bevindingImportCheck(
  look: ImportLookups,
): BevindingImportCheck & { check(row: { line: number; values: Record<string, string> }): ImportRegel | undefined } {
  const errors: string[] = [];
  const buitenLijst: { adresId: number; line: number }[] = [];
  const warned = new Set<number>();
  return {
    errors,
    buitenLijst,
    check({ line, values }) {
      try {
        const postcode = normalisePostcode(values.postcode ?? "");
        const huisnummer = parseHuisnummer(values.huisnummer ?? "");
        const toevoeging = normaliseToevoeging(values.toevoeging);
        const b = validateBevinding(values);
        const adresId = look.adres(postcode, huisnummer, toevoeging);
        if (adresId === undefined) {
          throw new UserError(
            "niet-gevonden",
            `adres ${postcode} ${huisnummer}${toevoeging ? ` ${toevoeging}` : ""} bestaat niet (voeg het eerst toe met adres toevoegen)`,
          );
        }
        const cat = look.categorie(b.categorie);
        if (!cat) throw new UserError("niet-gevonden", `categorie: "${b.categorie}" is onbekend (zie categorie lijst)`);
        let partnerId = cat.partnerId;
        if (b.partner !== null) {
          const p = look.partner(b.partner);
          if (p === undefined) throw new UserError("niet-gevonden", `partner: "${b.partner}" is onbekend (zie partner lijst)`);
          partnerId = p;
        }
        const toezichthouderIds = b.toezichthouders.map((n) => {
          const id = look.toezichthouder(n);
          if (id === undefined) throw new UserError("niet-gevonden", `toezichthouder: "${n}" is onbekend (zie toezichthouder lijst)`);
          return id;
        });
        const zetOpLijst = !look.opLijst(adresId) && !warned.has(adresId);
        if (zetOpLijst) {
          warned.add(adresId);
          buitenLijst.push({ adresId, line });
        }
        // Written out: an object spread here cost 3 µs a row, a third of a 100,000-row import.
        return {
          categorie: b.categorie,
          omschrijving: b.omschrijving,
          partner: b.partner,
          maatregel: b.maatregel,
          personen: b.personen,
          tijdstip: b.tijdstip,
          toezichthouders: b.toezichthouders,
          methode: b.methode,
          toezichthouderIds,
          line,
          adresId,
          categorieId: cat.id,
          partnerId,
          zetOpLijst,
        };
      } catch (err) {
        if (!(err instanceof UserError)) throw err;
        errors.push(`regel ${line}: ${err.message}`);
        return undefined;
      }
    },
  };
}
