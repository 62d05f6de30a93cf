import fs from "node:fs";
import path from "node:path";
import { UserError } from "../errors.js";
import { shipped } from "../paths.js";
import type { Bestuursorgaan, DwangsomPer, LadderStart, Spoor } from "../domain/ladder.js";
import type { OpvolgRegel } from "../domain/opvolging.js";

/** The reference data files in data/ that `init` loads (and the partner that is the gemeente itself). */

const DATA = shipped("data");

export interface TeamFile {
  code: string;
  naam: string;
  gemeenten: string[];
}

/** A category's enforcement profile as data/categorieen.json writes it. */
export interface ProfielData {
  bestuursorgaan: Bestuursorgaan;
  bevoegdheid: string;
  ladder: LadderStart;
  spoor: Spoor;
  spoed?: boolean;
  herstelmaatregel: string;
  hersteltermijn: string;
  zienswijzetermijn: string;
  begunstigingstermijn: string;
  sluitingsduur?: string;
  waarschuwingsgrondslag?: string;
  dwangsom?: { bedrag: number; per: DwangsomPer; maximum: number };
  /** The partner that does the hercontroles (default: the gemeente). */
  toezicht?: string;
}

export interface CategorieFile {
  code: string;
  naam: string;
  partner: string;
  thema: string;
  /** The norm violated, with article; `grondslag` is its old name. */
  voorschrift: string;
  opvolging: OpvolgRegel[];
  handhaving?: ProfielData;
}

export interface PartnerFile {
  naam: string;
  soort: "convenant" | "facultatief";
  lidwoord?: "de" | "het";
  postadres?: string;
  aliassen?: string[];
}

export function readData<T = unknown>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(DATA, name), "utf8")) as T;
}

export function teamBestand(): TeamFile[] {
  return readData<TeamFile[]>("teams.json");
}

export function categorieBestand(): CategorieFile[] {
  return readData<CategorieFile[]>("categorieen.json");
}

export function partnerBestand(): PartnerFile[] {
  return readData<{ partners: PartnerFile[] }>("partners.json").partners;
}

let gemeente: string | undefined;

/**
 * The partner that is the gemeente itself (data/partners.json, "gemeente"): it does the hercontroles
 * when a category names no toezicht, its own categories get a handhavingsladder, and it never
 * reports back to itself. One fact, one place: no code compares names with "Gemeente".
 */
export function gemeentePartner(): string {
  gemeente ??= readData<{ gemeente?: string }>("partners.json").gemeente;
  if (!gemeente) throw new UserError("ongeldige-referentie", 'data/partners.json mist "gemeente": de partner die de gemeente zelf is');
  return gemeente;
}

/** What a new category gets when nothing else is given (data/standaard-opvolging.json). */
export function standaardOpvolging(): { opvolging: OpvolgRegel[]; partneropvolging: OpvolgRegel[]; handhaving: ProfielData } {
  return readData("standaard-opvolging.json");
}

export function standaardHandhaving(): ProfielData {
  return standaardOpvolging().handhaving;
}
