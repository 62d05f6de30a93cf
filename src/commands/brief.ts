import path from "node:path";
import type { Command } from "commander";
import { action, type Runtime } from "./runtime.js";
import type { Ctx } from "../context.js";
import type { Tx } from "../db/audit.js";
import type { Db } from "../db/connection.js";
import { betrokkenenVanAdres, requireBetrokkene } from "../db/betrokkene.js";
import { listAvondenKort } from "../db/bevinding.js";
import {
  avondBestaat,
  brievenVanOpvolging,
  getBriefhoofd,
  herdrukBrief,
  insertBrief,
  kenmerkTeller,
  listBrieven,
  openOpvolgingenVanAvond,
  requireOpvolgingVoorBrief,
  zetKenmerkTeller,
  type BriefOpvolgingRij,
  type GemaakteBriefRij,
} from "../db/brief.js";
import { overtrederVoorZaak, sluitOpvolging, voltooiStap, zetZaak, type ZaakVelden } from "../db/handhaving.js";
import { findGemeente, requirePartner } from "../db/referentie.js";
import { parseEuro } from "../domain/bedrag.js";
import {
  briefBestandsnaam,
  formatKenmerk,
  volledigAdres,
  groepeerBrieven,
  maakBriefhoofd,
  type BriefGroep,
  type BriefItem,
  type Ontvanger,
  type Overgeslagen,
  type Tegengehouden,
} from "../domain/brief.js";
import { briefContext, type BriefContext } from "../domain/brief-context.js";
import { beoordeel, type Beoordeling } from "../domain/brief-plan.js";
import { voorbeeldGroep } from "../domain/brief-voorbeeld.js";
import { formatDutch } from "../domain/dates.js";
import { optionalText, parseId } from "../domain/invoer.js";
import { briefVoltooit, stapSjabloon, type LadderData } from "../domain/ladder.js";
import { isGesloten } from "../domain/opvolging.js";
import { missingFlag, UserError, notFound } from "../errors.js";
import { kalender } from "../io/atw.js";
import { naamIn, plaats, ruimOp, stage, type Gestaged } from "../io/brief-bestanden.js";
import { ladderData } from "../io/ladder.js";
import { writeOutput } from "../io/output-file.js";
import { eigenSjabloonMap, laadSjabloon, standaardBriefhoofd } from "../io/sjablonen.js";
import { briefPdf } from "../render/pdf/brief.js";
import { pdfToBuffer } from "../render/pdf/document.js";
import { vulSjabloon } from "../render/sjabloon.js";
import { renderTable } from "../render/table.js";
import { kiesAvondId } from "./avond-keuze.js";
import { verplicht } from "./hulp.js";
import { aantal } from "../domain/tekst.js";

interface MaakOpts {
  opvolging?: string;
  sjabloon?: string;
  aan?: string;
  uit?: string;
  opnieuw?: boolean;
  sjablonen?: string;
  bedrag?: string;
  maximum?: string;
  overtreder?: string;
  hoedanigheid?: string;
  kosten?: string;
}

interface BatchOpts {
  avond?: string;
  uit?: string;
  opnieuw?: boolean;
  sjablonen?: string;
}

export function register(program: Command, rt: Runtime): void {
  const brief = program.command("brief").description("brieven bij de opvolging: maken, in batch per avond, voorbeeld van een sjabloon");

  brief
    .command("maak")
    .description("maak de brief bij één opvolging; een stap van de handhavingsladder alleen als die aan de beurt is")
    .addOption(verplicht("--opvolging <id>", "opvolging-id; in een terminal kies je uit de brieven die aan de beurt zijn"))
    .option("--sjabloon <naam>", "sjabloon (standaard: dat van de opvolging of van de stap op de handhavingsladder)")
    .option("--aan <betrokkene-id>", "ontvanger (standaard: de overtreder, anders de eigenaar van het adres)")
    .addOption(verplicht("--uit <map>", "map voor de PDF (bij --opnieuw standaard de map van de eerste afdruk)"))
    .option("--opnieuw", "druk een gemaakte brief opnieuw af, met hetzelfde kenmerk en dezelfde datum")
    .option("--sjablonen <map>", "eigen sjablonenmap (of INTERVENTIE_SJABLONEN)")
    .option("--overtreder <betrokkene-id>", "wijs de overtreder van de handhavingszaak aan (vóór het voornemen)")
    .option("--hoedanigheid <tekst>", 'als wat de overtreder wordt aangesproken, bijv. "verhuurder van de woning"')
    .option("--bedrag <tekst>", 'dwangsom van deze zaak, bijv. "€ 2.500" (vóór het voornemen)')
    .option("--maximum <tekst>", 'maximum van de dwangsom, bijv. "€ 25.000" (vóór het voornemen)')
    .option("--kosten <bedrag>", "kosten van de uitgevoerde bestuursdwang, voor de kostenbeschikking")
    .action(action<MaakOpts>(rt, maak));

  brief
    .command("batch")
    .description("maak de brieven die voor een controleavond aan de beurt zijn; noemt wat wordt tegengehouden en tot wanneer")
    .addOption(verplicht("--avond <id>", "avond-id; in een terminal kies je uit de avonden"))
    .addOption(verplicht("--uit <map>", "map voor de PDF's"))
    .option("--opnieuw", "druk ook de brieven die al gemaakt zijn opnieuw af (zelfde kenmerk en datum)")
    .option("--sjablonen <map>", "eigen sjablonenmap (of INTERVENTIE_SJABLONEN)")
    .action(action<BatchOpts>(rt, batch));

  brief
    .command("lijst")
    .description("toon de gemaakte brieven (kenmerk, sjabloon, adres, ontvanger, bestand)")
    .option("--avond <id>", "alleen brieven over bevindingen van deze avond")
    .action(
      action<{ avond?: string }>(rt, (ctx, opts) => {
        const rows = listBrieven(ctx.db(), { avondId: opts.avond !== undefined ? parseId("avond", opts.avond) : undefined });
        if (!ctx.json && rows.length === 0) {
          ctx.out("Nog geen brieven.");
          return;
        }
        ctx.emit(rows, () =>
          renderTable(
            rows,
            [
              { header: "kenmerk", value: (r) => r.kenmerk, priority: 1 },
              { header: "datum", value: (r) => formatDutch(r.datum), priority: 3 },
              { header: "sjabloon", value: (r) => r.sjabloon, priority: 2 },
              { header: "adres", value: (r) => r.adres, priority: 3 },
              { header: "aan", value: (r) => r.ontvanger, priority: 4 },
              { header: "opvolging", value: (r) => r.opvolgingen.join(", "), priority: 6 },
              // The name carries date, kenmerk, template and address, all shown already: cut short, whole in --json.
              { header: "bestand", value: (r) => path.basename(r.bestand), overflow: "shorten", min: 16, priority: 8 },
            ],
            ctx.color,
          ),
        );
      }),
    );

  brief
    .command("voorbeeld")
    .description("toon een sjabloon gevuld met voorbeeldgegevens (zonder database)")
    .option("--sjabloon <naam>", "sjabloonnaam; zie: sjabloon lijst")
    .option("--uit <bestand>", "PDF-bestand")
    .option("--overschrijven", "een bestaand PDF-bestand vervangen")
    .option("--gemeente <naam>", "briefhoofd van deze gemeente", "Veldhoven")
    .option("--sjablonen <map>", "eigen sjablonenmap (of INTERVENTIE_SJABLONEN)")
    .action(action<VoorbeeldOpts>(rt, voorbeeld));
}

// ---------------------------------------------------------------------------
// What to make

interface Plan {
  groepen: BriefGroep[];
  herdruk: { rij: GemaakteBriefRij; groep: BriefGroep }[];
  overgeslagen: Overgeslagen[];
  tegengehouden: Tegengehouden[];
}

/** Everything a planner needs besides the database; loaded once, outside the lock. */
interface Omgeving {
  vandaag: string;
  ladder: LadderData;
  eigen: string | undefined;
  aanPartner: (sjabloon: string) => boolean;
}

function omgeving(ctx: Ctx, eigen: string | undefined): Omgeving {
  const cache = new Map<string, boolean>();
  return {
    vandaag: ctx.today(),
    ladder: ladderData(),
    eigen,
    aanPartner: (naam) => {
      if (!cache.has(naam)) cache.set(naam, laadSjabloon(naam, eigen).aanPartner);
      return cache.get(naam)!;
    },
  };
}

const hints = (zaakId: number) => ({
  overtreder: `interventie handhaving zet ${zaakId} --overtreder <betrokkene-id> --hoedanigheid <tekst>`,
  weging: (id: number) => `interventie zienswijze wegen ${id} --weging <tekst>`,
  kosten: `interventie handhaving zet ${zaakId} --kosten <bedrag>`,
  rapport: (avond: number, adres: number) =>
    `interventie rapport bevindingen --avond ${avond} --adres ${adres} --pdf <bestand> --onderteken`,
});

/** One follow-up judged: its letter, or why none (yet). `wijziging` is what this command sets on the zaak first. */
function beoordeelOpvolging(
  db: Db,
  o: BriefOpvolgingRij,
  om: Omgeving,
  opts: { sjabloon?: string; aan?: number; batch: boolean; wijziging?: ZaakVelden },
): Beoordeling {
  if (o.zaak && opts.wijziging) pasToe(o, opts.wijziging);
  const aan = opts.aan !== undefined ? requireBetrokkene(db, opts.aan) : undefined;
  return beoordeel({
    o,
    sjabloon: opts.sjabloon,
    aanPartner: om.aanPartner,
    betrokkenen: betrokkenenVanAdres(db, o.adres.id),
    partner: requirePartner(db, o.partner),
    aan,
    batch: opts.batch,
    vandaag: om.vandaag,
    kalender: kalender(),
    ladder: om.ladder,
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
function herdrukGroep(db: Db, rij: GemaakteBriefRij): BriefGroep {
  const opvolgingen = rij.opvolgingen.map((id) => requireOpvolgingVoorBrief(db, id));
  const eerste = opvolgingen[0]!;
  let ontvanger: Ontvanger;
  if (rij.betrokkene_id !== null) {
    const b = requireBetrokkene(db, rij.betrokkene_id);
    const rol = betrokkenenVanAdres(db, eerste.adres.id).find((x) => x.id === b.id)?.rol ?? null;
    ontvanger = { soort: "betrokkene", id: b.id, naam: b.naam, postadres: b.postadres, rol };
  } else {
    const p = requirePartner(db, eerste.partner);
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

// ---------------------------------------------------------------------------
// brief maak

async function maak(ctx: Ctx, opts: MaakOpts): Promise<void> {
  const eigen = eigenSjabloonMap(opts.sjablonen, ctx.streams.env);
  const opvolgingId = await kiesBriefAanDeBeurt(ctx, opts.opvolging, eigen);
  const uit = opts.opnieuw ? opts.uit : await ctx.needText("uit", opts.uit, "Map voor de PDF");
  const bedrag = opts.bedrag !== undefined ? parseEuro(opts.bedrag, "bedrag") : undefined;
  const maximum = opts.maximum !== undefined ? parseEuro(opts.maximum, "maximum") : undefined;
  const kosten = opts.kosten !== undefined ? parseEuro(opts.kosten, "kosten") : undefined;
  const overtreder = opts.overtreder !== undefined ? parseId("overtreder", opts.overtreder) : undefined;
  const hoedanigheid = optionalText("hoedanigheid", opts.hoedanigheid, 200) ?? undefined;
  const aan = opts.aan !== undefined ? parseId("aan", opts.aan) : undefined;
  if (opts.sjabloon !== undefined) laadSjabloon(opts.sjabloon, eigen); // refuse bad names before touching the database
  const db = ctx.db();
  const om = omgeving(ctx, eigen);
  const o = requireOpvolgingVoorBrief(db, opvolgingId);
  const sjabloon = opts.sjabloon ?? o.sjabloon ?? (o.zaak && o.stap ? stapSjabloon(om.ladder, o.stap, o.zaak.profiel.spoor) : undefined);
  if (!sjabloon) {
    throw new UserError(
      "geen-sjabloon",
      `Opvolging ${o.opvolgingId} (actie "${o.actie}") heeft geen standaardbrief; kies er een met --sjabloon <naam> (zie: sjabloon lijst)`,
    );
  }
  const eerder = brievenVanOpvolging(db, o.opvolgingId).filter((b) => b.sjabloon === sjabloon);
  if (eerder.length && !opts.opnieuw) {
    throw new UserError(
      "al-verstuurd",
      `Opvolging ${o.opvolgingId} heeft al brief ${eerder.map((b) => b.kenmerk).join(", ")}; gebruik --opnieuw om hem opnieuw af te drukken (zelfde kenmerk en datum)`,
    );
  }
  if (eerder.length) {
    const rij = eerder[eerder.length - 1]!;
    const [gemaakt] = await voerUit(
      ctx,
      (d) => ({ groepen: [], herdruk: [{ rij, groep: herdrukGroep(d, rij) }], overgeslagen: [], tegengehouden: [] }),
      {
        uit,
        eigen,
      },
    );
    ctx.emit(gemaakt, () => `Brief ${gemaakt!.kenmerk} van ${formatDutch(gemaakt!.datum)} opnieuw afgedrukt: ${gemaakt!.bestand}`);
    return;
  }
  if (isGesloten(o.status)) throw new UserError("al-gesloten", `Opvolging ${o.opvolgingId} is al ${o.status}; er is geen brief meer nodig`);
  const wijziging = await zaakWijziging(ctx, db, o, { bedrag, maximum, kosten, overtreder, hoedanigheid });
  const [gemaakt] = await voerUit(
    ctx,
    (d) => {
      const b = beoordeelOpvolging(d, requireOpvolgingVoorBrief(d, opvolgingId), om, { sjabloon, aan, batch: false, wijziging });
      if (b.soort !== "brief") throw new UserError(b.soort === "tegengehouden" ? "niet-aan-de-beurt" : "geen-brief", eenRegel(b.reden));
      return { groepen: groepeerBrieven([b.item]), herdruk: [], overgeslagen: [], tegengehouden: [] };
    },
    { uit, eigen, wijziging: o.zaak ? { zaakId: o.zaak.id, velden: wijziging } : undefined },
  );
  ctx.emit(gemaakt, () =>
    [
      `Brief ${gemaakt!.kenmerk} (${sjabloon}) aan ${gemaakt!.ontvanger}: ${gemaakt!.bestand}`,
      ...gemaakt!.vervolg.map((v) =>
        ctx.color.yellow(
          `Volgende stap: ${v.actie}${v.niet_voor ? `, vanaf ${formatDutch(v.niet_voor)}` : ""} (opvolging ${v.opvolging}).`,
        ),
      ),
    ].join("\n"),
  );
}

/**
 * --opvolging, or at a terminal a choice of the follow-ups whose letter is due (all evenings, newest
 * first), after those held back with their reason, as brief batch would name them. A step that
 * waits only for its overtreder is offered: the next question designates him.
 */
async function kiesBriefAanDeBeurt(ctx: Ctx, raw: string | undefined, eigen: string | undefined): Promise<number> {
  if (raw !== undefined && raw !== "") return parseId("opvolging", raw);
  if (!ctx.interactive) throw missingFlag("opvolging");
  const db = ctx.db();
  const om = omgeving(ctx, eigen);
  const keuzes: { name: string; value: string }[] = [];
  const tegengehouden: string[] = [];
  for (const avond of listAvondenKort(db)) {
    for (const o of openOpvolgingenVanAvond(db, avond.id)) {
      const sjabloon = o.sjabloon ?? (o.zaak && o.stap ? stapSjabloon(om.ladder, o.stap, o.zaak.profiel.spoor) : undefined);
      if (!sjabloon || brievenVanOpvolging(db, o.opvolgingId).some((b) => b.sjabloon === sjabloon)) continue;
      const kandidaat = vraagtOvertreder(o) ? betrokkenenVanAdres(db, o.adres.id)[0] : undefined;
      const wijziging = kandidaat ? { overtrederId: kandidaat.id } : undefined;
      const b = beoordeelOpvolging(db, o, om, { batch: false, wijziging });
      const waar = `${sjabloon}, ${volledigAdres(o.adres)}`;
      if (b.soort === "brief") {
        const aan = kandidaat ? "de overtreder (nog aan te wijzen)" : b.item.ontvanger.naam;
        keuzes.push({ name: `${o.opvolgingId}: ${waar} — aan ${aan}`, value: String(o.opvolgingId) });
      } else tegengehouden.push(`  opvolging ${o.opvolgingId} (${waar}): ${b.reden}`);
    }
  }
  if (tegengehouden.length) ctx.say(["Nog niet aan de beurt:", ...tegengehouden].join("\n"));
  const gekozen = await ctx.needChoice("opvolging", undefined, "Welke brief maken?", keuzes, {
    leeg: `Er is geen brief aan de beurt${tegengehouden.length ? " (zie hierboven wat wordt tegengehouden)" : ""}; zie interventie opvolging lijst`,
  });
  return parseId("opvolging", gekozen);
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

/**
 * What `brief maak` sets on the zaak together with the letter: the overtreder (a prompt at a
 * terminal when the step needs one and none is designated), the dwangsom, the costs.
 */
async function zaakWijziging(
  ctx: Ctx,
  db: Db,
  o: BriefOpvolgingRij,
  f: { bedrag?: number; maximum?: number; kosten?: number; overtreder?: number; hoedanigheid?: string },
): Promise<ZaakVelden> {
  const gegeven = Object.values(f).some((v) => v !== undefined);
  if (!o.zaak) {
    if (gegeven) throw new UserError("ongeldige-invoer", `Opvolging ${o.opvolgingId} hoort niet bij een handhavingszaak van de gemeente`);
    return {};
  }
  const z = o.zaak;
  const w: ZaakVelden = {};
  let overtreder = f.overtreder;
  if (overtreder === undefined && vraagtOvertreder(o) && ctx.interactive) {
    const kandidaten = betrokkenenVanAdres(db, o.adres.id);
    if (kandidaten.length) {
      overtreder = Number(
        await ctx.prompts.select({
          message: "Wie is de overtreder (artikel 5:1 Awb)?",
          choices: kandidaten.map((b) => ({ name: `${b.naam} (${b.rol})`, value: String(b.id) })),
        }),
      );
    }
  }
  if (overtreder !== undefined) {
    const adres = { id: o.adres.id, volledig: volledigAdres(o.adres) };
    const standaard = overtrederVoorZaak(db, z, adres, overtreder, f.hoedanigheid);
    const hoedanigheid =
      f.hoedanigheid ??
      (ctx.interactive && f.overtreder === undefined
        ? await ctx.prompts.input({ message: "Als wat wordt de overtreder aangesproken?", default: standaard.hoedanigheid })
        : standaard.hoedanigheid);
    Object.assign(w, overtrederVoorZaak(db, z, adres, overtreder, hoedanigheid));
  } else if (f.hoedanigheid !== undefined) {
    if (z.overtrederId === null) throw new UserError("ontbrekende-optie", "--hoedanigheid hoort bij --overtreder <betrokkene-id>");
    Object.assign(w, overtrederVoorZaak(db, z, { id: o.adres.id, volledig: volledigAdres(o.adres) }, z.overtrederId, f.hoedanigheid));
  }
  if (f.bedrag !== undefined || f.maximum !== undefined) {
    const d = z.profiel.dwangsom;
    if (!d) throw new UserError("ongeldige-invoer", `Handhavingszaak ${z.id} is geen last onder dwangsom`);
    w.dwangsom = { bedrag: f.bedrag ?? d.bedrag, per: d.per, maximum: f.maximum ?? d.maximum };
  }
  if (f.kosten !== undefined) w.kosten = f.kosten;
  return w;
}

// ---------------------------------------------------------------------------
// brief batch

async function batch(ctx: Ctx, opts: BatchOpts): Promise<void> {
  const eigen = eigenSjabloonMap(opts.sjablonen, ctx.streams.env);
  const avondId = await kiesAvondId(ctx, opts.avond, "avond", missingFlag("avond"));
  const uit = await ctx.needText("uit", opts.uit, "Map voor de PDF's");
  const db = ctx.db();
  if (!avondBestaat(db, avondId)) throw notFound("Avond", avondId);
  ctx.outputFolder(uit); // a file in the way is the user's error, also when nothing is due; a new folder is announced
  const om = omgeving(ctx, eigen);
  let laatste: Plan | undefined;
  const brieven = await voerUit(
    ctx,
    (d) => {
      const items: BriefItem[] = [];
      const overgeslagen: Overgeslagen[] = [];
      const tegengehouden: Tegengehouden[] = [];
      for (const o of openOpvolgingenVanAvond(d, avondId)) {
        const al = brievenVanOpvolging(d, o.opvolgingId).filter((b) => b.sjabloon === o.sjabloon);
        if (al.length) {
          overgeslagen.push({ opvolging: o.opvolgingId, reden: `al verstuurd (${al.map((b) => b.kenmerk).join(", ")})` });
          continue;
        }
        const b = beoordeelOpvolging(d, o, om, { batch: true });
        if (b.soort === "brief") items.push(b.item);
        else if (b.soort === "overgeslagen") overgeslagen.push({ opvolging: o.opvolgingId, reden: b.reden });
        else tegengehouden.push({ opvolging: o.opvolgingId, stap: o.stap, reden: b.reden, tot: b.tot });
      }
      const herdruk = opts.opnieuw
        ? listBrieven(d, { avondId }).map((r) => {
            const rij = brievenVanOpvolging(d, r.opvolgingen[0]!).find((x) => x.id === r.id)!;
            return { rij, groep: herdrukGroep(d, rij) };
          })
        : [];
      laatste = { groepen: groepeerBrieven(items), herdruk, overgeslagen, tegengehouden };
      return laatste;
    },
    { uit, eigen },
  );
  const plan = laatste!;
  const overgeslagen = [...plan.overgeslagen].sort((a, b) => a.opvolging - b.opvolging);
  if (!ctx.json)
    for (const s of overgeslagen.filter((x) => x.reden.startsWith("geen eigenaar")))
      ctx.warn(`Opvolging ${s.opvolging} overgeslagen: ${s.reden}`);
  ctx.emit({ avond: avondId, aantal: brieven.length, brieven, overgeslagen, tegengehouden: plan.tegengehouden }, () => {
    const lines =
      brieven.length === 0
        ? [`Geen brieven aan de beurt voor avond ${avondId}.`]
        : [
            `${aantal(brieven.length, "brief", "brieven")} ${opts.opnieuw ? "gemaakt of opnieuw afgedrukt" : "gemaakt"} in ${path.resolve(uit)}:`,
            ...brieven.map((b) => `  ${path.basename(b.bestand)}  aan ${b.ontvanger}${b.herdrukt ? " (opnieuw afgedrukt)" : ""}`),
          ];
    if (plan.tegengehouden.length) {
      lines.push(
        "",
        "Tegengehouden (nog niet aan de beurt):",
        ...plan.tegengehouden.map(
          (t) =>
            `  opvolging ${t.opvolging}${t.stap ? ` (${t.stap})` : ""}: ${t.reden}${t.tot && !t.reden.includes(formatDutch(t.tot)) ? ` (vanaf ${formatDutch(t.tot)})` : ""}`,
        ),
      );
    }
    return lines.join("\n");
  });
}

// ---------------------------------------------------------------------------
// Making letters: render outside the lock, check and write inside it

interface GemaakteBrief {
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
  context: BriefContext;
  bestand: string;
  herdruk?: GemaakteBriefRij;
}

/** Another run changed what is due (or used the kenmerken) between rendering and writing: start again. */
class Ingehaald extends Error {}

const POGINGEN = 5;

/** The letters of a plan with their kenmerk, date, context and file name. */
function opmaak(db: Db, plan: Plan, o: { datum: string; teller: number; uit: string | undefined }): Vel[] {
  const jaar = Number(o.datum.slice(0, 4));
  const context = (groep: BriefGroep, datum: string, kenmerk: string) => {
    const briefhoofd = maakBriefhoofdVoor(db, groep);
    const betrokkenen = betrokkenenVanAdres(db, groep.adres.id).map((b) => ({ id: b.id, naam: b.naam, rol: b.rol }));
    return briefContext({ groep, briefhoofd, datum, kenmerk, kalender: kalender(), betrokkenen });
  };
  const nieuw = plan.groepen.map((groep, i): Vel => {
    const kenmerk = formatKenmerk(jaar, o.teller + i + 1);
    return {
      groep,
      context: context(groep, o.datum, kenmerk),
      bestand: path.join(path.resolve(o.uit ?? "."), briefBestandsnaam(o.datum, kenmerk, groep.sjabloon, groep.adres)),
    };
  });
  const herdruk = plan.herdruk.map(({ rij, groep }): Vel => ({
    groep,
    context: context(groep, rij.datum, rij.kenmerk),
    bestand: o.uit ? naamIn(o.uit, rij.bestand) : rij.bestand,
    herdruk: rij,
  }));
  return [...nieuw, ...herdruk];
}

const handtekening = (vellen: Vel[]) => JSON.stringify(vellen.map((v) => [v.bestand, v.context]));

/**
 * Makes the letters a planner chooses (issue 17: atomic under concurrency). The PDFs are rendered
 * with provisional kenmerken into private temporary files outside the lock; then, inside one
 * IMMEDIATE transaction, the plan and the kenmerk counter are read again: if another run got in
 * between, everything starts over; else the letters are recorded, their steps completed, the
 * next steps created and the files moved into place, all or nothing.
 */
async function voerUit(
  ctx: Ctx,
  planner: (db: Db) => Plan,
  opts: { uit: string | undefined; eigen: string | undefined; wijziging?: { zaakId: number; velden: ZaakVelden } },
): Promise<GemaakteBrief[]> {
  const db = ctx.db();
  const datum = ctx.today();
  const jaar = Number(datum.slice(0, 4));
  const ladder = ladderData();
  for (let poging = 1; poging <= POGINGEN; poging++) {
    const vellen = opmaak(db, planner(db), { datum, teller: kenmerkTeller(db, jaar), uit: opts.uit });
    if (vellen.length === 0) return [];
    for (const dir of new Set(vellen.map((v) => path.dirname(v.bestand)))) ctx.outputFolder(dir); // created and said so, never silently
    const gestaged: Gestaged[] = [];
    const progress = voortgang(ctx, vellen.length);
    try {
      const sjablonen = new Map<string, ReturnType<typeof laadSjabloon>>();
      for (const [i, v] of vellen.entries()) {
        if (!sjablonen.has(v.groep.sjabloon)) sjablonen.set(v.groep.sjabloon, laadSjabloon(v.groep.sjabloon, opts.eigen));
        const gevuld = vulSjabloon(sjablonen.get(v.groep.sjabloon)!, v.context);
        const briefhoofd = maakBriefhoofdVoor(db, v.groep);
        gestaged.push(
          stage(v.bestand, await pdfToBuffer(briefPdf({ context: v.context, briefhoofd, ...gevuld })), v.herdruk !== undefined),
        );
        progress(i + 1);
      }
    } catch (err) {
      ruimOp(gestaged, new Set());
      throw err;
    }
    const geplaatst = new Set<Gestaged>();
    try {
      return ctx.change((tx) => {
        const nu = opmaak(tx.db, planner(tx.db), { datum, teller: kenmerkTeller(tx.db, jaar), uit: opts.uit });
        if (handtekening(nu) !== handtekening(vellen)) throw new Ingehaald();
        if (opts.wijziging) zetZaak(tx, opts.wijziging.zaakId, opts.wijziging.velden);
        const nieuw = vellen.filter((v) => !v.herdruk);
        const gemaakt = vellen.map((v) => (v.herdruk ? herdrukt(tx, v) : registreer(tx, v, datum, ladder)));
        if (nieuw.length) zetKenmerkTeller(tx, jaar, kenmerkTeller(tx.db, jaar) + nieuw.length);
        for (const g of gestaged) {
          plaats(g);
          geplaatst.add(g);
        }
        return gemaakt;
      });
    } catch (err) {
      ruimOp(gestaged, geplaatst);
      if (err instanceof Ingehaald) continue;
      throw err;
    }
  }
  throw new UserError("database-bezet", "Er werden tegelijk andere brieven gemaakt; er is niets gewijzigd, probeer het opnieuw");
}

function maakBriefhoofdVoor(db: Db, groep: BriefGroep) {
  const gemeente = findGemeente(db, groep.adres.gemeente);
  return maakBriefhoofd(
    groep.adres.gemeente,
    gemeente ? getBriefhoofd(db, gemeente.id) : undefined,
    standaardBriefhoofd(groep.adres.gemeente),
  );
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

function herdrukt(tx: Tx, v: Vel): GemaakteBrief {
  herdrukBrief(tx, v.herdruk!.id, v.bestand);
  return beschrijf(v, v.herdruk!.id, true, []);
}

/** Records a new letter and what sending it completes: its ladder steps (and the next ones) or its plain follow-ups. */
function registreer(tx: Tx, v: Vel, datum: string, ladder: LadderData): GemaakteBrief {
  const kenmerk = v.context.brief.kenmerk;
  const id = insertBrief(tx, {
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
    const eigen = o.zaak && o.stap ? stapSjabloon(ladder, o.stap, o.zaak.profiel.spoor) : o.sjabloon;
    if (eigen !== v.groep.sjabloon) continue; // an extra letter: it completes nothing
    if (o.zaak && o.stap) {
      if (!briefVoltooit(ladder, o.stap)) continue; // an announcement
      const volgende = voltooiStap(tx, o.zaak.id, o.opvolgingId, datum, resultaat, kalender(), ladder);
      if (volgende !== null) {
        const r = tx.db.prepare("SELECT actie, niet_voor FROM opvolging WHERE id = ?").get(volgende) as {
          actie: string;
          niet_voor: string | null;
        };
        vervolg.push({ opvolging: volgende, actie: r.actie, niet_voor: r.niet_voor });
      }
    } else if (!o.stap) sluitOpvolging(tx, o.opvolgingId, "afgerond", datum, resultaat);
  }
  return beschrijf(v, id, false, vervolg);
}

// ---------------------------------------------------------------------------
// brief voorbeeld

interface VoorbeeldOpts {
  sjabloon?: string;
  uit?: string;
  gemeente: string;
  sjablonen?: string;
  overschrijven?: boolean;
}

async function voorbeeld(ctx: Ctx, opts: VoorbeeldOpts): Promise<void> {
  const eigen = eigenSjabloonMap(opts.sjablonen, ctx.streams.env);
  const naam = await ctx.needText("sjabloon", opts.sjabloon, "Sjabloon");
  const uit = ctx.outputFile(await ctx.needText("uit", opts.uit, "PDF-bestand"), "uit", opts.overschrijven);
  const s = laadSjabloon(naam, eigen);
  const gemeente = opts.gemeente.trim();
  const briefhoofd = maakBriefhoofd(gemeente, undefined, standaardBriefhoofd(gemeente));
  const datum = ctx.today();
  const context = briefContext({
    groep: voorbeeldGroep(naam, s.aanPartner, datum),
    briefhoofd,
    datum,
    kenmerk: formatKenmerk(Number(datum.slice(0, 4)), 0),
    kalender: kalender(),
    betrokkenen: [{ id: 1, naam: "Woonstichting De Kempen", rol: "eigenaar" }],
  });
  const gevuld = vulSjabloon(s, context);
  const buf = await pdfToBuffer(briefPdf({ context, briefhoofd, ...gevuld }));
  writeOutput(uit, buf);
  ctx.emit({ sjabloon: naam, bestand: uit.file, bron: s.bron }, () => `Voorbeeld van ${naam} (${s.titel}): ${uit.file}`);
}

/** A progress bar on stderr for more than five letters, only at a terminal and never with --json. */
function voortgang(ctx: Ctx, totaal: number): (n: number) => void {
  const stderr = ctx.streams.stderr;
  if (totaal <= 5 || ctx.json || !stderr.isTTY) return () => {};
  return (n) => {
    const w = 30;
    const done = Math.round((n / totaal) * w);
    stderr.write(`\r[${"#".repeat(done)}${"-".repeat(w - done)}] ${n}/${totaal} brieven`);
    if (n === totaal) stderr.write("\n");
  };
}
