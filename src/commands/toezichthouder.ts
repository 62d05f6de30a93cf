import type { Command } from "commander";
import { action, type Runtime } from "./runtime.js";
import { verplicht } from "./hulp.js";
import { findGemeente, findPartner } from "../db/referentie.js";
import { findToezichthouder, insertToezichthouder, listToezichthouders } from "../db/toezichthouder.js";
import { parseToezichthouderNummer } from "../domain/bevinding.js";
import { parseEnum, requireText } from "../domain/invoer.js";
import { UserError } from "../errors.js";
import { renderTable } from "../render/table.js";

/**
 * `toezichthouder toevoegen|lijst`: the inspectors who sign reports, by number, function and
 * organisation. Deliberately no name field: reports and letters reach offenders.
 */
export function register(program: Command, rt: Runtime): void {
  const th = program
    .command("toezichthouder")
    .description("toezichthouders (BOA's) op nummer en functie, zonder namen: de opstellers van rapporten van bevindingen");

  th.command("toevoegen")
    .description("leg een toezichthouder vast met nummer, functie en organisatie")
    .addOption(verplicht("--nummer <nummer>", "BOA- of toezichthoudernummer, bijv. 4711"))
    .addOption(verplicht("--functie <tekst>", 'functie zoals in het rapport, bijv. "toezichthouder Wonen" of "BOA domein II"'))
    .addOption(verplicht("--organisatie <naam>", "gemeente of partner waarvoor de toezichthouder werkt"))
    .option("--beediging <soort>", "ambtseed|ambtsbelofte|geen: of rapporten 'opgemaakt op ambtseed/ambtsbelofte' vermelden", "geen")
    .action(
      action<{ nummer?: string; functie?: string; organisatie?: string; beediging: string }>(rt, async (ctx, opts) => {
        const db = ctx.db();
        const nummer = parseToezichthouderNummer(await ctx.needText("nummer", opts.nummer, "Nummer van de toezichthouder"), "nummer");
        if (findToezichthouder(db, nummer)) throw new UserError("bestaat-al", `Toezichthouder ${nummer} bestaat al`);
        const functie = requireText("functie", await ctx.needText("functie", opts.functie, "Functie (zoals in het rapport)"), 120);
        const orgNaam = requireText("organisatie", await ctx.needText("organisatie", opts.organisatie, "Gemeente of partner"), 100);
        const gemeente = findGemeente(db, orgNaam);
        const partner = gemeente ? undefined : findPartner(db, orgNaam);
        if (!gemeente && !partner) {
          throw new UserError(
            "niet-gevonden",
            `organisatie: "${orgNaam}" is geen gemeente of partner (zie gemeente lijst en partner lijst)`,
          );
        }
        const soort = parseEnum("beediging", opts.beediging, ["ambtseed", "ambtsbelofte", "geen"] as const);
        const beediging = soort === "geen" ? null : soort;
        const id = ctx.change((tx) =>
          insertToezichthouder(tx, { nummer, functie, gemeenteId: gemeente?.id ?? null, partnerId: partner?.id ?? null, beediging }),
        );
        const organisatie = gemeente ? gemeente.naam : partner!.naam;
        ctx.emit(
          { id, nummer, functie, organisatie, beediging },
          () =>
            `Toezichthouder ${nummer} (${functie}, ${organisatie}) vastgelegd${beediging ? `; rapporten vermelden "opgemaakt op ${beediging}"` : ""}.`,
        );
      }),
    );

  th.command("lijst")
    .description("toon de toezichthouders")
    .action(
      action(rt, (ctx) => {
        const rows = listToezichthouders(ctx.db());
        if (!ctx.json && rows.length === 0) {
          ctx.out(
            "Nog geen toezichthouders; voeg toe met: interventie toezichthouder toevoegen --nummer <n> --functie <f> --organisatie <o>",
          );
          return;
        }
        ctx.emit(rows, () =>
          renderTable(
            rows,
            [
              { header: "nummer", value: (r) => r.nummer, priority: 1 },
              { header: "functie", value: (r) => r.functie, priority: 2 },
              { header: "organisatie", value: (r) => r.organisatie, priority: 3 },
              { header: "beëdiging", value: (r) => r.beediging ?? "-", priority: 6 },
            ],
            ctx.color,
          ),
        );
      }),
    );
}
