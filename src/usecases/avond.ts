import type { Store } from "../db/store.js";
import type { Sql } from "../db/sql.js";
import {
  avondAdressen,
  gevraagdePartners,
  insertAvond,
  insertRol,
  listAvonden,
  loadAvond,
  requireAvond,
  setNoodplan,
  setRisico,
  signaalSamenvatting,
  type Avond,
} from "../db/avond.js";
import { listWerkvoorraad } from "../db/handhaving.js";
import { formatAdres } from "../domain/adres.js";
import type { Noodplan } from "../domain/avond.js";
import { capaciteitsWaarschuwingen } from "../domain/capaciteit.js";
import { checkGereedheid, type Risico } from "../domain/gereedheid.js";

export type Gereedheid = ReturnType<typeof checkGereedheid>;

export interface RolInvoer {
  rol: string;
  naam: string;
  partnerId: number;
  telefoon: string | null;
}

/** A new evening as planned: its addresses, roles, risks and noodplan (the guided flow asks them all before saving). */
export interface AvondInvoer {
  casustafelId: number | null;
  datum: string;
  starttijd: string;
  doel: string;
  adresIds: number[];
  rollen: RolInvoer[];
  risicos: Map<number, { niveau: Risico; toelichting: string | null }>;
  noodplan: Noodplan | null;
}

/** `avond nieuw`: the evening with everything planned, in one transaction; then its readiness. */
export async function addAvond(store: Store, a: AvondInvoer): Promise<{ avond: Avond; gereedheid: Gereedheid }> {
  const id = await store.change(async (tx) => {
    const aid = await insertAvond(tx, a);
    for (const r of a.rollen) await insertRol(tx, { avondId: aid, ...r });
    for (const [adresId, r] of a.risicos) await setRisico(tx, aid, adresId, r.niveau, r.toelichting);
    if (a.noodplan) await setNoodplan(tx, aid, a.noodplan);
    return aid;
  });
  return showAvond(store, id);
}

/** `avond toon` (and what `avond nieuw` reports): the evening and what it still lacks. */
export function showAvond(store: Store, id: number): Promise<{ avond: Avond; gereedheid: Gereedheid }> {
  return store.read(async (sql) => {
    const avond = await loadAvond(sql, id);
    return { avond, gereedheid: await gereedheidVan(sql, avond) };
  });
}

export function showAvonden(store: Store): ReturnType<typeof listAvonden> {
  return store.read(listAvonden);
}

/** Is the evening ready? The readiness rules over what is stored, with the partners its casustafel asked for. */
async function gereedheidVan(sql: Sql, a: Avond): Promise<Gereedheid> {
  return checkGereedheid({
    rollen: a.rollen,
    adressen: a.adressen.map((x) => ({ adres: formatAdres(x), risico: x.risico })),
    verzamelpunt: a.noodplan.verzamelpunt,
    codewoord: a.noodplan.codewoord,
    gevraagdePartners: await gevraagdePartners(sql, a.id),
  });
}

/** `avond controleer`: what is missing, and the gemeenten whose capacity the evening's addresses could exceed. */
export function checkAvond(
  store: Store,
  id: number,
): Promise<{ gereedheid: Gereedheid; capaciteit: ReturnType<typeof capaciteitsWaarschuwingen> }> {
  return store.read(async (sql) => {
    const avond = await loadAvond(sql, id);
    const perGemeente = new Map<string, number>();
    for (const adres of await avondAdressen(sql, id)) perGemeente.set(adres.gemeente, (perGemeente.get(adres.gemeente) ?? 0) + 1);
    return { gereedheid: await gereedheidVan(sql, avond), capaciteit: capaciteitsWaarschuwingen(await listWerkvoorraad(sql), perGemeente) };
  });
}

export function addRol(store: Store, avondId: number, r: RolInvoer): Promise<number> {
  return store.change(async (tx) => insertRol(tx, { avondId: (await requireAvond(tx.sql, avondId)).id, ...r }));
}

export function recordRisico(store: Store, avondId: number, adresId: number, niveau: Risico, toelichting: string | null): Promise<void> {
  return store.change(async (tx) => setRisico(tx, (await requireAvond(tx.sql, avondId)).id, adresId, niveau, toelichting));
}

export function recordNoodplan(store: Store, avondId: number, plan: Noodplan): Promise<void> {
  return store.change(async (tx) => setNoodplan(tx, (await requireAvond(tx.sql, avondId)).id, plan));
}

/** What the draaiboek shows: the evening, its readiness, and per address the partners and themes of its signals (no texts). */
export interface DraaiboekData {
  avond: Avond;
  gereedheid: Gereedheid;
  signalen: Map<number, Awaited<ReturnType<typeof signaalSamenvatting>>>;
}

export function showDraaiboek(store: Store, id: number): Promise<DraaiboekData> {
  return store.read(async (sql) => {
    const avond = await loadAvond(sql, id);
    const signalen = new Map<number, Awaited<ReturnType<typeof signaalSamenvatting>>>();
    for (const a of avond.adressen) signalen.set(a.adres_id, await signaalSamenvatting(sql, a.adres_id, avond.datum));
    return { avond, gereedheid: await gereedheidVan(sql, avond), signalen };
  });
}
