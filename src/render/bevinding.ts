import type { Bevinding } from "../db/bevinding.js";
import type { Opvolging } from "../db/opvolging.js";
import { formatAdres, metAdres } from "../domain/adres.js";
import { ONTBREKEND_TEKST, ontbrekendeGegevens } from "../domain/bevinding.js";
import { formatDutch } from "../domain/dates.js";
import { isOpen, opvolgingView } from "../domain/opvolging.js";
import { aantal } from "../domain/tekst.js";
import type { Colors } from "./output.js";
import { renderTable } from "./table.js";

/** A finding as JSON: the address as text too, its toezichthouders as a list and what a report would call incomplete. */
export function bevindingJson<B extends Bevinding>(b: B) {
  const toezichthouders = b.toezichthouders ? b.toezichthouders.split(",") : [];
  return { ...metAdres(b), toezichthouders, onvolledig: ontbrekendeGegevens({ ...b, toezichthouders }) };
}

/** A follow-up as a finding's JSON lists it: what, who, when, how far. */
export function kortOpvolging(o: Opvolging, vandaag: string) {
  const v = opvolgingView(o, vandaag);
  return {
    id: v.id,
    actie: v.actie,
    partner: v.partner,
    deadline: v.deadline,
    status: v.status,
    resultaat: v.resultaat,
    beeindigd: v.beeindigd,
    verlopen: v.verlopen,
  };
}

/** A finding with its follow-ups, as `bevinding toevoegen|lijst --json` shows it. */
export function bevindingMetOpvolgingJson(b: Bevinding & { opvolgingen: Opvolging[] }, vandaag: string) {
  return { ...bevindingJson(b), opvolgingen: b.opvolgingen.map((o) => kortOpvolging(o, vandaag)) };
}

function samenvatting(os: Opvolging[], vandaag: string): string {
  const open = os.filter((o) => isOpen(o.status)).length;
  const verlopen = os.filter((o) => opvolgingView(o, vandaag).verlopen).length;
  return `${aantal(os.length, "actie", "acties")}, ${open} open${verlopen ? `, ${verlopen} verlopen` : ""}`;
}

/** `bevinding lijst`. */
export function renderBevindingen(rows: (Bevinding & { opvolgingen: Opvolging[] })[], vandaag: string, c: Colors): string {
  if (rows.length === 0) return "Geen bevindingen gevonden.";
  return renderTable(
    rows,
    [
      { header: "id", value: (r) => r.id, align: "right", priority: 1 },
      { header: "avond", value: (r) => `${r.avond_id} (${formatDutch(r.datum)})`, priority: 7 },
      { header: "adres", value: (r) => formatAdres(r), priority: 2 },
      { header: "categorie", value: (r) => r.categorie_naam, priority: 2 },
      { header: "eigenaar", value: (r) => r.partner, priority: 6 },
      { header: "omschrijving", value: (r) => r.omschrijving, priority: 4 },
      { header: "opvolging", value: (r) => samenvatting(r.opvolgingen, vandaag), priority: 3 },
    ],
    c,
  );
}

/** One finding as `bevinding toevoegen` reports it: who saw it, whether a report can rest on it, what follows. */
export function beschrijfBevinding(b: ReturnType<typeof bevindingMetOpvolgingJson>): string {
  const lines = [
    `Bevinding ${b.id}: ${b.categorie_naam} (eigenaar ${b.partner}) op ${b.adres}, avond ${b.avond_id} (${formatDutch(b.datum)}).`,
    `  Waargenomen om ${b.tijdstip} door ${b.toezichthouders.length ? `toezichthouder ${b.toezichthouders.join(", ")}` : "onbekende toezichthouder"}; methode: ${b.methode ?? "onbekend"}.`,
    ...(b.onvolledig.length
      ? [`  Onvolledig voor het rapport van bevindingen: ${b.onvolledig.map((o) => ONTBREKEND_TEKST[o]).join("; ")}.`]
      : []),
    ...(b.maatregel ? [`  Maatregel: ${b.maatregel}`] : []),
    ...(b.personen !== null ? [`  Personen: ${b.personen}`] : []),
    b.opvolgingen.length ? "  Opvolging:" : "  Geen standaard-opvolging voor deze categorie; voeg die toe met opvolging toevoegen.",
    ...b.opvolgingen.map((o) => `    [${o.id}] ${o.actie} — ${o.partner} — uiterlijk ${formatDutch(o.deadline)}`),
  ];
  return lines.join("\n");
}

/** `bevinding wijzig`: what changed, and whether the finding is complete for a report now. */
export function beschrijfWijziging(b: ReturnType<typeof bevindingJson>, velden: string[]): string {
  return [
    `Bevinding ${b.id} bijgewerkt (${velden.join(", ")}): ${b.categorie_naam} op ${b.adres}, om ${b.tijdstip}, toezichthouder ${b.toezichthouders.join(", ") || "onbekend"}, methode ${b.methode ?? "onbekend"}.`,
    b.onvolledig.length
      ? `Nog onvolledig: ${b.onvolledig.map((o) => ONTBREKEND_TEKST[o]).join("; ")}.`
      : "Volledig: klaar voor het rapport van bevindingen.",
  ].join("\n");
}
