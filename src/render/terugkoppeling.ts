import { adresMetGemeente } from "../domain/adres.js";
import { formatDutch } from "../domain/dates.js";
import {
  BETROKKENHEID_TEKST,
  bevindingSamenvatting,
  signaalSamenvatting,
  statusPerPartner,
  type TerugkoppelingData,
} from "../domain/terugkoppeling.js";
import type { Colors } from "./output.js";
import { terminalWidth, wrapIndented } from "./terminal.js";

/** `rapport terugkoppeling` at the terminal: the partner's signals and their outcome, then the findings it shares in. */
export function renderTerugkoppeling(d: TerugkoppelingData, c: Colors): string {
  const w = terminalWidth();
  const lines = [c.bold(`Terugkoppeling aan ${d.partner} (stand per ${formatDutch(d.datum)})`), ""];
  lines.push(c.bold(`Signalen van ${d.partner}`), ...wrapIndented(signaalSamenvatting(d.signaaltotalen), w, "  ", "  "));
  for (const s of d.signalen) {
    lines.push(
      "",
      ...wrapIndented(`${formatDutch(s.datum)} — ${adresMetGemeente(s)}${s.thema ? `, ${s.thema}` : ""}`, w, "  ", "    "),
      ...wrapIndented(`Signaal: ${s.omschrijving}`, w, "    ", "      "),
      ...wrapIndented(`Uitkomst: ${s.tekst}`, w, "    ", "      "),
    );
  }
  lines.push("", c.bold("Bevindingen"), ...wrapIndented(`${bevindingSamenvatting(d.totalen)}.`, w, "  ", "  "));
  for (const b of d.bevindingen) {
    lines.push(
      "",
      ...wrapIndented(`Bevinding ${b.id} — ${b.categorie_naam} — ${adresMetGemeente(b)}`, w, "  ", "    ").map((l) => c.bold(l)),
      ...wrapIndented(
        `avond ${b.avond_id}, ${formatDutch(b.datum)}; eigenaar ${b.eigenaar}; rol: ${b.betrokkenheid.map((x) => BETROKKENHEID_TEKST[x] ?? x).join(", ")}`,
        w,
        "    ",
        "      ",
      ),
    );
    if (b.omschrijving)
      lines.push(...wrapIndented(`${b.omschrijving}${b.maatregel ? ` — maatregel: ${b.maatregel}` : ""}`, w, "    ", "      "));
    if (b.opvolgingen.length === 0) lines.push("    Nog geen opvolging vastgelegd.");
    for (const o of b.opvolgingen) {
      if (!o.eigen) continue;
      const status = o.verlopen ? c.red(`${o.status}, VERLOPEN`) : o.status;
      lines.push(
        ...wrapIndented(
          `${o.actie} (${o.partner}), uiterlijk ${formatDutch(o.deadline)}: ${status}${o.resultaat ? ` — ${o.resultaat}` : ""}`,
          w,
          "    - ",
          "      ",
        ),
      );
    }
    for (const s of statusPerPartner(b.opvolgingen)) lines.push(...wrapIndented(`opvolging door ${s}`, w, "    - ", "      "));
  }
  return lines.join("\n");
}
