import type { Bevinding } from "../db/bevinding.js";
import type { Bijlage } from "../db/bijlage.js";
import { formatAdres } from "../domain/adres.js";
import { formatGrootte, SOORT_NAAM } from "../domain/bijlage.js";
import type { Colors } from "./output.js";
import { renderTable } from "./table.js";

/** `bevinding bijlage lijst`. */
export function renderBijlagen(b: Bevinding, rows: BijlageRij[], c: Colors): string {
  return renderBijlagenVan(`bevinding ${b.id}`, `${b.categorie_naam}, ${formatAdres(b)}`, rows, c);
}

type BijlageRij = Pick<Bijlage, "soort" | "grootte" | "bijschrift" | "sha256"> & { volgnummer: number; aanwezig: boolean };

/** The attachments of a finding or a hercontrole ("hercontrole 14"), with what it is about. */
export function renderBijlagenVan(wat: string, over: string, rows: BijlageRij[], c: Colors): string {
  if (rows.length === 0) return `${wat.charAt(0).toUpperCase()}${wat.slice(1)} heeft geen bijlagen.`;
  return [
    `Bijlagen van ${wat} (${over}):`,
    renderTable(
      rows,
      [
        { header: "nr", value: (r) => r.volgnummer, align: "right", priority: 1 },
        { header: "soort", value: (r) => SOORT_NAAM[r.soort], priority: 3 },
        { header: "grootte", value: (r) => formatGrootte(r.grootte), align: "right", priority: 6 },
        { header: "bijschrift", value: (r) => r.bijschrift ?? "", priority: 2 },
        // A hash is not text to wrap: shortened in a narrow window (like git's short ids), whole in --json.
        { header: "SHA-256", value: (r) => (r.aanwezig ? r.sha256 : `(ONTBREEKT) ${r.sha256}`), overflow: "shorten", min: 12, priority: 7 },
      ],
      c,
    ),
  ].join("\n");
}
