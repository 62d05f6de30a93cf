import fs from "node:fs";
import path from "node:path";
import { writeLetter, writeOutput } from "../io/output-file.js";
import type { Command } from "commander";
import { action, type Runtime } from "./runtime.js";
import type { Ctx } from "../context.js";
import { betrokkenenVanAdres, requireBetrokkene } from "../db/betrokkene.js";
import {
  avondBestaat,
  brievenVanOpvolging,
  getBriefhoofd,
  insertBrief,
  kenmerkenVanJaar,
  listBrieven,
  openOpvolgingenVanAvond,
  requireOpvolgingVoorBrief,
} from "../db/brief.js";
import { findGemeente } from "../db/referentie.js";
import {
  briefBestandsnaam,
  briefContext,
  formatKenmerk,
  groepeerBrieven,
  KENMERK_PREFIX,
  maakBriefhoofd,
  PARTNER_SJABLONEN,
  sjabloonVoorActie,
  volgendVolgnummer,
  voorbeeldGroep,
  volledigAdres,
  type BriefGroep,
  type Ontvanger,
  type Overgeslagen,
} from "../domain/brief.js";
import { formatDutch } from "../domain/dates.js";
import { parseId, optionalText } from "../domain/invoer.js";
import { notFound, UserError } from "../errors.js";
import { eigenSjabloonMap, laadSjabloon, standaardBriefhoofd } from "../io/sjablonen.js";
import { briefPdf } from "../render/pdf/brief.js";
import { pdfToBuffer } from "../render/pdf/document.js";
import { vulSjabloon } from "../render/sjabloon.js";
import { renderTable } from "../render/table.js";

interface MaakOpts {
  opvolging?: string;
  sjabloon?: string;
  aan?: string;
  uit?: string;
  opnieuw?: boolean;
  sjablonen?: string;
  bedrag?: string;
  maximum?: string;
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
    .description("maak de brief bij één opvolging (standaard aan de eigenaar van het adres)")
    .option("--opvolging <id>", "opvolging-id")
    .option("--sjabloon <naam>", "sjabloon (standaard: volgens de actie van de opvolging)")
    .option("--aan <betrokkene-id>", "ontvanger (standaard: de eigenaar van het adres)")
    .option("--uit <map>", "map voor de PDF")
    .option("--opnieuw", "maak de brief opnieuw, ook als die al bestaat")
    .option("--sjablonen <map>", "eigen sjablonenmap (of INTERVENTIE_SJABLONEN)")
    .option("--bedrag <tekst>", 'dwangsom per periode, bijv. "€ 2.500"')
    .option("--maximum <tekst>", 'maximum dwangsom, bijv. "€ 25.000"')
    .action(action<MaakOpts>(rt, maak));

  brief
    .command("batch")
    .description("maak alle brieven die voor een controleavond klaarstaan (één per ontvanger, adres en sjabloon)")
    .option("--avond <id>", "avond-id")
    .option("--uit <map>", "map voor de PDF's")
    .option("--opnieuw", "maak ook brieven die al gemaakt zijn opnieuw")
    .option("--sjablonen <map>", "eigen sjablonenmap (of INTERVENTIE_SJABLONEN)")
    .action(action<BatchOpts>(rt, batch));

  brief
    .command("lijst")
    .description("toon de gemaakte brieven (kenmerk, sjabloon, adres, ontvanger, bestand)")
    .option("--avond <id>", "alleen brieven over bevindingen van deze avond")
    .action(
      action<{ avond?: string }>(rt, (ctx, opts) => {
        const rows = listBrieven(ctx.db(), { avondId: opts.avond !== undefined ? parseId("avond", opts.avond) : undefined });
        if (!ctx.json && rows.length === 0) {
          ctx.out("Nog geen brieven.");
          return;
        }
        ctx.emit(rows, () =>
          renderTable(
            rows,
            [
              { header: "kenmerk", value: (r) => r.kenmerk },
              { header: "datum", value: (r) => formatDutch(r.datum) },
              { header: "sjabloon", value: (r) => r.sjabloon },
              { header: "adres", value: (r) => r.adres },
              { header: "aan", value: (r) => r.ontvanger },
              { header: "opvolging", value: (r) => r.opvolgingen.join(", ") },
              { header: "bestand", value: (r) => path.basename(r.bestand) },
            ],
            ctx.color,
          ),
        );
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
    .action(action<{ sjabloon?: string; uit?: string; gemeente: string; sjablonen?: string; overschrijven?: boolean }>(rt, voorbeeld));
}

async function maak(ctx: Ctx, opts: MaakOpts): Promise<void> {
  const eigen = eigenSjabloonMap(opts.sjablonen, ctx.streams.env);
  const opvolgingId = parseId("opvolging", await ctx.needText("opvolging", opts.opvolging, "Opvolging-id"));
  const uit = await ctx.needText("uit", opts.uit, "Map voor de PDF");
  const bedrag = optionalText("bedrag", opts.bedrag, 60) ?? undefined;
  const maximum = optionalText("maximum", opts.maximum, 60) ?? undefined;
  if (opts.sjabloon !== undefined) laadSjabloon(opts.sjabloon, eigen); // refuse bad names before touching the database
  const db = ctx.db();
  const o = requireOpvolgingVoorBrief(db, opvolgingId);
  const sjabloon = opts.sjabloon ?? sjabloonVoorActie(o.actie);
  if (!sjabloon) {
    throw new UserError(
      "geen-sjabloon",
      `Opvolging ${o.opvolgingId} (actie "${o.actie}") heeft geen standaardbrief; kies er een met --sjabloon <naam> (zie: sjabloon lijst)`,
    );
  }
  const eerder = brievenVanOpvolging(db, o.opvolgingId);
  if (eerder.length && !opts.opnieuw) {
    throw new UserError(
      "al-verstuurd",
      `Opvolging ${o.opvolgingId} heeft al brief ${eerder.map((b) => b.kenmerk).join(", ")}; gebruik --opnieuw om een nieuwe brief te maken`,
    );
  }
  let ontvanger: Ontvanger | undefined;
  if (opts.aan !== undefined) {
    const b = requireBetrokkene(db, parseId("aan", opts.aan));
    const rol = betrokkenenVanAdres(db, o.adres.id).find((x) => x.id === b.id)?.rol ?? null;
    ontvanger = { soort: "betrokkene", id: b.id, naam: b.naam, postadres: b.postadres, rol };
  } else if (PARTNER_SJABLONEN.has(sjabloon)) {
    ontvanger = { soort: "partner", id: o.partnerId, naam: o.partner };
  } else {
    ontvanger = eigenaarVan(ctx, o.adres.id);
    if (!ontvanger) {
      throw new UserError(
        "geen-ontvanger",
        `Adres ${volledigAdres(o.adres)} heeft geen eigenaar; kies de ontvanger met --aan <betrokkene-id>`,
      );
    }
  }
  const [brief] = await maakEnBewaar(ctx, [{ sjabloon, ontvanger, adres: o.adres, opvolgingen: [o] }], {
    uit,
    eigen,
    dwangsom: { bedrag, maximum },
  });
  ctx.emit(brief, () => `Brief ${brief!.kenmerk} (${sjabloon}) aan ${ontvanger.naam}: ${brief!.bestand}`);
}

async function batch(ctx: Ctx, opts: BatchOpts): Promise<void> {
  const eigen = eigenSjabloonMap(opts.sjablonen, ctx.streams.env);
  const avondId = parseId("avond", await ctx.needText("avond", opts.avond, "Avond-id"));
  const uit = await ctx.needText("uit", opts.uit, "Map voor de PDF's");
  const db = ctx.db();
  if (!avondBestaat(db, avondId)) throw notFound("Avond", avondId);
  const alle = openOpvolgingenVanAvond(db, avondId);
  const al: Overgeslagen[] = [];
  const teDoen = alle.filter((o) => {
    const eerder = opts.opnieuw ? [] : brievenVanOpvolging(db, o.opvolgingId);
    if (eerder.length) al.push({ opvolging: o.opvolgingId, reden: `al verstuurd (${eerder.map((b) => b.kenmerk).join(", ")})` });
    return eerder.length === 0;
  });
  const { groepen, overgeslagen } = groepeerBrieven(teDoen, (adresId) => eigenaarVan(ctx, adresId));
  const brieven = await maakEnBewaar(ctx, groepen, { uit, eigen });
  const overgeslagenAlles = [...overgeslagen, ...al].sort((a, b) => a.opvolging - b.opvolging);
  for (const s of overgeslagen.filter((x) => x.reden.startsWith("geen eigenaar")))
    if (!ctx.json) ctx.warn(`Opvolging ${s.opvolging} overgeslagen: ${s.reden}`);
  ctx.emit({ avond: avondId, aantal: brieven.length, brieven, overgeslagen: overgeslagenAlles }, () => {
    if (brieven.length === 0) {
      return al.length
        ? `Geen nieuwe brieven voor avond ${avondId}: ${al.length} opvolging(en) hebben al een brief (gebruik --opnieuw om ze opnieuw te maken).`
        : `Geen brieven nodig voor avond ${avondId}.`;
    }
    return [
      `${brieven.length} brief/brieven gemaakt in ${path.resolve(uit)}:`,
      ...brieven.map((b) => `  ${path.basename(b.bestand)}  aan ${b.ontvanger}`),
    ].join("\n");
  });
}

async function voorbeeld(
  ctx: Ctx,
  opts: { sjabloon?: string; uit?: string; gemeente: string; sjablonen?: string; overschrijven?: boolean },
): Promise<void> {
  const eigen = eigenSjabloonMap(opts.sjablonen, ctx.streams.env);
  const naam = await ctx.needText("sjabloon", opts.sjabloon, "Sjabloon");
  const uit = await ctx.needText("uit", opts.uit, "PDF-bestand");
  const s = laadSjabloon(naam, eigen);
  const gemeente = opts.gemeente.trim();
  const briefhoofd = maakBriefhoofd(gemeente, undefined, standaardBriefhoofd(gemeente));
  const datum = ctx.today();
  const context = briefContext({ groep: voorbeeldGroep(naam), briefhoofd, datum, kenmerk: formatKenmerk(Number(datum.slice(0, 4)), 0) });
  const gevuld = vulSjabloon(s, context);
  const buf = await pdfToBuffer(briefPdf({ context, briefhoofd, ...gevuld }));
  writeOutput(ctx.outputFile(uit, "uit", opts.overschrijven), buf);
  ctx.emit({ sjabloon: naam, bestand: path.resolve(uit), bron: s.bron }, () => `Voorbeeld van ${naam} (${s.titel}): ${path.resolve(uit)}`);
}

function eigenaarVan(ctx: Ctx, adresId: number): Ontvanger | undefined {
  const e = betrokkenenVanAdres(ctx.db(), adresId).find((b) => b.rol === "eigenaar");
  return e ? { soort: "betrokkene", id: e.id, naam: e.naam, postadres: e.postadres, rol: e.rol } : undefined;
}

interface GemaakteBrief {
  id: number;
  kenmerk: string;
  sjabloon: string;
  bestand: string;
  datum: string;
  adres_id: number;
  ontvanger: string;
  betrokkene_id: number | null;
  opvolgingen: number[];
}

/**
 * Renders every letter first (a bad template stops everything before a file is
 * written), writes the PDFs, then records them in one transaction; if recording
 * fails the files are removed again.
 */
async function maakEnBewaar(
  ctx: Ctx,
  groepen: BriefGroep[],
  opts: { uit: string; eigen: string | undefined; dwangsom?: { bedrag?: string; maximum?: string } },
): Promise<GemaakteBrief[]> {
  if (groepen.length === 0) return [];
  const db = ctx.db();
  const datum = ctx.today();
  const jaar = Number(datum.slice(0, 4));
  const eerste = volgendVolgnummer(kenmerkenVanJaar(db, `${KENMERK_PREFIX}-${jaar}-`), jaar);
  const sjablonen = new Map(groepen.map((g) => [g.sjabloon, laadSjabloon(g.sjabloon, opts.eigen)]));
  const dir = ctx.outputFolder(opts.uit);
  const progress = voortgang(ctx, groepen.length);
  const klaar: { brief: Omit<GemaakteBrief, "id">; buf: Buffer }[] = [];
  for (const [i, groep] of groepen.entries()) {
    const kenmerk = formatKenmerk(jaar, eerste + i);
    const gemeente = findGemeente(db, groep.adres.gemeente);
    const briefhoofd = maakBriefhoofd(
      groep.adres.gemeente,
      gemeente ? getBriefhoofd(db, gemeente.id) : undefined,
      standaardBriefhoofd(groep.adres.gemeente),
    );
    const context = briefContext({ groep, briefhoofd, datum, kenmerk, dwangsom: opts.dwangsom });
    const gevuld = vulSjabloon(sjablonen.get(groep.sjabloon)!, context);
    const buf = await pdfToBuffer(briefPdf({ context, briefhoofd, ...gevuld }));
    const bestand = path.join(dir, briefBestandsnaam(datum, kenmerk, groep.sjabloon, groep.adres));
    klaar.push({
      buf,
      brief: {
        kenmerk,
        sjabloon: groep.sjabloon,
        bestand,
        datum,
        adres_id: groep.adres.id,
        ontvanger: groep.ontvanger.naam,
        betrokkene_id: groep.ontvanger.soort === "betrokkene" ? groep.ontvanger.id : null,
        opvolgingen: groep.opvolgingen.map((o) => o.opvolgingId),
      },
    });
    progress(i + 1);
  }
  const geschreven: string[] = [];
  try {
    for (const k of klaar) {
      writeLetter(k.brief.bestand, k.buf); // private (0600): a letter names its recipient
      geschreven.push(k.brief.bestand);
    }
    return ctx.change((tx) =>
      klaar.map((k) => ({
        id: insertBrief(tx, {
          kenmerk: k.brief.kenmerk,
          sjabloon: k.brief.sjabloon,
          adresId: k.brief.adres_id,
          betrokkeneId: k.brief.betrokkene_id,
          bestand: k.brief.bestand,
          datum: k.brief.datum,
          opvolgingen: k.brief.opvolgingen,
        }),
        ...k.brief,
      })),
    );
  } catch (err) {
    for (const f of geschreven) fs.rmSync(f, { force: true });
    throw err;
  }
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
