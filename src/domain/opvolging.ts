import { UserError } from "../errors.js";
import type { IsoDate } from "./dates.js";
import { formatDutch, localTime } from "./dates.js";
import { sleutel } from "./invoer.js";
import { deadline, type Eenheid, type Kalender } from "./termijn.js";

/** Pure rules of follow-up: deriving actions from a category's rule, status changes, overdue, escalation. */

export const STATUSSEN = ["open", "in-behandeling", "afgerond", "doodgelopen"] as const;
export type Status = (typeof STATUSSEN)[number];
/** Not yet closed: work still to do (the one definition; src/db/opvolging-sql.ts writes it in SQL). */
export const OPEN_STATUSSEN = ["open", "in-behandeling"] as const satisfies readonly Status[];
/** Statuses a user may set with `opvolging bijwerken --status`. */
export const NIEUWE_STATUSSEN = ["in-behandeling", "afgerond", "doodgelopen"] as const;
/** Filters of `opvolging lijst --status`: open = not yet closed (open or in behandeling). */
export const LIJST_FILTERS = ["open", "in-behandeling", "verlopen", "afgerond", "doodgelopen"] as const;
export type LijstFilter = (typeof LIJST_FILTERS)[number];

/**
 * A rule's partner in the reference data may be a placeholder instead of a name:
 * "(eigenaar categorie)" the category's owning partner (resolved when the category is made),
 * "(eigenaar bevinding)" the partner of each finding (`--partner`; by default the category's owner),
 * so an SVB finding of sociale-zekerheidsfraude gives SVB the action, not UWV.
 */
export const EIGENAAR_CATEGORIE = "(eigenaar categorie)";
export const EIGENAAR_BEVINDING = "(eigenaar bevinding)";

/** A category's default follow-up: what, by whom, within which term, with which letter (reference data). */
export interface OpvolgRegel {
  actie: string;
  /** A partner's name, or EIGENAAR_BEVINDING. */
  partner: string;
  termijn: number;
  eenheid: Eenheid;
  /** The letter this action is done with (reference data), if any. */
  sjabloon?: string | null;
}

export interface NieuweOpvolging {
  actie: string;
  partner: string;
  deadline: IsoDate;
  sjabloon: string | null;
}

/**
 * The category's default rule applied to a finding of an evening: deadlines counted from the
 * evening's date, "(eigenaar bevinding)" given to the finding's own partner.
 */
export function opvolgingenUitRegel(
  regels: readonly OpvolgRegel[],
  bevinding: { avondDatum: IsoDate; partner: string },
  k: Kalender,
  gemeente: string,
): NieuweOpvolging[] {
  return regels
    .map((r) => ({ ...r, partner: r.partner === EIGENAAR_BEVINDING ? bevinding.partner : r.partner }))
    .filter((r) => !meldtAanZichzelf(r, gemeente))
    .map((r) => ({
      actie: r.actie,
      partner: r.partner,
      deadline: deadline(k, bevinding.avondDatum, r.termijn, r.eenheid),
      sjabloon: r.sjabloon ?? null,
    }));
}

/**
 * The gemeente (the partner that is the gemeente itself, data/partners.json) does not report back to
 * itself: a bijstand finding of the gemeente needs no "terugkoppeling aan de gemeente".
 */
function meldtAanZichzelf(r: { actie: string; partner: string }, gemeente: string): boolean {
  return /^terugkoppeling aan de gemeente$/i.test(r.actie.trim()) && sleutel(r.partner) === sleutel(gemeente);
}

export function isOpen(status: string): boolean {
  return (OPEN_STATUSSEN as readonly string[]).includes(status);
}

export function isGesloten(status: string): boolean {
  return !isOpen(status);
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
  /** When the follow-up was done (the day of the hercontrole); default today. Only when closing. */
  datum?: IsoDate;
}

export interface Beslissing {
  status: Status;
  resultaat: string | null;
  beeindigd: 0 | 1 | null;
  gesloten: boolean;
  /** The day it was done: --datum, else today. */
  geslotenOp: IsoDate | null;
  /** A hercontrole that found the violation still going: propose the next escalation step. */
  escaleren: boolean;
}

/** What a change needs to know about the follow-up besides its fields. */
export interface Omstandigheden {
  avondDatum: IsoDate;
  vandaag: IsoDate;
  /** A ladder step that is completed by making its letter (waarschuwing, voornemen, besluit …), never by hand. */
  briefStap: boolean;
}

/** A closed follow-up stays closed: refused before anything is asked or changed. */
export function magWijzigen(huidig: { status: string }): void {
  if (isGesloten(huidig.status)) {
    throw new UserError("al-gesloten", `Deze opvolging is al ${huidig.status}; een gesloten opvolging wijzigt niet meer`);
  }
}

/** A follow-up's deadline never precedes the evening of its finding. */
export function checkDeadline(deadline: IsoDate, avondDatum: IsoDate): IsoDate {
  if (deadline < avondDatum) throw new UserError("ongeldige-invoer", `deadline: ${deadline} ligt vóór de controleavond (${avondDatum})`);
  return deadline;
}

/**
 * Decides a change to one follow-up, or refuses it with a Dutch message:
 * a closed follow-up stays closed, doodgelopen needs a reason, a hercontrole
 * is closed with whether the violation ended (ja/nee), a new deadline cannot
 * precede the evening, a ladder step with a letter is closed by its letter.
 */
export function decideWijziging(
  huidig: { id?: number; status: string; actie: string; stap?: string | null; resultaat: string | null; beeindigd: number | null },
  w: Wijziging,
  o: Omstandigheden,
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
  magWijzigen(huidig);
  const hercontrole = huidig.stap === "hercontrole" || isHercontrole(huidig.actie);
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
  if (status === "afgerond" && o.briefStap) {
    throw new UserError(
      "brief-maakt-af",
      `"${huidig.actie}" wordt afgerond door de brief te maken: interventie brief maak --opvolging ${huidig.id ?? "<id>"} --uit <map>`,
    );
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
  if (w.deadline !== undefined) checkDeadline(w.deadline, o.avondDatum);
  const gesloten = isGesloten(status);
  if (w.datum !== undefined) {
    if (!gesloten)
      throw new UserError("ongeldige-invoer", "--datum hoort bij het afsluiten (--beeindigd of --status afgerond|doodgelopen)");
    if (w.datum > o.vandaag)
      throw new UserError("ongeldige-invoer", `datum: ${formatDutch(w.datum)} ligt na vandaag (${formatDutch(o.vandaag)})`);
    if (w.datum < o.avondDatum) {
      throw new UserError("ongeldige-invoer", `datum: ${formatDutch(w.datum)} ligt vóór de controleavond (${formatDutch(o.avondDatum)})`);
    }
  }
  return {
    status,
    resultaat: resultaat ?? null,
    beeindigd: w.beeindigd === undefined ? (huidig.beeindigd === null ? null : (huidig.beeindigd as 0 | 1)) : w.beeindigd ? 1 : 0,
    gesloten,
    geslotenOp: gesloten ? (w.datum ?? o.vandaag) : null,
    escaleren: w.beeindigd === false,
  };
}

/** The public shape of a follow-up: booleans instead of 0/1, and whether it is overdue today. */
export function opvolgingView<T extends { status: string; deadline: IsoDate; beeindigd: number | null }>(o: T, vandaag: IsoDate) {
  return { ...o, beeindigd: o.beeindigd === null ? null : o.beeindigd === 1, verlopen: isVerlopen(o, vandaag) };
}

/**
 * Issue 16 pt 3, no lost updates: the one message for a follow-up someone else changed since the user
 * looked at it; `door` is its newest audit entry (who, when in UTC).
 */
export function intussenGewijzigd(id: number, door?: { gebruiker: string; tijd: string }): UserError {
  const wie = door ? ` door ${door.gebruiker} op ${localTime(door.tijd)}` : "";
  return new UserError(
    "intussen-gewijzigd",
    `Opvolging ${id} is intussen gewijzigd${wie}; bekijk haar opnieuw met \`interventie opvolging toon ${id}\``,
  );
}
