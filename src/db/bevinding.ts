import type { Sql, SqlValue } from "./sql.js";
import type { AdresVelden } from "../domain/adres.js";
import { ADRES_VELDEN } from "./adres.js";
import { notFound } from "../errors.js";

export interface Bevinding extends AdresVelden {
  id: number;
  avond_id: number;
  datum: string;
  adres_id: number;
  gemeente: string;
  categorie: string;
  categorie_naam: string;
  partner: string;
  omschrijving: string;
  maatregel: string | null;
  personen: number | null;
  /** Time of observation "HH:MM" (on the evening's date, or the next day after midnight). */
  tijdstip: string;
  /** 1: taken over from a database of before issue 13 (the evening's start time). */
  tijdstip_geschat: number;
  methode: string | null;
  /** Numbers of the toezichthouders, comma-separated in their order ("" when unknown). */
  toezichthouders: string;
}

/** A finding to write (by hand, or one row of an import). */
export interface BevindingInvoer {
  avondId: number;
  adresId: number;
  categorieId: number;
  partnerId: number;
  omschrijving: string;
  maatregel: string | null;
  personen: number | null;
  /** Time of observation; the evening's start time when not given. */
  tijdstip: string | null;
  methode: string | null;
}

const FROM = `
  FROM bevinding b
  JOIN avond v ON v.id = b.avond_id
  JOIN adres a ON a.id = b.adres_id
  JOIN gemeente g ON g.id = a.gemeente_id
  JOIN categorie c ON c.id = b.categorie_id
  JOIN partner p ON p.id = b.partner_id`;

const SELECT = `
  SELECT b.id, b.avond_id, v.datum, b.adres_id, ${ADRES_VELDEN},
         g.naam AS gemeente, c.code AS categorie, c.naam AS categorie_naam, p.naam AS partner,
         b.omschrijving, b.maatregel, b.personen, b.tijdstip, b.tijdstip_geschat, b.methode
  ${FROM}`;

/**
 * Findings matching `where` (on b), each with its toezichthouders' numbers in order. The numbers
 * come from a second query over the same findings and are joined here (group_concat is SQLite's).
 */
async function bevindingen(sql: Sql, where: string, params: SqlValue[], order: string): Promise<Bevinding[]> {
  const rows = await sql.all<Omit<Bevinding, "toezichthouders">>(`${SELECT} WHERE ${where} ORDER BY ${order}`, ...params);
  if (rows.length === 0) return [];
  const nummers = await sql.all<{ bevinding_id: number; nummer: string }>(
    `SELECT bt.bevinding_id, t.nummer FROM bevinding_toezichthouder bt JOIN toezichthouder t ON t.id = bt.toezichthouder_id
     WHERE bt.bevinding_id IN (SELECT b.id ${FROM} WHERE ${where}) ORDER BY bt.bevinding_id, bt.volgorde`,
    ...params,
  );
  const per = new Map<number, string[]>();
  for (const n of nummers) per.set(n.bevinding_id, [...(per.get(n.bevinding_id) ?? []), n.nummer]);
  return rows.map((r) => ({ ...r, toezichthouders: per.get(r.id)?.join(",") ?? "" }));
}

export function listBevindingen(sql: Sql, filter: { avondId?: number } = {}): Promise<Bevinding[]> {
  if (filter.avondId !== undefined) return bevindingen(sql, "b.avond_id = ?", [filter.avondId], "b.id");
  return bevindingen(sql, "1 = 1", [], "v.datum, b.id");
}

/** What is already recorded for an address on an evening (to show it, and to catch a finding entered twice). */
export function bevindingenOpAdres(sql: Sql, avondId: number, adresId: number): Promise<Bevinding[]> {
  return bevindingen(sql, "b.avond_id = ? AND b.adres_id = ?", [avondId, adresId], "b.id");
}

export async function getBevinding(sql: Sql, id: number): Promise<Bevinding | undefined> {
  return (await bevindingen(sql, "b.id = ?", [id], "b.id"))[0];
}

export async function requireBevinding(sql: Sql, id: number): Promise<Bevinding> {
  const b = await getBevinding(sql, id);
  if (!b) throw notFound("Bevinding", id);
  return b;
}

/** Findings with ids in a range, for listing what a guided session created. */
export function bevindingenTussen(sql: Sql, eersteId: number, laatsteId: number): Promise<Bevinding[]> {
  return bevindingen(sql, "b.id BETWEEN ? AND ?", [eersteId, laatsteId], "b.id");
}
