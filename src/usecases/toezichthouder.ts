import type { Store } from "../db/store.js";
import { findGemeente, findPartner } from "../db/referentie.js";
import { findToezichthouder, insertToezichthouder, listToezichthouders, type Toezichthouder } from "../db/toezichthouder.js";
import { UserError } from "../errors.js";

/** `toezichthouder toevoegen`: a number, its function and the gemeente or partner it works for (never a name). */
export function addToezichthouder(
  store: Store,
  t: { nummer: string; functie: string; organisatie: string; beediging: "ambtseed" | "ambtsbelofte" | null },
): Promise<{ id: number; organisatie: string }> {
  return store.change(async (tx) => {
    if (await findToezichthouder(tx.sql, t.nummer)) throw new UserError("bestaat-al", `Toezichthouder ${t.nummer} bestaat al`);
    const gemeente = await findGemeente(tx.sql, t.organisatie);
    const partner = gemeente ? undefined : await findPartner(tx.sql, t.organisatie);
    if (!gemeente && !partner) {
      throw new UserError(
        "niet-gevonden",
        `organisatie: "${t.organisatie}" is geen gemeente of partner (zie gemeente lijst en partner lijst)`,
      );
    }
    const id = await insertToezichthouder(tx, {
      nummer: t.nummer,
      functie: t.functie,
      gemeenteId: gemeente?.id ?? null,
      partnerId: partner?.id ?? null,
      beediging: t.beediging,
    });
    return { id, organisatie: gemeente ? gemeente.naam : partner!.naam };
  });
}

export function showToezichthouders(store: Store): Promise<Toezichthouder[]> {
  return store.read(listToezichthouders);
}
