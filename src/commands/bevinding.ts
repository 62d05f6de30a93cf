import type { Command } from "commander";
import { action, type Runtime } from "./runtime.js";
import { verplicht } from "./hulp.js";
import type { Ctx } from "../context.js";
import type { Tx } from "../db/audit.js";
import type { Db } from "../db/connection.js";
import { requireAdres } from "../db/adres.js";
import {
  avondAdressen,
  bevindingenVan,
  bevindingWriter,
  isOpAvondLijst,
  listAvondenKort,
  listBevindingen,
  requireAvondKort,
  type AvondKort,
  type Bevinding,
} from "../db/bevinding.js";
import { listOpvolgingen, type Opvolging } from "../db/opvolging.js";
import { findCategorie, findPartner, followUpRules, listCategorieen, requireCategorie, requirePartner } from "../db/referentie.js";
import { formatAdres } from "../domain/adres.js";
import { BEVINDING_CSV_COLUMNS, bevindingImportCheck, validateBevinding, type BevindingInput } from "../domain/bevinding.js";
import { formatDutch } from "../domain/dates.js";
import { parseCount, parseId } from "../domain/invoer.js";
import { aantal } from "../domain/tekst.js";
import { opvolgingenUitRegel, opvolgingView } from "../domain/opvolging.js";
import { UserError } from "../errors.js";
import { readCsv } from "../io/csv.js";
import { renderTable } from "../render/table.js";

interface ToevoegenOpts {
  avond?: string;
  adres?: string;
  categorie?: string;
  omschrijving?: string;
  partner?: string;
  maatregel?: string;
  personen?: string;
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
    .action(action<ToevoegenOpts>(rt, toevoegen));

  bevinding
    .command("importeren <bestand>")
    .description(
      `importeer bevindingen uit CSV (alles of niets); kolommen: ${[...BEVINDING_CSV_COLUMNS.required, ...BEVINDING_CSV_COLUMNS.optional].join(", ")}`,
    )
    .requiredOption("--avond <id>", "controleavond")
    .action(action<{ avond: string }>(rt, (ctx, opts, file) => importeren(ctx, String(file), opts.avond)));

  bevinding
    .command("lijst")
    .description("toon bevindingen")
    .option("--avond <id>", "alleen deze controleavond")
    .action(
      action<{ avond?: string }>(rt, (ctx, opts) => {
        const db = ctx.db();
        const avondId = opts.avond !== undefined ? requireAvondKort(db, parseId("avond", opts.avond)).id : undefined;
        const rows = listBevindingen(db, { avondId });
        const perBevinding = groupBy(listOpvolgingen(db, { avondId, vandaag: ctx.today() }), (o) => o.bevinding_id);
        if (!ctx.json && rows.length === 0) {
          ctx.out("Geen bevindingen gevonden.");
          return;
        }
        ctx.emit(
          rows.map((b) => ({ ...b, opvolgingen: (perBevinding.get(b.id) ?? []).map((o) => kortOpvolging(o, ctx.today())) })),
          () =>
            renderTable(
              rows,
              [
                { header: "id", value: (r) => r.id, align: "right", priority: 1 },
                { header: "avond", value: (r) => `${r.avond_id} (${formatDutch(r.datum)})`, priority: 7 },
                { header: "adres", value: (r) => r.adres, priority: 2 },
                { header: "categorie", value: (r) => r.categorie_naam, priority: 2 },
                { header: "eigenaar", value: (r) => r.partner, priority: 6 },
                { header: "omschrijving", value: (r) => r.omschrijving, priority: 4 },
                { header: "opvolging", value: (r) => samenvatting(perBevinding.get(r.id) ?? [], ctx.today()), priority: 3 },
              ],
              ctx.color,
            ),
        );
      }),
    );
}

interface Nieuw {
  adresId: number;
  input: BevindingInput;
}

async function toevoegen(ctx: Ctx, opts: ToevoegenOpts): Promise<void> {
  const db = ctx.db();
  const avondRaw = await ctx.needChoice(
    "avond",
    opts.avond,
    "Controleavond",
    listAvondenKort(db).map((a) => ({ name: `${a.id}: ${formatDutch(a.datum)} — ${a.doel}`, value: String(a.id) })),
  );
  const avond = requireAvondKort(db, parseId("avond", avondRaw));
  const guided = ctx.interactive && (opts.adres === undefined || opts.categorie === undefined || opts.omschrijving === undefined);

  const nieuw: Nieuw[] = [];
  if (!guided) {
    const adres = requireAdres(db, parseId("adres", await ctx.needText("adres", opts.adres, "Adres-id")));
    const input = validateBevinding({
      categorie: await ctx.needText("categorie", opts.categorie, "Categorie"),
      omschrijving: await ctx.needText("omschrijving", opts.omschrijving, "Omschrijving"),
      partner: opts.partner,
      maatregel: opts.maatregel,
      personen: opts.personen,
    });
    nieuw.push({ adresId: adres.id, input });
  } else {
    nieuw.push(...(await rondgang(ctx, db, avond, opts)));
  }
  // Check every category and partner before writing anything.
  for (const n of nieuw) {
    requireCategorie(db, n.input.categorie);
    if (n.input.partner !== null) requirePartner(db, n.input.partner);
  }

  const { ids, waarschuwingen } = ctx.change((tx) => {
    const w = bevindingWriter(tx);
    const regels = regelCache(tx);
    const waarschuwingen: string[] = [];
    const ids = nieuw.map((n) => {
      if (!w.opLijst(avond.id, n.adresId)) {
        w.zetOpLijst(avond.id, n.adresId);
        const a = requireAdres(tx.db, n.adresId);
        waarschuwingen.push(`Adres ${formatAdres(a)} (id ${a.id}) stond niet op de lijst van avond ${avond.id}; toegevoegd aan de lijst`);
        tx.audit("avond_adres", avond.id, "toegevoegd", { adres: a.id });
      }
      const cat = requireCategorie(tx.db, n.input.categorie);
      const partnerId = n.input.partner !== null ? requirePartner(tx.db, n.input.partner).id : cat.partner_id;
      const id = w.bevinding({
        avondId: avond.id,
        adresId: n.adresId,
        categorieId: cat.id,
        partnerId,
        omschrijving: n.input.omschrijving,
        maatregel: n.input.maatregel,
        personen: n.input.personen,
      });
      for (const o of regels(cat.id, avond.datum)) w.opvolging(id, o);
      tx.audit("bevinding", id, "toegevoegd", { avond: avond.id });
      return id;
    });
    return { ids, waarschuwingen };
  });
  for (const w of waarschuwingen) ctx.warn(`waarschuwing: ${w}`);

  const created = bevindingenVan(db, ids).map((b) => ({
    ...b,
    opvolgingen: listOpvolgingen(db, { bevindingId: b.id, vandaag: ctx.today() }).map((o) => kortOpvolging(o, ctx.today())),
  }));
  if (!guided) {
    const b = created[0]!;
    ctx.emit({ ...b, waarschuwingen }, () => beschrijf(ctx, b));
    return;
  }
  ctx.emit({ avond_id: avond.id, bevindingen: created, waarschuwingen }, () =>
    created.length === 0
      ? `Geen bevindingen vastgelegd voor avond ${avond.id}.`
      : [
          `${aantal(created.length, "bevinding", "bevindingen")} vastgelegd voor avond ${avond.id}.`,
          ...created.map((b) => beschrijf(ctx, b)),
        ].join("\n\n"),
  );
}

/** The guided walk after an evening: address by address, pick the categories found, describe each. */
async function rondgang(ctx: Ctx, db: Db, avond: AvondKort, opts: ToevoegenOpts): Promise<Nieuw[]> {
  const adressen = opts.adres !== undefined ? [requireAdres(db, parseId("adres", opts.adres))] : avondAdressen(db, avond.id);
  if (adressen.length === 0) throw new UserError("geen-adressen", `Avond ${avond.id} heeft nog geen adressen; geef --adres`);
  const categorieen = listCategorieen(db);
  const out: Nieuw[] = [];
  if (!ctx.json) ctx.out(ctx.color.bold(`Bevindingen invoeren voor avond ${avond.id} (${formatDutch(avond.datum)})`));
  for (const [i, a] of adressen.entries()) {
    if (!ctx.json) ctx.out(`\n${ctx.color.bold(`Adres ${i + 1} van ${adressen.length}: ${formatAdres(a)}`)}`);
    const codes =
      opts.categorie !== undefined
        ? [opts.categorie]
        : await ctx.prompts.checkbox({
            message: `Welke overtredingen zijn aangetroffen op ${formatAdres(a)}? (niets kiezen = geen bevindingen)`,
            choices: categorieen.map((c) => ({ name: `${c.naam} (${c.code})`, value: c.code })),
          });
    for (const code of codes) {
      const naam = findCategorie(db, code)?.naam ?? code;
      const omschrijving =
        opts.omschrijving ??
        (await ctx.prompts.input({ message: `${naam}: omschrijving`, validate: (v) => (v.trim() === "" ? "Verplicht" : true) }));
      const maatregel = opts.maatregel ?? (await ctx.prompts.input({ message: `${naam}: directe maatregel (leeg als geen)` }));
      const personen =
        opts.personen ??
        (await ctx.prompts.input({
          message: `${naam}: aantal aangetroffen personen (leeg als onbekend)`,
          validate: (v) => {
            try {
              parseCount("personen", v, 1000);
              return true;
            } catch (e) {
              return e instanceof UserError ? e.message : String(e);
            }
          },
        }));
      out.push({ adresId: a.id, input: validateBevinding({ categorie: code, omschrijving, partner: opts.partner, maatregel, personen }) });
    }
  }
  return out;
}

/**
 * One pass: rows are checked and written as the CSV streams in, inside one transaction. The
 * first bad row stops the writing (the rest is still checked, so every bad line is named) and
 * the transaction is rolled back: all or nothing, without holding 100,000 rows in memory.
 */
async function importeren(ctx: Ctx, bestand: string, avondRaw: string): Promise<void> {
  const db = ctx.db();
  const avond = requireAvondKort(db, parseId("avond", avondRaw));
  const adresStmt = db.prepare("SELECT id FROM adres WHERE postcode = ? AND huisnummer = ? AND toevoeging = ?").pluck();
  // Lookups memoised: 100,000 rows name a few thousand addresses and a few dozen categories.
  const adressen = new Map<string, number | undefined>();
  const categorieen = new Map<string, { id: number; partnerId: number } | undefined>();
  const partners = new Map<string, number | undefined>();
  const opLijst = new Map<number, boolean>();
  const controle = bevindingImportCheck({
    adres: (pc, nr, toev) => memo(adressen, `${pc}|${nr}|${toev}`, () => adresStmt.get(pc, nr, toev) as number | undefined),
    categorie: (code) =>
      memo(categorieen, code.toLowerCase(), () => {
        const c = findCategorie(db, code);
        return c ? { id: c.id, partnerId: c.partner_id } : undefined;
      }),
    partner: (naam) => memo(partners, naam.toLowerCase(), () => findPartner(db, naam)?.id),
    opLijst: (adresId) => memo(opLijst, adresId, () => isOpAvondLijst(db, avond.id, adresId)),
  });
  const result = await ctx.changeStreaming(async (tx) => {
    const w = bevindingWriter(tx);
    const regels = regelCache(tx);
    const perCategorie = new Map<number, ReturnType<typeof regels>>();
    let eerste: number | null = null;
    let laatste: number | null = null;
    let aantal = 0;
    await readCsv(bestand, BEVINDING_CSV_COLUMNS, (row) => {
      const r = controle.check(row);
      if (!r || controle.errors.length) return; // from the first error on: only check
      if (r.zetOpLijst) w.zetOpLijst(avond.id, r.adresId);
      laatste = w.bevinding({
        avondId: avond.id,
        adresId: r.adresId,
        categorieId: r.categorieId,
        partnerId: r.partnerId,
        omschrijving: r.omschrijving,
        maatregel: r.maatregel,
        personen: r.personen,
      });
      eerste ??= laatste;
      aantal++;
      if (!perCategorie.has(r.categorieId)) perCategorie.set(r.categorieId, regels(r.categorieId, avond.datum));
    });
    if (controle.errors.length) {
      throw new UserError(
        "ongeldige-regels",
        `${controle.errors.length} ongeldige regel(s) in ${bestand}; er is niets geïmporteerd`,
        controle.errors,
      );
    }
    const opvolgingen = eerste === null || laatste === null ? 0 : w.opvolgingenVoorReeks(eerste, laatste, perCategorie);
    tx.audit("bevinding", null, "geimporteerd", {
      avond: avond.id,
      aantal,
      opvolgingen,
      toegevoegdAanLijst: controle.buitenLijst.map((b) => b.adresId),
    });
    return { aantal, eerste, laatste, opvolgingen };
  });
  const waarschuwingen = controle.buitenLijst.map(
    (b) =>
      `regel ${b.line}: adres ${formatAdres(requireAdres(db, b.adresId))} (id ${b.adresId}) stond niet op de lijst van avond ${avond.id}; toegevoegd aan de lijst`,
  );
  for (const w of waarschuwingen) ctx.warn(`waarschuwing: ${w}`);
  ctx.emit(
    // Ids of one import are consecutive (one IMMEDIATE transaction); a range keeps the document small for 100,000 rows.
    {
      avond_id: avond.id,
      geimporteerd: result.aantal,
      opvolgingen: result.opvolgingen,
      eerste_id: result.eerste,
      laatste_id: result.laatste,
      waarschuwingen,
    },
    () =>
      `${aantal(result.aantal, "bevinding", "bevindingen")} geïmporteerd voor avond ${avond.id}, met ${aantal(result.opvolgingen, "opvolging", "opvolgingen")}.${waarschuwingen.length ? ` ${aantal(waarschuwingen.length, "waarschuwing", "waarschuwingen")}, zie hierboven.` : ""}`,
  );
}

/** A category's default follow-ups for an evening date, with partner ids; computed once per category. */
function regelCache(tx: Tx) {
  const cache = new Map<string, { actie: string; partnerId: number; deadline: string }[]>();
  return (categorieId: number, avondDatum: string) =>
    memo(cache, `${categorieId}|${avondDatum}`, () =>
      opvolgingenUitRegel(followUpRules(tx.db, categorieId), avondDatum).map((o) => ({
        actie: o.actie,
        deadline: o.deadline,
        partnerId: requirePartner(tx.db, o.partner).id,
      })),
    );
}

function memo<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  if (map.has(key)) return map.get(key) as V;
  const v = make();
  map.set(key, v);
  return v;
}

function groupBy<T, K>(rows: T[], key: (r: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

function kortOpvolging(o: Opvolging, vandaag: string) {
  const v = opvolgingView(o, vandaag);
  return {
    id: v.id,
    actie: v.actie,
    partner: v.partner,
    deadline: v.deadline,
    status: v.status,
    resultaat: v.resultaat,
    beeindigd: v.beeindigd,
    verlopen: v.verlopen,
  };
}

function samenvatting(os: Opvolging[], vandaag: string): string {
  const open = os.filter((o) => o.status === "open" || o.status === "in-behandeling").length;
  const verlopen = os.filter((o) => opvolgingView(o, vandaag).verlopen).length;
  return `${aantal(os.length, "actie", "acties")}, ${open} open${verlopen ? `, ${verlopen} verlopen` : ""}`;
}

function beschrijf(ctx: Ctx, b: Bevinding & { opvolgingen: ReturnType<typeof kortOpvolging>[] }): string {
  const lines = [
    `Bevinding ${b.id}: ${b.categorie_naam} (eigenaar ${b.partner}) op ${b.adres}, avond ${b.avond_id} (${formatDutch(b.datum)}).`,
    ...(b.maatregel ? [`  Maatregel: ${b.maatregel}`] : []),
    ...(b.personen !== null ? [`  Personen: ${b.personen}`] : []),
    b.opvolgingen.length ? "  Opvolging:" : "  Geen standaard-opvolging voor deze categorie; voeg die toe met opvolging toevoegen.",
    ...b.opvolgingen.map((o) => `    [${o.id}] ${o.actie} — ${o.partner} — uiterlijk ${formatDutch(o.deadline)}`),
  ];
  return lines.join("\n");
}
