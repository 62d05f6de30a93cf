import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { controleerDatabase, dezeOmgeving, pgDoel, verbindMet, type Omgeving, type PgVerbinding } from "../../src/db/pg/verbinding.js";
import { UserError } from "../../src/errors.js";
import { tempDir } from "../helpers/cli.js";
import { ZAAD } from "../helpers/pg-team.js";
import { TLS } from "../helpers/postgres-cluster.js";
import { nieuweDatabase, pgServer, superuser, type TestDatabase } from "../helpers/postgres.js";

/** Connecting for real: URL, environment, .pgpass, TLS, and every refusal as one Dutch line. */
let db: TestDatabase;
let hh: { login: string; wachtwoord: string };
const open: PgVerbinding[] = [];
beforeAll(async () => {
  db = await nieuweDatabase();
  await (await db.beheerder()).query(ZAAD);
  hh = await db.login("handhaver", "Bladel", "hh");
});
afterAll(async () => {
  await Promise.all(open.splice(0).map((c) => c.end()));
  await db?.weg();
});

/** The real machine, but with only the environment given here (no PG* of whoever runs the tests). */
function omgeving(env: Record<string, string> = {}, home = tempDir()): Omgeving {
  return { ...dezeOmgeving(), env, home };
}

async function verbind(url: string, o: Omgeving = omgeving()): Promise<PgVerbinding> {
  const c = await verbindMet(pgDoel(url, o));
  open.push(c);
  return c;
}

async function melding(url: string, o: Omgeving = omgeving()): Promise<string> {
  try {
    const c = await verbind(url, o);
    await controleerDatabase(c, pgDoel(url, o));
    return "verbonden";
  } catch (err) {
    if (err instanceof UserError) return err.message;
    throw err;
  }
}

const poort = () => pgServer().poort;
const url = (login: string, database = db.naam, query = "") => `postgres://${login}@127.0.0.1:${poort()}/${database}${query}`;

describe("verbinden", () => {
  it("met een URL en PGPASSWORD: de login weet wie hij is, getallen komen terug als getallen", async () => {
    const o = omgeving({ PGPASSWORD: hh.wachtwoord });
    const c = await verbind(url(hh.login), o);
    const { ik } = await controleerDatabase(c, pgDoel(url(hh.login), o));
    expect(ik).toEqual({ login: hh.login, rol: "handhaver", organisatie: "Bladel", beheerder: false });
    const { rows } = await c.query("SELECT count(*) AS n, max(id) AS m, sum(personen) AS p FROM bevinding");
    expect(rows).toEqual([{ n: 2, m: 2, p: 15 }]);
  });

  it("met alleen PG*-variabelen en het wachtwoord in ~/.pgpass (mode 0600)", async () => {
    const home = tempDir();
    fs.writeFileSync(path.join(home, ".pgpass"), `127.0.0.1:${poort()}:${db.naam}:${hh.login}:${hh.wachtwoord.replace(/:/g, "\\:")}\n`, {
      mode: 0o600,
    });
    const o = omgeving({ PGHOST: "127.0.0.1", PGPORT: String(poort()), PGDATABASE: db.naam, PGUSER: hh.login }, home);
    expect(await melding("postgres://", o)).toBe("verbonden");
  });

  it("een ~/.pgpass die anderen kunnen lezen telt niet, zoals bij psql", async () => {
    const home = tempDir();
    fs.writeFileSync(path.join(home, ".pgpass"), `*:*:*:*:${hh.wachtwoord}\n`, { mode: 0o644 });
    fs.chmodSync(path.join(home, ".pgpass"), 0o644);
    expect(await melding(url(hh.login), omgeving({}, home))).toBe(
      `Geen wachtwoord voor ${hh.login} op 127.0.0.1:${poort()}: zet het in ~/.pgpass (of PGPASSWORD), nooit in --db`,
    );
  });
});

describe("TLS volgens sslmode", () => {
  const ssl = async (query: string) => {
    const o = omgeving({ PGPASSWORD: hh.wachtwoord });
    const c = await verbind(url(hh.login, db.naam, query), o);
    return (await c.query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")).rows[0].ssl as boolean;
  };
  it("disable gaat onversleuteld; prefer, require en verify-full met het CA-certificaat versleuteld", async () => {
    expect(await ssl("?sslmode=disable")).toBe(false);
    expect(await ssl("?sslmode=prefer")).toBe(true);
    expect(await ssl("?sslmode=require")).toBe(true);
    expect(await ssl(`?sslmode=verify-full&sslrootcert=${path.join(TLS, "ca.crt")}`)).toBe(true);
    expect(await ssl(`?sslmode=verify-ca&sslrootcert=${path.join(TLS, "ca.crt")}`)).toBe(true);
  });
  it("verify-full zonder het CA-certificaat vertrouwt de server niet", async () => {
    const o = omgeving({ PGPASSWORD: hh.wachtwoord });
    expect(await melding(url(hh.login, db.naam, "?sslmode=verify-full"), o)).toMatch(
      /^Het TLS-certificaat van 127.0.0.1 wordt niet vertrouwd \(/,
    );
  });
});

describe("slechte invoer: één Nederlandse regel", () => {
  it("onbereikbare server", async () => {
    const vrij = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, "127.0.0.1", () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    expect(await melding(`postgres://x@127.0.0.1:${vrij}/kit`, omgeving({ PGPASSWORD: "x" }))).toBe(
      `PostgreSQL-server 127.0.0.1:${vrij} is niet bereikbaar (verbinding geweigerd); draait de server en klopt de poort?`,
    );
  });

  it("fout wachtwoord", async () => {
    expect(await melding(url(hh.login), omgeving({ PGPASSWORD: "fout" }))).toBe(
      `Aanmelden als ${hh.login} op 127.0.0.1:${poort()} mislukt: wachtwoord onjuist of onbekende login`,
    );
  });

  it("database bestaat niet", async () => {
    expect(await melding(url(hh.login, "bestaat_niet"), omgeving({ PGPASSWORD: hh.wachtwoord }))).toBe(
      `Database bestaat_niet bestaat niet op 127.0.0.1:${poort()}`,
    );
  });

  it("een database van een andere applicatie, en een nieuwer schema", async () => {
    const ander = await nieuweDatabase({ leeg: true });
    const nieuwer = await nieuweDatabase();
    try {
      await (await ander.beheerder()).query("CREATE TABLE facturen (id int)");
      const su = await superuser(nieuwer.naam);
      await su.query("UPDATE interventie_schema SET versie = 99");
      await su.end();
      const s = pgServer();
      const o = omgeving({ PGPASSWORD: s.beheerder.wachtwoord });
      expect(await melding(url(s.beheerder.login, ander.naam), o)).toBe(
        `Database ${ander.naam} is geen interventie-database (er staan al tabellen van iets anders in); er is niets gewijzigd`,
      );
      expect(await melding(url(s.beheerder.login, nieuwer.naam), o)).toMatch(
        /^Database \S+ is gemaakt door een nieuwere versie van interventie \(schema 99, deze versie kent 1\); werk interventie bij$/,
      );
    } finally {
      await Promise.all(open.splice(0).map((c) => c.end()));
      await ander.weg();
      await nieuwer.weg();
    }
  });

  it("een login zonder organisatie in deze database", async () => {
    const login = `${db.naam}_los`;
    const su = await superuser(db.naam);
    await su.query(`CREATE ROLE ${login} LOGIN PASSWORD 'Los-wachtwoord-1' IN ROLE interventie_partner`);
    await su.end();
    expect(await melding(url(login), omgeving({ PGPASSWORD: "Los-wachtwoord-1" }))).toBe(
      `Login ${login} heeft in database ${db.naam} geen rol of organisatie; vraag de beheerder: interventie beheer gebruiker toevoegen --login ${login} --rol … --organisatie …`,
    );
  });
});
