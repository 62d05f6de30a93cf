import type { Command } from "commander";
import { action, type Runtime } from "./runtime.js";
import { verplicht } from "./hulp.js";
import { omgeving, ondertekenOpties, parseOndertekenOpties } from "./rapport-bevindingen.js";
import { parseId } from "../domain/invoer.js";
import { renderHercontroleUitkomst } from "../render/rapport-hercontrole.js";
import { makeHercontroleRapport } from "../usecases/rapport-hercontrole.js";

interface Opts {
  opvolging?: string;
  pdf?: string;
  onderteken?: boolean;
  ondertekenaar?: string;
  versie?: string;
  overschrijven?: boolean;
}

/** `rapport hercontrole`: the rapport van bevindingen of a hercontrole, on which an invordering or kostenverhaal rests. */
export function registerHercontrole(rapport: Command, rt: Runtime): void {
  ondertekenOpties(
    rapport
      .command("hercontrole")
      .description(
        "rapport van bevindingen van een hercontrole (grondslag van invordering en kostenverhaal); met --onderteken onveranderlijk",
      )
      .addOption(verplicht("--opvolging <id>", "de afgesloten hercontrole (opvolging-id)"))
      .addOption(verplicht("--pdf <bestand>", "PDF-bestand")),
  ).action(
    action<Opts>(rt, async (ctx, opts) => {
      const opvolgingId = parseId("opvolging", await ctx.needText("opvolging", opts.opvolging, "Opvolging-id van de hercontrole"));
      const versie = parseOndertekenOpties(opts);
      const pdf = await ctx.needText("pdf", opts.pdf, "PDF-bestand");
      ctx.outputFile(pdf, "pdf", opts.overschrijven); // checked before any work: never the database, no silent overwrite
      const u = await makeHercontroleRapport(
        ctx.store(),
        {
          onderteken: opts.onderteken === true,
          ondertekenaar: opts.ondertekenaar,
          overschrijven: opts.overschrijven,
          opvolgingId,
          pdf,
          versie,
        },
        omgeving(ctx),
      );
      ctx.emit(u, () => renderHercontroleUitkomst(u));
    }),
  );
}
