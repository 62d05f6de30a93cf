import type { Command } from "commander";
import { action, type Runtime } from "./runtime.js";
import type { Ctx } from "../context.js";
import { parseEuro } from "../domain/bedrag.js";
import { metAdres } from "../domain/adres.js";
import { optionalText, parseId } from "../domain/invoer.js";
import { missingFlag } from "../errors.js";
import { writeOutput } from "../io/output-file.js";
import { eigenSjabloonMap } from "../io/sjablonen.js";
import { renderBatch, renderBrieven, renderGemaakt } from "../render/brief.js";
import { listBriefKeuzes, makeBatch, makeBrief, makeVoorbeeld, showBrieven, type BriefOmgeving } from "../usecases/brief.js";
import { chooseAvondId } from "./avond-keuze.js";
import { verplicht } from "./hulp.js";

interface MaakOpts {
  opvolging?: string;
  sjabloon?: string;
  aan?: string;
  uit?: string;
  opnieuw?: boolean;
  sjablonen?: string;
  bedrag?: string;
  maximum?: string;
  overtreder?: string;
  hoedanigheid?: string;
  kosten?: string;
}

interface BatchOpts {
  avond?: string;
  uit?: string;
  opnieuw?: boolean;
  sjablonen?: string;
}

export function register(program: Command, rt: Runtime): void {
  const brief = program.command("brief").description("brieven bij de opvolging: maken, in batch per avond, voorbeeld van een sjabloon");

  brief
    .command("maak")
    .description("maak de brief bij één opvolging; een stap van de handhavingsladder alleen als die aan de beurt is")
    .addOption(verplicht("--opvolging <id>", "opvolging-id; in een terminal kies je uit de brieven die aan de beurt zijn"))
    .option("--sjabloon <naam>", "sjabloon (standaard: dat van de opvolging of van de stap op de handhavingsladder)")
    .option("--aan <betrokkene-id>", "ontvanger (standaard: de overtreder, anders de eigenaar van het adres)")
    .addOption(verplicht("--uit <map>", "map voor de PDF (bij --opnieuw standaard de map van de eerste afdruk)"))
    .option("--opnieuw", "druk een gemaakte brief opnieuw af, met hetzelfde kenmerk en dezelfde datum")
    .option("--sjablonen <map>", "eigen sjablonenmap (of INTERVENTIE_SJABLONEN)")
    .option("--overtreder <betrokkene-id>", "wijs de overtreder van de handhavingszaak aan (vóór het voornemen)")
    .option("--hoedanigheid <tekst>", 'als wat de overtreder wordt aangesproken, bijv. "verhuurder van de woning"')
    .option("--bedrag <tekst>", 'dwangsom van deze zaak, bijv. "€ 2.500" (vóór het voornemen)')
    .option("--maximum <tekst>", 'maximum van de dwangsom, bijv. "€ 25.000" (vóór het voornemen)')
    .option("--kosten <bedrag>", "kosten van de uitgevoerde bestuursdwang, voor de kostenbeschikking")
    .action(action<MaakOpts>(rt, maak));

  brief
    .command("batch")
    .description("maak de brieven die voor een controleavond aan de beurt zijn; noemt wat wordt tegengehouden en tot wanneer")
    .addOption(verplicht("--avond <id>", "avond-id; in een terminal kies je uit de avonden"))
    .addOption(verplicht("--uit <map>", "map voor de PDF's"))
    .option("--opnieuw", "druk ook de brieven die al gemaakt zijn opnieuw af (zelfde kenmerk en datum)")
    .option("--sjablonen <map>", "eigen sjablonenmap (of INTERVENTIE_SJABLONEN)")
    .action(action<BatchOpts>(rt, batch));

  brief
    .command("lijst")
    .description("toon de gemaakte brieven (kenmerk, sjabloon, adres, ontvanger, bestand)")
    .option("--avond <id>", "alleen brieven over bevindingen van deze avond")
    .action(
      action<{ avond?: string }>(rt, async (ctx, opts) => {
        const rows = await showBrieven(ctx.store(), { avondId: opts.avond !== undefined ? parseId("avond", opts.avond) : undefined });
        ctx.emit(rows.map(metAdres), () => renderBrieven(rows, ctx.color));
      }),
    );

  brief
    .command("voorbeeld")
    .description("toon een sjabloon gevuld met voorbeeldgegevens (zonder database)")
    .option("--sjabloon <naam>", "sjabloonnaam; zie: sjabloon lijst")
    .option("--uit <bestand>", "PDF-bestand")
    .option("--overschrijven", "een bestaand PDF-bestand vervangen")
    .option("--gemeente <naam>", "briefhoofd van deze gemeente", "Veldhoven")
    .option("--sjablonen <map>", "eigen sjablonenmap (of INTERVENTIE_SJABLONEN)")
    .action(action<VoorbeeldOpts>(rt, voorbeeld));
}

// ---------------------------------------------------------------------------

/** The day, the templates, and the terminal's say in folders and progress. */
function omgeving(ctx: Ctx, eigen: string | undefined): BriefOmgeving {
  return { vandaag: ctx.today(), eigen, map: (dir) => ctx.outputFolder(dir), voortgang: (totaal) => voortgang(ctx, totaal) };
}

async function maak(ctx: Ctx, opts: MaakOpts): Promise<void> {
  const eigen = eigenSjabloonMap(opts.sjablonen, ctx.streams.env);
  const opvolgingId = await kiesBriefAanDeBeurt(ctx, opts.opvolging, eigen);
  const uit = opts.opnieuw ? opts.uit : await ctx.needText("uit", opts.uit, "Map voor de PDF");
  const r = await makeBrief(
    ctx.store(),
    {
      opvolgingId,
      sjabloon: opts.sjabloon,
      aan: opts.aan !== undefined ? parseId("aan", opts.aan) : undefined,
      uit,
      opnieuw: opts.opnieuw === true,
      bedrag: opts.bedrag !== undefined ? parseEuro(opts.bedrag, "bedrag") : undefined,
      maximum: opts.maximum !== undefined ? parseEuro(opts.maximum, "maximum") : undefined,
      kosten: opts.kosten !== undefined ? parseEuro(opts.kosten, "kosten") : undefined,
      overtreder: opts.overtreder !== undefined ? parseId("overtreder", opts.overtreder) : undefined,
      hoedanigheid: optionalText("hoedanigheid", opts.hoedanigheid, 200) ?? undefined,
    },
    omgeving(ctx, eigen),
    ctx.interactive
      ? {
          overtreder: async (kandidaten) =>
            Number(
              await ctx.prompts.select({
                message: "Wie is de overtreder (artikel 5:1 Awb)?",
                choices: kandidaten.map((b) => ({ name: `${b.naam} (${b.rol})`, value: String(b.id) })),
              }),
            ),
          hoedanigheid: (standaard) => ctx.prompts.input({ message: "Als wat wordt de overtreder aangesproken?", default: standaard }),
        }
      : {},
  );
  ctx.emit(r.brief, () => renderGemaakt(r, ctx.color));
}

/** --opvolging, or at a terminal a choice of the letters that are due, after those held back with their reason. */
async function kiesBriefAanDeBeurt(ctx: Ctx, raw: string | undefined, eigen: string | undefined): Promise<number> {
  if (raw !== undefined && raw !== "") return parseId("opvolging", raw);
  if (!ctx.interactive) throw missingFlag("opvolging");
  const { keuzes, tegengehouden } = await listBriefKeuzes(ctx.store(), ctx.today(), eigen);
  if (tegengehouden.length) ctx.say(["Nog niet aan de beurt:", ...tegengehouden].join("\n"));
  const gekozen = await ctx.needChoice("opvolging", undefined, "Welke brief maken?", keuzes, {
    leeg: `Er is geen brief aan de beurt${tegengehouden.length ? " (zie hierboven wat wordt tegengehouden)" : ""}; zie interventie opvolging lijst`,
  });
  return parseId("opvolging", gekozen);
}

async function batch(ctx: Ctx, opts: BatchOpts): Promise<void> {
  const eigen = eigenSjabloonMap(opts.sjablonen, ctx.streams.env);
  const avondId = await chooseAvondId(ctx, opts.avond, "avond", missingFlag("avond"));
  const uit = await ctx.needText("uit", opts.uit, "Map voor de PDF's");
  const opnieuw = opts.opnieuw === true;
  const r = await makeBatch(ctx.store(), { avondId, uit, opnieuw }, omgeving(ctx, eigen));
  if (!ctx.json)
    for (const s of r.overgeslagen.filter((x) => x.reden.startsWith("geen eigenaar")))
      ctx.warn(`Opvolging ${s.opvolging} overgeslagen: ${s.reden}`);
  ctx.emit(r, () => renderBatch(r, { uit, opnieuw }));
}

interface VoorbeeldOpts {
  sjabloon?: string;
  uit?: string;
  gemeente: string;
  sjablonen?: string;
  overschrijven?: boolean;
}

async function voorbeeld(ctx: Ctx, opts: VoorbeeldOpts): Promise<void> {
  const eigen = eigenSjabloonMap(opts.sjablonen, ctx.streams.env);
  const naam = await ctx.needText("sjabloon", opts.sjabloon, "Sjabloon");
  const uit = ctx.outputFile(await ctx.needText("uit", opts.uit, "PDF-bestand"), "uit", opts.overschrijven);
  const v = await makeVoorbeeld(naam, { eigen, gemeente: opts.gemeente.trim(), datum: ctx.today() });
  writeOutput(uit, v.pdf);
  ctx.emit({ sjabloon: naam, bestand: uit.file, bron: v.bron }, () => `Voorbeeld van ${naam} (${v.titel}): ${uit.file}`);
}

/** A progress bar on stderr for more than five letters, only at a terminal and never with --json. */
function voortgang(ctx: Ctx, totaal: number): (n: number) => void {
  const stderr = ctx.streams.stderr;
  if (totaal <= 5 || ctx.json || !stderr.isTTY) return () => {};
  return (n) => {
    const w = 30;
    const done = Math.round((n / totaal) * w);
    stderr.write(`\r[${"#".repeat(done)}${"-".repeat(w - done)}] ${n}/${totaal} brieven`);
    if (n === totaal) stderr.write("\n");
  };
}
