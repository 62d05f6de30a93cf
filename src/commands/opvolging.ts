import type { Command } from "commander";
import { action, type Runtime } from "./runtime.js";
import type { Ctx } from "../context.js";
import { requireAvondKort, requireBevinding } from "../db/bevinding.js";
import { insertOpvolging, listOpvolgingen, requireOpvolging, updateOpvolging, type Opvolging } from "../db/opvolging.js";
import { findPartner, requireGemeente, requirePartner } from "../db/referentie.js";
import { formatDutch, parseDate } from "../domain/dates.js";
import { optionalText, parseEnum, parseId, requireText } from "../domain/invoer.js";
import { beslis, escalatie, ladderPartner, LIJST_FILTERS, NIEUWE_STATUSSEN, opvolgingView, type LijstFilter } from "../domain/opvolging.js";
import { UserError } from "../errors.js";
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
    .action(action<{ bevinding?: string; actie?: string; partner?: string; deadline?: string }>(rt, toevoegen));

  opvolging
    .command("bijwerken <id>")
    .description("wijzig status, resultaat, deadline of partner; doodgelopen vraagt --resultaat (de reden)")
    .option("--status <status>", NIEUWE_STATUSSEN.join("|"))
    .option("--resultaat <tekst>", "resultaat, of de reden bij doodgelopen")
    .option("--beeindigd <ja|nee>", "hercontrole: is de overtreding beëindigd? nee = volgende stap op de handhavingsladder")
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
          { header: "deadline", value: (r) => (r.verlopen ? c.redBold(`${formatDutch(r.deadline)} VERLOPEN`) : formatDutch(r.deadline)) },
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

async function toevoegen(ctx: Ctx, opts: { bevinding?: string; actie?: string; partner?: string; deadline?: string }): Promise<void> {
  const db = ctx.db();
  const b = requireBevinding(db, parseId("bevinding", await ctx.needText("bevinding", opts.bevinding, "Bevinding-id")));
  const actie = requireText("actie", await ctx.needText("actie", opts.actie, "Actie"), 200);
  const partner = requirePartner(db, opts.partner ?? b.partner);
  const deadline = parseDate(await ctx.needText("deadline", opts.deadline, "Deadline (JJJJ-MM-DD)"), "deadline");
  if (deadline < b.datum) throw new UserError("ongeldige-invoer", `deadline: ${deadline} ligt vóór de controleavond (${b.datum})`);
  const id = ctx.change((tx) => insertOpvolging(tx, { bevindingId: b.id, actie, partnerId: partner.id, deadline }));
  const o = view(requireOpvolging(db, id), ctx.today());
  ctx.emit(o, () => `Opvolging ${id} toegevoegd aan bevinding ${b.id}: ${actie} — ${partner.naam} — uiterlijk ${formatDutch(deadline)}.`);
}

async function bijwerken(ctx: Ctx, opts: BijwerkenOpts, rawId: string): Promise<void> {
  const db = ctx.db();
  const o = requireOpvolging(db, parseId("id", rawId));
  const status = opts.status !== undefined ? parseEnum("status", opts.status, NIEUWE_STATUSSEN) : undefined;
  const beeindigd = opts.beeindigd !== undefined ? parseEnum("beeindigd", opts.beeindigd, ["ja", "nee"] as const) === "ja" : undefined;
  const deadline = opts.deadline !== undefined ? parseDate(opts.deadline, "deadline") : undefined;
  const partner = opts.partner !== undefined ? requirePartner(db, opts.partner) : undefined;
  const resultaat = opts.resultaat !== undefined ? (optionalText("resultaat", opts.resultaat, 2000) ?? "") : undefined;
  const besluit = beslis(o, { status, resultaat, beeindigd, deadline, partner: partner?.naam }, o.avond_datum);

  const velden = Object.entries({ status, resultaat, beeindigd, deadline, partner })
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k);
  const voorstel = ctx.change((tx) => {
    updateOpvolging(
      tx,
      o.id,
      {
        status: besluit.status,
        resultaat: besluit.resultaat === "" ? null : besluit.resultaat,
        beeindigd: besluit.beeindigd,
        deadline: deadline ?? o.deadline,
        partnerId: partner?.id ?? requirePartner(tx.db, o.partner).id,
        geslotenOp: besluit.gesloten ? ctx.today() : null,
      },
      velden,
    );
    if (!besluit.escaleren) return undefined;
    const bestaande = listOpvolgingen(tx.db, { bevindingId: o.bevinding_id, vandaag: ctx.today() });
    const stapPartner = findPartner(tx.db, ladderPartner(bestaande)) ?? requirePartner(tx.db, o.partner);
    const e = escalatie(bestaande, ctx.today(), { stap: stapPartner.naam, hercontrole: o.partner });
    if (!e) return null;
    const stapId = insertOpvolging(tx, {
      bevindingId: o.bevinding_id,
      actie: e.stap.actie,
      partnerId: stapPartner.id,
      deadline: e.stap.deadline,
    });
    const herId = insertOpvolging(tx, {
      bevindingId: o.bevinding_id,
      actie: e.hercontrole.actie,
      partnerId: requirePartner(tx.db, o.partner).id,
      deadline: e.hercontrole.deadline,
    });
    return { id: stapId, ...e.stap, hercontrole: { id: herId, ...e.hercontrole } };
  });

  const na = view(requireOpvolging(db, o.id), ctx.today());
  const melding =
    voorstel === undefined
      ? undefined
      : voorstel === null
        ? "Overtreding niet beëindigd en de handhavingsladder is doorlopen: overleg met de juridische afdeling (bijv. bestuursdwang of sluiting)."
        : `Overtreding niet beëindigd. Voorgestelde volgende stap: ${voorstel.actie} (${voorstel.partner}), uiterlijk ${formatDutch(voorstel.deadline)} — aangemaakt als opvolging ${voorstel.id}; hercontrole daarna uiterlijk ${formatDutch(voorstel.hercontrole.deadline)} (opvolging ${voorstel.hercontrole.id}).`;
  ctx.emit({ ...na, ...(voorstel !== undefined ? { voorstel, melding } : {}) }, () =>
    [
      `Opvolging ${na.id} (${na.actie}) bijgewerkt: status ${na.status}${na.resultaat ? `, resultaat: ${na.resultaat}` : ""}${na.beeindigd === true ? ", overtreding beëindigd" : ""}; deadline ${formatDutch(na.deadline)}, ${na.partner}.`,
      ...(melding ? [ctx.color.yellow(melding)] : []),
    ].join("\n"),
  );
}
