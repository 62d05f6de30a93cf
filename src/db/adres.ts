import type { Sql } from "./sql.js";
import type { Tx } from "./store.js";
import type { AdresInput } from "../domain/adres.js";
import { notFound, UserError } from "../errors.js";
import { adresSleutel, formatAdres } from "../domain/adres.js";

/** A stored address: the validated input plus its id and resolved gemeente. */
export interface Adres extends AdresInput {
  id: number;
  gemeente_id: number;
}

/**
 * The address fields of `adres a` (joined as `a`), for every query that shows an address: the
 * text is made from them by formatAdres (domain/adres.ts), never in SQL.
 */
export const ADRES_VELDEN = "a.straat, a.huisnummer, a.toevoeging, a.postcode, a.plaats";

const SELECT = `
  SELECT a.id, a.postcode, a.huisnummer, a.toevoeging, a.straat, a.plaats, g.naam AS gemeente, a.gemeente_id, a.type
  FROM adres a JOIN gemeente g ON g.id = a.gemeente_id`;

export function listAdressen(sql: Sql, filter: { gemeenteId?: number } = {}): Promise<Adres[]> {
  if (filter.gemeenteId !== undefined) {
    return sql.all<Adres>(`${SELECT} WHERE a.gemeente_id = ? ORDER BY a.postcode, a.huisnummer, a.toevoeging`, filter.gemeenteId);
  }
  return sql.all<Adres>(`${SELECT} ORDER BY g.naam, a.postcode, a.huisnummer, a.toevoeging`);
}

export function getAdres(sql: Sql, id: number): Promise<Adres | undefined> {
  return sql.get<Adres>(`${SELECT} WHERE a.id = ?`, id);
}

export async function requireAdres(sql: Sql, id: number): Promise<Adres> {
  const a = await getAdres(sql, id);
  if (!a) throw notFound("Adres", id);
  return a;
}

export function findAdresByKey(sql: Sql, postcode: string, huisnummer: number, toevoeging: string): Promise<Adres | undefined> {
  return sql.get<Adres>(`${SELECT} WHERE a.postcode = ? AND a.huisnummer = ? AND a.toevoeging = ?`, postcode, huisnummer, toevoeging);
}

/** Every address id by adresSleutel: an import looks up thousands of rows without a query per row. */
export async function adresIndex(sql: Sql): Promise<Map<string, number>> {
  const rows = await sql.all<{ id: number; postcode: string; huisnummer: number; toevoeging: string }>(
    "SELECT id, postcode, huisnummer, toevoeging FROM adres",
  );
  return new Map(rows.map((r) => [adresSleutel(r.postcode, r.huisnummer, r.toevoeging), r.id]));
}

/** Inserts one validated address; a duplicate (postcode+huisnummer+toevoeging) is the user's error. */
export async function insertAdres(tx: Tx, a: AdresInput, gemeenteId: number): Promise<number> {
  const dup = await findAdresByKey(tx.sql, a.postcode, a.huisnummer, a.toevoeging);
  if (dup) {
    throw new UserError("dubbel-adres", `Adres ${formatAdres(a)} bestaat al (id ${dup.id})`);
  }
  const id = await tx.sql.insert(
    "INSERT INTO adres (postcode, huisnummer, toevoeging, straat, plaats, gemeente_id, type, aangemaakt) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    a.postcode,
    a.huisnummer,
    a.toevoeging,
    a.straat,
    a.plaats,
    gemeenteId,
    a.type,
    tx.now,
  );
  await tx.audit("adres", id, "toegevoegd");
  return id;
}
