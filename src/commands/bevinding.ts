import type { Command } from "commander";
import { action, type Runtime } from "./runtime.js";
import { verplicht } from "./hulp.js";
import type { Ctx } from "../context.js";
import type { Tx } from "../db/audit.js";
import type { Db } from "../db/connection.js";
import { requireAdres } from "../db/adres.js";
import {
  type NieuweRegel,
  type RegelsVoor,
  avondAdressen,
  bevindingenOpAdres,
  bevindingenVan,
  bevindingWriter,
  isOpAvondLijst,
  listBevindingen,
  requireAvondKort,
  type AvondKort,
  type Bevinding,
} from "../db/bevinding.js";
import { eersteStapVan, zakenVoorReeks } from "../db/handhaving.js";
import { listOpvolgingen, type Opvolging } from "../db/opvolging.js";
import { kalender } from "../io/atw.js";
import { ladderData } from "../io/ladder.js";
import {
  findCategorie,
  findPartner,
  followUpRules,
  listCategorieen,
  partnerNaam,
  requireCategorie,
  requirePartner,
} from "../db/referentie.js";
import { formatAdres } from "../domain/adres.js";
import {
  BEVINDING_CSV_COLUMNS,
  bevindingImportCheck,
  ONTBREKEND_TEKST,
  ontbrekendeGegevens,
  parseTijdstip,
  parseToezichthouders,
  validateBevinding,
  type BevindingInput,
} from "../domain/bevinding.js";
import { findToezichthouder, laatsteWaarneming, requireToezichthouder } from "../db/toezichthouder.js";
import { registerBijlage } from "./bijlage.js";
import { registerWaarneming } from "./bevinding-waarneming.js";
import { kiesAvond } from "./avond-keuze.js";
import { formatDutch } from "../domain/dates.js";
import { parseCount, parseId } from "../domain/invoer.js";
import { aantal } from "../domain/tekst.js";
import { opvolgingenUitRegel, opvolgingView } from "../domain/opvolging.js";
import { UserError } from "../errors.js";
import { openCsv, readCsv } from "../io/csv.js";
import { renderTable } from "../render/table.js";

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
          rows.map((b) => ({ ...waarneming(b), opvolgingen: (perBevinding.get(b.id) ?? []).map((o) => kortOpvolging(o, ctx.today())) })),
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
  /** The user confirmed at a terminal that a second finding of this category here is meant. */
  dubbelBevestigd?: boolean;
}

async function toevoegen(ctx: Ctx, opts: ToevoegenOpts): Promise<void> {
  const db = ctx.db();
  const avond = await kiesAvond(ctx, opts.avond);
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
      tijdstip: opts.tijdstip,
      toezichthouder: opts.toezichthouder,
      methode: opts.methode,
    });
    const cat = requireCategorie(db, input.categorie);
    const dubbel = bevindingenOpAdres(db, avond.id, adres.id).filter((b) => b.categorie === cat.code);
    let dubbelBevestigd = false;
    if (dubbel.length && !opts.toch) {
      if (!ctx.interactive) throw dubbelFout(dubbel[0]!, avond.id);
      dubbelBevestigd = await ctx.prompts.confirm({
        message: `${dubbelTekst(dubbel[0]!, avond.id)}. Toch een tweede vastleggen?`,
        default: false,
      });
      if (!dubbelBevestigd) throw new UserError("afgebroken", "Afgebroken; er is niets vastgelegd");
    }
    nieuw.push({ adresId: adres.id, input, dubbelBevestigd });
  } else {
    nieuw.push(...(await rondgang(ctx, db, avond, opts)));
  }
  // Check every category and partner before writing anything.
  const toezichthouderIds = new Map<string, number>();
  for (const n of nieuw) {
    requireCategorie(db, n.input.categorie);
    if (n.input.partner !== null) requirePartner(db, n.input.partner);
    for (const nr of n.input.toezichthouders) toezichthouderIds.set(nr, requireToezichthouder(db, nr).id);
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
      // Checked again under the write lock: another process may have recorded the same finding meanwhile.
      const dubbel =
        opts.toch || n.dubbelBevestigd ? [] : bevindingenOpAdres(tx.db, avond.id, n.adresId).filter((b) => b.categorie === cat.code);
      if (dubbel.length) throw dubbelFout(dubbel[0]!, avond.id);
      const partnerId = n.input.partner !== null ? requirePartner(tx.db, n.input.partner).id : cat.partner_id;
      const id = w.bevinding({
        avondId: avond.id,
        adresId: n.adresId,
        categorieId: cat.id,
        partnerId,
        omschrijving: n.input.omschrijving,
        maatregel: n.input.maatregel,
        personen: n.input.personen,
        tijdstip: n.input.tijdstip,
        methode: n.input.methode,
      });
      w.toezichthouders(
        id,
        n.input.toezichthouders.map((nr) => toezichthouderIds.get(nr)!),
      );
      for (const o of regels(cat.id, partnerId, avond.datum)) w.opvolging(id, o);
      zakenVoorReeks(tx, id, id);
      tx.audit("bevinding", id, "toegevoegd", { avond: avond.id });
      return id;
    });
    return { ids, waarschuwingen };
  });
  for (const w of waarschuwingen) ctx.warn(`waarschuwing: ${w}`);

  const created = bevindingenVan(db, ids).map((b) => ({
    ...waarneming(b),
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

/**
 * The guided walk after an evening: address by address, what is already recorded, the categories
 * found, then time, toezichthouder(s) and method ONCE per address (defaults: the evening's start
 * time, then the previous address's time; the last used numbers and method), then each finding.
 */
async function rondgang(ctx: Ctx, db: Db, avond: AvondKort, opts: ToevoegenOpts): Promise<Nieuw[]> {
  const adressen = opts.adres !== undefined ? [requireAdres(db, parseId("adres", opts.adres))] : avondAdressen(db, avond.id);
  if (adressen.length === 0) throw new UserError("geen-adressen", `Avond ${avond.id} heeft nog geen adressen; geef --adres`);
  const categorieen = listCategorieen(db);
  const out: Nieuw[] = [];
  const vorige = laatsteWaarneming(db);
  const standaard = { tijdstip: avond.starttijd, toezichthouder: vorige?.toezichthouders ?? "", methode: vorige?.methode ?? "" };
  if (!ctx.json)
    ctx.out(ctx.color.bold(`Bevindingen invoeren voor avond ${avond.id} (${formatDutch(avond.datum)}, aanvang ${avond.starttijd})`));
  for (const [i, a] of adressen.entries()) {
    if (!ctx.json) ctx.out(`\n${ctx.color.bold(`Adres ${i + 1} van ${adressen.length}: ${formatAdres(a)}`)}`);
    const al = bevindingenOpAdres(db, avond.id, a.id);
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
        validate: geldig((v) => parseToezichthouders(v).forEach((nr) => requireToezichthouder(db, nr))),
      }));
    const methode =
      opts.methode ??
      (await ctx.prompts.input({ message: "Methode (bijv. visuele waarneming, gesprek met bewoners)", default: standaard.methode }));
    Object.assign(standaard, { tijdstip, toezichthouder, methode });
    for (const code of codes) {
      const naam = findCategorie(db, code)?.naam ?? code;
      const dubbel = al.find((b) => b.categorie.toLowerCase() === code.toLowerCase());
      let dubbelBevestigd = false;
      if (dubbel && !opts.toch) {
        dubbelBevestigd = await ctx.prompts.confirm({
          message: `${dubbelTekst(dubbel, avond.id)}. Toch een tweede vastleggen?`,
          default: false,
        });
        if (!dubbelBevestigd) continue;
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
        dubbelBevestigd,
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

function dubbelTekst(b: Bevinding, avondId: number): string {
  return `Er is al een bevinding ${b.categorie_naam} vastgelegd voor ${b.adres} op avond ${avondId} (bevinding ${b.id}: "${kort(b.omschrijving)}")`;
}

function dubbelFout(b: Bevinding, avondId: number): UserError {
  return new UserError("dubbele-bevinding", `${dubbelTekst(b, avondId)}; gebruik --toch om toch een tweede vast te leggen`);
}

function kort(t: string): string {
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
}

/** A finding as JSON: its toezichthouders as a list and what a report would call incomplete. */
function waarneming<B extends Bevinding>(b: B) {
  const toezichthouders = b.toezichthouders ? b.toezichthouders.split(",") : [];
  return { ...b, toezichthouders, onvolledig: ontbrekendeGegevens({ ...b, toezichthouders }) };
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
  // Lookups memoised by the text as written (cheaper than folding it per row; the lookup folds):
  // 100,000 rows name a few thousand addresses and a few dozen categories.
  const adressen = new Map<string, number | undefined>();
  const categorieen = new Map<string, { id: number; partnerId: number } | undefined>();
  const partners = new Map<string, number | undefined>();
  const opLijst = new Map<number, boolean>();
  const toezichthouders = new Map<string, number | undefined>();
  const controle = bevindingImportCheck({
    adres: (pc, nr, toev) => memo(adressen, `${pc}|${nr}|${toev}`, () => adresStmt.get(pc, nr, toev) as number | undefined),
    categorie: (code) =>
      memo(categorieen, code, () => {
        const c = findCategorie(db, code);
        return c ? { id: c.id, partnerId: c.partner_id } : undefined;
      }),
    partner: (naam) => memo(partners, naam, () => findPartner(db, naam)?.id),
    opLijst: (adresId) => memo(opLijst, adresId, () => isOpAvondLijst(db, avond.id, adresId)),
    toezichthouder: (nummer) => memo(toezichthouders, nummer, () => findToezichthouder(db, nummer)?.id),
  });
  // Encoding, separator and the size limits are checked before the write lock is taken.
  const bron = openCsv(bestand);
  const result = await ctx.changeStreaming(async (tx) => {
    const w = bevindingWriter(tx);
    const regels = regelCache(tx);
    // The rules per category and partner of the finding: a rule may give its action to the finding's partner.
    const perSoort = new Map<string, RegelsVoor>();
    let eerste: number | null = null;
    let laatste: number | null = null;
    let geimporteerd = 0;
    await readCsv(bron, BEVINDING_CSV_COLUMNS, (row) => {
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
        tijdstip: r.tijdstip,
        methode: r.methode,
      });
      if (r.toezichthouderIds.length) w.toezichthouders(laatste, r.toezichthouderIds);
      eerste ??= laatste;
      geimporteerd++;
      memo(perSoort, `${r.categorieId}|${r.partnerId}`, () => ({
        categorieId: r.categorieId,
        partnerId: r.partnerId,
        regels: regels(r.categorieId, r.partnerId, avond.datum),
      }));
    });
    if (controle.errors.length) {
      throw new UserError(
        "ongeldige-regels",
        `${aantal(controle.errors.length, "ongeldige regel", "ongeldige regels")} in ${bestand}; er is niets geïmporteerd`,
        controle.errors,
      );
    }
    const opvolgingen = eerste === null || laatste === null ? 0 : w.opvolgingenVoorReeks(eerste, laatste, [...perSoort.values()]);
    const zaken = eerste === null || laatste === null ? 0 : zakenVoorReeks(tx, eerste, laatste);
    tx.audit("bevinding", null, "geimporteerd", {
      avond: avond.id,
      aantal: geimporteerd,
      opvolgingen,
      handhavingszaken: zaken,
      toegevoegdAanLijst: controle.buitenLijst.map((b) => b.adresId),
    });
    return { aantal: geimporteerd, eerste, laatste, opvolgingen };
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

/**
 * A category's default follow-ups for a finding's partner and evening date, with partner ids, and
 * the first step of its handhavingsladder when the gemeente enforces it; computed once per kind.
 */
function regelCache(tx: Tx) {
  const cache = new Map<string, NieuweRegel[]>();
  const k = kalender();
  return (categorieId: number, partnerId: number, avondDatum: string) =>
    memo(cache, `${categorieId}|${partnerId}|${avondDatum}`, () => {
      const eerste = eersteStapVan(tx.db, categorieId, avondDatum, k, ladderData());
      const bevinding = { avondDatum, partner: partnerNaam(tx.db, partnerId) };
      return [
        ...(eerste ? [eerste] : []),
        ...opvolgingenUitRegel(followUpRules(tx.db, categorieId), bevinding, k).map((o) => ({
          actie: o.actie,
          deadline: o.deadline,
          partnerId: requirePartner(tx.db, o.partner).id,
          sjabloon: o.sjabloon,
        })),
      ];
    });
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

function beschrijf(ctx: Ctx, b: ReturnType<typeof waarneming> & { opvolgingen: ReturnType<typeof kortOpvolging>[] }): string {
  const lines = [
    `Bevinding ${b.id}: ${b.categorie_naam} (eigenaar ${b.partner}) op ${b.adres}, avond ${b.avond_id} (${formatDutch(b.datum)}).`,
    `  Waargenomen om ${b.tijdstip} door ${b.toezichthouders.length ? `toezichthouder ${b.toezichthouders.join(", ")}` : "onbekende toezichthouder"}; methode: ${b.methode ?? "onbekend"}.`,
    ...(b.onvolledig.length
      ? [`  Onvolledig voor het rapport van bevindingen: ${b.onvolledig.map((o) => ONTBREKEND_TEKST[o]).join("; ")}.`]
      : []),
    ...(b.maatregel ? [`  Maatregel: ${b.maatregel}`] : []),
    ...(b.personen !== null ? [`  Personen: ${b.personen}`] : []),
    b.opvolgingen.length ? "  Opvolging:" : "  Geen standaard-opvolging voor deze categorie; voeg die toe met opvolging toevoegen.",
    ...b.opvolgingen.map((o) => `    [${o.id}] ${o.actie} — ${o.partner} — uiterlijk ${formatDutch(o.deadline)}`),
  ];
  return lines.join("\n");
}
