import type { Store } from "../db/store.js";
import { requireAdres, type Adres } from "../db/adres.js";
import {
  insertBetrokkene,
  insertKoppeling,
  listBetrokkenen,
  listKoppelingen,
  requireBetrokkene,
  type Betrokkene,
  type BetrokkeneKoppeling,
  type BetrokkeneRol,
} from "../db/betrokkene.js";

/** `betrokkene toevoegen`: a person or company, optionally with its role at an address. */
export function addBetrokkene(
  store: Store,
  b: { naam: string; postadres: string | null; kvk: string | null; rol: BetrokkeneRol; adresId?: number },
): Promise<{ id: number; adres: Adres | undefined }> {
  return store.change(async (tx) => {
    const adres = b.adresId !== undefined ? await requireAdres(tx.sql, b.adresId) : undefined;
    const id = await insertBetrokkene(tx, b);
    if (adres) await insertKoppeling(tx, id, adres.id, b.rol);
    return { id, adres };
  });
}

/** `betrokkene koppel`: the same betrokkene at (another) address, also in another gemeente. */
export function linkBetrokkene(
  store: Store,
  k: { betrokkeneId: number; adresId: number; rol: BetrokkeneRol },
): Promise<{ betrokkene: Betrokkene; adres: Adres }> {
  return store.change(async (tx) => {
    const betrokkene = await requireBetrokkene(tx.sql, k.betrokkeneId);
    const adres = await requireAdres(tx.sql, k.adresId);
    await insertKoppeling(tx, betrokkene.id, adres.id, k.rol);
    return { betrokkene, adres };
  });
}

export function showBetrokkenen(store: Store): ReturnType<typeof listBetrokkenen> {
  return store.read(listBetrokkenen);
}

/** `betrokkene toon`: with every address and role. */
export function showBetrokkene(store: Store, id: number): Promise<Betrokkene & { adressen: BetrokkeneKoppeling[] }> {
  return store.read(async (sql) => {
    const b = await requireBetrokkene(sql, id);
    return { ...b, adressen: await listKoppelingen(sql, b.id) };
  });
}
