import type { Adres } from "../db/adres.js";
import type { AdresHistorie } from "../db/historie.js";
import { displayPostcode, formatAdres } from "../domain/adres.js";
import { formatDutch } from "../domain/dates.js";
import { timeline } from "../domain/historie.js";
import type { Colors } from "./output.js";
import { renderTable } from "./table.js";
import { terminalWidth, wrapIndented } from "./terminal.js";

/** `adres lijst`. */
export function renderAdressen(rows: Adres[], c: Colors): string {
  if (rows.length === 0) return "Geen adressen gevonden.";
  return renderTable(
    rows,
    [
      { header: "id", value: (r) => r.id, align: "right" },
      { header: "adres", value: (r) => formatAdres(r) },
      { header: "gemeente", value: (r) => r.gemeente },
      { header: "type", value: (r) => r.type },
    ],
    c,
  );
}

/** `adres toon`: the address, its betrokkenen and one chronological story. */
export function renderHistorie(a: Adres, h: AdresHistorie, c: Colors): string {
  const lines = [
    c.bold(`${formatAdres(a)}`),
    `Gemeente: ${a.gemeente}   Type: ${a.type}   Postcode: ${displayPostcode(a.postcode)}   id: ${a.id}`,
  ];
  if (h.betrokkenen.length) {
    lines.push("", c.bold("Betrokkenen"));
    for (const b of h.betrokkenen) lines.push(`  ${b.rol}: ${b.naam}${b.kvk ? ` (KvK ${b.kvk})` : ""} [betrokkene ${b.id}]`);
  }
  const entries = timeline(h);
  lines.push("", c.bold("Geschiedenis"));
  if (entries.length === 0) lines.push("  Nog geen signalen, controles of bevindingen.");
  const w = terminalWidth();
  for (const e of entries) {
    const label = e.soort.padEnd(9);
    const kop = `  ${formatDutch(e.datum).padEnd(18)} ${e.soort === "bevinding" ? c.red(label) : c.cyan(label)} `;
    lines.push(...wrapIndented(e.tekst, w, kop, " ".repeat(31)));
  }
  return lines.join("\n");
}
