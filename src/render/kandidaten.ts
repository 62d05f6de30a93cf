import { formatDutch } from "../domain/dates.js";
import type { Candidate } from "../domain/ranking.js";
import type { Colors } from "./output.js";
import { terminalWidth, wrapIndented } from "./terminal.js";

/**
 * Ranked candidate addresses for the terminal: per address why it ranks where it does
 * and what its signals say, wrapped to the window. (A table cannot hold the texts at 80
 * columns; blocks can.)
 */
export function renderKandidaat(k: Candidate & { besluit?: string | null }, c: Colors): string[] {
  const w = terminalWidth();
  const kop = `${k.rang}. ${k.adres} [adres ${k.adres_id}] — ${k.gemeente}, ${k.type}${k.besluit ? ` — besluit: ${k.besluit}` : ""}`;
  return [
    ...wrapIndented(kop, w, "", "   ").map((l, i) => (i === 0 ? c.bold(l) : l)),
    ...k.redenen.flatMap((r) => wrapIndented(r, w, "   ", "     ")),
    ...signaalRegels(k.signaalteksten, w),
  ];
}

export function signaalRegels(signalen: Candidate["signaalteksten"], width = terminalWidth()): string[] {
  return signalen.flatMap((s) =>
    wrapIndented(`${formatDutch(s.datum)}, ${s.partner}${s.thema ? ` (${s.thema})` : ""}: ${s.omschrijving}`, width, "   · ", "     "),
  );
}

export function renderKandidaten(kandidaten: (Candidate & { besluit?: string | null })[], c: Colors): string {
  return kandidaten.map((k) => renderKandidaat(k, c).join("\n")).join("\n\n");
}
