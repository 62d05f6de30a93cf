import type { Tx } from "./audit.js";
import { zetToezichthouders } from "./toezichthouder.js";

/** Fields of a finding that can be completed or corrected after the evening. */
export interface WaarnemingWijziging {
  tijdstip?: string;
  methode?: string;
  omschrijving?: string;
  maatregel?: string | null;
  personen?: number | null;
  toezichthouderIds?: number[];
}

/**
 * Changes a finding's own fields in place. A signed report is not touched: it keeps its snapshot,
 * and the next report of this address becomes a new version. A time given now is no longer an
 * estimate. The audit entry names the fields, not their content.
 */
export function wijzigWaarneming(tx: Tx, bevindingId: number, w: WaarnemingWijziging): string[] {
  const velden: string[] = [];
  const zet = (kolom: string, waarde: unknown) => {
    tx.db.prepare(`UPDATE bevinding SET ${kolom} = ? WHERE id = ?`).run(waarde, bevindingId);
    velden.push(kolom);
  };
  if (w.tijdstip !== undefined) {
    zet("tijdstip", w.tijdstip);
    tx.db.prepare("UPDATE bevinding SET tijdstip_geschat = 0 WHERE id = ?").run(bevindingId);
  }
  if (w.methode !== undefined) zet("methode", w.methode);
  if (w.omschrijving !== undefined) zet("omschrijving", w.omschrijving);
  if (w.maatregel !== undefined) zet("maatregel", w.maatregel);
  if (w.personen !== undefined) zet("personen", w.personen);
  if (w.toezichthouderIds !== undefined) {
    zetToezichthouders(tx, bevindingId, w.toezichthouderIds);
    velden.push("toezichthouder");
  }
  if (velden.length) tx.audit("bevinding", bevindingId, "gewijzigd", { velden });
  return velden;
}
