import path from "node:path";
import { formatAdres } from "../domain/adres.js";
import { formatDutch } from "../domain/dates.js";
import { aantal } from "../domain/tekst.js";
import type { BriefRij } from "../db/brief.js";
import type { BatchResultaat, MaakResultaat } from "../usecases/brief.js";
import type { Colors } from "./output.js";
import { renderTable } from "./table.js";

/** `brief lijst`: which letter, when, about what and to whom; the file name gives way first. */
export function renderBrieven(rows: BriefRij[], c: Colors): string {
  if (rows.length === 0) return "Nog geen brieven.";
  return renderTable(
    rows,
    [
      { header: "kenmerk", value: (r) => r.kenmerk, priority: 1 },
      { header: "datum", value: (r) => formatDutch(r.datum), priority: 3 },
      { header: "sjabloon", value: (r) => r.sjabloon, priority: 2 },
      { header: "adres", value: (r) => formatAdres(r), priority: 3 },
      { header: "aan", value: (r) => r.ontvanger, priority: 4 },
      { header: "opvolging", value: (r) => r.opvolgingen.join(", "), priority: 6 },
      // The name carries date, kenmerk, template and address, all shown already: cut short, whole in --json.
      { header: "bestand", value: (r) => path.basename(r.bestand), overflow: "shorten", min: 16, priority: 8 },
    ],
    c,
  );
}

/** `brief maak`: the letter made (or reprinted) and the ladder step it made due. */
export function renderGemaakt(r: MaakResultaat, c: Colors): string {
  const b = r.brief;
  if (r.soort === "herdruk") return `Brief ${b.kenmerk} van ${formatDutch(b.datum)} opnieuw afgedrukt: ${b.bestand}`;
  return [
    `Brief ${b.kenmerk} (${r.sjabloon}) aan ${b.ontvanger}: ${b.bestand}`,
    ...b.vervolg.map((v) =>
      c.yellow(`Volgende stap: ${v.actie}${v.niet_voor ? `, vanaf ${formatDutch(v.niet_voor)}` : ""} (opvolging ${v.opvolging}).`),
    ),
  ].join("\n");
}

/** `brief batch`: the letters made into a folder, then what is held back and until when. */
export function renderBatch(r: BatchResultaat, o: { uit: string; opnieuw: boolean }): string {
  const lines =
    r.brieven.length === 0
      ? [`Geen brieven aan de beurt voor avond ${r.avond}.`]
      : [
          `${aantal(r.brieven.length, "brief", "brieven")} ${o.opnieuw ? "gemaakt of opnieuw afgedrukt" : "gemaakt"} in ${path.resolve(o.uit)}:`,
          ...r.brieven.map((b) => `  ${path.basename(b.bestand)}  aan ${b.ontvanger}${b.herdrukt ? " (opnieuw afgedrukt)" : ""}`),
        ];
  if (r.tegengehouden.length) {
    lines.push(
      "",
      "Tegengehouden (nog niet aan de beurt):",
      ...r.tegengehouden.map(
        (t) =>
          `  opvolging ${t.opvolging}${t.stap ? ` (${t.stap})` : ""}: ${t.reden}${t.tot && !t.reden.includes(formatDutch(t.tot)) ? ` (vanaf ${formatDutch(t.tot)})` : ""}`,
      ),
    );
  }
  return lines.join("\n");
}
