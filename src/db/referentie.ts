import type { Db } from "./connection.js";
import type { Tx } from "./audit.js";
import { sleutel } from "../domain/invoer.js";
import { UserError } from "../errors.js";
import { metSuggestie } from "../domain/suggestie.js";

export interface Gemeente {
  id: number;
  naam: string;
  team: string | null;
}
export interface Partner {
  id: number;
  naam: string;
  soort: "convenant" | "facultatief";
}
export interface FollowUpRule {
  actie: string;
  partner: string;
  termijn: number;
  eenheid: "dagen" | "werkdagen";
}
export interface Categorie {
  id: number;
  code: string;
  naam: string;
  partner: string;
  partner_id: number;
  thema: string;
  grondslag: string | null;
}

export function listGemeenten(db: Db): Gemeente[] {
  return db.prepare("SELECT id, naam, team FROM gemeente ORDER BY naam").all() as Gemeente[];
}

export function findGemeente(db: Db, naam: string): Gemeente | undefined {
  return db.prepare("SELECT id, naam, team FROM gemeente WHERE sleutel(naam) = ? ORDER BY id").get(sleutel(naam)) as Gemeente | undefined;
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

export function listPartners(db: Db): Partner[] {
  return db.prepare("SELECT id, naam, soort FROM partner ORDER BY naam").all() as Partner[];
}

export function findPartner(db: Db, naam: string): Partner | undefined {
  return db.prepare("SELECT id, naam, soort FROM partner WHERE sleutel(naam) = ? ORDER BY id").get(sleutel(naam)) as Partner | undefined;
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
  return db
    .prepare(
      `SELECT r.actie, coalesce(p.naam, 'Gemeente') AS partner, r.termijn, r.eenheid
       FROM categorie_opvolging r LEFT JOIN partner p ON p.id = r.partner_id
       WHERE r.categorie_id = ? ORDER BY r.volgorde`,
    )
    .all(categorieId) as FollowUpRule[];
}

export function insertCategorie(
  tx: Tx,
  c: { code: string; naam: string; partnerId: number; thema: string; grondslag: string | null },
  rules: { actie: string; partnerId: number; termijn: number; eenheid: string }[],
): number {
  // Checked again under the write lock: NOCASE would let "één" and "ÉÉN" both in.
  if (findCategorie(tx.db, c.code)) throw new UserError("bestaat-al", `Categorie ${c.code} bestaat al`);
  const id = Number(
    tx.db
      .prepare("INSERT INTO categorie (code, naam, partner_id, thema, grondslag) VALUES (?, ?, ?, ?, ?)")
      .run(c.code, c.naam, c.partnerId, c.thema, c.grondslag).lastInsertRowid,
  );
  const rule = tx.db.prepare(
    "INSERT INTO categorie_opvolging (categorie_id, volgorde, actie, partner_id, termijn, eenheid) VALUES (?, ?, ?, ?, ?, ?)",
  );
  rules.forEach((r, i) => rule.run(id, i + 1, r.actie, r.partnerId, r.termijn, r.eenheid));
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
