import { createHash } from "node:crypto";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PgBewijs } from "../../src/db/pg/bewijs.js";
import { pgSql } from "../../src/db/pg/sql.js";
import type { Sql } from "../../src/db/sql.js";
import type { Tx } from "../../src/db/store.js";
import { UserError } from "../../src/errors.js";
import { fout, maakTeam, rijen, terug, type Team } from "../helpers/pg-team.js";
import { nieuweDatabase } from "../helpers/postgres.js";

/**
 * The bytes of evidence on PostgreSQL (bestand_inhoud): who may read, add and remove them, proven
 * at the SQL level as each login in psql, and the store (src/db/pg/bewijs.ts) the commands use.
 *
 *   A  photo of bevinding 1 (Bladel)            B  photo of bevinding 4 (Veldhoven; UWV has a follow-up there)
 *   C  signed PDF of rapport 1 (Bladel)         D  content nothing refers to any more
 */
const inhoud = (t: string) => Buffer.from(`%PDF-1.4 ${t}\n`);
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const [A, B, C, D, E] = ["foto Bladel", "foto Veldhoven", "rapport Bladel", "los", "nieuw"].map(inhoud);
const [a, b, c, d, e] = [A, B, C, D, E].map(sha);
const GEEN_RECHT = "42501";

let t: Team;
beforeAll(async () => {
  t = await maakTeam(await nieuweDatabase());
  const q = (text: string, params: unknown[]) => t.beheerder.query(text, params);
  await q("INSERT INTO bijlage (id, sha256, soort, grootte, aangemaakt) VALUES (10, $1, 'pdf', $3, 'x'), (11, $2, 'pdf', $4, 'x')", [
    a,
    b,
    A.length,
    B.length,
  ]);
  await q("INSERT INTO bevinding_bijlage (bevinding_id, bijlage_id, aangemaakt) VALUES (1, 10, 'x'), (4, 11, 'x')", []);
  await q(
    `INSERT INTO rapport_versie (id, rapport_id, versie, dagtekening, inhoud, inhoud_sha256, pdf_sha256, ondertekend_door,
       ondertekend_gebruiker, ondertekend_op) VALUES (2, 1, 2, '2026-02-03', '{}', repeat('e', 64), $1, 1, 'x', 'x')`,
    [c],
  );
  await q("INSERT INTO hercontrole (opvolging_id, aangemaakt, gewijzigd) VALUES (4, 'x', 'x')", []); // Veldhoven
  for (const x of [A, B, C, D]) await q("INSERT INTO bestand_inhoud (sha256, inhoud, grootte) VALUES ($1, $2, $3)", [sha(x), x, x.length]);
});
afterAll(() => t?.db.weg());

async function hashes(client: pg.Client, where = "true", params: unknown[] = []): Promise<string[]> {
  const { rows } = await client.query(`SELECT sha256 FROM bestand_inhoud WHERE ${where} ORDER BY sha256`, params);
  return rows.map((r) => r.sha256 as string);
}
const gesorteerd = (...x: string[]) => [...x].sort();

describe("bestand_inhoud: lezen", () => {
  it("elke login leest alleen de inhoud waarnaar een rij verwijst die hij mag lezen; de projectleider alles", async () => {
    expect(await hashes(t.projectleider.client)).toEqual(gesorteerd(a, b, c, d));
    expect(await hashes(t.handhaver.client)).toEqual(gesorteerd(a, c)); // Bladel: its photo and its signed report
    expect(await hashes(t.jurist.client)).toEqual([b]); // Veldhoven
    expect(await hashes(t.uwv.client)).toEqual([b]); // the photo of a finding UWV follows up; no reports
    expect(await hashes(t.zonder.client)).toEqual([]); // a login without a mapping
  });

  it("een hash van een andere gemeente opent niets, en de hashes van elders zijn niet te zien", async () => {
    expect(await hashes(t.handhaver.client, "sha256 = $1", [b])).toEqual([]);
    const { rows } = await t.handhaver.client.query("SELECT sha256 FROM bijlage ORDER BY sha256");
    expect(rows.map((r) => r.sha256)).not.toContain(b);
    expect(rows.map((r) => r.sha256)).toContain(a);
  });
});

describe("bestand_inhoud: schrijven", () => {
  it("niemand wijzigt inhoud, ook de projectleider niet; alleen de projectleider verwijdert (bewaartermijn)", async () => {
    for (const login of [t.projectleider, t.handhaver, t.jurist, t.uwv]) {
      expect(await fout(login.client, "UPDATE bestand_inhoud SET grootte = grootte"), login.login).toBe(GEEN_RECHT);
    }
    for (const login of [t.handhaver, t.jurist, t.uwv]) {
      expect(await fout(login.client, "DELETE FROM bestand_inhoud"), login.login).toBe(GEEN_RECHT);
    }
    expect(await rijen(t.projectleider.client, "DELETE FROM bestand_inhoud WHERE sha256 = $1", [d])).toBe(1);
  });

  it("toevoegen alleen na een eigen bijlage of versie die de hash noemt, en alleen met de juiste bytes", async () => {
    const hh = t.handhaver.client;
    const nieuw = "INSERT INTO bestand_inhoud (sha256, inhoud, grootte) VALUES ($1, $2, $3)";
    // Nothing of Bladel names E yet.
    expect(await fout(hh, nieuw, [e, E, E.length])).toBe(GEEN_RECHT);
    // As the tool does: the attachment and its link first (to a finding of Bladel; for a jurist of
    // Veldhoven to a hercontrole there, not to findings), then the content; rolled back after.
    const voegToe = (c: pg.Client, koppeling: string) =>
      terug(c, async () => {
        await c.query("INSERT INTO bijlage (sha256, soort, grootte, aangemaakt) VALUES ($1, 'pdf', $2, 'x')", [e, E.length]);
        const { rows } = await c.query("SELECT bijlage_zoek($1) AS id", [e]);
        await c.query(koppeling, [rows[0].id]);
        await c.query(nieuw, [e, E, E.length]);
        return hashes(c, "sha256 = $1", [e]);
      });
    expect(await voegToe(hh, "INSERT INTO bevinding_bijlage (bevinding_id, bijlage_id, aangemaakt) VALUES (1, $1, 'x')")).toEqual([e]);
    expect(
      await voegToe(t.jurist.client, "INSERT INTO hercontrole_bijlage (opvolging_id, bijlage_id, aangemaakt) VALUES (4, $1, 'x')"),
    ).toEqual([e]);
    // Bytes that are not the hash's: refused by the table itself, also when the row exists (so
    // ON CONFLICT DO NOTHING cannot be used to probe or to overwrite).
    expect(await fout(t.projectleider.client, nieuw, [e, A, A.length])).toBe("23514");
    expect(await fout(t.projectleider.client, `${nieuw} ON CONFLICT (sha256) DO NOTHING`, [a, B, B.length])).toBe("23514");
    // A partner adds no evidence.
    expect(await fout(t.uwv.client, nieuw, [e, E, E.length])).toBe(GEEN_RECHT);
  });
});

describe("bestand_inhoud: omzeilen", () => {
  it("SET ROLE, RLS uitzetten of een andere gemeente koppelen helpen niet", async () => {
    const hh = t.handhaver.client;
    expect(await fout(hh, "SET ROLE interventie_projectleider")).toBe(GEEN_RECHT);
    expect(await fout(hh, "SET ROLE interventie_eigenaar")).toBe(GEEN_RECHT);
    expect(await fout(hh, "ALTER TABLE bestand_inhoud DISABLE ROW LEVEL SECURITY")).toBe(GEEN_RECHT);
    expect(await fout(hh, "ALTER TABLE bestand_inhoud NO FORCE ROW LEVEL SECURITY")).toBe(GEEN_RECHT);
    expect(await fout(hh, "DROP POLICY lezen ON bestand_inhoud")).toBe(GEEN_RECHT);
    // Linking Veldhoven's photo to a finding of Veldhoven: not Bladel's to write.
    expect(await fout(hh, "INSERT INTO bevinding_bijlage (bevinding_id, bijlage_id, aangemaakt) VALUES (4, 11, 'x')")).toBe(GEEN_RECHT);
    // Without the hash, another gemeente's attachment cannot even be named.
    const { rows } = await hh.query("SELECT bijlage_zoek($1) AS id", ["0".repeat(64)]);
    expect(rows[0].id).toBeNull();
    // A login without a mapping finds nothing by hash either.
    expect((await t.zonder.client.query("SELECT bijlage_zoek($1) AS id", [a])).rows[0].id).toBeNull();
  });
});

describe("PgBewijs: de opslag van de opdrachten", () => {
  const sqlVan = (c: pg.Client): Sql => pgSql(c, undefined, (err) => err);
  const tx = (sql: Sql) => ({ sql }) as Tx;

  it("leest geverifieerd, zegt wat ontbreekt en wat los staat", async () => {
    const bewijs = new PgBewijs("postgres://server/kit");
    const sql = sqlVan(t.projectleider.client);
    expect(bewijs.plek).toBe("postgres://server/kit (tabel bestand_inhoud)");
    expect(await bewijs.lees(sql, a)).toEqual({ data: A });
    expect(await bewijs.toestand(sql, a)).toBe("in-orde");
    expect(await bewijs.aanwezig(sql, e)).toBe(false);
    expect(await bewijs.lees(sql, e)).toEqual({ fout: "ontbreekt" });
    expect(await bewijs.los(sql, new Set([a, b, c]))).toEqual([d]);
    // Through row-level security: Bladel's handhaver does not see Veldhoven's photo.
    expect(await bewijs.lees(sqlVan(t.handhaver.client), b)).toEqual({ fout: "ontbreekt" });
  });

  it("plaatst elke inhoud één keer, in de transactie; een gewijzigde rij wordt gemeld, nooit aangevuld", async () => {
    const bewijs = new PgBewijs("kit");
    const pl = t.projectleider.client;
    await terug(pl, async () => {
      const p = bewijs.neemBytes(D);
      expect([p.sha256, p.grootte]).toEqual([d, D.length]);
      await p.place(tx(sqlVan(pl))); // already there: stays, checked
      await bewijs.neemBytes(E).place(tx(sqlVan(pl)));
      expect(await hashes(pl, "sha256 IN ($1, $2)", [d, e])).toEqual(gesorteerd(d, e));
    });
    expect(await hashes(pl, "sha256 = $1", [e])).toEqual([]); // rolled back with the transaction

    // The owner alone could drop the CHECKs and alter a row; the store then says so.
    const eigenaar = t.beheerder;
    await terug(eigenaar, async () => {
      await eigenaar.query("ALTER TABLE bestand_inhoud DROP CONSTRAINT inhoud_is_hash, DROP CONSTRAINT grootte_is_lengte");
      await eigenaar.query("UPDATE bestand_inhoud SET inhoud = inhoud || '\\x00'::bytea WHERE sha256 = $1", [d]);
      const sql = sqlVan(eigenaar);
      expect(await bewijs.toestand(sql, d)).toBe("gewijzigd");
      expect(await bewijs.lees(sql, d)).toEqual({ fout: "gewijzigd" });
      await expect(bewijs.neemBytes(D).place(tx(sql))).rejects.toThrow(UserError);
    });
  });
});
