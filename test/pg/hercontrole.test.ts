import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fout, ids, maakTeam, terug, type Team } from "../helpers/pg-team.js";
import { nieuweDatabase } from "../helpers/postgres.js";

/**
 * The record of a hercontrole (SQLite v6) in the team store: staff of the address's gemeente read
 * and write it, partners see none of it (not even on their own follow-up), and a signed version
 * never changes — enforced by PostgreSQL, asked directly as each login.
 */
let t: Team;
beforeAll(async () => {
  t = await maakTeam(await nieuweDatabase());
  // Hercontroles on follow-up 1 (Bladel), 4 (Veldhoven) and 5 (Veldhoven, UWV's own follow-up), each signed once.
  await t.beheerder.query(`
    INSERT INTO hercontrole (opvolging_id, tijdstip, methode, waarneming, kenmerk, aangemaakt, gewijzigd) VALUES
      (1, '10:15', 'visueel', 'nog 12 bewoners', 'RVB-2026-000003', 'x', 'x'),
      (4, '11:00', 'visueel', 'nog 9 bewoners', 'RVB-2026-000004', 'x', 'x'),
      (5, '11:30', 'gesprek', 'inkomen onbekend', NULL, 'x', 'x');
    INSERT INTO hercontrole_toezichthouder VALUES (1, 1, 1), (4, 2, 1), (5, 3, 1);
    INSERT INTO hercontrole_bijlage (opvolging_id, bijlage_id, bijschrift, aangemaakt) VALUES (1, 1, 'zolder', 'x'), (4, 2, 'kamer', 'x');
    INSERT INTO hercontrole_versie (id, opvolging_id, versie, dagtekening, inhoud, inhoud_sha256, pdf_sha256, ondertekend_door,
        ondertekend_gebruiker, ondertekend_op) VALUES
      (1, 1, 1, '2026-03-02', '{}', repeat('e', 64), repeat('f', 64), 1, 'x', 'x'),
      (2, 4, 1, '2026-03-02', '{}', repeat('1', 64), repeat('2', 64), 2, 'x', 'x');
    SELECT setval(pg_get_serial_sequence('hercontrole_versie', 'id'), 100);
  `);
});
afterAll(() => t?.db.weg());

const GEEN_RECHT = "42501";
const TABELLEN = ["hercontrole", "hercontrole_toezichthouder", "hercontrole_bijlage", "hercontrole_versie"];
const opvolgingen = (c: Team["handhaver"]["client"], tabel: string) => ids(c, `SELECT opvolging_id AS id FROM ${tabel}`);

describe("hercontrole in de teamopslag", () => {
  it("de handhaver van Bladel leest de hercontroles van Bladel, de jurist van Veldhoven die van Veldhoven; de projectleider alles", async () => {
    for (const tabel of TABELLEN) {
      expect({ tabel, ids: await opvolgingen(t.handhaver.client, tabel) }).toEqual({ tabel, ids: [1] });
      const veldhoven = tabel === "hercontrole_bijlage" || tabel === "hercontrole_versie" ? [4] : [4, 5];
      expect({ tabel, ids: await opvolgingen(t.jurist.client, tabel) }).toEqual({ tabel, ids: veldhoven });
    }
    expect(await opvolgingen(t.projectleider.client, "hercontrole")).toEqual([1, 4, 5]);
  });

  it("een partner ziet niets, ook niet bij zijn eigen opvolging, en legt niets vast", async () => {
    // Not even a grant: the table is closed to partner logins, before any row policy.
    for (const tabel of TABELLEN)
      expect({ tabel, fout: await fout(t.uwv.client, `SELECT * FROM ${tabel}`) }).toEqual({ tabel, fout: GEEN_RECHT });
    expect(await fout(t.uwv.client, "INSERT INTO hercontrole (opvolging_id, aangemaakt, gewijzigd) VALUES (2, 'x', 'x')")).toBe(GEEN_RECHT);
  });

  it("legt vast bij een opvolging van de eigen gemeente, niet bij die van een andere", async () => {
    const hh = t.handhaver.client;
    expect(await fout(hh, "INSERT INTO hercontrole (opvolging_id, tijdstip, aangemaakt, gewijzigd) VALUES (2, '10:00', 'x', 'x')")).toBe(
      "ok",
    );
    expect(await fout(hh, "INSERT INTO hercontrole (opvolging_id, tijdstip, aangemaakt, gewijzigd) VALUES (6, '10:00', 'x', 'x')")).toBe(
      GEEN_RECHT,
    );
    expect(await fout(hh, "UPDATE hercontrole SET kenmerk = 'RVB-2026-000009' WHERE opvolging_id = 1")).toBe("ok");
    // A signed version: added by the handhaver of the gemeente, signed as the login itself, never changed by anyone.
    const getekend = await terug(hh, async () => {
      await hh.query(
        `INSERT INTO hercontrole_versie (opvolging_id, versie, dagtekening, inhoud, inhoud_sha256, pdf_sha256, ondertekend_door,
           ondertekend_gebruiker, ondertekend_op) VALUES (1, 2, '2026-03-03', '{}', 'a', 'b', 1, 'iemand anders', 'x')`,
      );
      return (await hh.query("SELECT ondertekend_gebruiker FROM hercontrole_versie WHERE opvolging_id = 1 AND versie = 2")).rows[0];
    });
    expect(getekend.ondertekend_gebruiker).toBe(t.handhaver.login);
    for (const c of [hh, t.projectleider.client])
      expect(await fout(c, "UPDATE hercontrole_versie SET inhoud = '{\"x\":1}' WHERE id = 1")).toBe(GEEN_RECHT);
  });
});
