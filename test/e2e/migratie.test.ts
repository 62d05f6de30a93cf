import Database from "better-sqlite3";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/connection.js";
import { MIGRATIONS, SCHEMA_VERSION } from "../../src/db/migrations.js";
import { cli, ok, tempDbBestand } from "../helpers/cli.js";

/**
 * SQLite's own migrations of old team files (PRAGMA user_version, the files of earlier releases):
 * SQLite-only (vitest.config.ts); PostgreSQL's migrations are checked in test/pg/migratie.test.ts.
 */

/** Rows every schema version since v1 can hold, written with plain SQL as that version's tool would. */
function fillV1(file: string): void {
  const db = new Database(file);
  db.exec(`
    INSERT INTO gemeente (naam, team) VALUES ('Veldhoven', 'KIT');
    INSERT INTO partner (naam, soort) VALUES ('Politie', 'convenant');
    INSERT INTO categorie (code, naam, partner_id, thema) VALUES ('overbewoning', 'Overbewoning', 1, 'huisvesting');
    INSERT INTO adres (postcode, huisnummer, toevoeging, straat, plaats, gemeente_id, type, aangemaakt)
      VALUES ('5504AB', 12, '', 'Kerkstraat', 'Veldhoven', 1, 'woning', '2026-01-01');
    INSERT INTO betrokkene (naam, kvk, aangemaakt) VALUES ('Łukasz Wiśniewski', '12345678', '2026-01-01');
    INSERT INTO betrokkene_adres VALUES (1, 1, 'eigenaar');
    INSERT INTO signaal (adres_id, partner_id, omschrijving, datum, aangemaakt) VALUES (1, 1, 'Overlast', '2026-01-02', '2026-01-02');
    INSERT INTO audit_log (tijd, gebruiker, tabel, rij_id, actie) VALUES ('2026-01-01', 'oud', 'adres', 1, 'toegevoegd');
  `);
  db.close();
}

/** A database of schema `versie` with the v1 rows, an evening, a finding and the follow-up `opvolging` inserts. */
function opOudeVersieMetOpvolging(versie: number, opvolging: string): string {
  const file = tempDbBestand();
  openDatabase(file, { migrateTo: versie }).close();
  fillV1(file);
  const db = new Database(file);
  db.exec(`
    INSERT INTO avond (datum, doel, aangemaakt) VALUES ('2026-11-05', 'controle', '2026-11-01');
    INSERT INTO bevinding (avond_id, adres_id, categorie_id, partner_id, omschrijving, aangemaakt) VALUES (1, 1, 1, 1, '14 personen', '2026-11-05');
    ${opvolging};
  `);
  db.close();
  return file;
}
describe("schemamigraties", () => {
  it("maakt een lege database in één keer op de nieuwste versie", () => {
    const file = tempDbBestand();
    openDatabase(file).close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it.each(Array.from({ length: SCHEMA_VERSION - 1 }, (_, i) => i + 1))(
    "werkt een database van versie %i bij zonder rijen te verliezen",
    (from) => {
      const file = tempDbBestand();
      openDatabase(file, { migrateTo: from }).close();
      fillV1(file);
      const r = ok(cli(file, ["--json", "adres", "toon", "1"])).json();
      expect(r).toMatchObject({ postcode: "5504AB", straat: "Kerkstraat", gemeente: "Veldhoven" });
      expect(r.betrokkenen[0].naam).toBe("Łukasz Wiśniewski");
      expect(r.signalen).toHaveLength(1);
      const db = new Database(file, { readonly: true });
      expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE gebruiker = 'oud'").get()).toEqual({ n: 1 });
      db.close();
    },
  );

  it("v2 → v3 (issue 12): ISZW heet de Nederlandse Arbeidsinspectie met ISZW als alias, oude ladderacties worden stappen van een handhavingszaak", () => {
    const file = tempDbBestand();
    openDatabase(file, { migrateTo: 2 }).close();
    fillV1(file);
    const db = new Database(file);
    db.exec(`
      INSERT INTO partner (naam, soort) VALUES ('Gemeente', 'convenant'), ('ISZW', 'convenant');
      UPDATE categorie SET partner_id = 2, grondslag = 'Besluit bouwwerken leefomgeving (gebruiksoppervlakte per persoon) en de huisvestingsverordening' WHERE code = 'overbewoning';
      INSERT INTO categorie (code, naam, partner_id, thema, grondslag) VALUES ('wav', 'Wet arbeid vreemdelingen', 3, 'arbeid', 'Wav'),
        ('kamerverhuur', 'Illegale kamerverhuur', 2, 'huisvesting', 'Huisvestingsverordening, artikel 2.1.1');
      INSERT INTO categorie_opvolging (categorie_id, volgorde, actie, partner_id, termijn, eenheid) VALUES
        (1, 1, 'informatiebrief eigenaar', 2, 10, 'werkdagen'), (1, 2, 'voornemen last onder dwangsom', 2, 20, 'werkdagen'),
        (1, 3, 'partner informeren', 3, 10, 'werkdagen'), (2, 1, 'boeterapport', 3, 60, 'dagen'), (2, 2, 'partner informeren', 2, 10, 'werkdagen'),
        (3, 1, 'informatiebrief eigenaar', 2, 10, 'werkdagen'), (3, 2, 'hercontrole', 2, 42, 'dagen');
      INSERT INTO avond (datum, doel, aangemaakt) VALUES ('2026-11-05', 'controle', '2026-11-01');
      INSERT INTO bevinding (avond_id, adres_id, categorie_id, partner_id, omschrijving, aangemaakt) VALUES (1, 1, 1, 2, '14 personen', '2026-11-05');
      INSERT INTO opvolging (bevinding_id, actie, partner_id, deadline, status, aangemaakt, gewijzigd) VALUES
        (1, 'informatiebrief eigenaar', 2, '2026-11-19', 'open', 'x', 'x'),
        (1, 'voornemen last onder dwangsom', 2, '2026-12-03', 'open', 'x', 'x'),
        (1, 'partner informeren', 3, '2026-11-19', 'open', 'x', 'x');
      INSERT INTO brief (kenmerk, sjabloon, adres_id, betrokkene_id, bestand, datum, aangemaakt) VALUES
        ('INT-2026-000007', 'informatiebrief-eigenaar', 1, 1, '/tmp/x.pdf', '2026-11-06', 'x');
      INSERT INTO brief_opvolging VALUES (1, 1);
    `);
    db.close();
    const lijst = ok(cli(file, ["--json", "opvolging", "lijst", "--partner", "ISZW"])).json();
    expect(lijst.map((o: any) => [o.actie, o.partner, o.sjabloon])).toEqual([
      ["partner informeren", "Nederlandse Arbeidsinspectie", "informatiebericht-partner"],
    ]);
    const na = new Database(file, { readonly: true });
    try {
      const q = (sql: string) => na.prepare(sql).all();
      expect(na.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
      expect(q("SELECT naam FROM partner WHERE id = 3")).toEqual([{ naam: "Nederlandse Arbeidsinspectie" }]);
      expect(q("SELECT alias FROM partner_alias")).toEqual(expect.arrayContaining([{ alias: "ISZW" }]));
      // The shipped norm of the old release is replaced by today's; the ladder actions left the rules.
      expect((q("SELECT grondslag FROM categorie WHERE code = 'overbewoning'")[0] as any).grondslag).toMatch(/^het omgevingsplan/);
      expect(q("SELECT actie FROM categorie_opvolging WHERE categorie_id = 1 ORDER BY volgorde")).toEqual([
        { actie: "partner informeren" },
      ]);
      // The Arbeidsinspectie reports back to the gemeente instead of "informing the Gemeente" as if it were the gemeente.
      expect(q("SELECT actie, partner_id FROM categorie_opvolging WHERE categorie_id = 2 ORDER BY volgorde")).toEqual([
        { actie: "boeterapport", partner_id: 3 },
        { actie: "terugkoppeling aan de gemeente", partner_id: 3 },
      ]);
      // A category of the user's own, followed up with the old ladder, gets the default profile.
      expect(q("SELECT bestuursorgaan, ladder, spoor FROM categorie_handhaving WHERE categorie_id = 3")).toEqual([
        { bestuursorgaan: "college", ladder: "waarschuwing", spoor: "dwangsom" },
      ]);
      expect(q("SELECT bevinding_id, status, bestuursorgaan FROM handhaving")).toEqual([
        { bevinding_id: 1, status: "lopend", bestuursorgaan: "college" },
      ]);
      expect(q("SELECT actie, stap, status, gesloten_op FROM opvolging ORDER BY id")).toEqual([
        { actie: "informatiebrief eigenaar", stap: "waarschuwing", status: "afgerond", gesloten_op: "2026-11-06" }, // its letter was sent
        { actie: "voornemen last onder dwangsom", stap: "voornemen", status: "open", gesloten_op: null },
        { actie: "partner informeren", stap: null, status: "open", gesloten_op: null },
      ]);
      expect(q("SELECT jaar, laatste FROM kenmerk_teller")).toEqual([{ jaar: 2026, laatste: 7 }]);
    } finally {
      na.close();
    }
    // The new roles are allowed now (the CHECK was rebuilt).
    ok(cli(file, ["betrokkene", "koppel", "1", "--adres", "1", "--rol", "exploitant"]));
  });

  it("v4 → v5 (issue 14): de regels van sociale-zekerheidsfraude volgen de partner van de bevinding, tenzij de gebruiker ze wijzigde", () => {
    const regelsNa = (termijn: number) => {
      const file = tempDbBestand();
      openDatabase(file, { migrateTo: 4 }).close();
      const db = new Database(file);
      db.exec(`
        INSERT INTO partner (naam, soort) VALUES ('UWV', 'convenant'), ('SVB', 'convenant'), ('Gemeente', 'convenant');
        INSERT INTO categorie (code, naam, partner_id, thema) VALUES ('sociale-zekerheidsfraude', 'Sociale zekerheidsfraude', 1, 'fraude');
        INSERT INTO categorie_opvolging (categorie_id, volgorde, actie, partner_id, termijn, eenheid) VALUES
          (1, 1, 'onderzoek uitkeringsrecht', 1, ${termijn}, 'werkdagen'), (1, 2, 'terugkoppeling aan de gemeente', 1, 20, 'werkdagen');
      `);
      db.close();
      const [c] = ok(cli(file, ["--json", "categorie", "lijst"])).json();
      return c.opvolging.map((r: any) => `${r.actie}: ${r.partner}`);
    };
    expect(regelsNa(30)).toEqual([
      "onderzoek uitkeringsrecht: (eigenaar bevinding)",
      "terugkoppeling aan de gemeente: (eigenaar bevinding)",
    ]);
    // Changed by the user (another term): left as it was.
    expect(regelsNa(25)).toEqual(["onderzoek uitkeringsrecht: UWV", "terugkoppeling aan de gemeente: UWV"]);
  });

  it("v5 → v6 (hercontrole vastgelegd): een oude mislukte hercontrole blijft staan, zonder waarneming; de nieuwe tabellen zijn er", () => {
    const file = opOudeVersieMetOpvolging(
      5,
      `INSERT INTO opvolging (bevinding_id, actie, partner_id, deadline, status, beeindigd, gesloten_op, stap, aangemaakt, gewijzigd)
        VALUES (1, 'hercontrole', 1, '2026-12-22', 'afgerond', 0, '2026-12-22', 'hercontrole', 'x', 'x')`,
    );
    ok(cli(file, ["adres", "lijst"]));
    const na = new Database(file);
    try {
      expect(na.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
      expect(na.prepare("SELECT id, beeindigd, gesloten_op FROM opvolging").all()).toEqual([
        { id: 1, beeindigd: 0, gesloten_op: "2026-12-22" },
      ]);
      expect(na.prepare("SELECT count(*) AS n FROM hercontrole").get()).toEqual({ n: 0 });
      // A record can be added to the old hercontrole; a signed version can never be changed.
      na.exec(`
        INSERT INTO toezichthouder (nummer, functie, gemeente_id, aangemaakt) VALUES ('TH-1', 'toezichthouder', 1, 'x');
        INSERT INTO hercontrole (opvolging_id, tijdstip, methode, waarneming, aangemaakt, gewijzigd) VALUES (1, '10:15', 'visueel', '12 bewoners', 'x', 'x');
        INSERT INTO hercontrole_versie (opvolging_id, versie, dagtekening, inhoud, inhoud_sha256, pdf_sha256, ondertekend_door, ondertekend_gebruiker, ondertekend_op)
          VALUES (1, 1, '2026-12-22', '{}', 'a', 'b', 1, 'u', 'x');
      `);
      expect(() => na.exec("UPDATE hercontrole_versie SET inhoud = '{ }'")).toThrow(/onveranderlijk/);
    } finally {
      na.close();
    }
  });

  it("v6 → v7 (issue 16 pt 3): bestaande opvolgingen krijgen versie 1; elke wijziging verhoogt haar", () => {
    const file = opOudeVersieMetOpvolging(
      6,
      `INSERT INTO opvolging (bevinding_id, actie, partner_id, deadline, status, aangemaakt, gewijzigd)
        VALUES (1, 'informatiebrief eigenaar', 1, '2026-12-22', 'open', 'x', 'x')`,
    );
    expect(ok(cli(file, ["--json", "opvolging", "toon", "1"])).json()).toMatchObject({ id: 1, status: "open", versie: 1 });
    ok(cli(file, ["opvolging", "bijwerken", "1", "--status", "in-behandeling", "--verwachte-versie", "1"]));
    const na = new Database(file);
    try {
      expect(na.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
      expect(na.prepare("SELECT status, versie FROM opvolging").all()).toEqual([{ status: "in-behandeling", versie: 2 }]);
    } finally {
      na.close();
    }
  });

  it("weigert een database van een nieuwere versie en laat hem ongemoeid", () => {
    const file = tempDbBestand();
    openDatabase(file).close();
    const db = new Database(file);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    const before = fs.readFileSync(file);
    const r = cli(file, ["adres", "lijst"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nieuwere versie/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
