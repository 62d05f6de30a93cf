import type { Command } from "commander";
import { action, type Runtime } from "./runtime.js";
import { verplicht } from "./hulp.js";
import type { Ctx } from "../context.js";
import { requireAdres } from "../db/adres.js";
import { avondAdressen, requireAvond, type AvondKort } from "../db/avond.js";
import { bevindingenOpAdres } from "../db/bevinding.js";
import { listCategorieen, requireCategorie, requirePartner } from "../db/referentie.js";
import { getLaatsteWaarneming, requireToezichthouder, toezichthouderIndex, toezichthouderUitIndex } from "../db/toezichthouder.js";
import { formatAdres } from "../domain/adres.js";
import { BEVINDING_CSV_COLUMNS, parseTijdstip, parseToezichthouders, validateBevinding } from "../domain/bevinding.js";
import { formatDutch } from "../domain/dates.js";
import { parseCount, parseId } from "../domain/invoer.js";
import { aantal } from "../domain/tekst.js";
import { UserError } from "../errors.js";
import { openCsv, readCsv } from "../io/csv.js";
import { beschrijfBevinding, bevindingMetOpvolgingJson, renderBevindingen } from "../render/bevinding.js";
import { addBevindingen, dubbelTekst, importBevindingen, showBevindingen, type NieuweBevinding } from "../usecases/bevinding.js";
import { registerBijlage } from "./bijlage.js";
import { registerWaarneming } from "./bevinding-waarneming.js";
import { chooseAvond } from "./avond-keuze.js";

interface ToevoegenOpts {
  avond?: string;
  adres?: string;
  categorie?: string;
  omschrijving?: string;
  partner?: string;
  maatregel?: string;
  personen?: string;
  tijdstip?: string;
  toezichthouder?: string;
  methode?: string;
  toch?: boolean;
}

export function register(program: Command, rt: Runtime): void {
  const bevinding = program.command("bevinding").description("bevindingen per avond en adres, met opvolging uit de standaardregel");

  bevinding
    .command("toevoegen")
    .description(
      "leg een bevinding vast; zonder --adres/--categorie/--omschrijving (aan een terminal) adres voor adres langs de lijst van de avond",
    )
    .addOption(verplicht("--avond <id>", "controleavond"))
    .option("--adres <id>", "adres")
    .option("--categorie <code>", "categorie (zie categorie lijst)")
    .option("--omschrijving <tekst>", "wat is aangetroffen")
    .option("--partner <partner>", "eigenaar van de bevinding (standaard: die van de categorie)")
    .option("--maatregel <tekst>", "directe maatregel, bijv. CV buiten gebruik, woning gesloten")
    .option("--personen <n>", "aantal aangetroffen personen")
    .option("--tijdstip <UU:MM>", "tijdstip van de waarneming (standaard: begintijd van de avond)")
    .option("--toezichthouder <nummer>", "nummer(s) van de toezichthouder(s) die het waarnamen, bijv. 4711 of 4711,2314 (geen namen)")
    .option("--methode <tekst>", 'hoe het is waargenomen, bijv. "visuele waarneming, gesprek met bewoners"')
    .option("--toch", "leg een tweede bevinding vast met dezelfde avond, hetzelfde adres en dezelfde categorie")
    .action(action<ToevoegenOpts>(rt, toevoegen));

  bevinding
    .command("importeren <bestand>")
    .description(
      `importeer bevindingen uit CSV (alles of niets); kolommen: ${[...BEVINDING_CSV_COLUMNS.required, ...BEVINDING_CSV_COLUMNS.optional].join(", ")}`,
    )
    .requiredOption("--avond <id>", "controleavond")
    .action(action<{ avond: string }>(rt, (ctx, opts, file) => importeren(ctx, String(file), opts.avond)));

  registerBijlage(bevinding, rt);
  registerWaarneming(bevinding, rt);

  bevinding
    .command("lijst")
    .description("toon bevindingen")
    .option("--avond <id>", "alleen deze controleavond")
    .action(
      action<{ avond?: string }>(rt, async (ctx, opts) => {
        const avondId = opts.avond !== undefined ? parseId("avond", opts.avond) : undefined;
        const rows = await showBevindingen(ctx.store(), { avondId, vandaag: ctx.today() });
        ctx.emit(
          rows.map((b) => bevindingMetOpvolgingJson(b, ctx.today())),
          () => renderBevindingen(rows, ctx.today(), ctx.color),
        );
      }),
    );
}

async function toevoegen(ctx: Ctx, opts: ToevoegenOpts): Promise<void> {
  const avond = await chooseAvond(ctx, opts.avond);
  const guided = ctx.interactive && (opts.adres === undefined || opts.categorie === undefined || opts.omschrijving === undefined);

  const nieuw: NieuweBevinding[] = [];
  if (!guided) {
    const adresId = parseId("adres", await ctx.needText("adres", opts.adres, "Adres-id"));
    await ctx.read((sql) => requireAdres(sql, adresId));
    const input = validateBevinding({
      categorie: await ctx.needText("categorie", opts.categorie, "Categorie"),
      omschrijving: await ctx.needText("omschrijving", opts.omschrijving, "Omschrijving"),
      partner: opts.partner,
      maatregel: opts.maatregel,
      personen: opts.personen,
      tijdstip: opts.tijdstip,
      toezichthouder: opts.toezichthouder,
      methode: opts.methode,
    });
    // Every name is checked, and a finding entered twice is caught, before anything is written.
    const dubbel = await ctx.read(async (sql) => {
      const cat = await requireCategorie(sql, input.categorie);
      if (input.partner !== null) await requirePartner(sql, input.partner);
      for (const nr of input.toezichthouders) await requireToezichthouder(sql, nr);
      return (await bevindingenOpAdres(sql, avond.id, adresId)).filter((b) => b.categorie === cat.code);
    });
    let toch = Boolean(opts.toch);
    if (dubbel.length && !toch) {
      if (!ctx.interactive)
        throw new UserError("dubbele-bevinding", `${dubbelTekst(dubbel[0]!, avond.id)}; gebruik --toch om toch een tweede vast te leggen`);
      toch = await ctx.prompts.confirm({ message: `${dubbelTekst(dubbel[0]!, avond.id)}. Toch een tweede vastleggen?`, default: false });
      if (!toch) throw new UserError("afgebroken", "Afgebroken; er is niets vastgelegd");
    }
    nieuw.push({ adresId, input, toch });
  } else {
    nieuw.push(...(await rondgang(ctx, avond, opts)));
  }

  const { bevindingen, waarschuwingen } = await addBevindingen(ctx.store(), avond.id, nieuw);
  for (const w of waarschuwingen) ctx.warn(`waarschuwing: ${w}`);
  const created = bevindingen.map((b) => bevindingMetOpvolgingJson(b, ctx.today()));
  if (!guided) {
    const b = created[0]!;
    ctx.emit({ ...b, waarschuwingen }, () => beschrijfBevinding(b));
    return;
  }
  ctx.emit({ avond_id: avond.id, bevindingen: created, waarschuwingen }, () =>
    created.length === 0
      ? `Geen bevindingen vastgelegd voor avond ${avond.id}.`
      : [
          `${aantal(created.length, "bevinding", "bevindingen")} vastgelegd voor avond ${avond.id}.`,
          ...created.map(beschrijfBevinding),
        ].join("\n\n"),
  );
}

/**
 * The guided walk after an evening: address by address, what is already recorded, the categories
 * found, then time, toezichthouder(s) and method ONCE per address (defaults: the evening's start
 * time, then the previous address's time; the last used numbers and method), then each finding.
 */
async function rondgang(ctx: Ctx, avond: AvondKort, opts: ToevoegenOpts): Promise<NieuweBevinding[]> {
  const { adressen, categorieen, vorige, toezichthouders } = await ctx.read(async (sql) => ({
    adressen: opts.adres !== undefined ? [await requireAdres(sql, parseId("adres", opts.adres))] : await avondAdressen(sql, avond.id),
    categorieen: await listCategorieen(sql),
    vorige: await getLaatsteWaarneming(sql),
    toezichthouders: await toezichthouderIndex(sql),
  }));
  if (adressen.length === 0) throw new UserError("geen-adressen", `Avond ${avond.id} heeft nog geen adressen; geef --adres`);
  const out: NieuweBevinding[] = [];
  const standaard = { tijdstip: avond.starttijd, toezichthouder: vorige?.toezichthouders ?? "", methode: vorige?.methode ?? "" };
  if (!ctx.json)
    ctx.out(ctx.color.bold(`Bevindingen invoeren voor avond ${avond.id} (${formatDutch(avond.datum)}, aanvang ${avond.starttijd})`));
  for (const [i, a] of adressen.entries()) {
    if (!ctx.json) ctx.out(`\n${ctx.color.bold(`Adres ${i + 1} van ${adressen.length}: ${formatAdres(a)}`)}`);
    const al = await ctx.read((sql) => bevindingenOpAdres(sql, avond.id, a.id));
    if (!ctx.json) {
      ctx.out(al.length ? "Al vastgelegd op dit adres:" : "Nog niets vastgelegd op dit adres.");
      for (const b of al)
        ctx.out(
          `  [${b.id}] ${b.categorie_naam} (${b.tijdstip}${b.toezichthouders ? `, nr. ${b.toezichthouders}` : ""}): ${b.omschrijving}`,
        );
    }
    const codes =
      opts.categorie !== undefined
        ? [opts.categorie]
        : await ctx.prompts.checkbox({
            message: `Welke overtredingen zijn aangetroffen op ${formatAdres(a)}? (niets kiezen = geen bevindingen)`,
            choices: categorieen.map((c) => ({
              name: `${c.naam} (${c.code})${al.some((b) => b.categorie === c.code) ? " — al vastgelegd" : ""}`,
              value: c.code,
            })),
          });
    if (codes.length === 0) continue;
    const tijdstip =
      opts.tijdstip ??
      (await ctx.prompts.input({
        message: "Tijdstip van de waarneming (UU:MM)",
        default: standaard.tijdstip,
        validate: geldig(parseTijdstip),
      }));
    const toezichthouder =
      opts.toezichthouder ??
      (await ctx.prompts.input({
        message: "Toezichthouder(s): nummer, meerdere met komma's (leeg = onbekend)",
        default: standaard.toezichthouder,
        validate: geldig((v) => parseToezichthouders(v).forEach((nr) => toezichthouderUitIndex(toezichthouders, nr))),
      }));
    const methode =
      opts.methode ??
      (await ctx.prompts.input({ message: "Methode (bijv. visuele waarneming, gesprek met bewoners)", default: standaard.methode }));
    Object.assign(standaard, { tijdstip, toezichthouder, methode });
    for (const code of codes) {
      const naam = categorieen.find((c) => c.code.toLowerCase() === code.toLowerCase())?.naam ?? code;
      const dubbel = al.find((b) => b.categorie.toLowerCase() === code.toLowerCase());
      let toch = Boolean(opts.toch);
      if (dubbel && !toch) {
        toch = await ctx.prompts.confirm({ message: `${dubbelTekst(dubbel, avond.id)}. Toch een tweede vastleggen?`, default: false });
        if (!toch) continue;
      }
      const omschrijving =
        opts.omschrijving ??
        (await ctx.prompts.input({ message: `${naam}: wat is waargenomen`, validate: (v) => (v.trim() === "" ? "Verplicht" : true) }));
      const maatregel = opts.maatregel ?? (await ctx.prompts.input({ message: `${naam}: directe maatregel (leeg als geen)` }));
      const personen =
        opts.personen ??
        (await ctx.prompts.input({
          message: `${naam}: aantal aangetroffen personen (leeg als onbekend)`,
          validate: geldig((v) => parseCount("personen", v, 1000)),
        }));
      out.push({
        adresId: a.id,
        input: validateBevinding({
          categorie: code,
          omschrijving,
          partner: opts.partner,
          maatregel,
          personen,
          tijdstip,
          toezichthouder,
          methode,
        }),
        toch,
      });
    }
  }
  return out;
}

/** A prompt validator from an input rule: the same rule as the flag, its message as the hint. */
function geldig(regel: (v: string) => unknown): (v: string) => true | string {
  return (v) => {
    try {
      regel(v);
      return true;
    } catch (e) {
      return e instanceof UserError ? e.message : String(e);
    }
  };
}

/** `bevinding importeren`: the CSV checked (encoding, separator, size) before the write lock, then one pass. */
async function importeren(ctx: Ctx, bestand: string, avondRaw: string): Promise<void> {
  const avondId = parseId("avond", avondRaw);
  await ctx.read((sql) => requireAvond(sql, avondId)); // an unknown evening before anything about the file
  const bron = openCsv(bestand);
  const r = await importBevindingen(ctx.store(), avondId, (onRow) => readCsv(bron, BEVINDING_CSV_COLUMNS, onRow), bestand);
  const waarschuwingen = r.buitenLijst.map(
    (b) => `regel ${b.line}: adres ${b.adres} (id ${b.adresId}) stond niet op de lijst van avond ${r.avond.id}; toegevoegd aan de lijst`,
  );
  for (const w of waarschuwingen) ctx.warn(`waarschuwing: ${w}`);
  ctx.emit(
    // Ids of one import are consecutive (one transaction under the write lock); a range keeps the document small for 100,000 rows.
    {
      avond_id: r.avond.id,
      geimporteerd: r.aantal,
      opvolgingen: r.opvolgingen,
      eerste_id: r.eerste,
      laatste_id: r.laatste,
      waarschuwingen,
    },
    () =>
      `${aantal(r.aantal, "bevinding", "bevindingen")} geïmporteerd voor avond ${r.avond.id}, met ${aantal(r.opvolgingen, "opvolging", "opvolgingen")}.${waarschuwingen.length ? ` ${aantal(waarschuwingen.length, "waarschuwing", "waarschuwingen")}, zie hierboven.` : ""}`,
  );
}
