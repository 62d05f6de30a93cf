import { formatDutch } from "../domain/dates.js";
import type { Uitkomst } from "../usecases/rapport-bevindingen.js";

/** `rapport bevindingen`: what was made (concept, signed, reprinted), and what is still to do. */
export function renderRapportUitkomst(u: Uitkomst): string {
  const lines: string[] = [];
  if (u.status === "concept") {
    lines.push(
      `Concept van het rapport van bevindingen voor ${u.adres}${u.kenmerk ? ` (${u.kenmerk})` : ""}, versie ${u.versie}: ${u.bestand}`,
      u.versie > 1
        ? `  De bevindingen zijn gewijzigd sinds ondertekende versie ${u.versie - 1}; deze nieuwe versie moet opnieuw worden ondertekend (--onderteken).`
        : "  Nog niet ondertekend; na controle ondertekenen met --onderteken.",
    );
    for (const o of u.onvolledig)
      lines.push(
        `  Onvolledig: bevinding ${o.bevinding_id} (${o.ontbrekend.join(", ")}); aanvullen met bevinding wijzig ${o.bevinding_id}.`,
      );
  } else if (u.herdruk) {
    lines.push(
      `Rapport van bevindingen ${u.kenmerk} versie ${u.versie} (ondertekend ${formatDutch(u.dagtekening)} door toezichthouder ${u.ondertekend_door}) ongewijzigd herdrukt: ${u.bestand}`,
      u.actueel
        ? "  De bevindingen zijn sindsdien niet gewijzigd."
        : "  Let op: de bevindingen zijn na deze versie gewijzigd; een nieuwe versie moet worden ondertekend.",
    );
  } else {
    lines.push(
      `Rapport van bevindingen ${u.kenmerk} versie ${u.versie} ondertekend door toezichthouder ${u.ondertekend_door} (${formatDutch(u.dagtekening)}): ${u.bestand}`,
      `  Onveranderlijk vastgelegd; SHA-256 van de PDF: ${u.pdf_sha256}`,
      "  Een latere wijziging van de bevindingen of een nieuwe bijlage maakt een nieuwe versie die opnieuw moet worden ondertekend.",
    );
  }
  return lines.join("\n");
}
