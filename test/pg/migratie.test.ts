import { afterAll, describe, expect, it } from "vitest";
import { nieuweDatabase, type TestDatabase } from "../helpers/postgres.js";

const dbs: TestDatabase[] = [];
afterAll(() => Promise.all(dbs.map((d) => d.weg())));

describe("PostgreSQL-schema", () => {
  it("de sjabloondatabase is gemigreerd", async () => {
    const db = await nieuweDatabase();
    dbs.push(db);
    const b = await db.beheerder();
    const { rows } = await b.query("SELECT applicatie, versie FROM interventie_schema");
    expect(rows).toEqual([{ applicatie: "interventie", versie: 1 }]);
  });
});
