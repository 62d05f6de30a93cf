import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scramVerifier } from "../../src/db/pg/scram.js";
import { fout, ids, maakTeam, terug, type Team } from "../helpers/pg-team.js";
import { nieuweDatabase } from "../helpers/postgres.js";

/**
 * Attempts to get around the rules with nothing but a team login and psql-level SQL. Each must
 * fail, or succeed without showing or changing more than the login may.
 */
let t: Team;
beforeAll(async () => {
  t = await maakTeam(await nieuweDatabase());
});
afterAll(() => t?.db.weg());

const GEEN_RECHT = "42501";

describe("wie je bent verandert niet", () => {
  it("SET ROLE naar de eigen groep geeft dezelfde rijen; naar de eigenaar of een andere groep mag niet", async () => {
    const hh = t.handhaver.client;
    const zelf = await ids(hh, "SELECT id FROM adres");
    const alsGroep = await terug(hh, async () => {
      await hh.query("SET LOCAL ROLE interventie_handhaver");
      return ids(hh, "SELECT id FROM adres");
    });
    expect(alsGroep).toEqual(zelf);
    expect(await fout(hh, "SET ROLE interventie_eigenaar")).toBe(GEEN_RECHT);
    expect(await fout(hh, "SET ROLE interventie_projectleider")).toBe(GEEN_RECHT);
    expect(await fout(hh, `SET ROLE ${t.projectleider.login}`)).toBe(GEEN_RECHT);
    expect(await fout(hh, `SET SESSION AUTHORIZATION ${t.projectleider.login}`)).toBe(GEEN_RECHT);
    expect(await fout(hh, "GRANT interventie_projectleider TO CURRENT_USER")).toBe(GEEN_RECHT);
    expect(await fout(hh, "ALTER ROLE CURRENT_USER BYPASSRLS")).toBe(GEEN_RECHT);
  });

  it("een tijdelijke tabel 'gebruiker' die de koppeling nadoet, verandert niets", async () => {
    const hh = t.handhaver.client;
    const zelf = await ids(hh, "SELECT id FROM adres");
    const metNep = await terug(hh, async () => {
      await hh.query("CREATE TEMP TABLE gebruiker (login text, rol text, partner_id bigint, aangemaakt text)");
      await hh.query("INSERT INTO gebruiker VALUES (session_user, 'projectleider', NULL, 'x')");
      await hh.query("SET LOCAL search_path = pg_temp, public");
      return ids(hh, "SELECT id FROM adres");
    });
    expect(metNep).toEqual(zelf);
  });

  it("row_security = off verbergt niets: de vraag wordt geweigerd", async () => {
    const uwv = t.uwv.client;
    expect(
      await terug(uwv, async () => {
        await uwv.query("SET LOCAL row_security = off");
        try {
          await uwv.query("SELECT id FROM opvolging");
          return "ok";
        } catch (err) {
          return (err as { code?: string }).code;
        }
      }),
    ).toBe(GEEN_RECHT);
  });
});

describe("andermans organisatie", () => {
  it("een adres in een andere gemeente invoeren of een eigen adres verhuizen wordt geweigerd", async () => {
    const hh = t.handhaver.client;
    expect(
      await fout(
        hh,
        "INSERT INTO adres (postcode, huisnummer, straat, plaats, gemeente_id, aangemaakt) VALUES ('5504XX', 1, 'x', 'x', 2, 'x')",
      ),
    ).toBe(GEEN_RECHT);
    expect(await fout(hh, "UPDATE adres SET gemeente_id = 2 WHERE id = 1")).toBe(GEEN_RECHT);
  });

  it("een partner schuift geen opvolging naar een ander en schrijft geen signaal op andermans naam", async () => {
    const uwv = t.uwv.client;
    expect(await fout(uwv, "UPDATE opvolging SET partner_id = 1 WHERE id = 2")).toBe(GEEN_RECHT);
    expect(
      await fout(uwv, "INSERT INTO signaal (adres_id, partner_id, omschrijving, datum, aangemaakt) VALUES (1, 1, 'x', '2026-03-01', 'x')"),
    ).toBe(GEEN_RECHT);
  });

  it("een partner leest geen andere bevindingen door een functie met andermans id aan te roepen", async () => {
    const uwv = t.uwv.client;
    expect(await fout(uwv, "SELECT * FROM ik_gemeente_bevindingen()")).toBe("ok");
    expect(await ids(uwv, "SELECT x AS id FROM ik_gemeente_bevindingen() AS x")).toEqual([]);
    expect(await fout(t.handhaver.client, "SELECT * FROM terugkoppeling_opvolgingen('2026-01-01')")).toBe(GEEN_RECHT);
  });
});

describe("de regels zelf", () => {
  it("RLS uitzetten of niet meer afdwingen kan alleen de eigenaar", async () => {
    for (const c of [t.handhaver.client, t.projectleider.client, t.uwv.client]) {
      expect(await fout(c, "ALTER TABLE adres DISABLE ROW LEVEL SECURITY")).toBe(GEEN_RECHT);
      expect(await fout(c, "ALTER TABLE adres NO FORCE ROW LEVEL SECURITY")).toBe(GEEN_RECHT);
      expect(await fout(c, "ALTER TABLE audit_log DISABLE TRIGGER ALL")).toBe(GEEN_RECHT);
    }
  });

  it("een beleid of functie weghalen of vervangen kan niet", async () => {
    const pl = t.projectleider.client;
    expect(await fout(pl, "DROP POLICY lezen ON adres")).toBe(GEEN_RECHT);
    expect(await fout(pl, "CREATE POLICY alles ON adres FOR SELECT USING (true)")).toBe(GEEN_RECHT);
    expect(await fout(pl, "ALTER POLICY lezen ON adres USING (true)")).toBe(GEEN_RECHT);
    expect(await fout(pl, "CREATE OR REPLACE FUNCTION ik_rol() RETURNS text LANGUAGE sql AS $$ SELECT 'projectleider' $$")).toBe(
      GEEN_RECHT,
    );
    expect(await fout(pl, "DROP FUNCTION ik_rol()")).toBe(GEEN_RECHT);
    expect(await fout(pl, "CREATE FUNCTION public.ik_rol(x int) RETURNS text LANGUAGE sql AS $$ SELECT 'x' $$")).toBe(GEEN_RECHT);
    expect(await fout(pl, "DROP TRIGGER audit_log_login ON audit_log")).toBe(GEEN_RECHT);
    expect(await fout(pl, "CREATE TABLE eigen (x int)")).toBe(GEEN_RECHT);
  });

  it("het auditlog wijzigen, legen of verwijderen lukt niemand", async () => {
    for (const c of [t.projectleider.client, t.handhaver.client, t.uwv.client]) {
      expect(await fout(c, "UPDATE audit_log SET gebruiker = 'x'")).toBe(GEEN_RECHT);
      expect(await fout(c, "DELETE FROM audit_log")).toBe(GEEN_RECHT);
      expect(await fout(c, "TRUNCATE audit_log")).toBe(GEEN_RECHT);
    }
  });

  it("een andere login in audit_log.gebruiker schrijven wordt de eigen login", async () => {
    const uwv = t.uwv.client;
    const gebruiker = await terug(uwv, async () => {
      await uwv.query("INSERT INTO audit_log (tijd, gebruiker, tabel, actie) VALUES ('x', $1, 'signaal', 'toegevoegd')", [
        t.projectleider.login,
      ]);
      return (await uwv.query("SELECT gebruiker FROM audit_log WHERE tabel = 'signaal'")).rows;
    });
    expect(gebruiker).toEqual([{ gebruiker: t.uwv.login }]);
  });

  it("de koppeltabel van anderen lezen of wijzigen kan niet", async () => {
    for (const wie of [t.handhaver, t.jurist, t.uwv]) {
      const { rows } = await wie.client.query("SELECT login FROM gebruiker");
      expect(rows).toEqual([{ login: wie.login }]);
      expect(await fout(wie.client, "UPDATE gebruiker SET rol = 'projectleider'")).toBe(GEEN_RECHT);
      expect(await fout(wie.client, "INSERT INTO gebruiker_gemeente VALUES (session_user, 2)")).toBe(GEEN_RECHT);
    }
    expect(await fout(t.projectleider.client, "UPDATE gebruiker SET rol = 'projectleider'")).toBe(GEEN_RECHT);
  });

  it("gebruikersbeheer is voor de beheerder: een teamlogin maakt geen logins aan", async () => {
    const pl = t.projectleider.client;
    expect(await fout(pl, "SELECT beheer_gebruiker_toevoegen('eve', 'projectleider', NULL, $1)", [scramVerifier("x")])).toBe(GEEN_RECHT);
    expect(await fout(pl, "SELECT beheer_gebruiker_lijst()")).toBe(GEEN_RECHT);
    expect(await fout(pl, "CREATE ROLE eve LOGIN")).toBe(GEEN_RECHT);
  });
});
