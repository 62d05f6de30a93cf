import type { Command } from "commander";
import { action, type Runtime } from "./runtime.js";
import { seedReferenceData } from "../db/seed.js";
import { getSetting } from "../db/referentie.js";
import { optionalText, parseList, requireText } from "../domain/invoer.js";
import { aantal } from "../domain/tekst.js";

export function register(program: Command, rt: Runtime): void {
  program
    .command("init")
    .description("maak de database aan en laad de referentiegegevens uit data/")
    .option("--team <naam>", "naam of code van het team (bijv. KIT, PIT)")
    .option("--gemeenten <lijst>", "extra gemeenten van het team, komma-gescheiden")
    .action(
      action<{ team?: string; gemeenten?: string }>(rt, (ctx, opts) => {
        const team = optionalText("team", opts.team, 80) ?? undefined;
        const gemeenten = parseList(opts.gemeenten).map((g) => requireText("gemeenten", g, 80));
        const result = ctx.change((tx) => seedReferenceData(tx, { team, gemeenten }));
        const teamNaam = result.team ?? getSetting(ctx.db(), "team") ?? null;
        ctx.emit(
          {
            database: ctx.dbPath,
            team: teamNaam,
            toegevoegd: { gemeenten: result.gemeenten, partners: result.partners, categorieen: result.categorieen },
          },
          () =>
            [
              `Database: ${ctx.dbPath}`,
              teamNaam ? `Team: ${teamNaam}` : "",
              `Toegevoegd: ${aantal(result.gemeenten, "gemeente", "gemeenten")}, ${aantal(result.partners, "partner", "partners")}, ${aantal(result.categorieen, "categorie", "categorieën")}.`,
            ]
              .filter(Boolean)
              .join("\n"),
        );
      }),
    );
}
