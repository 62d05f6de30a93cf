import type { Sql } from "./sql.js";
import type { Tx } from "./store.js";
import { notFound, UserError } from "../errors.js";
import type { AdresVelden } from "../domain/adres.js";
import { ADRES_VELDEN } from "./adres.js";

export const ROLLEN = [
  "eigenaar",
  "verhuurder",
  "werkgever",
  "uitzendbureau",
  "gebruiker",
  "bewoner",
  "exploitant",
  "vergunninghouder",
] as const;
export type BetrokkeneRol = (typeof ROLLEN)[number];

export interface Betrokkene {
  id: number;
  naam: string;
  postadres: string | null;
  kvk: string | null;
}
export interface BetrokkeneKoppeling extends AdresVelden {
  adres_id: number;
  rol: BetrokkeneRol;
  gemeente: string;
}

export function getBetrokkene(sql: Sql, id: number): Promise<Betrokkene | undefined> {
  return sql.get<Betrokkene>("SELECT id, naam, postadres, kvk FROM betrokkene WHERE id = ?", id);
}

export async function requireBetrokkene(sql: Sql, id: number): Promise<Betrokkene> {
  const b = await getBetrokkene(sql, id);
  if (!b) throw notFound("Betrokkene", id);
  return b;
}

/** Every betrokkene with the number of addresses and the gemeenten they lie in ("Bladel,Veldhoven"). */
export async function listBetrokkenen(sql: Sql): Promise<(Betrokkene & { adressen: number; gemeenten: string | null })[]> {
  const rows = await sql.all<Betrokkene & { adressen: number }>(
    `SELECT b.id, b.naam, b.postadres, b.kvk, count(DISTINCT ba.adres_id) AS adressen
     FROM betrokkene b LEFT JOIN betrokkene_adres ba ON ba.betrokkene_id = b.id
     GROUP BY b.id, b.naam, b.postadres, b.kvk ORDER BY b.naam, b.id`,
  );
  const gemeenten = await sql.all<{ betrokkene_id: number; naam: string }>(
    `SELECT DISTINCT ba.betrokkene_id, g.naam FROM betrokkene_adres ba JOIN adres a ON a.id = ba.adres_id
     JOIN gemeente g ON g.id = a.gemeente_id ORDER BY ba.betrokkene_id, g.naam`,
  );
  const per = new Map<number, string[]>();
  for (const g of gemeenten) per.set(g.betrokkene_id, [...(per.get(g.betrokkene_id) ?? []), g.naam]);
  return rows.map((r) => ({ ...r, gemeenten: per.get(r.id)?.join(",") ?? null }));
}

/** The addresses of a betrokkene with the role there; two roles at one address in the order of their names, on both stores. */
export function listKoppelingen(sql: Sql, betrokkeneId: number): Promise<BetrokkeneKoppeling[]> {
  return sql.all<BetrokkeneKoppeling>(
    `SELECT ba.adres_id, ba.rol, ${ADRES_VELDEN}, g.naam AS gemeente
     FROM betrokkene_adres ba JOIN adres a ON a.id = ba.adres_id JOIN gemeente g ON g.id = a.gemeente_id
     WHERE ba.betrokkene_id = ? ORDER BY g.naam, a.postcode, a.huisnummer, a.toevoeging, a.id, ba.rol`,
    betrokkeneId,
  );
}

/** Betrokkenen of an address with their role there, the eigenaar first. */
export function betrokkenenVanAdres(sql: Sql, adresId: number): Promise<(Betrokkene & { rol: BetrokkeneRol })[]> {
  return sql.all<Betrokkene & { rol: BetrokkeneRol }>(
    `SELECT b.id, b.naam, b.postadres, b.kvk, ba.rol FROM betrokkene_adres ba JOIN betrokkene b ON b.id = ba.betrokkene_id
     WHERE ba.adres_id = ? ORDER BY CASE ba.rol WHEN 'eigenaar' THEN 0 ELSE 1 END, b.naam, b.id, ba.rol`,
    adresId,
  );
}

export function findBetrokkeneByKvk(sql: Sql, kvk: string): Promise<Betrokkene | undefined> {
  return sql.get<Betrokkene>("SELECT id, naam, postadres, kvk FROM betrokkene WHERE kvk = ?", kvk);
}

export async function insertBetrokkene(tx: Tx, b: { naam: string; postadres: string | null; kvk: string | null }): Promise<number> {
  if (b.kvk) {
    const existing = await findBetrokkeneByKvk(tx.sql, b.kvk);
    if (existing) {
      throw new UserError(
        "dubbele-betrokkene",
        `KvK-nummer ${b.kvk} hoort al bij betrokkene ${existing.id}; koppel een adres met: betrokkene koppel ${existing.id} --adres <id> --rol <rol>`,
      );
    }
  }
  const id = await tx.sql.insert(
    "INSERT INTO betrokkene (naam, postadres, kvk, aangemaakt) VALUES (?, ?, ?, ?) RETURNING id",
    b.naam,
    b.postadres,
    b.kvk,
    tx.now,
  );
  await tx.audit("betrokkene", id, "toegevoegd");
  return id;
}

export async function insertKoppeling(tx: Tx, betrokkeneId: number, adresId: number, rol: BetrokkeneRol): Promise<void> {
  const changes = await tx.sql.run(
    "INSERT INTO betrokkene_adres (betrokkene_id, adres_id, rol) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
    betrokkeneId,
    adresId,
    rol,
  );
  if (changes === 0) {
    throw new UserError("dubbele-koppeling", `Betrokkene ${betrokkeneId} is al ${rol} van adres ${adresId}`);
  }
  await tx.audit("betrokkene_adres", betrokkeneId, "toegevoegd", { adres_id: adresId, rol });
}
