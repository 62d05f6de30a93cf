import type { Store } from "../db/store.js";
import { adresIndex, insertAdres, listAdressen, requireAdres, type Adres } from "../db/adres.js";
import { adresHistorie, type AdresHistorie } from "../db/historie.js";
import { gemeenteIndex, requireGemeente } from "../db/referentie.js";
import { adresSleutel, type AdresInput } from "../domain/adres.js";
import { adresImportPlanner, type ImportPlan } from "../domain/adres-import.js";
import { sleutel } from "../domain/invoer.js";
import { aantal } from "../domain/tekst.js";
import { UserError } from "../errors.js";
import { resolveFilter } from "./filter.js";

/** `adres toevoegen`: one validated address in its (existing) gemeente. */
export function addAdres(store: Store, a: AdresInput): Promise<{ id: number; gemeente: string }> {
  return store.change(async (tx) => {
    const g = await requireGemeente(tx.sql, a.gemeente);
    return { id: await insertAdres(tx, a, g.id), gemeente: g.naam };
  });
}

/** `adres lijst`: all addresses, or those of one gemeente. */
export function showAdressen(store: Store, f: { gemeente?: string }): Promise<Adres[]> {
  return store.read(async (sql) => listAdressen(sql, { gemeenteId: (await resolveFilter(sql, f)).gemeenteId }));
}

/** `adres toon`: the address and everything that happened there. */
export function showAdres(store: Store, id: number): Promise<{ adres: Adres; historie: AdresHistorie }> {
  return store.read(async (sql) => {
    const adres = await requireAdres(sql, id);
    return { adres, historie: await adresHistorie(sql, adres.id) };
  });
}

/**
 * `adres importeren`: every row checked before anything is written (field rules, known gemeente,
 * duplicates in the file and in the database), then all rows in one transaction, or none.
 * `lees` streams the rows of the file (src/io/csv.ts).
 */
export async function importAdressen(
  store: Store,
  lees: (onRow: (row: { line: number; values: Record<string, string> }) => void) => Promise<unknown>,
  opts: { bestand: string; dryRun: boolean },
): Promise<{ geldig: number; ids: number[] }> {
  const { gemeenten, adressen } = await store.read(async (sql) => ({
    gemeenten: await gemeenteIndex(sql),
    adressen: await adresIndex(sql),
  }));
  const planner = adresImportPlanner(
    (naam) => gemeenten.get(sleutel(naam)),
    (pc, nr, toev) => adressen.get(adresSleutel(pc, nr, toev)),
  );
  await lees(planner.add);
  const plan: ImportPlan = planner.plan;
  if (plan.errors.length) {
    throw new UserError(
      "ongeldige-regels",
      `${aantal(plan.errors.length, "ongeldige regel", "ongeldige regels")} in ${opts.bestand}; er is niets geïmporteerd`,
      plan.errors,
    );
  }
  if (opts.dryRun) return { geldig: plan.rows.length, ids: [] };
  // Written under the write lock; insertAdres checks for duplicates again (another process may have added one).
  const ids = await store.change(async (tx) => {
    const out: number[] = [];
    for (const r of plan.rows) out.push(await insertAdres(tx, r, r.gemeenteId));
    await tx.audit("adres", null, "geimporteerd", { aantal: out.length });
    return out;
  });
  return { geldig: plan.rows.length, ids };
}
