import type { Command } from "commander";
import { action, type Runtime } from "./runtime.js";
import type { Ctx } from "../context.js";
import type { Tx } from "../db/audit.js";
import { requireAvondKort, requireBevinding } from "../db/bevinding.js";
import type { Db } from "../db/connection.js";
import { insertStap, requireZaak, sluitZaak, volgNa, zaakVanBevinding } from "../db/handhaving.js";
import { insertOpvolging, listOpvolgingen, requireOpvolging, updateOpvolging, type Opvolging } from "../db/opvolging.js";
import { followUpRules, requireCategorie, requireGemeente, requirePartner } from "../db/referentie.js";
import { metGemeente } from "../domain/adres.js";
import { formatDutch, parseDate } from "../domain/dates.js";
import { optionalText, parseEnum, parseId, requireText } from "../domain/invoer.js";
import { briefVoltooit, escaleer, stapNaam, stapSjabloon, type LadderData, type Stap } from "../domain/ladder.js";
import {
  beslis,
  controleerDeadline,
  isGesloten,
  isHercontrole,
  LIJST_FILTERS,
  NIEUWE_STATUSSEN,
  opvolgingView,
  type LijstFilter,
  type Omstandigheden,
} from "../domain/opvolging.js";
import { aantal } from "../domain/tekst.js";
import type { Kalender } from "../domain/termijn.js";
import { kalender } from "../io/atw.js";
import { ladderData } from "../io/ladder.js";
import { laadSjabloon } from "../io/sjablonen.js";
import { renderTable } from "../render/table.js";
import { verplicht } from "./hulp.js";
import { partnerKeuzes } from "./kiezen.js";
import { kiesBevinding, kiesOpvolging, vraagActie, vraagWijziging, type BijwerkenOpts } from "./opvolging-vragen.js";

interface LijstOpts {
  status?: string;
  gemeente?: string;
  partner?: string;
  avond?: string;
  bevinding?: string;
}

export function register(program: Command, rt: Runtime): void {
  const opvolging = program.command("opvolging").description("opvolging van bevindingen: wie doet wat, wanneer, met welk resultaat");

  opvolging
    .command("lijst")
    .description("toon opvolgingen, gesorteerd op deadline; verlopen opvolgingen vallen op")
    .option("--status <status>", `${LIJST_FILTERS.join("|")} (open = nog niet afgesloten)`)
    .option("--gemeente <gemeente>", "alleen adressen in deze gemeente")
    .option("--partner <partner>", "alleen opvolgingen van deze partner")
    .option("--avond <id>", "alleen bevindingen van deze controleavond")
    .option("--bevinding <id>", "alleen deze bevinding")
    .action(action<LijstOpts>(rt, lijst));

  opvolging
    .command("toevoegen")
    .description("voeg een opvolgingsactie toe aan een bevinding (zonder opties: avond, bevinding en actie uit een lijst)")
    .addOption(verplicht("--bevinding <id>", "bevinding"))
    .addOption(verplicht("--actie <tekst>", "bijv. informatiebrief eigenaar, hercontrole, persbericht"))
    .option("--partner <partner>", "wie het doet (standaard: eigenaar van de bevinding)")
    .addOption(verplicht("--deadline <datum>", "uiterlijk (JJJJ-MM-DD of DD-MM-JJJJ), niet vóór de avond"))
    .option("--sjabloon <naam>", "de brief waarmee de actie wordt gedaan (standaard: die van dezelfde actie in de regels van de categorie)")
    .action(action<{ bevinding?: string; actie?: string; partner?: string; deadline?: string; sjabloon?: string }>(rt, toevoegen));

  opvolging
    .command("bijwerken")
    .description("wijzig status, resultaat, deadline of partner; doodgelopen vraagt --resultaat (de reden); zonder opties: vraagt wat")
    .argument("[id]", "opvolging-id; in een terminal kies je uit de open opvolgingen")
    .option("--status <status>", NIEUWE_STATUSSEN.join("|"))
    .option("--resultaat <tekst>", "resultaat, of de reden bij doodgelopen")
    .option("--beeindigd <ja|nee>", "hercontrole: is de overtreding beëindigd? nee = volgende stap op de handhavingsladder")
    .option("--datum <datum>", "bij afsluiten: de dag van de hercontrole of de dag waarop de actie is gedaan (standaard vandaag)")
    .option("--deadline <datum>", "nieuwe deadline")
    .option("--partner <partner>", "nieuwe eigenaar van de actie")
    .action(action<BijwerkenOpts>(rt, (ctx, opts, id) => bijwerken(ctx, opts, id as string | undefined)));
}

function view(o: Opvolging, vandaag: string) {
  return opvolgingView(o, vandaag);
}

function lijst(ctx: Ctx, opts: LijstOpts): void {
  const db = ctx.db();
  const status = opts.status !== undefined ? parseEnum<LijstFilter>("status", opts.status, LIJST_FILTERS) : undefined;
  const rows = listOpvolgingen(db, {
    status,
    gemeenteId: opts.gemeente !== undefined ? requireGemeente(db, opts.gemeente).id : undefined,
    partnerId: opts.partner !== undefined ? requirePartner(db, opts.partner).id : undefined,
    avondId: opts.avond !== undefined ? requireAvondKort(db, parseId("avond", opts.avond)).id : undefined,
    bevindingId: opts.bevinding !== undefined ? parseId("bevinding", opts.bevinding) : undefined,
    vandaag: ctx.today(),
  }).map((o) => view(o, ctx.today()));
  if (!ctx.json && rows.length === 0) {
    ctx.out("Geen opvolgingen gevonden.");
    return;
  }
  const c = ctx.color;
  const verlopen = rows.filter((r) => r.verlopen).length;
  ctx.emit(rows, () =>
    [
      renderTable(
        rows,
        [
          // At 80 columns: what, when, where and how far (issue 14); who, the finding and the result give way first.
          { header: "", value: (r) => (r.verlopen ? c.redBold("!") : ""), priority: 1 },
          { header: "id", value: (r) => r.id, align: "right", priority: 1 },
          {
            header: "deadline",
            priority: 2,
            value: (r) =>
              (r.verlopen ? c.redBold(`${formatDutch(r.deadline)} VERLOPEN`) : formatDutch(r.deadline)) +
              (r.niet_voor && r.niet_voor > ctx.today() && !isGesloten(r.status)
                ? `\n${c.dim(`niet vóór ${formatDutch(r.niet_voor)}`)}`
                : ""),
          },
          { header: "actie", value: (r) => r.actie, priority: 2 },
          { header: "partner", value: (r) => r.partner, priority: 6 },
          { header: "status", value: (r) => r.status, priority: 3 },
          { header: "adres", value: (r) => metGemeente(r.adres, r.gemeente), priority: 3 },
          { header: "bevinding", value: (r) => `${r.bevinding_id}: ${r.categorie}`, priority: 7 },
          { header: "resultaat", value: (r) => r.resultaat ?? "", priority: 8 },
        ],
        c,
      ),
      `${aantal(rows.length, "opvolging", "opvolgingen")}${verlopen ? `, ${c.redBold(`${verlopen} verlopen`)} (gemarkeerd met !, peildatum ${formatDutch(ctx.today())})` : ""}.`,
    ].join("\n"),
  );
}

async function toevoegen(
  ctx: Ctx,
  opts: { bevinding?: string; actie?: string; partner?: string; deadline?: string; sjabloon?: string },
): Promise<void> {
  const db = ctx.db();
  // At a terminal every missing value is asked, and then the partner too (the finding's own is the default).
  const dialog = ctx.interactive && [opts.bevinding, opts.actie, opts.deadline].some((v) => v === undefined || v === "");
  const b = requireBevinding(db, await kiesBevinding(ctx, opts.bevinding));
  const actie = opts.actie ? requireText("actie", opts.actie, 200) : await vraagActie(ctx, b.categorie);
  const partner = requirePartner(
    db,
    opts.partner ??
      (dialog ? await ctx.prompts.select({ message: "Wie doet het?", choices: partnerKeuzes(db), default: b.partner }) : b.partner),
  );
  const deadline = await ctx.needValue("deadline", opts.deadline, "Deadline (JJJJ-MM-DD of DD-MM-JJJJ)", (v) =>
    controleerDeadline(parseDate(v, "deadline"), b.datum),
  );
  if (opts.sjabloon !== undefined) laadSjabloon(opts.sjabloon, undefined); // an existing, safe template name
  // The same action in the category's rules names its letter (reference data, not a map in code).
  const regel = followUpRules(db, requireCategorie(db, b.categorie).id).find((r) => r.actie.toLowerCase() === actie.toLowerCase());
  const id = ctx.change((tx) => {
    // An extra hercontrole of a running zaak is a step of its ladder: a failed one escalates.
    const zaak = isHercontrole(actie) ? zaakVanBevinding(tx.db, b.id) : undefined;
    const alsStap = zaak?.status === "lopend";
    return insertOpvolging(tx, {
      bevindingId: b.id,
      actie,
      partnerId: partner.id,
      deadline,
      stap: alsStap ? "hercontrole" : null,
      sjabloon:
        opts.sjabloon ?? (alsStap ? (stapSjabloon(ladderData(), "hercontrole", zaak!.profiel.spoor) ?? null) : (regel?.sjabloon ?? null)),
    });
  });
  const o = view(requireOpvolging(db, id), ctx.today());
  ctx.emit(o, () => `Opvolging ${id} toegevoegd aan bevinding ${b.id}: ${actie} — ${partner.naam} — uiterlijk ${formatDutch(deadline)}.`);
}

interface Voorstel {
  id: number;
  stap: string;
  actie: string;
  partner: string;
  niet_voor: string | null;
  deadline: string;
}

/** What a change did to the handhavingszaak, for the user: the next step, or why there is none. */
interface LadderGevolg {
  voorstel?: Voorstel;
  melding?: string;
}

/** The flags (or the answers) of `opvolging bijwerken`, parsed: a bad value is exit 2 before anything changes. */
function parseWijziging(opts: BijwerkenOpts) {
  return {
    status: opts.status !== undefined ? parseEnum("status", opts.status, NIEUWE_STATUSSEN) : undefined,
    resultaat: opts.resultaat !== undefined ? (optionalText("resultaat", opts.resultaat, 2000) ?? "") : undefined,
    beeindigd: opts.beeindigd !== undefined ? parseEnum("beeindigd", opts.beeindigd, ["ja", "nee"] as const) === "ja" : undefined,
    deadline: opts.deadline !== undefined ? parseDate(opts.deadline, "deadline") : undefined,
    partner: opts.partner,
    datum: opts.datum !== undefined ? parseDate(opts.datum, "datum") : undefined,
  };
}

/** What beslis needs to know besides the change: the evening, today, and whether a letter completes the step. */
function omstandigheden(o: Opvolging, vandaag: string, ladder: LadderData): Omstandigheden {
  const stap = o.stap as Stap | null;
  return { avondDatum: o.avond_datum, vandaag, briefStap: stap !== null && briefVoltooit(ladder, stap) };
}

async function bijwerken(ctx: Ctx, flags: BijwerkenOpts, rawId: string | undefined): Promise<void> {
  const db = ctx.db();
  const id = await kiesOpvolging(ctx, rawId);
  const gegeven = Object.values(flags).some((v) => v !== undefined);
  parseWijziging(flags);
  const huidig = requireOpvolging(db, id); // an unknown id is the user's error before anything is asked
  const k = kalender();
  const ladder = ladderData();
  const opts = gegeven || !ctx.interactive ? flags : await vraagWijziging(ctx, huidig, omstandigheden(huidig, ctx.today(), ladder));
  const { status, resultaat, beeindigd, deadline, datum } = parseWijziging(opts);
  const velden = Object.entries({ status, resultaat, beeindigd, deadline, partner: opts.partner, datum })
    .filter(([, v]) => v !== undefined)
    .map(([k2]) => k2);

  // Read, decide and write in one IMMEDIATE transaction: two people closing the same hercontrole
  // at once escalate once; the second finds it closed ("al gesloten").
  const gevolg = ctx.change((tx): LadderGevolg => {
    const o = requireOpvolging(tx.db, id);
    const partner = opts.partner !== undefined ? requirePartner(tx.db, opts.partner) : undefined;
    const stap = o.stap as Stap | null;
    const besluit = beslis(
      o,
      { status, resultaat, beeindigd, deadline, partner: partner?.naam, datum },
      omstandigheden(o, ctx.today(), ladder),
    );
    updateOpvolging(
      tx,
      o.id,
      {
        status: besluit.status,
        resultaat: besluit.resultaat === "" ? null : besluit.resultaat,
        beeindigd: besluit.beeindigd,
        deadline: deadline ?? o.deadline,
        partnerId: partner?.id ?? requirePartner(tx.db, o.partner).id,
        geslotenOp: besluit.geslotenOp,
      },
      velden,
    );
    if (!besluit.gesloten) return {};
    const zaak = o.handhaving_id !== null && stap !== null ? requireZaak(tx.db, o.handhaving_id) : undefined;
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
      sluitZaak(tx, zaak, "doodgelopen", op, besluit.resultaat ?? "Doodgelopen");
      return { melding: `Handhavingszaak ${zaak.id} is doodgelopen; de open stappen zijn gesloten.` };
    }
    if (stap === "hercontrole" && besluit.beeindigd === 1) {
      sluitZaak(tx, zaak, "afgerond", op, `Niet meer nodig: overtreding beëindigd (hercontrole ${o.id})`);
      return { melding: `Overtreding beëindigd: handhavingszaak ${zaak.id} is afgerond.` };
    }
    if (stap === "hercontrole") return escaleerNa(tx, zaak.id, o.id, op, k, ladder);
    const nieuw = volgNa(tx, zaak.id, o.id, op, k, ladder);
    return nieuw === null ? { melding: `Handhavingszaak ${zaak.id} is afgerond.` } : { voorstel: voorstelVan(tx.db, nieuw) };
  });

  const na = view(requireOpvolging(db, id), ctx.today());
  const melding =
    gevolg.melding ??
    (gevolg.voorstel
      ? `Volgende stap: ${gevolg.voorstel.actie} (${gevolg.voorstel.partner})${gevolg.voorstel.niet_voor ? `, vanaf ${formatDutch(gevolg.voorstel.niet_voor)}` : ""}, uiterlijk ${formatDutch(gevolg.voorstel.deadline)} — opvolging ${gevolg.voorstel.id}.`
      : undefined);
  ctx.emit({ ...na, ...(gevolg.voorstel ? { voorstel: gevolg.voorstel } : {}), ...(melding ? { melding } : {}) }, () =>
    [
      `Opvolging ${na.id} (${na.actie}) bijgewerkt: status ${na.status}${na.resultaat ? `, resultaat: ${na.resultaat}` : ""}${na.beeindigd === true ? ", overtreding beëindigd" : ""}; deadline ${formatDutch(na.deadline)}, ${na.partner}.`,
      ...(melding ? [ctx.color.yellow(melding)] : []),
    ].join("\n"),
  );
}

function voorstelVan(db: Db, id: number): Voorstel {
  const o = requireOpvolging(db, id);
  return { id, stap: o.stap ?? "", actie: o.actie, partner: o.partner, niet_voor: o.niet_voor, deadline: o.deadline };
}

/** A failed hercontrole: the next step from the last completed one, or why there is none. */
function escaleerNa(tx: Tx, zaakId: number, hercontroleId: number, datum: string, k: Kalender, ladder: LadderData): LadderGevolg {
  const e = escaleer(requireZaak(tx.db, zaakId), hercontroleId, datum, k);
  if (e.soort === "al-open") {
    return { melding: `Overtreding niet beëindigd. De volgende stap staat al open: ${stapNaam(e.stap)} (opvolging ${e.opvolgingId}).` };
  }
  if (e.soort === "einde") return { melding: `Overtreding niet beëindigd, maar ${e.reden}; overleg met de juridische afdeling.` };
  const id = insertStap(tx, requireZaak(tx.db, zaakId), e.stap, k, ladder);
  return { voorstel: voorstelVan(tx.db, id) };
}
