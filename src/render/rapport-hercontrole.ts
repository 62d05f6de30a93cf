import { formatDutch } from "../domain/dates.js";
import type { HercontroleUitkomst } from "../usecases/rapport-hercontrole.js";

/** `rapport hercontrole`: what was made (concept, signed, reprinted), and what is still to do. */
export function renderHercontroleUitkomst(u: HercontroleUitkomst): string {
  const wat = `het rapport van hercontrole ${u.opvolging_id} (${formatDutch(u.datum)}, ${u.adres})`;
  if (u.status === "concept") {
    return [
      `Concept van ${wat}${u.kenmerk ? `, ${u.kenmerk}` : ""}, versie ${u.versie}: ${u.bestand}`,
      u.ontbrekend.length
        ? `  Onvolledig (${u.ontbrekend.join(", ")}); aanvullen met: interventie hercontrole wijzig ${u.opvolging_id}`
        : `  Nog niet ondertekend${u.versie > 1 ? `; gewijzigd sinds ondertekende versie ${u.versie - 1}` : ""}: ondertekenen met --onderteken.`,
    ].join("\n");
  }
  const door = `toezichthouder ${u.ondertekend_door}, ${formatDutch(u.dagtekening)}`;
  return u.herdruk
    ? `${u.kenmerk} versie ${u.versie} (${door}) ongewijzigd herdrukt: ${u.bestand}${u.actueel ? "" : "\n  Let op: de waarneming is na deze versie gewijzigd; een nieuwe versie moet worden ondertekend."}`
    : `${u.kenmerk} versie ${u.versie}, ${wat}, ondertekend (${door}): ${u.bestand}\n  Onveranderlijk vastgelegd; SHA-256 van de PDF: ${u.pdf_sha256}`;
}
