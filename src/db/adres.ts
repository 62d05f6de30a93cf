import type { Db } from "./connection.js";
import type { Tx } from "./audit.js";
import type { AdresInput } from "../domain/adres.js";
import { notFound, UserError } from "../errors.js";
import { formatAdres } from "../domain/adres.js";

/** A stored address: the validated input plus its id and resolved gemeente. */
export interface Adres extends AdresInput {
  id: number;
  gemeente_id: number;
}

const SELECT = `
  SELECT a.id, a.postcode, a.huisnummer, a.toevoeging, a.straat, a.plaats, g.naam AS gemeente, a.gemeente_id, a.type
  FROM adres a JOIN gemeente g ON g.id = a.gemeente_id`;

export function listAdressen(db: Db, filter: { gemeenteId?: number } = {}): Adres[] {
  if (filter.gemeenteId !== undefined) {
    return db
      .prepare(`${SELECT} WHERE a.gemeente_id = ? ORDER BY a.postcode, a.huisnummer, a.toevoeging`)
      .all(filter.gemeenteId) as Adres[];
  }
  return db.prepare(`${SELECT} ORDER BY g.naam, a.postcode, a.huisnummer, a.toevoeging`).all() as Adres[];
}

export function getAdres(db: Db, id: number): Adres | undefined {
  return db.prepare(`${SELECT} WHERE a.id = ?`).get(id) as Adres | undefined;
}

export function requireAdres(db: Db, id: number): Adres {
  const a = getAdres(db, id);
  if (!a) throw notFound("Adres", id);
  return a;
}

export function findAdresByKey(db: Db, postcode: string, huisnummer: number, toevoeging: string): Adres | undefined {
  return db.prepare(`${SELECT} WHERE a.postcode = ? AND a.huisnummer = ? AND a.toevoeging = ?`).get(postcode, huisnummer, toevoeging) as
    Adres | undefined;
}

/** Inserts one validated address; a duplicate (postcode+huisnummer+toevoeging) is the user's error. */
export function insertAdres(tx: Tx, a: AdresInput, gemeenteId: number): number {
  const dup = findAdresByKey(tx.db, a.postcode, a.huisnummer, a.toevoeging);
  if (dup) {
    throw new UserError("dubbel-adres", `Adres ${formatAdres(a)} bestaat al (id ${dup.id})`);
  }
  const id = Number(
    tx.db
      .prepare(
        "INSERT INTO adres (postcode, huisnummer, toevoeging, straat, plaats, gemeente_id, type, aangemaakt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      )
      .run(a.postcode, a.huisnummer, a.toevoeging, a.straat, a.plaats, gemeenteId, a.type, tx.now).lastInsertRowid,
  );
  tx.audit("adres", id, "toegevoegd");
  return id;
}
