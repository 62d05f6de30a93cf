import type { Command } from "commander";
import { action, type Runtime } from "./runtime.js";
import type { Ctx } from "../context.js";
import { requireAdres } from "../db/adres.js";
import {
  bekendePersonen,
  gevraagdePartners,
  insertAvond,
  insertRol,
  listAvonden,
  requireAvond,
  setNoodplan,
  setRisico,
  type Avond,
} from "../db/avond.js";
import { candidateInputs, listBesluiten, listCasustafels, requireCasustafel } from "../db/casustafel.js";
import { listPartners, requirePartner } from "../db/referentie.js";
import type { Db } from "../db/connection.js";
import type { Tx } from "../db/audit.js";
import { avondAdressen } from "../db/bevinding.js";
import { werkvoorraad } from "../db/handhaving.js";
import { capaciteitsWaarschuwingen } from "../domain/capaciteit.js";
import { parseRol, parseStarttijd, parseTelefoon, RISICO_NIVEAUS, STANDAARD_ROLLEN, STANDAARD_UITRUSTING } from "../domain/avond.js";
import { formatDutch, parseDate } from "../domain/dates.js";
import { controleer, type Ontbrekend, type Risico } from "../domain/gereedheid.js";
import { optionalText, parseEnum, parseId, parseList, requireText } from "../domain/invoer.js";
import { rankCandidates } from "../domain/ranking.js";
import { UserError } from "../errors.js";
import { renderTable } from "../render/table.js";

export interface AvondResultaat {
  json: Record<string, unknown>;
  human: string;
}

interface NieuwOpts {
  casustafel?: string;
  datum?: string;
  start?: string;
  doel?: string;
  extraAdres?: string[];
  zonderAdres?: string[];
}

const collect = (v: string, prev: string[] = []) => [...prev, ...parseList(v)];

export function register(program: Command, rt: Runtime): void {
  const avond = program.command("avond").description("controleavond: adressen, rollen, risico's, noodplan, gereedheid, draaiboek");

  avond
    .command("nieuw")
    .description("plan een controleavond vanuit een casustafel (zonder opties: begeleid)")
    .option("--casustafel <id>", "casustafel-id; de adressen met besluit controle gaan mee")
    .option("--datum <datum>", "datum van de avond")
    .option("--start <tijd>", "starttijd (standaard 19:00)")
    .option("--doel <tekst>", "doel van de avond, bekend bij iedereen")
    .option("--extra-adres <id>", "voeg een adres toe (herhaalbaar)", collect)
    .option("--zonder-adres <id>", "laat een adres weg (herhaalbaar)", collect)
    .action(action<NieuwOpts>(rt, nieuw));

  avond
    .command("rol <id>")
    .description("wijs een rol toe aan een persoon van een partner")
    .requiredOption("--rol <rol>", `${STANDAARD_ROLLEN.join("|")}|<eigen rol>`)
    .requiredOption("--naam <naam>", "naam van de persoon")
    .requiredOption("--partner <partner>", "partner van de persoon")
    .option("--telefoon <nr>", "bereikbaar die avond op")
    .action(
      action<{ rol: string; naam: string; partner: string; telefoon?: string }>(rt, (ctx, opts, id) => {
        const a = requireAvond(ctx.db(), parseId("id", id as string));
        const rol = parseRol(opts.rol);
        const naam = requireText("naam", opts.naam, 100);
        const partner = requirePartner(ctx.db(), opts.partner);
        const telefoon = parseTelefoon(opts.telefoon);
        const rid = ctx.change((tx) => insertRol(tx, { avondId: a.id, rol, naam, partnerId: partner.id, telefoon }));
        ctx.emit(
          { id: rid, avond_id: a.id, rol, naam, partner: partner.naam, telefoon },
          () => `Rol ${rol}: ${naam} (${partner.naam}) op avond ${a.id}.`,
        );
      }),
    );

  avond
    .command("risico <id>")
    .description("risico-inschatting voor een adres (agressie, wapens, honden, uitgangen, omvang)")
    .requiredOption("--adres <id>", "adres-id op deze avond")
    .requiredOption("--niveau <niveau>", RISICO_NIVEAUS.join("|"))
    .option("--toelichting <tekst>", "toelichting")
    .action(
      action<{ adres: string; niveau: string; toelichting?: string }>(rt, (ctx, opts, id) => {
        const a = requireAvond(ctx.db(), parseId("id", id as string));
        const adresId = parseId("adres", opts.adres);
        const niveau = parseEnum("niveau", opts.niveau, RISICO_NIVEAUS);
        const toelichting = optionalText("toelichting", opts.toelichting, 1000);
        ctx.change((tx) => setRisico(tx, a.id, adresId, niveau, toelichting));
        ctx.emit(
          { avond_id: a.id, adres_id: adresId, niveau, toelichting },
          () => `Risico ${niveau} vastgelegd voor adres ${adresId} op avond ${a.id}.`,
        );
      }),
    );

  avond
    .command("noodplan <id>")
    .description("noodplan: verzamelpunt, codewoord, communicatie, uitrusting")
    .requiredOption("--verzamelpunt <tekst>", "waar verzamelt iedereen bij nood")
    .requiredOption("--codewoord <woord>", "codewoord om het pand te verlaten")
    .option("--communicatie <tekst>", "bijv. portofoons kanaal 3")
    .option("--uitrusting <lijst>", "komma-gescheiden, bijv. hesjes,portofoons,steekvesten")
    .action(
      action<{ verzamelpunt: string; codewoord: string; communicatie?: string; uitrusting?: string }>(rt, (ctx, opts, id) => {
        const a = requireAvond(ctx.db(), parseId("id", id as string));
        const plan = validateNoodplan(opts);
        ctx.change((tx) => setNoodplan(tx, a.id, plan));
        ctx.emit(
          { avond_id: a.id, ...plan },
          () => `Noodplan vastgelegd voor avond ${a.id}: verzamelpunt ${plan.verzamelpunt}, codewoord ${plan.codewoord}.`,
        );
      }),
    );

  avond
    .command("controleer <id>")
    .description("wat ontbreekt er nog? exit 2 zolang de avond niet gereed is")
    .action(
      action(rt, (ctx, _opts, id) => {
        const a = requireAvond(ctx.db(), parseId("id", id as string));
        const r = gereedheid(ctx.db(), a);
        // Capacity is a warning, never a reason by itself to stop the evening.
        const capaciteit = capaciteitVanAvond(ctx.db(), a.id);
        for (const w of capaciteit) ctx.warn(`Let op: ${w.bericht}`);
        if (r.gereed) {
          ctx.emit({ avond_id: a.id, gereed: true, ontbreekt: [], capaciteit }, () => `Avond ${a.id} is gereed: alles is geregeld.`);
          return;
        }
        if (!ctx.json) ctx.out(renderGereedheid(a.id, r.ontbreekt));
        throw new UserError(
          "niet-gereed",
          `Avond ${a.id} is nog niet gereed: ${r.ontbreekt.length} punt(en) ontbreken`,
          ctx.json ? r.ontbreekt.map((o) => `${o.code}: ${o.bericht}`) : [],
        );
      }),
    );

  avond
    .command("draaiboek <id>")
    .description("de briefing als PDF: doel, adressen, team, risico's, noodplan")
    .requiredOption("--pdf <bestand>", "PDF-bestand")
    .option("--overschrijven", "een bestaand PDF-bestand vervangen")
    .action(
      action<{ pdf: string; overschrijven?: boolean }>(rt, async (ctx, opts, id) => {
        const pdf = ctx.outputFile(opts.pdf, "pdf", opts.overschrijven);
        const db = ctx.db();
        const a = requireAvond(db, parseId("id", id as string));
        const { draaiboekData, writeDraaiboekPdf } = await import("../render/pdf/draaiboek.js");
        const data = draaiboekData(db, a, gereedheid(db, a));
        await writeDraaiboekPdf(data, pdf);
        ctx.emit(
          { avond_id: a.id, pdf: opts.pdf, gereed: data.gereedheid.gereed },
          () =>
            `Draaiboek geschreven: ${opts.pdf}${data.gereedheid.gereed ? "" : ctx.color.yellow(` (let op: avond nog niet gereed, ${data.gereedheid.ontbreekt.length} punt(en) ontbreken)`)}`,
        );
      }),
    );

  avond
    .command("lijst")
    .description("toon controleavonden, nieuwste eerst")
    .action(
      action(rt, (ctx) => {
        const rows = listAvonden(ctx.db());
        ctx.emit(rows, () =>
          rows.length === 0
            ? "Nog geen controleavonden."
            : renderTable(
                rows,
                [
                  { header: "id", value: (r) => r.id, align: "right" },
                  { header: "datum", value: (r) => `${formatDutch(r.datum)} ${r.starttijd}` },
                  { header: "doel", value: (r) => r.doel },
                  { header: "adressen", value: (r) => r.adressen, align: "right" },
                  { header: "rollen", value: (r) => r.rollen, align: "right" },
                ],
                ctx.color,
              ),
        );
      }),
    );

  avond
    .command("toon <id>")
    .description("toon een avond met adressen, team, noodplan en gereedheid")
    .action(
      action(rt, (ctx, _opts, id) => {
        const a = requireAvond(ctx.db(), parseId("id", id as string));
        const g = gereedheid(ctx.db(), a);
        ctx.emit({ ...a, gereedheid: g }, () => renderAvond(ctx, a) + "\n\n" + renderGereedheid(a.id, g.ontbreekt));
      }),
    );
}

/** Gemeenten this evening's addresses could push past the open handhavingszaken they can handle. */
function capaciteitVanAvond(db: Db, avondId: number) {
  const perGemeente = new Map<string, number>();
  for (const adres of avondAdressen(db, avondId)) perGemeente.set(adres.gemeente, (perGemeente.get(adres.gemeente) ?? 0) + 1);
  return capaciteitsWaarschuwingen(werkvoorraad(db), perGemeente);
}

export function gereedheid(db: Db, a: Avond): ReturnType<typeof controleer> {
  return controleer({
    rollen: a.rollen,
    adressen: a.adressen.map((x) => ({ adres: x.adres, risico: x.risico })),
    verzamelpunt: a.noodplan.verzamelpunt,
    codewoord: a.noodplan.codewoord,
    gevraagdePartners: gevraagdePartners(db, a.id),
  });
}

function validateNoodplan(o: { verzamelpunt?: string; codewoord?: string; communicatie?: string; uitrusting?: string }) {
  return {
    verzamelpunt: requireText("verzamelpunt", o.verzamelpunt, 200),
    codewoord: requireText("codewoord", o.codewoord, 40),
    communicatie: optionalText("communicatie", o.communicatie, 200),
    uitrusting: parseList(o.uitrusting).map((u) => requireText("uitrusting", u, 40)),
  };
}

interface AvondPlan {
  casustafelId: number;
  datum: string;
  starttijd: string;
  doel: string;
  adresIds: number[];
  rollen: { rol: string; naam: string; partnerId: number; telefoon: string | null }[];
  risicos: { adresId: number; niveau: Risico; toelichting: string | null }[];
  noodplan?: ReturnType<typeof validateNoodplan>;
}

async function nieuw(ctx: Ctx, opts: NieuwOpts): Promise<void> {
  const db = ctx.db();
  const guided = ctx.interactive && opts.casustafel === undefined && opts.datum === undefined && opts.doel === undefined;
  const casustafels = listCasustafels(db).map((c) => ({
    name: `${c.id}: ${formatDutch(c.datum)} — ${c.gemeenten.join(", ")}`,
    value: String(c.id),
  }));
  const cid = parseId("casustafel", await ctx.needChoice("casustafel", opts.casustafel, "Vanuit welke casustafel?", casustafels));
  if (guided) {
    const r = await planAvondGuided(ctx, cid);
    ctx.emit(r.json, () => r.human);
    return;
  }
  const plan = await basis(ctx, cid, opts, false);
  const r = opslaan(ctx, plan);
  ctx.emit(r.json, () => r.human);
}

/** Date, start, goal and addresses: from flags, or asked for in the guided flow. */
async function basis(ctx: Ctx, casustafelId: number, opts: NieuwOpts, guided: boolean): Promise<AvondPlan> {
  const db = ctx.db();
  const c = requireCasustafel(db, casustafelId);
  const datum = parseDate(await ctx.needText("datum", opts.datum, "Datum van de avond (JJJJ-MM-DD of DD-MM-JJJJ)"));
  if (datum < c.datum)
    throw new UserError("ongeldige-invoer", `datum: de avond (${formatDutch(datum)}) ligt vóór de casustafel (${formatDutch(c.datum)})`);
  const starttijd = parseStarttijd(opts.start ?? (guided ? await ctx.prompts.input({ message: "Starttijd", default: "19:00" }) : "19:00"));
  const doel = requireText("doel", await ctx.needText("doel", opts.doel, "Doel van de avond (bekend bij iedereen)"), 500);
  const controle = listBesluiten(db, c.id)
    .filter((b) => b.besluit === "controle")
    .map((b) => b.adres_id);
  let adresIds: number[];
  if (guided) {
    const kandidaten = rankCandidates(candidateInputs(db, c.gemeente_ids, c.datum), c.datum);
    const choices = kandidaten.map((k) => ({
      name: `${k.rang}. ${k.adres}`,
      value: String(k.adres_id),
      checked: controle.includes(k.adres_id),
    }));
    adresIds = (
      await ctx.prompts.checkbox({ message: "Welke adressen bezoekt de avond? (besluit controle staat aangevinkt)", choices })
    ).map(Number);
  } else {
    const extra = (opts.extraAdres ?? []).map((x) => requireAdres(db, parseId("extra-adres", x)).id);
    const zonder = (opts.zonderAdres ?? []).map((x) => parseId("zonder-adres", x));
    for (const z of zonder) {
      if (!controle.includes(z))
        throw new UserError("ongeldige-invoer", `zonder-adres: adres ${z} heeft bij casustafel ${c.id} geen besluit controle`);
    }
    adresIds = [...new Set([...controle.filter((x) => !zonder.includes(x)), ...extra])];
  }
  if (adresIds.length === 0) {
    throw new UserError(
      "geen-adressen",
      `Casustafel ${c.id} heeft geen adressen met besluit controle; leg besluiten vast of gebruik --extra-adres`,
    );
  }
  return { casustafelId: c.id, datum, starttijd, doel, adresIds, rollen: [], risicos: [] };
}

function opslaan(ctx: Ctx, plan: AvondPlan): AvondResultaat {
  const id = ctx.change((tx: Tx) => {
    const aid = insertAvond(tx, plan);
    for (const r of plan.rollen) insertRol(tx, { avondId: aid, ...r });
    for (const r of plan.risicos) setRisico(tx, aid, r.adresId, r.niveau, r.toelichting);
    if (plan.noodplan) setNoodplan(tx, aid, plan.noodplan);
    return aid;
  });
  const a = requireAvond(ctx.db(), id);
  const g = gereedheid(ctx.db(), a);
  return {
    json: { ...a, gereedheid: g },
    human: `Avond ${id} op ${formatDutch(a.datum)} om ${a.starttijd} aangemaakt met ${a.adressen.length} adres(sen).\n\n${renderGereedheid(id, g.ontbreekt)}`,
  };
}

/** The guided evening: basics, roles from people used before, risk per address, noodplan; one transaction at the end. */
export async function planAvondGuided(ctx: Ctx, casustafelId: number): Promise<AvondResultaat> {
  const db = ctx.db();
  const plan = await basis(ctx, casustafelId, {}, true);
  const partners = listPartners(db).map((p) => ({ name: p.naam, value: p.naam }));
  const bekend = bekendePersonen(db);
  for (;;) {
    const rolKeuze = await ctx.prompts.select({
      message: `Rol toevoegen (${plan.rollen.length} toegewezen)`,
      choices: [
        ...STANDAARD_ROLLEN.map((r) => ({ name: r, value: r as string })),
        { name: "eigen rol…", value: "<eigen>" },
        { name: "klaar met rollen", value: "<klaar>" },
      ],
    });
    if (rolKeuze === "<klaar>") break;
    const rol = parseRol(rolKeuze === "<eigen>" ? await ctx.prompts.input({ message: "Naam van de rol" }) : rolKeuze);
    const persoon = await ctx.prompts.select({
      message: "Wie?",
      choices: [
        ...bekend.map((p, i) => ({ name: `${p.naam} (${p.partner})`, value: String(i) })),
        { name: "iemand anders…", value: "<nieuw>" },
      ],
    });
    const known = persoon === "<nieuw>" ? undefined : bekend[Number(persoon)];
    const naam = requireText("naam", known?.naam ?? (await ctx.prompts.input({ message: "Naam" })), 100);
    const partner = requirePartner(db, known?.partner ?? (await ctx.prompts.select({ message: "Partner", choices: partners })));
    const telefoon = parseTelefoon(await ctx.prompts.input({ message: "Telefoon die avond (leeg mag)", default: known?.telefoon ?? "" }));
    if (rol === "teamleider" && plan.rollen.some((r) => r.rol === "teamleider"))
      throw new UserError("dubbele-teamleider", "Er is al een teamleider gekozen");
    plan.rollen.push({ rol, naam, partnerId: partner.id, telefoon });
    if (!bekend.some((b) => b.naam === naam && b.partner === partner.naam)) bekend.push({ naam, partner: partner.naam, telefoon });
  }
  for (const adresId of plan.adresIds) {
    const adres = requireAdres(db, adresId);
    const niveau = await ctx.prompts.select({
      message: `Risico bij ${adres.straat} ${adres.huisnummer}${adres.toevoeging}, ${adres.plaats}`,
      choices: RISICO_NIVEAUS.map((n) => ({ name: n, value: n })),
    });
    const toelichting = optionalText(
      "toelichting",
      await ctx.prompts.input({ message: "Toelichting (agressie, wapens, honden, uitgangen, omvang)" }),
      1000,
    );
    plan.risicos.push({ adresId, niveau, toelichting });
  }
  plan.noodplan = validateNoodplan({
    verzamelpunt: await ctx.prompts.input({ message: "Noodplan — verzamelpunt" }),
    codewoord: await ctx.prompts.input({ message: "Noodplan — codewoord" }),
    communicatie: await ctx.prompts.input({ message: "Communicatie", default: "portofoons" }),
    uitrusting: (
      await ctx.prompts.checkbox({
        message: "Uitrusting",
        choices: STANDAARD_UITRUSTING.map((u) => ({ name: u, value: u as string, checked: true })),
      })
    ).join(","),
  });
  return opslaan(ctx, plan);
}

function renderGereedheid(id: number, ontbreekt: Ontbrekend[]): string {
  if (ontbreekt.length === 0) return `Gereedheid avond ${id}: gereed.`;
  return [`Gereedheid avond ${id}: nog niet gereed. Ontbreekt:`, ...ontbreekt.map((o) => `  ✗ ${o.bericht}`)].join("\n");
}

function renderAvond(ctx: Ctx, a: Avond): string {
  const c = ctx.color;
  const n = a.noodplan;
  return [
    c.bold(`Avond ${a.id} — ${formatDutch(a.datum)}, ${a.starttijd}`),
    `Doel: ${a.doel}`,
    "",
    c.bold("Adressen"),
    ...a.adressen.map(
      (x) =>
        `  ${x.volgorde}. ${x.adres} (${x.type}) — risico ${x.risico ?? "nog niet ingeschat"}${x.risico_toelichting ? `: ${x.risico_toelichting}` : ""}`,
    ),
    "",
    c.bold("Team"),
    ...(a.rollen.length
      ? a.rollen.map((r) => `  ${r.rol}: ${r.naam} (${r.partner})${r.telefoon ? `, ${r.telefoon}` : ""}`)
      : ["  Nog geen rollen."]),
    "",
    c.bold("Noodplan"),
    `  Verzamelpunt: ${n.verzamelpunt ?? "-"}   Codewoord: ${n.codewoord ?? "-"}`,
    `  Communicatie: ${n.communicatie ?? "-"}   Uitrusting: ${n.uitrusting.join(", ") || "-"}`,
  ].join("\n");
}
