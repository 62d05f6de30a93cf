import type { Command } from "commander";
import { registerTerugkoppeling } from "./terugkoppeling.js";
import { registerBevindingen } from "./rapport-bevindingen.js";
import { registerHercontrole } from "./rapport-hercontrole.js";
import { action, type Runtime } from "./runtime.js";
import { jaarPeriode, parsePeriode, parseTopN } from "../domain/rapport.js";
import { UserError } from "../errors.js";
import { writeOutput } from "../io/output-file.js";
import { pdfToBuffer } from "../render/pdf/document.js";
import { rapportBeschrijving, renderJaar, renderOpvolgingRapport, renderTop, topCsv } from "../render/rapport.js";
import { showJaar, showOpvolgingRapport, showTop, type RapportInvoer } from "../usecases/rapport.js";

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
  registerHercontrole(rapport, rt);
}

/** --van/--tot/--gemeente/--partner as a report's scope; bad dates are exit 2 here, unknown names in the use case. */
function invoer(opts: FilterOpts): RapportInvoer {
  return { ...parsePeriode(opts.van, opts.tot), gemeente: opts.gemeente, partner: opts.partner };
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
        const f = invoer(opts);
        const { rapport: r, namen } = await showTop(ctx.store(), f, n);
        const beschrijving = rapportBeschrijving(f, namen);
        if (pdf) {
          const { topPdf } = await import("../render/pdf/rapport.js");
          writeOutput(pdf, await pdfToBuffer(topPdf(r, { n, filters: beschrijving })));
        }
        if (opts.csv) {
          if (r.totaal === 0) ctx.warn("Geen bevindingen in deze periode");
          ctx.out(topCsv(r).trimEnd());
          return;
        }
        ctx.emit(opts.pdf ? { ...r, bestand: opts.pdf } : r, () => renderTop(ctx.color, r, n, beschrijving, opts.pdf));
      }),
    );
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
        const { rapport: r, team } = await showJaar(ctx.store(), jaar, ctx.today());
        if (pdf) {
          const { jaarPdf } = await import("../render/pdf/rapport.js");
          writeOutput(pdf, await pdfToBuffer(jaarPdf(r, { team })));
        }
        ctx.emit(opts.pdf ? { ...r, bestand: opts.pdf } : r, () => renderJaar(ctx.color, r, opts.pdf));
      }),
    );
}

export function registerOpvolging(rapport: Command, rt: Runtime): void {
  rapport
    .command("opvolging")
    .description("opvolgingspercentage en verlopen acties per gemeente en per partner (eigenaar)")
    .option("--van <datum>", "bevindingen van avonden vanaf deze datum")
    .option("--tot <datum>", "bevindingen van avonden tot en met deze datum")
    .action(
      action<FilterOpts>(rt, async (ctx, opts) => {
        const f = invoer(opts);
        const { rapport: r, namen } = await showOpvolgingRapport(ctx.store(), f, ctx.today());
        const beschrijving = rapportBeschrijving(f, namen);
        ctx.emit(r, () => renderOpvolgingRapport(ctx.color, r, beschrijving));
      }),
    );
}
