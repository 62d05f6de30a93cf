import type { Command } from "commander";
import { writeOutput } from "../io/output-file.js";
import { metAdres } from "../domain/adres.js";
import { action, type Runtime } from "./runtime.js";
import type { Ctx } from "../context.js";
import { BESLUITEN, listCasustafels, requireCasustafel, type Casustafel } from "../db/casustafel.js";
import { requireGemeente, type Gemeente } from "../db/referentie.js";
import { formatDutch, parseDate } from "../domain/dates.js";
import { parseList } from "../domain/invoer.js";
import { aantal } from "../domain/tekst.js";
import { missingFlag, UserError } from "../errors.js";
import { renderAgenda, renderCasustafels } from "../render/casustafel.js";
import { addCasustafel, setBesluit, showAgenda, showCasustafels, showKandidaten } from "../usecases/casustafel.js";
import { planAvondGuided, type AvondResultaat } from "./avond-begeleid.js";
import {
  besluitInvoer,
  besluitRegel,
  casustafelGuided,
  validateBesluit,
  askBesluit,
  askGemeenten,
  type CasustafelPlan,
} from "./casustafel-begeleid.js";
import { verplicht } from "./hulp.js";
import { chooseId, ontbrekendArgument } from "./kiezen.js";

const CASUSTAFEL_ID = "casustafel-id; in een terminal kies je uit de lijst";

export function register(program: Command, rt: Runtime): void {
  const ct = program.command("casustafel").description("casustafel: agenda met terugblik en kandidaten, besluiten per adres");

  ct.command("nieuw")
    .description("plan een casustafel voor een of meer gemeenten (zonder opties: begeleid, met een overzicht vóór het opslaan)")
    .addOption(verplicht("--datum <datum>", "datum van de casustafel"))
    .addOption(verplicht("--gemeenten <lijst>", "gemeenten, komma-gescheiden (meestal drie)"))
    .action(action<{ datum?: string; gemeenten?: string }>(rt, nieuw));

  ct.command("agenda")
    .description("terugblik, gerangschikte kandidaat-adressen en wat hun signalen zeggen")
    .argument("[id]", CASUSTAFEL_ID)
    .option("--pdf <bestand>", "schrijf de agenda ook als PDF")
    .option("--overschrijven", "een bestaand PDF-bestand vervangen")
    .action(
      action<{ pdf?: string; overschrijven?: boolean }>(rt, async (ctx, opts, id) => {
        const pdf = opts.pdf !== undefined ? ctx.outputFile(opts.pdf, "pdf", opts.overschrijven) : undefined;
        const c = await kiesCasustafel(ctx, id as string | undefined);
        const agenda = await showAgenda(ctx.store(), c.id, ctx.today());
        if (pdf) {
          const [{ agendaPdf }, { pdfToBuffer }] = await Promise.all([
            import("../render/pdf/agenda.js"),
            import("../render/pdf/document.js"),
          ]);
          writeOutput(pdf, await pdfToBuffer(agendaPdf(agenda)));
        }
        const json = { ...agenda, besluiten: agenda.besluiten.map(metAdres) };
        ctx.emit(
          opts.pdf ? { ...json, pdf: opts.pdf } : json,
          () => renderAgenda(agenda, ctx.color) + (opts.pdf ? `\n\nPDF geschreven: ${opts.pdf}` : ""),
        );
      }),
    );

  ct.command("besluit")
    .description("leg het besluit over één adres vast")
    .argument("[id]", CASUSTAFEL_ID)
    .addOption(verplicht("--adres <id>", "adres-id"))
    .addOption(verplicht("--besluit <besluit>", BESLUITEN.join("|")))
    .option("--partners <lijst>", "partners wier expertise nodig is, komma-gescheiden (bij mono precies één)")
    .option("--toelichting <tekst>", "toelichting; bij afgewezen leest de partner die in de terugkoppeling")
    .action(
      action<{ adres?: string; besluit?: string; partners?: string; toelichting?: string }>(rt, async (ctx, opts, id) => {
        const c = await kiesCasustafel(ctx, id as string | undefined);
        const { kandidaten, besluiten } = await showKandidaten(ctx.store(), c.id);
        const huidig = new Map(besluiten.map((b) => [b.adres_id, b.besluit]));
        const adresText = await ctx.needChoice(
          "adres",
          opts.adres,
          "Adres",
          kandidaten.map((k) => ({
            name: `${k.rang}. ${k.adres}${huidig.has(k.adres_id) ? ` (nu: ${huidig.get(k.adres_id)})` : ""}`,
            value: String(k.adres_id),
          })),
          { leeg: `Casustafel ${c.id} heeft geen adressen met signalen` },
        );
        const k = kandidaten.find((x) => String(x.adres_id) === adresText.trim());
        // At a terminal, a decision asked for brings the questions that belong to it; flags are used as given.
        const dialog = ctx.interactive && k !== undefined && (opts.besluit === undefined || (opts.besluit === "mono" && !opts.partners));
        if (!dialog && opts.besluit === undefined) throw missingFlag("besluit");
        const plan = dialog
          ? await askBesluit(ctx, c.gemeenten, k, opts)
          : await validateBesluit(ctx, c.gemeenten, {
              adres: adresText,
              besluit: opts.besluit!,
              partners: opts.partners,
              toelichting: opts.toelichting,
            });
        const r = await setBesluit(ctx.store(), c.id, besluitInvoer(plan));
        ctx.emit(
          {
            id: r.id,
            casustafel_id: c.id,
            adres_id: plan.adresId,
            besluit: plan.besluit,
            partners: plan.partners.map((p) => p.naam),
            toelichting: plan.toelichting,
            nieuw: r.nieuw,
          },
          () => `Besluit ${r.id}${r.nieuw ? "" : " (gewijzigd)"}: ${besluitRegel(plan)}.`,
        );
      }),
    );

  ct.command("lijst")
    .description("toon casustafels, nieuwste eerst")
    .action(
      action(rt, async (ctx) => {
        const rows = (await showCasustafels(ctx.store())).map(({ gemeente_ids: _g, ...r }) => r);
        ctx.emit(rows, () => renderCasustafels(rows, ctx.color));
      }),
    );
}

/** The casustafel named by the id argument; at a terminal without one, chosen from the list (newest first). */
async function kiesCasustafel(ctx: Ctx, id: string | undefined): Promise<Casustafel> {
  const gekozen = await chooseId(ctx, id, {
    veld: "id",
    vraag: "Welke casustafel?",
    keuzes: async () =>
      (await ctx.read(listCasustafels)).map((c) => ({
        name: `${c.id}: ${formatDutch(c.datum)} — ${c.gemeenten.join(", ")}`,
        value: String(c.id),
      })),
    leeg: "Er is nog geen casustafel; maak er een met interventie casustafel nieuw",
    ontbreekt: ontbrekendArgument("casustafel-id", "casustafel lijst"),
  });
  return ctx.read((sql) => requireCasustafel(sql, gekozen));
}

async function nieuw(ctx: Ctx, opts: { datum?: string; gemeenten?: string }): Promise<void> {
  const guided = ctx.interactive && opts.datum === undefined && opts.gemeenten === undefined;
  let plan: CasustafelPlan;
  if (guided) plan = await casustafelGuided(ctx);
  else {
    const datum = await ctx.needValue("datum", opts.datum, "Datum van de casustafel (JJJJ-MM-DD of DD-MM-JJJJ)", (v) => parseDate(v));
    let gemeenten: Gemeente[];
    if (opts.gemeenten !== undefined) {
      const namen = parseList(opts.gemeenten);
      if (namen.length === 0) throw new UserError("ongeldige-invoer", "gemeenten: kies minstens één gemeente");
      gemeenten = await ctx.read(async (sql) => Promise.all(namen.map((n) => requireGemeente(sql, n))));
    } else if (!ctx.interactive) throw missingFlag("gemeenten");
    else gemeenten = await askGemeenten(ctx, []);
    plan = { datum, gemeenten, besluiten: [] };
  }
  const { datum, gemeenten, besluiten } = plan;
  const r = await addCasustafel(ctx.store(), {
    datum,
    gemeenteIds: gemeenten.map((g) => g.id),
    besluiten: besluiten.map(besluitInvoer),
  });
  const result: Record<string, unknown> = {
    id: r.id,
    datum,
    gemeenten: gemeenten.map((g) => g.naam),
    besluiten: r.besluiten.map(metAdres),
  };
  const lines = [
    `Casustafel ${r.id} op ${formatDutch(datum)} voor ${gemeenten.map((g) => g.naam).join(", ")} aangemaakt${besluiten.length ? ` met ${aantal(besluiten.length, "besluit", "besluiten")}` : ""}.`,
  ];
  let avond: AvondResultaat | undefined;
  if (
    guided &&
    besluiten.some((p) => p.besluit === "controle") &&
    (await ctx.prompts.confirm({ message: "Nu de controleavond plannen?", default: true }))
  ) {
    ctx.say(lines.join("\n"));
    lines.length = 0;
    avond = await planAvondGuided(ctx, r.id);
    result.avond = avond.json;
    lines.push(avond.human);
  } else if (!besluiten.length) {
    lines.push(`Volgende stap: interventie casustafel agenda ${r.id}`);
  }
  ctx.emit(result, () => lines.join("\n"));
}
