import Database from "better-sqlite3";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/connection.js";
import { MIGRATIONS, SCHEMA_VERSION } from "../../src/db/migrations.js";
import { cli, ok, tempDb } from "../helpers/cli.js";

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

describe("schemamigraties", () => {
  it("maakt een lege database in één keer op de nieuwste versie", () => {
    const file = tempDb();
    openDatabase(file).close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it.each(Array.from({ length: SCHEMA_VERSION - 1 }, (_, i) => i + 1))(
    "werkt een database van versie %i bij zonder rijen te verliezen",
    (from) => {
      const file = tempDb();
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

  it("weigert een database van een nieuwere versie en laat hem ongemoeid", () => {
    const file = tempDb();
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
