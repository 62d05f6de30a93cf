import type { AdresHistorie } from "../db/historie.js";
import { formatDutch } from "./dates.js";
import { aantal } from "./tekst.js";

export interface TimelineEntry {
  datum: string;
  soort: "signaal" | "besluit" | "controle" | "bevinding" | "opvolging" | "brief";
  tekst: string;
}

const BESLUIT_TEKST: Record<string, string> = {
  controle: "integrale controle",
  mono: "mono-inzet",
  "meer-info": "meer informatie nodig",
  afgewezen: "afgewezen",
};

/** One chronological story of an address, oldest first; same-day order follows the cycle. */
export function timeline(h: AdresHistorie): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...h.signalen.map((s) => ({
      datum: s.datum,
      soort: "signaal" as const,
      tekst: `${s.partner}: ${s.omschrijving}${s.thema ? ` [${s.thema}]` : ""}`,
    })),
    ...h.besluiten.map((b) => ({
      datum: b.datum,
      soort: "besluit" as const,
      tekst: `casustafel ${b.casustafel_id}: ${BESLUIT_TEKST[b.besluit] ?? b.besluit}${b.partners ? ` (${b.partners})` : ""}${b.toelichting ? ` — ${b.toelichting}` : ""}`,
    })),
    ...h.bezoeken.map((v) => ({
      datum: v.datum,
      soort: "controle" as const,
      tekst: `controleavond ${v.avond_id}${v.risico ? `, risico ${v.risico}` : ""}`,
    })),
    ...h.bevindingen.map((b) => ({
      datum: b.datum,
      soort: "bevinding" as const,
      tekst: `${b.categorie_naam} (${b.partner}): ${b.omschrijving}${b.maatregel ? `; maatregel: ${b.maatregel}` : ""}${b.personen !== null ? `; ${aantal(b.personen, "persoon", "personen")}` : ""}`,
    })),
    ...h.opvolgingen.map((o) => ({
      datum: o.gesloten_op ?? o.deadline,
      soort: "opvolging" as const,
      tekst: `${o.actie} (${o.partner}) — ${o.status}${o.gesloten_op ? "" : `, uiterlijk ${formatDutch(o.deadline)}`}${o.resultaat ? `: ${o.resultaat}` : ""}`,
    })),
    ...h.brieven.map((b) => ({ datum: b.datum, soort: "brief" as const, tekst: `${b.sjabloon}, kenmerk ${b.kenmerk}` })),
  ];
  const order = ["signaal", "besluit", "controle", "bevinding", "opvolging", "brief"];
  return entries.sort((a, b) => a.datum.localeCompare(b.datum) || order.indexOf(a.soort) - order.indexOf(b.soort));
}
