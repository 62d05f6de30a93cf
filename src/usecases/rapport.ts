import type { Store } from "../db/store.js";
import { listWerkvoorraad } from "../db/handhaving.js";
import { jaarRapport, opvolgingRapport, topRapport, type RapportFilter } from "../db/rapport.js";
import { getInstelling } from "../db/referentie.js";
import type { Periode } from "../domain/rapport.js";
import type { IsoDate } from "../domain/dates.js";
import { resolveFilter, type FilterInvoer } from "./filter.js";

/** A report's scope as typed: the period of the evenings, a gemeente and the finding's owner (names must exist). */
export type RapportInvoer = Periode & Pick<FilterInvoer, "gemeente" | "partner">;

/** The scope resolved: ids for the queries, names for the report's heading. */
async function scope(sql: Parameters<Parameters<Store["read"]>[0]>[0], f: RapportInvoer) {
  const r = await resolveFilter(sql, f);
  const filter: RapportFilter = { van: f.van, tot: f.tot, gemeenteId: r.gemeenteId, partnerId: r.partnerId };
  return { filter, namen: { gemeente: r.gemeente?.naam, partner: r.partner?.naam } };
}

/** `rapport top`: the most frequent categories in scope. */
export function showTop(store: Store, f: RapportInvoer, n: number) {
  return store.read(async (sql) => {
    const s = await scope(sql, f);
    return { rapport: await topRapport(sql, s.filter, n), namen: s.namen };
  });
}

/** `rapport jaar`: the year report, with the team's name for its cover. */
export function showJaar(store: Store, jaar: { jaar: number; van: IsoDate; tot: IsoDate }, vandaag: IsoDate) {
  return store.read(async (sql) => ({ rapport: await jaarRapport(sql, jaar, vandaag), team: await getInstelling(sql, "team") }));
}

/** `rapport opvolging`: follow-up in scope per gemeente and partner, and today's werkvoorraad against capacity. */
export function showOpvolgingRapport(store: Store, f: RapportInvoer, vandaag: IsoDate) {
  return store.read(async (sql) => {
    const s = await scope(sql, f);
    // The werkvoorraad (open handhavingszaken against capacity) is today's, whatever the period.
    return { rapport: { ...(await opvolgingRapport(sql, s.filter, vandaag)), werkvoorraad: await listWerkvoorraad(sql) }, namen: s.namen };
  });
}
