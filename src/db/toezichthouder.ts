import type { Db } from "./connection.js";
import type { Tx } from "./audit.js";
import { UserError } from "../errors.js";

/**
 * Toezichthouders (inspectors, BOA's) by number and function: what a rapport van bevindingen names
 * as its author. No names: letters and reports go to offenders (Veilige Publieke Taak).
 */
export interface Toezichthouder {
  id: number;
  nummer: string;
  functie: string;
  /** The gemeente or partner the toezichthouder works for. */
  organisatie: string;
  soort_organisatie: "gemeente" | "partner";
  beediging: "ambtseed" | "ambtsbelofte" | null;
}

const SELECT = `
  SELECT t.id, t.nummer, t.functie, coalesce(g.naam, p.naam) AS organisatie,
         CASE WHEN t.gemeente_id IS NOT NULL THEN 'gemeente' ELSE 'partner' END AS soort_organisatie, t.beediging
  FROM toezichthouder t LEFT JOIN gemeente g ON g.id = t.gemeente_id LEFT JOIN partner p ON p.id = t.partner_id`;

export function listToezichthouders(db: Db): Toezichthouder[] {
  return db.prepare(`${SELECT} ORDER BY t.nummer`).all() as Toezichthouder[];
}

export function findToezichthouder(db: Db, nummer: string): Toezichthouder | undefined {
  return db.prepare(`${SELECT} WHERE t.nummer = ? COLLATE NOCASE`).get(nummer.trim()) as Toezichthouder | undefined;
}

export function requireToezichthouder(db: Db, nummer: string): Toezichthouder {
  const t = findToezichthouder(db, nummer);
  if (!t) {
    throw new UserError(
      "niet-gevonden",
      `Toezichthouder ${nummer} bestaat niet; leg het nummer eerst vast met: interventie toezichthouder toevoegen --nummer ${nummer} --functie <functie> --organisatie <gemeente of partner>`,
    );
  }
  return t;
}

export function insertToezichthouder(
  tx: Tx,
  t: { nummer: string; functie: string; gemeenteId: number | null; partnerId: number | null; beediging: string | null },
): number {
  const id = Number(
    tx.db
      .prepare("INSERT INTO toezichthouder (nummer, functie, gemeente_id, partner_id, beediging, aangemaakt) VALUES (?, ?, ?, ?, ?, ?)")
      .run(t.nummer, t.functie, t.gemeenteId, t.partnerId, t.beediging, tx.now).lastInsertRowid,
  );
  tx.audit("toezichthouder", id, "toegevoegd", { nummer: t.nummer });
  return id;
}

/** The toezichthouders of a finding, in the order given. */
export function toezichthoudersVan(db: Db, bevindingId: number): Toezichthouder[] {
  return db
    .prepare(`${SELECT} JOIN bevinding_toezichthouder bt ON bt.toezichthouder_id = t.id WHERE bt.bevinding_id = ? ORDER BY bt.volgorde`)
    .all(bevindingId) as Toezichthouder[];
}

/** Replaces the toezichthouders of a finding (ids in order). */
export function zetToezichthouders(tx: Tx, bevindingId: number, ids: number[]): void {
  tx.db.prepare("DELETE FROM bevinding_toezichthouder WHERE bevinding_id = ?").run(bevindingId);
  const ins = tx.db.prepare("INSERT INTO bevinding_toezichthouder (bevinding_id, toezichthouder_id, volgorde) VALUES (?, ?, ?)");
  ids.forEach((id, i) => ins.run(bevindingId, id, i + 1));
}

/** The most recently recorded finding's toezichthouders and method: the guided entry's defaults. */
export function laatsteWaarneming(db: Db): { toezichthouders: string; methode: string | null } | undefined {
  const b = db.prepare("SELECT id, methode FROM bevinding WHERE id = (SELECT max(bevinding_id) FROM bevinding_toezichthouder)").get() as
    { id: number; methode: string | null } | undefined;
  if (!b) return undefined;
  return {
    toezichthouders: toezichthoudersVan(db, b.id)
      .map((t) => t.nummer)
      .join(","),
    methode: b.methode,
  };
}
