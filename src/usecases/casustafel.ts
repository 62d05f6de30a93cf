import type { Store } from "../db/store.js";
import {
  candidateInputs,
  insertCasustafel,
  listBesluiten,
  listCasustafels,
  requireCasustafel,
  upsertBesluit,
  type Besluit,
  type BesluitSoort,
  type Casustafel,
} from "../db/casustafel.js";
import type { Sql } from "../db/sql.js";
import { terugblik, type Terugblik } from "../db/terugblik.js";
import { rankCandidates, type Candidate } from "../domain/ranking.js";

/** A decision as the casustafel takes it: one address, what happens, with which partners, and why. */
export interface BesluitInvoer {
  adresId: number;
  besluit: BesluitSoort;
  partnerIds: number[];
  toelichting: string | null;
}

/** `casustafel nieuw`: the casustafel for its gemeenten, with the decisions taken in the guided flow, in one transaction. */
export function addCasustafel(
  store: Store,
  c: { datum: string; gemeenteIds: number[]; besluiten: BesluitInvoer[] },
): Promise<{ id: number; besluiten: Besluit[] }> {
  return store.change(async (tx) => {
    const id = await insertCasustafel(tx, c.datum, c.gemeenteIds);
    for (const b of c.besluiten) await upsertBesluit(tx, { casustafelId: id, ...b });
    return { id, besluiten: await listBesluiten(tx.sql, id) };
  });
}

/** `casustafel besluit`: the decision on one address (a second decision replaces the first). */
export function setBesluit(store: Store, casustafelId: number, b: BesluitInvoer): Promise<{ id: number; nieuw: boolean }> {
  return store.change(async (tx) => upsertBesluit(tx, { casustafelId: (await requireCasustafel(tx.sql, casustafelId)).id, ...b }));
}

export function showCasustafels(store: Store): ReturnType<typeof listCasustafels> {
  return store.read(listCasustafels);
}

/** The addresses with signals in these gemeenten up to the date, ranked with their reasons (domain/ranking.ts). */
export function rankKandidaten(sql: Sql, gemeenteIds: number[], datum: string): Promise<Candidate[]> {
  return candidateInputs(sql, gemeenteIds, datum).then((c) => rankCandidates(c, datum));
}

/** A casustafel with its ranked candidates and the decisions taken so far, for `casustafel besluit` and the guided flows. */
export function showKandidaten(
  store: Store,
  casustafelId: number,
): Promise<{ casustafel: Casustafel; kandidaten: Candidate[]; besluiten: Besluit[] }> {
  return store.read(async (sql) => {
    const casustafel = await requireCasustafel(sql, casustafelId);
    return {
      casustafel,
      kandidaten: await rankKandidaten(sql, casustafel.gemeente_ids, casustafel.datum),
      besluiten: await listBesluiten(sql, casustafel.id),
    };
  });
}

export interface Agenda {
  casustafel: Omit<Casustafel, "gemeente_ids">;
  terugblik: Terugblik;
  kandidaten: (Candidate & { besluit: Besluit["besluit"] | null })[];
  besluiten: Besluit[];
}

/** `casustafel agenda`: terugblik first, then the candidates ranked as of the meeting date. */
export function showAgenda(store: Store, casustafelId: number, vandaag: string): Promise<Agenda> {
  return store.read(async (sql) => {
    const { gemeente_ids, ...casustafel } = await requireCasustafel(sql, casustafelId);
    const besluiten = await listBesluiten(sql, casustafelId);
    const besluitVan = new Map(besluiten.map((b) => [b.adres_id, b.besluit]));
    const kandidaten = (await rankKandidaten(sql, gemeente_ids, casustafel.datum)).map((k) => ({
      ...k,
      besluit: besluitVan.get(k.adres_id) ?? null,
    }));
    return { casustafel, terugblik: await terugblik(sql, gemeente_ids, casustafel.datum, vandaag), kandidaten, besluiten };
  });
}
