import type { SqlValue } from "./sql.js";
import type { Tx } from "./store.js";
import { setToezichthouders } from "./toezichthouder.js";

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
export async function updateWaarneming(tx: Tx, bevindingId: number, w: WaarnemingWijziging): Promise<string[]> {
  const velden: string[] = [];
  const zet = async (kolom: string, waarde: SqlValue) => {
    await tx.sql.run(`UPDATE bevinding SET ${kolom} = ? WHERE id = ?`, waarde, bevindingId);
    velden.push(kolom);
  };
  if (w.tijdstip !== undefined) {
    await zet("tijdstip", w.tijdstip);
    await tx.sql.run("UPDATE bevinding SET tijdstip_geschat = 0 WHERE id = ?", bevindingId);
  }
  if (w.methode !== undefined) await zet("methode", w.methode);
  if (w.omschrijving !== undefined) await zet("omschrijving", w.omschrijving);
  if (w.maatregel !== undefined) await zet("maatregel", w.maatregel);
  if (w.personen !== undefined) await zet("personen", w.personen);
  if (w.toezichthouderIds !== undefined) {
    await setToezichthouders(tx, bevindingId, w.toezichthouderIds);
    velden.push("toezichthouder");
  }
  if (velden.length) await tx.audit("bevinding", bevindingId, "gewijzigd", { velden });
  return velden;
}
