import type { Store, Tx } from "../db/store.js";
import { requireBevinding } from "../db/bevinding.js";
import { closeZaak, getZaakVanBevinding, insertStap, insertVolgendeStap, requireZaak, type LadderOmgeving } from "../db/handhaving.js";
import { insertOpvolging, laatsteWijziging, listOpvolgingen, requireOpvolging, updateOpvolging, type Opvolging } from "../db/opvolging.js";
import { listOpvolgRegels, requireCategorie, requirePartner } from "../db/referentie.js";
import { briefVoltooit, escalate, stapNaam, stapSjabloon, type LadderData, type Stap } from "../domain/ladder.js";
import {
  decideWijziging,
  intussenGewijzigd,
  isHercontrole,
  type LijstFilter,
  type Omstandigheden,
  type Wijziging,
} from "../domain/opvolging.js";
import { ladderOmgeving } from "./bevinding.js";
import { resolveFilter, type FilterInvoer } from "./filter.js";
import { upsertHercontrole } from "../db/hercontrole.js";
import { isLeeg, type HercontroleInvoer } from "../domain/hercontrole.js";

/** `opvolging lijst`: by deadline; every filter name or id must exist. */
export function showOpvolgingen(
  store: Store,
  f: Pick<FilterInvoer, "gemeente" | "partner" | "avond" | "bevinding"> & { status?: LijstFilter; vandaag: string },
): Promise<Opvolging[]> {
  return store.read(async (sql) => listOpvolgingen(sql, { ...(await resolveFilter(sql, f)), status: f.status, vandaag: f.vandaag }));
}

/**
 * `opvolging toevoegen`: an action on a finding. The same action in the category's rules names its
 * letter (reference data, not a map in code); an extra hercontrole of a running zaak is a step of
 * its ladder, so that a failed one escalates.
 */
export function addOpvolging(
  store: Store,
  o: { bevindingId: number; actie: string; partner: string; deadline: string; sjabloon?: string },
): Promise<Opvolging> {
  return store.change(async (tx) => {
    const b = await requireBevinding(tx.sql, o.bevindingId);
    const partner = await requirePartner(tx.sql, o.partner);
    const regel = (await listOpvolgRegels(tx.sql, (await requireCategorie(tx.sql, b.categorie)).id)).find(
      (r) => r.actie.toLowerCase() === o.actie.toLowerCase(),
    );
    const zaak = isHercontrole(o.actie) ? await getZaakVanBevinding(tx.sql, b.id) : undefined;
    const alsStap = zaak?.status === "lopend";
    const id = await insertOpvolging(tx, {
      bevindingId: b.id,
      actie: o.actie,
      partnerId: partner.id,
      deadline: o.deadline,
      stap: alsStap ? "hercontrole" : null,
      sjabloon:
        o.sjabloon ??
        (alsStap ? (stapSjabloon(ladderOmgeving().ladder, "hercontrole", zaak!.profiel.spoor) ?? null) : (regel?.sjabloon ?? null)),
    });
    return requireOpvolging(tx.sql, id);
  });
}

/** What decideWijziging needs to know besides the change: the evening, today, and whether a letter completes the step. */
export function omstandigheden(o: Opvolging, vandaag: string, ladder: LadderData): Omstandigheden {
  const stap = o.stap as Stap | null;
  return { avondDatum: o.avond_datum, vandaag, briefStap: stap !== null && briefVoltooit(ladder, stap) };
}

/** The next step a change made, for the user. */
export interface Voorstel {
  id: number;
  stap: string;
  actie: string;
  partner: string;
  niet_voor: string | null;
  deadline: string;
}

/** What a change did to the handhavingszaak: the next step, or why there is none. */
export interface LadderGevolg {
  voorstel?: Voorstel;
  melding?: string;
}

/**
 * `opvolging bijwerken`: read, decide (domain/opvolging.ts decideWijziging) and write in one transaction,
 * then what it means for the zaak: closed, ended, or the next step of its ladder. Two people
 * closing the same hercontrole at once escalate once; the second finds it closed ("al gesloten").
 * With `verwachteVersie` (what the user saw) the change is refused when the row changed since: checked
 * before deciding, and once more by the UPDATE itself (… AND versie = ?), so no update is ever lost.
 */
export function changeOpvolging(
  store: Store,
  id: number,
  w: Wijziging,
  velden: string[],
  /** Closing a hercontrole: what was observed (time, numbers, method, observation), recorded with it. */
  waarneming: HercontroleInvoer = {},
  verwachteVersie?: number,
): Promise<{ opvolging: Opvolging; gevolg: LadderGevolg }> {
  return store.change(async (tx) => {
    const o = await requireOpvolging(tx.sql, id);
    if (verwachteVersie !== undefined && o.versie !== verwachteVersie) throw intussenGewijzigd(id, await laatsteWijziging(tx.sql, id));
    const omgeving = ladderOmgeving();
    const partner = w.partner !== undefined ? await requirePartner(tx.sql, w.partner) : undefined;
    const besluit = decideWijziging(o, { ...w, partner: partner?.naam }, omstandigheden(o, tx.today, omgeving.ladder));
    const geschreven = await updateOpvolging(
      tx,
      o.id,
      {
        status: besluit.status,
        resultaat: besluit.resultaat === "" ? null : besluit.resultaat,
        beeindigd: besluit.beeindigd,
        deadline: w.deadline ?? o.deadline,
        partnerId: partner?.id ?? o.partner_id,
        geslotenOp: besluit.geslotenOp,
      },
      velden,
      verwachteVersie,
    );
    if (!geschreven) throw intussenGewijzigd(id, await laatsteWijziging(tx.sql, id));
    if (!isLeeg(waarneming)) await upsertHercontrole(tx, o.id, waarneming);
    const gevolg = besluit.gesloten ? await ladderGevolg(tx, o, besluit, omgeving) : {};
    return { opvolging: await requireOpvolging(tx.sql, id), gevolg };
  });
}

async function ladderGevolg(
  tx: Tx,
  o: Opvolging,
  besluit: ReturnType<typeof decideWijziging>,
  omgeving: LadderOmgeving,
): Promise<LadderGevolg> {
  const stap = o.stap as Stap | null;
  const zaak = o.handhaving_id !== null && stap !== null ? await requireZaak(tx.sql, o.handhaving_id) : undefined;
  const op = besluit.geslotenOp!;
  if (!zaak || zaak.status !== "lopend") {
    return besluit.escaleren
      ? {
          melding:
            "Overtreding niet beëindigd. Deze categorie kent geen handhavingsladder van de gemeente: de eigenaar van de bevinding beslist over het vervolg.",
        }
      : {};
  }
  if (besluit.status === "doodgelopen") {
    await closeZaak(tx, zaak, "doodgelopen", op, besluit.resultaat ?? "Doodgelopen");
    return { melding: `Handhavingszaak ${zaak.id} is doodgelopen; de open stappen zijn gesloten.` };
  }
  if (stap === "hercontrole" && besluit.beeindigd === 1) {
    await closeZaak(tx, zaak, "afgerond", op, `Niet meer nodig: overtreding beëindigd (hercontrole ${o.id})`);
    return { melding: `Overtreding beëindigd: handhavingszaak ${zaak.id} is afgerond.` };
  }
  if (stap === "hercontrole") {
    // A failed hercontrole: the next step follows the last completed one, or there is none (and why).
    const e = escalate(await requireZaak(tx.sql, zaak.id), o.id, op, omgeving.kalender);
    if (e.soort === "al-open") {
      return { melding: `Overtreding niet beëindigd. De volgende stap staat al open: ${stapNaam(e.stap)} (opvolging ${e.opvolgingId}).` };
    }
    if (e.soort === "einde") return { melding: `Overtreding niet beëindigd, maar ${e.reden}; overleg met de juridische afdeling.` };
    return { voorstel: await voorstelVan(tx, await insertStap(tx, await requireZaak(tx.sql, zaak.id), e.stap, omgeving)) };
  }
  const nieuw = await insertVolgendeStap(tx, zaak.id, o.id, op, omgeving);
  return nieuw === null ? { melding: `Handhavingszaak ${zaak.id} is afgerond.` } : { voorstel: await voorstelVan(tx, nieuw) };
}

async function voorstelVan(tx: Tx, id: number): Promise<Voorstel> {
  const o = await requireOpvolging(tx.sql, id);
  return { id, stap: o.stap ?? "", actie: o.actie, partner: o.partner, niet_voor: o.niet_voor, deadline: o.deadline };
}
