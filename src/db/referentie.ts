import type { Db } from "./connection.js";
import type { Tx } from "./audit.js";
import { sleutel } from "../domain/invoer.js";
import { UserError } from "../errors.js";
import { metSuggestie } from "../domain/suggestie.js";
import { EIGENAAR_BEVINDING } from "../domain/opvolging.js";

export interface Gemeente {
  id: number;
  naam: string;
  team: string | null;
  /** Open handhavingszaken the gemeente can handle; null: not recorded. */
  capaciteit: number | null;
}
export interface Partner {
  id: number;
  naam: string;
  soort: "convenant" | "facultatief";
  /** "de" or "het" (de Politie, het UWV), null for a bare name (Enexis). */
  lidwoord: "de" | "het" | null;
  postadres: string | null;
}
export interface FollowUpRule {
  actie: string;
  /** The partner's name, or "(eigenaar bevinding)": the partner of each finding (domain/opvolging.ts). */
  partner: string;
  termijn: number;
  eenheid: "dagen" | "werkdagen";
  /** The letter the action is done with, if any. */
  sjabloon?: string | null;
}
export interface Categorie {
  id: number;
  code: string;
  naam: string;
  partner: string;
  partner_id: number;
  thema: string;
  /** The norm violated, with article (the column keeps its old name; `voorschrift` in JSON too). */
  grondslag: string | null;
}

export function listGemeenten(db: Db): Gemeente[] {
  return db.prepare("SELECT id, naam, team, capaciteit FROM gemeente ORDER BY naam").all() as Gemeente[];
}

export function findGemeente(db: Db, naam: string): Gemeente | undefined {
  return db.prepare("SELECT id, naam, team, capaciteit FROM gemeente WHERE sleutel(naam) = ? ORDER BY id").get(sleutel(naam)) as
    Gemeente | undefined;
}

export function requireGemeente(db: Db, naam: string): Gemeente {
  const g = findGemeente(db, naam);
  if (!g)
    throw unknownName(
      "Gemeente",
      naam,
      listGemeenten(db).map((x) => x.naam),
    );
  return g;
}

/** Not found, with "Bedoelde je …?" when a known name is close to what was typed. */
function unknownName(what: string, typed: string, known: string[]): UserError {
  return new UserError("niet-gevonden", metSuggestie(`${what} "${typed}" bestaat niet`, typed, known));
}

/** Inserts unless present (compared by sleutel: NFC, case folded); returns id and whether it was new. */
export function upsertGemeente(tx: Tx, naam: string, team: string | null): { id: number; nieuw: boolean } {
  const existing = findGemeente(tx.db, naam);
  if (existing) return { id: existing.id, nieuw: false };
  const id = Number(tx.db.prepare("INSERT INTO gemeente (naam, team) VALUES (?, ?)").run(naam, team).lastInsertRowid);
  tx.audit("gemeente", id, "toegevoegd");
  return { id, nieuw: true };
}

const PARTNER_SELECT = "SELECT id, naam, soort, lidwoord, postadres FROM partner";

export function listPartners(db: Db): (Partner & { aliassen: string[] })[] {
  const rows = db.prepare(`${PARTNER_SELECT} ORDER BY naam`).all() as Partner[];
  const aliassen = db.prepare("SELECT alias, partner_id FROM partner_alias ORDER BY alias").all() as {
    alias: string;
    partner_id: number;
  }[];
  return rows.map((p) => ({ ...p, aliassen: aliassen.filter((a) => a.partner_id === p.id).map((a) => a.alias) }));
}

/** By name or by an alias (ISZW finds the Nederlandse Arbeidsinspectie), case-insensitively. */
export function findPartner(db: Db, naam: string): Partner | undefined {
  const k = sleutel(naam);
  return (db.prepare(`${PARTNER_SELECT} WHERE sleutel(naam) = ? ORDER BY id`).get(k) ??
    db
      .prepare(`${PARTNER_SELECT} WHERE id = (SELECT partner_id FROM partner_alias WHERE sleutel(alias) = ? ORDER BY partner_id LIMIT 1)`)
      .get(k)) as Partner | undefined;
}

/** Sets a partner's postal address and article (letters to partners need both). */
export function zetPartner(tx: Tx, id: number, v: { postadres?: string | null; lidwoord?: "de" | "het" | null }): void {
  const velden = Object.entries(v).filter(([, x]) => x !== undefined);
  if (velden.length === 0) return;
  tx.db.prepare(`UPDATE partner SET ${velden.map(([k]) => `${k} = ?`).join(", ")} WHERE id = ?`).run(...velden.map(([, x]) => x), id);
  tx.audit("partner", id, "gewijzigd", { velden: velden.map(([k]) => k) });
}

export function requirePartner(db: Db, naam: string): Partner {
  const p = findPartner(db, naam);
  if (!p)
    throw unknownName(
      "Partner",
      naam,
      listPartners(db).map((x) => x.naam),
    );
  return p;
}

export function upsertPartner(tx: Tx, naam: string, soort: Partner["soort"]): { id: number; nieuw: boolean } {
  const existing = findPartner(tx.db, naam);
  if (existing) return { id: existing.id, nieuw: false };
  const id = Number(tx.db.prepare("INSERT INTO partner (naam, soort) VALUES (?, ?)").run(naam, soort).lastInsertRowid);
  tx.audit("partner", id, "toegevoegd");
  return { id, nieuw: true };
}

const CATEGORIE_SELECT = `
  SELECT c.id, c.code, c.naam, p.naam AS partner, c.partner_id, c.thema, c.grondslag
  FROM categorie c JOIN partner p ON p.id = c.partner_id`;

export function listCategorieen(db: Db): Categorie[] {
  return db.prepare(`${CATEGORIE_SELECT} ORDER BY c.naam`).all() as Categorie[];
}

export function findCategorie(db: Db, code: string): Categorie | undefined {
  return db.prepare(`${CATEGORIE_SELECT} WHERE sleutel(c.code) = ? ORDER BY c.id`).get(sleutel(code)) as Categorie | undefined;
}

export function requireCategorie(db: Db, code: string): Categorie {
  const c = findCategorie(db, code);
  if (!c)
    throw unknownName(
      "Categorie",
      code,
      listCategorieen(db).map((x) => x.code),
    );
  return c;
}

export function followUpRules(db: Db, categorieId: number): FollowUpRule[] {
  const rows = db
    .prepare(
      `SELECT r.actie, coalesce(p.naam, 'Gemeente') AS partner, r.termijn, r.eenheid, r.sjabloon, r.eigenaar_bevinding
       FROM categorie_opvolging r LEFT JOIN partner p ON p.id = r.partner_id
       WHERE r.categorie_id = ? ORDER BY r.volgorde`,
    )
    .all(categorieId) as (FollowUpRule & { eigenaar_bevinding: number })[];
  return rows.map(({ eigenaar_bevinding, ...r }) => (eigenaar_bevinding ? { ...r, partner: EIGENAAR_BEVINDING } : r));
}

/** A partner's name by id (the finding's own partner, for rules that follow it). */
export function partnerNaam(db: Db, id: number): string {
  const r = db.prepare("SELECT naam FROM partner WHERE id = ?").pluck().get(id) as string | undefined;
  if (r === undefined) throw new UserError("niet-gevonden", `Partner ${id} bestaat niet`);
  return r;
}

export function insertCategorie(
  tx: Tx,
  c: { code: string; naam: string; partnerId: number; thema: string; grondslag: string | null },
  rules: { actie: string; partnerId: number; termijn: number; eenheid: string; sjabloon?: string | null; eigenaarBevinding?: boolean }[],
): number {
  // Checked again under the write lock: NOCASE would let "één" and "ÉÉN" both in.
  if (findCategorie(tx.db, c.code)) throw new UserError("bestaat-al", `Categorie ${c.code} bestaat al`);
  const id = Number(
    tx.db
      .prepare("INSERT INTO categorie (code, naam, partner_id, thema, grondslag) VALUES (?, ?, ?, ?, ?)")
      .run(c.code, c.naam, c.partnerId, c.thema, c.grondslag).lastInsertRowid,
  );
  const rule = tx.db.prepare(
    `INSERT INTO categorie_opvolging (categorie_id, volgorde, actie, partner_id, termijn, eenheid, sjabloon, eigenaar_bevinding)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // A rule that follows the finding's partner keeps the category's owner in partner_id: the partner of a finding by default.
  rules.forEach((r, i) => rule.run(id, i + 1, r.actie, r.partnerId, r.termijn, r.eenheid, r.sjabloon ?? null, r.eigenaarBevinding ? 1 : 0));
  tx.audit("categorie", id, "toegevoegd");
  return id;
}

export function getSetting(db: Db, key: string): string | undefined {
  return (db.prepare("SELECT waarde FROM instelling WHERE sleutel = ?").get(key) as { waarde: string } | undefined)?.waarde;
}

export function setSetting(tx: Tx, key: string, value: string): void {
  tx.db
    .prepare("INSERT INTO instelling (sleutel, waarde) VALUES (?, ?) ON CONFLICT(sleutel) DO UPDATE SET waarde = excluded.waarde")
    .run(key, value);
  tx.audit("instelling", null, "gewijzigd", { sleutel: key });
}
