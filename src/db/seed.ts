import fs from "node:fs";
import path from "node:path";
import { shipped } from "../paths.js";
import type { Tx } from "./audit.js";
import { sleutel } from "../domain/invoer.js";
import type { Db } from "./connection.js";
import { findCategorie, findPartner, insertCategorie, setSetting, upsertGemeente, upsertPartner, type FollowUpRule } from "./referentie.js";
import type { Bestuursorgaan, DwangsomPer, LadderStart, Spoor } from "../domain/ladder.js";
import { EIGENAAR_BEVINDING } from "../domain/opvolging.js";

const DATA = shipped("data");

interface TeamFile {
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
  opvolging: FollowUpRule[];
  handhaving?: ProfielData;
}

export interface PartnerFile {
  naam: string;
  soort: "convenant" | "facultatief";
  lidwoord?: "de" | "het";
  postadres?: string;
  aliassen?: string[];
}

export function leesData<T = unknown>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(DATA, name), "utf8")) as T;
}

export function knownTeams(): TeamFile[] {
  return leesData<TeamFile[]>("teams.json");
}

export function categorieBestand(): CategorieFile[] {
  return leesData<CategorieFile[]>("categorieen.json");
}

export function partnerBestand(): PartnerFile[] {
  return leesData<{ partners: PartnerFile[] }>("partners.json").partners;
}

/** What a new category gets when nothing else is given (data/standaard-opvolging.json). */
export function standaardOpvolging(): { opvolging: FollowUpRule[]; partneropvolging: FollowUpRule[]; handhaving: ProfielData } {
  return leesData("standaard-opvolging.json");
}

export function standaardHandhaving(): ProfielData {
  return standaardOpvolging().handhaving;
}

/** Article, postal address and aliases of the shipped partners, where the database has none yet. */
export function vulPartnerGegevens(db: Db, partners: PartnerFile[]): void {
  for (const p of partners) {
    const row = db.prepare("SELECT id FROM partner WHERE naam = ? COLLATE NOCASE").get(p.naam) as { id: number } | undefined;
    if (!row) continue;
    db.prepare("UPDATE partner SET lidwoord = coalesce(lidwoord, ?), postadres = coalesce(postadres, ?) WHERE id = ?").run(
      p.lidwoord ?? null,
      p.postadres ?? null,
      row.id,
    );
    for (const a of p.aliassen ?? []) {
      if (db.prepare("SELECT 1 FROM partner WHERE naam = ? COLLATE NOCASE").get(a)) continue; // a real partner of that name wins
      db.prepare("INSERT OR IGNORE INTO partner_alias (alias, partner_id) VALUES (?, ?)").run(a, row.id);
    }
  }
}

/** Sets a category's enforcement profile (replacing one that exists). */
export function zetProfielUitData(db: Db, categorieId: number, p: ProfielData): void {
  const toezicht = p.toezicht
    ? ((db.prepare("SELECT id FROM partner WHERE naam = ? COLLATE NOCASE").get(p.toezicht) as { id: number } | undefined)?.id ?? null)
    : null;
  db.prepare(
    `INSERT OR REPLACE INTO categorie_handhaving (categorie_id, bestuursorgaan, bevoegdheid, ladder, spoor, spoed, herstelmaatregel,
       hersteltermijn, zienswijzetermijn, begunstigingstermijn, sluitingsduur, waarschuwingsgrondslag, dwangsom_bedrag, dwangsom_per,
       dwangsom_maximum, toezicht_partner_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    categorieId,
    p.bestuursorgaan,
    p.bevoegdheid,
    p.ladder,
    p.spoor,
    p.spoed ? 1 : 0,
    p.herstelmaatregel,
    p.hersteltermijn,
    p.zienswijzetermijn,
    p.begunstigingstermijn,
    p.sluitingsduur ?? null,
    p.waarschuwingsgrondslag ?? null,
    p.dwangsom?.bedrag ?? null,
    p.dwangsom?.per ?? null,
    p.dwangsom?.maximum ?? null,
    toezicht,
  );
}

export interface SeedResult {
  team: string | null;
  gemeenten: number;
  partners: number;
  categorieen: number;
}

/**
 * Loads the reference data from data/ (idempotent: what exists is kept, what is
 * missing is added) and the team's own gemeenten.
 */
export function seedReferenceData(tx: Tx, opts: { team?: string; gemeenten?: string[] }): SeedResult {
  const result: SeedResult = { team: null, gemeenten: 0, partners: 0, categorieen: 0 };
  const partners = partnerBestand();
  for (const p of partners) {
    if (upsertPartner(tx, p.naam, p.soort).nieuw) result.partners++;
  }
  vulPartnerGegevens(tx.db, partners);
  const teams = knownTeams();
  for (const t of teams) for (const g of t.gemeenten) if (upsertGemeente(tx, g, t.code).nieuw) result.gemeenten++;
  if (opts.team) {
    const known = teams.find((t) => sleutel(t.code) === sleutel(opts.team!) || sleutel(t.naam) === sleutel(opts.team!));
    result.team = known ? `${known.naam} (${known.code})` : opts.team;
    setSetting(tx, "team", result.team);
  }
  for (const g of opts.gemeenten ?? []) if (upsertGemeente(tx, g, opts.team ?? null).nieuw) result.gemeenten++;
  for (const c of categorieBestand()) {
    if (findCategorie(tx.db, c.code)) continue;
    const owner = findPartner(tx.db, c.partner)!;
    const id = insertCategorie(
      tx,
      { code: c.code, naam: c.naam, partnerId: owner.id, thema: c.thema, grondslag: c.voorschrift },
      c.opvolging.map((r) => ({
        actie: r.actie,
        partnerId: r.partner === EIGENAAR_BEVINDING ? owner.id : findPartner(tx.db, r.partner)!.id,
        eigenaarBevinding: r.partner === EIGENAAR_BEVINDING,
        termijn: r.termijn,
        eenheid: r.eenheid,
        sjabloon: r.sjabloon ?? null,
      })),
    );
    if (c.handhaving) zetProfielUitData(tx.db, id, c.handhaving);
    result.categorieen++;
  }
  return result;
}
