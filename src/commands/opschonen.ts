import type { Command } from "commander";
import { action, type Runtime } from "./runtime.js";
import { verplicht } from "./hulp.js";
import type { Telling } from "../db/opschonen.js";
import { grensdatum, parseMaanden } from "../domain/bewaartermijn.js";
import { formatDutch } from "../domain/dates.js";
import { UserError } from "../errors.js";
import { runOpschoning, planOpschoning } from "../usecases/opschonen.js";
import { aantal } from "../domain/tekst.js";

export function register(program: Command, rt: Runtime): void {
  program
    .command("opschonen")
    .description(
      "bewaartermijn: verwijder afgesloten casussen waarvan de laatste activiteit ouder is dan de termijn (het adres zelf blijft)",
    )
    .addOption(verplicht("--ouder-dan <maanden>", "bewaartermijn in maanden"))
    .option("--dry-run", "toon alleen wat weg zou gaan; verwijder niets")
    .option("--ja", "niet om bevestiging vragen")
    .action(
      action<{ ouderDan?: string; dryRun?: boolean; ja?: boolean }>(rt, async (ctx, opts) => {
        if (opts.ouderDan === undefined) {
          throw new UserError("ontbrekende-optie", "Ontbrekende optie --ouder-dan (bewaartermijn in maanden, bijv. --ouder-dan 24)");
        }
        const maanden = parseMaanden(opts.ouderDan);
        const dryRun = Boolean(opts.dryRun);
        if (!dryRun && !opts.ja && !ctx.interactive) {
          throw new UserError(
            "ontbrekende-optie",
            "Ontbrekende optie --ja: opschonen verwijdert gegevens definitief; bevestig met --ja (of probeer eerst --dry-run)",
          );
        }
        const grens = grensdatum(ctx.today(), maanden);
        const voorstel = await planOpschoning(ctx.store(), ctx.today(), maanden);
        if (!dryRun && voorstel.adressen.length > 0 && !opts.ja) {
          const ja = await ctx.prompts.confirm({
            message: `${aantal(voorstel.adressen.length, "casus", "casussen")} met laatste activiteit vóór ${formatDutch(grens)} definitief verwijderen (${samenvatting(voorstel.telling)})?`,
            default: false,
          });
          if (!ja) throw new UserError("afgebroken", "Afgebroken; er is niets verwijderd");
        }
        const uitkomst = dryRun ? voorstel : await runOpschoning(ctx.store(), ctx.today(), maanden, ctx.bewijs());
        if ("vrijeRuimteGewist" in uitkomst && !uitkomst.vrijeRuimteGewist) {
          ctx.warn("Let op: de database is bezet; vrijgekomen ruimte wordt bij een volgend opschonen gewist.");
        }
        ctx.emit(
          {
            dryRun,
            ouderDan: maanden,
            grens,
            adressen: uitkomst.adressen,
            verwijderd: dryRun ? null : uitkomst.telling,
            zouVerwijderen: dryRun ? uitkomst.telling : null,
          },
          () => {
            if (uitkomst.adressen.length === 0)
              return `Niets op te schonen: geen afgesloten casussen met laatste activiteit vóór ${formatDutch(grens)}.`;
            const kop = dryRun
              ? `Proefrun (--dry-run): ${aantal(uitkomst.adressen.length, "casus zou", "casussen zouden")} worden verwijderd; er is niets gewijzigd.`
              : `${aantal(uitkomst.adressen.length, "casus", "casussen")} verwijderd (laatste activiteit vóór ${formatDutch(grens)}); de adressen zelf blijven bestaan.`;
            return [
              kop,
              `Adres-id's: ${uitkomst.adressen.join(", ")}`,
              `${dryRun ? "Zou verwijderen" : "Verwijderd"}: ${samenvatting(uitkomst.telling)}`,
            ].join("\n");
          },
        );
      }),
    );
}

function samenvatting(t: Telling): string {
  const delen = Object.entries(t)
    .filter(([, n]) => n > 0)
    .map(([tabel, n]) => `${tabel} ${n}`);
  return delen.length ? delen.join(", ") : "geen rijen";
}
