import type { Store } from "../db/store.js";
import type { Sql } from "../db/sql.js";
import { getBriefhoofd, updateBriefhoofd } from "../db/brief.js";
import { findGemeente, requireGemeente } from "../db/referentie.js";
import { makeBriefhoofd, type Briefhoofd, type BriefhoofdVelden } from "../domain/brief.js";
import { standaardBriefhoofd } from "../io/sjablonen.js";

/**
 * The letterhead letters and reports of a gemeente print: its own fields, else the standard one
 * (data/briefhoofden.json). The one place that combines them (letters, reports, briefhoofd toon).
 */
export async function briefhoofdVan(sql: Sql, gemeente: string): Promise<Briefhoofd & { eigen: boolean }> {
  const g = await findGemeente(sql, gemeente);
  const eigen = g ? await getBriefhoofd(sql, g.id) : undefined;
  return { ...makeBriefhoofd(gemeente, eigen, standaardBriefhoofd(gemeente)), eigen: eigen !== undefined };
}

/** `briefhoofd toon`. */
export function showBriefhoofd(store: Store, gemeente: string): Promise<{ id: number } & Briefhoofd & { eigen: boolean }> {
  return store.read(async (sql) => {
    const g = await requireGemeente(sql, gemeente);
    return { id: g.id, ...(await briefhoofdVan(sql, g.naam)) };
  });
}

/** `briefhoofd zet`: the given fields (an empty value returns the field to the standard); then the letterhead as letters print it. */
export async function setBriefhoofd(store: Store, gemeente: string, velden: BriefhoofdVelden): Promise<{ id: number } & Briefhoofd> {
  const id = await store.change(async (tx) => {
    const g = await requireGemeente(tx.sql, gemeente);
    await updateBriefhoofd(tx, g.id, velden);
    return g.id;
  });
  const { eigen, ...h } = await showBriefhoofd(store, gemeente);
  return { ...h, id };
}
