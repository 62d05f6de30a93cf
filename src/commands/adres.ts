import type { Command } from "commander";
import { action, type Runtime } from "./runtime.js";
import { verplicht } from "./hulp.js";
import type { Ctx } from "../context.js";
import { listGemeenten } from "../db/referentie.js";
import {
  formatAdres,
  metAdres,
  normalisePostcode,
  normaliseToevoeging,
  OBJECT_TYPES,
  parseHuisnummer,
  validateAdres,
} from "../domain/adres.js";
import { ADRES_CSV_COLUMNS } from "../domain/adres-import.js";
import { parseId, requireText } from "../domain/invoer.js";
import { aantal } from "../domain/tekst.js";
import { openCsv, readCsv } from "../io/csv.js";
import { ask } from "../io/prompts.js";
import { renderAdressen, renderHistorie } from "../render/adres.js";
import { addAdres, importAdressen, showAdres, showAdressen } from "../usecases/adres.js";

interface ToevoegenOpts {
  postcode?: string;
  huisnummer?: string;
  toevoeging?: string;
  straat?: string;
  plaats?: string;
  gemeente?: string;
  type?: string;
}

export function register(program: Command, rt: Runtime): void {
  const adres = program.command("adres").description("adressen: toevoegen, importeren, lijst, toon");

  adres
    .command("toevoegen")
    .description("voeg één adres toe")
    .addOption(verplicht("--postcode <postcode>", "bijv. 5531AB of 5531 AB"))
    .addOption(verplicht("--huisnummer <nr>", "huisnummer (vanaf 1)"))
    .option("--toevoeging <t>", "huisnummertoevoeging, bijv. A")
    .addOption(verplicht("--straat <straat>", "straatnaam"))
    .addOption(verplicht("--plaats <plaats>", "woonplaats"))
    .addOption(verplicht("--gemeente <gemeente>", "gemeente (moet bestaan)"))
    .option("--type <type>", `objecttype: ${OBJECT_TYPES.join("|")}`)
    .action(action<ToevoegenOpts>(rt, toevoegen));

  adres
    .command("importeren <bestand>")
    .description("importeer adressen uit CSV (alles of niets)")
    .option("--dry-run", "controleer alleen; schrijf niets")
    .action(
      action<{ dryRun?: boolean }>(rt, async (ctx, opts, file) => {
        const bestand = String(file);
        const bron = openCsv(bestand); // an unreadable file is refused before the database is opened
        const r = await importAdressen(ctx.store(), (onRow) => readCsv(bron, ADRES_CSV_COLUMNS, onRow), {
          bestand,
          dryRun: Boolean(opts.dryRun),
        });
        if (opts.dryRun) {
          ctx.emit(
            { dryRun: true, geldig: r.geldig, geimporteerd: 0 },
            () => `Controle: ${aantal(r.geldig, "adres", "adressen")} geldig; niets geschreven (--dry-run).`,
          );
          return;
        }
        ctx.emit({ geimporteerd: r.ids.length, ids: r.ids }, () => `${aantal(r.ids.length, "adres", "adressen")} geïmporteerd.`);
      }),
    );

  adres
    .command("lijst")
    .description("toon adressen")
    .option("--gemeente <gemeente>", "alleen deze gemeente")
    .action(
      action<{ gemeente?: string }>(rt, async (ctx, opts) => {
        const rows = await showAdressen(ctx.store(), { gemeente: opts.gemeente });
        ctx.emit(rows, () => renderAdressen(rows, ctx.color));
      }),
    );

  adres
    .command("toon <id>")
    .description("toon een adres met zijn volledige geschiedenis")
    .action(
      action(rt, async (ctx, _opts, id) => {
        const { adres, historie } = await showAdres(ctx.store(), parseId("id", id as string));
        ctx.emit({ ...adres, ...historie, signalen: historie.signalen.map(metAdres) }, () => renderHistorie(adres, historie, ctx.color));
      }),
    );
}

async function toevoegen(ctx: Ctx, opts: ToevoegenOpts): Promise<void> {
  // Each answer is checked with the rule its flag uses, and asked again when wrong.
  const postcode = await ctx.needValue("postcode", opts.postcode, "Postcode", normalisePostcode);
  const huisnummer = await ctx.needValue("huisnummer", opts.huisnummer, "Huisnummer", parseHuisnummer);
  const guided = ctx.interactive && opts.postcode === undefined;
  const toevoeging =
    opts.toevoeging ?? (guided ? await ask(ctx.prompts, { message: "Toevoeging (leeg als er geen is)", parse: normaliseToevoeging }) : "");
  const straat = await ctx.needValue("straat", opts.straat, "Straat", (v) => requireText("straat", v, 120));
  const plaats = await ctx.needValue("plaats", opts.plaats, "Plaats", (v) => requireText("plaats", v, 80));
  const gemeente = await ctx.needChoice("gemeente", opts.gemeente, "Gemeente", async () =>
    (await ctx.read(listGemeenten)).map((g) => ({ name: g.naam, value: g.naam })),
  );
  const type =
    opts.type ??
    (guided
      ? await ctx.prompts.select({ message: "Objecttype", choices: OBJECT_TYPES.map((t) => ({ name: t, value: t as string })) })
      : undefined);
  const a = validateAdres({ postcode, huisnummer, toevoeging, straat, plaats, gemeente, type });
  const r = await addAdres(ctx.store(), a);
  ctx.emit({ id: r.id, ...a, gemeente: r.gemeente }, () => `Adres ${formatAdres(a)} (${r.gemeente}) toegevoegd met id ${r.id}.`);
}
