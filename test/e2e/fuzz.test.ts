import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, cliInProcess, dump, initDb, tempDir } from "../helpers/cli.js";
import { count } from "../helpers/avg.js";
import { normalisePostcode, normaliseToevoeging, parseHuisnummer, parseObjectType, validateAdres } from "../../src/domain/adres.js";
import { adresImportPlanner } from "../../src/domain/adres-import.js";
import { assessCasus, grensdatum, parseMaanden, teVerwijderen, type Casus } from "../../src/domain/bewaartermijn.js";
import { parseDate } from "../../src/domain/dates.js";
import { optionalText, parseCount, parseEnum, parseId, parseList, requireText } from "../../src/domain/invoer.js";
import { pseudonymise } from "../../src/domain/pseudoniem.js";
import { readCsv } from "../../src/io/csv.js";
import { UserError } from "../../src/errors.js";

/** A validator either returns or throws a UserError (→ exit 2); anything else would be exit 1. */
async function readsOrRefuses(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof UserError) {
      expect(err.message).toMatch(/\S/);
      return err;
    }
    throw err;
  }
}

function returnsOrRefuses<T>(fn: () => T): T | UserError {
  try {
    return fn();
  } catch (err) {
    if (err instanceof UserError) {
      expect(err.message).toMatch(/\S/);
      return err;
    }
    throw err;
  }
}

// Strings a user or a spreadsheet can produce, hostile ones included.
const tekst = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "0",
    "-1",
    "1e3",
    "0x10",
    "NaN",
    "Infinity",
    "5531 ab",
    "31-02-2026",
    "2026-02-29",
    "'; DROP TABLE adres; --",
    "\u0000",
    "\u001b[31m",
    "Łukasz Wiśniewski",
    "9".repeat(30),
  ),
  fc.integer().map(String),
  fc.double().map(String),
);

describe("validators (in-process)", () => {
  it("weigeren of accepteren willekeurige tekst, nooit een andere fout", () => {
    fc.assert(
      fc.property(tekst, (s) => {
        const pc = returnsOrRefuses(() => normalisePostcode(s));
        if (typeof pc === "string") expect(pc).toMatch(/^[1-9]\d{3}[A-Z]{2}$/);
        const nr = returnsOrRefuses(() => parseHuisnummer(s));
        if (typeof nr === "number") expect(Number.isInteger(nr) && nr >= 1 && nr <= 99999).toBe(true);
        returnsOrRefuses(() => normaliseToevoeging(s));
        returnsOrRefuses(() => parseObjectType(s));
        const t = returnsOrRefuses(() => requireText("veld", s, 50));
        if (typeof t === "string")
          expect(t.length > 0 && t.length <= 50 && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\n\t]/.test(t)).toBe(true);
        returnsOrRefuses(() => optionalText("veld", s));
        const id = returnsOrRefuses(() => parseId("id", s));
        if (typeof id === "number") expect(Number.isSafeInteger(id) && id >= 1).toBe(true);
        returnsOrRefuses(() => parseCount("personen", s));
        returnsOrRefuses(() => parseEnum("rol", s, ["eigenaar", "verhuurder"] as const));
        const d = returnsOrRefuses(() => parseDate(s));
        if (typeof d === "string") expect(parseDate(d)).toBe(d); // round-trips
        const m = returnsOrRefuses(() => parseMaanden(s));
        if (typeof m === "number") expect(m >= 1 && m <= 1200).toBe(true);
        expect(parseList(s).every((x) => x.trim() === x && x !== "")).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("een geldige datum in beide notaties geeft dezelfde ISO-datum", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2000-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }), (date) => {
        const iso = date.toISOString().slice(0, 10);
        const [y, m, d] = iso.split("-");
        expect(parseDate(iso)).toBe(iso);
        expect(parseDate(`${d}-${m}-${y}`)).toBe(iso);
      }),
    );
  });

  it("een datum buiten 2000–2100 wordt in beide notaties geweigerd (issue 17)", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.date({ min: new Date("1000-01-01"), max: new Date("1999-12-31"), noInvalidDate: true }),
          fc.date({ min: new Date("2101-01-01"), max: new Date("9999-12-31"), noInvalidDate: true }),
        ),
        (date) => {
          const iso = date.toISOString().slice(0, 10);
          const [y, m, d] = iso.split("-");
          expect(() => parseDate(iso)).toThrow(/buiten de jaren 2000–2100/);
          expect(() => parseDate(`${d}-${m}-${y}`)).toThrow(/buiten de jaren 2000–2100/);
        },
      ),
    );
  });

  it("willekeurige adresrijen: validateAdres en de importplanner weigeren netjes per regel", () => {
    const rij = fc.record({
      postcode: tekst,
      huisnummer: tekst,
      toevoeging: tekst,
      straat: tekst,
      plaats: tekst,
      gemeente: fc.oneof(tekst, fc.constant("Veldhoven")),
      type: tekst,
    });
    fc.assert(
      fc.property(fc.array(rij, { maxLength: 8 }), (rows) => {
        for (const r of rows) returnsOrRefuses(() => validateAdres(r));
        const planner = adresImportPlanner(
          (naam) => (naam.toLowerCase() === "veldhoven" ? 7 : undefined),
          () => undefined,
        );
        rows.forEach((values, i) => planner.add({ line: i + 2, values }));
        const plan = planner.plan;
        expect(plan.rows.length + plan.errors.length).toBe(rows.length);
        expect(plan.errors.every((e) => /^regel \d+: /.test(e))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("willekeurige CSV-bestanden: readCsv leest of weigert met een UserError", async () => {
    const dir = tempDir();
    const file = path.join(dir, "x.csv");
    const cel = fc.oneof(tekst, fc.constantFrom('"', '""', '"a,b"', ";", ",", "\r\n", "\uFEFF"));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cel, { maxLength: 8 }), { maxLength: 6 }),
        fc.constantFrom(",", ";"),
        fc.boolean(),
        async (rows, sep, header) => {
          const lines = rows.map((r) => r.join(sep));
          if (header) lines.unshift(["postcode", "huisnummer", "toevoeging", "straat", "plaats", "gemeente", "type"].join(sep));
          fs.writeFileSync(file, lines.join("\n"));
          const gelezen: { line: number }[] = [];
          const out = await readsOrRefuses(() =>
            readCsv(file, { required: ["postcode", "huisnummer", "straat", "plaats", "gemeente"], optional: ["toevoeging", "type"] }, (r) =>
              gelezen.push(r),
            ),
          );
          if (typeof out === "number") {
            expect(out).toBe(gelezen.length);
            expect(gelezen.every((r, i) => Number.isInteger(r.line) && r.line >= 2 && (i === 0 || r.line > gelezen[i - 1]!.line))).toBe(
              true,
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("bewaartermijn: nooit een casus met open opvolging of recente activiteit", () => {
    const datum = fc
      .date({ min: new Date("2015-01-01"), max: new Date("2030-12-31"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const casus: fc.Arbitrary<Casus> = fc.record({
      adresId: fc.integer({ min: 1, max: 1000 }),
      opvolgingStatussen: fc.array(fc.constantFrom("open", "in-behandeling", "afgerond", "doodgelopen"), { maxLength: 4 }),
      laatsteActiviteit: fc.option(datum, { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(casus, { maxLength: 20, selector: (c) => c.adresId }),
        datum,
        fc.integer({ min: 1, max: 120 }),
        (casussen, vandaag, maanden) => {
          const weg = new Set(teVerwijderen(casussen, vandaag, maanden));
          for (const c of casussen) {
            const open = c.opvolgingStatussen.some((s) => s === "open" || s === "in-behandeling");
            const recent = c.laatsteActiviteit === null || c.laatsteActiviteit >= grensdatum(vandaag, maanden);
            expect(assessCasus(c, vandaag, maanden).magWeg).toBe(!open && !recent);
            expect(weg.has(c.adresId)).toBe(!open && !recent);
          }
        },
      ),
    );
  });

  it("pseudoniem: geen naam overleeft, codes zijn vast en verschillen per geheim", () => {
    const naam = fc.string({ unit: "grapheme", minLength: 4, maxLength: 30 }).filter((s) => s.trim().length >= 4);
    fc.assert(
      fc.property(fc.array(naam, { minLength: 1, maxLength: 5 }), (namen) => {
        const tabellen = {
          betrokkene: namen.map((n, i) => ({ id: i + 1, naam: n, postadres: `${n} straat`, kvk: null })),
          avond_rol: namen.map((n, i) => ({ id: i + 1, naam: n, telefoon: "0612345678" })),
          audit_log: namen.map((n, i) => ({ id: i + 1, gebruiker: n, tabel: "adres" })),
          adres: [{ id: 1, straat: "Kerkstraat" }],
        };
        const a = pseudonymise(tabellen, "geheim-1");
        const text = JSON.stringify(a);
        for (const n of namen) expect(text.includes(JSON.stringify(n))).toBe(false);
        expect(a.adres).toEqual(tabellen.adres);
        expect(pseudonymise(tabellen, "geheim-1")).toEqual(a);
        expect(pseudonymise(tabellen, "geheim-2").betrokkene![0]!.naam).not.toBe(a.betrokkene![0]!.naam);
      }),
    );
  });
});

describe("importeurs en opdrachten met willekeurige invoer (CLI)", () => {
  let db: string;
  let dir: string;
  beforeAll(() => {
    db = initDb();
    dir = tempDir();
  });

  it("adres importeren: exit 0 of 2, nooit 1; bij 2 niets geschreven, bij 0 alle regels", async () => {
    const rij = fc.record({
      postcode: fc.oneof(tekst, fc.constantFrom("5504AB", "5504 ab", "5611XY")),
      huisnummer: fc.oneof(tekst, fc.integer({ min: 1, max: 500 }).map(String)),
      toevoeging: fc.oneof(fc.constant(""), tekst),
      straat: fc.oneof(tekst, fc.constant("Dorpsstraat")),
      plaats: fc.oneof(tekst, fc.constant("Veldhoven")),
      gemeente: fc.oneof(tekst, fc.constant("Veldhoven")),
      type: fc.oneof(fc.constant(""), fc.constant("woning"), tekst),
    });
    // Mostly-valid rows too, so the success path (all rows written) is exercised as well.
    const geldig = fc.record({
      postcode: fc.constantFrom("5504AB", "5504 ab", "5611XY", "5502CD"),
      huisnummer: fc.integer({ min: 1, max: 100_000 }).map(String),
      toevoeging: fc.constantFrom("", "A", "bis"),
      straat: fc.constantFrom("Dorpsstraat", "Ştefan cel Mare-laan"),
      plaats: fc.constant("Veldhoven"),
      gemeente: fc.constantFrom("Veldhoven", "veldhoven"),
      type: fc.constantFrom("", "woning", "Loods"),
    });
    let geimporteerd = 0;
    const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.array(rij, { maxLength: 4 }), fc.array(geldig, { minLength: 1, maxLength: 4 })),
        fc.constantFrom(",", ";"),
        async (rows, sep) => {
          const file = path.join(dir, `import-${n++}.csv`);
          const head = ["postcode", "huisnummer", "toevoeging", "straat", "plaats", "gemeente", "type"];
          fs.writeFileSync(file, [head.join(sep), ...rows.map((r) => head.map((h) => quote(r[h as keyof typeof r])).join(sep))].join("\n"));
          const before = dump(db);
          const adressen = count(db, "SELECT count(*) AS n FROM adres");
          const r = await cliInProcess(db, ["--json", "adres", "importeren", file]);
          expect([0, 2], r.stderr).toContain(r.code);
          expect(r.stderr).not.toMatch(/\n\s+at /);
          if (r.code === 2) expect(dump(db)).toBe(before);
          else {
            expect(count(db, "SELECT count(*) AS n FROM adres")).toBe(adressen + r.json().geimporteerd);
            expect(r.json().geimporteerd).toBe(rows.length);
            geimporteerd += rows.length;
          }
        },
      ),
      { numRuns: 40 },
    );
    expect(geimporteerd).toBeGreaterThan(0);
  });

  it("signaal/betrokkene toevoegen met willekeurige waarden: exit 0 of 2; bij 2 niets geschreven", async () => {
    ok0(
      await cliInProcess(db, [
        "adres",
        "toevoegen",
        "--postcode",
        "5504ZZ",
        "--huisnummer",
        "1",
        "--straat",
        "S",
        "--plaats",
        "P",
        "--gemeente",
        "Veldhoven",
      ]),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("signaal", "betrokkene"), tekst, tekst, tekst, async (soort, a, b, c) => {
        const args =
          soort === "signaal"
            ? ["signaal", "toevoegen", "--adres", a, "--partner", "Politie", "--omschrijving", b, "--datum", c]
            : ["betrokkene", "toevoegen", "--naam", a, "--rol", "eigenaar", "--kvk", b, "--postadres", c];
        const before = dump(db);
        const r = await cliInProcess(db, args);
        expect([0, 2], r.stderr).toContain(r.code);
        if (r.code === 2) expect(dump(db)).toBe(before);
      }),
      { numRuns: 40 },
    );
    // And the binary agrees with the in-process runs on one hostile case.
    expect(cli(db, ["signaal", "toevoegen", "--adres", "1\u0007", "--partner", "Politie", "--omschrijving", "x"]).code).toBe(2);
  });
});

function ok0(r: { code: number; stderr: string }): void {
  if (r.code !== 0) throw new Error(r.stderr);
}
