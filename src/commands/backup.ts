import type { Command } from "commander";
import { action, type Runtime } from "./runtime.js";
import { verplicht } from "./hulp.js";
import { makeBackup } from "../usecases/backup.js";
import { backupPostgres } from "../usecases/backup-postgres.js";
import { renderBackup } from "../render/backup.js";

export function register(program: Command, rt: Runtime): void {
  program
    .command("backup")
    .description("maak een consistente kopie van de database, ook terwijl anderen schrijven")
    .addOption(verplicht("--uit <bestand>", "het backupbestand (wordt aangemaakt met rechten 0600)"))
    .option("--overschrijven", "een bestaand bestand vervangen")
    .action(
      action<{ uit?: string; overschrijven?: boolean }>(rt, async (ctx, opts) => {
        // Compared by real path and inode: a symlinked --db cannot make the backup replace the database.
        const target = ctx.outputFile(opts.uit, "uit", opts.overschrijven);
        const store = ctx.store();
        if (store.soort === "postgres") {
          const r = await backupPostgres(store, target, ctx.streams.env);
          ctx.emit(
            r,
            () =>
              `Backup (pg_dump) geschreven naar ${r.bestand} (${Math.ceil(r.grootte / 1024)} kB, rechten 0600); terugzetten met pg_restore.`,
          );
          return;
        }
        const backup = await makeBackup(store, target, ctx.dbPath);
        if (backup.nietGelogd) ctx.warn("Let op: de database is alleen-lezen; deze backup staat niet in het auditlog.");
        for (const p of backup.bijlagen.problemen)
          ctx.warn(`Let op: bewijsstuk ${p}; niet in de backup (zie bevinding bijlage controleer)`);
        const { nietGelogd, ...json } = backup;
        ctx.emit(json, () => renderBackup(backup));
      }),
    );
}
