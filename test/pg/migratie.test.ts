import { afterAll, describe, expect, it } from "vitest";
import { beoordeel, migreer, PG_SCHEMA_VERSIE, type DatabaseStaat } from "../../src/db/pg/migreer.js";
import { UserError } from "../../src/errors.js";
import { fout } from "../helpers/pg-team.js";
import { nieuweDatabase, pgServer, superuser, type TestDatabase } from "../helpers/postgres.js";

const dbs: TestDatabase[] = [];
afterAll(() => Promise.all(dbs.map((d) => d.weg())));

async function database(opties: { leeg?: boolean } = {}): Promise<TestDatabase> {
  const db = await nieuweDatabase(opties);
  dbs.push(db);
  return db;
}

const bestemming = (db: TestDatabase) => ({
  host: "127.0.0.1",
  port: pgServer().poort,
  database: db.naam,
  user: pgServer().beheerder.login,
});

describe("de migraties van PostgreSQL", () => {
  it("maken een lege database af in één keer, met merkteken en schemaversie; nog eens draaien doet niets", async () => {
    const db = await database({ leeg: true });
    const b = await db.beheerder();
    expect(await migreer(b, bestemming(db))).toEqual({ van: 0, naar: PG_SCHEMA_VERSIE });
    expect((await b.query("SELECT applicatie, versie FROM interventie_schema")).rows).toEqual([
      { applicatie: "interventie", versie: PG_SCHEMA_VERSIE },
    ]);
    expect(await migreer(b, bestemming(db))).toEqual({ van: PG_SCHEMA_VERSIE, naar: PG_SCHEMA_VERSIE });
    // Everything belongs to the owner role, nothing to the administrator's login.
    const { rows } = await b.query(
      "SELECT DISTINCT pg_get_userbyid(relowner) AS eigenaar FROM pg_class WHERE relnamespace = 'public'::regnamespace",
    );
    expect(rows).toEqual([{ eigenaar: "interventie_eigenaar" }]);
  });

  it("twee eerste gebruikers tegelijk: één migreert, de ander wacht op het slot en vindt het werk gedaan", async () => {
    const db = await database({ leeg: true });
    const s = pgServer();
    const [a, b] = [
      await db.verbind(s.beheerder.login, s.beheerder.wachtwoord),
      await db.verbind(s.beheerder.login, s.beheerder.wachtwoord),
    ];
    const uitkomsten = await Promise.all([migreer(a, bestemming(db)), migreer(b, bestemming(db))]);
    expect(uitkomsten.map((u) => u.van).sort()).toEqual([0, PG_SCHEMA_VERSIE]);
    expect((await a.query("SELECT count(*)::int AS n FROM interventie_schema")).rows[0].n).toBe(1);
  });

  it("een mislukte migratie laat de database leeg achter (één transactie)", async () => {
    const db = await database({ leeg: true });
    const b = await db.beheerder();
    await expect(migreer(b, bestemming(db), PG_SCHEMA_VERSIE + 1)).rejects.toThrow();
    expect((await b.query("SELECT to_regclass('public.adres') AS t")).rows[0].t).toBeNull();
  });

  it("een database van een andere applicatie wordt niet aangeraakt", async () => {
    const db = await database({ leeg: true });
    const b = await db.beheerder();
    await b.query("CREATE TABLE klanten (id int)");
    await expect(migreer(b, bestemming(db))).rejects.toThrow(`Database ${db.naam} is geen interventie-database`);
    expect((await b.query("SELECT to_regclass('public.adres') AS t")).rows[0].t).toBeNull();
  });

  it("een database van een nieuwere versie wordt geweigerd, zonder te schrijven", async () => {
    const db = await database();
    const su = await superuser(db.naam);
    await su.query("UPDATE interventie_schema SET versie = versie + 1");
    await su.end();
    await expect(migreer(await db.beheerder(), bestemming(db))).rejects.toThrow(
      `is gemaakt door een nieuwere versie van interventie (schema ${PG_SCHEMA_VERSIE + 1}, deze versie kent ${PG_SCHEMA_VERSIE})`,
    );
  });

  it("een teamlogin kan een lege database niet inrichten: dat doet de beheerder", async () => {
    const db = await database({ leeg: true });
    const su = await superuser(db.naam);
    await su.query("CREATE ROLE " + db.naam + "_gewoon LOGIN PASSWORD 'Gewoon-1'");
    await su.end();
    const c = await db.verbind(`${db.naam}_gewoon`, "Gewoon-1");
    await expect(migreer(c, { ...bestemming(db), user: `${db.naam}_gewoon` })).rejects.toThrow(/is nog leeg: de beheerder moet eerst/);
    expect(await fout(c, "SELECT 1")).toBe("ok");
  });
});

describe("beoordeel (zuiver)", () => {
  const b = { host: "db.example.nl", port: 5432, database: "kit", user: "jan" };
  const staat = (s: Partial<DatabaseStaat>): DatabaseStaat => ({ versie: null, vreemdeObjecten: 0, magMigreren: false, ...s });
  const code = (s: DatabaseStaat) => {
    try {
      return beoordeel(s, b).actie;
    } catch (err) {
      return (err as UserError).code;
    }
  };

  it("onderscheidt leeg, van een ander, ouder, gelijk en nieuwer", () => {
    expect(code(staat({ magMigreren: true }))).toBe("migreren");
    expect(code(staat({}))).toBe("database-leeg");
    expect(code(staat({ vreemdeObjecten: 3, magMigreren: true }))).toBe("geen-database");
    expect(code(staat({ versie: PG_SCHEMA_VERSIE }))).toBe("klaar");
    expect(code(staat({ versie: PG_SCHEMA_VERSIE + 1, magMigreren: true }))).toBe("nieuwere-database");
    expect(code(staat({ versie: 0 }))).toBe("database-leeg");
  });
});
