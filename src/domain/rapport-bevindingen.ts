import { createHash } from "node:crypto";
import { adresInBestandsnaam } from "./adres.js";
import { addDays, type IsoDate } from "./dates.js";
import { ontbrekendeGegevens, type Ontbrekend } from "./bevinding.js";
import type { BijlageSoort } from "./bijlage.js";

/**
 * The rapport van bevindingen (ECLI:NL:RVS:2017:1179): place, date and time, method, what was
 * observed, by whom (number and function, never a name), the violated norm, measures on the spot,
 * evidence by hash, signed and dated. Pure: the content is built from plain facts, its hash decides
 * whether a signed version still holds, and the kenmerk is formatted here.
 */

export const RAPPORT_KENMERK_PREFIX = "RVB";

/** "RVB-2026-000001": distinct from letters (INT-…); the sequence is per year and never reused. */
export function formatRapportKenmerk(jaar: number, volgnummer: number): string {
  return `${RAPPORT_KENMERK_PREFIX}-${jaar}-${String(volgnummer).padStart(6, "0")}`;
}

/**
 * The date of an observation: the evening's date, or the next day for a time after midnight on an
 * evening that started in the afternoon or evening (start 19:00, observed 00:40 → the next day).
 */
export function waarnemingsdatum(avondDatum: IsoDate, starttijd: string, tijdstip: string): IsoDate {
  return starttijd >= "12:00" && tijdstip < "12:00" && tijdstip < starttijd ? addDays(avondDatum, 1) : avondDatum;
}

export interface Auteur {
  nummer: string;
  functie: string;
  organisatie: string;
  beediging: "ambtseed" | "ambtsbelofte" | null;
}

/** The facts one report rests on, as the database holds them. */
export interface RapportGegevens {
  gemeente: string;
  afdeling: string;
  adres: { volledig: string; type: string };
  avond: { id: number; datum: IsoDate; starttijd: string; doel: string };
  /** The team's roles by organisation (never names). */
  team: { rol: string; organisatie: string }[];
  bevindingen: {
    id: number;
    categorie: string;
    categorieNaam: string;
    norm: string | null;
    omschrijving: string;
    maatregel: string | null;
    personen: number | null;
    tijdstip: string;
    tijdstipGeschat: boolean;
    methode: string | null;
    toezichthouders: Auteur[];
    bijlagen: { sha256: string; soort: BijlageSoort; grootte: number; bijschrift: string | null }[];
  }[];
}

/** One finding as a report needs it. */
export type BevindingFeit = RapportGegevens["bevindingen"][number];

export interface Waarneming {
  nr: number;
  bevinding_id: number;
  categorie: string;
  categorie_naam: string;
  /** The violated norm (the category's legal basis). */
  norm: string | null;
  datum: IsoDate;
  tijdstip: string;
  methode: string | null;
  toezichthouders: string[];
  omschrijving: string;
  maatregel: string | null;
  personen: number | null;
  ontbrekend: Ontbrekend[];
  bijlagen: number[];
}

export interface RapportBijlage {
  nr: number;
  waarneming: number;
  sha256: string;
  soort: BijlageSoort;
  grootte: number;
  bijschrift: string | null;
}

/** What is signed: everything but the kenmerk, version, date and signature (those describe the signing). */
export interface RapportInhoud {
  gemeente: string;
  afdeling: string;
  adres: { volledig: string; type: string };
  controle: { avond_id: number; datum: IsoDate; starttijd: string; doel: string };
  aanwezig: { organisatie: string; aantal: number; rollen: string[] }[];
  aangetroffen_personen: number | null;
  auteurs: Auteur[];
  waarnemingen: Waarneming[];
  bijlagen: RapportBijlage[];
}

export function makeInhoud(g: RapportGegevens): RapportInhoud {
  const bevindingen = [...g.bevindingen].sort((a, b) => sortTijd(g.avond, a.tijdstip) - sortTijd(g.avond, b.tijdstip) || a.id - b.id);
  const auteurs: Auteur[] = [];
  const bijlagen: RapportBijlage[] = [];
  const waarnemingen = bevindingen.map((b, i): Waarneming => {
    for (const t of b.toezichthouders) if (!auteurs.some((a) => a.nummer === t.nummer)) auteurs.push(t);
    const nrs = b.bijlagen.map((j) => {
      const nr = bijlagen.length + 1;
      bijlagen.push({ nr, waarneming: i + 1, sha256: j.sha256, soort: j.soort, grootte: j.grootte, bijschrift: j.bijschrift });
      return nr;
    });
    const nummers = b.toezichthouders.map((t) => t.nummer);
    return {
      nr: i + 1,
      bevinding_id: b.id,
      categorie: b.categorie,
      categorie_naam: b.categorieNaam,
      norm: b.norm,
      datum: waarnemingsdatum(g.avond.datum, g.avond.starttijd, b.tijdstip),
      tijdstip: b.tijdstip,
      methode: b.methode,
      toezichthouders: nummers,
      omschrijving: b.omschrijving,
      maatregel: b.maatregel,
      personen: b.personen,
      ontbrekend: ontbrekendeGegevens({ tijdstip_geschat: b.tijdstipGeschat, toezichthouders: nummers, methode: b.methode }),
      bijlagen: nrs,
    };
  });
  const perOrganisatie = new Map<string, string[]>();
  for (const t of g.team) perOrganisatie.set(t.organisatie, [...(perOrganisatie.get(t.organisatie) ?? []), t.rol]);
  const personen = bevindingen.map((b) => b.personen).filter((p): p is number => p !== null);
  return {
    gemeente: g.gemeente,
    afdeling: g.afdeling,
    adres: g.adres,
    controle: { avond_id: g.avond.id, datum: g.avond.datum, starttijd: g.avond.starttijd, doel: g.avond.doel },
    aanwezig: [...perOrganisatie].map(([organisatie, rollen]) => ({ organisatie, aantal: rollen.length, rollen: [...new Set(rollen)] })),
    aangetroffen_personen: personen.length ? Math.max(...personen) : null,
    auteurs,
    waarnemingen,
    bijlagen,
  };
}

/** Minutes since the evening's start, so 00:40 sorts after 23:10. */
function sortTijd(avond: { datum: IsoDate; starttijd: string }, tijdstip: string): number {
  const min = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  return (waarnemingsdatum(avond.datum, avond.starttijd, tijdstip) === avond.datum ? 0 : 24 * 60) + min(tijdstip);
}

/** SHA-256 of the content: equal content, equal hash (the object is built in a fixed key order). */
export function inhoudHash(inhoud: object): string {
  return createHash("sha256").update(JSON.stringify(inhoud)).digest("hex");
}

/** Why this content cannot be signed yet (empty: it can). */
export function bezwarenTegenOndertekenen(inhoud: RapportInhoud): string[] {
  const out: string[] = [];
  if (inhoud.waarnemingen.length === 0) out.push("er zijn geen bevindingen op dit adres");
  for (const w of inhoud.waarnemingen) {
    if (w.ontbrekend.length) {
      out.push(
        `bevinding ${w.bevinding_id} (${w.categorie_naam}) is onvolledig: ${w.ontbrekend.join(", ")} (vul aan met: interventie bevinding wijzig ${w.bevinding_id} ${w.ontbrekend.map((o) => `--${o} …`).join(" ")})`,
      );
    }
  }
  return out;
}

/**
 * Who signs: an author of the report (a rapport is signed by the one who made it). Without a choice
 * the sole author signs; with several authors the signer must be named.
 */
export function chooseOndertekenaar(inhoud: { auteurs: Auteur[] }, gevraagd: string | undefined): { nummer: string } | { fout: string } {
  const nummers = inhoud.auteurs.map((a) => a.nummer);
  if (gevraagd !== undefined) {
    const n = gevraagd.trim().toUpperCase();
    if (!nummers.includes(n)) {
      return {
        fout: `toezichthouder ${gevraagd} heeft deze bevindingen niet vastgesteld; ondertekenen kan alleen door ${nummers.join(" of ")}`,
      };
    }
    return { nummer: n };
  }
  if (nummers.length === 1) return { nummer: nummers[0]! };
  return {
    fout: `dit rapport heeft ${nummers.length} opstellers (${nummers.join(", ")}); kies wie ondertekent met --ondertekenaar <nummer>`,
  };
}

/** "op ambtseed" / "op ambtsbelofte" for the signature line, when the toezichthouder's registration says so. */
export function beedigingTekst(b: Auteur["beediging"]): string | null {
  return b === "ambtseed" ? "op ambtseed" : b === "ambtsbelofte" ? "op ambtsbelofte" : null;
}

export function auteurTekst(a: Auteur): string {
  return `toezichthouder nr. ${a.nummer}, ${a.functie} (${a.organisatie})`;
}

/** "RVB-2026-000001_v2_5504AB-12A.pdf" (a concept: "concept_v2_…"): sorts by kenmerk, says what it is. */
export function rapportBestandsnaam(
  kenmerk: string | null,
  versie: number,
  adres: { postcode: string; huisnummer: number; toevoeging: string },
): string {
  return `${kenmerk ?? "concept"}_v${versie}_${adresInBestandsnaam(adres)}.pdf`;
}
