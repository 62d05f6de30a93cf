import type { Command } from "commander";
import { action, type Runtime } from "./runtime.js";
import { verplicht } from "./hulp.js";
import { exportDatabase } from "../usecases/export.js";
import { aantal } from "../domain/tekst.js";

export function register(program: Command, rt: Runtime): void {
  program
    .command("export")
    .description("alle gegevens als JSON; met --pseudoniem namen, postadressen en KvK-nummers als codes")
    .addOption(verplicht("--uit <bestand>", "het JSON-bestand (wordt aangemaakt met rechten 0600)"))
    .option("--pseudoniem", "vervang namen, postadressen, KvK- en telefoonnummers door vaste codes; adressen blijven")
    .option("--overschrijven", "een bestaand bestand vervangen")
    .action(
      action<{ uit?: string; pseudoniem?: boolean; overschrijven?: boolean }>(rt, async (ctx, opts) => {
        const target = ctx.outputFile(opts.uit, "uit", opts.overschrijven);
        const pseudoniem = Boolean(opts.pseudoniem);
        const telling = await exportDatabase(ctx.store(), target, pseudoniem);
        ctx.emit({ bestand: target.file, pseudoniem, tabellen: telling }, () =>
          [
            `Export geschreven naar ${target.file} (rechten 0600)${pseudoniem ? ", gepseudonimiseerd: namen, postadressen, KvK- en telefoonnummers zijn codes" : ""}.`,
            `${aantal(
              Object.values(telling).reduce((a, b) => a + b, 0),
              "rij",
              "rijen",
            )} uit ${aantal(Object.keys(telling).length, "tabel", "tabellen")}.`,
            pseudoniem
              ? "Let op: vrije tekst (omschrijvingen, toelichtingen) is niet aangepast."
              : "Let op: deze export bevat persoonsgegevens; deel alleen wat de partner nodig heeft.",
          ].join("\n"),
        );
      }),
    );
}
