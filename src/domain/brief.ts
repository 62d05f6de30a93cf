import { adresInBestandsnaam, type AdresInput } from "./adres.js";
import type { HercontroleVerwijzing } from "./hercontrole.js";
import type { IsoDate } from "./dates.js";
import type { Bestuursorgaan, Stap, Zaak } from "./ladder.js";

/**
 * Letters (brieven): how follow-ups group into one letter, the kenmerk and file name, the
 * letterhead and the template's front matter. Pure: no files, no database, no PDF. What a
 * template can use is built in brief-context.ts.
 */

/** A template name as typed by a user: letters, digits and dashes only (no paths). */
export const SJABLOON_NAAM = /^[a-z0-9][a-z0-9-]{0,63}$/i;

export const KENMERK_PREFIX = "INT";

/** "INT-2026-000123": prefix, year of the letter, a sequence number per year. */
export function formatKenmerk(jaar: number, volgnummer: number, prefix = KENMERK_PREFIX): string {
  return `${prefix}-${jaar}-${String(volgnummer).padStart(6, "0")}`;
}

/** The controlled address as letters need it (the database's adres row, type as stored). */
export type AdresGegevens = Omit<AdresInput, "type"> & { id: number; type: string };

/** "2026-11-23_INT-2026-000012_informatiebrief-eigenaar_5504AB-12.pdf": sorts by date, says what it is. */
export function briefBestandsnaam(
  datum: IsoDate,
  kenmerk: string,
  sjabloon: string,
  adres: Pick<AdresGegevens, "postcode" | "huisnummer" | "toevoeging">,
): string {
  return `${datum}_${kenmerk}_${sjabloon}_${adresInBestandsnaam(adres)}.pdf`;
}

// ---------------------------------------------------------------------------
// Grouping

export type Ontvanger =
  | { soort: "betrokkene"; id: number; naam: string; postadres: string | null; rol: string | null }
  | { soort: "partner"; id: number; naam: string; lidwoord: "de" | "het" | null; postadres: string | null };

/** A signed rapport van bevindingen as letters cite it: "RVB-2026-000001, versie 1, van 23 november 2026". */
export interface RapportVerwijzing {
  kenmerk: string;
  versie: number;
  /** Its dagtekening. */
  datum: IsoDate;
}

/** One follow-up with everything a letter about it needs. */
export interface BriefOpvolging {
  opvolgingId: number;
  actie: string;
  deadline: IsoDate;
  partner: string;
  partnerId: number;
  /** A step of the handhavingsladder, or null for a plain follow-up. */
  stap: Stap | null;
  nietVoor: IsoDate | null;
  bevinding: {
    id: number;
    categorie: string;
    categorieNaam: string;
    /** The norm violated (the category's voorschrift, or the zaak's own). */
    grondslag: string | null;
    omschrijving: string;
    maatregel: string | null;
    personen: number | null;
    partner: string;
    /** When the violation was observed (5:9 Awb): as signed in the report, else as recorded. */
    waarneming: { datum: IsoDate; tijdstip: string | null };
    /** The newest signed rapport van bevindingen covering this finding; a besluit rests on it. */
    rapport: RapportVerwijzing | null;
  };
  adres: AdresGegevens;
  avond: { id: number; datum: IsoDate; doel: string };
  /** The finding's handhavingszaak, if the gemeente enforces its category. */
  zaak: ZaakInfo | null;
  /** The zaak's closed hercontroles with their record and signed report: what an invordering or kostenverhaal cites. */
  hercontroles?: HercontroleVerwijzing[];
}

/** A zaak as a letter needs it: the state machine's view plus how the overtreder is addressed. */
export type ZaakInfo = Zaak & { hoedanigheid: string | null; overtreder: string | null };

export interface BriefGroep {
  sjabloon: string;
  ontvanger: Ontvanger;
  adres: AdresGegevens;
  bestuursorgaan: Bestuursorgaan;
  opvolgingen: BriefOpvolging[];
}

/** One follow-up's letter before grouping: which template, to whom, from which bestuursorgaan. */
export interface BriefItem {
  opvolging: BriefOpvolging;
  sjabloon: string;
  ontvanger: Ontvanger;
  bestuursorgaan: Bestuursorgaan;
  /** What else must be equal to share a letter (a voornemen gives one zienswijzetermijn). */
  sleutel?: string;
}

export interface Overgeslagen {
  opvolging: number;
  reden: string;
}

/** A letter that is not due yet or misses something; `tot` is the day it becomes due, when known. */
export interface Tegengehouden {
  opvolging: number;
  stap: string | null;
  reden: string;
  tot: IsoDate | null;
}

/**
 * Groups letters: one per template, recipient, address and bestuursorgaan (a letter never
 * speaks for two bestuursorganen). Stable order: address, template, recipient.
 */
export function groupBrieven(items: readonly BriefItem[]): BriefGroep[] {
  const groepen = new Map<string, BriefGroep>();
  for (const it of [...items].sort((a, b) => a.opvolging.opvolgingId - b.opvolging.opvolgingId)) {
    const key = [it.sjabloon, `${it.ontvanger.soort}:${it.ontvanger.id}`, it.opvolging.adres.id, it.bestuursorgaan, it.sleutel ?? ""].join(
      "|",
    );
    const g = groepen.get(key);
    if (g) g.opvolgingen.push(it.opvolging);
    else
      groepen.set(key, {
        sjabloon: it.sjabloon,
        ontvanger: it.ontvanger,
        adres: it.opvolging.adres,
        bestuursorgaan: it.bestuursorgaan,
        opvolgingen: [it.opvolging],
      });
  }
  return [...groepen.values()].sort(
    (a, b) =>
      a.adres.postcode.localeCompare(b.adres.postcode) ||
      a.adres.huisnummer - b.adres.huisnummer ||
      a.adres.toevoeging.localeCompare(b.adres.toevoeging) ||
      a.sjabloon.localeCompare(b.sjabloon) ||
      a.ontvanger.id - b.ontvanger.id,
  );
}

// ---------------------------------------------------------------------------
// Letterhead

export interface Briefhoofd {
  gemeente: string;
  afdeling: string;
  postadres: string | null;
  telefoon: string | null;
  email: string | null;
  logo: string | null;
  ondertekenaarNaam: string | null;
  ondertekenaarFunctie: string;
  /** The mandate the signatory signs under, named under the signature. */
  mandaat: string;
  /** The burgemeester's own mandate decision, when it is not the same as the college's (then `mandaat` serves both). */
  mandaatBurgemeester: string | null;
  /** Where forfeited sums and costs are paid (IBAN), if set. */
  rekening: string | null;
}

export type BriefhoofdVelden = Partial<Omit<Briefhoofd, "gemeente">>;

export const STANDAARD_AFDELING = "afdeling Vergunningen, Toezicht en Handhaving";
export const STANDAARD_FUNCTIE = "teamleider Toezicht en Handhaving";
export const standaardMandaat = (gemeente: string) => `Mandaat-, volmacht- en machtigingsbesluit gemeente ${gemeente}`;

/** The gemeente's own row wins field by field over the shipped defaults, which win over the generic ones. */
export function makeBriefhoofd(gemeente: string, eigen: BriefhoofdVelden | undefined, standaard: BriefhoofdVelden | undefined): Briefhoofd {
  const pick = <K extends keyof BriefhoofdVelden>(k: K): BriefhoofdVelden[K] | undefined => {
    const a = eigen?.[k];
    if (a !== undefined && a !== null && a !== "") return a;
    const b = standaard?.[k];
    return b !== undefined && b !== null && b !== "" ? b : undefined;
  };
  return {
    gemeente,
    afdeling: pick("afdeling") ?? STANDAARD_AFDELING,
    postadres: pick("postadres") ?? null,
    telefoon: pick("telefoon") ?? null,
    email: pick("email") ?? null,
    logo: pick("logo") ?? null,
    ondertekenaarNaam: pick("ondertekenaarNaam") ?? null,
    ondertekenaarFunctie: pick("ondertekenaarFunctie") ?? STANDAARD_FUNCTIE,
    mandaat: pick("mandaat") ?? standaardMandaat(gemeente),
    mandaatBurgemeester: pick("mandaatBurgemeester") ?? null,
    rekening: pick("rekening") ?? null,
  };
}

// ---------------------------------------------------------------------------
// Template file format

export interface SjabloonBestand {
  naam: string;
  titel: string;
  onderwerp: string;
  /** `aan: partner` in the front matter: the letter goes to the partner of the follow-up, not to a betrokkene. */
  aanPartner: boolean;
  /** Extra front-matter keys, e.g. aanhef or bijlage. */
  kop: Record<string, string>;
  tekst: string;
}

/**
 * A template file: an optional front matter between two `---` lines with
 * `sleutel: waarde` lines (titel, onderwerp, …), then the Handlebars body.
 * Returns an error text instead of throwing, so callers choose the exit.
 */
export function parseSjabloon(naam: string, bron: string): SjabloonBestand | string {
  const text = bron.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const kop: Record<string, string> = {};
  let tekst = text;
  if (text.startsWith("---\n")) {
    const end = text.indexOf("\n---", 4);
    if (end < 0) return `sjabloon ${naam}: de kop (front matter) wordt niet afgesloten met ---`;
    for (const [i, line] of text.slice(4, end).split("\n").entries()) {
      if (line.trim() === "" || line.trim().startsWith("#")) continue;
      const m = /^([a-z][a-z0-9_-]*)\s*:\s*(.*)$/i.exec(line);
      if (!m) return `sjabloon ${naam}: kopregel ${i + 2} is geen "sleutel: waarde"`;
      kop[m[1]!.toLowerCase()] = m[2]!.trim();
    }
    tekst = text.slice(text.indexOf("\n", end + 1) + 1);
    if (text.indexOf("\n", end + 1) < 0) tekst = "";
  }
  const { titel, onderwerp, aan, ...rest } = kop;
  if (!onderwerp) return `sjabloon ${naam}: de kop mist "onderwerp:"`;
  if (aan !== undefined && aan !== "partner" && aan !== "betrokkene")
    return `sjabloon ${naam}: "aan:" is partner of betrokkene, niet "${aan}"`;
  return { naam, titel: titel ?? naam, onderwerp, aanPartner: aan === "partner", kop: rest, tekst };
}

/** A block of the filled-in body: a paragraph, a bold line, or a list. */
export type Blok = { soort: "alinea"; tekst: string } | { soort: "vet"; tekst: string } | { soort: "lijst"; items: string[] };

/**
 * Splits filled-in body text into blocks: blank lines separate paragraphs;
 * a paragraph that is `**…**` is a bold line; lines starting with `- ` form a list.
 * Lines within a paragraph join with a space (the PDF wraps them).
 */
export function blokken(tekst: string): Blok[] {
  const out: Blok[] = [];
  for (const raw of tekst.replace(/\r\n?/g, "\n").split(/\n[ \t]*\n/)) {
    const lines = raw
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l !== "");
    if (lines.length === 0) continue;
    if (lines.every((l) => l.startsWith("- "))) {
      out.push({ soort: "lijst", items: lines.map((l) => l.slice(2).trim()) });
      continue;
    }
    const joined = lines.join(" ").replace(/\s+/g, " ");
    const bold = /^\*\*(.+)\*\*$/.exec(joined);
    if (bold) out.push({ soort: "vet", tekst: bold[1]!.trim() });
    else out.push({ soort: "alinea", tekst: joined });
  }
  return out;
}

export type { BriefContext } from "./brief-context.js";
