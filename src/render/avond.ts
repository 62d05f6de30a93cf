import type { Avond } from "../db/avond.js";
import { formatAdres } from "../domain/adres.js";
import { formatDutch } from "../domain/dates.js";
import type { Ontbrekend, Risico } from "../domain/gereedheid.js";
import { aantal } from "../domain/tekst.js";
import type { Colors } from "./output.js";
import { renderTable } from "./table.js";
import { terminalWidth, wrapIndented } from "./terminal.js";

/** The evening as the terminal shows it: `avond toon`, and the guided flow's summary before saving. */
export interface AvondOverzicht {
  kop: string;
  doel: string;
  adressen: { adres: string; risico: Risico | null; toelichting: string | null }[];
  rollen: { rol: string; naam: string; partner: string; telefoon: string | null }[];
  noodplan: { verzamelpunt: string | null; codewoord: string | null; communicatie: string | null; uitrusting: string[] } | null;
}

export function overzichtVan(a: Avond): AvondOverzicht {
  return {
    kop: `Avond ${a.id} — ${formatDutch(a.datum)}, ${a.starttijd}`,
    doel: a.doel,
    adressen: a.adressen.map((x) => ({ adres: `${formatAdres(x)} (${x.type})`, risico: x.risico, toelichting: x.risico_toelichting })),
    rollen: a.rollen,
    noodplan: a.noodplan,
  };
}

export function renderOverzicht(o: AvondOverzicht, c: Colors): string {
  const w = terminalWidth();
  const n = o.noodplan;
  const lines = [c.bold(o.kop), ...wrapIndented(o.doel, w, "Doel: ", "      "), "", c.bold(`Adressen (${o.adressen.length})`)];
  o.adressen.forEach((x, i) => {
    const risico = x.risico ? `risico ${x.risico}${x.toelichting ? `: ${x.toelichting}` : ""}` : "risico nog niet ingeschat";
    lines.push(...wrapIndented(`${x.adres} — ${risico}`, w, `  ${i + 1}. `, "     "));
  });
  lines.push("", c.bold(`Team (${aantal(o.rollen.length, "rol", "rollen")})`));
  if (o.rollen.length === 0) lines.push("  Nog geen rollen.");
  for (const r of o.rollen)
    lines.push(...wrapIndented(`${r.rol}: ${r.naam} (${r.partner})${r.telefoon ? `, ${r.telefoon}` : ""}`, w, "  ", "    "));
  lines.push("", c.bold("Noodplan"));
  lines.push(...wrapIndented(`Verzamelpunt: ${n?.verzamelpunt ?? "-"}   Codewoord: ${n?.codewoord ?? "-"}`, w, "  ", "    "));
  lines.push(...wrapIndented(`Communicatie: ${n?.communicatie ?? "-"}`, w, "  ", "    "));
  lines.push(...wrapIndented(`Uitrusting: ${n?.uitrusting.join(", ") || "-"}`, w, "  ", "    "));
  return lines.join("\n");
}

export function renderGereedheid(label: string, ontbreekt: Ontbrekend[]): string {
  if (ontbreekt.length === 0) return `Gereedheid ${label}: gereed.`;
  const w = terminalWidth();
  return [`Gereedheid ${label}: nog niet gereed. Ontbreekt:`, ...ontbreekt.flatMap((o) => wrapIndented(o.bericht, w, "  ✗ ", "    "))].join(
    "\n",
  );
}

/** `avond lijst`. */
export function renderAvonden(
  rows: { id: number; datum: string; starttijd: string; doel: string; adressen: number; rollen: number }[],
  c: Colors,
): string {
  if (rows.length === 0) return "Nog geen controleavonden.";
  return renderTable(
    rows,
    [
      { header: "id", value: (r) => r.id, align: "right", priority: 1 },
      { header: "datum", value: (r) => `${formatDutch(r.datum)} ${r.starttijd}`, priority: 2 },
      { header: "doel", value: (r) => r.doel, priority: 3 },
      { header: "adressen", value: (r) => r.adressen, align: "right" },
      { header: "rollen", value: (r) => r.rollen, align: "right" },
    ],
    c,
  );
}
