import type { Sql } from "./sql.js";
import type { Tx } from "./store.js";
import { sleutel } from "../domain/invoer.js";
import { UserError } from "../errors.js";
import { metSuggestie } from "../domain/suggestie.js";
import { EIGENAAR_BEVINDING, EIGENAAR_CATEGORIE, type OpvolgRegel } from "../domain/opvolging.js";
import type { ProfielData } from "../io/referentiedata.js";

/** Reference data: gemeenten, partners (with aliases), categories with their default follow-up, settings. */

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

const GEMEENTE_SELECT = "SELECT id, naam, team, capaciteit FROM gemeente";

export function listGemeenten(sql: Sql): Promise<Gemeente[]> {
  return sql.all<Gemeente>(`${GEMEENTE_SELECT} ORDER BY naam`);
}

export function findGemeente(sql: Sql, naam: string): Promise<Gemeente | undefined> {
  return sql.get<Gemeente>(`${GEMEENTE_SELECT} WHERE sleutel(naam) = ? ORDER BY id`, sleutel(naam));
}

/** Every gemeente's id by its sleutel (the lowest id when two names fold alike, as findGemeente): for imports. */
export async function gemeenteIndex(sql: Sql): Promise<Map<string, number>> {
  const index = new Map<string, number>();
  for (const g of await sql.all<{ id: number; naam: string }>("SELECT id, naam FROM gemeente ORDER BY id")) {
    const k = sleutel(g.naam);
    if (!index.has(k)) index.set(k, g.id);
  }
  return index;
}

export async function requireGemeente(sql: Sql, naam: string): Promise<Gemeente> {
  const g = await findGemeente(sql, naam);
  if (!g)
    throw unknownName(
      "Gemeente",
      naam,
      (await listGemeenten(sql)).map((x) => x.naam),
    );
  return g;
}

/** Not found, with "Bedoelde je …?" when a known name is close to what was typed. */
function unknownName(what: string, typed: string, known: string[]): UserError {
  return new UserError("niet-gevonden", metSuggestie(`${what} "${typed}" bestaat niet`, typed, known));
}

/** Inserts unless present (compared by sleutel: NFC, case folded); returns id and whether it was new. */
export async function upsertGemeente(tx: Tx, naam: string, team: string | null): Promise<{ id: number; nieuw: boolean }> {
  const existing = await findGemeente(tx.sql, naam);
  if (existing) return { id: existing.id, nieuw: false };
  const id = await tx.sql.insert("INSERT INTO gemeente (naam, team) VALUES (?, ?) RETURNING id", naam, team);
  await tx.audit("gemeente", id, "toegevoegd");
  return { id, nieuw: true };
}

export async function updateCapaciteit(tx: Tx, gemeenteId: number, zaken: number | null): Promise<void> {
  await tx.sql.run("UPDATE gemeente SET capaciteit = ? WHERE id = ?", zaken, gemeenteId);
  await tx.audit("gemeente", gemeenteId, "gewijzigd", { velden: ["capaciteit"] });
}

const PARTNER_SELECT = "SELECT id, naam, soort, lidwoord, postadres FROM partner";

export async function listPartners(sql: Sql): Promise<(Partner & { aliassen: string[] })[]> {
  const rows = await sql.all<Partner>(`${PARTNER_SELECT} ORDER BY naam`);
  const aliassen = await sql.all<{ alias: string; partner_id: number }>("SELECT alias, partner_id FROM partner_alias ORDER BY alias");
  return rows.map((p) => ({ ...p, aliassen: aliassen.filter((a) => a.partner_id === p.id).map((a) => a.alias) }));
}

/** By name or by an alias (ISZW finds the Nederlandse Arbeidsinspectie), case-insensitively. */
export async function findPartner(sql: Sql, naam: string): Promise<Partner | undefined> {
  const k = sleutel(naam);
  return (
    (await sql.get<Partner>(`${PARTNER_SELECT} WHERE sleutel(naam) = ? ORDER BY id`, k)) ??
    (await sql.get<Partner>(
      `${PARTNER_SELECT} WHERE id = (SELECT partner_id FROM partner_alias WHERE sleutel(alias) = ? ORDER BY partner_id LIMIT 1)`,
      k,
    ))
  );
}

export async function requirePartner(sql: Sql, naam: string): Promise<Partner> {
  const p = await findPartner(sql, naam);
  if (!p)
    throw unknownName(
      "Partner",
      naam,
      (await listPartners(sql)).map((x) => x.naam),
    );
  return p;
}

/** Every partner's id by the sleutel of its name or alias (a name wins over an alias, as findPartner): for imports. */
export async function partnerIndex(sql: Sql): Promise<Map<string, number>> {
  const index = new Map<string, number>();
  for (const p of await sql.all<{ id: number; naam: string }>("SELECT id, naam FROM partner ORDER BY id")) {
    if (!index.has(sleutel(p.naam))) index.set(sleutel(p.naam), p.id);
  }
  for (const a of await sql.all<{ alias: string; partner_id: number }>("SELECT alias, partner_id FROM partner_alias ORDER BY partner_id")) {
    if (!index.has(sleutel(a.alias))) index.set(sleutel(a.alias), a.partner_id);
  }
  return index;
}

/** A partner's name by id (the finding's own partner, for rules that follow it). */
export async function requirePartnerNaam(sql: Sql, id: number): Promise<string> {
  const r = await sql.get<{ naam: string }>("SELECT naam FROM partner WHERE id = ?", id);
  if (r === undefined) throw new UserError("niet-gevonden", `Partner ${id} bestaat niet`);
  return r.naam;
}

export async function upsertPartner(tx: Tx, naam: string, soort: Partner["soort"]): Promise<{ id: number; nieuw: boolean }> {
  const existing = await findPartner(tx.sql, naam);
  if (existing) return { id: existing.id, nieuw: false };
  const id = await tx.sql.insert("INSERT INTO partner (naam, soort) VALUES (?, ?) RETURNING id", naam, soort);
  await tx.audit("partner", id, "toegevoegd");
  return { id, nieuw: true };
}

/** Sets a partner's postal address and article (letters to partners need both). */
export async function updatePartner(tx: Tx, id: number, v: { postadres?: string | null; lidwoord?: "de" | "het" | null }): Promise<void> {
  const velden = Object.entries(v).filter(([, x]) => x !== undefined) as [string, string | null][];
  if (velden.length === 0) return;
  await tx.sql.run(`UPDATE partner SET ${velden.map(([k]) => `${k} = ?`).join(", ")} WHERE id = ?`, ...velden.map(([, x]) => x), id);
  await tx.audit("partner", id, "gewijzigd", { velden: velden.map(([k]) => k) });
}

/** Article, postal address and aliases of shipped partners, where the database has none yet (init). */
export async function fillPartnerGegevens(
  tx: Tx,
  partners: { naam: string; lidwoord?: string; postadres?: string; aliassen?: string[] }[],
): Promise<void> {
  for (const p of partners) {
    const row = await tx.sql.get<{ id: number }>("SELECT id FROM partner WHERE sleutel(naam) = ?", sleutel(p.naam));
    if (!row) continue;
    await tx.sql.run(
      "UPDATE partner SET lidwoord = coalesce(lidwoord, ?), postadres = coalesce(postadres, ?) WHERE id = ?",
      p.lidwoord ?? null,
      p.postadres ?? null,
      row.id,
    );
    for (const a of p.aliassen ?? []) {
      if (await tx.sql.get("SELECT 1 FROM partner WHERE sleutel(naam) = ?", sleutel(a))) continue; // a real partner of that name wins
      await tx.sql.run("INSERT INTO partner_alias (alias, partner_id) VALUES (?, ?) ON CONFLICT DO NOTHING", a, row.id);
    }
  }
}

const CATEGORIE_SELECT = `
  SELECT c.id, c.code, c.naam, p.naam AS partner, c.partner_id, c.thema, c.grondslag
  FROM categorie c JOIN partner p ON p.id = c.partner_id`;

export function listCategorieen(sql: Sql): Promise<Categorie[]> {
  return sql.all<Categorie>(`${CATEGORIE_SELECT} ORDER BY c.naam`);
}

export function findCategorie(sql: Sql, code: string): Promise<Categorie | undefined> {
  return sql.get<Categorie>(`${CATEGORIE_SELECT} WHERE sleutel(c.code) = ? ORDER BY c.id`, sleutel(code));
}

/** Every category's id and owner by the sleutel of its code (the lowest id, as findCategorie): for imports. */
export async function categorieIndex(sql: Sql): Promise<Map<string, { id: number; partnerId: number }>> {
  const index = new Map<string, { id: number; partnerId: number }>();
  for (const c of await sql.all<{ id: number; code: string; partner_id: number }>(
    "SELECT id, code, partner_id FROM categorie ORDER BY id",
  )) {
    if (!index.has(sleutel(c.code))) index.set(sleutel(c.code), { id: c.id, partnerId: c.partner_id });
  }
  return index;
}

export async function requireCategorie(sql: Sql, code: string): Promise<Categorie> {
  const c = await findCategorie(sql, code);
  if (!c)
    throw unknownName(
      "Categorie",
      code,
      (await listCategorieen(sql)).map((x) => x.code),
    );
  return c;
}

export type OpvolgRegelRij = {
  actie: string;
  partnerId: number;
  termijn: number;
  eenheid: string;
  sjabloon?: string | null;
  eigenaarBevinding?: boolean;
};

/**
 * A category's default follow-up as stored: partners by id, "(eigenaar categorie)" and
 * "(eigenaar bevinding)" the category's owner (the latter also marked: the finding's partner
 * takes it over). An unknown partner is the user's error.
 */
export async function resolveOpvolgRegels(sql: Sql, ownerId: number, regels: OpvolgRegel[]): Promise<OpvolgRegelRij[]> {
  const rijen: OpvolgRegelRij[] = [];
  for (const r of regels) {
    const eigenaar = r.partner === EIGENAAR_CATEGORIE || r.partner === EIGENAAR_BEVINDING;
    rijen.push({
      actie: r.actie,
      partnerId: eigenaar ? ownerId : (await requirePartner(sql, r.partner)).id,
      eigenaarBevinding: r.partner === EIGENAAR_BEVINDING,
      termijn: r.termijn,
      eenheid: r.eenheid,
      sjabloon: r.sjabloon ?? null,
    });
  }
  return rijen;
}

/** A category's default follow-up, in order; a rule that follows the finding's partner says so (EIGENAAR_BEVINDING). */
export async function listOpvolgRegels(sql: Sql, categorieId: number): Promise<OpvolgRegel[]> {
  const rows = await sql.all<OpvolgRegel & { eigenaar_bevinding: number }>(
    `SELECT r.actie, p.naam AS partner, r.termijn, r.eenheid, r.sjabloon, r.eigenaar_bevinding
     FROM categorie_opvolging r JOIN partner p ON p.id = r.partner_id
     WHERE r.categorie_id = ? ORDER BY r.volgorde`,
    categorieId,
  );
  return rows.map(({ eigenaar_bevinding, ...r }) => (eigenaar_bevinding ? { ...r, partner: EIGENAAR_BEVINDING } : r));
}

export async function insertCategorie(
  tx: Tx,
  c: { code: string; naam: string; partnerId: number; thema: string; grondslag: string | null },
  rules: OpvolgRegelRij[],
): Promise<number> {
  // Checked again under the write lock: NOCASE would let "één" and "ÉÉN" both in.
  if (await findCategorie(tx.sql, c.code)) throw new UserError("bestaat-al", `Categorie ${c.code} bestaat al`);
  const id = await tx.sql.insert(
    "INSERT INTO categorie (code, naam, partner_id, thema, grondslag) VALUES (?, ?, ?, ?, ?) RETURNING id",
    c.code,
    c.naam,
    c.partnerId,
    c.thema,
    c.grondslag,
  );
  // A rule that follows the finding's partner keeps the category's owner in partner_id: the partner of a finding by default.
  for (const [i, r] of rules.entries()) {
    await tx.sql.run(
      `INSERT INTO categorie_opvolging (categorie_id, volgorde, actie, partner_id, termijn, eenheid, sjabloon, eigenaar_bevinding)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      id,
      i + 1,
      r.actie,
      r.partnerId,
      r.termijn,
      r.eenheid,
      r.sjabloon ?? null,
      r.eigenaarBevinding ? 1 : 0,
    );
  }
  await tx.audit("categorie", id, "toegevoegd");
  return id;
}

/** Sets a category's enforcement profile from reference data (replacing one that exists). */
export async function setCategorieProfiel(tx: Tx, categorieId: number, p: ProfielData): Promise<void> {
  const toezicht = p.toezicht ? ((await findPartner(tx.sql, p.toezicht))?.id ?? null) : null;
  const kolommen = {
    bestuursorgaan: p.bestuursorgaan,
    bevoegdheid: p.bevoegdheid,
    ladder: p.ladder,
    spoor: p.spoor,
    spoed: p.spoed ? 1 : 0,
    herstelmaatregel: p.herstelmaatregel,
    hersteltermijn: p.hersteltermijn,
    zienswijzetermijn: p.zienswijzetermijn,
    begunstigingstermijn: p.begunstigingstermijn,
    sluitingsduur: p.sluitingsduur ?? null,
    waarschuwingsgrondslag: p.waarschuwingsgrondslag ?? null,
    dwangsom_bedrag: p.dwangsom?.bedrag ?? null,
    dwangsom_per: p.dwangsom?.per ?? null,
    dwangsom_maximum: p.dwangsom?.maximum ?? null,
    toezicht_partner_id: toezicht,
  };
  const namen = Object.keys(kolommen);
  await tx.sql.run(
    `INSERT INTO categorie_handhaving (categorie_id, ${namen.join(", ")}) VALUES (?, ${namen.map(() => "?").join(", ")})
     ON CONFLICT (categorie_id) DO UPDATE SET ${namen.map((n) => `${n} = excluded.${n}`).join(", ")}`,
    categorieId,
    ...Object.values(kolommen),
  );
}

export async function getInstelling(sql: Sql, key: string): Promise<string | undefined> {
  return (await sql.get<{ waarde: string }>("SELECT waarde FROM instelling WHERE sleutel = ?", key))?.waarde;
}

export async function setInstelling(tx: Tx, key: string, value: string): Promise<void> {
  await tx.sql.run(
    "INSERT INTO instelling (sleutel, waarde) VALUES (?, ?) ON CONFLICT(sleutel) DO UPDATE SET waarde = excluded.waarde",
    key,
    value,
  );
  await tx.audit("instelling", null, "gewijzigd", { sleutel: key });
}
