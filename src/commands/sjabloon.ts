import fs from "node:fs";
import type { Command } from "commander";
import { action, type Runtime } from "./runtime.js";
import { eigenSjabloonMap, loadSjabloon, listSjablonen } from "../io/sjablonen.js";
import { renderTable } from "../render/table.js";

export function register(program: Command, rt: Runtime): void {
  const sjabloon = program.command("sjabloon").description("briefsjablonen: lijst en toon (bewerkbaar door de juridische afdeling)");

  sjabloon
    .command("lijst")
    .description("toon de beschikbare briefsjablonen")
    .option("--sjablonen <map>", "eigen sjablonenmap (of INTERVENTIE_SJABLONEN)")
    .action(
      action<{ sjablonen?: string }>(rt, (ctx, opts) => {
        const rows = listSjablonen(eigenSjabloonMap(opts.sjablonen, ctx.streams.env));
        ctx.emit(rows, () =>
          renderTable(
            rows,
            [
              { header: "naam", value: (r) => r.naam },
              { header: "titel", value: (r) => r.titel },
              { header: "bron", value: (r) => r.bron },
            ],
            ctx.color,
          ),
        );
      }),
    );

  sjabloon
    .command("toon <naam>")
    .description("toon de tekst van een sjabloon")
    .option("--sjablonen <map>", "eigen sjablonenmap (of INTERVENTIE_SJABLONEN)")
    .action(
      action<{ sjablonen?: string }>(rt, (ctx, opts, naam) => {
        const s = loadSjabloon(String(naam), eigenSjabloonMap(opts.sjablonen, ctx.streams.env));
        ctx.emit({ naam: s.naam, titel: s.titel, bron: s.bron, bestand: s.bestand, tekst: fs.readFileSync(s.bestand, "utf8") }, () =>
          fs.readFileSync(s.bestand, "utf8"),
        );
      }),
    );
}
