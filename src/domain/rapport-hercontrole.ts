import type { IsoDate } from "./dates.js";
import type { BijlageSoort } from "./bijlage.js";
import type { RapportVerwijzing } from "./brief.js";
import { eindeNa, type Bestuursorgaan, type Spoor, type Zaak } from "./ladder.js";
import { ontbrekendBijHercontrole, type HercontroleVeld } from "./hercontrole.js";
import type { Auteur, RapportBijlage } from "./rapport-bevindingen.js";
import type { Kalender } from "./termijn.js";

/**
 * The rapport van bevindingen of a hercontrole: the record an invorderingsbeschikking or a
 * kostenverhaal rests on (ECLI:NL:RVS:2017:1179): place, date and time, method, what was
 * observed and whether the last was complied with, by toezichthouders identified by number,
 * signed and dated — and which last it checked (kenmerk, date, the herstelmaatregel and its
 * term). Pure: the content is built from plain facts; its hash decides whether a signature holds.
 */

/** The facts one hercontrole report rests on, as the database holds them. */
export interface HercontroleGegevens {
  gemeente: string;
  afdeling: string;
  adres: { volledig: string; type: string };
  opvolging: { id: number; datum: IsoDate; beeindigd: boolean };
  tijdstip: string | null;
  methode: string | null;
  waarneming: string | null;
  toezichthouders: Auteur[];
  bijlagen: { sha256: string; soort: BijlageSoort; grootte: number; bijschrift: string | null }[];
  bevinding: {
    bevinding_id: number;
    categorie_naam: string;
    omschrijving: string;
    controle_datum: IsoDate;
    rapport: RapportVerwijzing | null;
  };
  /** The finding's handhavingszaak, if the gemeente enforces it. */
  zaak: Zaak | null;
}

/** The last (or warning) the hercontrole checked, as sent before it. */
export interface GecontroleerdeLast {
  soort: "besluit" | "waarschuwing";
  /** "last onder dwangsom", "last onder bestuursdwang", "besluit tot sluiting", "waarschuwing" */
  naam: string;
  kenmerk: string;
  datum: IsoDate;
  /** Last day of the begunstigingstermijn (besluit) or hersteltermijn (waarschuwing). */
  termijn_tot: IsoDate;
  bestuursorgaan: Bestuursorgaan;
  herstelmaatregel: string;
  voorschrift: string;
}

/** What is signed: everything but the kenmerk, version, date and signature. */
export interface HercontroleInhoud {
  gemeente: string;
  afdeling: string;
  adres: { volledig: string; type: string };
  hercontrole: {
    opvolging_id: number;
    datum: IsoDate;
    tijdstip: string | null;
    methode: string | null;
    toezichthouders: string[];
    waarneming: string | null;
    beeindigd: boolean;
  };
  aanleiding: {
    bevinding_id: number;
    categorie_naam: string;
    omschrijving: string;
    controle_datum: IsoDate;
    rapport: RapportVerwijzing | null;
  };
  last: GecontroleerdeLast | null;
  auteurs: Auteur[];
  ontbrekend: HercontroleVeld[];
  bijlagen: RapportBijlage[];
}

const LAST_NAAM: Record<Spoor, string> = {
  dwangsom: "last onder dwangsom",
  bestuursdwang: "last onder bestuursdwang",
  sluiting: "besluit tot sluiting",
};

/** The besluit (or else the waarschuwing) sent before this hercontrole, with the end of its term. */
export function gecontroleerdeLast(z: Zaak, hercontroleId: number, k: Kalender): GecontroleerdeLast | null {
  const voor: Zaak = { ...z, stappen: z.stappen.filter((s) => s.opvolgingId < hercontroleId) };
  for (const soort of ["besluit", "waarschuwing"] as const) {
    const t = eindeNa(voor, soort, k);
    const brief = [...voor.stappen].reverse().find((s) => s.stap === soort && s.brief?.kenmerk === t?.kenmerk)?.brief;
    if (!t || !brief) continue;
    return {
      soort,
      naam: soort === "besluit" ? LAST_NAAM[z.profiel.spoor] : "waarschuwing",
      kenmerk: brief.kenmerk,
      datum: brief.datum,
      termijn_tot: t.einde,
      bestuursorgaan: z.profiel.bestuursorgaan,
      herstelmaatregel: z.profiel.herstelmaatregel,
      voorschrift: z.profiel.voorschrift,
    };
  }
  return null;
}

export function makeHercontroleInhoud(g: HercontroleGegevens, k: Kalender): HercontroleInhoud {
  const nummers = g.toezichthouders.map((t) => t.nummer);
  return {
    gemeente: g.gemeente,
    afdeling: g.afdeling,
    adres: g.adres,
    hercontrole: {
      opvolging_id: g.opvolging.id,
      datum: g.opvolging.datum,
      tijdstip: g.tijdstip,
      methode: g.methode,
      toezichthouders: nummers,
      waarneming: g.waarneming,
      beeindigd: g.opvolging.beeindigd,
    },
    aanleiding: g.bevinding,
    last: g.zaak ? gecontroleerdeLast(g.zaak, g.opvolging.id, k) : null,
    auteurs: g.toezichthouders,
    ontbrekend: ontbrekendBijHercontrole({ tijdstip: g.tijdstip, toezichthouders: nummers, methode: g.methode, waarneming: g.waarneming }),
    bijlagen: g.bijlagen.map((b, i) => ({ nr: i + 1, waarneming: 1, ...b })),
  };
}

/** Why this content cannot be signed yet (empty: it can). */
export function bezwarenTegenHercontrole(inhoud: HercontroleInhoud): string[] {
  const h = inhoud.hercontrole;
  return inhoud.ontbrekend.length
    ? [
        `de waarneming is onvolledig: ${inhoud.ontbrekend.join(", ")} (vul aan met: interventie hercontrole wijzig ${h.opvolging_id} ${inhoud.ontbrekend.map((o) => `--${o} …`).join(" ")})`,
      ]
    : [];
}

/** "RVB-2026-000004_v1_hercontrole-14.pdf" (a concept: "concept_v1_…"). */
export function hercontroleBestandsnaam(kenmerk: string | null, versie: number, opvolgingId: number): string {
  return `${kenmerk ?? "concept"}_v${versie}_hercontrole-${opvolgingId}.pdf`;
}
