import type { Store } from "../db/store.js";
import {
  fillPartnerGegevens,
  findCategorie,
  getInstelling,
  insertCategorie,
  requirePartner,
  resolveOpvolgRegels,
  setCategorieProfiel,
  setInstelling,
  upsertGemeente,
  upsertPartner,
} from "../db/referentie.js";
import { sleutel } from "../domain/invoer.js";
import { categorieBestand, partnerBestand, teamBestand } from "../io/referentiedata.js";

export interface InitUitkomst {
  /** The team's name as recorded ("Kempen Interventie Team (KIT)"), or null. */
  team: string | null;
  toegevoegd: { gemeenten: number; partners: number; categorieen: number };
}

/**
 * `init`: loads the reference data from data/ (idempotent: what exists is kept, what is missing is
 * added) and the team's own gemeenten, in one transaction.
 */
export function loadReferentiedata(store: Store, opts: { team?: string; gemeenten?: string[] }): Promise<InitUitkomst> {
  return store.change(async (tx) => {
    const toegevoegd = { gemeenten: 0, partners: 0, categorieen: 0 };
    const partners = partnerBestand();
    for (const p of partners) if ((await upsertPartner(tx, p.naam, p.soort)).nieuw) toegevoegd.partners++;
    await fillPartnerGegevens(tx, partners);
    const teams = teamBestand();
    for (const t of teams) for (const g of t.gemeenten) if ((await upsertGemeente(tx, g, t.code)).nieuw) toegevoegd.gemeenten++;
    let team: string | null = null;
    if (opts.team) {
      const gezocht = sleutel(opts.team);
      const known = teams.find((t) => sleutel(t.code) === gezocht || sleutel(t.naam) === gezocht);
      team = known ? `${known.naam} (${known.code})` : opts.team;
      await setInstelling(tx, "team", team);
    }
    for (const g of opts.gemeenten ?? []) if ((await upsertGemeente(tx, g, opts.team ?? null)).nieuw) toegevoegd.gemeenten++;
    for (const c of categorieBestand()) {
      if (await findCategorie(tx.sql, c.code)) continue;
      const owner = await requirePartner(tx.sql, c.partner);
      const regels = await resolveOpvolgRegels(tx.sql, owner.id, c.opvolging);
      const id = await insertCategorie(
        tx,
        { code: c.code, naam: c.naam, partnerId: owner.id, thema: c.thema, grondslag: c.voorschrift },
        regels,
      );
      if (c.handhaving) await setCategorieProfiel(tx, id, c.handhaving);
      toegevoegd.categorieen++;
    }
    return { team: team ?? (await getInstelling(tx.sql, "team")) ?? null, toegevoegd };
  });
}
