import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dollarPlaceholders } from "../../src/db/pg/sql.js";
import { PgStore } from "../../src/db/pg/store.js";
import { dezeOmgeving } from "../../src/db/pg/verbinding.js";
import { tempDir } from "../helpers/cli.js";
import { ZAAD } from "../helpers/pg-team.js";
import { nieuweDatabase, pgServer, type TestDatabase } from "../helpers/postgres.js";

describe("placeholders", () => {
  it("? wordt $1, $2 … buiten tekst, namen tussen aanhalingstekens en commentaar", () => {
    expect(dollarPlaceholders("SELECT a FROM t WHERE b = ? AND c IN (?, ?)")).toBe("SELECT a FROM t WHERE b = $1 AND c IN ($2, $3)");
    expect(dollarPlaceholders("SELECT 'waarom?', \"wie?\" FROM t WHERE x = ? -- nog een?\n AND y = ? /* en? */")).toBe(
      "SELECT 'waarom?', \"wie?\" FROM t WHERE x = $1 -- nog een?\n AND y = $2 /* en? */",
    );
    expect(dollarPlaceholders("SELECT 'it''s ?' || ?")).toBe("SELECT 'it''s ?' || $1");
  });
});

describe("de Sql-uitvoerder op PostgreSQL", () => {
  let db: TestDatabase;
  let store: PgStore;
  beforeAll(async () => {
    db = await nieuweDatabase();
    await (await db.beheerder()).query(ZAAD);
    const s = pgServer();
    store = new PgStore(
      db.url(s.beheerder.login),
      { gebruiker: "x", vandaag: () => "2026-12-01" },
      { ...dezeOmgeving(), env: { PGPASSWORD: s.beheerder.wachtwoord }, home: tempDir() },
    );
  });
  afterAll(async () => {
    await store?.close();
    await db?.weg();
  });

  it("geeft rijen terug zoals SQLite: ids, tellingen en sommen als getal, waar/onwaar als 1/0", async () => {
    const rij = await store.read((sql) =>
      sql.get(
        `SELECT count(*) AS n, sum(personen) AS p, max(id) AS m, EXISTS (SELECT 1 FROM adres WHERE id = ?) AS er, 1 = 2 AS nee
         FROM bevinding`,
        1,
      ),
    );
    expect(rij).toEqual({ n: 5, p: 30, m: 5, er: 1, nee: 0 });
  });

  it("insert geeft het nieuwe id, run het aantal gewijzigde rijen; alles of niets", async () => {
    const id = await store.change((tx) =>
      tx.sql.insert("INSERT INTO casustafel (datum, aangemaakt) VALUES (?, ?) RETURNING id", "2026-12-01", tx.now),
    );
    expect(id).toBe(101);
    await expect(
      store.change(async (tx) => {
        await tx.sql.run("UPDATE casustafel SET datum = ? WHERE id = ?", "2026-12-02", id);
        throw new Error("halverwege");
      }),
    ).rejects.toThrow("halverwege");
    expect(await store.read((sql) => sql.get("SELECT datum FROM casustafel WHERE id = ?", id))).toEqual({ datum: "2026-12-01" });
  });
});
