import type { Command } from "commander";
import { action, type Runtime } from "./runtime.js";
import { requireBevinding } from "../db/bevinding.js";
import { bevindingJson, beschrijfWijziging } from "../render/bevinding.js";
import { changeWaarneming, showFormulier } from "../usecases/bevinding.js";
import { BEVINDING_CSV_COLUMNS, parseMethode, parseTijdstip, parseToezichthouders } from "../domain/bevinding.js";
import { optionalText, parseCount, parseId, requireText } from "../domain/invoer.js";
import { invalid } from "../errors.js";
import { writePrivate } from "../io/output-file.js";
import { toCsv } from "../render/csv.js";
import { aantal } from "../domain/tekst.js";

interface WijzigOpts {
  tijdstip?: string;
  toezichthouder?: string;
  methode?: string;
  omschrijving?: string;
  maatregel?: string;
  personen?: string;
}

/** `bevinding wijzig` (complete or correct a finding) and `bevinding formulier` (the CSV for the formulierenteam). */
export function registerWaarneming(bevinding: Command, rt: Runtime): void {
  bevinding
    .command("wijzig <id>")
    .description(
      "vul een bevinding aan of verbeter haar (tijdstip, toezichthouder, methode …); een ondertekend rapport blijft ongewijzigd, het volgende wordt een nieuwe versie",
    )
    .option("--tijdstip <UU:MM>", "tijdstip van de waarneming")
    .option("--toezichthouder <nummer>", "nummer(s) van de toezichthouder(s), bijv. 4711,2314")
    .option("--methode <tekst>", "hoe het is waargenomen")
    .option("--omschrijving <tekst>", "wat is waargenomen")
    .option("--maatregel <tekst>", "directe maatregel (leeg: geen)")
    .option("--personen <n>", "aantal aangetroffen personen (leeg: onbekend)")
    .action(
      action<WijzigOpts>(rt, async (ctx, opts, idRaw) => {
        const bevindingId = parseId("bevinding", idRaw as string);
        await ctx.read((sql) => requireBevinding(sql, bevindingId)); // an unknown finding before anything about its fields
        const w: Parameters<typeof changeWaarneming>[2] = {};
        if (opts.tijdstip !== undefined) w.tijdstip = parseTijdstip(opts.tijdstip);
        if (opts.methode !== undefined) {
          const m = parseMethode(opts.methode);
          if (m === null) throw invalid("methode", "mag niet leeg zijn");
          w.methode = m;
        }
        if (opts.omschrijving !== undefined) w.omschrijving = requireText("omschrijving", opts.omschrijving, 2000);
        if (opts.maatregel !== undefined) w.maatregel = optionalText("maatregel", opts.maatregel, 500);
        if (opts.personen !== undefined) w.personen = parseCount("personen", opts.personen, 1000);
        if (opts.toezichthouder !== undefined) {
          const nummers = parseToezichthouders(opts.toezichthouder);
          if (nummers.length === 0) throw invalid("toezichthouder", "geef minstens één nummer");
          w.toezichthouders = nummers;
        }
        if (Object.keys(w).length === 0) throw invalid("wijzig", "geef minstens één veld, bijv. --tijdstip of --methode");
        const { velden, bevinding } = await changeWaarneming(ctx.store(), bevindingId, w);
        const na = bevindingJson(bevinding);
        ctx.emit({ ...na, gewijzigd: velden }, () => beschrijfWijziging(na, velden));
      }),
    );

  bevinding
    .command("formulier")
    .description("het CSV-formulier voor het formulierenteam: één regel per adres van de avond, met tijdstip, toezichthouder en methode")
    .requiredOption("--avond <id>", "controleavond")
    .option("--uit <bestand>", "CSV-bestand om te schrijven")
    .option("--overschrijven", "een bestaand bestand vervangen")
    .action(
      action<{ avond: string; uit?: string; overschrijven?: boolean }>(rt, async (ctx, opts) => {
        const { avond, adressen } = await showFormulier(ctx.store(), parseId("avond", opts.avond));
        const file = ctx.outputFile(opts.uit, "uit", opts.overschrijven).file;
        const kolommen = [...BEVINDING_CSV_COLUMNS.required.slice(0, 2), "toevoeging", ...BEVINDING_CSV_COLUMNS.required.slice(2)];
        const rest = BEVINDING_CSV_COLUMNS.optional.filter((k) => !kolommen.includes(k));
        const header = [...kolommen, ...rest];
        const rows = adressen.map((a) =>
          header.map((k) =>
            k === "postcode"
              ? a.postcode
              : k === "huisnummer"
                ? String(a.huisnummer)
                : k === "toevoeging"
                  ? a.toevoeging
                  : k === "tijdstip"
                    ? avond.starttijd
                    : "",
          ),
        );
        writePrivate(file, toCsv([header, ...rows]));
        ctx.emit({ avond_id: avond.id, bestand: file, kolommen: header, adressen: adressen.length }, () =>
          [
            `Formulier voor avond ${avond.id} geschreven: ${file} (${aantal(adressen.length, "adres", "adressen")}).`,
            `Kolommen: ${header.join(",")}. Vul per bevinding één regel in (categorie, omschrijving, tijdstip, toezichthouder, methode);`,
            `regels zonder categorie weglaten. Inlezen met: interventie bevinding importeren ${file} --avond ${avond.id}`,
          ].join("\n"),
        );
      }),
    );
}
