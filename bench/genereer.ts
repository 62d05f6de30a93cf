import type { AdresInput, ObjectType } from "../src/domain/adres.js";
import { csvField } from "../src/render/csv.js";

const toCsvLine = (velden: readonly (string | number)[]): string => velden.map(csvField).join(",");

/**
 * Deterministic test data for the benchmark: addresses, findings and owners as a team would
 * type or export them. Pure (no files): returns CSV text and plain rows.
 */

/** Small, fast, seedable PRNG (mulberry32): the same seed gives the same data on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An address row as `adres importeren` takes it. */
export type Adres = AdresInput;

const STRATEN = [
  "Dorpsstraat",
  "Kerkstraat",
  "Molenweg",
  "Heuvel",
  "Markt",
  "Stationsstraat",
  "Industrieweg",
  "Kempenbaan",
  "Peelweg",
  "De Run",
];
// Letters PostNL uses (no F, I, O, Q, U, Y) and never S, so SA, SD and SS cannot occur.
const LETTERS = "ABCDEGHJKLMNPRTVWXZ";
const TYPES: ObjectType[] = ["woning", "woning", "woning", "woning", "bedrijf", "loods", "horeca", "chalet", "perceel", "woonwagen"];

/** `n` distinct addresses spread over the given gemeenten; each gemeente gets its own postcode range. */
export function adressen(n: number, gemeenten: readonly string[], seed = 1): Adres[] {
  const rnd = prng(seed);
  const out: Adres[] = [];
  for (let i = 0; i < n; i++) {
    const g = i % gemeenten.length;
    const gemeente = gemeenten[g]!;
    const reeks = Math.floor(i / gemeenten.length);
    // Unique by construction: postcode number per gemeente, letters and house number from the index.
    const cijfers = 5500 + g * 20 + Math.floor(reeks / (LETTERS.length * LETTERS.length));
    const letters = LETTERS[Math.floor(reeks / LETTERS.length) % LETTERS.length]! + LETTERS[reeks % LETTERS.length]!;
    out.push({
      postcode: `${cijfers}${letters}`,
      huisnummer: 1 + Math.floor(rnd() * 180),
      toevoeging: rnd() < 0.1 ? "A" : "",
      straat: STRATEN[Math.floor(rnd() * STRATEN.length)]!,
      plaats: gemeente,
      gemeente,
      type: TYPES[Math.floor(rnd() * TYPES.length)]!,
    });
  }
  return out;
}

export function adressenCsv(rows: readonly Adres[]): string {
  const lines = ["postcode,huisnummer,toevoeging,straat,plaats,gemeente,type"];
  for (const a of rows) lines.push(toCsvLine([a.postcode, a.huisnummer, a.toevoeging, a.straat, a.plaats, a.gemeente, a.type]));
  return `${lines.join("\n")}\n`;
}

const OMSCHRIJVINGEN = [
  "Twaalf matrassen op zolder en geen vluchtweg",
  "Meterkast aangepast en stroom buiten de meter om",
  "Zeven arbeidsmigranten zonder inschrijving in de BRP",
  "Opslag van afval en autobanden op het erf",
  "Bewoning van een bedrijfsloods",
  "Rookmelders ontbreken op twee verdiepingen",
  "Gasfles in de slaapkamer",
  "Werknemers zonder loonstrook die 60 uur per week werken",
];

/**
 * Category codes with a skew like the PIT top 10: a few categories carry most findings.
 * Weight of the k-th code is 1/(k+1) (Zipf).
 */
export function kiesCategorie(codes: readonly string[], rnd: () => number): string {
  let totaal = 0;
  for (let k = 0; k < codes.length; k++) totaal += 1 / (k + 1);
  let r = rnd() * totaal;
  for (let k = 0; k < codes.length; k++) {
    r -= 1 / (k + 1);
    if (r <= 0) return codes[k]!;
  }
  return codes[codes.length - 1]!;
}

export interface BevindingRij {
  adres: Adres;
  categorie: string;
  omschrijving: string;
  partner: string;
  maatregel: string;
  personen: string;
}

/** `n` findings on the given addresses (round robin, so every address gets its share). */
export function bevindingen(n: number, op: readonly Adres[], codes: readonly string[], seed = 2): BevindingRij[] {
  const rnd = prng(seed);
  const out: BevindingRij[] = [];
  for (let i = 0; i < n; i++) {
    out.push({
      adres: op[i % op.length]!,
      categorie: kiesCategorie(codes, rnd),
      omschrijving: OMSCHRIJVINGEN[Math.floor(rnd() * OMSCHRIJVINGEN.length)]!,
      partner: rnd() < 0.1 ? "Politie" : "",
      maatregel: rnd() < 0.2 ? "CV buiten gebruik gesteld" : "",
      personen: rnd() < 0.5 ? String(1 + Math.floor(rnd() * 12)) : "",
    });
  }
  return out;
}

export function bevindingenCsv(rows: readonly BevindingRij[]): string {
  const lines = ["postcode,huisnummer,toevoeging,categorie,omschrijving,partner,maatregel,personen"];
  for (const b of rows) {
    lines.push(
      toCsvLine([
        b.adres.postcode,
        b.adres.huisnummer,
        b.adres.toevoeging,
        b.categorie,
        b.omschrijving,
        b.partner,
        b.maatregel,
        b.personen,
      ]),
    );
  }
  return `${lines.join("\n")}\n`;
}

const VOORNAMEN = ["Łukasz", "Ștefan", "Agnieszka", "Jan", "Mihai", "Wiśniewski", "Ioana", "Piotr", "Anna", "Gheorghe"];
const ACHTERNAMEN = ["Wiśniewski", "Popescu", "Kowalczyk", "van den Heuvel", "Țărănescu", "Nowak", "de Vries", "Dumitrescu"];

/** Owner names with the Polish and Romanian letters the letters must print. */
export function eigenaren(n: number, seed = 3): string[] {
  const rnd = prng(seed);
  return Array.from(
    { length: n },
    () => `${VOORNAMEN[Math.floor(rnd() * VOORNAMEN.length)]} ${ACHTERNAMEN[Math.floor(rnd() * ACHTERNAMEN.length)]}`,
  );
}
