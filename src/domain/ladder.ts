import { UserError } from "../errors.js";
import { formatEuro } from "./bedrag.js";
import { addDays, daysBetween, formatDutch, fromIso, type IsoDate } from "./dates.js";
import { isGesloten } from "./opvolging.js";
import { eindeTermijn, parseTermijn, type Eenheid, type Kalender, type Termijn } from "./termijn.js";

/**
 * The handhavingsladder as a pure state machine. A handhavingszaak belongs to one finding
 * whose category the gemeente enforces; its steps are follow-ups (opvolging rows with a
 * `stap`), created one at a time as the previous one completes, each with the earliest
 * day it may happen (niet_voor). Order (Awb): waarschuwing → voornemen (zienswijze, 4:8)
 * → besluit (last with a begunstigingstermijn that runs from the besluit) → hercontrole
 * after that term → invordering (5:37) or bestuursdwang and kostenverhaal (5:25).
 */

export const SPOREN = ["dwangsom", "bestuursdwang", "sluiting"] as const;
export type Spoor = (typeof SPOREN)[number];
export const LADDER_STARTS = ["bestuurlijke-rapportage", "waarschuwing", "voornemen"] as const;
export type LadderStart = (typeof LADDER_STARTS)[number];
export const STAPPEN = [
  "bestuurlijke-rapportage",
  "waarschuwing",
  "voornemen",
  "besluit",
  "hercontrole",
  "invordering",
  "bestuursdwang-uitvoeren",
  "kostenverhaal",
] as const;
export type Stap = (typeof STAPPEN)[number];
export const BESTUURSORGANEN = ["college", "burgemeester"] as const;
export type Bestuursorgaan = (typeof BESTUURSORGANEN)[number];
/** 5:32b Awb: a sum at once, per unit of time, or per violation of the last (per constatering). */
export const DWANGSOM_PER = ["ineens", "dag", "week", "maand", "constatering"] as const;
export type DwangsomPer = (typeof DWANGSOM_PER)[number];
export const ZAAK_STATUSSEN = ["lopend", "afgerond", "doodgelopen"] as const;
export type ZaakStatus = (typeof ZAAK_STATUSSEN)[number];

/** Rank on the ladder; a hercontrole checks, it does not advance (-1). */
const RANG: Record<Stap, number> = {
  "bestuurlijke-rapportage": 0,
  waarschuwing: 1,
  voornemen: 2,
  besluit: 3,
  invordering: 4,
  "bestuursdwang-uitvoeren": 4,
  kostenverhaal: 5,
  hercontrole: -1,
};

/** Steps that address the overtreder and therefore need one designated. */
const AAN_OVERTREDER: ReadonlySet<Stap> = new Set(["voornemen", "besluit", "invordering", "kostenverhaal"]);

export interface Dwangsom {
  bedrag: number;
  per: DwangsomPer;
  maximum: number;
}

/** The enforcement profile: a category's default, frozen on the zaak when it is made. */
export interface Profiel {
  bestuursorgaan: Bestuursorgaan;
  voorschrift: string;
  bevoegdheid: string;
  herstelmaatregel: string;
  spoor: Spoor;
  /** Spoedeisend: no voornemen (4:11 Awb), and 5:31 Awb where even a last cannot wait. */
  spoed: boolean;
  hersteltermijn: string;
  zienswijzetermijn: string;
  begunstigingstermijn: string;
  sluitingsduur: string | null;
  waarschuwingsgrondslag: string | null;
  dwangsom: Dwangsom | null;
}

/** Checks a profile's combination of values; returns it unchanged or throws one Dutch line. */
export function checkProfiel(p: Profiel): Profiel {
  for (const [veld, t] of [
    ["hersteltermijn", p.hersteltermijn],
    ["zienswijzetermijn", p.zienswijzetermijn],
    ["begunstigingstermijn", p.begunstigingstermijn],
  ] as const)
    parseTermijn(t, veld);
  if (p.spoor === "dwangsom") {
    if (!p.dwangsom) throw new UserError("ongeldige-invoer", "Een last onder dwangsom vraagt een bedrag, een eenheid en een maximum");
    if (p.dwangsom.maximum < p.dwangsom.bedrag) {
      throw new UserError(
        "ongeldige-invoer",
        `Het maximum (${formatEuro(p.dwangsom.maximum)}) is lager dan het bedrag (${formatEuro(p.dwangsom.bedrag)})`,
      );
    }
  }
  if (p.spoor === "sluiting" && !p.sluitingsduur)
    throw new UserError("ongeldige-invoer", 'Een sluiting vraagt een duur, bijv. "3 maanden"');
  if (p.sluitingsduur) parseTermijn(p.sluitingsduur, "sluitingsduur");
  return p;
}

// ---------------------------------------------------------------------------
// Reference data: data/handhavingsladder.json

export interface LadderStapDef {
  actie: string | Record<Spoor, string>;
  partner: string;
  termijn: number;
  eenheid: Eenheid;
  sjabloon?: string | Record<Spoor, string>;
  /** The letter announces (a hercontrole); it does not complete the step. */
  aankondiging?: boolean;
}

export interface LadderData {
  stappen: Record<Stap, LadderStapDef>;
  hercontroleNaInvordering: Termijn;
  ookHandhavingsbrieven: string[];
}

/** Reads and checks the ladder file; a broken file is the user's to fix (exit 2). */
export function parseLadderData(json: unknown): LadderData {
  const j = json as { stappen?: Record<string, LadderStapDef>; hercontrole_na_invordering?: string; ook_handhavingsbrieven?: string[] };
  const fout = (m: string) => new UserError("ongeldige-referentie", `data/handhavingsladder.json: ${m}`);
  if (!j?.stappen) throw fout("mist 'stappen'");
  for (const s of STAPPEN) {
    const d = j.stappen[s];
    if (!d || !d.actie || !d.partner || !Number.isInteger(d.termijn) || (d.eenheid !== "dagen" && d.eenheid !== "werkdagen")) {
      throw fout(`stap ${s} mist actie, partner, termijn of eenheid (dagen|werkdagen)`);
    }
  }
  return {
    stappen: j.stappen as Record<Stap, LadderStapDef>,
    hercontroleNaInvordering: parseTermijn(j.hercontrole_na_invordering ?? "4 weken", "hercontrole_na_invordering"),
    ookHandhavingsbrieven: j.ook_handhavingsbrieven ?? [],
  };
}

const perSpoor = (v: string | Record<Spoor, string> | undefined, spoor: Spoor) => (typeof v === "string" || v === undefined ? v : v[spoor]);

export function stapActie(d: LadderData, stap: Stap, spoor: Spoor): string {
  return perSpoor(d.stappen[stap].actie, spoor)!;
}

/** The template of a step's letter on this track; undefined: the step needs no letter. */
export function stapSjabloon(d: LadderData, stap: Stap, spoor: Spoor): string | undefined {
  return perSpoor(d.stappen[stap].sjabloon, spoor);
}

/** Does making the step's letter complete the step (false for an announcement or no letter)? */
export function briefVoltooit(d: LadderData, stap: Stap): boolean {
  return d.stappen[stap].sjabloon !== undefined && !d.stappen[stap].aankondiging;
}

/** Every template that speaks for the gemeente as enforcer: never for a partner's own law. */
export function handhavingsSjablonen(d: LadderData): Set<string> {
  const out = new Set(d.ookHandhavingsbrieven);
  for (const s of STAPPEN)
    for (const sp of SPOREN) {
      const t = stapSjabloon(d, s, sp);
      if (t) out.add(t);
    }
  return out;
}

/** The step a template completes on a track, if any. */
export function stapVanSjabloon(d: LadderData, sjabloon: string, spoor: Spoor): Stap | undefined {
  return STAPPEN.find((s) => stapSjabloon(d, s, spoor) === sjabloon);
}

// ---------------------------------------------------------------------------
// A zaak and its steps

export interface ZaakStap {
  opvolgingId: number;
  stap: Stap;
  status: string;
  nietVoor: IsoDate | null;
  geslotenOp: IsoDate | null;
  beeindigd: boolean | null;
  /** The letter that completed the step (waarschuwing, voornemen, besluit …). */
  brief: { kenmerk: string; datum: IsoDate } | null;
}

export interface Zaak {
  id: number;
  status: ZaakStatus;
  profiel: Profiel;
  overtrederId: number | null;
  kosten: number | null;
  /** In the order they were created. */
  stappen: ZaakStap[];
  zienswijzen: { id: number; ontvangen: IsoDate; samenvatting: string; weging: string | null }[];
}

export interface NieuweStap {
  stap: Stap;
  nietVoor: IsoDate;
}

/** The first step of a new zaak: where the category's ladder begins; spoed skips the voornemen. */
export function startStap(ladder: LadderStart, spoed: boolean): Stap {
  return spoed && ladder !== "bestuurlijke-rapportage" ? "besluit" : ladder;
}

const isOpen = (s: ZaakStap) => !isGesloten(s.status);

/** Completed: a letter step whose letter was sent, or an action step set afgerond. */
function voltooid(s: ZaakStap): boolean {
  if (s.stap === "hercontrole" || s.status !== "afgerond") return false;
  return s.brief !== null || s.stap === "bestuurlijke-rapportage" || s.stap === "bestuursdwang-uitvoeren";
}

/** The last completed step that moves the ladder (never a hercontrole, never one still open). */
export function laatsteVoltooide(z: Zaak): ZaakStap | undefined {
  let best: ZaakStap | undefined;
  for (const s of z.stappen) if (voltooid(s) && (!best || RANG[s.stap] >= RANG[best.stap])) best = s;
  return best;
}

const laatste = (z: Zaak, stap: Stap) => [...z.stappen].reverse().find((s) => s.stap === stap && voltooid(s));
const dagNa = (d: IsoDate) => addDays(d, 1);

/** The last day of the term a sent letter gave; null while that letter is not sent. */
export function eindeNa(z: Zaak, stap: "waarschuwing" | "voornemen" | "besluit", k: Kalender): { einde: IsoDate; kenmerk: string } | null {
  const s = laatste(z, stap);
  if (!s?.brief) return null;
  const term =
    stap === "waarschuwing"
      ? z.profiel.hersteltermijn
      : stap === "voornemen"
        ? z.profiel.zienswijzetermijn
        : z.profiel.begunstigingstermijn;
  return { einde: eindeTermijn(k, s.brief.datum, parseTermijn(term)), kenmerk: s.brief.kenmerk };
}

/** What completing a step on `datum` (the letter's date, or the day the action was done) leads to; null ends the zaak. */
export function naVoltooien(z: Zaak, stap: Stap, datum: IsoDate, k: Kalender, d: LadderData): NieuweStap | null {
  const p = z.profiel;
  const na = (t: string | Termijn) => dagNa(eindeTermijn(k, datum, typeof t === "string" ? parseTermijn(t) : t));
  switch (stap) {
    case "bestuurlijke-rapportage":
      return { stap: p.spoed ? "besluit" : "voornemen", nietVoor: datum };
    case "waarschuwing":
      return { stap: "hercontrole", nietVoor: na(p.hersteltermijn) };
    case "voornemen":
      return { stap: "besluit", nietVoor: na(p.zienswijzetermijn) };
    case "besluit":
      return { stap: "hercontrole", nietVoor: na(p.begunstigingstermijn) };
    case "invordering":
      return { stap: "hercontrole", nietVoor: na(d.hercontroleNaInvordering) };
    case "bestuursdwang-uitvoeren":
      return { stap: "kostenverhaal", nietVoor: datum };
    case "kostenverhaal":
    case "hercontrole":
      return null;
  }
}

// ---------------------------------------------------------------------------
// Forfeited dwangsom (5:33 Awb)

export interface Verbeurd {
  /** Failed hercontroles after the begunstigingstermijn that count. */
  constateringen: IsoDate[];
  /** Units forfeited: constateringen, distinct periods, or 1 for a sum at once. */
  eenheden: number;
  bedrag: number;
  maximumBereikt: boolean;
}

/**
 * What has been forfeited, conservatively: only what a recorded failed hercontrole proves.
 * Per constatering: each inspection day after the begunstigingstermijn. Per dag/week/maand:
 * each period (counted from the day after the term) in which a failed hercontrole was
 * recorded; the tool does not presume the periods in between. Ineens: once. Never above
 * the maximum (5:32b).
 */
export function computeVerbeurd(d: Dwangsom, termijnEinde: IsoDate, mislukt: readonly IsoDate[], tot?: IsoDate): Verbeurd {
  const na = [...new Set(mislukt.filter((x) => x > termijnEinde && (tot === undefined || x <= tot)))].sort();
  const periode = (x: IsoDate): number => {
    const dagen = daysBetween(termijnEinde, x) - 1; // 0 on the first day after the term
    if (d.per === "dag") return dagen;
    if (d.per === "week") return Math.floor(dagen / 7);
    const a = fromIso(dagNa(termijnEinde));
    const b = fromIso(x);
    return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth() - (b.getUTCDate() < a.getUTCDate() ? 1 : 0);
  };
  const eenheden = d.per === "ineens" ? Math.min(na.length, 1) : d.per === "constatering" ? na.length : new Set(na.map(periode)).size;
  const bedrag = Math.min(eenheden * d.bedrag, d.maximum);
  return { constateringen: na, eenheden, bedrag, maximumBereikt: bedrag >= d.maximum };
}

/** Failed hercontroles of a zaak by the date of the inspection. */
export function mislukteHercontroles(z: Zaak): IsoDate[] {
  return z.stappen.filter((s) => s.stap === "hercontrole" && s.beeindigd === false && s.geslotenOp).map((s) => s.geslotenOp!);
}

/** The forfeiture an invordering step claims: everything up to its hercontrole, minus what earlier invorderingen claimed. */
export function invorderingVan(
  z: Zaak,
  stap: ZaakStap,
  k: Kalender,
): { verbeurd: Verbeurd; eerder: number; nu: number; termijnEinde: IsoDate } | null {
  const d = z.profiel.dwangsom;
  const b = eindeNa(z, "besluit", k);
  if (!d || !b || stap.nietVoor === null) return null;
  const mislukt = mislukteHercontroles(z);
  const verbeurd = computeVerbeurd(d, b.einde, mislukt, stap.nietVoor);
  const vorige = z.stappen.filter((s) => s.stap === "invordering" && s.opvolgingId < stap.opvolgingId && s.nietVoor !== null);
  const eerder = vorige.length ? computeVerbeurd(d, b.einde, mislukt, vorige[vorige.length - 1]!.nietVoor!).bedrag : 0;
  return { verbeurd, eerder, nu: verbeurd.bedrag - eerder, termijnEinde: b.einde };
}

// ---------------------------------------------------------------------------
// Escalation after a failed hercontrole

export type Escalatie =
  { soort: "stap"; stap: NieuweStap } | { soort: "al-open"; opvolgingId: number; stap: Stap } | { soort: "einde"; reden: string };

/**
 * The next step after hercontrole `hercontroleId` found the violation still going on
 * `datum`: from the last COMPLETED step, never from one still open. Refuses (exit 2) a
 * failed hercontrole dated within the term the last letter gave: it proves nothing yet,
 * and can never lead to invordering.
 */
export function escalate(z: Zaak, hercontroleId: number, datum: IsoDate, k: Kalender): Escalatie {
  const open = z.stappen.find((s) => s.opvolgingId !== hercontroleId && s.stap !== "hercontrole" && isOpen(s));
  if (open) return { soort: "al-open", opvolgingId: open.opvolgingId, stap: open.stap };
  const l = laatsteVoltooide(z);
  if (!l) return { soort: "einde", reden: "er is nog geen stap van de handhavingsladder voltooid" };
  const binnenTermijn = (stap: "waarschuwing" | "besluit", wat: string, gevolg: string) => {
    const t = eindeNa(z, stap, k);
    if (t && datum <= t.einde) {
      throw new UserError(
        "binnen-termijn",
        `De ${wat} van ${stap === "besluit" ? "last" : "waarschuwing"} ${t.kenmerk} loopt tot en met ${formatDutch(t.einde)}: een hercontrole op ${formatDutch(datum)} kan niet tot ${gevolg} leiden; er is niets gewijzigd`,
      );
    }
  };
  switch (l.stap) {
    case "bestuurlijke-rapportage":
      return { soort: "stap", stap: { stap: z.profiel.spoed ? "besluit" : "voornemen", nietVoor: datum } };
    case "waarschuwing":
      binnenTermijn("waarschuwing", "hersteltermijn", "een voornemen");
      return { soort: "stap", stap: { stap: z.profiel.spoed ? "besluit" : "voornemen", nietVoor: datum } };
    case "voornemen":
      return { soort: "stap", stap: { stap: "besluit", nietVoor: datum } };
    case "besluit":
    case "invordering": {
      if (z.profiel.spoor !== "dwangsom") {
        binnenTermijn("besluit", "begunstigingstermijn", "bestuursdwang");
        return { soort: "stap", stap: { stap: "bestuursdwang-uitvoeren", nietVoor: datum } };
      }
      binnenTermijn("besluit", "begunstigingstermijn", "invordering");
      const d = z.profiel.dwangsom!;
      const einde = eindeNa(z, "besluit", k)!.einde;
      // This hercontrole may already be recorded as failed: count the others first, then it.
      const mislukt = z.stappen
        .filter((s) => s.opvolgingId !== hercontroleId && s.stap === "hercontrole" && s.beeindigd === false && s.geslotenOp)
        .map((s) => s.geslotenOp!);
      const voor = computeVerbeurd(d, einde, mislukt);
      if (voor.maximumBereikt) {
        return {
          soort: "einde",
          reden: `het maximum van de dwangsom (${formatEuro(d.maximum)}) is al verbeurd: beslis over een nieuwe last of over bestuursdwang`,
        };
      }
      const met = computeVerbeurd(d, einde, [...mislukt, datum]);
      if (met.bedrag === voor.bedrag) return { soort: "stap", stap: { stap: "hercontrole", nietVoor: dagNa(datum) } };
      return { soort: "stap", stap: { stap: "invordering", nietVoor: datum } };
    }
    case "bestuursdwang-uitvoeren":
      return { soort: "stap", stap: { stap: "kostenverhaal", nietVoor: datum } };
    case "kostenverhaal":
    case "hercontrole":
      return { soort: "einde", reden: "de handhavingsladder is doorlopen" };
  }
}

// ---------------------------------------------------------------------------
// Is a step's letter due?

export type Klaar = { klaar: true } | { klaar: false; reden: string; tot: IsoDate | null };

const STAP_NAAM: Record<Stap, string> = {
  "bestuurlijke-rapportage": "de bestuurlijke rapportage",
  waarschuwing: "de waarschuwing",
  voornemen: "het voornemen",
  besluit: "het besluit",
  hercontrole: "de hercontrole",
  invordering: "de invorderingsbeschikking",
  "bestuursdwang-uitvoeren": "de uitvoering van de bestuursdwang",
  kostenverhaal: "de kostenbeschikking",
};

export function stapNaam(stap: Stap): string {
  return STAP_NAAM[stap];
}

/** The earliest day the besluit may be taken: after the zienswijzetermijn, or once a zienswijze came in. */
export function besluitVanaf(z: Zaak, k: Kalender): { vanaf: IsoDate; einde: IsoDate | null; kenmerk: string | null } | null {
  if (z.profiel.spoed) return { vanaf: "0000-01-01", einde: null, kenmerk: null };
  const v = laatste(z, "voornemen");
  const t = eindeNa(z, "voornemen", k);
  if (!v?.brief || !t) return null;
  const ontvangen = z.zienswijzen.map((x) => x.ontvangen).sort()[0];
  const vanaf = ontvangen !== undefined ? (ontvangen > v.brief.datum ? ontvangen : v.brief.datum) : dagNa(t.einde);
  return { vanaf, einde: t.einde, kenmerk: t.kenmerk };
}

/**
 * Whether the letter of step `s` may be made today, or why not (one Dutch line) and until when.
 * `hint` builds the command that fixes a missing value (designating the overtreder, weighing a zienswijze).
 */
export function isKlaar(
  z: Zaak,
  s: ZaakStap,
  vandaag: IsoDate,
  k: Kalender,
  hint: { overtreder: string; weging: (zienswijzeId: number) => string; kosten: string },
): Klaar {
  const niet = (reden: string, tot: IsoDate | null = null): Klaar => ({ klaar: false, reden, tot });
  if (z.status !== "lopend") return niet(`de handhavingszaak is ${z.status}`);
  if (isGesloten(s.status)) return niet(`${STAP_NAAM[s.stap]} is al ${s.status}`);
  const eerder = z.stappen.find((x) => x !== s && x.stap !== "hercontrole" && isOpen(x) && RANG[x.stap] < RANG[s.stap]);
  if (eerder) return niet(`eerst ${STAP_NAAM[eerder.stap]} (opvolging ${eerder.opvolgingId})`);
  if (s.stap === "besluit") {
    const b = besluitVanaf(z, k);
    if (!b) return niet("het besluit vraagt eerst een verzonden voornemen (zienswijze, artikel 4:8 Awb)");
    if (b.vanaf > vandaag) {
      return niet(
        `Het besluit kan pas vanaf ${formatDutch(b.vanaf)}: de zienswijzetermijn van het voornemen ${b.kenmerk} loopt tot en met ${formatDutch(b.einde!)}`,
        b.vanaf,
      );
    }
    const ongewogen = z.zienswijzen.find((x) => !x.weging);
    if (ongewogen) return niet(`de zienswijze van ${formatDutch(ongewogen.ontvangen)} is nog niet gewogen: ${hint.weging(ongewogen.id)}`);
  } else if (s.nietVoor !== null && s.nietVoor > vandaag) {
    return niet(`${capitalise(STAP_NAAM[s.stap])} kan pas vanaf ${formatDutch(s.nietVoor)}`, s.nietVoor);
  }
  if (AAN_OVERTREDER.has(s.stap) && z.overtrederId === null) return niet(`wijs eerst de overtreder aan: ${hint.overtreder}`);
  if (s.stap === "kostenverhaal" && z.kosten === null) return niet(`leg eerst de kosten van de bestuursdwang vast: ${hint.kosten}`);
  return { klaar: true };
}

/** Values a zaak's steps depend on are frozen once its voornemen (or, with spoed, its besluit) was sent. */
export function isVastgelegd(z: Zaak): { kenmerk: string } | null {
  const s = z.stappen.find((x) => (x.stap === "voornemen" || x.stap === "besluit") && x.brief);
  return s ? { kenmerk: s.brief!.kenmerk } : null;
}

/** The sentence of 5:32b: the amount, per what, and the maximum. */
export function dwangsomZin(d: Dwangsom): string {
  const m = `met een maximum van ${formatEuro(d.maximum)}`;
  switch (d.per) {
    case "ineens":
      return `${formatEuro(d.bedrag)} ineens`;
    case "constatering":
      return `${formatEuro(d.bedrag)} voor iedere keer dat wordt geconstateerd dat niet aan de last is voldaan, ${m}`;
    default:
      return `${formatEuro(d.bedrag)} voor iedere ${d.per} (of een deel daarvan) dat niet aan de last is voldaan, ${m}`;
  }
}

function capitalise(t: string): string {
  return t.charAt(0).toUpperCase() + t.slice(1);
}
