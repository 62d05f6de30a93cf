import { deleteCasussen, listCasussen, type Telling } from "../db/opschonen.js";
import type { Bewijsopslag } from "../db/bewijs.js";
import type { Store } from "../db/store.js";
import { teVerwijderen } from "../domain/bewaartermijn.js";
import { deleteOnbekendBewijs } from "./bijlage.js";

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
 * transaction (another process may have changed things since the question), the stored evidence
 * nothing refers to any more (rows in that transaction, files after it) and the freed space.
 * `vrijeRuimteGewist` false: the database was busy.
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
    const telling = await deleteCasussen(tx.sql, tx, adressen, bestanden);
    if (bewijs.transactioneel) await deleteOnbekendBewijs(tx, bewijs, bestanden); // rows: all or nothing with the rest
    return { adressen, telling };
  });
  // Files go once the deletion is committed (under the write lock again): a rollback never loses evidence.
  if (!bewijs.transactioneel && bestanden.length) await store.change((tx) => deleteOnbekendBewijs(tx, bewijs, bestanden));
  const vrijeRuimteGewist = uitkomst.adressen.length === 0 || (await store.wipeFreeSpace());
  return { ...uitkomst, vrijeRuimteGewist };
}
