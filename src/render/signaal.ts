import type { Signaal } from "../db/signaal.js";
import { formatAdres } from "../domain/adres.js";
import { formatDutch } from "../domain/dates.js";
import type { Colors } from "./output.js";
import { renderTable } from "./table.js";

/** `signaal lijst`: what the signal says stays visible at 80 columns; the gemeente gives way first. */
export function renderSignalen(rows: Signaal[], c: Colors): string {
  if (rows.length === 0) return "Geen signalen gevonden.";
  return renderTable(
    rows,
    [
      { header: "id", value: (r) => r.id, align: "right", priority: 1 },
      { header: "datum, partner", value: (r) => `${formatDutch(r.datum)}\n${r.partner}`, priority: 2 },
      { header: "adres", value: (r) => formatAdres(r), priority: 2 },
      { header: "gemeente", value: (r) => r.gemeente, priority: 8 },
      { header: "thema", value: (r) => r.thema, priority: 7 },
      { header: "omschrijving", value: (r) => r.omschrijving, priority: 3 },
    ],
    c,
  );
}
