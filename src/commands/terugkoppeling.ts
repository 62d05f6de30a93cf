import type { Command } from "commander";
import { writeOutput } from "../io/output-file.js";
import { action, type Runtime } from "./runtime.js";
import { listPartners } from "../db/referentie.js";
import { renderTerugkoppeling } from "../render/terugkoppeling.js";
import { showTerugkoppeling } from "../usecases/terugkoppeling.js";
import { verplicht } from "./hulp.js";

/** `rapport terugkoppeling`: registered on the `rapport` command, which other reports share. */
export function registerTerugkoppeling(rapport: Command, rt: Runtime): void {
  rapport
    .command("terugkoppeling")
    .description(
      "per partner: wat er gebeurde met elk signaal dat zij inbracht, en met de bevindingen waar zij bij betrokken is (opvolging van anderen alleen als status)",
    )
    .addOption(verplicht("--partner <partner>", "de partner die de terugkoppeling krijgt"))
    .option("--pdf <bestand>", "schrijf ook een PDF")
    .option("--overschrijven", "een bestaand PDF-bestand vervangen")
    .action(
      action<{ partner?: string; pdf?: string; overschrijven?: boolean }>(rt, async (ctx, opts) => {
        const pdf = opts.pdf !== undefined ? ctx.outputFile(opts.pdf, "pdf", opts.overschrijven) : undefined;
        const naam = await ctx.needChoice("partner", opts.partner, "Partner", async () =>
          (await ctx.read(listPartners)).map((p) => ({ name: p.naam, value: p.naam })),
        );
        const data = await showTerugkoppeling(ctx.store(), naam, ctx.today());
        if (pdf) {
          const { terugkoppelingPdf } = await import("../render/pdf/terugkoppeling.js");
          const { pdfToBuffer } = await import("../render/pdf/document.js");
          writeOutput(pdf, await pdfToBuffer(terugkoppelingPdf(data)));
        }
        ctx.emit({ ...data, ...(opts.pdf !== undefined ? { bestand: opts.pdf } : {}) }, () =>
          [renderTerugkoppeling(data, ctx.color), ...(opts.pdf !== undefined ? ["", `PDF geschreven: ${opts.pdf}`] : [])].join("\n"),
        );
      }),
    );
}
