import type { Ctx } from "../context.js";
import { formatAdres } from "../domain/adres.js";
import { listBevindingen } from "../db/bevinding.js";
import { requireZaak } from "../db/handhaving.js";
import { listOpvolgingen, type Opvolging } from "../db/opvolging.js";
import { listOpvolgRegels, requireCategorie } from "../db/referentie.js";
import { formatDutch, parseDate } from "../domain/dates.js";
import { parseId, requireText } from "../domain/invoer.js";
import { escalate } from "../domain/ladder.js";
import { decideWijziging, isHercontrole, isVerlopen, magWijzigen, type Omstandigheden, type Wijziging } from "../domain/opvolging.js";
import { missingFlag } from "../errors.js";
import { kalender } from "../io/atw.js";
import { ask } from "../io/prompts.js";
import { chooseAvondId } from "./avond-keuze.js";
import { chooseId, ontbrekendArgument, partnerKeuzes } from "./kiezen.js";
import { askHercontrole } from "./hercontrole-vragen.js";

/**
 * The questions of `opvolging bijwerken` and `opvolging toevoegen` at a terminal: the follow-up
 * or finding from a list, what to change, and each value checked by the rule its flag uses
 * (domain/opvolging.ts), asked again when wrong. What a flag gives is never asked.
 */

/** What `opvolging bijwerken` takes from its flags, or from the questions below. */
export interface BijwerkenOpts {
  status?: string;
  resultaat?: string;
  beeindigd?: string;
  deadline?: string;
  partner?: string;
  datum?: string;
  /** Closing a hercontrole: the observation (domain/hercontrole.ts). */
  tijdstip?: string;
  toezichthouder?: string;
  methode?: string;
  waarneming?: string;
}

/** A list at a terminal stays short: the earliest deadlines; an id beyond them is typed. */
const MAX_KEUZES = 100;

/** The follow-up's id as typed, or chosen at a terminal from those not yet closed (earliest deadline first). */
export function chooseOpvolging(ctx: Ctx, raw: string | undefined): Promise<number> {
  return chooseId(ctx, raw, {
    veld: "id",
    vraag: "Welke opvolging?",
    keuzes: async () => {
      const open = await ctx.read((sql) => listOpvolgingen(sql, { status: "open", vandaag: ctx.today(), limiet: MAX_KEUZES + 1 }));
      if (open.length > MAX_KEUZES)
        ctx.say(`De ${MAX_KEUZES} open opvolgingen met de vroegste deadline; een andere: geef het id mee (zie opvolging lijst).`);
      return open.slice(0, MAX_KEUZES).map((o) => ({ name: opvolgingKeuze(o, ctx.today()), value: String(o.id) }));
    },
    leeg: "Er zijn geen open opvolgingen; zie interventie opvolging lijst",
    ontbreekt: ontbrekendArgument("opvolging-id", "opvolging lijst"),
  });
}

/** "12: 3 december 2026 VERLOPEN — hercontrole — Kerkstraat 12, Veldhoven (Gemeente, in behandeling)" */
function opvolgingKeuze(o: Opvolging, vandaag: string): string {
  const wanneer = `${formatDutch(o.deadline)}${isVerlopen(o, vandaag) ? " VERLOPEN" : ""}`;
  return `${o.id}: ${wanneer} — ${o.actie} — ${formatAdres(o)} (${o.partner}${o.status === "open" ? "" : `, ${o.status}`})`;
}

const WIJZIGINGEN = {
  "in-behandeling": "status: in behandeling",
  afgerond: "status: afgerond",
  hercontrole: "hercontrole afsluiten: is de overtreding beëindigd?",
  doodgelopen: "status: doodgelopen (met reden)",
  deadline: "deadline verschuiven",
  partner: "andere partner",
} as const;
type Soort = keyof typeof WIJZIGINGEN;

/**
 * No flag given at a terminal: what to change, from what this follow-up allows (a hercontrole is
 * closed with ja/nee and its date; a step whose letter completes it is not closed by hand), then
 * only the questions that change needs.
 */
export async function askWijziging(ctx: Ctx, o: Opvolging, om: Omstandigheden): Promise<BijwerkenOpts> {
  magWijzigen(o);
  const hercontrole = o.stap === "hercontrole" || isHercontrole(o.actie);
  const soorten = (Object.keys(WIJZIGINGEN) as Soort[]).filter((s) => {
    if (s === "in-behandeling") return o.status === "open";
    if (s === "afgerond") return !hercontrole && !om.briefStap;
    if (s === "hercontrole") return hercontrole;
    return true;
  });
  const soort = await ctx.prompts.select({
    message: `Wat wil je wijzigen aan opvolging ${o.id} (${o.actie}, ${formatAdres(o)})?`,
    choices: soorten.map((s) => ({ name: WIJZIGINGEN[s], value: s })),
    placeholder: "Kies wat er gebeurd is",
  });
  // Each answer is checked by decideWijziging, the rule the flags go through, with the answers before it.
  const w: Wijziging = {};
  const geldig =
    <T>(parse: (raw: string) => T, zet: (v: T) => Wijziging) =>
    (raw: string) => {
      const v = parse(raw);
      decideWijziging(o, { ...w, ...zet(v) }, om);
      return v;
    };
  const resultaat = (message: string) =>
    ask(ctx.prompts, {
      message,
      default: "",
      parse: geldig(
        (v) => v.trim(),
        (v) => ({ resultaat: v }),
      ),
    });
  const datum = (message: string, extra: (d: string) => void = () => {}) =>
    ask(ctx.prompts, {
      message,
      default: om.vandaag,
      parse: geldig(
        (v) => {
          const d = parseDate(v, "datum");
          extra(d);
          return d;
        },
        (d) => ({ datum: d }),
      ),
    });
  switch (soort) {
    case "in-behandeling":
      return { status: "in-behandeling" };
    case "afgerond": {
      w.status = "afgerond";
      const r = await resultaat("Resultaat (leeg mag)");
      return { status: "afgerond", resultaat: r || undefined, datum: await datum("Op welke dag is het gedaan?") };
    }
    case "hercontrole": {
      const beeindigd = await ctx.prompts.select({
        message: "Is de overtreding beëindigd?",
        choices: [
          { name: "ja, beëindigd", value: "ja" },
          { name: "nee, nog niet beëindigd", value: "nee" },
        ],
        placeholder: "Kies ja of nee",
      });
      w.beeindigd = beeindigd === "ja";
      // A failed hercontrole within the term of the waarschuwing or the last is refused by the ladder: asked again.
      const zaakId = beeindigd === "nee" ? o.handhaving_id : null;
      const zaak = zaakId !== null ? await ctx.read((sql) => requireZaak(sql, zaakId)) : undefined;
      const k = zaak?.status === "lopend" && o.stap === "hercontrole" ? kalender() : undefined;
      const dag = await datum("Op welke dag was de hercontrole?", (d) => {
        if (k) escalate(zaak!, o.id, d, k);
      });
      w.datum = dag;
      const r = await resultaat(`Resultaat in het kort (leeg: "Overtreding ${w.beeindigd ? "" : "niet "}beëindigd")`);
      return { beeindigd, datum: dag, resultaat: r || undefined, ...(await askHercontrole(ctx, beeindigd === "ja")) };
    }
    case "doodgelopen": {
      w.status = "doodgelopen";
      const reden = await ask(ctx.prompts, {
        message: "Waarom is het doodgelopen?",
        parse: geldig(
          (v) => requireText("resultaat", v, 2000),
          (v) => ({ resultaat: v }),
        ),
      });
      w.resultaat = reden;
      return { status: "doodgelopen", resultaat: reden, datum: await datum("Sinds welke dag?") };
    }
    case "deadline":
      return {
        deadline: await ask(ctx.prompts, {
          message: `Nieuwe deadline (nu ${formatDutch(o.deadline)})`,
          parse: geldig(
            (v) => parseDate(v, "deadline"),
            (d) => ({ deadline: d }),
          ),
        }),
      };
    case "partner":
      return {
        partner: await ctx.prompts.select({
          message: `Wie doet het voortaan (nu ${o.partner})?`,
          choices: (await partnerKeuzes(ctx)).filter((p) => p.value !== o.partner),
        }),
      };
  }
}

/** --bevinding, or at a terminal the evening and then one of its findings. */
export async function chooseBevinding(ctx: Ctx, raw: string | undefined): Promise<number> {
  if (raw !== undefined && raw !== "") return parseId("bevinding", raw);
  if (!ctx.interactive) throw missingFlag("bevinding");
  const avondId = await chooseAvondId(ctx, undefined, "avond", missingFlag("bevinding"));
  const keuzes = (await ctx.read((sql) => listBevindingen(sql, { avondId }))).map((b) => ({
    name: `${b.id}: ${b.categorie_naam} — ${formatAdres(b)} (${b.partner})`,
    value: String(b.id),
  }));
  const gekozen = await ctx.needChoice("bevinding", undefined, "Welke bevinding?", keuzes, {
    leeg: `Avond ${avondId} heeft nog geen bevindingen; zie interventie bevinding toevoegen`,
  });
  return parseId("bevinding", gekozen);
}

const ANDERE_ACTIE = "<andere>";
/** Actions every finding may get besides its category's own. */
const VAAK = ["hercontrole", "persbericht", "partner informeren"];

/** The action: the category's own actions and the usual ones to choose from, or one typed in. */
export async function askActie(ctx: Ctx, categorie: string): Promise<string> {
  if (!ctx.interactive) throw missingFlag("actie");
  const eigen = (await ctx.read(async (sql) => listOpvolgRegels(sql, (await requireCategorie(sql, categorie)).id))).map((r) => r.actie);
  const acties = [...eigen, ...VAAK].filter((a, i, all) => all.findIndex((x) => x.toLowerCase() === a.toLowerCase()) === i);
  const keuze = await ctx.prompts.select({
    message: "Welke actie?",
    choices: [...acties.map((a) => ({ name: a, value: a })), { name: "andere actie…", value: ANDERE_ACTIE }],
  });
  if (keuze !== ANDERE_ACTIE) return keuze;
  return ask(ctx.prompts, { message: "Actie", parse: (v) => requireText("actie", v, 200) });
}
