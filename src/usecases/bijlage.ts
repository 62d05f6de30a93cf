import type { Store } from "../db/store.js";
import { requireBevinding, type Bevinding } from "../db/bevinding.js";
import {
  insertBijlage,
  listBijlagenVan,
  listOnbekendeHashes,
  listOpgeslagenHashes,
  type Bijlage,
  type BijlageDoel,
} from "../db/bijlage.js";
import { requireAfgeslotenHercontrole, upsertHercontrole } from "../db/hercontrole.js";
import type { BijlageSoort } from "../domain/bijlage.js";
import { checkBestand, isOpgeslagen, losseBestanden, deleteBestand, Plaatsing } from "../io/bijlagen.js";

/**
 * `bevinding bijlage toevoegen` (and `hercontrole bijlage toevoegen`): a checked copy of the file (io/bijlagen.ts) is put in the private
 * store under the write lock, so a retention run cannot remove it meanwhile, and linked to the finding
 * or the hercontrole.
 */
export async function addBijlage(
  store: Store,
  b: {
    doel: BijlageDoel;
    map: string;
    kopie: { tmp: string; sha256: string; grootte: number };
    soort: BijlageSoort;
    naam: string;
    bijschrift: string | null;
  },
): Promise<{ id: number; nieuweInhoud: boolean; nieuweKoppeling: boolean }> {
  const plaatsing = new Plaatsing(b.map, b.kopie);
  try {
    return await store.change(async (tx) => {
      if (b.doel.soort === "bevinding") await requireBevinding(tx.sql, b.doel.id);
      else await upsertHercontrole(tx, (await requireAfgeslotenHercontrole(tx.sql, b.doel.id)).id, {}); // evidence needs a record to belong to
      plaatsing.place();
      return insertBijlage(tx, {
        doel: b.doel,
        sha256: b.kopie.sha256,
        soort: b.soort,
        grootte: b.kopie.grootte,
        bijschrift: b.bijschrift,
        bestandsnaam: b.naam,
      });
    });
  } catch (err) {
    plaatsing.undo();
    throw err;
  }
}

/** `bevinding bijlage lijst`: the finding's attachments, and whether each file is still in the store. */
export function showBijlagen(
  store: Store,
  bevindingId: number,
  map: string,
): Promise<{ bevinding: Bevinding; bijlagen: (Bijlage & { aanwezig: boolean })[] }> {
  return store.read(async (sql) => {
    const bevinding = await requireBevinding(sql, bevindingId);
    const bijlagen = (await listBijlagenVan(sql, bevinding.id)).map((j) => ({ ...j, aanwezig: isOpgeslagen(map, j.sha256) }));
    return { bevinding, bijlagen };
  });
}

/** `bevinding bijlage controleer`: every stored file against its hash; files nothing refers to are named too. */
export async function checkBijlagen(
  store: Store,
  map: string,
): Promise<{ verwacht: number; problemen: { wat: string; sha256: string; toestand: string }[]; los: string[] }> {
  const verwacht = await store.read(listOpgeslagenHashes);
  const problemen: { wat: string; sha256: string; toestand: string }[] = [];
  for (const v of verwacht) {
    const toestand = checkBestand(map, v.sha256);
    if (toestand !== "in-orde") problemen.push({ ...v, toestand });
  }
  return { verwacht: verwacht.length, problemen, los: losseBestanden(map, new Set(verwacht.map((v) => v.sha256))) };
}

/** After a retention run: remove the stored files nothing refers to any more, under the write lock. */
export function deleteLosseBestanden(store: Store, map: string, hashes: string[]): Promise<void> {
  return store.change(async (tx) => {
    for (const h of await listOnbekendeHashes(tx.sql, [...new Set(hashes)])) deleteBestand(map, h);
  });
}
