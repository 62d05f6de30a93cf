import type { Store, Tx } from "../db/store.js";
import { UserError } from "../errors.js";
import type { Sql } from "../db/sql.js";
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
import type { Bewijsopslag, Plaatsing } from "../db/bewijs.js";

/**
 * `bevinding bijlage toevoegen` (and `hercontrole bijlage toevoegen`): a checked copy of the file
 * (io/bijlagen.ts) is linked to the finding or the hercontrole and put in the evidence store under
 * the write lock (a retention run cannot remove it meanwhile), after the row that refers to it.
 */
export async function addBijlage(
  store: Store,
  b: {
    doel: BijlageDoel;
    plaatsing: Plaatsing;
    soort: BijlageSoort;
    naam: string;
    bijschrift: string | null;
  },
): Promise<{ id: number; nieuweInhoud: boolean; nieuweKoppeling: boolean }> {
  const { plaatsing } = b;
  try {
    return await store.change(async (tx) => {
      if (b.doel.soort === "bevinding") await requireBevinding(tx.sql, b.doel.id);
      else await upsertHercontrole(tx, (await requireAfgeslotenHercontrole(tx.sql, b.doel.id)).id, {}); // evidence needs a record to belong to
      const r = await insertBijlage(tx, {
        doel: b.doel,
        sha256: plaatsing.sha256,
        soort: b.soort,
        grootte: plaatsing.grootte,
        bijschrift: b.bijschrift,
        bestandsnaam: b.naam,
      });
      await plaatsing.place(tx);
      return r;
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
  bewijs: Bewijsopslag,
): Promise<{ bevinding: Bevinding; bijlagen: (Bijlage & { aanwezig: boolean })[] }> {
  return store.read(async (sql) => {
    const bevinding = await requireBevinding(sql, bevindingId);
    const bijlagen = await metAanwezig(sql, bewijs, await listBijlagenVan(sql, bevinding.id));
    return { bevinding, bijlagen };
  });
}

/** `bevinding bijlage controleer`: every stored file against its hash; files nothing refers to are named too. */
export function checkBijlagen(
  store: Store,
  bewijs: Bewijsopslag,
): Promise<{ verwacht: number; problemen: { wat: string; sha256: string; toestand: string }[]; los: string[] }> {
  return store.read(async (sql) => {
    const verwacht = await listOpgeslagenHashes(sql, { gekoppeld: true });
    const problemen: { wat: string; sha256: string; toestand: string }[] = [];
    for (const v of verwacht) {
      const toestand = await bewijs.toestand(sql, v.sha256);
      if (toestand !== "in-orde") problemen.push({ ...v, toestand });
    }
    return { verwacht: verwacht.length, problemen, los: await bewijs.los(sql, new Set(verwacht.map((v) => v.sha256))) };
  });
}

/** Attachment rows with whether their content is in the evidence store. */
export async function metAanwezig<T extends { sha256: string }>(
  sql: Sql,
  bewijs: Bewijsopslag,
  rijen: T[],
): Promise<(T & { aanwezig: boolean })[]> {
  const uit: (T & { aanwezig: boolean })[] = [];
  for (const j of rijen) uit.push({ ...j, aanwezig: await bewijs.aanwezig(sql, j.sha256) });
  return uit;
}

/** Retention: removes the stored contents of `hashes` that nothing in the database refers to any more. */
export async function deleteOnbekendBewijs(tx: Tx, bewijs: Bewijsopslag, hashes: string[]): Promise<void> {
  for (const h of await listOnbekendeHashes(tx.sql, [...new Set(hashes)])) await bewijs.verwijder(tx, h);
}

/**
 * `overzetten`, before anything is written: every content the source refers to is there and
 * unaltered; the first one that is not refuses the move (exit 2, one line).
 */
export async function requireBewijsInOrde(
  hashes: readonly { sha256: string; wat: string }[],
  van: { bewijs: Bewijsopslag; sql: Sql },
): Promise<void> {
  for (const h of hashes) {
    const toestand = await van.bewijs.toestand(van.sql, h.sha256);
    if (toestand !== "in-orde") throw bewijsNietInOrde(h, toestand, van.bewijs.plek);
  }
}

/**
 * `overzetten`: the evidence a team's database refers to (`hashes`, read from the source) from one
 * store into another inside the target's transaction `tx`, each content verified against its hash
 * on the way (again: a file may change after requireBewijsInOrde). A missing or altered one refuses
 * the whole move (the caller's rollback leaves the target unchanged). Returns the contents copied.
 */
export async function copyBewijs(
  hashes: readonly { sha256: string; wat: string }[],
  van: { bewijs: Bewijsopslag; sql: Sql },
  naar: { bewijs: Bewijsopslag; tx: Tx },
): Promise<number> {
  const gedaan = new Set<string>();
  for (const h of hashes) {
    if (gedaan.has(h.sha256)) continue;
    const r = await van.bewijs.lees(van.sql, h.sha256);
    if ("fout" in r) throw bewijsNietInOrde(h, r.fout, van.bewijs.plek);
    await naar.bewijs.neemBytes(r.data).place(naar.tx);
    gedaan.add(h.sha256);
  }
  return gedaan.size;
}

function bewijsNietInOrde(h: { sha256: string; wat: string }, fout: "ontbreekt" | "gewijzigd", plek: string): UserError {
  return new UserError(
    "bijlagen-niet-in-orde",
    `Bewijsstuk ${h.wat} (${h.sha256.slice(0, 12)}…) ${fout === "ontbreekt" ? "ontbreekt" : "is gewijzigd"} in ${plek}; overzetten neemt alleen ongeschonden bewijs mee; er is niets gewijzigd (zie bevinding bijlage controleer)`,
  );
}
