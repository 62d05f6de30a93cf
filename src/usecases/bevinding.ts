import type { Store, Tx, BevindingenBulk } from "../db/store.js";
import type { Sql } from "../db/sql.js";
import { adresIndex } from "../db/adres.js";
import { avondAdresIds, avondAdressen, isOpAvondLijst, requireAvond, type AvondKort } from "../db/avond.js";
import { bevindingenOpAdres, bevindingenTussen, listBevindingen, requireBevinding, type Bevinding } from "../db/bevinding.js";
import { getEersteStap, insertZakenVoorReeks, type LadderOmgeving } from "../db/handhaving.js";
import { listOpvolgingen, type Opvolging, type OpvolgingInvoer } from "../db/opvolging.js";
import { categorieIndex, listOpvolgRegels, partnerIndex, requireCategorie, requirePartner, requirePartnerNaam } from "../db/referentie.js";
import { requireAdres } from "../db/adres.js";
import { requireToezichthouder, toezichthouderIndex } from "../db/toezichthouder.js";
import { updateWaarneming, type WaarnemingWijziging } from "../db/waarneming.js";
import { adresSleutel, formatAdres } from "../domain/adres.js";
import { bevindingImportCheck, type BevindingInput } from "../domain/bevinding.js";
import { sleutel } from "../domain/invoer.js";
import { opvolgingenUitRegel } from "../domain/opvolging.js";
import { aantal } from "../domain/tekst.js";
import { UserError } from "../errors.js";
import { kalender } from "../io/atw.js";
import { ladderData } from "../io/ladder.js";
import { gemeentePartner } from "../io/referentiedata.js";

/** The ladder, the Atw calendar and the gemeente itself: the reference data that turns rules into follow-ups. */
export function ladderOmgeving(): LadderOmgeving {
  return { ladder: ladderData(), kalender: kalender(), gemeente: gemeentePartner() };
}

/**
 * What every finding of one kind (category, owning partner) on an evening gets: the first step of
 * its handhavingsladder when the gemeente enforces the category, then the category's rules, with
 * deadlines from the evening's date and "(eigenaar bevinding)" given to the finding's partner.
 */
async function standaardOpvolgingen(
  sql: Sql,
  soort: { categorieId: number; partnerId: number },
  avondDatum: string,
  o: LadderOmgeving,
): Promise<OpvolgingInvoer[]> {
  const eerste = await getEersteStap(sql, soort.categorieId, avondDatum, o);
  const bevinding = { avondDatum, partner: await requirePartnerNaam(sql, soort.partnerId) };
  const out: OpvolgingInvoer[] = eerste ? [eerste] : [];
  for (const r of opvolgingenUitRegel(await listOpvolgRegels(sql, soort.categorieId), bevinding, o.kalender, o.gemeente)) {
    out.push({ actie: r.actie, deadline: r.deadline, partnerId: (await requirePartner(sql, r.partner)).id, sjabloon: r.sjabloon });
  }
  return out;
}

/**
 * The one way findings are written, typed by hand or imported: `vul` adds the findings (and puts
 * addresses on the evening's list) through the store's bulk writer; then every finding gets the
 * follow-ups of its kind and, where the gemeente enforces its category, a handhavingszaak — one
 * statement each for the whole range of new ids.
 */
async function writeBevindingen(
  tx: Tx,
  avond: AvondKort,
  vul: (schrijver: BevindingenBulk) => Promise<void>,
): Promise<{ aantal: number; eerste: number | null; laatste: number | null; opvolgingen: number; zaken: number }> {
  const bulk = tx.bulk.bevindingen();
  const soorten = new Map<string, { categorieId: number; partnerId: number }>();
  await vul({
    add(b, toezichthouderIds) {
      const k = `${b.categorieId}|${b.partnerId}`;
      if (!soorten.has(k)) soorten.set(k, { categorieId: b.categorieId, partnerId: b.partnerId });
      return bulk.add(b, toezichthouderIds);
    },
    addAvondAdres: (avondId, adresId) => bulk.addAvondAdres(avondId, adresId),
    finish: () => bulk.finish(),
  });
  const r = await bulk.finish();
  if (r.eerste === null || r.laatste === null) return { ...r, opvolgingen: 0, zaken: 0 };
  const o = ladderOmgeving();
  const perSoort = [];
  for (const s of soorten.values()) perSoort.push({ ...s, opvolgingen: await standaardOpvolgingen(tx.sql, s, avond.datum, o) });
  const opvolgingen = await tx.bulk.insertOpvolgingen(r.eerste, r.laatste, perSoort);
  const zaken = await insertZakenVoorReeks(tx, r.eerste, r.laatste);
  return { ...r, opvolgingen, zaken };
}

/** A finding as typed (flags or the guided walk): where, what, and whether a second one of its kind is meant. */
export interface NieuweBevinding {
  adresId: number;
  input: BevindingInput;
  /** A second finding of this category at this address on this evening is meant (--toch, or confirmed at a terminal). */
  toch: boolean;
}

/** "Er is al een bevinding … (bevinding 7: "…")": a finding entered twice, named. */
export function dubbelTekst(b: Bevinding, avondId: number): string {
  const kort = b.omschrijving.length > 60 ? `${b.omschrijving.slice(0, 57)}…` : b.omschrijving;
  return `Er is al een bevinding ${b.categorie_naam} vastgelegd voor ${formatAdres(b)} op avond ${avondId} (bevinding ${b.id}: "${kort}")`;
}

function dubbelFout(b: Bevinding, avondId: number): UserError {
  return new UserError("dubbele-bevinding", `${dubbelTekst(b, avondId)}; gebruik --toch om toch een tweede vast te leggen`);
}

/**
 * `bevinding toevoegen`: the findings of one evening in one transaction, each with the follow-up of
 * its category; an address not on the evening's list is put on it (with a warning).
 */
export async function addBevindingen(
  store: Store,
  avondId: number,
  nieuw: NieuweBevinding[],
): Promise<{ bevindingen: (Bevinding & { opvolgingen: Opvolging[] })[]; waarschuwingen: string[] }> {
  const waarschuwingen: string[] = [];
  const { eerste, laatste } = await store.change(async (tx) => {
    const avond = await requireAvond(tx.sql, avondId);
    const r = await writeBevindingen(tx, avond, async (schrijver) => {
      for (const n of nieuw) {
        if (!(await isOpAvondLijst(tx.sql, avond.id, n.adresId))) {
          await schrijver.addAvondAdres(avond.id, n.adresId);
          const a = await requireAdres(tx.sql, n.adresId);
          waarschuwingen.push(`Adres ${formatAdres(a)} (id ${a.id}) stond niet op de lijst van avond ${avond.id}; toegevoegd aan de lijst`);
          await tx.audit("avond_adres", avond.id, "toegevoegd", { adres: a.id });
        }
        const cat = await requireCategorie(tx.sql, n.input.categorie);
        // Checked again under the write lock: another process may have recorded the same finding meanwhile.
        const dubbel = n.toch ? [] : (await bevindingenOpAdres(tx.sql, avond.id, n.adresId)).filter((b) => b.categorie === cat.code);
        if (dubbel.length) throw dubbelFout(dubbel[0]!, avond.id);
        const partnerId = n.input.partner !== null ? (await requirePartner(tx.sql, n.input.partner)).id : cat.partner_id;
        const toezichthouders: number[] = [];
        for (const nr of n.input.toezichthouders) toezichthouders.push((await requireToezichthouder(tx.sql, nr)).id);
        await schrijver.add(
          {
            avondId: avond.id,
            adresId: n.adresId,
            categorieId: cat.id,
            partnerId,
            omschrijving: n.input.omschrijving,
            maatregel: n.input.maatregel,
            personen: n.input.personen,
            tijdstip: n.input.tijdstip,
            methode: n.input.methode,
          },
          toezichthouders,
        );
      }
    });
    if (r.eerste !== null && r.laatste !== null) {
      for (let id = r.eerste; id <= r.laatste; id++) await tx.audit("bevinding", id, "toegevoegd", { avond: avond.id });
    }
    return r;
  });
  const bevindingen = eerste === null || laatste === null ? [] : await showBevindingenTussen(store, eerste, laatste);
  return { bevindingen, waarschuwingen };
}

/** The findings eerste..laatste with their follow-ups (what a session or an import just made). */
function showBevindingenTussen(store: Store, eerste: number, laatste: number): Promise<(Bevinding & { opvolgingen: Opvolging[] })[]> {
  return store.read(async (sql) => metOpvolgingen(sql, await bevindingenTussen(sql, eerste, laatste), { vandaag: "" }));
}

async function metOpvolgingen(
  sql: Sql,
  bevindingen: Bevinding[],
  f: { avondId?: number; vandaag: string },
): Promise<(Bevinding & { opvolgingen: Opvolging[] })[]> {
  const per = new Map<number, Opvolging[]>();
  const opvolgingen =
    f.avondId !== undefined
      ? await listOpvolgingen(sql, { avondId: f.avondId, vandaag: f.vandaag })
      : (await Promise.all(bevindingen.map((b) => listOpvolgingen(sql, { bevindingId: b.id, vandaag: f.vandaag })))).flat();
  for (const o of opvolgingen) per.set(o.bevinding_id, [...(per.get(o.bevinding_id) ?? []), o]);
  return bevindingen.map((b) => ({ ...b, opvolgingen: per.get(b.id) ?? [] }));
}

/** `bevinding lijst`: all findings, or those of one evening (an unknown evening is the user's error), with their follow-up. */
export function showBevindingen(
  store: Store,
  f: { avondId?: number; vandaag: string },
): Promise<(Bevinding & { opvolgingen: Opvolging[] })[]> {
  return store.read(async (sql) => {
    if (f.avondId !== undefined) await requireAvond(sql, f.avondId);
    return metOpvolgingen(sql, await listBevindingen(sql, { avondId: f.avondId }), f);
  });
}

/**
 * `bevinding importeren`: one pass, rows checked and written as the CSV streams in, inside one
 * transaction. The first bad row stops the writing (the rest is still checked, so every bad line
 * is named) and the transaction is rolled back: all or nothing, without holding 100,000 rows in memory.
 * Lookups come from indexes read once under the write lock, never a query per row.
 */
export async function importBevindingen(
  store: Store,
  avondId: number,
  lees: (onRow: (row: { line: number; values: Record<string, string> }) => void | Promise<void>) => Promise<unknown>,
  bestand: string,
): Promise<{
  avond: AvondKort;
  aantal: number;
  eerste: number | null;
  laatste: number | null;
  opvolgingen: number;
  buitenLijst: { line: number; adresId: number; adres: string }[];
}> {
  const r = await store.change(
    async (tx) => {
      const avond = await requireAvond(tx.sql, avondId);
      const [adressen, categorieen, partners, toezichthouders, opLijst] = [
        await adresIndex(tx.sql),
        await categorieIndex(tx.sql),
        await partnerIndex(tx.sql),
        await toezichthouderIndex(tx.sql),
        await avondAdresIds(tx.sql, avond.id),
      ];
      // Lookups memoised by the text as written (cheaper than folding it per row): 100,000 rows name a
      // few thousand addresses and a few dozen categories.
      const categorie = memo((code: string) => categorieen.get(sleutel(code)));
      const partner = memo((naam: string) => partners.get(sleutel(naam)));
      const toezichthouder = memo((nummer: string) => toezichthouders.get(sleutel(nummer.trim())));
      const controle = bevindingImportCheck({
        adres: (pc, nr, toev) => adressen.get(adresSleutel(pc, nr, toev)),
        categorie,
        partner,
        opLijst: (adresId) => opLijst.has(adresId),
        toezichthouder,
      });
      const geschreven = await writeBevindingen(tx, avond, async (schrijver) => {
        await lees((row) => {
          const r = controle.check(row);
          if (!r || controle.errors.length) return; // from the first error on: only check
          if (r.zetOpLijst) {
            const a = schrijver.addAvondAdres(avond.id, r.adresId);
            if (a) return a.then(() => schrijver.add(regel(avond.id, r), r.toezichthouderIds));
          }
          return schrijver.add(regel(avond.id, r), r.toezichthouderIds);
        });
        if (controle.errors.length) {
          throw new UserError(
            "ongeldige-regels",
            `${aantal(controle.errors.length, "ongeldige regel", "ongeldige regels")} in ${bestand}; er is niets geïmporteerd`,
            controle.errors,
          );
        }
      });
      await tx.audit("bevinding", null, "geimporteerd", {
        avond: avond.id,
        aantal: geschreven.aantal,
        opvolgingen: geschreven.opvolgingen,
        handhavingszaken: geschreven.zaken,
        toegevoegdAanLijst: controle.buitenLijst.map((b) => b.adresId),
      });
      return { ...geschreven, avond, buitenLijst: controle.buitenLijst };
    },
    { bulk: true },
  );
  const buitenLijst = await store.read(async (sql) => {
    const out: { line: number; adresId: number; adres: string }[] = [];
    for (const b of r.buitenLijst) out.push({ ...b, adres: formatAdres(await requireAdres(sql, b.adresId)) });
    return out;
  });
  return { avond: r.avond, aantal: r.aantal, eerste: r.eerste, laatste: r.laatste, opvolgingen: r.opvolgingen, buitenLijst };
}

/** An import row as the bulk writer takes it (written out: an object spread per row costs measurable time at 100,000 rows). */
function regel(avondId: number, r: ReturnType<ReturnType<typeof bevindingImportCheck>["check"]> & object) {
  return {
    avondId,
    adresId: r.adresId,
    categorieId: r.categorieId,
    partnerId: r.partnerId,
    omschrijving: r.omschrijving,
    maatregel: r.maatregel,
    personen: r.personen,
    tijdstip: r.tijdstip,
    methode: r.methode,
  };
}

function memo<V>(make: (key: string) => V): (key: string) => V {
  const map = new Map<string, V>();
  return (key) => {
    if (map.has(key)) return map.get(key) as V;
    const v = make(key);
    map.set(key, v);
    return v;
  };
}

/** `bevinding wijzig`: completes or corrects a finding; returns the fields changed and the finding as it is now. */
export function changeWaarneming(
  store: Store,
  bevindingId: number,
  w: Omit<WaarnemingWijziging, "toezichthouderIds"> & { toezichthouders?: string[] },
): Promise<{ velden: string[]; bevinding: Bevinding }> {
  return store.change(async (tx) => {
    const b = await requireBevinding(tx.sql, bevindingId);
    const { toezichthouders, ...rest } = w;
    const wijziging: WaarnemingWijziging = { ...rest };
    if (toezichthouders !== undefined) {
      wijziging.toezichthouderIds = [];
      for (const nr of toezichthouders) wijziging.toezichthouderIds.push((await requireToezichthouder(tx.sql, nr)).id);
    }
    const velden = await updateWaarneming(tx, b.id, wijziging);
    return { velden, bevinding: await requireBevinding(tx.sql, b.id) };
  });
}

/** `bevinding formulier`: the evening and its addresses, for the form the formulierenteam fills in. */
export function showFormulier(
  store: Store,
  avondId: number,
): Promise<{ avond: AvondKort; adressen: Awaited<ReturnType<typeof avondAdressen>> }> {
  return store.read(async (sql) => {
    const avond = await requireAvond(sql, avondId);
    return { avond, adressen: await avondAdressen(sql, avond.id) };
  });
}
