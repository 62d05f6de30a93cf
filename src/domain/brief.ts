import { displayPostcode, type AdresInput } from "./adres.js";
import { addDays, type IsoDate } from "./dates.js";

/**
 * Letters (brieven): which template a follow-up needs, how follow-ups group into
 * one letter, the kenmerk and file name, the template's front matter and the
 * values a template can use. Pure: no files, no database, no PDF.
 */

/** Follow-up action → letter template. Actions not listed need no letter. */
export const SJABLOON_PER_ACTIE: Readonly<Record<string, string>> = {
  "informatiebrief eigenaar": "informatiebrief-eigenaar",
  "voornemen last onder dwangsom": "voornemen-last-onder-dwangsom",
  "last onder dwangsom": "last-onder-dwangsom",
  "voornemen bestuursdwang": "voornemen-bestuursdwang",
  hercontrole: "aankondiging-hercontrole",
  "partner informeren": "informatiebericht-partner",
};

/** Templates whose recipient is the partner that owns the follow-up, not a betrokkene. */
export const PARTNER_SJABLONEN: ReadonlySet<string> = new Set(["informatiebericht-partner"]);

export function sjabloonVoorActie(actie: string): string | undefined {
  return SJABLOON_PER_ACTIE[actie.trim().toLowerCase()];
}

/** A template name as typed by a user: letters, digits and dashes only (no paths). */
export const SJABLOON_NAAM = /^[a-z0-9][a-z0-9-]{0,63}$/i;

export const KENMERK_PREFIX = "INT";

/** "INT-2026-000123": prefix, year of the letter, a sequence number per year. */
export function formatKenmerk(jaar: number, volgnummer: number, prefix = KENMERK_PREFIX): string {
  return `${prefix}-${jaar}-${String(volgnummer).padStart(6, "0")}`;
}

/** The next sequence number given the kenmerken already used for that year. */
export function volgendVolgnummer(bestaand: string[], jaar: number, prefix = KENMERK_PREFIX): number {
  const re = new RegExp(`^${prefix}-${jaar}-(\\d+)$`);
  let max = 0;
  for (const k of bestaand) {
    const m = re.exec(k);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
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
  const toev = adres.toevoeging ? adres.toevoeging.replace(/[^\p{L}\p{N}]+/gu, "") : "";
  return `${datum}_${kenmerk}_${sjabloon}_${adres.postcode}-${adres.huisnummer}${toev}.pdf`;
}

export function adresRegel(a: Pick<AdresGegevens, "straat" | "huisnummer" | "toevoeging">): string {
  return `${a.straat} ${a.huisnummer}${a.toevoeging ? (/^\d/.test(a.toevoeging) ? `-${a.toevoeging}` : a.toevoeging) : ""}`;
}

export function volledigAdres(a: AdresGegevens): string {
  return `${adresRegel(a)}, ${displayPostcode(a.postcode)} ${a.plaats}`;
}

// ---------------------------------------------------------------------------
// Grouping

export type Ontvanger =
  | { soort: "betrokkene"; id: number; naam: string; postadres: string | null; rol: string | null }
  | { soort: "partner"; id: number; naam: string };

/** One follow-up with everything a letter about it needs. */
export interface BriefOpvolging {
  opvolgingId: number;
  actie: string;
  deadline: IsoDate;
  partner: string;
  partnerId: number;
  bevinding: {
    id: number;
    categorie: string;
    categorieNaam: string;
    grondslag: string | null;
    omschrijving: string;
    maatregel: string | null;
    personen: number | null;
    partner: string;
  };
  adres: AdresGegevens;
  avond: { id: number; datum: IsoDate; doel: string };
}

export interface BriefGroep {
  sjabloon: string;
  ontvanger: Ontvanger;
  adres: AdresGegevens;
  opvolgingen: BriefOpvolging[];
}

export interface Overgeslagen {
  opvolging: number;
  reden: string;
}

/**
 * Groups follow-ups into letters: one letter per template, recipient and address.
 * `ontvangerVan` returns the betrokkene recipient of an address (undefined: none known).
 * Follow-ups whose action needs no letter, or without a recipient, are skipped with a reason.
 */
export function groepeerBrieven(
  opvolgingen: BriefOpvolging[],
  ontvangerVan: (adresId: number) => Ontvanger | undefined,
): { groepen: BriefGroep[]; overgeslagen: Overgeslagen[] } {
  const groepen = new Map<string, BriefGroep>();
  const overgeslagen: Overgeslagen[] = [];
  const sorted = [...opvolgingen].sort((a, b) => a.opvolgingId - b.opvolgingId);
  for (const o of sorted) {
    const sjabloon = sjabloonVoorActie(o.actie);
    if (!sjabloon) {
      overgeslagen.push({ opvolging: o.opvolgingId, reden: `actie "${o.actie}" vraagt geen brief` });
      continue;
    }
    const ontvanger: Ontvanger | undefined = PARTNER_SJABLONEN.has(sjabloon)
      ? { soort: "partner", id: o.partnerId, naam: o.partner }
      : ontvangerVan(o.adres.id);
    if (!ontvanger) {
      overgeslagen.push({
        opvolging: o.opvolgingId,
        reden: `geen eigenaar bekend voor ${volledigAdres(o.adres)}; gebruik brief maak --opvolging ${o.opvolgingId} --aan <betrokkene-id>`,
      });
      continue;
    }
    const key = `${sjabloon}|${ontvanger.soort}:${ontvanger.id}|${o.adres.id}`;
    const g = groepen.get(key);
    if (g) g.opvolgingen.push(o);
    else groepen.set(key, { sjabloon, ontvanger, adres: o.adres, opvolgingen: [o] });
  }
  // Stable order: address, then template, then recipient.
  const list = [...groepen.values()].sort(
    (a, b) =>
      a.adres.postcode.localeCompare(b.adres.postcode) ||
      a.adres.huisnummer - b.adres.huisnummer ||
      a.adres.toevoeging.localeCompare(b.adres.toevoeging) ||
      a.sjabloon.localeCompare(b.sjabloon) ||
      a.ontvanger.id - b.ontvanger.id,
  );
  return { groepen: list, overgeslagen };
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
}

export type BriefhoofdVelden = Partial<Omit<Briefhoofd, "gemeente">>;

export const STANDAARD_AFDELING = "afdeling Vergunningen, Toezicht en Handhaving";
export const STANDAARD_FUNCTIE = "teamleider Toezicht en Handhaving";

/** The gemeente's own row wins field by field over the shipped defaults, which win over the generic ones. */
export function maakBriefhoofd(gemeente: string, eigen: BriefhoofdVelden | undefined, standaard: BriefhoofdVelden | undefined): Briefhoofd {
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
  };
}

// ---------------------------------------------------------------------------
// Template file format

export interface SjabloonBestand {
  naam: string;
  titel: string;
  onderwerp: string;
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
  const { titel, onderwerp, ...rest } = kop;
  if (!onderwerp) return `sjabloon ${naam}: de kop mist "onderwerp:"`;
  return { naam, titel: titel ?? naam, onderwerp, kop: rest, tekst };
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

// ---------------------------------------------------------------------------
// Template values

export const STANDAARD_DWANGSOM = { bedrag: "€ 1.000", per: "week", maximum: "€ 10.000" };

export interface BriefInvoer {
  groep: BriefGroep;
  briefhoofd: Briefhoofd;
  datum: IsoDate;
  kenmerk: string;
  dwangsom?: { bedrag?: string; per?: string; maximum?: string };
}

/** Every value a template can use; documented in templates/README.md. */
export interface BriefContext {
  brief: { datum: IsoDate; kenmerk: string; sjabloon: string };
  gemeente: { naam: string; afdeling: string; postadres: string | null; telefoon: string | null; email: string | null };
  ontvanger: { naam: string; soort: "betrokkene" | "partner"; rol: string | null; adresregels: string[] };
  aanhef: string;
  adres: { volledig: string; straat: string; huisnummer: string; postcode: string; plaats: string; gemeente: string; type: string };
  controle: { datum: IsoDate; doel: string };
  bevindingen: {
    categorie: string;
    code: string;
    omschrijving: string;
    grondslag: string | null;
    maatregel: string | null;
    personen: number | null;
    partner: string;
  }[];
  meerdere: boolean;
  grondslagen: string[];
  deadline: IsoDate;
  termijnen: { zienswijze: IsoDate; bezwaar: IsoDate };
  dwangsom: { bedrag: string; per: string; maximum: string };
  partner: { naam: string };
  ondertekenaar: { naam: string | null; functie: string };
}

/** The least time a letter gives its recipient, counted from the letter's date. */
export const MINIMALE_TERMIJN_DAGEN = 7;

export function briefContext(inv: BriefInvoer): BriefContext {
  const { groep, briefhoofd: h, datum, kenmerk } = inv;
  const a = groep.adres;
  const eerste = groep.opvolgingen[0]!;
  const o = groep.ontvanger;
  const adresregels =
    o.soort === "partner"
      ? ["t.a.v. de vaste vertegenwoordiger in het interventieteam"]
      : o.postadres
        ? o.postadres.split(/\s*[,\n]\s*/).filter(Boolean)
        : [adresRegel(a), `${displayPostcode(a.postcode)}  ${a.plaats.toUpperCase()}`];
  const bevindingen = groep.opvolgingen
    .map((x) => x.bevinding)
    .filter((b, i, all) => all.findIndex((y) => y.id === b.id) === i)
    .map((b) => ({
      categorie: b.categorieNaam,
      code: b.categorie,
      omschrijving: b.omschrijving,
      grondslag: b.grondslag,
      maatregel: b.maatregel,
      personen: b.personen,
      partner: b.partner,
    }));
  const grondslagen = [...new Set(bevindingen.map((b) => b.grondslag).filter((g): g is string => Boolean(g)))];
  const vroegste = groep.opvolgingen.map((x) => x.deadline).sort()[0]!;
  // A letter made late must not ask the recipient to act by a date that has passed.
  const deadline = [vroegste, addDays(datum, MINIMALE_TERMIJN_DAGEN)].sort()[1]!;
  return {
    brief: { datum, kenmerk, sjabloon: groep.sjabloon },
    gemeente: { naam: h.gemeente, afdeling: h.afdeling, postadres: h.postadres, telefoon: h.telefoon, email: h.email },
    ontvanger: { naam: o.naam, soort: o.soort, rol: o.soort === "betrokkene" ? o.rol : null, adresregels },
    aanhef: o.soort === "partner" ? "Geachte heer, mevrouw," : "Geachte heer/mevrouw,",
    adres: {
      volledig: volledigAdres(a),
      straat: a.straat,
      huisnummer: `${a.huisnummer}${a.toevoeging ? (/^\d/.test(a.toevoeging) ? `-${a.toevoeging}` : a.toevoeging) : ""}`,
      postcode: displayPostcode(a.postcode),
      plaats: a.plaats,
      gemeente: a.gemeente,
      type: a.type,
    },
    controle: { datum: eerste.avond.datum, doel: eerste.avond.doel },
    bevindingen,
    meerdere: bevindingen.length > 1,
    grondslagen,
    deadline,
    termijnen: { zienswijze: addDays(datum, 14), bezwaar: addDays(datum, 42) },
    dwangsom: { ...STANDAARD_DWANGSOM, ...Object.fromEntries(Object.entries(inv.dwangsom ?? {}).filter(([, v]) => v)) },
    partner: { naam: eerste.partner },
    ondertekenaar: { naam: h.ondertekenaarNaam, functie: h.ondertekenaarFunctie },
  };
}

/** Sample data for `brief voorbeeld`: Polish and Romanian names, as found at these addresses. */
export function voorbeeldGroep(sjabloon: string): BriefGroep {
  const adres: AdresGegevens = {
    id: 0,
    postcode: "5504AB",
    huisnummer: 12,
    toevoeging: "A",
    straat: "Kerkstraat",
    plaats: "Veldhoven",
    gemeente: "Veldhoven",
    type: "woning",
  };
  const avond = { id: 0, datum: "2026-11-12", doel: "Controle huisvesting arbeidsmigranten" };
  const bev = (
    id: number,
    categorie: string,
    categorieNaam: string,
    grondslag: string,
    omschrijving: string,
    maatregel: string | null,
    personen: number | null,
    partner: string,
  ) => ({
    id,
    categorie,
    categorieNaam,
    grondslag,
    omschrijving,
    maatregel,
    personen,
    partner,
  });
  const opvolgingen: BriefOpvolging[] = [
    {
      opvolgingId: 1,
      actie: "voorbeeld",
      deadline: "2026-12-10",
      partner: "ISZW",
      partnerId: 0,
      bevinding: bev(
        1,
        "overbewoning",
        "Overbewoning",
        "Besluit bouwwerken leefomgeving (gebruiksoppervlakte per persoon) en de huisvestingsverordening",
        "Elf personen aangetroffen in een woning van 85 m², slaapplaatsen op zolder en in de garage",
        null,
        11,
        "Gemeente",
      ),
      adres,
      avond,
    },
    {
      opvolgingId: 2,
      actie: "voorbeeld",
      deadline: "2026-12-10",
      partner: "ISZW",
      partnerId: 0,
      bevinding: bev(
        2,
        "brandveiligheid",
        "Niet voldaan aan brandveiligheidseisen",
        "Besluit bouwwerken leefomgeving, hoofdstuk 3 en 6 (brandveiligheid)",
        "Geen werkende rookmelders; vluchtweg zolder geblokkeerd",
        "Vluchtweg ter plaatse vrijgemaakt",
        null,
        "Veiligheidsregio",
      ),
      adres,
      avond,
    },
  ];
  const ontvanger: Ontvanger = PARTNER_SJABLONEN.has(sjabloon)
    ? { soort: "partner", id: 0, naam: "ISZW (Nederlandse Arbeidsinspectie)" }
    : { soort: "betrokkene", id: 0, naam: "Łukasz Wiśniewski", postadres: "ul. Długa 14, 80-831 Gdańsk, POLEN", rol: "eigenaar" };
  return { sjabloon, ontvanger, adres, opvolgingen };
}
