import type { Store } from "../db/store.js";
import { getCategorieProfiel, listWerkvoorraad, type Werkvoorraad } from "../db/handhaving.js";
import {
  findCategorie,
  findGemeente,
  findPartner,
  insertCategorie,
  listCategorieen,
  listGemeenten,
  listOpvolgRegels,
  listPartners,
  requireGemeente,
  requirePartner,
  resolveOpvolgRegels,
  setCategorieProfiel,
  updateCapaciteit,
  updatePartner,
  upsertGemeente,
  upsertPartner,
  type Partner,
} from "../db/referentie.js";
import type { OpvolgRegel } from "../domain/opvolging.js";
import { UserError } from "../errors.js";
import type { ProfielData } from "../io/referentiedata.js";

export const showGemeenten = (store: Store) => store.read(listGemeenten);
export const showPartners = (store: Store) => store.read(listPartners);

/** `categorie lijst`: every category with its default follow-up and, where the gemeente enforces it, its profile. */
export function showCategorieen(store: Store) {
  return store.read(async (sql) => {
    const out = [];
    for (const c of await listCategorieen(sql)) {
      out.push({
        ...c,
        voorschrift: c.grondslag,
        opvolging: await listOpvolgRegels(sql, c.id),
        handhaving: (await getCategorieProfiel(sql, c.id)) ?? null,
      });
    }
    return out;
  });
}

export function addGemeente(store: Store, naam: string, team: string | null): Promise<number> {
  return store.change(async (tx) => {
    if (await findGemeente(tx.sql, naam)) throw new UserError("bestaat-al", `Gemeente ${naam} bestaat al`);
    return (await upsertGemeente(tx, naam, team)).id;
  });
}

/** `gemeente capaciteit`: how many open handhavingszaken it can handle (null: no limit recorded); then its workload. */
export async function setCapaciteit(store: Store, gemeente: string, zaken: number | null): Promise<{ id: number } & Werkvoorraad> {
  const g = await store.change(async (tx) => {
    const g = await requireGemeente(tx.sql, gemeente);
    await updateCapaciteit(tx, g.id, zaken);
    return g;
  });
  const w = (await store.read(listWerkvoorraad)).find((x) => x.gemeente === g.naam) ?? {
    gemeente: g.naam,
    open_zaken: 0,
    capaciteit: zaken,
  };
  return { id: g.id, ...w };
}

export function addPartner(store: Store, naam: string, soort: Partner["soort"]): Promise<number> {
  return store.change(async (tx) => {
    if (await findPartner(tx.sql, naam)) throw new UserError("bestaat-al", `Partner ${naam} bestaat al`);
    return (await upsertPartner(tx, naam, soort)).id;
  });
}

/** `partner zet`: postal address and article (letters to partners need both). */
export async function setPartner(
  store: Store,
  naam: string,
  v: { postadres?: string | null; lidwoord?: "de" | "het" | null },
): Promise<Partner> {
  return store.change(async (tx) => {
    const p = await requirePartner(tx.sql, naam);
    await updatePartner(tx, p.id, v);
    return requirePartner(tx.sql, p.naam);
  });
}

/**
 * `categorie toevoegen`: the category with the default follow-up of data/standaard-opvolging.json
 * ("(eigenaar categorie)" and "(eigenaar bevinding)" resolved to its owner) and, when given, its
 * enforcement profile.
 */
export function addCategorie(
  store: Store,
  c: { code: string; naam: string; eigenaar: string; thema: string; grondslag: string | null },
  regels: OpvolgRegel[],
  profiel: ProfielData | undefined,
): Promise<number> {
  return store.change(async (tx) => {
    if (await findCategorie(tx.sql, c.code)) throw new UserError("bestaat-al", `Categorie ${c.code} bestaat al`);
    const owner = await requirePartner(tx.sql, c.eigenaar);
    const rules = await resolveOpvolgRegels(tx.sql, owner.id, regels);
    const id = await insertCategorie(
      tx,
      { code: c.code, naam: c.naam, partnerId: owner.id, thema: c.thema, grondslag: c.grondslag },
      rules,
    );
    if (profiel) await setCategorieProfiel(tx, id, profiel);
    return id;
  });
}

export function showCategorieProfiel(store: Store, categorieId: number) {
  return store.read(async (sql) => (await getCategorieProfiel(sql, categorieId)) ?? null);
}
