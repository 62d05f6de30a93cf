import fc from "fast-check";
import path from "node:path";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../src/db/connection.js";
import { SCHEMA_VERSION } from "../../src/db/migrations.js";
import { GESPIEGELDE_SQLITE_VERSIE } from "../../src/db/pg/migreer.js";
import { sleutel } from "../../src/domain/invoer.js";
import { tempDir } from "../helpers/cli.js";
import { fout } from "../helpers/pg-team.js";
import { nieuweDatabase, type TestDatabase } from "../helpers/postgres.js";

/**
 * The PostgreSQL schema is the SQLite schema: same tables, columns, keys, uniques, indexes,
 * foreign keys and CHECKs, read from both catalogues. A SQLite migration without its PostgreSQL
 * counterpart fails here.
 */
let db: TestDatabase;
let b: pg.Client;
let lite: Db;
beforeAll(async () => {
  db = await nieuweDatabase();
  b = await db.beheerder();
  lite = openDatabase(path.join(tempDir(), "schema.db"));
});
afterAll(async () => {
  lite?.close();
  await db?.weg();
});

/**
 * Tables PostgreSQL alone has: for access control, and bestand_inhoud — the bytes of evidence,
 * which SQLite keeps as files named by hash in `<database>.bijlagen/` (src/db/bewijs.ts).
 */
const ALLEEN_PG = ["gebruiker", "gebruiker_gemeente", "interventie_schema", "bestand_inhoud"];

function sqliteTabellen(): string[] {
  return (lite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

describe("PostgreSQL spiegelt het SQLite-schema", () => {
  it("van de SQLite-versie die het zegt te spiegelen (voeg bij een nieuwe SQLite-migratie de PostgreSQL-migratie toe)", () => {
    expect(SCHEMA_VERSION).toBe(GESPIEGELDE_SQLITE_VERSIE);
  });

  it("dezelfde tabellen", async () => {
    const { rows } = await b.query(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
    );
    const pgTabellen = rows.map((r) => r.table_name as string).filter((t) => !ALLEEN_PG.includes(t));
    expect(pgTabellen.sort()).toEqual(sqliteTabellen());
  });

  it("dezelfde kolommen, in dezelfde volgorde, met NOT NULL, standaardwaarde en soort", async () => {
    const { rows } = await b.query(
      `SELECT c.table_name, c.column_name, c.is_nullable, c.column_default, c.data_type, c.domain_name, c.is_identity
       FROM information_schema.columns c WHERE c.table_schema = 'public' ORDER BY c.table_name, c.ordinal_position`,
    );
    for (const tabel of sqliteTabellen()) {
      const sq = lite.prepare(`PRAGMA table_info(${tabel})`).all() as {
        name: string;
        type: string;
        notnull: number;
        dflt_value: string | null;
        pk: number;
      }[];
      const kolommen = rows.filter((r) => r.table_name === tabel);
      expect({ tabel, kolommen: kolommen.map((k) => k.column_name) }).toEqual({ tabel, kolommen: sq.map((k) => k.name) });
      for (const [i, k] of sq.entries()) {
        const p = kolommen[i]!;
        const waar = `${tabel}.${k.name}`;
        // A primary key column is NOT NULL in PostgreSQL; in SQLite only its INTEGER rowid alias is.
        expect({ waar, nullable: p.is_nullable === "YES" }).toEqual({ waar, nullable: k.notnull === 0 && k.pk === 0 });
        const soort = k.type === "INTEGER" ? ["integer", "bigint"] : ["text"];
        expect({ waar, soort: soort.includes(p.data_type) }).toEqual({ waar, soort: true });
        const pgDefault = p.is_identity === "YES" ? null : ((p.column_default as string | null)?.replace(/::[\w ]+$/, "") ?? null);
        expect({ waar, standaard: pgDefault }).toEqual({ waar, standaard: k.pk === 1 && k.type === "INTEGER" ? null : k.dflt_value });
      }
    }
  });

  it("dezelfde primaire sleutels, unieke sleutels en indexen", async () => {
    const { rows } = await b.query(
      `SELECT t.relname AS tabel, i.relname AS naam, ix.indisunique AS uniek, ix.indisprimary AS primair,
              pg_get_expr(ix.indpred, ix.indrelid) AS voorwaarde,
              array(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.n ORDER BY k.o)::text[] AS kolommen
       FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = 'public'`,
    );
    for (const tabel of sqliteTabellen()) {
      const pgIdx = rows.filter((r) => r.tabel === tabel);
      const lijst = lite.prepare(`PRAGMA index_list(${tabel})`).all() as {
        name: string;
        unique: number;
        origin: string;
        partial: number;
      }[];
      const pk = (lite.prepare(`PRAGMA table_info(${tabel})`).all() as { name: string; pk: number }[])
        .filter((k) => k.pk > 0)
        .sort((x, y) => x.pk - y.pk)
        .map((k) => k.name);
      expect({ tabel, pk: pgIdx.find((r) => r.primair)?.kolommen ?? [] }).toEqual({ tabel, pk });
      for (const idx of lijst.filter((x) => x.origin !== "pk")) {
        const kolommen = (lite.prepare(`PRAGMA index_info(${idx.name})`).all() as { name: string }[]).map((k) => k.name);
        // CREATE INDEX keeps its name; a UNIQUE constraint is found by its columns.
        const tegenhanger = pgIdx.find((r) =>
          idx.origin === "c" ? r.naam === idx.name : r.uniek && !r.primair && same(r.kolommen, kolommen),
        );
        const waar = `${tabel}: ${idx.name}`;
        expect({ waar, kolommen: tegenhanger?.kolommen, uniek: tegenhanger?.uniek, partieel: tegenhanger?.voorwaarde !== null }).toEqual({
          waar,
          kolommen,
          uniek: idx.unique === 1,
          partieel: idx.partial === 1,
        });
      }
    }
  });

  it("dezelfde verwijzende sleutels met dezelfde ON DELETE", async () => {
    const { rows } = await b.query(
      `SELECT c.conrelid::regclass::text AS tabel, a.attname AS van, c.confrelid::regclass::text AS naar, c.confdeltype AS bij_verwijderen
       FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
       WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`,
    );
    const regel: Record<string, string> = { a: "NO ACTION", c: "CASCADE", n: "SET NULL" };
    const pgFks = rows
      .filter((r) => !ALLEEN_PG.includes(r.tabel))
      .map((r) => `${r.tabel}.${r.van} → ${r.naar} ${regel[r.bij_verwijderen]}`)
      .sort();
    const sqFks = sqliteTabellen()
      .flatMap((t) =>
        (lite.prepare(`PRAGMA foreign_key_list(${t})`).all() as { table: string; from: string; on_delete: string }[]).map(
          (f) => `${t}.${f.from} → ${f.table} ${f.on_delete}`,
        ),
      )
      .sort();
    expect(pgFks).toEqual(sqFks);
  });

  it("evenveel CHECKs per tabel", async () => {
    const { rows } = await b.query(
      `SELECT conrelid::regclass::text AS tabel, count(*)::int AS n FROM pg_constraint
       WHERE contype = 'c' AND connamespace = 'public'::regnamespace GROUP BY 1`,
    );
    for (const tabel of sqliteTabellen()) {
      const sql = (lite.prepare("SELECT sql FROM sqlite_master WHERE name = ?").get(tabel) as { sql: string }).sql;
      const n = (sql.match(/\bCHECK\s*\(/g) ?? []).length;
      expect({ tabel, n: rows.find((r) => r.tabel === tabel)?.n ?? 0 }).toEqual({ tabel, n });
    }
  });
});

function same(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

describe("wat SQLite per verbinding of per kolom heeft, heeft PostgreSQL in het schema", () => {
  it("sleutel() geeft dezelfde sleutel als src/domain/invoer.ts, ook voor Poolse, Roemeense, Griekse en Duitse namen", async () => {
    const letters = [..."aAzZ éÉèëÏıİiIłŁśŚźŻąĄșȘțȚăĂâîßẞσΣςΌόДдЖж-'.\t\u00A0\u2009\u0301\u0327"];
    const namen = fc.sample(fc.string({ unit: fc.constantFrom(...letters), maxLength: 12 }), { numRuns: 400, seed: 16 });
    namen.push("  Łukasz Wiśniewski ", "ȘTEFAN", "Straße", "ΟΔΥΣΣΕΥΣ", "e\u0301", "Reusel-De Mierden");
    const { rows } = await b.query("SELECT x, sleutel(x) AS k FROM unnest($1::text[]) AS x", [namen]);
    const verschil = rows.filter((r) => r.k !== sleutel(r.x)).map((r) => ({ naam: r.x, pg: r.k, js: sleutel(r.x) }));
    expect(verschil).toEqual([]);
  });

  it("COLLATE NOCASE: namen vergelijken en zijn uniek zonder op hoofdletters te letten", async () => {
    await b.query("INSERT INTO gemeente (naam) VALUES ('Bladel')");
    expect((await b.query("SELECT naam FROM gemeente WHERE naam = 'BLADEL'")).rows).toEqual([{ naam: "Bladel" }]);
    expect(await fout(b, "INSERT INTO gemeente (naam) VALUES ('bladel')")).toBe("23505");
    expect(await fout(b, "INSERT INTO partner_alias (alias, partner_id) VALUES ('x', 999)")).toBe("23503");
  });

  it("een datum is tekst JJJJ-MM-DD; iets anders wordt geweigerd", async () => {
    await b.query("INSERT INTO casustafel (datum, aangemaakt) VALUES ('2026-11-25', 'x')");
    for (const fout_ of ["25-11-2026", "2026-13-01", "2026-11-25T19:00", ""]) {
      expect({ datum: fout_, code: await fout(b, "INSERT INTO casustafel (datum, aangemaakt) VALUES ($1, 'x')", [fout_]) }).toEqual({
        datum: fout_,
        code: "23514",
      });
    }
  });

  it("tekst sorteert op codepunt, zoals SQLite (BINARY), welke locale de database ook heeft", async () => {
    const { rows } = await b.query("SELECT x::tekst FROM unnest(ARRAY['b', 'B', 'a', 'é', 'Z']) AS x ORDER BY 1");
    expect(rows.map((r) => r.x)).toEqual(["B", "Z", "a", "b", "é"]);
  });
});
