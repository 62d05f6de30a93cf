import type { Sql } from "./sql.js";
import type { Tx } from "./store.js";
import { sleutel } from "../domain/invoer.js";
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

export function listToezichthouders(sql: Sql): Promise<Toezichthouder[]> {
  return sql.all<Toezichthouder>(`${SELECT} ORDER BY t.nummer`);
}

/** By number, compared as names are (sleutel: case folded). */
export function findToezichthouder(sql: Sql, nummer: string): Promise<Toezichthouder | undefined> {
  return sql.get<Toezichthouder>(`${SELECT} WHERE sleutel(t.nummer) = ? ORDER BY t.id`, sleutel(nummer.trim()));
}

export async function requireToezichthouder(sql: Sql, nummer: string): Promise<Toezichthouder> {
  const t = await findToezichthouder(sql, nummer);
  if (!t) throw onbekend(nummer);
  return t;
}

function onbekend(nummer: string): UserError {
  return new UserError(
    "niet-gevonden",
    `Toezichthouder ${nummer} bestaat niet; leg het nummer eerst vast met: interventie toezichthouder toevoegen --nummer ${nummer} --functie <functie> --organisatie <gemeente of partner>`,
  );
}

/** Every toezichthouder's id by the sleutel of its number: imports and prompts check numbers without a query each. */
export async function toezichthouderIndex(sql: Sql): Promise<Map<string, number>> {
  const index = new Map<string, number>();
  for (const t of await sql.all<{ id: number; nummer: string }>("SELECT id, nummer FROM toezichthouder ORDER BY id")) {
    if (!index.has(sleutel(t.nummer))) index.set(sleutel(t.nummer), t.id);
  }
  return index;
}

/** The id of a number in an index (toezichthouderIndex), or the same error requireToezichthouder gives. */
export function toezichthouderUitIndex(index: Map<string, number>, nummer: string): number {
  const id = index.get(sleutel(nummer.trim()));
  if (id === undefined) throw onbekend(nummer);
  return id;
}

export async function insertToezichthouder(
  tx: Tx,
  t: { nummer: string; functie: string; gemeenteId: number | null; partnerId: number | null; beediging: string | null },
): Promise<number> {
  const id = await tx.sql.insert(
    "INSERT INTO toezichthouder (nummer, functie, gemeente_id, partner_id, beediging, aangemaakt) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
    t.nummer,
    t.functie,
    t.gemeenteId,
    t.partnerId,
    t.beediging,
    tx.now,
  );
  await tx.audit("toezichthouder", id, "toegevoegd", { nummer: t.nummer });
  return id;
}

/** The toezichthouders of a finding, in the order given. */
export function listToezichthoudersVan(sql: Sql, bevindingId: number): Promise<Toezichthouder[]> {
  return sql.all<Toezichthouder>(
    `${SELECT} JOIN bevinding_toezichthouder bt ON bt.toezichthouder_id = t.id WHERE bt.bevinding_id = ? ORDER BY bt.volgorde`,
    bevindingId,
  );
}

/** Replaces the toezichthouders of a finding (ids in order). */
export async function setToezichthouders(tx: Tx, bevindingId: number, ids: number[]): Promise<void> {
  await tx.sql.run("DELETE FROM bevinding_toezichthouder WHERE bevinding_id = ?", bevindingId);
  for (const [i, id] of ids.entries()) {
    await tx.sql.run(
      "INSERT INTO bevinding_toezichthouder (bevinding_id, toezichthouder_id, volgorde) VALUES (?, ?, ?)",
      bevindingId,
      id,
      i + 1,
    );
  }
}

/** The most recently recorded finding's toezichthouders and method: the guided entry's defaults. */
export async function getLaatsteWaarneming(sql: Sql): Promise<{ toezichthouders: string; methode: string | null } | undefined> {
  const b = await sql.get<{ id: number; methode: string | null }>(
    "SELECT id, methode FROM bevinding WHERE id = (SELECT max(bevinding_id) FROM bevinding_toezichthouder)",
  );
  if (!b) return undefined;
  return {
    toezichthouders: (await listToezichthoudersVan(sql, b.id)).map((t) => t.nummer).join(","),
    methode: b.methode,
  };
}
