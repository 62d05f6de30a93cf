import type { Command } from "commander";
import fs from "node:fs";
import path from "node:path";
import { action, type Runtime } from "./runtime.js";
import { verplicht } from "./hulp.js";
import { APPLICATION_ID, sqlite } from "../db/connection.js";
import { SCHEMA_VERSION } from "../db/migrations.js";
import { UserError } from "../errors.js";
import { cleanupTemp, moveIntoPlace, privateTemp } from "../io/output-file.js";
import { opgeslagenHashes } from "../db/bijlage.js";
import { bijlagenMap, kopieerStore } from "../io/bijlagen.js";
import { aantal } from "../domain/tekst.js";
import { backupPostgres } from "../usecases/backup-postgres.js";

export interface Verificatie {
  integriteit: string;
  schema: number;
  tabellen: Record<string, number>;
}

/** Opens a copy and checks it is a whole, current interventie database; makes it one self-contained file. */
export function verifieerKopie(file: string): Verificatie {
  const copy = sqlite(file, { fileMustExist: true });
  try {
    copy.pragma("journal_mode = DELETE");
    const integriteit = copy.pragma("integrity_check", { simple: true }) as string;
    const schema = copy.pragma("user_version", { simple: true }) as number;
    const appId = copy.pragma("application_id", { simple: true }) as number;
    if (integriteit !== "ok" || appId !== APPLICATION_ID || schema !== SCHEMA_VERSION) {
      throw new UserError(
        "backup-ongeldig",
        `De kopie is niet in orde (integriteit: ${integriteit}, schema ${schema}); er is geen backup geschreven`,
      );
    }
    const tabellen: Record<string, number> = {};
    for (const { name } of copy
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[]) {
      tabellen[name] = (copy.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n;
    }
    return { integriteit, schema, tabellen };
  } finally {
    copy.close();
  }
}

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
        const pg = ctx.store();
        if (pg.soort === "postgres") {
          const r = await backupPostgres(pg, target, ctx.streams.env);
          ctx.emit(
            r,
            () =>
              `Backup (pg_dump) geschreven naar ${r.bestand} (${Math.ceil(r.grootte / 1024)} kB, rechten 0600); terugzetten met pg_restore.`,
          );
          return;
        }
        const file = target.file;
        const db = ctx.db();
        const tmp = privateTemp(file);
        let verificatie: Verificatie;
        try {
          // SQLite's online backup: a consistent snapshot even while other processes write.
          await db.backup(tmp);
          verificatie = verifieerKopie(tmp);
          moveIntoPlace(tmp, target);
        } catch (err) {
          cleanupTemp(tmp);
          const code = (err as { code?: string }).code ?? "";
          if (code === "ENOSPC" || code.startsWith("SQLITE_FULL"))
            throw new UserError("schijf-vol", `De schijf is vol; er is geen backup geschreven`);
          throw err;
        }
        // A read-only database can still be backed up; its audit log cannot record that.
        if (db.readonly) ctx.warn("Let op: de database is alleen-lezen; deze backup staat niet in het auditlog.");
        else await ctx.change((tx) => tx.audit("database", null, "backup", { bestand: path.basename(file) }));
        const grootte = fs.statSync(file).size;
        // The evidence (photos, signed report PDFs) lives next to the database: a backup without it
        // would lose what the signed reports rest on. The copy's own hashes say what belongs to it.
        const kopie = sqlite(file, { readonly: true, fileMustExist: true });
        let hashes: ReturnType<typeof opgeslagenHashes>;
        try {
          hashes = opgeslagenHashes(kopie);
        } finally {
          kopie.close();
        }
        const store = kopieerStore(bijlagenMap(ctx.dbPath), bijlagenMap(file), hashes);
        for (const p of store.problemen) ctx.warn(`Let op: bewijsstuk ${p}; niet in de backup (zie bevinding bijlage controleer)`);
        const bijlagen = { map: bijlagenMap(file), bestanden: store.gekopieerd + store.aanwezig, problemen: store.problemen };
        ctx.emit({ bestand: file, grootte, ...verificatie, bijlagen }, () =>
          [
            `Backup geschreven naar ${file} (${Math.ceil(grootte / 1024)} kB, rechten 0600).`,
            `Gecontroleerd: integriteit ${verificatie.integriteit}, schema ${verificatie.schema}, ${aantal(
              Object.values(verificatie.tabellen).reduce((a, b) => a + b, 0),
              "rij",
              "rijen",
            )}.`,
            ...(bijlagen.bestanden ? [`Bewijsstukken: ${bijlagen.bestanden} in ${bijlagen.map} (elk gecontroleerd op zijn SHA-256).`] : []),
          ].join("\n"),
        );
      }),
    );
}
