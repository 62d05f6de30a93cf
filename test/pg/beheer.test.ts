import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saslPrep, scramVerifier } from "../../src/db/pg/scram.js";
import { fout, ZAAD } from "../helpers/pg-team.js";
import { nieuweDatabase, pgServer, superuser, verbind, type TestDatabase } from "../helpers/postgres.js";

/** `beheer gebruiker toevoegen|lijst|intrekken` at the SQL level: the functions the CLI will call. */
let db: TestDatabase;
beforeAll(async () => {
  db = await nieuweDatabase();
  await (await db.beheerder()).query(ZAAD);
});
afterAll(() => db?.weg());

const login = (kort: string) => `${db.naam}_${kort}`;
const toevoegen = async (l: string, rol: string, organisatie: string | null, verifier: string | null) =>
  (await db.beheerder()).query("SELECT beheer_gebruiker_toevoegen($1, $2, $3, $4)", [l, rol, organisatie, verifier]);

describe("SCRAM-SHA-256-verificatie", () => {
  it("heeft het formaat van PostgreSQL en verschilt per zout", () => {
    const v = scramVerifier("geheim");
    expect(v).toMatch(/^SCRAM-SHA-256\$4096:[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=:[A-Za-z0-9+/]{43}=$/);
    expect(scramVerifier("geheim")).not.toBe(v);
    expect(v).not.toContain("geheim");
  });

  it("is de bekende waarde voor een vast zout (RFC 7677-rekenwijze, nagerekend door de server)", async () => {
    const salt = Buffer.from("W22ZaJ0SNY7soEsUEjb6gQ==", "base64");
    const v = scramVerifier("pencil", { salt });
    expect(v).toBe(
      "SCRAM-SHA-256$4096:W22ZaJ0SNY7soEsUEjb6gQ==$WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=:wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=",
    );
  });

  it("normaliseert zoals libpq en node-postgres (SASLprep)", () => {
    expect(saslPrep("ﬁets\u00A0één\u00AD")).toBe("fiets één");
    expect(saslPrep("gewoon")).toBe("gewoon");
  });
});

describe("beheer gebruiker toevoegen", () => {
  it("maakt een login die met zijn wachtwoord aanmeldt, en met een ander niet", async () => {
    const l = login("jan");
    await toevoegen(l, "handhaver", "Bladel, eersel", scramVerifier("Sterk wachtwoord 1"));
    const c = await verbind(db.naam, l, "Sterk wachtwoord 1");
    const ik = await c.query("SELECT * FROM ik()");
    await c.end();
    expect(ik.rows).toEqual([{ login: l, rol: "handhaver", organisatie: "Bladel, Eersel", beheerder: false }]);
    await expect(verbind(db.naam, l, "fout")).rejects.toMatchObject({ code: "28P01" });
  });

  it("een wachtwoord met tekens buiten ASCII werkt ook (SASLprep aan beide kanten)", async () => {
    const l = login("eef");
    await toevoegen(l, "jurist", "Veldhoven", scramVerifier("ﬁets-één"));
    const c = await verbind(db.naam, l, "fiets-één");
    await c.end();
  });

  it("het wachtwoord komt nooit als tekst binnen: alleen een SCRAM-verificatie wordt aanvaard", async () => {
    await expect(toevoegen(login("kees"), "handhaver", "Bladel", "Sterk wachtwoord 1")).rejects.toThrow(/SCRAM-SHA-256-verificatie/);
    await expect(toevoegen(login("kees"), "handhaver", "Bladel", "md5" + "0".repeat(32))).rejects.toThrow(/SCRAM/);
    const su = await superuser(db.naam);
    const { rows } = await su.query("SELECT rolpassword FROM pg_authid WHERE rolname = $1", [login("jan")]);
    await su.end();
    expect(rows[0].rolpassword).toMatch(/^SCRAM-SHA-256\$4096:/);
  });

  it("weigert onbekende rollen, organisaties en vreemde loginnamen met één Nederlandse regel", async () => {
    const v = scramVerifier("x");
    await expect(toevoegen(login("a"), "baas", null, v)).rejects.toThrow(
      'Onbekende rol "baas": kies projectleider, handhaver, jurist of partner',
    );
    await expect(toevoegen(login("a"), "handhaver", "Atlantis", v)).rejects.toThrow('Gemeente "Atlantis" bestaat niet');
    await expect(toevoegen(login("a"), "handhaver", null, v)).rejects.toThrow(/werkt voor een of meer gemeenten/);
    await expect(toevoegen(login("a"), "partner", "NASA", v)).rejects.toThrow('Partner "NASA" bestaat niet');
    await expect(toevoegen(login("a"), "projectleider", "Bladel", v)).rejects.toThrow(/laat --organisatie weg/);
    await expect(toevoegen("Robert'); DROP TABLE adres; --", "handhaver", "Bladel", v)).rejects.toThrow(/Ongeldige login/);
    await expect(toevoegen("postgres", "handhaver", "Bladel", v)).rejects.toThrow(/beheerder of superuser/);
    await expect(toevoegen("interventie_eigenaar", "handhaver", "Bladel", v)).rejects.toThrow(/Ongeldige login/);
  });

  it("een partner wordt ook bij zijn alias gevonden; een login kan geen twee keer", async () => {
    const l = login("uwv");
    await toevoegen(l, "partner", "uitvoeringsinstituut werknemersverzekeringen", scramVerifier("x"));
    await expect(toevoegen(l, "partner", "UWV", scramVerifier("x"))).rejects.toThrow(/al gebruiker van deze database/);
  });

  it("legt elke toevoeging vast in het auditlog, op naam van de beheerder", async () => {
    const { rows } = await (
      await db.beheerder()
    ).query("SELECT gebruiker, details FROM audit_log WHERE tabel = 'gebruiker' AND details LIKE $1", [`%${login("jan")}%`]);
    expect(rows).toEqual([{ gebruiker: pgServer().beheerder.login, details: `{"login" : "${login("jan")}", "rol" : "handhaver"}` }]);
  });
});

describe("beheer gebruiker lijst en intrekken", () => {
  it("de lijst toont login, rol, organisatie en of aanmelden kan", async () => {
    const l = login("lijst");
    await toevoegen(l, "partner", "UWV", scramVerifier("x"));
    const { rows } = await (await db.beheerder()).query("SELECT * FROM beheer_gebruiker_lijst() WHERE login = $1", [l]);
    expect(rows).toEqual([{ login: l, rol: "partner", organisatie: "UWV", kan_aanmelden: true }]);
  });

  it("intrekken: de login kan niet meer aanmelden en is uit de koppeling; een lopende sessie mag meteen niets meer", async () => {
    const l = login("weg");
    await toevoegen(l, "handhaver", "Bladel", scramVerifier("Tijdelijk 1"));
    const sessie = await verbind(db.naam, l, "Tijdelijk 1");
    expect((await sessie.query("SELECT count(*)::int AS n FROM adres")).rows[0].n).toBe(1);
    await (await db.beheerder()).query("SELECT beheer_gebruiker_intrekken($1)", [l]);
    expect(await fout(sessie, "SELECT count(*) FROM adres")).toBe("42501");
    await sessie.end();
    await expect(verbind(db.naam, l, "Tijdelijk 1")).rejects.toMatchObject({ code: "28P01" });
    const { rows } = await (await db.beheerder()).query("SELECT * FROM beheer_gebruiker_lijst() WHERE login = $1", [l]);
    expect(rows).toEqual([]);
    await expect((await db.beheerder()).query("SELECT beheer_gebruiker_intrekken($1)", [l])).rejects.toThrow(
      /geen gebruiker van deze database/,
    );
  });

  it("een teamlogin is nooit eigenaar of lid van de eigenaarsrol", async () => {
    const su = await superuser(db.naam);
    const { rows } = await su.query(
      `SELECT g.login,
              pg_has_role(g.login, 'interventie_eigenaar', 'MEMBER') AS lid,
              EXISTS (SELECT 1 FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = g.login) AS eigenaar
       FROM gebruiker g`,
    );
    await su.end();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.lid || r.eigenaar)).toEqual([]);
  });
});
