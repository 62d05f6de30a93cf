import type { Command } from "commander";
import { registerTerugkoppeling } from "./terugkoppeling.js";
import { registerBevindingen } from "./rapport-bevindingen.js";
import { action, type Runtime } from "./runtime.js";
import type { Ctx } from "../context.js";
import { werkvoorraad } from "../db/handhaving.js";
import { jaarRapport, opvolgingRapport, topRapport, type RapportFilter } from "../db/rapport.js";
import { getSetting, requireGemeente, requirePartner } from "../db/referentie.js";
import { formatDutch } from "../domain/dates.js";
import {
  formatPercentage,
  jaarPeriode,
  parsePeriode,
  parseTopN,
  periodeTekst,
  restRegel,
  type GroepCijfers,
  type JaarRapport,
  type OpvolgingRapport,
  type TopRapport,
} from "../domain/rapport.js";
import { UserError } from "../errors.js";
import { toCsv } from "../render/csv.js";
import { renderTable } from "../render/table.js";
import { terminalWidth, wrap as wrapText } from "../render/terminal.js";
import { aantal } from "../domain/tekst.js";

const LEEG = "Geen bevindingen in deze periode";

interface FilterOpts {
  van?: string;
  tot?: string;
  gemeente?: string;
  partner?: string;
}

/**
 * `rapport` and its subcommands. Each subcommand registers itself through its own
 * function, so other modules can add theirs to the same `rapport` command.
 */
export function register(program: Command, rt: Runtime): void {
  const rapport = program
    .command("rapport")
    .description("rapportages: top 10, jaarverslag, opvolging, terugkoppeling aan partners, rapport van bevindingen");
  registerTop(rapport, rt);
  registerJaar(rapport, rt);
  registerOpvolging(rapport, rt);
  registerTerugkoppeling(rapport, rt);
  registerBevindingen(rapport, rt);
}

/** --van/--tot/--gemeente/--partner → a filter on ids; unknown names and bad dates are exit 2. */
function resolveFilter(ctx: Ctx, opts: FilterOpts): { filter: RapportFilter; beschrijving: string[] } {
  const periode = parsePeriode(opts.van, opts.tot);
  const filter: RapportFilter = { ...periode };
  const beschrijving = [`Periode: ${periodeTekst(periode, formatDutch)}`];
  if (opts.gemeente !== undefined) {
    const g = requireGemeente(ctx.db(), opts.gemeente);
    filter.gemeenteId = g.id;
    beschrijving.push(`Gemeente: ${g.naam}`);
  }
  if (opts.partner !== undefined) {
    const p = requirePartner(ctx.db(), opts.partner);
    filter.partnerId = p.id;
    beschrijving.push(`Partner: ${p.naam}`);
  }
  return { filter, beschrijving };
}

export function registerTop(rapport: Command, rt: Runtime): void {
  rapport
    .command("top")
    .description("de meest voorkomende overtredingen in een periode (op datum van de controleavond)")
    .option("--n <aantal>", "hoeveel categorieën (standaard 10)")
    .option("--van <datum>", "vanaf deze avonddatum (inclusief)")
    .option("--tot <datum>", "tot en met deze avonddatum")
    .option("--gemeente <gemeente>", "alleen adressen in deze gemeente")
    .option("--partner <partner>", "alleen bevindingen van deze partner")
    .option("--pdf <bestand>", "schrijf de top met staafdiagram als PDF")
    .option("--overschrijven", "een bestaand PDF-bestand vervangen")
    .option("--csv", "uitvoer als CSV")
    .action(
      action<FilterOpts & { n?: string; pdf?: string; csv?: boolean; overschrijven?: boolean }>(rt, async (ctx, opts) => {
        const n = parseTopN(opts.n);
        if (opts.csv && ctx.json) throw new UserError("gebruik", "Kies --csv of --json, niet beide");
        const pdf = opts.pdf !== undefined ? ctx.outputFile(opts.pdf, "pdf", opts.overschrijven) : undefined;
        const { filter, beschrijving } = resolveFilter(ctx, opts);
        const r = topRapport(ctx.db(), filter, n);
        if (pdf) {
          const { topPdf } = await import("../render/pdf/rapport.js");
          await topPdf(r, { n, bestand: pdf, filters: beschrijving });
        }
        if (opts.csv) {
          if (r.totaal === 0) ctx.warn(LEEG);
          ctx.out(topCsv(r).trimEnd());
          return;
        }
        ctx.emit(opts.pdf ? { ...r, bestand: opts.pdf } : r, () => renderTop(ctx, r, n, beschrijving, opts.pdf));
      }),
    );
}

export function topCsv(r: TopRapport): string {
  const rows: (string | number)[][] = [["categorie", "naam", "aantal"], ...r.top.map((t) => [t.categorie, t.naam, t.aantal])];
  if (r.totaal > 0) rows.push(["overig", restRegel(r.overig), r.overig.bevindingen]);
  return toCsv(rows);
}

function renderTop(ctx: Ctx, r: TopRapport, n: number, beschrijving: string[], pdf?: string): string {
  const c = ctx.color;
  const lines = [c.bold(`Top ${n} van de meest voorkomende overtredingen`), ...beschrijving.map((b) => c.dim(b)), ""];
  if (r.totaal === 0) {
    lines.push(`${LEEG}.`);
  } else {
    lines.push(
      renderTable(
        r.top.map((t, i) => ({ ...t, rang: i + 1 })),
        [
          { header: "#", value: (t) => t.rang, align: "right" },
          { header: "overtreding", value: (t) => t.naam },
          { header: "code", value: (t) => t.categorie },
          { header: "aantal", value: (t) => t.aantal, align: "right" },
        ],
        c,
      ),
    );
    if (r.overig.bevindingen > 0) lines.push(restRegel(r.overig));
    lines.push(`Totaal: ${aantal(r.totaal, "bevinding", "bevindingen")}.`);
  }
  if (pdf) lines.push(c.green(`PDF geschreven: ${pdf}`));
  return lines.join("\n");
}

export function registerJaar(rapport: Command, rt: Runtime): void {
  rapport
    .command("jaar <jaar>")
    .description("jaarverslag in PIT-stijl: objecten, gemeenten, thema's, top 10, partners, maatregelen, opvolging")
    .option("--pdf <bestand>", "schrijf het jaarverslag als PDF")
    .option("--overschrijven", "een bestaand PDF-bestand vervangen")
    .action(
      action<{ pdf?: string; overschrijven?: boolean }>(rt, async (ctx, opts, jaarArg) => {
        const jaar = jaarPeriode(jaarArg as string);
        const pdf = opts.pdf !== undefined ? ctx.outputFile(opts.pdf, "pdf", opts.overschrijven) : undefined;
        const r = jaarRapport(ctx.db(), jaar, ctx.today());
        if (pdf) {
          const { jaarPdf } = await import("../render/pdf/rapport.js");
          await jaarPdf(r, { bestand: pdf, team: getSetting(ctx.db(), "team") });
        }
        ctx.emit(opts.pdf ? { ...r, bestand: opts.pdf } : r, () => renderJaar(ctx, r, opts.pdf));
      }),
    );
}

function renderJaar(ctx: Ctx, r: JaarRapport, pdf?: string): string {
  const c = ctx.color;
  const lines = [
    c.bold(`Jaarverslag ${r.jaar}`),
    ...wrapText(
      `Controleavonden ${formatDutch(r.van)} t/m ${formatDutch(r.tot)}; opvolging per ${formatDutch(r.vandaag)}`,
      terminalWidth(),
    ).map(c.dim),
  ];
  const section = (t: string) => lines.push("", c.bold(t));
  section("Bezochte objecten naar type");
  if (r.objecten.length === 0) lines.push("Geen bezochte objecten in dit jaar.");
  else
    lines.push(
      renderTable(
        r.objecten,
        [
          { header: "type", value: (o) => o.type },
          { header: "controles", value: (o) => o.bezoeken, align: "right" },
          { header: "adressen", value: (o) => o.adressen, align: "right" },
        ],
        c,
      ),
    );
  section("Controleavonden en adressen per gemeente");
  if (r.gemeenten.length) {
    lines.push(
      renderTable(
        r.gemeenten,
        [
          { header: "gemeente", value: (g) => g.gemeente },
          { header: "avonden", value: (g) => g.avonden, align: "right" },
          { header: "adressen", value: (g) => g.adressen, align: "right" },
          { header: "bevindingen", value: (g) => g.bevindingen, align: "right" },
        ],
        c,
      ),
    );
  } else lines.push("Geen controleavonden in dit jaar.");
  section("Acties per thema");
  if (r.themas.length)
    lines.push(
      renderTable(
        r.themas,
        [
          { header: "thema", value: (t) => t.thema },
          { header: "bevindingen", value: (t) => t.bevindingen, align: "right" },
          { header: "adressen", value: (t) => t.adressen, align: "right" },
        ],
        c,
      ),
    );
  else lines.push(`${LEEG}.`);
  section("Top 10 van de meest voorkomende overtredingen");
  if (r.top.totaal === 0) lines.push(`${LEEG}.`);
  else {
    lines.push(
      renderTable(
        r.top.top,
        [
          { header: "overtreding", value: (t) => t.naam },
          { header: "aantal", value: (t) => t.aantal, align: "right" },
          { header: "% adressen", value: (t) => formatPercentage(t.percentage), align: "right" },
        ],
        c,
      ),
    );
    if (r.top.overig.bevindingen > 0) lines.push(restRegel(r.top.overig));
  }
  section("Resultaten per partnerorganisatie");
  lines.push(r.partners.length ? groepTabel(ctx, r.partners, "partner") : `${LEEG}.`);
  section("Direct genomen maatregelen");
  lines.push(
    `${r.maatregelen.totaal} keer direct een maatregel genomen.`,
    ...r.maatregelen.soorten.map((m) => `  ${m.aantal} × ${m.maatregel}`),
  );
  section("Aangetroffen personen");
  lines.push(`${aantal(r.personen.totaal, "persoon", "personen")} op ${aantal(r.personen.adressen, "adres", "adressen")}.`);
  section("Opvolgingspercentage");
  lines.push(opvolgingZin(r.opvolging));
  if (pdf) lines.push("", c.green(`PDF geschreven: ${pdf}`));
  return lines.join("\n");
}

function opvolgingZin(o: OpvolgingRapport["totaal"]): string {
  return wrapText(
    `${formatPercentage(o.percentage)} van de bevindingen met opvolging is afgehandeld (${o.bevindingenAfgerond} van ${o.metOpvolging}); ${aantal(o.open, "opvolgactie", "opvolgacties")} open, waarvan ${o.verlopen} verlopen.`,
    terminalWidth(),
  ).join("\n");
}

function groepTabel(ctx: Ctx, rows: GroepCijfers[], kop: string): string {
  return renderTable(
    rows,
    [
      { header: kop, value: (g) => g.naam, priority: 1 },
      { header: "bevindingen", value: (g) => g.bevindingen, align: "right", priority: 4 },
      { header: "afgehandeld", value: (g) => `${g.bevindingenAfgerond}/${g.metOpvolging}`, align: "right", priority: 7 },
      { header: "opvolg-%", value: (g) => formatPercentage(g.percentage), align: "right", priority: 3 },
      { header: "acties", value: (g) => g.opvolgingen, align: "right", priority: 6 },
      { header: "afgerond", value: (g) => g.afgerond, align: "right", priority: 5 },
      { header: "open", value: (g) => g.open, align: "right", priority: 4 },
      // What the projectleider chases: overdue actions stay visible longest.
      { header: "verlopen", value: (g) => g.verlopen, align: "right", priority: 2 },
      { header: "doodgelopen", value: (g) => g.doodgelopen, align: "right", priority: 8 },
    ],
    ctx.color,
  );
}

export function registerOpvolging(rapport: Command, rt: Runtime): void {
  rapport
    .command("opvolging")
    .description("opvolgingspercentage en verlopen acties per gemeente en per partner (eigenaar)")
    .option("--van <datum>", "bevindingen van avonden vanaf deze datum")
    .option("--tot <datum>", "bevindingen van avonden tot en met deze datum")
    .action(
      action<FilterOpts>(rt, (ctx, opts) => {
        const { filter, beschrijving } = resolveFilter(ctx, opts);
        // The werkvoorraad (open handhavingszaken against capacity) is today's, whatever the period.
        const r = { ...opvolgingRapport(ctx.db(), filter, ctx.today()), werkvoorraad: werkvoorraad(ctx.db()) };
        ctx.emit(r, () => {
          const c = ctx.color;
          const lines = [
            c.bold("Opvolging van bevindingen"),
            ...beschrijving.map((b) => c.dim(b)),
            c.dim(`Verlopen: termijn vóór ${formatDutch(r.vandaag)} en niet afgerond`),
            "",
          ];
          if (r.totaal.bevindingen === 0) return [...lines, `${LEEG}.`].join("\n");
          lines.push(opvolgingZin(r.totaal), "", c.bold("Per gemeente"), groepTabel(ctx, r.gemeenten, "gemeente"));
          lines.push(
            "",
            c.bold("Per partner"),
            c.dim("bevindingen: eigenaar van de bevinding; acties: eigenaar van de opvolgactie"),
            groepTabel(ctx, r.partners, "partner"),
          );
          if (r.werkvoorraad.length) {
            lines.push(
              "",
              c.bold("Werkvoorraad handhaving per gemeente"),
              renderTable(
                r.werkvoorraad,
                [
                  { header: "gemeente", value: (w) => w.gemeente },
                  { header: "open zaken", value: (w) => w.open_zaken, align: "right" },
                  { header: "capaciteit", value: (w) => w.capaciteit ?? "—", align: "right" },
                  { header: "", value: (w) => (w.capaciteit !== null && w.open_zaken > w.capaciteit ? c.redBold("boven capaciteit") : "") },
                ],
                c,
              ),
            );
          }
          return lines.join("\n");
        });
      }),
    );
}
