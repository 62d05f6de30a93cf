import type { Store } from "../db/store.js";
import { requireAdres } from "../db/adres.js";
import { requirePartner } from "../db/referentie.js";
import { insertSignaal, listSignalen, type Signaal } from "../db/signaal.js";
import type { IsoDate } from "../domain/dates.js";
import { resolveFilter, type FilterInvoer } from "./filter.js";

/** `signaal toevoegen`: a partner's signal about an address. */
export function addSignaal(
  store: Store,
  s: { adresId: number; partner: string; omschrijving: string; thema: string | null; datum: IsoDate },
): Promise<{ id: number; adres: Awaited<ReturnType<typeof requireAdres>>; partner: string }> {
  return store.change(async (tx) => {
    const adres = await requireAdres(tx.sql, s.adresId);
    const partner = await requirePartner(tx.sql, s.partner);
    const id = await insertSignaal(tx, {
      adresId: adres.id,
      partnerId: partner.id,
      omschrijving: s.omschrijving,
      thema: s.thema,
      datum: s.datum,
    });
    return { id, adres, partner: partner.naam };
  });
}

/** `signaal lijst`: newest first, optionally of one gemeente or one partner. */
export function showSignalen(store: Store, f: Pick<FilterInvoer, "gemeente" | "partner">): Promise<Signaal[]> {
  return store.read(async (sql) => listSignalen(sql, await resolveFilter(sql, f)));
}
