import type { Command } from "commander";
import { formatAdres, metAdres } from "../domain/adres.js";
import { sqlOf } from "../db/sqlite/sql.js";
import { action, type Runtime } from "./runtime.js";
import type { Ctx } from "../context.js";
import { buildAgenda, type Agenda } from "../db/agenda.js";
import {
  BESLUITEN,
  candidateInputs,
  insertCasustafel,
  listBesluiten,
  listCasustafels,
  requireCasustafel,
  upsertBesluit,
  type Casustafel,
} from "../db/casustafel.js";
import { requireGemeente, type Gemeente } from "../db/referentie.js";
import { formatDutch, parseDate } from "../domain/dates.js";
import { parseList } from "../domain/invoer.js";
import { rankCandidates } from "../domain/ranking.js";
import { aantal } from "../domain/tekst.js";
import { missingFlag, UserError } from "../errors.js";
import { renderKandidaten } from "../render/kandidaten.js";
import { renderTable } from "../render/table.js";
import { terminalWidth, wrapIndented } from "../render/terminal.js";
import { planAvondGuided, type AvondResultaat } from "./avond-begeleid.js";
import {
  besluitRegel,
  casustafelGuided,
  validateBesluit,
  vraagBesluit,
  vraagGemeenten,
  type CasustafelPlan,
} from "./casustafel-begeleid.js";
import { verplicht } from "./hulp.js";
import { kiesId, ontbrekendArgument } from "./kiezen.js";

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
        const agenda = buildAgenda(ctx.db(), c.id, ctx.today());
        if (pdf) {
          const { writeAgendaPdf } = await import("../render/pdf/agenda.js");
          await writeAgendaPdf(agenda, pdf);
        }
        ctx.emit(
          opts.pdf ? { ...agenda, pdf: opts.pdf } : agenda,
          () => renderAgenda(ctx, agenda) + (opts.pdf ? `\n\nPDF geschreven: ${opts.pdf}` : ""),
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
        const db = ctx.db();
        const c = await kiesCasustafel(ctx, id as string | undefined);
        const kandidaten = rankCandidates(candidateInputs(db, c.gemeente_ids, c.datum), c.datum);
        const huidig = new Map(listBesluiten(db, c.id).map((b) => [b.adres_id, b.besluit]));
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
          ? await vraagBesluit(ctx, c.gemeenten, k, opts)
          : await validateBesluit(ctx, c.gemeenten, {
              adres: adresText,
              besluit: opts.besluit!,
              partners: opts.partners,
              toelichting: opts.toelichting,
            });
        const r = await ctx.change((tx) =>
          upsertBesluit(tx, {
            casustafelId: c.id,
            adresId: plan.adresId,
            besluit: plan.besluit,
            partnerIds: plan.partners.map((p) => p.id),
            toelichting: plan.toelichting,
          }),
        );
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
      action(rt, (ctx) => {
        const rows = listCasustafels(ctx.db()).map(({ gemeente_ids: _g, ...r }) => r);
        ctx.emit(rows, () =>
          rows.length === 0
            ? "Nog geen casustafels."
            : renderTable(
                rows,
                [
                  { header: "id", value: (r) => r.id, align: "right", priority: 1 },
                  { header: "datum", value: (r) => formatDutch(r.datum), priority: 2 },
                  { header: "gemeenten", value: (r) => r.gemeenten.join(", "), priority: 3 },
                  { header: "besluiten", value: (r) => r.besluiten, align: "right" },
                ],
                ctx.color,
              ),
        );
      }),
    );
}

/** The casustafel named by the id argument; at a terminal without one, chosen from the list (newest first). */
async function kiesCasustafel(ctx: Ctx, id: string | undefined): Promise<Casustafel> {
  const db = ctx.db();
  const gekozen = await kiesId(ctx, id, {
    veld: "id",
    vraag: "Welke casustafel?",
    keuzes: () =>
      listCasustafels(db).map((c) => ({ name: `${c.id}: ${formatDutch(c.datum)} — ${c.gemeenten.join(", ")}`, value: String(c.id) })),
    leeg: "Er is nog geen casustafel; maak er een met interventie casustafel nieuw",
    ontbreekt: ontbrekendArgument("casustafel-id", "casustafel lijst"),
  });
  return requireCasustafel(db, gekozen);
}

async function nieuw(ctx: Ctx, opts: { datum?: string; gemeenten?: string }): Promise<void> {
  const db = ctx.db();
  const guided = ctx.interactive && opts.datum === undefined && opts.gemeenten === undefined;
  let plan: CasustafelPlan;
  if (guided) plan = await casustafelGuided(ctx);
  else {
    const datum = await ctx.needValue("datum", opts.datum, "Datum van de casustafel (JJJJ-MM-DD of DD-MM-JJJJ)", (v) => parseDate(v));
    let gemeenten: Gemeente[];
    if (opts.gemeenten !== undefined) {
      const namen = parseList(opts.gemeenten);
      if (namen.length === 0) throw new UserError("ongeldige-invoer", "gemeenten: kies minstens één gemeente");
      gemeenten = await Promise.all(namen.map((n) => requireGemeente(sqlOf(db), n)));
    } else if (!ctx.interactive) throw missingFlag("gemeenten");
    else gemeenten = await vraagGemeenten(ctx, []);
    plan = { datum, gemeenten, besluiten: [] };
  }
  const { datum, gemeenten, besluiten } = plan;
  const id = await ctx.change((tx) => {
    const cid = insertCasustafel(
      tx,
      datum,
      gemeenten.map((g) => g.id),
    );
    for (const p of besluiten)
      upsertBesluit(tx, {
        casustafelId: cid,
        adresId: p.adresId,
        besluit: p.besluit,
        partnerIds: p.partners.map((x) => x.id),
        toelichting: p.toelichting,
      });
    return cid;
  });
  const result: Record<string, unknown> = {
    id,
    datum,
    gemeenten: gemeenten.map((g) => g.naam),
    besluiten: listBesluiten(db, id).map(metAdres),
  };
  const lines = [
    `Casustafel ${id} op ${formatDutch(datum)} voor ${gemeenten.map((g) => g.naam).join(", ")} aangemaakt${besluiten.length ? ` met ${aantal(besluiten.length, "besluit", "besluiten")}` : ""}.`,
  ];
  let avond: AvondResultaat | undefined;
  if (
    guided &&
    besluiten.some((p) => p.besluit === "controle") &&
    (await ctx.prompts.confirm({ message: "Nu de controleavond plannen?", default: true }))
  ) {
    ctx.say(lines.join("\n"));
    lines.length = 0;
    avond = await planAvondGuided(ctx, id);
    result.avond = avond.json;
    lines.push(avond.human);
  } else if (!besluiten.length) {
    lines.push(`Volgende stap: interventie casustafel agenda ${id}`);
  }
  ctx.emit(result, () => lines.join("\n"));
}

function renderAgenda(ctx: Ctx, a: Agenda): string {
  const c = ctx.color;
  const t = a.terugblik;
  const out = [
    c.bold(`Agenda casustafel ${a.casustafel.id} — ${formatDutch(a.casustafel.datum)}`),
    `Gemeenten: ${a.casustafel.gemeenten.join(", ")}`,
    "",
    c.bold("1. Terugblik"),
  ];
  if (t.avonden.length === 0) out.push("  Geen eerdere controleavonden in deze gemeenten.");
  const w = terminalWidth();
  for (const v of t.avonden) {
    const tekst = `Avond ${v.id}, ${formatDutch(v.datum)}: ${v.doel} — ${aantal(v.adressen, "adres", "adressen")}, ${aantal(v.bevindingen, "bevinding", "bevindingen")}`;
    out.push(...wrapIndented(tekst, w, "  ", "    "));
  }
  out.push(`  Open opvolgingen: ${t.open_opvolgingen.length}`);
  for (const v of t.verlopen) {
    out.push(c.red(`  Verlopen bij ${v.partner}: ${v.aantal}`));
    for (const o of v.opvolgingen)
      out.push(...wrapIndented(`${o.actie} (${formatAdres(o)}), deadline ${formatDutch(o.deadline)}`, w, "    - ", "      "));
  }
  for (const l of t.leerpunten) out.push(...wrapIndented(`Leerpunt (avond ${l.avond_id}): ${l.tekst}`, w, "  ", "    "));
  out.push("", c.bold("2. Kandidaat-adressen"));
  out.push(a.kandidaten.length ? renderKandidaten(a.kandidaten, c) : "  Geen adressen met signalen.");
  return out.join("\n");
}
