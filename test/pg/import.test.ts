import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { avondMetAdressen } from "../helpers/bevinding.js";
import { cli, ok, tempDir } from "../helpers/cli.js";
import { pgQuery } from "../helpers/pg-sync.js";
import { pgServer } from "../helpers/postgres.js";
import { alsBeheerder } from "../helpers/opslag.js";

/**
 * PostgreSQL's fast import path (src/db/pg/bulk.ts: columns as arrays through unnest, 5,000 rows a
 * statement) writes exactly what SQLite's prepared statements write for the same CSV: the same
 * findings with the same ids in the same order, their toezichthouders, the evening's list, the
 * follow-ups and zaken of the whole range, and the audit entry. Both stores start from one
 * database (SQLite, then `overzetten` to a new team database).
 */
const BEHEERDER = () => ({ INTERVENTIE_GEBRUIKER: pgServer().beheerder.login, PGPASSFILE: pgServer().e2e.pgpass });

/** The rows the import writes, without the moment of writing (each store has its own clock). */
const VRAGEN: Record<string, string> = {
  bevinding: `SELECT id, avond_id, adres_id, categorie_id, partner_id, omschrijving, maatregel, personen, tijdstip, methode, tijdstip_geschat
              FROM bevinding ORDER BY id`,
  bevinding_toezichthouder:
    "SELECT bevinding_id, toezichthouder_id, volgorde FROM bevinding_toezichthouder ORDER BY bevinding_id, volgorde",
  avond_adres: "SELECT avond_id, adres_id, volgorde FROM avond_adres ORDER BY avond_id, volgorde",
  opvolging: `SELECT id, bevinding_id, actie, partner_id, deadline, status, stap, niet_voor, sjabloon, aangemaakt = gewijzigd AS zelfde
              FROM opvolging ORDER BY id`,
  handhaving: "SELECT * FROM handhaving ORDER BY 1",
  audit: "SELECT tabel, rij_id, actie, details FROM audit_log WHERE actie = 'geimporteerd' AND tabel = 'bevinding' ORDER BY id",
};

/** Booleans as SQLite's 0 and 1; ids as numbers (the test's PostgreSQL client gives bigint as text); no moments of writing. */
const getal = (kolom: string, v: unknown): unknown =>
  kolom === "aangemaakt" || kolom === "gewijzigd"
    ? "moment"
    : typeof v === "boolean"
      ? Number(v)
      : typeof v === "string" && /(^|_)id$/.test(kolom)
        ? Number(v)
        : v;

/** JSON of every query's rows: alike on both stores. */
function rijen(lees: (sql: string) => Record<string, unknown>[]): string {
  const uit: Record<string, unknown[]> = {};
  for (const [naam, sql] of Object.entries(VRAGEN))
    uit[naam] = lees(sql).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, getal(k, v)])));
  return JSON.stringify(uit);
}

describe("bevinding importeren op PostgreSQL", () => {
  it("schrijft over meer dan één batch precies wat SQLite schrijft: ids, volgorde, toezichthouders, avondlijst, opvolgingen, zaken, audit", () => {
    const { db, avond } = avondMetAdressen();
    for (const nummer of ["4711", "4712"])
      ok(cli(db, ["toezichthouder", "toevoegen", "--nummer", nummer, "--functie", "toezichthouder Wonen", "--organisatie", "Veldhoven"]));
    const categorieen = (ok(cli(db, ["--json", "categorie", "lijst"])).json() as { code: string }[]).map((c) => c.code);

    // Both stores from here on hold the same data.
    const naam = `interventie_import_${process.pid}`;
    pgQuery("postgres", `CREATE DATABASE ${naam} OWNER ${pgServer().beheerder.login}`);
    try {
      const team = alsBeheerder(`postgres://x@127.0.0.1/${naam}`);
      ok(cli("", ["overzetten", "--van", db, "--naar", team], { env: BEHEERDER() }));

      // 12,000 rows: three statements of findings. Texts that an array literal must quote; an
      // address not yet on the evening's list (the markt); rows with and without time and toezichthouders.
      const adressen = ["5504 AB;12;", "5531 NK;7;", "5521 AJ;3;"];
      const regels = ["postcode;huisnummer;toevoeging;categorie;omschrijving;partner;maatregel;personen;tijdstip;toezichthouder;methode"];
      for (let i = 0; i < 12_000; i++) {
        const tekst = ["gewoon", 'met "aanhalingstekens"', "met \\ schuine streep", "NULL", "{accolades, komma}", "é ñ 漢"][i % 6];
        regels.push(
          [
            adressen[i % 3],
            categorieen[i % categorieen.length],
            `"${tekst!.replaceAll('"', '""')} ${i}"`,
            i % 4 === 0 ? "UWV" : "",
            i % 5 === 0 ? "" : "aanschrijven",
            i % 7 === 0 ? "" : String(i % 20),
            i % 3 === 0 ? "" : `2${i % 4}:${String(i % 60).padStart(2, "0")}`,
            ["", "4711", '"4712,4711"'][i % 3],
            i % 2 ? "visueel" : "",
          ].join(";"),
        );
      }
      const csv = path.join(tempDir(), "groot.csv");
      fs.writeFileSync(csv, regels.join("\n") + "\n");
      const args = ["--json", "--vandaag", "2026-11-20", "bevinding", "importeren", csv, "--avond", String(avond)];
      const opSqlite = ok(cli(db, args)).json();
      const opPg = ok(cli(team, args, { env: BEHEERDER() })).json();
      expect(opSqlite).toMatchObject({ geimporteerd: 12_000 });
      expect(opPg).toEqual(opSqlite);

      const sqlite = new Database(db, { readonly: true });
      try {
        const verwacht = rijen((sql) => sqlite.prepare(sql).all() as Record<string, unknown>[]);
        // The data really has what the comparison is about.
        const aantallen = Object.entries(JSON.parse(verwacht) as Record<string, unknown[]>).map(([t, r]) => `${t} ${r.length}`);
        expect(aantallen).toEqual([
          "bevinding 12000",
          "bevinding_toezichthouder 12000",
          "avond_adres 3",
          "opvolging 18000",
          "handhaving 6000",
          "audit 1",
        ]);
        // Compared table by table, up to the first differing row (a diff of 60,000 rows takes minutes).
        const kreeg = JSON.parse(rijen((sql) => pgQuery(naam, sql).rows)) as Record<string, unknown[]>;
        for (const [tabel, wil] of Object.entries(JSON.parse(verwacht) as Record<string, unknown[]>)) {
          const i = wil.findIndex((r, n) => JSON.stringify(r) !== JSON.stringify(kreeg[tabel]![n]));
          expect({ tabel, aantal: kreeg[tabel]!.length, rij: kreeg[tabel]![i] }).toEqual({ tabel, aantal: wil.length, rij: wil[i] });
        }
      } finally {
        sqlite.close();
      }
    } finally {
      pgQuery("postgres", `DROP DATABASE IF EXISTS ${naam} WITH (FORCE)`);
    }
  }, 120_000);
});
