import { UserError } from "../errors.js";
import { parseMethode, parseTijdstip, parseToezichthouders } from "./bevinding.js";
import { optionalText } from "./invoer.js";
import type { RapportVerwijzing } from "./brief.js";
import type { IsoDate } from "./dates.js";
import { eindeNa, invorderingVan, mislukteHercontroles, type Zaak, type ZaakStap } from "./ladder.js";
import type { Kalender } from "./termijn.js";

/**
 * The record of a hercontrole (ECLI:NL:RVS:2017:1179, as for the evening's findings): the time of
 * the observation, the toezichthouder(s) by number, the method and what was observed. The day and
 * the outcome (beëindigd ja/nee) are the follow-up's own. A failed hercontrole is the ground of an
 * invorderingsbeschikking or of bestuursdwang, so for "nee" all four are required; for "ja" they
 * are recommended. Pure: parsing and checking only.
 */
export interface HercontroleInvoer {
  tijdstip?: string;
  /** Numbers, in order (never names). */
  toezichthouders?: string[];
  methode?: string;
  waarneming?: string;
}

export type HercontroleVeld = "tijdstip" | "toezichthouder" | "methode" | "waarneming";

export const HERCONTROLE_VELDEN: readonly HercontroleVeld[] = ["tijdstip", "toezichthouder", "methode", "waarneming"];

export const HERCONTROLE_ONTBREKEND_TEKST: Record<HercontroleVeld, string> = {
  tijdstip: "tijdstip onbekend",
  toezichthouder: "toezichthouder onbekend",
  methode: "methode onbekend",
  waarneming: "waarneming niet beschreven",
};

/** The flags as typed; undefined: not given. */
export interface HercontroleFlags {
  tijdstip?: string;
  toezichthouder?: string;
  methode?: string;
  waarneming?: string;
}

export function parseWaarneming(raw: string | undefined | null): string | null {
  return optionalText("waarneming", raw, 2000);
}

/** Parses the given flags; an empty value is an error (a record is completed, never emptied). */
export function parseHercontrole(f: HercontroleFlags): HercontroleInvoer {
  const out: HercontroleInvoer = {};
  if (f.tijdstip !== undefined) out.tijdstip = parseTijdstip(f.tijdstip);
  if (f.toezichthouder !== undefined) {
    const nummers = parseToezichthouders(f.toezichthouder);
    if (nummers.length === 0) throw new UserError("ongeldige-invoer", "toezichthouder: geef minstens één nummer");
    out.toezichthouders = nummers;
  }
  if (f.methode !== undefined) {
    const m = parseMethode(f.methode);
    if (m === null) throw new UserError("ongeldige-invoer", "methode: mag niet leeg zijn");
    out.methode = m;
  }
  if (f.waarneming !== undefined) {
    const w = parseWaarneming(f.waarneming);
    if (w === null) throw new UserError("ongeldige-invoer", "waarneming: mag niet leeg zijn");
    out.waarneming = w;
  }
  return out;
}

export function isLeeg(h: HercontroleInvoer): boolean {
  return h.tijdstip === undefined && h.toezichthouders === undefined && h.methode === undefined && h.waarneming === undefined;
}

/** What a record (as stored, or as given) still lacks for a rapport van bevindingen. */
export function ontbrekendBijHercontrole(h: {
  tijdstip?: string | null;
  toezichthouders?: readonly string[];
  methode?: string | null;
  waarneming?: string | null;
}): HercontroleVeld[] {
  const out: HercontroleVeld[] = [];
  if (!h.tijdstip) out.push("tijdstip");
  if (!h.toezichthouders?.length) out.push("toezichthouder");
  if (!h.methode) out.push("methode");
  if (!h.waarneming) out.push("waarneming");
  return out;
}

/**
 * Closing a hercontrole with "nee" without the observation would leave an invordering with nothing
 * to rest on: refused before anything changes, naming the missing flags.
 */
export function checkAfsluiting(beeindigd: boolean, h: HercontroleInvoer): { waarschuwing?: string } {
  const ontbreekt = ontbrekendBijHercontrole(h);
  if (!beeindigd && ontbreekt.length) {
    throw new UserError(
      "ontbrekende-optie",
      `Een hercontrole "niet beëindigd" is de grondslag van de volgende stap: leg vast wat is waargenomen (ontbreekt: ${ontbreekt.map((v) => `--${v}`).join(", ")})`,
    );
  }
  if (beeindigd && ontbreekt.length && ontbreekt.length < HERCONTROLE_VELDEN.length) {
    return { waarschuwing: `Waarneming onvolledig vastgelegd (ontbreekt: ${ontbreekt.map((v) => `--${v}`).join(", ")})` };
  }
  return {};
}

/** A hercontrole as a letter cites it: the day and time, what was seen, and the signed report it is recorded in. */
export interface HercontroleVerwijzing {
  opvolgingId: number;
  datum: IsoDate;
  tijdstip: string | null;
  waarneming: string | null;
  /** The newest signed version of its rapport van bevindingen; null: not signed (the letter is held back). */
  rapport: RapportVerwijzing | null;
}

/**
 * The failed hercontroles a letter of this step rests on: for an invordering, the constateringen
 * that count towards the forfeited sum (5:33 Awb); for a kostenverhaal, those after the
 * begunstigingstermijn that led to bestuursdwang. Other steps cite none.
 */
export function citedHercontroles(
  z: Zaak,
  stap: ZaakStap,
  hercontroles: readonly HercontroleVerwijzing[],
  k: Kalender,
): HercontroleVerwijzing[] {
  let dagen: IsoDate[];
  if (stap.stap === "invordering") dagen = invorderingVan(z, stap, k)?.verbeurd.constateringen ?? [];
  else if (stap.stap === "kostenverhaal") {
    const b = eindeNa(z, "besluit", k);
    dagen = b ? mislukteHercontroles(z).filter((d) => d > b.einde) : [];
  } else return [];
  const mislukt = new Set(
    z.stappen
      .filter((s) => s.stap === "hercontrole" && s.beeindigd === false && s.geslotenOp && dagen.includes(s.geslotenOp))
      .map((s) => s.opvolgingId),
  );
  return hercontroles
    .filter((h) => mislukt.has(h.opvolgingId))
    .sort((a, b) => a.datum.localeCompare(b.datum) || a.opvolgingId - b.opvolgingId);
}
