import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { SCHEMA_VERSION } from "../../src/db/migrations.js";
import { addAdres, cli, cliAsync, cliInProcess, dump, initDb, ok, signaalArgs, tempDir } from "../helpers/cli.js";
import { insertAvond, insertBevinding, insertOpvolging } from "../helpers/fixtures.js";
import { alsBeheerder, itAlleenSqlite, opPostgres } from "../helpers/opslag.js";
import { rij } from "../helpers/rijen.js";
import { seededOn } from "../helpers/seed.js";
import { count, exec, writerLoop } from "../helpers/avg.js";

/** A KIT database to build a seed on. */
const leeg = () => ({ db: initDb() });

/** Who the audit log names: on SQLite who --gebruiker says, on PostgreSQL always the login (issue 16). */
const inAuditlog = (gebruiker: string) => (opPostgres ? "tester" : gebruiker);

const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at /);

describe("gelijktijdige schrijvers", () => {
  it("verliezen niets: 2×25 signalen tegelijk → 50 signalen en 50 auditregels met de gebruikersnaam", async () => {
    const db = initDb();
    const adres = addAdres(db);
    const lane = async (gebruiker: string) => {
      const codes: number[] = [];
      for (let i = 0; i < 25; i++) {
        const r = await cliAsync(db, [...signaalArgs(adres, `${gebruiker} ${i}`), "--gebruiker", gebruiker]);
        if (r.code !== 0) throw new Error(r.stderr);
        codes.push(r.code);
      }
      return codes;
    };
    const [a, b] = await Promise.all([lane("projectleider"), lane("handhaver")]);
    expect([...a, ...b].every((c) => c === 0)).toBe(true);
    expect(count(db, "SELECT count(*) AS n FROM signaal")).toBe(50);
    expect(count(db, "SELECT count(*) AS n FROM audit_log WHERE tabel = 'signaal' AND actie = 'toegevoegd'")).toBe(50);
    const door = (gebruiker: string) =>
      count(db, "SELECT count(*) AS n FROM audit_log WHERE tabel = 'signaal' AND gebruiker = ?", inAuditlog(gebruiker));
    expect(door("projectleider")).toBe(opPostgres ? 50 : 25);
    expect(door("handhaver")).toBe(opPostgres ? 50 : 25);
  });
});

describe("eerste gebruik tegelijk", () => {
  // On PostgreSQL: test/pg/migratie.test.ts (one migrates under the lock, the other waits).
  itAlleenSqlite(
    "een nieuw databasebestand",
    "vier processen die tegelijk een nieuwe database aanmaken: allemaal exit 0, één schema, geen dubbelingen",
    async () => {
      for (let ronde = 0; ronde < 3; ronde++) {
        const db = path.join(tempDir(), "gedeeld.db");
        const results = await Promise.all([1, 2, 3, 4].map(() => cliAsync(db, ["init", "--team", "KIT"])));
        for (const r of results) expect(r.code, r.stderr).toBe(0);
        expect(count(db, "SELECT count(*) AS n FROM gemeente")).toBe(count(db, "SELECT count(DISTINCT naam) AS n FROM gemeente"));
        expect(count(db, "SELECT count(*) AS n FROM partner WHERE naam = 'Politie'")).toBe(1);
        expect(dump(db).split("\n")[0]).toBe(`user_version=${SCHEMA_VERSION}`);
      }
    },
  );
});

describe("log", () => {
  it("toont wie wat wanneer wijzigde, met --gebruiker, en filtert op --sinds, --door en --tabel", () => {
    const db = initDb();
    const id = ok(
      cli(db, [
        "--json",
        "--gebruiker",
        "Fatma Yılmaz",
        "adres",
        "toevoegen",
        "--postcode",
        "5504AB",
        "--huisnummer",
        "3",
        "--straat",
        "Kerkstraat",
        "--plaats",
        "Veldhoven",
        "--gemeente",
        "Veldhoven",
      ]),
    ).json().id;
    ok(
      cli(db, ["signaal", "toevoegen", "--adres", String(id), "--partner", "AVIM", "--omschrijving", "Veel fietsen"], {
        env: { INTERVENTIE_GEBRUIKER: "piet" },
      }),
    );
    const [fatma, piet] = [inAuditlog("Fatma Yılmaz"), inAuditlog("piet")];
    const log = ok(cli(db, ["--json", "log"])).json();
    expect(log.find((r: any) => r.tabel === "adres" && r.rij_id === id)).toMatchObject({ gebruiker: fatma, actie: "toegevoegd" });
    expect(log.find((r: any) => r.tabel === "signaal")).toMatchObject({ gebruiker: piet, actie: "toegevoegd" });
    expect(log.every((r: any) => typeof r.tijd === "string" && r.tijd.length >= 19)).toBe(true);
    const doorPiet = ok(cli(db, ["--json", "log", "--door", piet])).json();
    expect(doorPiet).toEqual(log.filter((r: any) => r.gebruiker === piet));
    if (!opPostgres) expect(doorPiet).toHaveLength(1); // on PostgreSQL the login also made the database
    expect(
      ok(cli(db, ["--json", "log", "--tabel", "adres"]))
        .json()
        .map((r: any) => r.rij_id),
    ).toEqual([id]);
    expect(ok(cli(db, ["--json", "log", "--sinds", "01-01-2099"])).json()).toEqual([]);
    expect(ok(cli(db, ["--json", "log", "--sinds", "2000-01-01"])).json().length).toBe(log.length);
    const human = ok(cli(db, ["log", "--door", fatma])).stdout;
    expect(human).toMatch(new RegExp(`${fatma}.*adres.*toegevoegd`));
  });

  it("het auditlog is alleen-toevoegen: wijzigen of wissen weigert de database zelf", () => {
    const db = initDb(); // on PostgreSQL even the superuser, past every grant, meets the trigger
    expect(() => exec(db, "DELETE FROM audit_log")).toThrow(/alleen-toevoegen/);
    expect(() => exec(db, "UPDATE audit_log SET gebruiker = 'x'")).toThrow(/alleen-toevoegen/);
  });
});

describe("backup", () => {
  // On PostgreSQL pg_dump makes the backup, from one snapshot (test/e2e/teamserver.test.ts).
  itAlleenSqlite(
    "de online-backup van het bestand",
    "maakt een gecontroleerde kopie (0600) terwijl een ander proces schrijft",
    async () => {
      const db = initDb();
      const adres = addAdres(db);
      const dir = tempDir();
      const writer = writerLoop(db, adres, 4000);
      await writer.started;
      const results = [];
      for (let i = 0; i < 3; i++) {
        await new Promise((r) => setTimeout(r, 300));
        results.push(await cliAsync(db, ["--json", "backup", "--uit", path.join(dir, `b${i}.db`)]));
      }
      writer.stop(); // it wrote during all three backups
      const written = await writer.done;
      expect(written).toBeGreaterThan(10);
      const sizes: number[] = [];
      for (const [i, r] of results.entries()) {
        expect(r.code, r.stderr).toBe(0);
        const file = path.join(dir, `b${i}.db`);
        expect(fs.statSync(file).mode & 0o777).toBe(0o600);
        expect(r.json().integriteit).toBe("ok");
        const copy = new Database(file, { readonly: true });
        try {
          expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
          expect(copy.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
          const sig = (copy.prepare("SELECT count(*) AS n FROM signaal").get() as { n: number }).n;
          const aud = (copy.prepare("SELECT count(*) AS n FROM audit_log WHERE tabel = 'signaal'").get() as { n: number }).n;
          // Each signal is written with its audit entry in one transaction: a consistent copy has both or neither.
          expect(aud).toBe(sig);
          expect(r.json().tabellen.signaal).toBe(sig);
          sizes.push(sig);
        } finally {
          copy.close();
        }
      }
      expect(sizes[2]).toBeGreaterThanOrEqual(sizes[0]!);
      expect(count(db, "SELECT count(*) AS n FROM signaal")).toBe(written);
      expect(fs.readdirSync(dir).sort()).toEqual(["b0.db", "b1.db", "b2.db"]); // no temporary files left behind
      expect(count(db, "SELECT count(*) AS n FROM audit_log WHERE actie = 'backup'")).toBe(3);
    },
  );

  it("overschrijft een bestaand bestand alleen met --overschrijven", () => {
    const db = initDb();
    const beheerder = opPostgres ? alsBeheerder(db) : db; // a team's backup on PostgreSQL is the administrator's
    const file = path.join(tempDir(), "kopie.db");
    fs.writeFileSync(file, "niet weggooien");
    const before = dump(db);
    const r = cli(beheerder, ["backup", "--uit", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bestaat al.*--overschrijven/);
    expect(fs.readFileSync(file, "utf8")).toBe("niet weggooien");
    expect(dump(db)).toBe(before);
    ok(cli(beheerder, ["backup", "--uit", file, "--overschrijven"]));
    if (opPostgres)
      expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe("PGDMP"); // pg_dump's custom format
    else expect(dump(file).split("\n")[0]).toBe(`user_version=${SCHEMA_VERSION}`);
  });
});

describe("export", () => {
  const NAMEN = [
    "Łukasz Wiśniewski",
    "Ștefan Popescu",
    "Bouwbedrijf De Vries BV",
    "Postbus 123, 5500 AA Veldhoven",
    "Hoofdstraat 9, 5611 AB Eindhoven",
    "87654321",
    "12345678",
    "Jan Jansen",
    "0612345678",
    "Annelies Bakker",
  ];

  /** Built once per test run, copied per test. */
  const vul = (): { db: string; adressen: number[] } => seededOn("export-namen", leeg, bouwExport);

  function bouwExport(db: string): { adressen: number[] } {
    const adressen = [
      addAdres(db, { postcode: "5504AB", huisnummer: "12", straat: "Kerkstraat", plaats: "Veldhoven", gemeente: "Veldhoven" }),
      addAdres(db, { postcode: "5581CD", huisnummer: "7", straat: "Ringweg", plaats: "Waalre", gemeente: "Waalre" }),
      addAdres(db, { postcode: "5531XY", huisnummer: "1", toevoeging: "B", straat: "Stationsplein", plaats: "Bladel", gemeente: "Bladel" }),
    ];
    const g = { env: { INTERVENTIE_GEBRUIKER: "Annelies Bakker" } };
    ok(
      cli(
        db,
        [
          "betrokkene",
          "toevoegen",
          "--naam",
          "Łukasz Wiśniewski",
          "--rol",
          "verhuurder",
          "--adres",
          String(adressen[0]),
          "--postadres",
          "Postbus 123, 5500 AA Veldhoven",
        ],
        g,
      ),
    );
    ok(
      cli(
        db,
        [
          "betrokkene",
          "toevoegen",
          "--naam",
          "Bouwbedrijf De Vries BV",
          "--rol",
          "eigenaar",
          "--adres",
          String(adressen[1]),
          "--kvk",
          "87654321",
          "--postadres",
          "Hoofdstraat 9, 5611 AB Eindhoven",
        ],
        g,
      ),
    );
    ok(cli(db, ["betrokkene", "toevoegen", "--naam", "Ștefan Popescu", "--rol", "werkgever", "--kvk", "12345678"], g));
    ok(cli(db, ["signaal", "toevoegen", "--adres", String(adressen[2]), "--partner", "Politie", "--omschrijving", "Overlast"], g));
    const avond = insertAvond(db, { datum: "2026-10-01", adressen: [...adressen].reverse() }); // visited last address first
    exec(
      db,
      "INSERT INTO avond_rol (avond_id, rol, naam, partner_id, telefoon) VALUES (?, 'teamleider', 'Jan Jansen', 1, '0612345678')",
      avond,
    );
    return { adressen };
  }

  it("--pseudoniem: geen enkele naam, postadres, KvK- of telefoonnummer, wel alle adressen; codes vast; 0600", () => {
    const { db, adressen: ids } = vul();
    const dir = tempDir();
    const file = path.join(dir, "pseudo.json");
    const r = ok(cli(db, ["--json", "export", "--uit", file, "--pseudoniem"]));
    expect(r.json()).toMatchObject({ pseudoniem: true });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const text = fs.readFileSync(file, "utf8");
    for (const naam of NAMEN) expect(text, naam).not.toContain(naam);
    expect(text).not.toMatch(/Wi[sś]niewski|Popescu|Łukasz/i);
    const doc = JSON.parse(text);
    expect(doc).toMatchObject({ versie: 1, schema: SCHEMA_VERSION, pseudoniem: true });
    // All addresses, unchanged.
    const adressen = doc.tabellen.adres.map((a: any) => `${a.straat} ${a.huisnummer}${a.toevoeging} ${a.postcode} ${a.plaats}`);
    expect(adressen).toEqual(["Kerkstraat 12 5504AB Veldhoven", "Ringweg 7 5581CD Waalre", "Stationsplein 1B 5531XY Bladel"]);
    expect(doc.tabellen.betrokkene.map((b: any) => b.naam)).toEqual([
      expect.stringMatching(/^B-[0-9a-f]{8}$/),
      expect.stringMatching(/^B-[0-9a-f]{8}$/),
      expect.stringMatching(/^B-[0-9a-f]{8}$/),
    ]);
    expect(doc.tabellen.betrokkene[1].kvk).toMatch(/^K-[0-9a-f]{8}$/);
    expect(doc.tabellen.betrokkene[1].postadres).toMatch(/^P-[0-9a-f]{8}$/);
    expect(doc.tabellen.betrokkene_adres).toHaveLength(2);
    // Rows by primary key, not in the order they were written: the same export from SQLite and PostgreSQL.
    expect(doc.tabellen.avond_adres.map((r: any) => [r.adres_id, r.volgorde])).toEqual(ids.map((a, i) => [a, 3 - i]));
    expect(doc.tabellen.avond_rol[0]).toMatchObject({ naam: expect.stringMatching(/^M-/), telefoon: expect.stringMatching(/^T-/) });
    expect(doc.tabellen.audit_log.length).toBeGreaterThan(0);
    expect(doc.tabellen.audit_log.every((a: any) => a.gebruiker === null)).toBe(true);
    expect(doc.tabellen.instelling.some((i: any) => i.sleutel === "pseudoniem_sleutel")).toBe(false);
    // Stable across exports, so partners can follow one case over time.
    const file2 = path.join(dir, "pseudo2.json");
    ok(cli(db, ["export", "--uit", file2, "--pseudoniem"]));
    const doc2 = JSON.parse(fs.readFileSync(file2, "utf8"));
    expect(doc2.tabellen.betrokkene.map((b: any) => b.naam)).toEqual(doc.tabellen.betrokkene.map((b: any) => b.naam));
    // The export is itself audited (with the real user name, in the database only).
    expect(count(db, "SELECT count(*) AS n FROM audit_log WHERE actie = 'geexporteerd' AND gebruiker = 'tester'")).toBe(2);
  });

  it("zonder --pseudoniem: alles, ook namen, maar nooit de sleutel; weigert overschrijven", () => {
    const { db } = vul();
    const dir = tempDir();
    ok(cli(db, ["export", "--uit", path.join(dir, "p.json"), "--pseudoniem"]));
    const file = path.join(dir, "vol.json");
    ok(cli(db, ["export", "--uit", file]));
    const text = fs.readFileSync(file, "utf8");
    expect(text).toContain("Łukasz Wiśniewski");
    expect(text).toContain("87654321");
    const secret = rij<{ waarde: string }>(db, "SELECT waarde FROM instelling WHERE sleutel = 'pseudoniem_sleutel'")!.waarde;
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(text).not.toContain(secret);
    expect(JSON.parse(text).tabellen.instelling.some((i: any) => i.sleutel === "pseudoniem_sleutel")).toBe(false);
    const before = dump(db);
    const again = cli(db, ["export", "--uit", file]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/bestaat al/);
    expect(dump(db)).toBe(before);
  });
});

describe("opschonen (bewaartermijn)", () => {
  const VANDAAG = ["--vandaag", "2026-11-23"];

  /** A1: closed case from 2023 · A2: 2023 too but a follow-up still open · A3: recent signal · A4: no case. */
  const vul = () => seededOn("opschonen-casussen", leeg, bouwOpschonen);

  function bouwOpschonen(db: string) {
    const a1 = addAdres(db, { huisnummer: "1" });
    const a2 = addAdres(db, { huisnummer: "2" });
    const a3 = addAdres(db, { huisnummer: "3" });
    const a4 = addAdres(db, { huisnummer: "4" });
    ok(cli(db, ["signaal", "toevoegen", "--adres", String(a1), "--partner", "Politie", "--omschrijving", "Oud", "--datum", "2023-02-01"]));
    ok(
      cli(db, ["signaal", "toevoegen", "--adres", String(a3), "--partner", "Politie", "--omschrijving", "Recent", "--datum", "2025-06-01"]),
    );
    const alleenA1 = ok(
      cli(db, ["--json", "betrokkene", "toevoegen", "--naam", "Łukasz Wiśniewski", "--rol", "verhuurder", "--adres", String(a1)]),
    ).json().id;
    const gedeeld = ok(
      cli(db, ["--json", "betrokkene", "toevoegen", "--naam", "Ștefan Popescu", "--rol", "eigenaar", "--adres", String(a1)]),
    ).json().id;
    ok(cli(db, ["betrokkene", "koppel", String(gedeeld), "--adres", String(a2), "--rol", "eigenaar"]));
    const avond = insertAvond(db, { datum: "2023-03-01", adressen: [a1, a2] });
    const b1 = insertBevinding(db, { avond, adres: a1, categorie: "overbewoning" });
    const b2 = insertBevinding(db, { avond, adres: a2, categorie: "adresfraude" });
    const o1 = insertOpvolging(db, { bevinding: b1, actie: "Hercontrole", deadline: "2023-04-01", status: "afgerond" });
    const o1b = insertOpvolging(db, { bevinding: b1, actie: "Brief", deadline: "2023-04-01", status: "doodgelopen" });
    const o2 = insertOpvolging(db, { bevinding: b2, actie: "Onderzoek", deadline: "2023-04-01", status: "open" });
    for (const o of [o1, o1b, o2])
      exec(
        db,
        "UPDATE opvolging SET gewijzigd = '2023-05-01T10:00:00.000Z', gesloten_op = CASE WHEN status = 'open' THEN NULL ELSE '2023-05-01' END WHERE id = ?",
        o,
      );
    return { a1, a2, a3, a4, alleenA1, gedeeld };
  }

  it("--dry-run zegt wat weg zou gaan en verwijdert niets", () => {
    const { db, a1 } = vul();
    const before = dump(db);
    const r = ok(cli(db, [...VANDAAG, "--json", "opschonen", "--ouder-dan", "24", "--dry-run"])).json();
    expect(r).toMatchObject({ dryRun: true, grens: "2024-11-23", adressen: [a1], verwijderd: null });
    expect(r.zouVerwijderen).toMatchObject({ signaal: 1, bevinding: 1, opvolging: 2, avond_adres: 1, betrokkene_adres: 2, betrokkene: 1 });
    expect(dump(db)).toBe(before);
    expect(ok(cli(db, [...VANDAAG, "opschonen", "--ouder-dan", "24", "--dry-run"])).stdout).toMatch(/Proefrun.*niets gewijzigd/);
  });

  it("verwijdert afgesloten casussen voorbij de termijn, met tellingen en auditregels (alleen id's); het adres blijft", () => {
    const { db, a1, a2, a3, a4, alleenA1, gedeeld } = vul();
    const r = ok(cli(db, [...VANDAAG, "--json", "opschonen", "--ouder-dan", "24", "--ja"])).json();
    expect(r.adressen).toEqual([a1]);
    expect(r.verwijderd).toMatchObject({ signaal: 1, bevinding: 1, opvolging: 2, avond_adres: 1, betrokkene_adres: 2, betrokkene: 1 });
    expect(count(db, "SELECT count(*) AS n FROM signaal WHERE adres_id = ?", a1)).toBe(0);
    expect(count(db, "SELECT count(*) AS n FROM bevinding WHERE adres_id = ?", a1)).toBe(0);
    expect(count(db, "SELECT count(*) AS n FROM adres WHERE id IN (?, ?, ?, ?)", a1, a2, a3, a4)).toBe(4);
    expect(count(db, "SELECT count(*) AS n FROM betrokkene WHERE id = ?", alleenA1)).toBe(0);
    expect(count(db, "SELECT count(*) AS n FROM betrokkene_adres WHERE betrokkene_id = ? AND adres_id = ?", gedeeld, a2)).toBe(1);
    expect(count(db, "SELECT count(*) AS n FROM bevinding WHERE adres_id = ?", a2)).toBe(1);
    expect(count(db, "SELECT count(*) AS n FROM signaal WHERE adres_id = ?", a3)).toBe(1);
    expect(
      count(db, "SELECT count(*) AS n FROM audit_log WHERE actie = 'verwijderd' AND tabel = 'betrokkene' AND rij_id = ?", alleenA1),
    ).toBe(1);
    const details = ok(cli(db, ["--json", "log", "--tabel", "betrokkene"]))
      .json()
      .map((e: any) => JSON.stringify(e));
    expect(details.join("\n")).not.toContain("Wiśniewski");
    // A shorter term reaches A3 as well; running again finds nothing more at 24 months.
    expect(ok(cli(db, [...VANDAAG, "--json", "opschonen", "--ouder-dan", "24", "--ja"])).json().adressen).toEqual([]);
    expect(ok(cli(db, [...VANDAAG, "--json", "opschonen", "--ouder-dan", "12", "--ja"])).json().adressen).toEqual([a3]);
  });

  it("vraagt bevestiging aan een terminal; nee laat alles staan, zonder terminal en zonder --ja: exit 2", async () => {
    const { db, a1 } = vul();
    const before = dump(db);
    const nee = await cliInProcess(db, [...VANDAAG, "opschonen", "--ouder-dan", "24"], { answers: [false] });
    expect(nee.code).toBe(2);
    expect(nee.stderr).toMatch(/Afgebroken; er is niets verwijderd/);
    expect(dump(db)).toBe(before);
    const zonder = cli(db, [...VANDAAG, "opschonen", "--ouder-dan", "24"]);
    expect(zonder.code).toBe(2);
    expect(zonder.stderr).toMatch(/--ja/);
    expect(dump(db)).toBe(before);
    const ja = await cliInProcess(db, [...VANDAAG, "opschonen", "--ouder-dan", "24"], { answers: [true] });
    expect(ja.code, ja.stderr).toBe(0);
    expect(ja.stdout).toMatch(/1 casus verwijderd/);
    expect(count(db, "SELECT count(*) AS n FROM signaal WHERE adres_id = ?", a1)).toBe(0);
  });
});

// What can be wrong with a file; on PostgreSQL (a newer schema, a database of another application, a
// login without rights) test/e2e/teamserver.test.ts and test/pg/migratie.test.ts check the same messages.
describe("database-bestanden die niet kloppen", () => {
  itAlleenSqlite("PRAGMA user_version van het bestand", "nieuwere versie: duidelijke melding, bestand onveranderd", () => {
    const db = initDb();
    exec(db, "PRAGMA user_version = 42");
    const bytes = fs.readFileSync(db);
    const r = cli(db, ["adres", "lijst"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nieuwere versie van interventie \(schema 42/);
    noStack(r.stderr);
    expect(fs.readFileSync(db).equals(bytes)).toBe(true);
  });

  itAlleenSqlite("een bestand dat geen database is", "geen database: duidelijke melding (ook met --json), bestand onveranderd", () => {
    const file = path.join(tempDir(), "notities.db");
    fs.writeFileSync(file, "Dit is een tekstbestand met aantekeningen.\n".repeat(200));
    const bytes = fs.readFileSync(file);
    for (const args of [["adres", "lijst"], ["init"], ["backup", "--uit", path.join(tempDir(), "x.db")]]) {
      const r = cli(file, ["--json", ...args]);
      expect(r.code).toBe(2);
      expect(r.json().fout.code).toBe("geen-database");
      noStack(r.stderr);
    }
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    // An SQLite file of another program is not ours either.
    const other = path.join(tempDir(), "ander.db");
    const conn = new Database(other);
    conn.exec("CREATE TABLE t (x); INSERT INTO t VALUES (1)");
    conn.close();
    const r = cli(other, ["init"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/geen interventie-database/);
  });

  itAlleenSqlite(
    "bestandsrechten",
    "alleen-lezen (chmod 0400): lezen lukt, schrijven geeft een duidelijke melding en wijzigt niets",
    () => {
      const db = initDb();
      addAdres(db);
      const before = dump(db);
      fs.chmodSync(db, 0o400);
      try {
        expect(ok(cli(db, ["--json", "adres", "lijst"])).json()).toHaveLength(1);
        const r = cli(db, ["gemeente", "toevoegen", "--naam", "Oss"]);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(/alleen-lezen; er is niets gewijzigd/);
        noStack(r.stderr);
        const uit = path.join(tempDir(), "ro.json");
        const e = cli(db, ["export", "--uit", uit, "--pseudoniem"]);
        expect(e.code).toBe(2);
        expect(e.stderr).toMatch(/alleen-lezen/);
        expect(fs.existsSync(uit)).toBe(false);
        const kopie = path.join(tempDir(), "ro-kopie.db");
        const b = ok(cli(db, ["backup", "--uit", kopie]));
        expect(b.stderr).toMatch(/alleen-lezen; deze backup staat niet in het auditlog/);
        expect(dump(kopie)).toBe(before);
      } finally {
        fs.chmodSync(db, 0o600);
      }
      expect(dump(db)).toBe(before);
    },
  );

  itAlleenSqlite(
    "PRAGMA max_page_count",
    "volle schijf (gesimuleerd met PRAGMA max_page_count): duidelijke melding, database onveranderd",
    () => {
      const db = initDb();
      const adres = addAdres(db);
      const lang = "x".repeat(1900);
      let vol: ReturnType<typeof cli> | undefined;
      for (let i = 0; i < 40 && !vol; i++) {
        const before = dump(db);
        const r = cli(db, ["signaal", "toevoegen", "--adres", String(adres), "--partner", "Politie", "--omschrijving", lang], {
          env: { INTERVENTIE_TEST_MAX_PAGES: "1" },
        });
        if (r.code !== 0) {
          vol = r;
          expect(dump(db)).toBe(before);
        }
      }
      expect(vol?.code).toBe(2);
      expect(vol?.stderr).toMatch(/schijf is vol/);
      noStack(vol!.stderr);
      expect(rij(db, "PRAGMA integrity_check")).toEqual({ integrity_check: "ok" });
      // Without the simulated limit the same write succeeds: the database is still usable.
      expect(cli(db, ["signaal", "toevoegen", "--adres", String(adres), "--partner", "Politie", "--omschrijving", lang]).code).toBe(0);
    },
  );
});
