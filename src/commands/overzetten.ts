import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { action, type Runtime } from "./runtime.js";
import { verplicht } from "./hulp.js";
import { openDatabase } from "../db/connection.js";
import { behoudNamen, bronKolommen, doelTabellen, eersteGevuldeTabel, kopieerTabel, telRijen } from "../db/overzetten.js";
import { GESPIEGELDE_SQLITE_VERSIE } from "../db/pg/migreer.js";
import { PgStore } from "../db/pg/store.js";
import { dezeOmgeving, kiesOpslag, zonderWachtwoord } from "../db/pg/verbinding.js";
import { aantal } from "../domain/tekst.js";
import { listOpgeslagenHashes } from "../db/bijlage.js";
import { PgBewijs } from "../db/pg/bewijs.js";
import { sqliteSql } from "../db/sqlite/sql.js";
import { BestandenBewijs, bijlagenMap } from "../io/bijlagen.js";
import { copyBewijs, requireBewijsInOrde } from "../usecases/bijlage.js";
import { UserError } from "../errors.js";

/** overzetten --van team.db --naar postgres://…: a SQLite team into a new PostgreSQL database (issue 16). */
export function register(program: Command, rt: Runtime): void {
  program
    .command("overzetten")
    .description("zet een SQLite-teamdatabase over naar een nieuwe, lege PostgreSQL-database (door de beheerder)")
    .addOption(verplicht("--van <bestand>", "de SQLite-database van het team"))
    .addOption(verplicht("--naar <url>", "postgres://server/database, leeg, van de beheerder"))
    .action(
      action<{ van?: string; naar?: string }>(rt, async (ctx, opts) => {
        const van = path.resolve(await ctx.needText("van", opts.van, "SQLite-database van het team"));
        const naar = kiesOpslag((await ctx.needText("naar", opts.naar, "PostgreSQL-database (postgres://…)")).trim(), "argv");
        if (naar.soort !== "postgres")
          throw new UserError("ongeldige-database", "--naar: geef een postgres://-URL van de nieuwe teamdatabase");
        if (!fs.existsSync(van)) throw new UserError("bestand-ontbreekt", `--van: ${van} bestaat niet`);
        const bron = openDatabase(van);
        const doel = new PgStore(naar.url, { gebruiker: ctx.user, vandaag: () => ctx.today() }, dezeOmgeving(ctx.streams.env));
        try {
          const versie = bron.pragma("user_version", { simple: true }) as number;
          if (versie !== GESPIEGELDE_SQLITE_VERSIE) {
            throw new UserError(
              "overzetten-versie",
              `${van} heeft schema ${versie}, de PostgreSQL-opslag van deze versie schema ${GESPIEGELDE_SQLITE_VERSIE}; er is niets gewijzigd`,
            );
          }
          // The evidence files the database refers to, each checked against its hash before the target is touched.
          const bronSql = sqliteSql(bron);
          const hashes = await listOpgeslagenHashes(bronSql);
          const bronBewijs = { bewijs: new BestandenBewijs(bijlagenMap(van)), sql: bronSql };
          await requireBewijsInOrde(hashes, bronBewijs);
          const ik = await doel.ik();
          if (!ik.beheerder) {
            throw new UserError("geen-beheerder", `overzetten is voor de beheerder van de teamdatabase; login ${ik.login} is dat niet`);
          }
          const bronTabellen = bronKolommen(bron);
          const tabellen: Record<string, number> = {};
          await doel.change(async (tx) => {
            const doelen = await doelTabellen(tx.sql);
            const gevuld = await eersteGevuldeTabel(tx.sql, [...doelen.map((d) => d.tabel), "bestand_inhoud"]);
            if (gevuld) {
              throw new UserError(
                "doel-niet-leeg",
                `${zonderWachtwoord(naar.url)} is niet leeg (${gevuld.tabel}: ${gevuld.n} rijen); overzetten gaat alleen naar een nieuwe database, zonder init`,
              );
            }
            await behoudNamen(tx.sql);
            for (const d of doelen) {
              const kolommen = bronTabellen.get(d.tabel);
              if (!kolommen || kolommen.join() !== d.kolommen.join()) {
                throw new Error(
                  `overzetten: tabel ${d.tabel} verschilt tussen SQLite (${kolommen?.join()}) en PostgreSQL (${d.kolommen.join()})`,
                );
              }
              tabellen[d.tabel] = await kopieerTabel(bron, tx.sql, d.tabel, d.kolommen, d.identity);
            }
            // The evidence files the database refers to, each checked against its hash, as rows of bestand_inhoud.
            const bronSql = sqliteSql(bron);
            const hashes = await listOpgeslagenHashes(bronSql);
            const bewijs = new PgBewijs(zonderWachtwoord(naar.url));
            tabellen.bestand_inhoud = await copyBewijs(
              hashes,
              { bewijs: new BestandenBewijs(bijlagenMap(van)), sql: bronSql },
              { bewijs, tx },
            );
            const inhoudN = await telRijen(tx.sql, "bestand_inhoud");
            if (inhoudN !== tabellen.bestand_inhoud || inhoudN !== new Set(hashes.map((h) => h.sha256)).size) {
              throw new Error(`overzetten: ${tabellen.bestand_inhoud} bewijsstukken gekopieerd, ${inhoudN} in PostgreSQL`);
            }
            // Every table's count again, read back from PostgreSQL, before anything is committed.
            for (const d of doelen) {
              const bronN = (bron.prepare(`SELECT count(*) AS n FROM "${d.tabel}"`).get() as { n: number }).n;
              const doelN = await telRijen(tx.sql, d.tabel);
              if (bronN !== doelN || doelN !== tabellen[d.tabel]) {
                throw new Error(`overzetten: ${d.tabel} heeft ${bronN} rijen in SQLite en ${doelN} in PostgreSQL`);
              }
            }
            const rijen = Object.values(tabellen).reduce((a, b) => a + b, 0);
            await tx.audit("database", null, "geimporteerd", { overgezet_van: path.basename(van), rijen });
          });
          const rijen = Object.values(tabellen).reduce((a, b) => a + b, 0);
          ctx.emit({ van, naar: zonderWachtwoord(naar.url), rijen, tabellen }, () =>
            [
              `Overgezet van ${van} naar ${zonderWachtwoord(naar.url)}: ${aantal(rijen, "rij", "rijen")} in ${aantal(Object.keys(tabellen).length, "tabel", "tabellen")}, per tabel nageteld.`,
              "Voeg nu de logins van het team toe: interventie beheer gebruiker toevoegen --login … --rol … --organisatie …",
            ].join("\n"),
          );
        } finally {
          bron.close();
          await doel.close();
        }
      }),
    );
}
