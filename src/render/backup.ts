import type { Backup } from "../usecases/backup.js";
import { aantal } from "../domain/tekst.js";

export function renderBackup(b: Backup): string {
  return [
    `Backup geschreven naar ${b.bestand} (${Math.ceil(b.grootte / 1024)} kB, rechten 0600).`,
    `Gecontroleerd: integriteit ${b.integriteit}, schema ${b.schema}, ${aantal(
      Object.values(b.tabellen).reduce((x, y) => x + y, 0),
      "rij",
      "rijen",
    )}.`,
    ...(b.bijlagen.bestanden ? [`Bewijsstukken: ${b.bijlagen.bestanden} in ${b.bijlagen.map} (elk gecontroleerd op zijn SHA-256).`] : []),
  ].join("\n");
}
