import type { Db } from "./connection.js";
import type { Tx } from "./audit.js";
import { notFound, UserError } from "../errors.js";

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
export interface BetrokkeneKoppeling {
  adres_id: number;
  rol: BetrokkeneRol;
  adres: string;
  gemeente: string;
}

export function getBetrokkene(db: Db, id: number): Betrokkene | undefined {
  return db.prepare("SELECT id, naam, postadres, kvk FROM betrokkene WHERE id = ?").get(id) as Betrokkene | undefined;
}

export function requireBetrokkene(db: Db, id: number): Betrokkene {
  const b = getBetrokkene(db, id);
  if (!b) throw notFound("Betrokkene", id);
  return b;
}

export function listBetrokkenen(db: Db): (Betrokkene & { adressen: number; gemeenten: string | null })[] {
  return db
    .prepare(
      `SELECT b.id, b.naam, b.postadres, b.kvk, count(DISTINCT ba.adres_id) AS adressen,
              group_concat(DISTINCT g.naam) AS gemeenten
       FROM betrokkene b
       LEFT JOIN betrokkene_adres ba ON ba.betrokkene_id = b.id
       LEFT JOIN adres a ON a.id = ba.adres_id
       LEFT JOIN gemeente g ON g.id = a.gemeente_id
       GROUP BY b.id ORDER BY b.naam, b.id`,
    )
    .all() as (Betrokkene & { adressen: number; gemeenten: string | null })[];
}

export function koppelingen(db: Db, betrokkeneId: number): BetrokkeneKoppeling[] {
  return db
    .prepare(
      `SELECT ba.adres_id, ba.rol,
              a.straat || ' ' || a.huisnummer || a.toevoeging || ', ' || a.plaats AS adres, g.naam AS gemeente
       FROM betrokkene_adres ba JOIN adres a ON a.id = ba.adres_id JOIN gemeente g ON g.id = a.gemeente_id
       WHERE ba.betrokkene_id = ? ORDER BY g.naam, a.postcode, a.huisnummer`,
    )
    .all(betrokkeneId) as BetrokkeneKoppeling[];
}

/** Betrokkenen of an address with their role there. */
export function betrokkenenVanAdres(db: Db, adresId: number): (Betrokkene & { rol: BetrokkeneRol })[] {
  return db
    .prepare(
      `SELECT b.id, b.naam, b.postadres, b.kvk, ba.rol FROM betrokkene_adres ba JOIN betrokkene b ON b.id = ba.betrokkene_id
       WHERE ba.adres_id = ? ORDER BY CASE ba.rol WHEN 'eigenaar' THEN 0 ELSE 1 END, b.naam`,
    )
    .all(adresId) as (Betrokkene & { rol: BetrokkeneRol })[];
}

export function findBetrokkeneByKvk(db: Db, kvk: string): Betrokkene | undefined {
  return db.prepare("SELECT id, naam, postadres, kvk FROM betrokkene WHERE kvk = ?").get(kvk) as Betrokkene | undefined;
}

export function insertBetrokkene(tx: Tx, b: { naam: string; postadres: string | null; kvk: string | null }): number {
  if (b.kvk) {
    const existing = findBetrokkeneByKvk(tx.db, b.kvk);
    if (existing) {
      throw new UserError(
        "dubbele-betrokkene",
        `KvK-nummer ${b.kvk} hoort al bij betrokkene ${existing.id}; koppel een adres met: betrokkene koppel ${existing.id} --adres <id> --rol <rol>`,
      );
    }
  }
  const id = Number(
    tx.db.prepare("INSERT INTO betrokkene (naam, postadres, kvk, aangemaakt) VALUES (?, ?, ?, ?)").run(b.naam, b.postadres, b.kvk, tx.now)
      .lastInsertRowid,
  );
  tx.audit("betrokkene", id, "toegevoegd");
  return id;
}

export function koppelAdres(tx: Tx, betrokkeneId: number, adresId: number, rol: BetrokkeneRol): void {
  const res = tx.db
    .prepare("INSERT OR IGNORE INTO betrokkene_adres (betrokkene_id, adres_id, rol) VALUES (?, ?, ?)")
    .run(betrokkeneId, adresId, rol);
  if (res.changes === 0) {
    throw new UserError("dubbele-koppeling", `Betrokkene ${betrokkeneId} is al ${rol} van adres ${adresId}`);
  }
  tx.audit("betrokkene_adres", betrokkeneId, "toegevoegd", { adres_id: adresId, rol });
}
