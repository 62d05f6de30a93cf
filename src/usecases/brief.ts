import { ondertekenOpdracht } from "../domain/onderteken-opdracht.js";
import path from "node:path";
import type { Store, Tx } from "../db/store.js";
import type { Sql } from "../db/sql.js";
import { requireAvond, listAvonden } from "../db/avond.js";
import { betrokkenenVanAdres, requireBetrokkene } from "../db/betrokkene.js";
import {
  insertBrief,
  listBrieven,
  listBrievenVanOpvolging,
  listOpenOpvolgingenVoorBrief,
  requireOpvolgingVoorBrief,
  updateBriefBestand,
  type BriefOpvolgingRij,
  type BriefRij,
  type GemaakteBriefRij,
} from "../db/brief.js";
import { checkOvertreder, closeOpvolging, completeStap, updateZaak, type ZaakVelden } from "../db/handhaving.js";
import { getLaatsteNummer, reserveNummers } from "../db/kenmerk.js";
import { requireOpvolging } from "../db/opvolging.js";
import { requirePartner } from "../db/referentie.js";
import { formatAdres } from "../domain/adres.js";
import {
  briefBestandsnaam,
  formatKenmerk,
  groupBrieven,
  makeBriefhoofd,
  type Briefhoofd,
  type BriefGroep,
  type BriefItem,
  type Ontvanger,
  type Overgeslagen,
  type Tegengehouden,
} from "../domain/brief.js";
import { briefContext, type BriefContext } from "../domain/brief-context.js";
import { assessBrief, type Beoordeling } from "../domain/brief-plan.js";
import { voorbeeldGroep } from "../domain/brief-voorbeeld.js";
import { formatDutch } from "../domain/dates.js";
import { briefVoltooit, stapSjabloon, type LadderData } from "../domain/ladder.js";
import { isGesloten } from "../domain/opvolging.js";
import { UserError } from "../errors.js";
import { kalender } from "../io/atw.js";
import { naamIn, placeBrief, cleanUpBrieven, stage, type Gestaged } from "../io/brief-bestanden.js";
import { loadSjabloon, standaardBriefhoofd } from "../io/sjablonen.js";
import { briefPdf } from "../render/pdf/brief.js";
import { pdfToBuffer } from "../render/pdf/document.js";
import { fillSjabloon } from "../render/sjabloon.js";
import { briefhoofdVan } from "./briefhoofd.js";
import { ladderOmgeving } from "./bevinding.js";

/**
 * The brieven: which letter a follow-up is due (domain/brief-plan.ts judges), making it with a
 * fresh kenmerk, atomically with what sending it completes, and reprints of letters made before.
 */

/** `brief lijst`: the letters made, newest first; an unknown evening is the user's error. */
export function showBrieven(store: Store, f: { avondId?: number }): Promise<BriefRij[]> {
  return store.read(async (sql) => {
    if (f.avondId !== undefined) await requireAvond(sql, f.avondId);
    return listBrieven(sql, f);
  });
}

/** What making letters needs from the caller: the day, the templates, and a say in folders and progress. */
export interface BriefOmgeving {
  vandaag: string;
  /** Own templates folder (--sjablonen or INTERVENTIE_SJABLONEN). */
  eigen: string | undefined;
  /** A folder letters go into: created and announced, or refused (a file in the way). */
  map(dir: string): void;
  /** Progress over the rendering of `totaal` letters. */
  voortgang(totaal: number): (n: number) => void;
}

/** Everything a planner needs besides the database; loaded once, outside the lock. */
interface Planning {
  vandaag: string;
  ladder: LadderData;
  eigen: string | undefined;
  aanPartner: (sjabloon: string) => boolean;
}

function planning(vandaag: string, eigen: string | undefined): Planning {
  const cache = new Map<string, boolean>();
  return {
    vandaag,
    ladder: ladderOmgeving().ladder,
    eigen,
    aanPartner: (naam) => {
      if (!cache.has(naam)) cache.set(naam, loadSjabloon(naam, eigen).aanPartner);
      return cache.get(naam)!;
    },
  };
}

interface Plan {
  groepen: BriefGroep[];
  herdruk: { rij: GemaakteBriefRij; groep: BriefGroep }[];
  overgeslagen: Overgeslagen[];
  tegengehouden: Tegengehouden[];
}

const hints = (zaakId: number) => ({
  overtreder: `interventie handhaving zet ${zaakId} --overtreder <betrokkene-id> --hoedanigheid <tekst>`,
  weging: (id: number) => `interventie zienswijze wegen ${id} --weging <tekst>`,
  kosten: `interventie handhaving zet ${zaakId} --kosten <bedrag>`,
  ...ondertekenOpdracht,
});

/** The template a follow-up's letter uses: its own, else that of its ladder step. */
function eigenSjabloon(o: BriefOpvolgingRij, ladder: LadderData): string | undefined {
  return o.sjabloon ?? (o.zaak && o.stap ? stapSjabloon(ladder, o.stap, o.zaak.profiel.spoor) : undefined);
}

/** One follow-up judged: its letter, or why none (yet). `wijziging` is what this command sets on the zaak first. */
async function beoordeelOpvolging(
  sql: Sql,
  o: BriefOpvolgingRij,
  p: Planning,
  opts: { sjabloon?: string; aan?: number; batch: boolean; wijziging?: ZaakVelden },
): Promise<Beoordeling> {
  if (o.zaak && opts.wijziging) pasToe(o, opts.wijziging);
  const aan = opts.aan !== undefined ? await requireBetrokkene(sql, opts.aan) : undefined;
  return assessBrief({
    o,
    sjabloon: opts.sjabloon,
    aanPartner: p.aanPartner,
    betrokkenen: await betrokkenenVanAdres(sql, o.adres.id),
    partner: await requirePartner(sql, o.partner),
    aan,
    batch: opts.batch,
    vandaag: p.vandaag,
    kalender: kalender(),
    ladder: p.ladder,
    hints: hints(o.zaak?.id ?? 0),
  });
}

/** The zaak as it will be once this command's flags are written (they are written with the letter). */
function pasToe(o: BriefOpvolgingRij, w: ZaakVelden): void {
  const z = o.zaak!;
  if (w.overtrederId !== undefined) z.overtrederId = w.overtrederId;
  if (w.hoedanigheid !== undefined) z.hoedanigheid = w.hoedanigheid;
  if (w.kosten !== undefined) z.kosten = w.kosten;
  if (w.dwangsom !== undefined) z.profiel = { ...z.profiel, dwangsom: w.dwangsom };
}

/** A letter made before, rebuilt for a reprint: its own follow-ups, recipient and bestuursorgaan. */
async function herdrukGroep(sql: Sql, rij: GemaakteBriefRij): Promise<BriefGroep> {
  const opvolgingen: BriefOpvolgingRij[] = [];
  for (const id of rij.opvolgingen) opvolgingen.push(await requireOpvolgingVoorBrief(sql, id));
  const eerste = opvolgingen[0]!;
  let ontvanger: Ontvanger;
  if (rij.betrokkene_id !== null) {
    const b = await requireBetrokkene(sql, rij.betrokkene_id);
    const rol = (await betrokkenenVanAdres(sql, eerste.adres.id)).find((x) => x.id === b.id)?.rol ?? null;
    ontvanger = { soort: "betrokkene", id: b.id, naam: b.naam, postadres: b.postadres, rol };
  } else {
    const p = await requirePartner(sql, eerste.partner);
    ontvanger = { soort: "partner", id: p.id, naam: p.naam, lidwoord: p.lidwoord, postadres: p.postadres };
  }
  return {
    sjabloon: rij.sjabloon,
    ontvanger,
    adres: eerste.adres,
    bestuursorgaan: eerste.zaak?.profiel.bestuursorgaan ?? "college",
    opvolgingen,
  };
}

/** A step whose letter goes to the overtreder (5:1 Awb) while none is designated: brief maak asks for him. */
function vraagtOvertreder(o: BriefOpvolgingRij): boolean {
  const stap = o.stap;
  return (
    o.zaak !== null &&
    o.zaak.overtrederId === null &&
    (stap === "voornemen" || stap === "besluit" || stap === "invordering" || stap === "kostenverhaal")
  );
}

/** A reason as one line, starting with a capital. */
function eenRegel(t: string): string {
  return t.charAt(0).toUpperCase() + t.slice(1);
}

// ---------------------------------------------------------------------------
// brief maak

export interface MaakInvoer {
  opvolgingId: number;
  sjabloon?: string;
  aan?: number;
  uit: string | undefined;
  opnieuw: boolean;
  bedrag?: number;
  maximum?: number;
  kosten?: number;
  overtreder?: number;
  hoedanigheid?: string;
}

/** The questions `brief maak` asks at a terminal; left out in a script. */
export interface MaakVragen {
  /** Who the overtreder is, from the betrokkenen of the address (a step that names him, none designated). */
  overtreder?(kandidaten: { id: number; naam: string; rol: string }[]): Promise<number>;
  /** In which capacity the overtreder chosen above is addressed. */
  hoedanigheid?(standaard: string): Promise<string>;
}

export type MaakResultaat = { soort: "herdruk"; brief: GemaakteBrief } | { soort: "nieuw"; brief: GemaakteBrief; sjabloon: string };

/** `brief maak`: the letter of one follow-up, or a reprint of its letter with --opnieuw. */
export async function makeBrief(store: Store, inv: MaakInvoer, om: BriefOmgeving, vragen: MaakVragen): Promise<MaakResultaat> {
  if (inv.sjabloon !== undefined) loadSjabloon(inv.sjabloon, om.eigen); // refuse bad names before touching the database
  const p = planning(om.vandaag, om.eigen);
  const o = await store.read((sql) => requireOpvolgingVoorBrief(sql, inv.opvolgingId));
  const sjabloon = inv.sjabloon ?? eigenSjabloon(o, p.ladder);
  if (!sjabloon) {
    throw new UserError(
      "geen-sjabloon",
      `Opvolging ${o.opvolgingId} (actie "${o.actie}") heeft geen standaardbrief; kies er een met --sjabloon <naam> (zie: sjabloon lijst)`,
    );
  }
  const eerder = (await store.read((sql) => listBrievenVanOpvolging(sql, o.opvolgingId))).filter((b) => b.sjabloon === sjabloon);
  if (eerder.length && !inv.opnieuw) {
    throw new UserError(
      "al-verstuurd",
      `Opvolging ${o.opvolgingId} heeft al brief ${eerder.map((b) => b.kenmerk).join(", ")}; gebruik --opnieuw om hem opnieuw af te drukken (zelfde kenmerk en datum)`,
    );
  }
  if (eerder.length) {
    const rij = eerder[eerder.length - 1]!;
    const [brief] = await voerUit(
      store,
      async (sql) => ({ groepen: [], herdruk: [{ rij, groep: await herdrukGroep(sql, rij) }], overgeslagen: [], tegengehouden: [] }),
      om,
      { uit: inv.uit },
    );
    return { soort: "herdruk", brief: brief! };
  }
  if (isGesloten(o.status)) throw new UserError("al-gesloten", `Opvolging ${o.opvolgingId} is al ${o.status}; er is geen brief meer nodig`);
  const wijziging = await zaakWijziging(store, o, inv, vragen);
  const [brief] = await voerUit(
    store,
    async (sql) => {
      const b = await beoordeelOpvolging(sql, await requireOpvolgingVoorBrief(sql, inv.opvolgingId), p, {
        sjabloon,
        aan: inv.aan,
        batch: false,
        wijziging,
      });
      if (b.soort !== "brief") throw new UserError(b.soort === "tegengehouden" ? "niet-aan-de-beurt" : "geen-brief", eenRegel(b.reden));
      return { groepen: groupBrieven([b.item]), herdruk: [], overgeslagen: [], tegengehouden: [] };
    },
    om,
    { uit: inv.uit, wijziging: o.zaak ? { zaakId: o.zaak.id, velden: wijziging } : undefined },
  );
  return { soort: "nieuw", brief: brief!, sjabloon };
}

/**
 * What `brief maak` sets on the zaak together with the letter: the overtreder (asked at a
 * terminal when the step needs one and none is designated), the dwangsom, the costs.
 */
async function zaakWijziging(store: Store, o: BriefOpvolgingRij, f: MaakInvoer, vragen: MaakVragen): Promise<ZaakVelden> {
  const gegeven = [f.bedrag, f.maximum, f.kosten, f.overtreder, f.hoedanigheid].some((v) => v !== undefined);
  if (!o.zaak) {
    if (gegeven) throw new UserError("ongeldige-invoer", `Opvolging ${o.opvolgingId} hoort niet bij een handhavingszaak van de gemeente`);
    return {};
  }
  const z = o.zaak;
  const w: ZaakVelden = {};
  const adres = { id: o.adres.id, volledig: formatAdres(o.adres) };
  let overtreder = f.overtreder;
  let gevraagd = false;
  if (overtreder === undefined && vraagtOvertreder(o) && vragen.overtreder) {
    const kandidaten = await store.read((sql) => betrokkenenVanAdres(sql, o.adres.id));
    if (kandidaten.length) {
      overtreder = await vragen.overtreder(kandidaten);
      gevraagd = true;
    }
  }
  if (overtreder !== undefined) {
    const id = overtreder;
    let hoedanigheid = f.hoedanigheid;
    if (hoedanigheid === undefined && gevraagd && vragen.hoedanigheid) {
      const standaard = await store.read((sql) => checkOvertreder(sql, z, adres, id, undefined));
      hoedanigheid = await vragen.hoedanigheid(standaard.hoedanigheid);
    }
    Object.assign(w, await store.read((sql) => checkOvertreder(sql, z, adres, id, hoedanigheid)));
  } else if (f.hoedanigheid !== undefined) {
    if (z.overtrederId === null) throw new UserError("ontbrekende-optie", "--hoedanigheid hoort bij --overtreder <betrokkene-id>");
    const id = z.overtrederId;
    Object.assign(w, await store.read((sql) => checkOvertreder(sql, z, adres, id, f.hoedanigheid)));
  }
  if (f.bedrag !== undefined || f.maximum !== undefined) {
    const d = z.profiel.dwangsom;
    if (!d) throw new UserError("ongeldige-invoer", `Handhavingszaak ${z.id} is geen last onder dwangsom`);
    w.dwangsom = { bedrag: f.bedrag ?? d.bedrag, per: d.per, maximum: f.maximum ?? d.maximum };
  }
  if (f.kosten !== undefined) w.kosten = f.kosten;
  return w;
}

/** A letter that can be chosen at a terminal, or the reason it is held back. */
export interface BriefKeuzes {
  keuzes: { name: string; value: string }[];
  tegengehouden: string[];
}

/**
 * The follow-ups whose letter is due (all evenings, newest first), for a choice at a terminal, after
 * those held back with their reason, as brief batch would name them. A step that waits only for its
 * overtreder is offered: the next question designates him.
 */
export function listBriefKeuzes(store: Store, vandaag: string, eigen: string | undefined): Promise<BriefKeuzes> {
  const p = planning(vandaag, eigen);
  return store.read(async (sql) => {
    const keuzes: BriefKeuzes["keuzes"] = [];
    const tegengehouden: string[] = [];
    for (const avond of await listAvonden(sql)) {
      for (const o of await listOpenOpvolgingenVoorBrief(sql, avond.id)) {
        const sjabloon = eigenSjabloon(o, p.ladder);
        if (!sjabloon || (await listBrievenVanOpvolging(sql, o.opvolgingId)).some((b) => b.sjabloon === sjabloon)) continue;
        const kandidaat = vraagtOvertreder(o) ? (await betrokkenenVanAdres(sql, o.adres.id))[0] : undefined;
        const wijziging = kandidaat ? { overtrederId: kandidaat.id } : undefined;
        const b = await beoordeelOpvolging(sql, o, p, { batch: false, wijziging });
        const waar = `${sjabloon}, ${formatAdres(o.adres)}`;
        if (b.soort === "brief") {
          const aan = kandidaat ? "de overtreder (nog aan te wijzen)" : b.item.ontvanger.naam;
          keuzes.push({ name: `${o.opvolgingId}: ${waar} — aan ${aan}`, value: String(o.opvolgingId) });
        } else tegengehouden.push(`  opvolging ${o.opvolgingId} (${waar}): ${b.reden}`);
      }
    }
    return { keuzes, tegengehouden };
  });
}

// ---------------------------------------------------------------------------
// brief batch

export interface BatchResultaat {
  avond: number;
  aantal: number;
  brieven: GemaakteBrief[];
  overgeslagen: Overgeslagen[];
  tegengehouden: Tegengehouden[];
}

/** `brief batch`: the letters due for an evening's follow-ups (and reprints of those made, with --opnieuw). */
export async function makeBatch(
  store: Store,
  inv: { avondId: number; uit: string; opnieuw: boolean },
  om: BriefOmgeving,
): Promise<BatchResultaat> {
  await store.read((sql) => requireAvond(sql, inv.avondId));
  om.map(inv.uit); // a file in the way is the user's error, also when nothing is due; a new folder is announced
  const p = planning(om.vandaag, om.eigen);
  let laatste: Plan | undefined;
  const brieven = await voerUit(
    store,
    async (sql) => {
      const items: BriefItem[] = [];
      const overgeslagen: Overgeslagen[] = [];
      const tegengehouden: Tegengehouden[] = [];
      for (const o of await listOpenOpvolgingenVoorBrief(sql, inv.avondId)) {
        const al = (await listBrievenVanOpvolging(sql, o.opvolgingId)).filter((b) => b.sjabloon === o.sjabloon);
        if (al.length) {
          overgeslagen.push({ opvolging: o.opvolgingId, reden: `al verstuurd (${al.map((b) => b.kenmerk).join(", ")})` });
          continue;
        }
        const b = await beoordeelOpvolging(sql, o, p, { batch: true });
        if (b.soort === "brief") items.push(b.item);
        else if (b.soort === "overgeslagen") overgeslagen.push({ opvolging: o.opvolgingId, reden: b.reden });
        else tegengehouden.push({ opvolging: o.opvolgingId, stap: o.stap, reden: b.reden, tot: b.tot });
      }
      const herdruk: Plan["herdruk"] = [];
      if (inv.opnieuw) {
        for (const r of await listBrieven(sql, { avondId: inv.avondId })) {
          const rij = (await listBrievenVanOpvolging(sql, r.opvolgingen[0]!)).find((x) => x.id === r.id)!;
          herdruk.push({ rij, groep: await herdrukGroep(sql, rij) });
        }
      }
      laatste = { groepen: groupBrieven(items), herdruk, overgeslagen, tegengehouden };
      return laatste;
    },
    om,
    { uit: inv.uit },
  );
  const plan = laatste!;
  return {
    avond: inv.avondId,
    aantal: brieven.length,
    brieven,
    overgeslagen: [...plan.overgeslagen].sort((a, b) => a.opvolging - b.opvolging),
    tegengehouden: plan.tegengehouden,
  };
}

// ---------------------------------------------------------------------------
// Making letters: render outside the lock, check and write inside it

export interface GemaakteBrief {
  id: number;
  kenmerk: string;
  sjabloon: string;
  bestand: string;
  datum: string;
  adres_id: number;
  ontvanger: string;
  betrokkene_id: number | null;
  opvolgingen: number[];
  herdrukt: boolean;
  /** The ladder steps the letter made due: the next step of each zaak. */
  vervolg: { opvolging: number; actie: string; niet_voor: string | null }[];
}

interface Vel {
  groep: BriefGroep;
  briefhoofd: Briefhoofd;
  context: BriefContext;
  bestand: string;
  herdruk?: GemaakteBriefRij;
}

/** Another run changed what is due (or used the kenmerken) between rendering and writing: start again. */
class Ingehaald extends Error {}

const POGINGEN = 5;

/** The letters of a plan with their kenmerk, date, letterhead, context and file name. */
async function opmaak(sql: Sql, plan: Plan, o: { datum: string; uit: string | undefined }): Promise<Vel[]> {
  const jaar = Number(o.datum.slice(0, 4));
  const teller = await getLaatsteNummer(sql, "brief", jaar);
  const vel = async (groep: BriefGroep, datum: string, kenmerk: string) => {
    const { eigen, ...briefhoofd } = await briefhoofdVan(sql, groep.adres.gemeente);
    const betrokkenen = (await betrokkenenVanAdres(sql, groep.adres.id)).map((b) => ({ id: b.id, naam: b.naam, rol: b.rol }));
    return { briefhoofd, context: briefContext({ groep, briefhoofd, datum, kenmerk, kalender: kalender(), betrokkenen }) };
  };
  const vellen: Vel[] = [];
  for (const [i, groep] of plan.groepen.entries()) {
    const kenmerk = formatKenmerk(jaar, teller + i + 1);
    vellen.push({
      groep,
      ...(await vel(groep, o.datum, kenmerk)),
      bestand: path.join(path.resolve(o.uit ?? "."), briefBestandsnaam(o.datum, kenmerk, groep.sjabloon, groep.adres)),
    });
  }
  for (const { rij, groep } of plan.herdruk) {
    vellen.push({
      groep,
      ...(await vel(groep, rij.datum, rij.kenmerk)),
      bestand: o.uit ? naamIn(o.uit, rij.bestand) : rij.bestand,
      herdruk: rij,
    });
  }
  return vellen;
}

const handtekening = (vellen: Vel[]) => JSON.stringify(vellen.map((v) => [v.bestand, v.context]));

/**
 * Makes the letters a planner chooses (issue 17: atomic under concurrency). The PDFs are rendered
 * with provisional kenmerken into private temporary files outside the lock; then, inside one
 * write transaction, the plan and the kenmerk counter are read again: if another run got in
 * between, everything starts over; else the letters are recorded, their steps completed, the
 * next steps created and the files moved into place, all or nothing.
 */
async function voerUit(
  store: Store,
  planner: (sql: Sql) => Promise<Plan>,
  om: BriefOmgeving,
  opts: { uit: string | undefined; wijziging?: { zaakId: number; velden: ZaakVelden } },
): Promise<GemaakteBrief[]> {
  const datum = om.vandaag;
  const jaar = Number(datum.slice(0, 4));
  for (let poging = 1; poging <= POGINGEN; poging++) {
    const vellen = await store.read(async (sql) => opmaak(sql, await planner(sql), { datum, uit: opts.uit }));
    if (vellen.length === 0) return [];
    for (const dir of new Set(vellen.map((v) => path.dirname(v.bestand)))) om.map(dir); // created and said so, never silently
    const gestaged: Gestaged[] = [];
    const voortgang = om.voortgang(vellen.length);
    try {
      const sjablonen = new Map<string, ReturnType<typeof loadSjabloon>>();
      for (const [i, v] of vellen.entries()) {
        if (!sjablonen.has(v.groep.sjabloon)) sjablonen.set(v.groep.sjabloon, loadSjabloon(v.groep.sjabloon, om.eigen));
        const gevuld = fillSjabloon(sjablonen.get(v.groep.sjabloon)!, v.context);
        gestaged.push(
          stage(
            v.bestand,
            await pdfToBuffer(briefPdf({ context: v.context, briefhoofd: v.briefhoofd, ...gevuld })),
            v.herdruk !== undefined,
          ),
        );
        voortgang(i + 1);
      }
    } catch (err) {
      cleanUpBrieven(gestaged, new Set());
      throw err;
    }
    const geplaatst = new Set<Gestaged>();
    try {
      return await store.change(async (tx) => {
        const nu = await opmaak(tx.sql, await planner(tx.sql), { datum, uit: opts.uit });
        if (handtekening(nu) !== handtekening(vellen)) throw new Ingehaald();
        if (opts.wijziging) await updateZaak(tx, opts.wijziging.zaakId, opts.wijziging.velden);
        const nieuw = vellen.filter((v) => !v.herdruk);
        const gemaakt: GemaakteBrief[] = [];
        for (const v of vellen) gemaakt.push(v.herdruk ? await herdrukt(tx, v) : await registreer(tx, v, datum));
        if (nieuw.length) await reserveNummers(tx, "brief", jaar, nieuw.length);
        for (const g of gestaged) {
          placeBrief(g);
          geplaatst.add(g);
        }
        return gemaakt;
      });
    } catch (err) {
      cleanUpBrieven(gestaged, geplaatst);
      if (err instanceof Ingehaald) continue;
      throw err;
    }
  }
  throw new UserError("database-bezet", "Er werden tegelijk andere brieven gemaakt; er is niets gewijzigd, probeer het opnieuw");
}

function beschrijf(v: Vel, id: number, herdrukt: boolean, vervolg: GemaakteBrief["vervolg"]): GemaakteBrief {
  return {
    id,
    kenmerk: v.context.brief.kenmerk,
    sjabloon: v.groep.sjabloon,
    bestand: v.bestand,
    datum: v.context.brief.datum,
    adres_id: v.groep.adres.id,
    ontvanger: v.context.ontvanger.naam,
    betrokkene_id: v.groep.ontvanger.soort === "betrokkene" ? v.groep.ontvanger.id : null,
    opvolgingen: v.groep.opvolgingen.map((o) => o.opvolgingId),
    herdrukt,
    vervolg,
  };
}

async function herdrukt(tx: Tx, v: Vel): Promise<GemaakteBrief> {
  await updateBriefBestand(tx, v.herdruk!.id, v.bestand);
  return beschrijf(v, v.herdruk!.id, true, []);
}

/** Records a new letter and what sending it completes: its ladder steps (and the next ones) or its plain follow-ups. */
async function registreer(tx: Tx, v: Vel, datum: string): Promise<GemaakteBrief> {
  const kenmerk = v.context.brief.kenmerk;
  const om = ladderOmgeving();
  const id = await insertBrief(tx, {
    kenmerk,
    sjabloon: v.groep.sjabloon,
    adresId: v.groep.adres.id,
    betrokkeneId: v.groep.ontvanger.soort === "betrokkene" ? v.groep.ontvanger.id : null,
    bestand: v.bestand,
    datum,
    opvolgingen: v.groep.opvolgingen.map((o) => o.opvolgingId),
  });
  const resultaat = `Verzonden met brief ${kenmerk} van ${formatDutch(datum)}`;
  const vervolg: GemaakteBrief["vervolg"] = [];
  for (const o of v.groep.opvolgingen as BriefOpvolgingRij[]) {
    if (eigenSjabloon(o, om.ladder) !== v.groep.sjabloon) continue; // an extra letter: it completes nothing
    if (o.zaak && o.stap) {
      if (!briefVoltooit(om.ladder, o.stap)) continue; // an announcement
      const volgende = await completeStap(tx, o.zaak.id, o.opvolgingId, datum, resultaat, om);
      if (volgende !== null) {
        const r = await requireOpvolging(tx.sql, volgende);
        vervolg.push({ opvolging: volgende, actie: r.actie, niet_voor: r.niet_voor });
      }
    } else if (!o.stap) await closeOpvolging(tx, o.opvolgingId, "afgerond", datum, resultaat);
  }
  return beschrijf(v, id, false, vervolg);
}

// ---------------------------------------------------------------------------
// brief voorbeeld

/** `brief voorbeeld`: a template filled with sample data under a gemeente's standard letterhead (no database). */
export async function makeVoorbeeld(
  naam: string,
  o: { eigen: string | undefined; gemeente: string; datum: string },
): Promise<{ pdf: Buffer; titel: string; bron: string }> {
  const s = loadSjabloon(naam, o.eigen);
  const briefhoofd = makeBriefhoofd(o.gemeente, undefined, standaardBriefhoofd(o.gemeente));
  const context = briefContext({
    groep: voorbeeldGroep(naam, s.aanPartner, o.datum),
    briefhoofd,
    datum: o.datum,
    kenmerk: formatKenmerk(Number(o.datum.slice(0, 4)), 0),
    kalender: kalender(),
    betrokkenen: [{ id: 1, naam: "Woonstichting De Kempen", rol: "eigenaar" }],
  });
  const gevuld = fillSjabloon(s, context);
  return { pdf: await pdfToBuffer(briefPdf({ context, briefhoofd, ...gevuld })), titel: s.titel, bron: s.bron };
}
