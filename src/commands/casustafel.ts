import type { Command } from "commander";
import { action, type Runtime } from "./runtime.js";
import type { Ctx } from "../context.js";
import { buildAgenda, type Agenda } from "../db/agenda.js";
import {
  BESLUITEN,
  candidateInputs,
  insertCasustafel,
  listBesluiten,
  listCasustafels,
  requireCasustafel,
  upsertBesluit,
  type BesluitSoort,
} from "../db/casustafel.js";
import { requireAdres } from "../db/adres.js";
import { listGemeenten, listPartners, requireGemeente, requirePartner } from "../db/referentie.js";
import { formatDutch, parseDate } from "../domain/dates.js";
import { optionalText, parseEnum, parseId, parseList, sleutel } from "../domain/invoer.js";
import { rankCandidates, type Candidate } from "../domain/ranking.js";
import { missingFlag, UserError } from "../errors.js";
import { renderTable } from "../render/table.js";
import { planAvondGuided, type AvondResultaat } from "./avond.js";

const BESLUIT_LABEL: Record<BesluitSoort, string> = {
  controle: "integrale controle (naar een avond)",
  mono: "mono-inzet (één partner)",
  "meer-info": "meer informatie nodig",
  afgewezen: "afgewezen",
};

interface BesluitPlan {
  adresId: number;
  besluit: BesluitSoort;
  partners: { id: number; naam: string }[];
  toelichting: string | null;
}

export function register(program: Command, rt: Runtime): void {
  const ct = program.command("casustafel").description("casustafel: agenda met terugblik en kandidaten, besluiten per adres");

  ct.command("nieuw")
    .description("plan een casustafel voor een of meer gemeenten (zonder opties: begeleid)")
    .option("--datum <datum>", "datum van de casustafel")
    .option("--gemeenten <lijst>", "gemeenten, komma-gescheiden (meestal drie)")
    .action(action<{ datum?: string; gemeenten?: string }>(rt, nieuw));

  ct.command("agenda <id>")
    .description("terugblik en gerangschikte kandidaat-adressen")
    .option("--pdf <bestand>", "schrijf de agenda ook als PDF")
    .option("--overschrijven", "een bestaand PDF-bestand vervangen")
    .action(
      action<{ pdf?: string; overschrijven?: boolean }>(rt, async (ctx, opts, id) => {
        const pdf = opts.pdf !== undefined ? ctx.outputFile(opts.pdf, "pdf", opts.overschrijven) : undefined;
        const agenda = buildAgenda(ctx.db(), parseId("id", id as string), ctx.today());
        if (pdf) {
          const { writeAgendaPdf } = await import("../render/pdf/agenda.js");
          await writeAgendaPdf(agenda, pdf);
        }
        ctx.emit(
          opts.pdf ? { ...agenda, pdf: opts.pdf } : agenda,
          () => renderAgenda(ctx, agenda) + (opts.pdf ? `\n\nPDF geschreven: ${opts.pdf}` : ""),
        );
      }),
    );

  ct.command("besluit <id>")
    .description("leg het besluit over één adres vast")
    .option("--adres <id>", "adres-id")
    .option("--besluit <besluit>", BESLUITEN.join("|"))
    .option("--partners <lijst>", "partners wier expertise nodig is, komma-gescheiden")
    .option("--toelichting <tekst>", "toelichting")
    .action(
      action<{ adres?: string; besluit?: string; partners?: string; toelichting?: string }>(rt, async (ctx, opts, id) => {
        const db = ctx.db();
        const c = requireCasustafel(db, parseId("id", id as string));
        const kandidaten = rankCandidates(candidateInputs(db, c.gemeente_ids, c.datum), c.datum);
        const adresText = await ctx.needChoice(
          "adres",
          opts.adres,
          "Adres",
          kandidaten.map((k) => ({ name: `${k.rang}. ${k.adres}`, value: String(k.adres_id) })),
        );
        const besluitText = await ctx.needChoice(
          "besluit",
          opts.besluit,
          "Besluit",
          BESLUITEN.map((b) => ({ name: BESLUIT_LABEL[b], value: b as string })),
        );
        const plan = validateBesluit(ctx, c.gemeenten, {
          adres: adresText,
          besluit: besluitText,
          partners: opts.partners,
          toelichting: opts.toelichting,
        });
        const r = ctx.change((tx) =>
          upsertBesluit(tx, {
            casustafelId: c.id,
            adresId: plan.adresId,
            besluit: plan.besluit,
            partnerIds: plan.partners.map((p) => p.id),
            toelichting: plan.toelichting,
          }),
        );
        const adres = requireAdres(db, plan.adresId);
        ctx.emit(
          {
            id: r.id,
            casustafel_id: c.id,
            adres_id: plan.adresId,
            besluit: plan.besluit,
            partners: plan.partners.map((p) => p.naam),
            toelichting: plan.toelichting,
            nieuw: r.nieuw,
          },
          () =>
            `Besluit ${r.id}${r.nieuw ? "" : " (gewijzigd)"}: ${adres.straat} ${adres.huisnummer}${adres.toevoeging}, ${adres.plaats} → ${BESLUIT_LABEL[plan.besluit]}${plan.partners.length ? `; partners: ${plan.partners.map((p) => p.naam).join(", ")}` : ""}.`,
        );
      }),
    );

  ct.command("lijst")
    .description("toon casustafels, nieuwste eerst")
    .action(
      action(rt, (ctx) => {
        const rows = listCasustafels(ctx.db()).map(({ gemeente_ids: _g, ...r }) => r);
        ctx.emit(rows, () =>
          rows.length === 0
            ? "Nog geen casustafels."
            : renderTable(
                rows,
                [
                  { header: "id", value: (r) => r.id, align: "right" },
                  { header: "datum", value: (r) => formatDutch(r.datum) },
                  { header: "gemeenten", value: (r) => r.gemeenten.join(", ") },
                  { header: "besluiten", value: (r) => r.besluiten, align: "right" },
                ],
                ctx.color,
              ),
        );
      }),
    );
}

function validateBesluit(
  ctx: Ctx,
  gemeenten: string[],
  raw: { adres: string; besluit: string; partners?: string; toelichting?: string },
): BesluitPlan {
  const db = ctx.db();
  const adres = requireAdres(db, parseId("adres", raw.adres));
  if (!gemeenten.some((g) => sleutel(g) === sleutel(adres.gemeente))) {
    throw new UserError(
      "adres-buiten-casustafel",
      `Adres ${adres.id} ligt in ${adres.gemeente}; deze casustafel gaat over ${gemeenten.join(", ")}`,
    );
  }
  const besluit = parseEnum("besluit", raw.besluit, BESLUITEN);
  const partners = parseList(raw.partners).map((p) => requirePartner(db, p));
  if (besluit === "mono" && partners.length !== 1)
    throw new UserError("ongeldige-invoer", "besluit mono: noem precies één partner met --partners");
  return { adresId: adres.id, besluit, partners, toelichting: optionalText("toelichting", raw.toelichting, 1000) };
}

async function nieuw(ctx: Ctx, opts: { datum?: string; gemeenten?: string }): Promise<void> {
  const db = ctx.db();
  const guided = ctx.interactive && opts.datum === undefined && opts.gemeenten === undefined;
  const datum = parseDate(await ctx.needText("datum", opts.datum, "Datum van de casustafel (JJJJ-MM-DD of DD-MM-JJJJ)"));
  let namen: string[];
  if (opts.gemeenten !== undefined) namen = parseList(opts.gemeenten);
  else if (!ctx.interactive) throw missingFlag("gemeenten");
  else
    namen = await ctx.prompts.checkbox({
      message: "Welke gemeenten (meestal drie)?",
      choices: listGemeenten(db).map((g) => ({ name: g.team ? `${g.naam} (${g.team})` : g.naam, value: g.naam })),
    });
  if (namen.length === 0) throw new UserError("ongeldige-invoer", "gemeenten: kies minstens één gemeente");
  const gemeenten = namen.map((n) => requireGemeente(db, n));
  const plans = guided
    ? await askBesluiten(
        ctx,
        gemeenten.map((g) => g.id),
        gemeenten.map((g) => g.naam),
        datum,
      )
    : [];
  const id = ctx.change((tx) => {
    const cid = insertCasustafel(
      tx,
      datum,
      gemeenten.map((g) => g.id),
    );
    for (const p of plans)
      upsertBesluit(tx, {
        casustafelId: cid,
        adresId: p.adresId,
        besluit: p.besluit,
        partnerIds: p.partners.map((x) => x.id),
        toelichting: p.toelichting,
      });
    return cid;
  });
  const result: Record<string, unknown> = { id, datum, gemeenten: gemeenten.map((g) => g.naam), besluiten: listBesluiten(db, id) };
  const lines = [
    `Casustafel ${id} op ${formatDutch(datum)} voor ${gemeenten.map((g) => g.naam).join(", ")} aangemaakt${plans.length ? ` met ${plans.length} besluit(en)` : ""}.`,
  ];
  let avond: AvondResultaat | undefined;
  if (
    guided &&
    plans.some((p) => p.besluit === "controle") &&
    (await ctx.prompts.confirm({ message: "Nu de controleavond plannen?", default: true }))
  ) {
    if (!ctx.json) ctx.out(lines.join("\n"));
    lines.length = 0;
    avond = await planAvondGuided(ctx, id);
    result.avond = avond.json;
    lines.push(avond.human);
  } else if (!plans.length) {
    lines.push(`Volgende stap: interventie casustafel agenda ${id}`);
  }
  ctx.emit(result, () => lines.join("\n"));
}

/** Guided: show the ranked list, tick addresses, decide on each. Nothing is written here. */
async function askBesluiten(ctx: Ctx, gemeenteIds: number[], gemeenten: string[], datum: string): Promise<BesluitPlan[]> {
  const db = ctx.db();
  const kandidaten = rankCandidates(candidateInputs(db, gemeenteIds, datum), datum);
  if (kandidaten.length === 0) {
    if (!ctx.json) ctx.out("Er zijn (nog) geen adressen met signalen in deze gemeenten.");
    return [];
  }
  if (!ctx.json) ctx.out(renderKandidaten(ctx, kandidaten));
  const gekozen = await ctx.prompts.checkbox({
    message: "Welke adressen bespreekt de casustafel?",
    choices: kandidaten.map((k) => ({ name: `${k.rang}. ${k.adres} (${k.partners.length} partners)`, value: String(k.adres_id) })),
  });
  const partners = listPartners(db);
  const plans: BesluitPlan[] = [];
  for (const adresId of gekozen) {
    const k = kandidaten.find((x) => String(x.adres_id) === adresId)!;
    const besluit = await ctx.prompts.select({
      message: `Besluit voor ${k.adres}`,
      choices: BESLUITEN.map((b) => ({ name: BESLUIT_LABEL[b], value: b as string })),
    });
    const gevraagd = await ctx.prompts.checkbox({
      message: "Welke partners zijn nodig?",
      choices: partners.map((p) => ({ name: p.naam, value: p.naam, checked: k.partners.includes(p.naam) })),
    });
    const toelichting = await ctx.prompts.input({ message: "Toelichting (leeg laten mag)" });
    plans.push(validateBesluit(ctx, gemeenten, { adres: adresId, besluit, partners: gevraagd.join(","), toelichting }));
  }
  return plans;
}

function renderKandidaten(ctx: Ctx, kandidaten: (Candidate & { besluit?: string | null })[]): string {
  return renderTable(
    kandidaten,
    [
      { header: "#", value: (k) => k.rang, align: "right" },
      { header: "adres", value: (k) => `${k.adres} [${k.adres_id}]` },
      { header: "gemeente", value: (k) => k.gemeente },
      { header: "waarom", value: (k) => k.redenen.join("\n") },
      { header: "besluit", value: (k) => k.besluit ?? "" },
    ],
    ctx.color,
  );
}

function renderAgenda(ctx: Ctx, a: Agenda): string {
  const c = ctx.color;
  const t = a.terugblik;
  const out = [
    c.bold(`Agenda casustafel ${a.casustafel.id} — ${formatDutch(a.casustafel.datum)}`),
    `Gemeenten: ${a.casustafel.gemeenten.join(", ")}`,
    "",
    c.bold("1. Terugblik"),
  ];
  if (t.avonden.length === 0) out.push("  Geen eerdere controleavonden in deze gemeenten.");
  for (const v of t.avonden)
    out.push(`  Avond ${v.id}, ${formatDutch(v.datum)}: ${v.doel} — ${v.adressen} adres(sen), ${v.bevindingen} bevinding(en)`);
  out.push(`  Open opvolgingen: ${t.open_opvolgingen.length}`);
  for (const v of t.verlopen) {
    out.push(c.red(`  Verlopen bij ${v.partner}: ${v.aantal}`));
    for (const o of v.opvolgingen) out.push(`    - ${o.actie} (${o.adres}), deadline ${formatDutch(o.deadline)}`);
  }
  for (const l of t.leerpunten) out.push(`  Leerpunt (avond ${l.avond_id}): ${l.tekst}`);
  out.push("", c.bold("2. Kandidaat-adressen"));
  out.push(a.kandidaten.length ? renderKandidaten(ctx, a.kandidaten) : "  Geen adressen met signalen.");
  return out.join("\n");
}
