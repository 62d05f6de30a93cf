import type { Casustafel } from "../db/casustafel.js";
import { formatAdres } from "../domain/adres.js";
import { formatDutch } from "../domain/dates.js";
import { aantal } from "../domain/tekst.js";
import type { Agenda } from "../usecases/casustafel.js";
import { renderKandidaten } from "./kandidaten.js";
import type { Colors } from "./output.js";
import { renderTable } from "./table.js";
import { terminalWidth, wrapIndented } from "./terminal.js";

/** `casustafel lijst`. */
export function renderCasustafels(rows: (Omit<Casustafel, "gemeente_ids"> & { besluiten: number })[], c: Colors): string {
  if (rows.length === 0) return "Nog geen casustafels.";
  return renderTable(
    rows,
    [
      { header: "id", value: (r) => r.id, align: "right", priority: 1 },
      { header: "datum", value: (r) => formatDutch(r.datum), priority: 2 },
      { header: "gemeenten", value: (r) => r.gemeenten.join(", "), priority: 3 },
      { header: "besluiten", value: (r) => r.besluiten, align: "right" },
    ],
    c,
  );
}

/** `casustafel agenda`: the terugblik, then the ranked candidates with their reasons. */
export function renderAgenda(a: Agenda, c: Colors): string {
  const t = a.terugblik;
  const out = [
    c.bold(`Agenda casustafel ${a.casustafel.id} — ${formatDutch(a.casustafel.datum)}`),
    `Gemeenten: ${a.casustafel.gemeenten.join(", ")}`,
    "",
    c.bold("1. Terugblik"),
  ];
  if (t.avonden.length === 0) out.push("  Geen eerdere controleavonden in deze gemeenten.");
  const w = terminalWidth();
  for (const v of t.avonden) {
    const tekst = `Avond ${v.id}, ${formatDutch(v.datum)}: ${v.doel} — ${aantal(v.adressen, "adres", "adressen")}, ${aantal(v.bevindingen, "bevinding", "bevindingen")}`;
    out.push(...wrapIndented(tekst, w, "  ", "    "));
  }
  out.push(`  Open opvolgingen: ${t.open_opvolgingen.length}`);
  for (const v of t.verlopen) {
    out.push(c.red(`  Verlopen bij ${v.partner}: ${v.aantal}`));
    for (const o of v.opvolgingen)
      out.push(...wrapIndented(`${o.actie} (${formatAdres(o)}), deadline ${formatDutch(o.deadline)}`, w, "    - ", "      "));
  }
  for (const l of t.leerpunten) out.push(...wrapIndented(`Leerpunt (avond ${l.avond_id}): ${l.tekst}`, w, "  ", "    "));
  out.push("", c.bold("2. Kandidaat-adressen"));
  out.push(a.kandidaten.length ? renderKandidaten(a.kandidaten, c) : "  Geen adressen met signalen.");
  return out.join("\n");
}
