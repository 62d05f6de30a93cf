import type { Command } from "commander";
import { randomBytes } from "node:crypto";
import { action, type Runtime } from "./runtime.js";
import { verplicht } from "./hulp.js";
import { SCHEMA_VERSION } from "../db/migrations.js";
import { getSetting, setSetting } from "../db/referentie.js";
import { GEHEIME_INSTELLINGEN, pseudonimiseer, type Row } from "../domain/pseudoniem.js";
import { writePrivate } from "../io/output-file.js";
import { aantal } from "../domain/tekst.js";

export const EXPORT_VERSIE = 1;

export function register(program: Command, rt: Runtime): void {
  program
    .command("export")
    .description("alle gegevens als JSON; met --pseudoniem namen, postadressen en KvK-nummers als codes")
    .addOption(verplicht("--uit <bestand>", "het JSON-bestand (wordt aangemaakt met rechten 0600)"))
    .option("--pseudoniem", "vervang namen, postadressen, KvK- en telefoonnummers door vaste codes; adressen blijven")
    .option("--overschrijven", "een bestaand bestand vervangen")
    .action(
      action<{ uit?: string; pseudoniem?: boolean; overschrijven?: boolean }>(rt, (ctx, opts) => {
        const target = ctx.outputFile(opts.uit, "uit", opts.overschrijven);
        const file = target.file;
        const pseudoniem = Boolean(opts.pseudoniem);
        // One transaction: a consistent snapshot, the audit entry, and the file, or none of them.
        const telling = ctx.change((tx) => {
          let secret = getSetting(tx.db, "pseudoniem_sleutel");
          if (pseudoniem && !secret) {
            secret = randomBytes(32).toString("hex");
            setSetting(tx, "pseudoniem_sleutel", secret);
          }
          const names = tx.db
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            .all() as { name: string }[];
          let tabellen: Record<string, Row[]> = {};
          for (const { name } of names) {
            const rows = tx.db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all() as Row[];
            tabellen[name] = name === "instelling" ? rows.filter((r) => !GEHEIME_INSTELLINGEN.includes(String(r.sleutel))) : rows;
          }
          if (pseudoniem) tabellen = pseudonimiseer(tabellen, secret!);
          tx.audit("database", null, "geexporteerd", { pseudoniem });
          const doc = { versie: EXPORT_VERSIE, schema: SCHEMA_VERSION, gemaakt: tx.now, pseudoniem, tabellen };
          writePrivate(target, `${JSON.stringify(doc, null, 2)}\n`);
          return Object.fromEntries(Object.entries(tabellen).map(([k, v]) => [k, v.length]));
        });
        ctx.emit({ bestand: file, pseudoniem, tabellen: telling }, () =>
          [
            `Export geschreven naar ${file} (rechten 0600)${pseudoniem ? ", gepseudonimiseerd: namen, postadressen, KvK- en telefoonnummers zijn codes" : ""}.`,
            `${aantal(
              Object.values(telling).reduce((a, b) => a + b, 0),
              "rij",
              "rijen",
            )} uit ${aantal(Object.keys(telling).length, "tabel", "tabellen")}.`,
            pseudoniem
              ? "Let op: vrije tekst (omschrijvingen, toelichtingen) is niet aangepast."
              : "Let op: deze export bevat persoonsgegevens; deel alleen wat de partner nodig heeft.",
          ].join("\n"),
        );
      }),
    );
}
