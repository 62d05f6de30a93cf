import type { Store } from "../db/store.js";
import {
  getHercontrole,
  getHercontroleGegevens,
  HERCONTROLE_VERSIES,
  requireAfgeslotenHercontrole,
  setHercontroleKenmerk,
} from "../db/hercontrole.js";
import { reserveNummers } from "../db/kenmerk.js";
import { insertVersieVan, listVersiesVan } from "../db/rapport-bevindingen.js";
import { formatAdres } from "../domain/adres.js";
import { formatDutch } from "../domain/dates.js";
import { formatRapportKenmerk, inhoudHash } from "../domain/rapport-bevindingen.js";
import { bezwarenTegenHercontrole, makeHercontroleInhoud, type HercontroleInhoud } from "../domain/rapport-hercontrole.js";
import { kalender } from "../io/atw.js";
import { briefhoofdVan } from "./briefhoofd.js";
import { makeRapport, type Afdruk, type RapportBron, type RapportKeuze, type RapportOmgeving } from "./rapport-bevindingen.js";

/**
 * `rapport hercontrole`: the rapport van bevindingen of one closed hercontrole — a concept, a signed
 * version (frozen: its PDF kept in the private store, its content hashed, kenmerk RVB-… from the same
 * counter as the evening's reports), or a signed version again (--versie). A change to the record
 * after signing makes the next print a concept of the next version.
 */
export interface HercontroleUitkomst extends Afdruk {
  opvolging_id: number;
  adres: string;
  datum: string;
  beeindigd: boolean;
  bijlagen: number;
  ontbrekend: string[];
}

function hercontroleBron(opvolgingId: number, naam: string): RapportBron<HercontroleInhoud> {
  return {
    naam,
    async plan(sql) {
      const o = await requireAfgeslotenHercontrole(sql, opvolgingId);
      const { afdeling } = await briefhoofdVan(sql, o.gemeente);
      const inhoud = makeHercontroleInhoud(await getHercontroleGegevens(sql, opvolgingId, afdeling), kalender());
      return {
        inhoud,
        hash: inhoudHash(inhoud),
        kenmerk: (await getHercontrole(sql, opvolgingId))?.kenmerk ?? null,
        versies: await listVersiesVan(sql, HERCONTROLE_VERSIES(opvolgingId)),
      };
    },
    bezwaren: bezwarenTegenHercontrole,
    async pdf(inv) {
      const { rapportHercontrolePdf } = await import("../render/pdf/rapport-hercontrole.js");
      const { pdfToBuffer } = await import("../render/pdf/document.js");
      return pdfToBuffer(rapportHercontrolePdf(inv));
    },
    async ensureKenmerk(tx, jaar) {
      const bestaand = (await getHercontrole(tx.sql, opvolgingId))?.kenmerk;
      if (bestaand) return bestaand;
      const kenmerk = formatRapportKenmerk(jaar, await reserveNummers(tx, "rapport", jaar));
      await setHercontroleKenmerk(tx, opvolgingId, kenmerk);
      return kenmerk;
    },
    insertVersie: (tx, v) => insertVersieVan(tx, HERCONTROLE_VERSIES(opvolgingId), v),
  };
}

export async function makeHercontroleRapport(
  store: Store,
  inv: RapportKeuze & { opvolgingId: number; pdf: string; versie?: number },
  om: RapportOmgeving,
): Promise<HercontroleUitkomst> {
  const o = await store.read((sql) => requireAfgeslotenHercontrole(sql, inv.opvolgingId));
  const naam = `Het rapport van hercontrole ${o.id} (${formatDutch(o.gesloten_op)}, ${formatAdres(o)})`;
  const { plan: p, afdruk } = await makeRapport(store, om, hercontroleBron(o.id, naam), inv, inv.versie, () => inv.pdf);
  const { id, ...rest } = afdruk;
  return {
    ...(id !== undefined ? { id } : {}),
    opvolging_id: o.id,
    adres: formatAdres(o),
    datum: o.gesloten_op,
    beeindigd: o.beeindigd === 1,
    bijlagen: p.inhoud.bijlagen.length,
    ontbrekend: p.inhoud.ontbrekend,
    ...rest,
  };
}
