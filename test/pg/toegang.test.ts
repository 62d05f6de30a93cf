import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TOEGANG } from "../../src/db/pg/toegang.js";
import { fout, ids, maakTeam, rijen, terug, type Team } from "../helpers/pg-team.js";
import { nieuweDatabase, superuser } from "../helpers/postgres.js";

/**
 * What each role reads and writes, proven at the SQL level: every test connects as a team
 * member's login with its password, as psql would, and asks PostgreSQL directly.
 */
let t: Team;
beforeAll(async () => {
  t = await maakTeam(await nieuweDatabase());
});
afterAll(() => t?.db.weg());

const ALLE_TABELLEN = [...Object.keys(TOEGANG), "audit_log", "gebruiker", "gebruiker_gemeente"];
const GEEN_RECHT = "42501";
const RLS_WEIGERT = "42501"; // "new row violates row-level security policy"

describe("projectleider", () => {
  it("ziet alles van het team, tabel voor tabel even veel als de eigenaar", async () => {
    for (const tabel of ALLE_TABELLEN) {
      const eigenaar = await t.beheerder.query(`SELECT count(*)::int AS n FROM ${tabel}`);
      const pl = await t.projectleider.client.query(`SELECT count(*)::int AS n FROM ${tabel}`);
      expect({ tabel, n: pl.rows[0].n }).toEqual({ tabel, n: eigenaar.rows[0].n });
    }
  });

  it("beheert referentiegegevens en leest de hele koppeltabel", async () => {
    const pl = t.projectleider.client;
    expect(await fout(pl, "INSERT INTO gemeente (naam, team) VALUES ('Waalre', 'KIT')")).toBe("ok");
    expect(await fout(pl, "UPDATE categorie SET thema = 'wonen' WHERE id = 1")).toBe("ok");
    const { rows } = await pl.query("SELECT login, rol FROM gebruiker ORDER BY rol");
    expect(rows.map((r) => r.rol)).toEqual(["handhaver", "jurist", "partner", "projectleider"]);
  });

  it("mag een ondertekende versie en het auditlog niet wijzigen", async () => {
    const pl = t.projectleider.client;
    expect(await fout(pl, "UPDATE rapport_versie SET inhoud = '{\"x\":1}' WHERE id = 1")).toBe(GEEN_RECHT);
    expect(await fout(pl, "UPDATE audit_log SET actie = 'x'")).toBe(GEEN_RECHT);
    expect(await fout(pl, "DELETE FROM audit_log")).toBe(GEEN_RECHT);
  });
});

describe("handhaver van Bladel", () => {
  const lees = (sql: string) => ids(t.handhaver.client, sql);

  it("leest adressen, bevindingen, opvolging, zaken, brieven en rapporten van Bladel, niets van elders", async () => {
    expect(await lees("SELECT id FROM adres")).toEqual([1]);
    expect(await lees("SELECT id FROM bevinding")).toEqual([1, 2]);
    expect(await lees("SELECT id FROM opvolging")).toEqual([1, 2]);
    expect(await lees("SELECT id FROM handhaving")).toEqual([1]);
    expect(await lees("SELECT id FROM zienswijze")).toEqual([1]);
    expect(await lees("SELECT id FROM brief")).toEqual([1]);
    expect(await lees("SELECT id FROM rapport")).toEqual([1]);
    expect(await lees("SELECT id FROM rapport_versie")).toEqual([1]);
    expect(await lees("SELECT id FROM signaal")).toEqual([1]);
    expect(await lees("SELECT id FROM betrokkene")).toEqual([1]);
    expect(await lees("SELECT bevinding_id AS id FROM bevinding_bijlage")).toEqual([1]);
    expect(await lees("SELECT id FROM casustafel")).toEqual([1]);
    expect(await lees("SELECT id FROM besluit")).toEqual([1]);
    expect(await lees("SELECT id FROM avond")).toEqual([1]);
    expect(await lees("SELECT id FROM avond_rol")).toEqual([1]);
  });

  it("leest referentiegegevens en gedeelde metadata van iedereen, maar alleen de hashes van de eigen bijlagen", async () => {
    expect(await lees("SELECT id FROM gemeente")).toEqual(expect.arrayContaining([1, 2, 3]));
    expect(await lees("SELECT id FROM toezichthouder")).toEqual([1, 2, 3]);
    // A hash opens its content (bestand_inhoud): Veldhoven's meter photo (bijlage 2) stays hidden in Bladel.
    expect(await lees("SELECT id FROM bijlage")).toEqual([1]);
  });

  it("legt vast in Bladel, en nergens anders", async () => {
    const hh = t.handhaver.client;
    expect(
      await fout(
        hh,
        "INSERT INTO adres (postcode, huisnummer, straat, plaats, gemeente_id, aangemaakt) VALUES ('5531AB', 2, 'Markt', 'Bladel', 1, 'x')",
      ),
    ).toBe("ok");
    expect(
      await fout(
        hh,
        "INSERT INTO adres (postcode, huisnummer, straat, plaats, gemeente_id, aangemaakt) VALUES ('5504AC', 2, 'Kerkstraat', 'Veldhoven', 2, 'x')",
      ),
    ).toBe(RLS_WEIGERT);
    // Moving an own address into another gemeente is refused by the policy's WITH CHECK.
    expect(await fout(hh, "UPDATE adres SET gemeente_id = 2 WHERE id = 1")).toBe(RLS_WEIGERT);
    // A finding at a Veldhoven address, and a follow-up on a Veldhoven finding: refused.
    expect(
      await fout(
        hh,
        "INSERT INTO bevinding (avond_id, adres_id, categorie_id, partner_id, omschrijving, aangemaakt) VALUES (1, 2, 1, 1, 'x', 'x')",
      ),
    ).toBe(RLS_WEIGERT);
    expect(
      await fout(
        hh,
        "INSERT INTO opvolging (bevinding_id, actie, partner_id, deadline, aangemaakt, gewijzigd) VALUES (4, 'x', 1, '2026-03-01', 'x', 'x')",
      ),
    ).toBe(RLS_WEIGERT);
    const r = await terug(hh, () =>
      hh.query(
        "INSERT INTO bevinding (avond_id, adres_id, categorie_id, partner_id, omschrijving, aangemaakt) VALUES (1, 1, 1, 1, 'nieuw', 'x') RETURNING id",
      ),
    );
    expect(Number(r.rows[0].id)).toBeGreaterThan(100);
  });

  it("wijzigt niets buiten Bladel: de rij is voor hem onzichtbaar", async () => {
    const hh = t.handhaver.client;
    expect(await rijen(hh, "UPDATE opvolging SET status = 'afgerond' WHERE id = 4")).toBe(0);
    expect(await rijen(hh, "UPDATE opvolging SET status = 'afgerond' WHERE id = 1")).toBe(1);
  });

  it("mag geen zienswijze vastleggen (dat doet de jurist) en geen casustafel of referentie wijzigen", async () => {
    const hh = t.handhaver.client;
    expect(
      await fout(hh, "INSERT INTO zienswijze (handhaving_id, ontvangen, samenvatting, aangemaakt) VALUES (1, '2026-02-11', 'x', 'x')"),
    ).toBe(GEEN_RECHT);
    expect(await fout(hh, "INSERT INTO casustafel (datum, aangemaakt) VALUES ('2026-03-01', 'x')")).toBe(GEEN_RECHT);
    expect(await fout(hh, "UPDATE categorie SET thema = 'x'")).toBe(GEEN_RECHT);
    expect(await fout(hh, "DELETE FROM adres WHERE id = 1")).toBe(GEEN_RECHT);
  });
});

describe("jurist van Veldhoven", () => {
  const lees = (sql: string) => ids(t.jurist.client, sql);

  it("leest Veldhoven: adressen, bevindingen, opvolging, zaken, brieven en betrokkenen", async () => {
    expect(await lees("SELECT id FROM adres")).toEqual([2]);
    expect(await lees("SELECT id FROM bevinding")).toEqual([3, 4]);
    expect(await lees("SELECT id FROM opvolging")).toEqual([3, 4, 5]);
    expect(await lees("SELECT id FROM handhaving")).toEqual([2]);
    expect(await lees("SELECT id FROM brief")).toEqual([2]);
    expect(await lees("SELECT id FROM betrokkene")).toEqual([2]);
    expect(await lees("SELECT id FROM zienswijze")).toEqual([]);
  });

  it("schrijft zienswijzen en brieven van Veldhoven en sluit opvolging, maar legt geen adressen of bevindingen vast", async () => {
    const ju = t.jurist.client;
    expect(
      await fout(
        ju,
        "INSERT INTO zienswijze (handhaving_id, ontvangen, samenvatting, aangemaakt) VALUES (2, '2026-02-11', 'Mondeling', 'x')",
      ),
    ).toBe("ok");
    expect(
      await fout(ju, "INSERT INTO zienswijze (handhaving_id, ontvangen, samenvatting, aangemaakt) VALUES (1, '2026-02-11', 'x', 'x')"),
    ).toBe(RLS_WEIGERT);
    expect(
      await fout(
        ju,
        "INSERT INTO brief (kenmerk, sjabloon, adres_id, betrokkene_id, bestand, datum, aangemaakt) VALUES ('INT-2026-000003', 'voornemen', 2, 2, 'b3.pdf', '2026-02-20', 'x')",
      ),
    ).toBe("ok");
    expect(
      await fout(
        ju,
        "INSERT INTO brief (kenmerk, sjabloon, adres_id, bestand, datum, aangemaakt) VALUES ('INT-2026-000004', 'voornemen', 1, 'b4.pdf', '2026-02-20', 'x')",
      ),
    ).toBe(RLS_WEIGERT);
    expect(await fout(ju, "UPDATE opvolging SET status = 'afgerond', gesloten_op = '2026-02-21' WHERE id = 4")).toBe("ok");
    expect(
      await fout(
        ju,
        "INSERT INTO adres (postcode, huisnummer, straat, plaats, gemeente_id, aangemaakt) VALUES ('5504AD', 3, 'x', 'x', 2, 'x')",
      ),
    ).toBe(GEEN_RECHT);
    expect(
      await fout(
        ju,
        "INSERT INTO bevinding (avond_id, adres_id, categorie_id, partner_id, omschrijving, aangemaakt) VALUES (1, 2, 1, 1, 'x', 'x')",
      ),
    ).toBe(GEEN_RECHT);
  });

  it("houdt het briefhoofd van Veldhoven bij, niet dat van Bladel", async () => {
    const ju = t.jurist.client;
    expect(await rijen(ju, "UPDATE briefhoofd SET mandaat = 'Mandaatbesluit 2026' WHERE gemeente_id = 2")).toBe(1);
    expect(await rijen(ju, "UPDATE briefhoofd SET mandaat = 'x' WHERE gemeente_id = 1")).toBe(0);
  });
});

describe("partner UWV", () => {
  const lees = (sql: string) => ids(t.uwv.client, sql);

  it("leest zijn eigen signalen, de bevindingen en opvolgingen die hij bezit, en de adressen daarvan", async () => {
    expect(await lees("SELECT id FROM signaal")).toEqual([1]);
    expect(await lees("SELECT id FROM bevinding")).toEqual([2, 4]);
    expect(await lees("SELECT id FROM opvolging")).toEqual([2, 5]);
    expect(await lees("SELECT id FROM adres")).toEqual([1, 2]);
    expect(await lees("SELECT id FROM toezichthouder")).toEqual([3]);
    expect(await lees("SELECT id FROM bijlage")).toEqual([]);
  });

  it("ziet geen persoonsgegevens die hij niet nodig heeft: betrokkenen, brieven, rollen van de avond, zaken", async () => {
    for (const tabel of [
      "betrokkene",
      "betrokkene_adres",
      "brief",
      "avond_rol",
      "avond",
      "casustafel",
      "besluit",
      "handhaving",
      "zienswijze",
      "rapport",
    ]) {
      expect({ tabel, fout: await fout(t.uwv.client, `SELECT * FROM ${tabel}`) }).toEqual({ tabel, fout: GEEN_RECHT });
    }
  });

  it("krijgt terugkoppeling: van andermans opvolging alleen de status, van andermans bevinding geen inhoud", async () => {
    const uwv = t.uwv.client;
    const bev = await uwv.query(
      "SELECT id, omschrijving, via_signaal, via_eigenaar, via_opvolging FROM terugkoppeling_bevinding WHERE id <= 5 ORDER BY id",
    );
    expect(bev.rows).toEqual([
      { id: "1", omschrijving: null, via_signaal: true, via_eigenaar: false, via_opvolging: false },
      { id: "2", omschrijving: "Uitkering zonder recht", via_signaal: true, via_eigenaar: true, via_opvolging: true },
      { id: "4", omschrijving: "9 personen op 2 kamers", via_signaal: false, via_eigenaar: false, via_opvolging: true },
    ]);
    const opv = await uwv.query("SELECT * FROM terugkoppeling_opvolgingen('2026-02-16') WHERE bevinding_id <= 5");
    expect(opv.rows).toEqual([
      { id: "1", bevinding_id: "1", partner: "Gemeente", status: "open", verlopen: true },
      { id: "2", bevinding_id: "2", partner: "UWV", status: "open", verlopen: false },
      { id: "4", bevinding_id: "4", partner: "Gemeente", status: "open", verlopen: true },
      { id: "5", bevinding_id: "4", partner: "UWV", status: "open", verlopen: false },
    ]);
    expect(Object.keys(opv.rows[0]).sort()).toEqual(["bevinding_id", "id", "partner", "status", "verlopen"]);
    const besluit = await uwv.query("SELECT adres_id, casustafel_id, besluit, toelichting FROM terugkoppeling_besluit");
    expect(besluit.rows).toEqual([{ adres_id: "1", casustafel_id: "1", besluit: "controle", toelichting: "veel meldingen" }]);
    const bezoek = await uwv.query("SELECT adres_id, avond_id, datum, categorieen FROM terugkoppeling_bezoek");
    expect(bezoek.rows).toEqual([
      { adres_id: "1", avond_id: "1", datum: "2026-02-01", categorieen: expect.stringMatching(/Overbewoning/) },
    ]);
  });

  it("werkt de status van zijn eigen opvolging bij, maar kan haar niet doorschuiven of andermans wijzigen", async () => {
    const uwv = t.uwv.client;
    expect(await rijen(uwv, "UPDATE opvolging SET status = 'in-behandeling', gewijzigd = 'y' WHERE id = 5")).toBe(1);
    expect(await fout(uwv, "UPDATE opvolging SET partner_id = 1 WHERE id = 5")).toBe(GEEN_RECHT);
    expect(await fout(uwv, "UPDATE opvolging SET deadline = '2027-01-01' WHERE id = 5")).toBe(GEEN_RECHT);
    expect(await rijen(uwv, "UPDATE opvolging SET status = 'afgerond' WHERE id = 1")).toBe(0);
  });

  it("brengt signalen in op eigen naam, niet op die van een andere partner", async () => {
    const uwv = t.uwv.client;
    const ins =
      "INSERT INTO signaal (adres_id, partner_id, omschrijving, datum, aangemaakt) VALUES (3, $1, 'Inschrijving klopt niet', '2026-03-01', 'x')";
    expect(await fout(uwv, ins, [2])).toBe(RLS_WEIGERT);
    // Its new signal makes the address its business: now it reads that address too.
    expect(await terug(uwv, async () => (await uwv.query(ins, [3]), await ids(uwv, "SELECT id FROM adres")))).toEqual([1, 2, 3]);
  });

  it("ziet het signaal van een andere partner niet, ook niet via terugkoppeling", async () => {
    expect(await lees("SELECT adres_id AS id FROM terugkoppeling_besluit WHERE adres_id = 2")).toEqual([]);
  });
});

describe("login zonder organisatie", () => {
  it("ziet niets en schrijft niets, ook niet in de referentiegegevens of het auditlog", async () => {
    const c = t.zonder.client;
    for (const tabel of ["adres", "bevinding", "opvolging", "gemeente", "partner", "categorie", "signaal", "gebruiker", "audit_log"]) {
      expect({ tabel, n: (await c.query(`SELECT count(*)::int AS n FROM ${tabel}`)).rows[0].n }).toEqual({ tabel, n: 0 });
    }
    expect(
      await fout(
        c,
        "INSERT INTO adres (postcode, huisnummer, straat, plaats, gemeente_id, aangemaakt) VALUES ('5531AC', 9, 'x', 'x', 1, 'x')",
      ),
    ).toBe(RLS_WEIGERT);
    expect(await fout(c, "INSERT INTO audit_log (tijd, gebruiker, tabel, actie) VALUES ('x', 'x', 'x', 'x')")).toBe(RLS_WEIGERT);
    const ik = await c.query("SELECT * FROM ik()");
    expect(ik.rows).toEqual([{ login: t.zonder.login, rol: null, organisatie: null, beheerder: false }]);
  });
});

describe("auditlog", () => {
  it("noteert de databaselogin, wat de client ook invult, en ieder leest alleen zijn eigen regels", async () => {
    const hh = t.handhaver.client;
    const schrijf =
      "INSERT INTO audit_log (tijd, gebruiker, tabel, rij_id, actie) VALUES ('2026-02-01T00:00:00.000Z', $1, 'adres', 1, 'gewijzigd')";
    await hh.query(schrijf, [t.projectleider.login]);
    // Even an administrator's switch for overzetten does not let a team login name someone else.
    await hh.query("SET interventie.overzetten = 'aan'");
    await hh.query(schrijf, ["tester"]);
    await hh.query("RESET interventie.overzetten");
    const eigen = await hh.query("SELECT gebruiker FROM audit_log WHERE tabel = 'adres'");
    expect(eigen.rows).toEqual([{ gebruiker: t.handhaver.login }, { gebruiker: t.handhaver.login }]);
    const anderen = await t.jurist.client.query("SELECT gebruiker FROM audit_log WHERE tabel = 'adres'");
    expect(anderen.rows).toEqual([]);
    const alle = await t.projectleider.client.query("SELECT DISTINCT gebruiker FROM audit_log WHERE tabel = 'adres'");
    expect(alle.rows).toEqual([{ gebruiker: t.handhaver.login }]);
  });

  it("is alleen-toevoegen, ook voor de eigenaar: geen beleid laat een wijziging toe, en de triggers weigeren", async () => {
    const b = t.beheerder;
    const voor = (await b.query("SELECT count(*)::int AS n, string_agg(actie, ',' ORDER BY id) AS a FROM audit_log")).rows[0];
    expect(voor.n).toBeGreaterThan(0);
    expect((await b.query("UPDATE audit_log SET actie = 'x'")).rowCount).toBe(0);
    expect((await b.query("DELETE FROM audit_log")).rowCount).toBe(0);
    expect(await fout(b, "TRUNCATE audit_log")).toBe("23001");
    expect((await b.query("SELECT count(*)::int AS n, string_agg(actie, ',' ORDER BY id) AS a FROM audit_log")).rows[0]).toEqual(voor);
    // Even with row-level security out of the way (a superuser), the trigger holds.
    const su = await superuser(t.db.naam);
    try {
      expect(await fout(su, "UPDATE audit_log SET actie = 'x'")).toBe("23001");
      expect(await fout(su, "DELETE FROM audit_log")).toBe("23001");
      expect(await fout(su, "UPDATE rapport_versie SET inhoud = 'x'")).toBe("23001");
    } finally {
      await su.end();
    }
  });
});
