import type { Store } from "../db/store.js";
import { checkOvertreder, closeZaak, listZaken, requireZaak, updateZaak, type ZaakVelden, type ZaakVolledig } from "../db/handhaving.js";
import { listHercontroleVerwijzingen } from "../db/hercontrole.js";
import { getOndertekendRapport } from "../db/rapport-bevindingen.js";
import type { Sql } from "../db/sql.js";
import type { RapportVerwijzing } from "../domain/brief.js";
import { adresVeldenVan, formatAdres } from "../domain/adres.js";
import { computeVerbeurd, checkProfiel, eindeNa, isVastgelegd, mislukteHercontroles, type ZaakStatus } from "../domain/ladder.js";
import { isOpen } from "../domain/opvolging.js";
import { UserError } from "../errors.js";
import { kalender } from "../io/atw.js";
import { resolveFilter, type FilterInvoer } from "./filter.js";

/** A zaak in a list: where, what, who decides, the overtreder and the next step. */
export function samenvatting(z: ZaakVolledig) {
  const open = z.stappen.find((s) => isOpen(s.status));
  return {
    id: z.id,
    bevinding_id: z.rij.bevinding_id,
    avond_id: z.rij.avond_id,
    adres_id: z.rij.adres_id,
    ...adresVeldenVan(z.rij),
    adres: formatAdres(z.rij),
    gemeente: z.rij.gemeente,
    categorie: z.rij.categorie,
    status: z.status,
    bestuursorgaan: z.profiel.bestuursorgaan,
    spoor: z.profiel.spoor,
    overtreder_id: z.overtrederId,
    overtreder: z.overtreder,
    hoedanigheid: z.hoedanigheid,
    volgende: open ? { opvolging: open.opvolgingId, stap: open.stap, niet_voor: open.nietVoor } : null,
  };
}

/**
 * A zaak with the signed reports its letters rest on: the rapport van bevindingen of its finding
 * (a besluit needs it) and per closed hercontrole its own signed report (an invordering or
 * kostenverhaal needs those), so the jurist sees what is still to be signed before a letter is held back.
 */
export type ZaakMetBewijs = ZaakVolledig & {
  bewijs: { rapport: RapportVerwijzing | null; hercontroles: Map<number, RapportVerwijzing | null> };
};

async function metBewijs(sql: Sql, z: ZaakVolledig): Promise<ZaakMetBewijs> {
  const r = await getOndertekendRapport(sql, z.rij.bevinding_id);
  const hercontroles = new Map((await listHercontroleVerwijzingen(sql, z.rij.bevinding_id)).map((h) => [h.opvolgingId, h.rapport]));
  return { ...z, bewijs: { rapport: r ? { kenmerk: r.kenmerk, versie: r.versie, datum: r.datum } : null, hercontroles } };
}

/** A zaak in full: its values, its steps with their letters and reports, its zienswijzen and what dwangsom is forfeited. */
export function zaakDetail(z: ZaakMetBewijs) {
  const k = kalender();
  const d = z.profiel.dwangsom;
  const besluit = eindeNa(z, "besluit", k);
  const verbeurd = d && besluit ? computeVerbeurd(d, besluit.einde, mislukteHercontroles(z)) : null;
  return {
    ...samenvatting(z),
    profiel: z.profiel,
    kosten: z.kosten,
    vastgelegd: isVastgelegd(z)?.kenmerk ?? null,
    rapport_van_bevindingen: z.bewijs.rapport,
    stappen: z.stappen.map((s) => ({
      opvolging: s.opvolgingId,
      stap: s.stap,
      status: s.status,
      niet_voor: s.nietVoor,
      gesloten_op: s.geslotenOp,
      beeindigd: s.beeindigd,
      brief: s.brief,
      // Only a closed hercontrole has a report of its own; other steps: absent.
      ...(z.bewijs.hercontroles.has(s.opvolgingId) ? { rapport: z.bewijs.hercontroles.get(s.opvolgingId) ?? null } : {}),
    })),
    zienswijzen: z.zienswijzen,
    begunstigingstermijn_tot: besluit?.einde ?? null,
    verbeurd: verbeurd
      ? { bedrag: verbeurd.bedrag, constateringen: verbeurd.constateringen, maximum_bereikt: verbeurd.maximumBereikt }
      : null,
  };
}

export type ZaakDetail = ReturnType<typeof zaakDetail>;

/** `handhaving lijst`. */
export function showZaken(
  store: Store,
  f: Pick<FilterInvoer, "gemeente" | "avond"> & { status?: ZaakStatus },
): Promise<ReturnType<typeof samenvatting>[]> {
  return store.read(async (sql) => (await listZaken(sql, { ...(await resolveFilter(sql, f)), status: f.status })).map(samenvatting));
}

/** `handhaving toon`. */
export function showZaak(store: Store, id: number): Promise<ZaakMetBewijs> {
  return store.read(async (sql) => metBewijs(sql, await requireZaak(sql, id)));
}

/**
 * `handhaving zet`: the given values of a zaak, decided under the write lock. Values the voornemen
 * named are fixed once it is sent; an overtreder must have a role at the address.
 */
export function changeZaak(
  store: Store,
  zaakId: number,
  velden: ZaakVelden,
  overtreder: { id?: number; hoedanigheid?: string },
): Promise<{ gewijzigd: string[]; zaak: ZaakMetBewijs }> {
  return store.change(async (tx) => {
    const z = await requireZaak(tx.sql, zaakId);
    const adres = { id: z.rij.adres_id, volledig: formatAdres(z.rij) };
    if (overtreder.id !== undefined) Object.assign(velden, await checkOvertreder(tx.sql, z, adres, overtreder.id, overtreder.hoedanigheid));
    else if (overtreder.hoedanigheid !== undefined) {
      if (z.overtrederId === null) throw new UserError("ontbrekende-optie", "--hoedanigheid hoort bij --overtreder <betrokkene-id>");
      Object.assign(velden, await checkOvertreder(tx.sql, z, adres, z.overtrederId, overtreder.hoedanigheid));
    }
    const profielVelden = (
      [
        "voorschrift",
        "bevoegdheid",
        "herstelmaatregel",
        "hersteltermijn",
        "zienswijzetermijn",
        "begunstigingstermijn",
        "sluitingsduur",
        "spoed",
        "dwangsom",
      ] as const
    ).filter((k) => velden[k] !== undefined);
    const vast = isVastgelegd(z);
    if (vast && profielVelden.length) {
      throw new UserError(
        "vastgelegd",
        `Handhavingszaak ${z.id}: ${profielVelden.join(", ")} staat in het verzonden ${z.profiel.spoed ? "besluit" : "voornemen"} ${vast.kenmerk}; het besluit moet dezelfde waarden noemen`,
      );
    }
    checkProfiel({
      ...z.profiel,
      ...Object.fromEntries(Object.entries(velden).filter(([k, v]) => v !== undefined && k in z.profiel)),
    } as typeof z.profiel);
    const gewijzigd = await updateZaak(tx, zaakId, velden);
    if (gewijzigd.length === 0)
      throw new UserError("niets-te-wijzigen", "Geef minstens één waarde om te wijzigen, bijv. --overtreder of --begunstigingstermijn");
    return { gewijzigd, zaak: await metBewijs(tx.sql, await requireZaak(tx.sql, zaakId)) };
  });
}

/** `handhaving sluit`: the zaak ends, and every step still open with it. */
export function endZaak(
  store: Store,
  zaakId: number,
  status: "afgerond" | "doodgelopen",
  datum: string,
  reden: string,
): Promise<{ gesloten: number[]; zaak: ZaakMetBewijs }> {
  return store.change(async (tx) => {
    const z = await requireZaak(tx.sql, zaakId);
    if (z.status !== "lopend") throw new UserError("al-gesloten", `Handhavingszaak ${z.id} is al ${z.status}`);
    const gesloten = await closeZaak(tx, z, status, datum, reden);
    return { gesloten, zaak: await metBewijs(tx.sql, await requireZaak(tx.sql, zaakId)) };
  });
}
