import path from "node:path";
import type { PgStore } from "../db/pg/store.js";
import { UserError } from "../errors.js";
import type { OutputTarget } from "../io/output-file.js";
import { pgDump } from "../io/pgdump.js";

/**
 * `backup --uit <bestand>` on PostgreSQL: the administrator's pg_dump of the whole team database
 * (every row, through the owner's policies), recorded in the audit log. A team member's login
 * would dump only its own part, which is no backup: refused in one line.
 */
export async function backupPostgres(
  store: PgStore,
  target: OutputTarget,
  env: Record<string, string | undefined>,
): Promise<{ bestand: string; grootte: number; formaat: string }> {
  const ik = await store.ik();
  if (!ik.beheerder) {
    throw new UserError(
      "geen-beheerder",
      `Een backup van de teamdatabase maakt de beheerder (login ${ik.login} ziet alleen een deel); of: pg_dump als postgres op de server`,
    );
  }
  const { bestand, bytes } = pgDump(store.doel, target, env);
  await store.change((tx) => tx.audit("database", null, "backup", { bestand: path.basename(bestand) }));
  return { bestand, grootte: bytes, formaat: "pg_dump custom (pg_restore)" };
}
