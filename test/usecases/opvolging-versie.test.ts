import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requireOpvolging, updateOpvolging } from "../../src/db/opvolging.js";
import { PgStore } from "../../src/db/pg/store.js";
import { dezeOmgeving } from "../../src/db/pg/verbinding.js";
import { SqliteStore } from "../../src/db/sqlite/store.js";
import type { Store } from "../../src/db/store.js";
import { UserError } from "../../src/errors.js";
import { changeOpvolging } from "../../src/usecases/opvolging.js";
import { avondMetAdressen, voegToe } from "../helpers/bevinding.js";
import { cli, ok, tempDir } from "../helpers/cli.js";
import { ZAAD } from "../helpers/pg-team.js";
import { nieuweDatabase, pgServer, type TestDatabase } from "../helpers/postgres.js";

/**
 * Issue 16 pt 3 on both stores, under the CLI: a change with an expected versie is refused when the
 * row has another one, both by the check before deciding and by the UPDATE itself (… AND versie = ?).
 */
const WIE = { gebruiker: "tester", vandaag: () => "2026-12-01" };

async function telAudit(store: Store): Promise<number> {
  return (await store.read((sql) => sql.get<{ n: number }>("SELECT count(*) AS n FROM audit_log")))!.n;
}

function gedeeld(naam: string, maak: () => Promise<{ store: Store; id: number }>) {
  describe(naam, () => {
    let store: Store;
    let id: number;
    beforeAll(async () => ({ store, id } = await maak()), 60_000);

    it("een wijziging op de huidige versie slaagt en verhoogt haar; op een oude versie: intussen-gewijzigd, niets geschreven", async () => {
      const voor = await store.read((sql) => requireOpvolging(sql, id));
      const { opvolging } = await changeOpvolging(store, id, { status: "in-behandeling" }, ["status"], {}, voor.versie);
      expect(opvolging.versie).toBe(voor.versie + 1);
      const audit = await telAudit(store);
      const fout = await changeOpvolging(store, id, { resultaat: "oud beeld" }, ["resultaat"], {}, voor.versie).catch((e: unknown) => e);
      expect(fout).toBeInstanceOf(UserError);
      expect((fout as UserError).code).toBe("intussen-gewijzigd");
      expect((fout as UserError).message).toMatch(new RegExp(`^Opvolging ${id} is intussen gewijzigd door \\S+ op `));
      expect(await store.read((sql) => requireOpvolging(sql, id))).toMatchObject({ versie: voor.versie + 1, resultaat: null });
      expect(await telAudit(store)).toBe(audit);
    });

    it("de UPDATE zelf schrijft niets bij een andere versie (de bewaking in de transactie)", async () => {
      const o = await store.read((sql) => requireOpvolging(sql, id));
      const audit = await telAudit(store);
      const v = {
        status: "afgerond",
        resultaat: "x",
        beeindigd: null,
        deadline: o.deadline,
        partnerId: o.partner_id,
        geslotenOp: "2026-12-01",
      };
      expect(await store.change((tx) => updateOpvolging(tx, id, v, ["status"], o.versie - 1))).toBe(false);
      expect(await store.read((sql) => requireOpvolging(sql, id))).toMatchObject({ status: o.status, versie: o.versie });
      expect(await telAudit(store)).toBe(audit);
    });
  });
}

let pg: TestDatabase | undefined;
const stores: Store[] = [];
afterAll(async () => {
  for (const s of stores) await s.close();
  await pg?.weg();
});

gedeeld("SQLite", async () => {
  const { db, avond, kerkstraat } = avondMetAdressen();
  const b = voegToe(db, avond, kerkstraat, "overbewoning");
  const o = ok(
    cli(db, ["--json", "opvolging", "toevoegen", "--bevinding", String(b.id), "--actie", "Gesprek", "--deadline", "2026-12-15"]),
  ).json();
  const store = new SqliteStore(db, WIE);
  stores.push(store);
  return { store, id: o.id as number };
});

gedeeld("PostgreSQL", async () => {
  pg = await nieuweDatabase();
  await (await pg.beheerder()).query(ZAAD);
  const s = pgServer();
  const store = new PgStore(pg.url(s.beheerder.login), WIE, {
    ...dezeOmgeving(),
    env: { PGPASSWORD: s.beheerder.wachtwoord },
    home: tempDir(),
  });
  stores.push(store);
  return { store, id: 1 };
});
