import type { Command } from "commander";
import { action, type Runtime } from "./runtime.js";
import { verplicht } from "./hulp.js";
import { findToezichthouder } from "../db/toezichthouder.js";
import { parseToezichthouderNummer } from "../domain/bevinding.js";
import { parseEnum, requireText } from "../domain/invoer.js";
import { UserError } from "../errors.js";
import { renderTable } from "../render/table.js";
import { addToezichthouder, showToezichthouders } from "../usecases/toezichthouder.js";

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
        const nummer = parseToezichthouderNummer(await ctx.needText("nummer", opts.nummer, "Nummer van de toezichthouder"), "nummer");
        // Known already: said before anything else is asked (the use case checks again under the lock).
        if (await ctx.read((sql) => findToezichthouder(sql, nummer)))
          throw new UserError("bestaat-al", `Toezichthouder ${nummer} bestaat al`);
        const functie = requireText("functie", await ctx.needText("functie", opts.functie, "Functie (zoals in het rapport)"), 120);
        const orgNaam = requireText("organisatie", await ctx.needText("organisatie", opts.organisatie, "Gemeente of partner"), 100);
        const soort = parseEnum("beediging", opts.beediging, ["ambtseed", "ambtsbelofte", "geen"] as const);
        const beediging = soort === "geen" ? null : soort;
        const { id, organisatie } = await addToezichthouder(ctx.store(), { nummer, functie, organisatie: orgNaam, beediging });
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
      action(rt, async (ctx) => {
        const rows = await showToezichthouders(ctx.store());
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
