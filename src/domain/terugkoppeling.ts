import { formatDutch, type IsoDate } from "./dates.js";
import type { AdresVelden } from "./adres.js";
import { isGesloten } from "./opvolging.js";
import { aantal } from "./tekst.js";

/**
 * Feedback to a partner: what became of every signal it brought in, and of the findings
 * it has a stake in. It shares only what that partner needs (AVG, convenant): its own
 * signals and findings in full, another partner's follow-up only as a status. Pure.
 */

/** Counts for the head of a terugkoppeling: what happened with a partner's findings. */
export function totalen(rows: { opvolgingen: { status: string; verlopen: boolean }[] }[]) {
  const alle = rows.flatMap((r) => r.opvolgingen);
  return {
    bevindingen: rows.length,
    opvolgingen: alle.length,
    afgerond: alle.filter((o) => o.status === "afgerond").length,
    doodgelopen: alle.filter((o) => o.status === "doodgelopen").length,
    open: alle.filter((o) => !isGesloten(o.status)).length,
    verlopen: alle.filter((o) => o.verlopen).length,
    /** Findings whose every follow-up is closed. */
    bevindingenAfgesloten: rows.filter((r) => r.opvolgingen.length > 0 && r.opvolgingen.every((o) => isGesloten(o.status))).length,
  };
}

export const BETROKKENHEID_TEKST: Record<string, string> = {
  signaal: "signaal aangeleverd",
  eigenaar: "eigenaar bevinding",
  opvolging: "voert opvolging uit",
};

export interface SignaalBesluit {
  casustafel_id: number;
  datum: IsoDate;
  besluit: "controle" | "mono" | "meer-info" | "afgewezen";
  partners: string[];
  toelichting: string | null;
}

export interface SignaalBezoek {
  avond_id: number;
  datum: IsoDate;
  /** Category names of what was found at the address that evening. */
  categorieen: string[];
}

export type Uitkomst = "nog-niet-besproken" | "niet-gekozen" | "gekozen-nog-niet-bezocht" | "niets-gevonden" | "bevindingen";

export const UITKOMSTEN: readonly Uitkomst[] = [
  "nog-niet-besproken",
  "niet-gekozen",
  "gekozen-nog-niet-bezocht",
  "niets-gevonden",
  "bevindingen",
];

export interface SignaalUitkomst {
  uitkomst: Uitkomst;
  /** The decision that counts: the last one before the visit, or the last one at all. */
  besluit: SignaalBesluit | null;
  /** The first evening at the address on or after the signal (it may still be planned). */
  bezoek: SignaalBezoek | null;
  tekst: string;
}

/**
 * What became of one signal. Only decisions and evenings on or after the signal's date
 * count: an earlier visit did not answer it.
 */
export function signaalUitkomst(
  signaalDatum: IsoDate,
  besluiten: SignaalBesluit[],
  bezoeken: SignaalBezoek[],
  vandaag: IsoDate,
): SignaalUitkomst {
  const na = besluiten.filter((b) => b.datum >= signaalDatum).sort((a, b) => a.datum.localeCompare(b.datum));
  const bezoek = [...bezoeken].sort((a, b) => a.datum.localeCompare(b.datum)).find((v) => v.datum >= signaalDatum) ?? null;
  if (bezoek && bezoek.datum <= vandaag) {
    const besluit = na.filter((b) => b.datum <= bezoek.datum).pop() ?? null;
    const gevonden = bezoek.categorieen.length;
    const waar = `bezocht op controleavond ${bezoek.avond_id} (${formatDutch(bezoek.datum)})`;
    return gevonden === 0
      ? { uitkomst: "niets-gevonden", besluit, bezoek, tekst: `${waar}: niets gevonden` }
      : {
          uitkomst: "bevindingen",
          besluit,
          bezoek,
          tekst: `${waar}: ${aantal(gevonden, "bevinding", "bevindingen")} (${[...new Set(bezoek.categorieen)].join(", ")})`,
        };
  }
  const besluit = na.pop() ?? null;
  const gepland = bezoek ? `; gepland op controleavond ${bezoek.avond_id} (${formatDutch(bezoek.datum)})` : "";
  if (besluit === null) {
    return bezoek
      ? { uitkomst: "gekozen-nog-niet-bezocht", besluit, bezoek, tekst: `nog niet bezocht${gepland}` }
      : { uitkomst: "nog-niet-besproken", besluit, bezoek, tekst: "nog niet besproken op een casustafel" };
  }
  const waar = `casustafel ${besluit.casustafel_id} (${formatDutch(besluit.datum)})`;
  const toelichting = besluit.toelichting ? ` — ${besluit.toelichting}` : "";
  if (besluit.besluit === "controle")
    return {
      uitkomst: "gekozen-nog-niet-bezocht",
      besluit,
      bezoek,
      tekst: `${waar}: gekozen voor een controle, nog niet bezocht${gepland}`,
    };
  const wat =
    besluit.besluit === "mono"
      ? `niet gekozen voor een controle: mono-inzet door ${besluit.partners.join(", ") || "één partner"}`
      : besluit.besluit === "meer-info"
        ? "niet gekozen voor een controle: eerst meer informatie nodig"
        : "niet gekozen voor een controle: afgewezen";
  return { uitkomst: "niet-gekozen", besluit, bezoek, tekst: `${waar}: ${wat}${toelichting}` };
}

/** The follow-up of a finding as a partner may see it: its own in full, another partner's as status only. */
export function zichtbareOpvolging<
  O extends { partner: string; actie: string; status: string; deadline: IsoDate; resultaat: string | null; verlopen: boolean },
>(o: O, partner: string): ({ eigen: true } & O) | { eigen: false; partner: string; status: string; verlopen: boolean } {
  if (o.partner.toLowerCase() === partner.toLowerCase()) return { eigen: true, ...o };
  return { eigen: false, partner: o.partner, status: o.status, verlopen: o.verlopen };
}

/** Whether a partner may read what was found (the description): its own finding, or one it must act on. */
export function magInhoudZien(betrokkenheid: readonly string[]): boolean {
  return betrokkenheid.includes("eigenaar") || betrokkenheid.includes("opvolging");
}

/** Per outcome, how many of the partner's signals ended there. */
export function signaalTotalen(uitkomsten: { uitkomst: Uitkomst }[]): Record<Uitkomst, number> & { signalen: number } {
  const out = { signalen: uitkomsten.length } as Record<Uitkomst, number> & { signalen: number };
  for (const u of UITKOMSTEN) out[u] = uitkomsten.filter((x) => x.uitkomst === u).length;
  return out;
}

/** A finding as the partner receives it: the description only where it may read it, follow-up filtered. */
export interface TerugkoppelingBevinding extends AdresVelden {
  id: number;
  avond_id: number;
  adres_id: number;
  datum: IsoDate;
  adres: string;
  gemeente: string;
  categorie: string;
  categorie_naam: string;
  eigenaar: string;
  betrokkenheid: string[];
  omschrijving: string | null;
  maatregel: string | null;
  personen: number | null;
  opvolgingen: ReturnType<typeof zichtbareOpvolging<ZichtbaarBron>>[];
}

type ZichtbaarBron = {
  id: number;
  partner: string;
  actie: string;
  status: string;
  deadline: IsoDate;
  resultaat: string | null;
  verlopen: boolean;
  gesloten_op: string | null;
};

export interface TerugkoppelingSignaal extends AdresVelden {
  id: number;
  datum: IsoDate;
  adres_id: number;
  adres: string;
  gemeente: string;
  thema: string | null;
  omschrijving: string;
  uitkomst: Uitkomst;
  tekst: string;
  besluit: SignaalBesluit | null;
  bezoek: SignaalBezoek | null;
}

export interface TerugkoppelingData {
  partner: string;
  datum: IsoDate;
  totalen: ReturnType<typeof totalen>;
  signaaltotalen: ReturnType<typeof signaalTotalen>;
  signalen: TerugkoppelingSignaal[];
  bevindingen: TerugkoppelingBevinding[];
}

/** One finding for the partner: all follow-ups counted, only what it may see shown. */
export function bevindingVoorPartner(
  b: Omit<TerugkoppelingBevinding, "opvolgingen">,
  opvolgingen: ZichtbaarBron[],
  partner: string,
): TerugkoppelingBevinding {
  const inhoud = magInhoudZien(b.betrokkenheid);
  return {
    ...b,
    omschrijving: inhoud ? b.omschrijving : null,
    maatregel: inhoud ? b.maatregel : null,
    personen: inhoud ? b.personen : null,
    opvolgingen: opvolgingen.map((o) => zichtbareOpvolging(o, partner)),
  };
}

export const UITKOMST_LABEL: Record<Uitkomst, string> = {
  "nog-niet-besproken": "nog niet besproken",
  "niet-gekozen": "niet gekozen",
  "gekozen-nog-niet-bezocht": "gekozen, nog niet bezocht",
  "niets-gevonden": "bezocht, niets gevonden",
  bevindingen: "met bevindingen",
};

/** "3 signalen: 1 nog niet besproken, 2 met bevindingen" (outcomes that occur only). */
export function signaalSamenvatting(t: ReturnType<typeof signaalTotalen>): string {
  const delen = UITKOMSTEN.filter((u) => t[u] > 0).map((u) => `${t[u]} ${UITKOMST_LABEL[u]}`);
  return `${aantal(t.signalen, "signaal", "signalen")}${delen.length ? `: ${delen.join(", ")}` : ""}`;
}

/** Another partner's follow-up on a finding, as status only: "Gemeente: 1 afgerond, 2 open (1 verlopen)". */
export function statusPerPartner(opvolgingen: { eigen: boolean; partner: string; status: string; verlopen: boolean }[]): string[] {
  const per = new Map<string, { status: string; verlopen: boolean }[]>();
  for (const o of opvolgingen.filter((x) => !x.eigen)) per.set(o.partner, [...(per.get(o.partner) ?? []), o]);
  return [...per].map(([partner, lijst]) => {
    const tel = new Map<string, number>();
    for (const o of lijst) tel.set(o.status, (tel.get(o.status) ?? 0) + 1);
    const verlopen = lijst.filter((o) => o.verlopen).length;
    return `${partner}: ${[...tel].map(([status, n]) => `${n} ${status}`).join(", ")}${verlopen ? ` (${verlopen} verlopen)` : ""}`;
  });
}

/** "2 bevindingen, 1 volledig afgesloten; 5 acties: 1 afgerond, …". */
export function bevindingSamenvatting(t: ReturnType<typeof totalen>): string {
  return `${aantal(t.bevindingen, "bevinding", "bevindingen")}, ${t.bevindingenAfgesloten} volledig afgesloten; ${aantal(t.opvolgingen, "actie", "acties")}: ${t.afgerond} afgerond, ${t.doodgelopen} doodgelopen, ${t.open} open${t.verlopen ? `, ${t.verlopen} verlopen` : ""}`;
}
