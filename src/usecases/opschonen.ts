import { deleteCasussen, listCasussen, type Telling } from "../db/opschonen.js";
import type { Bewijsopslag } from "../db/bewijs.js";
import type { Store } from "../db/store.js";
import { teVerwijderen } from "../domain/bewaartermijn.js";
import { deleteLosseBestanden } from "./bijlage.js";

export interface Opschoning {
  adressen: number[];
  telling: Telling;
}

/** What a retention run would remove today: counted in one snapshot, nothing changed. */
export function planOpschoning(store: Store, vandaag: string, maanden: number): Promise<Opschoning> {
  return store.read(async (sql) => {
    const adressen = teVerwijderen(await listCasussen(sql), vandaag, maanden);
    return { adressen, telling: await deleteCasussen(sql, undefined, adressen) };
  });
}

/**
 * `opschonen`: removes the closed cases past the retention term, planned again inside the write
 * transaction (another process may have changed things since the question), then the stored files
 * nothing refers to any more and the freed space. `vrijeRuimteGewist` false: the database was busy.
 */
export async function runOpschoning(
  store: Store,
  vandaag: string,
  maanden: number,
  bewijs: Bewijsopslag,
): Promise<Opschoning & { vrijeRuimteGewist: boolean }> {
  const bestanden: string[] = [];
  const uitkomst = await store.change(async (tx) => {
    const adressen = teVerwijderen(await listCasussen(tx.sql), vandaag, maanden);
    return { adressen, telling: await deleteCasussen(tx.sql, tx, adressen, bestanden) };
  });
  if (bestanden.length) await deleteLosseBestanden(store, bewijs, bestanden);
  const vrijeRuimteGewist = uitkomst.adressen.length === 0 || (await store.wipeFreeSpace());
  return { ...uitkomst, vrijeRuimteGewist };
}
