import type { Betrokkene, BetrokkeneKoppeling } from "../db/betrokkene.js";
import { formatAdres } from "../domain/adres.js";
import type { Colors } from "./output.js";
import { renderTable } from "./table.js";

/** `betrokkene lijst`. */
export function renderBetrokkenen(rows: (Betrokkene & { adressen: number; gemeenten: string | null })[], c: Colors): string {
  if (rows.length === 0) return "Geen betrokkenen.";
  return renderTable(
    rows,
    [
      { header: "id", value: (r) => r.id, align: "right" },
      { header: "naam", value: (r) => r.naam },
      { header: "KvK", value: (r) => r.kvk },
      { header: "adressen", value: (r) => r.adressen, align: "right" },
      { header: "gemeenten", value: (r) => r.gemeenten?.split(",").join(", ") },
    ],
    c,
  );
}

/** `betrokkene toon`: every address with the role there. */
export function renderBetrokkene(b: Betrokkene & { adressen: BetrokkeneKoppeling[] }, c: Colors): string {
  return [
    c.bold(b.naam),
    b.postadres ? `Postadres: ${b.postadres}` : "",
    b.kvk ? `KvK: ${b.kvk}` : "",
    ...b.adressen.map((a) => `  ${a.rol}: ${formatAdres(a)} (${a.gemeente}) [adres ${a.adres_id}]`),
  ]
    .filter(Boolean)
    .join("\n");
}
