import type { Command } from "commander";
import { action, type Runtime } from "./runtime.js";
import { loadReferentiedata } from "../usecases/init.js";
import { optionalText, parseList, requireText } from "../domain/invoer.js";
import { aantal } from "../domain/tekst.js";

export function register(program: Command, rt: Runtime): void {
  program
    .command("init")
    .description("maak de database aan en laad de referentiegegevens uit data/")
    .option("--team <naam>", "naam of code van het team (bijv. KIT, PIT)")
    .option("--gemeenten <lijst>", "extra gemeenten van het team, komma-gescheiden")
    .action(
      action<{ team?: string; gemeenten?: string }>(rt, async (ctx, opts) => {
        const team = optionalText("team", opts.team, 80) ?? undefined;
        const gemeenten = parseList(opts.gemeenten).map((g) => requireText("gemeenten", g, 80));
        const { team: teamNaam, toegevoegd } = await loadReferentiedata(ctx.store(), { team, gemeenten });
        ctx.emit({ database: ctx.plek, team: teamNaam, toegevoegd }, () =>
          [
            `Database: ${ctx.plek}`,
            teamNaam ? `Team: ${teamNaam}` : "",
            `Toegevoegd: ${aantal(toegevoegd.gemeenten, "gemeente", "gemeenten")}, ${aantal(toegevoegd.partners, "partner", "partners")}, ${aantal(toegevoegd.categorieen, "categorie", "categorieën")}.`,
          ]
            .filter(Boolean)
            .join("\n"),
        );
      }),
    );
}
