import type { Command } from "commander";
import { writeOutput } from "../io/output-file.js";
import { action, type Runtime } from "./runtime.js";
import type { Ctx } from "../context.js";
import { requireAdres } from "../db/adres.js";
import { listBesluiten, listCasustafels, requireCasustafel } from "../db/casustafel.js";
import { formatAdres, metAdres } from "../domain/adres.js";
import {
  parseAvondDatum,
  parseDoel,
  parseNiveau,
  parseRisicoToelichting,
  parseStarttijd,
  RISICO_NIVEAUS,
  STANDAARD_ROLLEN,
  type Noodplan,
} from "../domain/avond.js";
import { formatDutch } from "../domain/dates.js";
import { parseId, parseList } from "../domain/invoer.js";
import { aantal } from "../domain/tekst.js";
import { UserError } from "../errors.js";
import { overzichtVan, renderAvonden, renderGereedheid, renderOverzicht } from "../render/avond.js";
import { addRol, checkAvond, recordNoodplan, recordRisico, showAvond, showAvonden, showDraaiboek } from "../usecases/avond.js";
import { saveAvondPlan, planAvondGuided, type AvondPlan } from "./avond-begeleid.js";
import { askNiveau, askNoodplan, askRol, askToelichting } from "./avond-vragen.js";
import { chooseAvondId } from "./avond-keuze.js";
import { verplicht } from "./hulp.js";
import { ontbrekendArgument } from "./kiezen.js";

interface NieuwOpts {
  casustafel?: string;
  datum?: string;
  start?: string;
  doel?: string;
  extraAdres?: string[];
  zonderAdres?: string[];
}

const collect = (v: string, prev: string[] = []) => [...prev, ...parseList(v)];
const AVOND_ID = "avond-id; in een terminal kies je uit de lijst";

export function register(program: Command, rt: Runtime): void {
  const avond = program.command("avond").description("controleavond: adressen, rollen, risico's, noodplan, gereedheid, draaiboek");

  avond
    .command("nieuw")
    .description("plan een controleavond vanuit een casustafel (zonder opties: begeleid, met een overzicht vóór het opslaan)")
    .addOption(verplicht("--casustafel <id>", "casustafel-id; de adressen met besluit controle gaan mee"))
    .addOption(verplicht("--datum <datum>", "datum van de avond (niet vóór de casustafel)"))
    .option("--start <tijd>", "starttijd (standaard 19:00)")
    .addOption(verplicht("--doel <tekst>", "doel van de avond, bekend bij iedereen"))
    .option("--extra-adres <id>", "voeg een adres toe (herhaalbaar)", collect)
    .option("--zonder-adres <id>", "laat een adres weg (herhaalbaar)", collect)
    .action(action<NieuwOpts>(rt, nieuw));

  avond
    .command("rol")
    .description("wijs een rol toe aan een persoon van een partner")
    .argument("[id]", AVOND_ID)
    .addOption(verplicht("--rol <rol>", `${STANDAARD_ROLLEN.join(", ")} of een eigen rol`))
    .addOption(verplicht("--naam <naam>", "naam van de persoon"))
    .addOption(verplicht("--partner <partner>", "partner van de persoon"))
    .option("--telefoon <nr>", "bereikbaar die avond op")
    .action(
      action<{ rol?: string; naam?: string; partner?: string; telefoon?: string }>(rt, async (ctx, opts, id) => {
        const a = await chooseAvond(ctx, id as string | undefined);
        const teamleider = a.rollen.find((r) => r.rol === "teamleider")?.naam ?? null;
        const r = await askRol(ctx, opts, teamleider);
        const rid = await addRol(ctx.store(), a.id, r);
        ctx.emit(
          { id: rid, avond_id: a.id, rol: r.rol, naam: r.naam, partner: r.partner, telefoon: r.telefoon },
          () => `Rol ${r.rol}: ${r.naam} (${r.partner}) op avond ${a.id}.`,
        );
      }),
    );

  avond
    .command("risico")
    .description("risico-inschatting voor een adres (agressie, wapens, honden, uitgangen, omvang)")
    .argument("[id]", AVOND_ID)
    .addOption(verplicht("--adres <id>", "adres-id op deze avond"))
    .addOption(verplicht("--niveau <niveau>", RISICO_NIVEAUS.join("|")))
    .option("--toelichting <tekst>", "toelichting")
    .action(
      action<{ adres?: string; niveau?: string; toelichting?: string }>(rt, async (ctx, opts, id) => {
        const a = await chooseAvond(ctx, id as string | undefined);
        const dialog = opts.adres === undefined || opts.niveau === undefined;
        const adresId = parseId(
          "adres",
          await ctx.needChoice(
            "adres",
            opts.adres,
            "Welk adres?",
            a.adressen.map((x) => ({
              name: `${x.volgorde}. ${formatAdres(x)} — ${x.risico ?? "nog niet ingeschat"}`,
              value: String(x.adres_id),
            })),
          ),
        );
        const op = a.adressen.find((x) => x.adres_id === adresId);
        const niveau =
          opts.niveau !== undefined
            ? parseNiveau(opts.niveau)
            : (await askNiveau(ctx, op ? formatAdres(op) : `adres ${adresId}`, { later: false }))!;
        const toelichting =
          opts.toelichting !== undefined || !dialog
            ? parseRisicoToelichting(opts.toelichting)
            : await askToelichting(ctx, op?.risico_toelichting ?? null);
        await recordRisico(ctx.store(), a.id, adresId, niveau, toelichting);
        ctx.emit(
          { avond_id: a.id, adres_id: adresId, niveau, toelichting },
          () => `Risico ${niveau} vastgelegd voor ${op ? formatAdres(op) : `adres ${adresId}`} op avond ${a.id}.`,
        );
      }),
    );

  avond
    .command("noodplan")
    .description("noodplan: verzamelpunt, codewoord, communicatie, uitrusting")
    .argument("[id]", AVOND_ID)
    .addOption(verplicht("--verzamelpunt <tekst>", "waar verzamelt iedereen bij nood"))
    .addOption(verplicht("--codewoord <woord>", "codewoord om het pand te verlaten"))
    .option("--communicatie <tekst>", "bijv. portofoons kanaal 3")
    .option("--uitrusting <lijst>", "komma-gescheiden, bijv. hesjes,portofoons,steekvesten")
    .action(
      action<{ verzamelpunt?: string; codewoord?: string; communicatie?: string; uitrusting?: string }>(rt, async (ctx, opts, id) => {
        const a = await chooseAvond(ctx, id as string | undefined);
        const huidig = a.noodplan.verzamelpunt && a.noodplan.codewoord ? (a.noodplan as Noodplan) : null;
        const plan = await askNoodplan(ctx, opts, huidig);
        await recordNoodplan(ctx.store(), a.id, plan);
        ctx.emit(
          { avond_id: a.id, ...plan },
          () => `Noodplan vastgelegd voor avond ${a.id}: verzamelpunt ${plan.verzamelpunt}, codewoord ${plan.codewoord}.`,
        );
      }),
    );

  avond
    .command("controleer")
    .description("wat ontbreekt er nog? exit 2 zolang de avond niet gereed is")
    .argument("[id]", AVOND_ID)
    .action(
      action(rt, async (ctx, _opts, id) => {
        const a = await chooseAvond(ctx, id as string | undefined);
        const { gereedheid: r, capaciteit } = await checkAvond(ctx.store(), a.id);
        // Capacity is a warning, never a reason by itself to stop the evening.
        for (const w of capaciteit) ctx.warn(`Let op: ${w.bericht}`);
        if (r.gereed) {
          ctx.emit({ avond_id: a.id, gereed: true, ontbreekt: [], capaciteit }, () => `Avond ${a.id} is gereed: alles is geregeld.`);
          return;
        }
        if (!ctx.json) ctx.out(renderGereedheid(`avond ${a.id}`, r.ontbreekt));
        throw new UserError(
          "niet-gereed",
          `Avond ${a.id} is nog niet gereed: ${aantal(r.ontbreekt.length, "punt ontbreekt", "punten ontbreken")}`,
          ctx.json ? r.ontbreekt.map((o) => `${o.code}: ${o.bericht}`) : [],
        );
      }),
    );

  avond
    .command("draaiboek")
    .description("de briefing als PDF: doel, adressen, team, risico's, noodplan")
    .argument("[id]", AVOND_ID)
    .addOption(verplicht("--pdf <bestand>", "PDF-bestand (in een terminal voorgesteld: draaiboek-avond-<id>.pdf)"))
    .option("--overschrijven", "een bestaand PDF-bestand vervangen")
    .action(
      action<{ pdf?: string; overschrijven?: boolean }>(rt, async (ctx, opts, id) => {
        const a = await chooseAvond(ctx, id as string | undefined);
        // The output file's own checks (never the database, no surprise overwrite) are the rule for the answer too.
        const pdf = await ctx.needValue(
          "pdf",
          opts.pdf,
          "PDF-bestand",
          (v) => ctx.outputFile(v, "pdf", opts.overschrijven),
          `draaiboek-avond-${a.id}.pdf`,
        );
        const data = await showDraaiboek(ctx.store(), a.id);
        const [{ draaiboekPdf }, { pdfToBuffer }] = await Promise.all([
          import("../render/pdf/draaiboek.js"),
          import("../render/pdf/document.js"),
        ]);
        writeOutput(pdf, await pdfToBuffer(draaiboekPdf(data)));
        const ontbreekt = aantal(data.gereedheid.ontbreekt.length, "punt ontbreekt", "punten ontbreken");
        ctx.emit(
          { avond_id: a.id, pdf: pdf.file, gereed: data.gereedheid.gereed },
          () =>
            `Draaiboek geschreven: ${pdf.file}${data.gereedheid.gereed ? "" : ctx.color.yellow(` (let op: avond nog niet gereed, ${ontbreekt})`)}`,
        );
      }),
    );

  avond
    .command("lijst")
    .description("toon controleavonden, nieuwste eerst")
    .action(
      action(rt, async (ctx) => {
        const rows = await showAvonden(ctx.store());
        ctx.emit(rows, () => renderAvonden(rows, ctx.color));
      }),
    );

  avond
    .command("toon")
    .description("toon een avond met adressen, team, noodplan en gereedheid")
    .argument("[id]", AVOND_ID)
    .action(
      action(rt, async (ctx, _opts, id) => {
        const a = await chooseAvond(ctx, id as string | undefined);
        const { gereedheid: g } = await showAvond(ctx.store(), a.id);
        ctx.emit(
          { ...a, adressen: a.adressen.map(metAdres), gereedheid: g },
          () => `${renderOverzicht(overzichtVan(a), ctx.color)}\n\n${renderGereedheid(`avond ${a.id}`, g.ontbreekt)}`,
        );
      }),
    );
}

/** The evening named by the id argument; at a terminal without one, chosen from the list (newest first). */
async function chooseAvond(ctx: Ctx, id: string | undefined) {
  const gekozen = await chooseAvondId(ctx, id, "id", ontbrekendArgument("avond-id", "avond lijst"));
  return (await showAvond(ctx.store(), gekozen)).avond;
}

async function nieuw(ctx: Ctx, opts: NieuwOpts): Promise<void> {
  const guided = ctx.interactive && opts.casustafel === undefined && opts.datum === undefined && opts.doel === undefined;
  const casustafels = async () =>
    (await ctx.read(listCasustafels)).map((c) => ({
      name: `${c.id}: ${formatDutch(c.datum)} — ${c.gemeenten.join(", ")}`,
      value: String(c.id),
    }));
  const cid = parseId(
    "casustafel",
    await ctx.needChoice("casustafel", opts.casustafel, "Vanuit welke casustafel?", casustafels, {
      leeg: "Er is nog geen casustafel; maak er een met interventie casustafel nieuw",
    }),
  );
  const r = guided ? await planAvondGuided(ctx, cid) : await saveAvondPlan(ctx, await metVlaggen(ctx, cid, opts));
  ctx.emit(r.json, () => r.human);
}

/** Date, start, goal and addresses from the flags (a terminal asks for a missing date or goal). */
async function metVlaggen(ctx: Ctx, casustafelId: number, opts: NieuwOpts): Promise<AvondPlan> {
  const c = await ctx.read((sql) => requireCasustafel(sql, casustafelId));
  const datum = await ctx.needValue("datum", opts.datum, "Datum van de avond (JJJJ-MM-DD of DD-MM-JJJJ)", (v) =>
    parseAvondDatum(v, c.datum),
  );
  const starttijd = parseStarttijd(opts.start ?? "19:00");
  const doel = await ctx.needValue("doel", opts.doel, "Doel van de avond (bekend bij iedereen)", parseDoel);
  const besluiten = await ctx.read((sql) => listBesluiten(sql, c.id));
  const controle = besluiten.filter((b) => b.besluit === "controle").map((b) => b.adres_id);
  const extraIds = (opts.extraAdres ?? []).map((x) => parseId("extra-adres", x));
  const extra = await ctx.read(async (sql) => {
    const ids: number[] = [];
    for (const x of extraIds) ids.push((await requireAdres(sql, x)).id);
    return ids;
  });
  const zonder = (opts.zonderAdres ?? []).map((x) => parseId("zonder-adres", x));
  for (const z of zonder) {
    if (!controle.includes(z))
      throw new UserError("ongeldige-invoer", `zonder-adres: adres ${z} heeft bij casustafel ${c.id} geen besluit controle`);
  }
  const adresIds = [...new Set([...controle.filter((x) => !zonder.includes(x)), ...extra])];
  if (adresIds.length === 0) {
    throw new UserError(
      "geen-adressen",
      `Casustafel ${c.id} heeft geen adressen met besluit controle; leg besluiten vast of gebruik --extra-adres`,
    );
  }
  return { casustafel: c, besluiten, datum, starttijd, doel, adresIds, rollen: [], risicos: new Map(), noodplan: null };
}
