import { randomBytes } from "node:crypto";
import { SCHEMA_VERSION } from "../db/migrations.js";
import { getInstelling, setInstelling } from "../db/referentie.js";
import type { Store } from "../db/store.js";
import { GEHEIME_INSTELLINGEN, pseudonymise, type Row } from "../domain/pseudoniem.js";
import { writePrivate, type OutputTarget } from "../io/output-file.js";

export const EXPORT_VERSIE = 1;

/**
 * `export`: every table as JSON (secret settings left out; with `pseudoniem` names and the like as
 * codes from the team's own key, made on first use). One transaction: a consistent snapshot, the
 * audit entry, and the file, or none of them. Returns the number of rows per table.
 */
export function exportDatabase(store: Store, target: OutputTarget, pseudoniem: boolean): Promise<Record<string, number>> {
  return store.change(async (tx) => {
    let secret = await getInstelling(tx.sql, "pseudoniem_sleutel");
    if (pseudoniem && !secret) {
      secret = randomBytes(32).toString("hex");
      await setInstelling(tx, "pseudoniem_sleutel", secret);
    }
    let tabellen: Record<string, Row[]> = await store.dumpTables(tx.sql);
    if (tabellen.instelling) tabellen.instelling = tabellen.instelling.filter((r) => !GEHEIME_INSTELLINGEN.includes(String(r.sleutel)));
    if (pseudoniem) tabellen = pseudonymise(tabellen, secret!);
    await tx.audit("database", null, "geexporteerd", { pseudoniem });
    const doc = { versie: EXPORT_VERSIE, schema: SCHEMA_VERSION, gemaakt: tx.now, pseudoniem, tabellen };
    writePrivate(target, `${JSON.stringify(doc, null, 2)}\n`);
    return Object.fromEntries(Object.entries(tabellen).map(([k, v]) => [k, v.length]));
  });
}
