import { UserError } from "../errors.js";
import type { IsoDate } from "./dates.js";
import { deadline, type Eenheid } from "./termijn.js";

/** Pure rules of follow-up: deriving actions from a category's rule, status changes, overdue, escalation. */

export const STATUSSEN = ["open", "in-behandeling", "afgerond", "doodgelopen"] as const;
export type Status = (typeof STATUSSEN)[number];
/** Statuses a user may set with `opvolging bijwerken --status`. */
export const NIEUWE_STATUSSEN = ["in-behandeling", "afgerond", "doodgelopen"] as const;
/** Filters of `opvolging lijst --status`: open = not yet closed (open or in behandeling). */
export const LIJST_FILTERS = ["open", "in-behandeling", "verlopen", "afgerond", "doodgelopen"] as const;
export type LijstFilter = (typeof LIJST_FILTERS)[number];

export interface Regel {
  actie: string;
  partner: string;
  termijn: number;
  eenheid: Eenheid;
}

export interface NieuweOpvolging {
  actie: string;
  partner: string;
  deadline: IsoDate;
}

/** The category's default rule applied to a finding of an evening: deadlines counted from the evening's date. */
export function opvolgingenUitRegel(regels: readonly Regel[], avondDatum: IsoDate): NieuweOpvolging[] {
  return regels.map((r) => ({ actie: r.actie, partner: r.partner, deadline: deadline(avondDatum, r.termijn, r.eenheid) }));
}

export function isGesloten(status: string): boolean {
  return status === "afgerond" || status === "doodgelopen";
}

/** Overdue: not closed and its deadline lies before today. */
export function isVerlopen(o: { status: string; deadline: IsoDate }, vandaag: IsoDate): boolean {
  return !isGesloten(o.status) && o.deadline < vandaag;
}

export function isHercontrole(actie: string): boolean {
  return /^hercontrole\b/i.test(actie.trim());
}

export interface Wijziging {
  status?: (typeof NIEUWE_STATUSSEN)[number];
  resultaat?: string | null;
  /** Only for a hercontrole: has the violation ended? */
  beeindigd?: boolean;
  deadline?: IsoDate;
  partner?: string;
}

export interface Beslissing {
  status: Status;
  resultaat: string | null;
  beeindigd: 0 | 1 | null;
  gesloten: boolean;
  /** A hercontrole that found the violation still going: propose the next escalation step. */
  escaleren: boolean;
}

/**
 * Decides a change to one follow-up, or refuses it with a Dutch message:
 * a closed follow-up stays closed, doodgelopen needs a reason, a hercontrole
 * is closed with whether the violation ended (ja/nee), a new deadline cannot
 * precede the evening.
 */
export function beslis(
  huidig: { status: string; actie: string; resultaat: string | null; beeindigd: number | null },
  w: Wijziging,
  avondDatum: IsoDate,
): Beslissing {
  if (
    w.status === undefined &&
    w.beeindigd === undefined &&
    w.deadline === undefined &&
    w.partner === undefined &&
    w.resultaat === undefined
  ) {
    throw new UserError("niets-te-wijzigen", "Geef minstens één van --status, --resultaat, --beeindigd, --deadline of --partner");
  }
  if (isGesloten(huidig.status)) {
    throw new UserError("al-gesloten", `Deze opvolging is al ${huidig.status}; een gesloten opvolging wijzigt niet meer`);
  }
  const hercontrole = isHercontrole(huidig.actie);
  if (w.beeindigd !== undefined && !hercontrole) {
    throw new UserError("ongeldige-invoer", `--beeindigd hoort alleen bij een hercontrole (deze actie is "${huidig.actie}")`);
  }
  const status: Status = w.status ?? (w.beeindigd !== undefined ? "afgerond" : (huidig.status as Status));
  if (w.beeindigd !== undefined && status !== "afgerond") {
    throw new UserError("ongeldige-invoer", "--beeindigd sluit de hercontrole af; gebruik het met --status afgerond (of zonder --status)");
  }
  if (w.status !== undefined && w.status === huidig.status) {
    throw new UserError("ongeldige-invoer", `Deze opvolging heeft al status ${huidig.status}`);
  }
  // A hercontrole without its own text records the answer itself, so the result is never empty.
  const standaard = w.beeindigd === undefined ? huidig.resultaat : w.beeindigd ? "Overtreding beëindigd" : "Overtreding niet beëindigd";
  const resultaat =
    w.resultaat !== undefined && w.resultaat !== null && w.resultaat.trim() !== ""
      ? w.resultaat
      : w.resultaat === undefined
        ? standaard
        : huidig.resultaat;
  if (status === "doodgelopen" && (w.resultaat === undefined || w.resultaat === null || w.resultaat.trim() === "")) {
    throw new UserError("reden-verplicht", 'Doodgelopen vraagt een reden: geef --resultaat "<waarom>"');
  }
  if (status === "afgerond" && hercontrole && w.beeindigd === undefined) {
    throw new UserError("beeindigd-verplicht", "Een hercontrole sluit je af met --beeindigd ja|nee (is de overtreding beëindigd?)");
  }
  if (w.deadline !== undefined && w.deadline < avondDatum) {
    throw new UserError("ongeldige-invoer", `deadline: ${w.deadline} ligt vóór de controleavond (${avondDatum})`);
  }
  return {
    status,
    resultaat: resultaat ?? null,
    beeindigd: w.beeindigd === undefined ? (huidig.beeindigd === null ? null : (huidig.beeindigd as 0 | 1)) : w.beeindigd ? 1 : 0,
    gesloten: isGesloten(status),
    escaleren: w.beeindigd === false,
  };
}

/**
 * The enforcement ladder (Awb): speak first, then escalate. Three tracks, chosen
 * by what the finding already has: sluiting (13b Opiumwet / 174 Gemeentewet),
 * bestuursdwang (acute danger: fire, asbestos), otherwise dwangsom.
 */
export interface LadderStap {
  actie: string;
  termijn: number;
  eenheid: Eenheid;
}

export const LADDERS: Record<"dwangsom" | "bestuursdwang" | "sluiting", readonly LadderStap[]> = {
  dwangsom: [
    { actie: "informatiebrief eigenaar", termijn: 10, eenheid: "werkdagen" },
    { actie: "voornemen last onder dwangsom", termijn: 20, eenheid: "werkdagen" },
    { actie: "last onder dwangsom", termijn: 10, eenheid: "werkdagen" },
    { actie: "invordering dwangsom", termijn: 20, eenheid: "werkdagen" },
  ],
  bestuursdwang: [
    { actie: "voornemen bestuursdwang", termijn: 5, eenheid: "werkdagen" },
    { actie: "last onder bestuursdwang", termijn: 5, eenheid: "werkdagen" },
    { actie: "bestuursdwang uitvoeren", termijn: 10, eenheid: "werkdagen" },
  ],
  sluiting: [
    { actie: "voornemen sluiting", termijn: 10, eenheid: "werkdagen" },
    { actie: "sluiting", termijn: 10, eenheid: "werkdagen" },
  ],
};

/** Days after an escalation step's deadline to look again. */
export const HERCONTROLE_NA_STAP = { termijn: 14, eenheid: "dagen" as Eenheid };

const norm = (s: string) => s.trim().toLowerCase();

/**
 * The next step after a hercontrole found the violation still going, given every
 * action the finding already has; undefined at the end of the ladder.
 */
export function volgendeStap(acties: readonly string[]): LadderStap | undefined {
  const have = new Set(acties.map(norm));
  const track = (["sluiting", "bestuursdwang"] as const).find((t) => LADDERS[t].some((s) => have.has(s.actie))) ?? "dwangsom";
  const ladder = LADDERS[track];
  let furthest = -1;
  ladder.forEach((s, i) => {
    if (have.has(s.actie)) furthest = i;
  });
  return ladder[furthest + 1];
}

/**
 * The proposal as dated follow-ups: the step, and a new hercontrole after its deadline.
 * The step's term starts today, or after the latest deadline of a ladder step already
 * planned (a last onder dwangsom follows the voornemen's zienswijze term, never precedes it).
 */
export function escalatie(
  opvolgingen: readonly { actie: string; deadline: IsoDate }[],
  vandaag: IsoDate,
  partners: { stap: string; hercontrole: string },
): { stap: NieuweOpvolging; hercontrole: NieuweOpvolging } | undefined {
  const stap = volgendeStap(opvolgingen.map((o) => o.actie));
  if (!stap) return undefined;
  const steps = ladderActies();
  const start = opvolgingen.filter((o) => steps.has(norm(o.actie))).reduce((max, o) => (o.deadline > max ? o.deadline : max), vandaag);
  const d = deadline(start, stap.termijn, stap.eenheid);
  return {
    stap: { actie: stap.actie, partner: partners.stap, deadline: d },
    hercontrole: {
      actie: "hercontrole",
      partner: partners.hercontrole,
      deadline: deadline(d, HERCONTROLE_NA_STAP.termijn, HERCONTROLE_NA_STAP.eenheid),
    },
  };
}

function ladderActies(): Set<string> {
  return new Set(Object.values(LADDERS).flatMap((l) => l.map((s) => s.actie)));
}

/** Who carries the next escalation step: whoever carried the last ladder step of this finding, else the gemeente. */
export function ladderPartner(opvolgingen: readonly { actie: string; partner: string }[], gemeente = "Gemeente"): string {
  const steps = ladderActies();
  const last = [...opvolgingen].reverse().find((o) => steps.has(norm(o.actie)));
  return last?.partner ?? gemeente;
}

/** The public shape of a follow-up: booleans instead of 0/1, and whether it is overdue today. */
export function opvolgingView<T extends { status: string; deadline: IsoDate; beeindigd: number | null }>(o: T, vandaag: IsoDate) {
  return { ...o, beeindigd: o.beeindigd === null ? null : o.beeindigd === 1, verlopen: isVerlopen(o, vandaag) };
}
