import type { Ctx } from "../context.js";
import { requireAdres } from "../db/adres.js";
import { formatAdres } from "../domain/adres.js";
import { BESLUITEN, type BesluitSoort } from "../db/casustafel.js";
import { listGemeenten, listPartners, requireGemeente, requirePartner, type Gemeente } from "../db/referentie.js";
import { rankKandidaten, type BesluitInvoer } from "../usecases/casustafel.js";
import { formatDutch, parseDate, type IsoDate } from "../domain/dates.js";
import { optionalText, parseEnum, parseId, parseList, sleutel } from "../domain/invoer.js";
import type { Candidate } from "../domain/ranking.js";
import { aantal } from "../domain/tekst.js";
import { UserError } from "../errors.js";
import { ask, minstensEen } from "../io/prompts.js";
import { renderKandidaten, signaalRegels } from "../render/kandidaten.js";
import { terminalWidth, wrapIndented } from "../render/terminal.js";

/**
 * The guided casustafel (`casustafel nieuw` at a terminal) and the questions of one
 * decision, shared with `casustafel besluit`. Nothing is written here: the command
 * writes the casustafel and its decisions in one transaction after the summary.
 */

export const BESLUIT_LABEL: Record<BesluitSoort, string> = {
  controle: "integrale controle (naar een avond)",
  mono: "mono-inzet (één partner)",
  "meer-info": "meer informatie nodig",
  afgewezen: "afgewezen",
};

export interface BesluitPlan {
  adresId: number;
  adres: string;
  besluit: BesluitSoort;
  partners: { id: number; naam: string }[];
  toelichting: string | null;
}

/** The rules of a decision, for flags and answers alike: the address in the casustafel's gemeenten, mono with one partner. */
export async function validateBesluit(
  ctx: Ctx,
  gemeenten: string[],
  raw: { adres: string; besluit: string; partners?: string; toelichting?: string },
): Promise<BesluitPlan> {
  const adresId = parseId("adres", raw.adres);
  const adres = await ctx.read((sql) => requireAdres(sql, adresId));
  if (!gemeenten.some((g) => sleutel(g) === sleutel(adres.gemeente))) {
    throw new UserError(
      "adres-buiten-casustafel",
      `Adres ${adres.id} ligt in ${adres.gemeente}; deze casustafel gaat over ${gemeenten.join(", ")}`,
    );
  }
  const besluit = parseEnum("besluit", raw.besluit, BESLUITEN);
  const partners = await ctx.read((sql) => Promise.all(parseList(raw.partners).map((p) => requirePartner(sql, p))));
  if (besluit === "mono" && partners.length !== 1)
    throw new UserError("ongeldige-invoer", "besluit mono: noem precies één partner met --partners");
  return {
    adresId: adres.id,
    adres: formatAdres(adres),
    besluit,
    partners: besluit === "afgewezen" ? [] : partners.map((p) => ({ id: p.id, naam: p.naam })),
    toelichting: optionalText("toelichting", raw.toelichting, 1000),
  };
}

/**
 * The questions of one decision: what the signals say first, then the decision, and only
 * the questions that apply to it (no partners for afgewezen, exactly one for mono).
 */
export async function askBesluit(
  ctx: Ctx,
  gemeenten: string[],
  k: Candidate,
  given: { besluit?: string; partners?: string; toelichting?: string },
  huidig?: BesluitPlan,
): Promise<BesluitPlan> {
  if (k.signaalteksten.length) ctx.say([`Signalen bij ${k.adres}:`, ...signaalRegels(k.signaalteksten)].join("\n"));
  const besluit =
    given.besluit ??
    (await ctx.prompts.select({
      message: `Besluit voor ${k.adres}`,
      placeholder: "— kies het besluit (↑↓) —",
      default: huidig?.besluit,
      choices: BESLUITEN.map((b) => ({ name: BESLUIT_LABEL[b], value: b as string })),
    }));
  const vooraf = huidig ? huidig.partners.map((p) => p.naam) : k.partners;
  const partners = given.partners ?? (await vraagPartners(ctx, parseEnum("besluit", besluit, BESLUITEN), vooraf));
  const toelichting =
    given.toelichting ??
    (await ask(ctx.prompts, {
      message:
        besluit === "afgewezen" ? "Waarom afgewezen? (de partner leest dit in de terugkoppeling; leeg mag)" : "Toelichting (leeg mag)",
      default: huidig?.toelichting ?? undefined,
      parse: (v) => optionalText("toelichting", v, 1000),
    }));
  return validateBesluit(ctx, gemeenten, { adres: String(k.adres_id), besluit, partners, toelichting: toelichting ?? undefined });
}

/** Partners as the --partners list: several for controle and meer-info, one for mono, none for afgewezen. */
async function vraagPartners(ctx: Ctx, besluit: BesluitSoort, vooraf: string[]): Promise<string> {
  const partners = await ctx.read(listPartners);
  if (besluit === "afgewezen") return "";
  if (besluit === "mono") {
    return ctx.prompts.select({
      message: "Welke partner pakt het alleen op?",
      placeholder: "— kies de partner (↑↓) —",
      default: vooraf.length === 1 ? vooraf[0] : undefined,
      choices: partners.map((p) => ({ name: p.naam, value: p.naam })),
    });
  }
  const gekozen = await ctx.prompts.checkbox({
    message: besluit === "controle" ? "Welke partners zijn nodig bij de controle?" : "Welke partners zoeken het uit?",
    choices: partners.map((p) => ({ name: p.naam, value: p.naam, checked: vooraf.includes(p.naam) })),
  });
  return gekozen.join(",");
}

export interface CasustafelPlan {
  datum: IsoDate;
  gemeenten: Gemeente[];
  besluiten: BesluitPlan[];
}

const ACTIES = {
  opslaan: "Opslaan",
  datum: "Wijzigen: datum",
  gemeenten: "Wijzigen: gemeenten",
  adressen: "Wijzigen: welke adressen besproken worden",
  afbreken: "Afbreken (niets opslaan)",
} as const;

/** Date, gemeenten, the ranked addresses with what their signals say, decisions; then a summary to change or save. */
export async function casustafelGuided(ctx: Ctx): Promise<CasustafelPlan> {
  const plan: CasustafelPlan = {
    datum: await vraagDatum(ctx),
    gemeenten: await askGemeenten(ctx, []),
    besluiten: [],
  };
  await vraagAdressen(ctx, plan, true);
  for (;;) {
    ctx.say(`\n${renderPlan(plan)}\n`);
    const keuze = await ctx.prompts.select({
      message: "Opslaan, of eerst iets wijzigen?",
      choices: [
        ...Object.entries(ACTIES)
          .filter(([k]) => k !== "afbreken")
          .map(([value, name]) => ({ name, value: value as string })),
        ...plan.besluiten.map((b, i) => ({ name: `Wijzigen: besluit voor ${b.adres}`, value: `besluit:${i}` })),
        { name: ACTIES.afbreken, value: "afbreken" },
      ],
    });
    if (keuze === "opslaan") return plan;
    if (keuze === "afbreken") throw new UserError("afgebroken", "Afgebroken; er is niets opgeslagen");
    if (keuze === "datum") plan.datum = await vraagDatum(ctx, plan.datum);
    if (keuze === "gemeenten") plan.gemeenten = await askGemeenten(ctx, plan.gemeenten);
    if (keuze.startsWith("besluit:")) {
      const i = Number(keuze.slice("besluit:".length));
      const k = (await kandidaten(ctx, plan)).find((x) => x.adres_id === plan.besluiten[i]!.adresId)!;
      plan.besluiten[i] = await askBesluit(ctx, namen(plan), k, {}, plan.besluiten[i]);
    }
    // A new date or other gemeenten change the candidates: keep the decisions that still apply, ask for new ones.
    if (keuze === "datum" || keuze === "gemeenten" || keuze === "adressen") await vraagAdressen(ctx, plan, keuze !== "datum");
  }
}

function vraagDatum(ctx: Ctx, huidig?: IsoDate): Promise<IsoDate> {
  return ask(ctx.prompts, { message: "Datum van de casustafel (JJJJ-MM-DD of DD-MM-JJJJ)", default: huidig, parse: (v) => parseDate(v) });
}

export async function askGemeenten(ctx: Ctx, huidig: Gemeente[]): Promise<Gemeente[]> {
  const gekozen = await ctx.prompts.checkbox({
    message: "Welke gemeenten (meestal drie)?",
    choices: (await ctx.read(listGemeenten)).map((g) => ({
      name: g.team ? `${g.naam} (${g.team})` : g.naam,
      value: g.naam,
      checked: huidig.some((h) => h.id === g.id),
    })),
    validate: minstensEen("gemeente"),
  });
  return ctx.read((sql) => Promise.all(gekozen.map((n) => requireGemeente(sql, n))));
}

function namen(plan: CasustafelPlan): string[] {
  return plan.gemeenten.map((g) => g.naam);
}

function kandidaten(ctx: Ctx, plan: CasustafelPlan): Promise<Candidate[]> {
  return ctx.read((sql) =>
    rankKandidaten(
      sql,
      plan.gemeenten.map((g) => g.id),
      plan.datum,
    ),
  );
}

/** Which addresses the casustafel discusses (its decisions so far stay ticked), and a decision for each new one. */
async function vraagAdressen(ctx: Ctx, plan: CasustafelPlan, vraag: boolean): Promise<void> {
  const lijst = await kandidaten(ctx, plan);
  plan.besluiten = plan.besluiten.filter((b) => lijst.some((k) => k.adres_id === b.adresId));
  if (!vraag) return;
  if (lijst.length === 0) {
    ctx.say("Er zijn (nog) geen adressen met signalen in deze gemeenten.");
    return;
  }
  ctx.say(`\nKandidaat-adressen, gerangschikt\n\n${renderKandidaten(lijst, ctx.color)}\n`);
  const gekozen = (
    await ctx.prompts.checkbox({
      message: "Welke adressen bespreekt de casustafel?",
      choices: lijst.map((k) => ({
        name: `${k.rang}. ${k.adres} (${aantal(k.partners.length, "partner", "partners")})`,
        value: String(k.adres_id),
        checked: plan.besluiten.some((b) => b.adresId === k.adres_id),
      })),
    })
  ).map(Number);
  const besluiten: BesluitPlan[] = [];
  for (const k of lijst.filter((x) => gekozen.includes(x.adres_id))) {
    besluiten.push(plan.besluiten.find((b) => b.adresId === k.adres_id) ?? (await askBesluit(ctx, namen(plan), k, {})));
  }
  plan.besluiten = besluiten;
}

function renderPlan(plan: CasustafelPlan): string {
  const w = terminalWidth();
  return [
    `Nieuwe casustafel (nog niet opgeslagen) — ${formatDutch(plan.datum)}`,
    ...wrapIndented(`Gemeenten: ${namen(plan).join(", ")}`, w, "", "  "),
    `Besluiten (${plan.besluiten.length}):`,
    ...(plan.besluiten.length
      ? plan.besluiten.flatMap((b, i) => wrapIndented(besluitRegel(b), w, `  ${i + 1}. `, "     "))
      : ["  nog geen"]),
  ].join("\n");
}

/** What the use case writes of a decision. */
export function besluitInvoer(b: BesluitPlan): BesluitInvoer {
  return { adresId: b.adresId, besluit: b.besluit, partnerIds: b.partners.map((p) => p.id), toelichting: b.toelichting };
}

export function besluitRegel(b: BesluitPlan): string {
  const partners = b.partners.length ? `; partners: ${b.partners.map((p) => p.naam).join(", ")}` : "";
  return `${b.adres} → ${BESLUIT_LABEL[b.besluit]}${partners}${b.toelichting ? ` — ${b.toelichting}` : ""}`;
}
