import type { Command } from "commander";
import { action, type Runtime } from "./runtime.js";
import type { Ctx } from "../context.js";
import type { Tx } from "../db/audit.js";
import { requireAvondKort, requireBevinding } from "../db/bevinding.js";
import type { Db } from "../db/connection.js";
import { insertStap, requireZaak, sluitZaak, volgNa, zaakVanBevinding } from "../db/handhaving.js";
import { insertOpvolging, listOpvolgingen, requireOpvolging, updateOpvolging, type Opvolging } from "../db/opvolging.js";
import { followUpRules, requireCategorie, requireGemeente, requirePartner } from "../db/referentie.js";
import { formatDutch, parseDate } from "../domain/dates.js";
import { optionalText, parseEnum, parseId, requireText } from "../domain/invoer.js";
import { briefVoltooit, escaleer, stapNaam, stapSjabloon, type LadderData, type Stap } from "../domain/ladder.js";
import {
  beslis,
  isGesloten,
  isHercontrole,
  LIJST_FILTERS,
  NIEUWE_STATUSSEN,
  opvolgingView,
  type LijstFilter,
} from "../domain/opvolging.js";
import type { Kalender } from "../domain/termijn.js";
import { UserError } from "../errors.js";
import { kalender } from "../io/atw.js";
import { ladderData } from "../io/ladder.js";
import { laadSjabloon } from "../io/sjablonen.js";
import { renderTable } from "../render/table.js";

interface LijstOpts {
  status?: string;
  gemeente?: string;
  partner?: string;
  avond?: string;
  bevinding?: string;
}

interface BijwerkenOpts {
  status?: string;
  resultaat?: string;
  beeindigd?: string;
  deadline?: string;
  partner?: string;
  datum?: string;
}

export function register(program: Command, rt: Runtime): void {
  const opvolging = program.command("opvolging").description("opvolging van bevindingen: wie doet wat, wanneer, met welk resultaat");

  opvolging
    .command("lijst")
    .description("toon opvolgingen, gesorteerd op deadline; verlopen opvolgingen vallen op")
    .option("--status <status>", `${LIJST_FILTERS.join("|")} (open = nog niet afgesloten)`)
    .option("--gemeente <gemeente>", "alleen adressen in deze gemeente")
    .option("--partner <partner>", "alleen opvolgingen van deze partner")
    .option("--avond <id>", "alleen bevindingen van deze controleavond")
    .option("--bevinding <id>", "alleen deze bevinding")
    .action(action<LijstOpts>(rt, lijst));

  opvolging
    .command("toevoegen")
    .description("voeg een opvolgingsactie toe aan een bevinding")
    .option("--bevinding <id>", "bevinding")
    .option("--actie <tekst>", "bijv. informatiebrief eigenaar, hercontrole, persbericht")
    .option("--partner <partner>", "wie het doet (standaard: eigenaar van de bevinding)")
    .option("--deadline <datum>", "uiterlijk (JJJJ-MM-DD of DD-MM-JJJJ)")
    .option("--sjabloon <naam>", "de brief waarmee de actie wordt gedaan (standaard: die van dezelfde actie in de regels van de categorie)")
    .action(action<{ bevinding?: string; actie?: string; partner?: string; deadline?: string; sjabloon?: string }>(rt, toevoegen));

  opvolging
    .command("bijwerken <id>")
    .description("wijzig status, resultaat, deadline of partner; doodgelopen vraagt --resultaat (de reden)")
    .option("--status <status>", NIEUWE_STATUSSEN.join("|"))
    .option("--resultaat <tekst>", "resultaat, of de reden bij doodgelopen")
    .option("--beeindigd <ja|nee>", "hercontrole: is de overtreding beëindigd? nee = volgende stap op de handhavingsladder")
    .option("--datum <datum>", "bij afsluiten: de dag van de hercontrole of de dag waarop de actie is gedaan (standaard vandaag)")
    .option("--deadline <datum>", "nieuwe deadline")
    .option("--partner <partner>", "nieuwe eigenaar van de actie")
    .action(action<BijwerkenOpts>(rt, (ctx, opts, id) => bijwerken(ctx, opts, id as string)));
}

function view(o: Opvolging, vandaag: string) {
  return opvolgingView(o, vandaag);
}

function lijst(ctx: Ctx, opts: LijstOpts): void {
  const db = ctx.db();
  const status = opts.status !== undefined ? parseEnum<LijstFilter>("status", opts.status, LIJST_FILTERS) : undefined;
  const rows = listOpvolgingen(db, {
    status,
    gemeenteId: opts.gemeente !== undefined ? requireGemeente(db, opts.gemeente).id : undefined,
    partnerId: opts.partner !== undefined ? requirePartner(db, opts.partner).id : undefined,
    avondId: opts.avond !== undefined ? requireAvondKort(db, parseId("avond", opts.avond)).id : undefined,
    bevindingId: opts.bevinding !== undefined ? parseId("bevinding", opts.bevinding) : undefined,
    vandaag: ctx.today(),
  }).map((o) => view(o, ctx.today()));
  if (!ctx.json && rows.length === 0) {
    ctx.out("Geen opvolgingen gevonden.");
    return;
  }
  const c = ctx.color;
  const verlopen = rows.filter((r) => r.verlopen).length;
  ctx.emit(rows, () =>
    [
      renderTable(
        rows,
        [
          { header: "", value: (r) => (r.verlopen ? c.redBold("!") : "") },
          { header: "id", value: (r) => r.id, align: "right" },
          {
            header: "deadline",
            value: (r) =>
              (r.verlopen ? c.redBold(`${formatDutch(r.deadline)} VERLOPEN`) : formatDutch(r.deadline)) +
              (r.niet_voor && r.niet_voor > ctx.today() && !isGesloten(r.status)
                ? `\n${c.dim(`niet vóór ${formatDutch(r.niet_voor)}`)}`
                : ""),
          },
          { header: "actie", value: (r) => r.actie },
          { header: "partner", value: (r) => r.partner },
          { header: "status", value: (r) => r.status },
          { header: "adres", value: (r) => `${r.adres} (${r.gemeente})` },
          { header: "bevinding", value: (r) => `${r.bevinding_id}: ${r.categorie}` },
          { header: "resultaat", value: (r) => r.resultaat ?? "" },
        ],
        c,
      ),
      `${rows.length} opvolging(en)${verlopen ? `, ${c.redBold(`${verlopen} verlopen`)} (gemarkeerd met !, peildatum ${formatDutch(ctx.today())})` : ""}.`,
    ].join("\n"),
  );
}

async function toevoegen(
  ctx: Ctx,
  opts: { bevinding?: string; actie?: string; partner?: string; deadline?: string; sjabloon?: string },
): Promise<void> {
  const db = ctx.db();
  const b = requireBevinding(db, parseId("bevinding", await ctx.needText("bevinding", opts.bevinding, "Bevinding-id")));
  const actie = requireText("actie", await ctx.needText("actie", opts.actie, "Actie"), 200);
  const partner = requirePartner(db, opts.partner ?? b.partner);
  const deadline = parseDate(await ctx.needText("deadline", opts.deadline, "Deadline (JJJJ-MM-DD)"), "deadline");
  if (deadline < b.datum) throw new UserError("ongeldige-invoer", `deadline: ${deadline} ligt vóór de controleavond (${b.datum})`);
  if (opts.sjabloon !== undefined) laadSjabloon(opts.sjabloon, undefined); // an existing, safe template name
  // The same action in the category's rules names its letter (reference data, not a map in code).
  const regel = followUpRules(db, requireCategorie(db, b.categorie).id).find((r) => r.actie.toLowerCase() === actie.toLowerCase());
  const id = ctx.change((tx) => {
    // An extra hercontrole of a running zaak is a step of its ladder: a failed one escalates.
    const zaak = isHercontrole(actie) ? zaakVanBevinding(tx.db, b.id) : undefined;
    const alsStap = zaak?.status === "lopend";
    return insertOpvolging(tx, {
      bevindingId: b.id,
      actie,
      partnerId: partner.id,
      deadline,
      stap: alsStap ? "hercontrole" : null,
      sjabloon:
        opts.sjabloon ?? (alsStap ? (stapSjabloon(ladderData(), "hercontrole", zaak!.profiel.spoor) ?? null) : (regel?.sjabloon ?? null)),
    });
  });
  const o = view(requireOpvolging(db, id), ctx.today());
  ctx.emit(o, () => `Opvolging ${id} toegevoegd aan bevinding ${b.id}: ${actie} — ${partner.naam} — uiterlijk ${formatDutch(deadline)}.`);
}

interface Voorstel {
  id: number;
  stap: string;
  actie: string;
  partner: string;
  niet_voor: string | null;
  deadline: string;
}

/** What a change did to the handhavingszaak, for the user: the next step, or why there is none. */
interface LadderGevolg {
  voorstel?: Voorstel;
  melding?: string;
}

async function bijwerken(ctx: Ctx, opts: BijwerkenOpts, rawId: string): Promise<void> {
  const db = ctx.db();
  const id = parseId("id", rawId);
  const status = opts.status !== undefined ? parseEnum("status", opts.status, NIEUWE_STATUSSEN) : undefined;
  const beeindigd = opts.beeindigd !== undefined ? parseEnum("beeindigd", opts.beeindigd, ["ja", "nee"] as const) === "ja" : undefined;
  const deadline = opts.deadline !== undefined ? parseDate(opts.deadline, "deadline") : undefined;
  const datum = opts.datum !== undefined ? parseDate(opts.datum, "datum") : undefined;
  const resultaat = opts.resultaat !== undefined ? (optionalText("resultaat", opts.resultaat, 2000) ?? "") : undefined;
  requireOpvolging(db, id); // an unknown id is the user's error before anything else
  const k = kalender();
  const ladder = ladderData();
  const velden = Object.entries({ status, resultaat, beeindigd, deadline, partner: opts.partner, datum })
    .filter(([, v]) => v !== undefined)
    .map(([k2]) => k2);

  // Read, decide and write in one IMMEDIATE transaction: two people closing the same hercontrole
  // at once escalate once; the second finds it closed ("al gesloten").
  const gevolg = ctx.change((tx): LadderGevolg => {
    const o = requireOpvolging(tx.db, id);
    const partner = opts.partner !== undefined ? requirePartner(tx.db, opts.partner) : undefined;
    const stap = o.stap as Stap | null;
    const besluit = beslis(
      o,
      { status, resultaat, beeindigd, deadline, partner: partner?.naam, datum },
      { avondDatum: o.avond_datum, vandaag: ctx.today(), briefStap: stap !== null && briefVoltooit(ladder, stap) },
    );
    updateOpvolging(
      tx,
      o.id,
      {
        status: besluit.status,
        resultaat: besluit.resultaat === "" ? null : besluit.resultaat,
        beeindigd: besluit.beeindigd,
        deadline: deadline ?? o.deadline,
        partnerId: partner?.id ?? requirePartner(tx.db, o.partner).id,
        geslotenOp: besluit.geslotenOp,
      },
      velden,
    );
    if (!besluit.gesloten) return {};
    const zaak = o.handhaving_id !== null && stap !== null ? requireZaak(tx.db, o.handhaving_id) : undefined;
    const op = besluit.geslotenOp!;
    if (!zaak || zaak.status !== "lopend") {
      return besluit.escaleren
        ? {
            melding:
              "Overtreding niet beëindigd. Deze categorie kent geen handhavingsladder van de gemeente: de eigenaar van de bevinding beslist over het vervolg.",
          }
        : {};
    }
    if (besluit.status === "doodgelopen") {
      sluitZaak(tx, zaak, "doodgelopen", op, besluit.resultaat ?? "Doodgelopen");
      return { melding: `Handhavingszaak ${zaak.id} is doodgelopen; de open stappen zijn gesloten.` };
    }
    if (stap === "hercontrole" && besluit.beeindigd === 1) {
      sluitZaak(tx, zaak, "afgerond", op, `Niet meer nodig: overtreding beëindigd (hercontrole ${o.id})`);
      return { melding: `Overtreding beëindigd: handhavingszaak ${zaak.id} is afgerond.` };
    }
    if (stap === "hercontrole") return escaleerNa(tx, zaak.id, o.id, op, k, ladder);
    const nieuw = volgNa(tx, zaak.id, o.id, op, k, ladder);
    return nieuw === null ? { melding: `Handhavingszaak ${zaak.id} is afgerond.` } : { voorstel: voorstelVan(tx.db, nieuw) };
  });

  const na = view(requireOpvolging(db, id), ctx.today());
  const melding =
    gevolg.melding ??
    (gevolg.voorstel
      ? `Volgende stap: ${gevolg.voorstel.actie} (${gevolg.voorstel.partner})${gevolg.voorstel.niet_voor ? `, vanaf ${formatDutch(gevolg.voorstel.niet_voor)}` : ""}, uiterlijk ${formatDutch(gevolg.voorstel.deadline)} — opvolging ${gevolg.voorstel.id}.`
      : undefined);
  ctx.emit({ ...na, ...(gevolg.voorstel ? { voorstel: gevolg.voorstel } : {}), ...(melding ? { melding } : {}) }, () =>
    [
      `Opvolging ${na.id} (${na.actie}) bijgewerkt: status ${na.status}${na.resultaat ? `, resultaat: ${na.resultaat}` : ""}${na.beeindigd === true ? ", overtreding beëindigd" : ""}; deadline ${formatDutch(na.deadline)}, ${na.partner}.`,
      ...(melding ? [ctx.color.yellow(melding)] : []),
    ].join("\n"),
  );
}

function voorstelVan(db: Db, id: number): Voorstel {
  const o = requireOpvolging(db, id);
  return { id, stap: o.stap ?? "", actie: o.actie, partner: o.partner, niet_voor: o.niet_voor, deadline: o.deadline };
}

/** A failed hercontrole: the next step from the last completed one, or why there is none. */
function escaleerNa(tx: Tx, zaakId: number, hercontroleId: number, datum: string, k: Kalender, ladder: LadderData): LadderGevolg {
  const e = escaleer(requireZaak(tx.db, zaakId), hercontroleId, datum, k);
  if (e.soort === "al-open") {
    return { melding: `Overtreding niet beëindigd. De volgende stap staat al open: ${stapNaam(e.stap)} (opvolging ${e.opvolgingId}).` };
  }
  if (e.soort === "einde") return { melding: `Overtreding niet beëindigd, maar ${e.reden}; overleg met de juridische afdeling.` };
  const id = insertStap(tx, requireZaak(tx.db, zaakId), e.stap, k, ladder);
  return { voorstel: voorstelVan(tx.db, id) };
}
