import type { Db } from "./connection.js";
import { candidateInputs, listBesluiten, requireCasustafel, type Besluit, type Casustafel } from "./casustafel.js";
import { terugblik, type Terugblik } from "./terugblik.js";
import { rankCandidates, type Candidate } from "../domain/ranking.js";

export interface Agenda {
  casustafel: Omit<Casustafel, "gemeente_ids">;
  terugblik: Terugblik;
  kandidaten: (Candidate & { besluit: Besluit["besluit"] | null })[];
  besluiten: Besluit[];
}

/** The agenda of one casustafel: terugblik first, then the ranked candidates (ranked as of the meeting date). */
export function buildAgenda(db: Db, casustafelId: number, today: string): Agenda {
  const { gemeente_ids, ...casustafel } = requireCasustafel(db, casustafelId);
  const besluiten = listBesluiten(db, casustafelId);
  const besluitVan = new Map(besluiten.map((b) => [b.adres_id, b.besluit]));
  const kandidaten = rankCandidates(candidateInputs(db, gemeente_ids, casustafel.datum), casustafel.datum).map((k) => ({
    ...k,
    besluit: besluitVan.get(k.adres_id) ?? null,
  }));
  return { casustafel, terugblik: terugblik(db, gemeente_ids, casustafel.datum, today), kandidaten, besluiten };
}
