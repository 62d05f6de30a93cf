import type { Store } from "../db/store.js";
import {
  getHercontrole,
  listHercontroleBijlagen,
  requireAfgeslotenHercontrole,
  upsertHercontrole,
  type HercontroleBijlage,
  type HercontroleRij,
} from "../db/hercontrole.js";
import type { Opvolging } from "../db/opvolging.js";
import { ontbrekendBijHercontrole, type HercontroleInvoer, type HercontroleVeld } from "../domain/hercontrole.js";
import type { Bewijsopslag } from "../db/bewijs.js";
import { metAanwezig } from "./bijlage.js";

/** A closed hercontrole with its record (if any) and what the record still lacks for a report. */
export interface HercontroleOverzicht {
  opvolging: Opvolging;
  record: HercontroleRij | null;
  ontbrekend: HercontroleVeld[];
}

function overzicht(opvolging: Opvolging, record: HercontroleRij | undefined): HercontroleOverzicht {
  return {
    opvolging,
    record: record ?? null,
    ontbrekend: ontbrekendBijHercontrole({ ...record, toezichthouders: record?.toezichthouders.map((t) => t.nummer) }),
  };
}

/**
 * `hercontrole wijzig`: records or completes the observation of a closed hercontrole. A signed
 * report keeps its version; the next print is a concept of a new version (rapport hercontrole).
 */
export function changeHercontrole(
  store: Store,
  opvolgingId: number,
  h: HercontroleInvoer,
): Promise<HercontroleOverzicht & { velden: string[] }> {
  return store.change(async (tx) => {
    const o = await requireAfgeslotenHercontrole(tx.sql, opvolgingId);
    const velden = await upsertHercontrole(tx, o.id, h);
    return { ...overzicht(o, await getHercontrole(tx.sql, o.id)), velden };
  });
}

/** `hercontrole bijlage lijst`: the evidence of a hercontrole, and whether each file is still in the store. */
export function showHercontroleBijlagen(
  store: Store,
  opvolgingId: number,
  bewijs: Bewijsopslag,
): Promise<{ opvolging: Opvolging; bijlagen: (HercontroleBijlage & { aanwezig: boolean })[] }> {
  return store.read(async (sql) => {
    const opvolging = await requireAfgeslotenHercontrole(sql, opvolgingId);
    const bijlagen = await metAanwezig(sql, bewijs, await listHercontroleBijlagen(sql, opvolging.id));
    return { opvolging, bijlagen };
  });
}
