import { describe, expect, it } from "vitest";
import { addAdres, addAvond, cli, dump, initDb, ok, signaalArgs } from "../helpers/cli.js";
import { count, exec } from "../helpers/avg.js";
import { insertAvond, insertBevinding, insertOpvolging } from "../helpers/fixtures.js";

/**
 * Issue 17, point 3: dates stay in a sane range. An evening dated 9999-12-31 was accepted and
 * `bevinding toevoegen` then looped at 100 % CPU holding the write lock; a signal dated in the
 * future kept its case from ever reaching the retention term.
 */
const VANDAAG = ["--vandaag", "2026-11-23"];

describe("alleen jaren 2000–2100", () => {
  const db = initDb();
  addAdres(db);
  addAvond(db, 1);
  ok(cli(db, ["bevinding", "toevoegen", "--avond", "1", "--adres", "1", "--categorie", "milieu", "--omschrijving", "Afval"]));

  it.each([
    ["avond nieuw 9999-12-31", ["avond", "nieuw", "--casustafel", "1", "--datum", "9999-12-31", "--doel", "x"]],
    ["avond nieuw 31-12-1999", ["avond", "nieuw", "--casustafel", "1", "--datum", "31-12-1999", "--doel", "x"]],
    ["casustafel nieuw 0001-01-01", ["casustafel", "nieuw", "--datum", "0001-01-01", "--gemeenten", "Veldhoven"]],
    ["signaal 2101-01-01", signaalArgs(1, "x", "2101-01-01")],
    [
      "opvolging --deadline 9999-12-31",
      ["opvolging", "toevoegen", "--bevinding", "1", "--actie", "x", "--partner", "Politie", "--deadline", "9999-12-31"],
    ],
    ["--vandaag 9999-12-31", ["--vandaag", "9999-12-31", "opvolging", "lijst"]],
    ["rapport top --tot 9999-12-31", ["rapport", "top", "--tot", "9999-12-31"]],
    ["log --sinds 01-01-1970", ["log", "--sinds", "01-01-1970"]],
  ])("%s: exit 2, één regel, niets gewijzigd", (_naam, args) => {
    const voor = dump(db);
    const r = cli(db, args);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/ligt buiten de jaren 2000–2100/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(dump(db)).toBe(voor);
  });

  it("rapport jaar 2101 is geen jaartal", () => {
    const r = cli(db, ["rapport", "jaar", "2101"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/geen jaartal van 2000 t\/m 2100/);
  });

  it("de grenzen zelf mogen", () => {
    ok(cli(db, ["casustafel", "nieuw", "--datum", "2000-01-01", "--gemeenten", "Veldhoven"]));
    ok(cli(db, ["casustafel", "nieuw", "--datum", "31-12-2100", "--gemeenten", "Veldhoven"]));
  });
});

describe("rekenen met datums loopt nooit vast", () => {
  it("een avond van 9999-12-31 uit een oudere versie: bevinding toevoegen stopt meteen met een melding", () => {
    const db = initDb();
    const adres = addAdres(db);
    insertAvond(db, { datum: "9999-12-31", adressen: [adres] });
    const voor = dump(db);
    const r = cli(
      db,
      ["bevinding", "toevoegen", "--avond", "1", "--adres", String(adres), "--categorie", "milieu", "--omschrijving", "x"],
      {
        timeout: 20_000,
      },
    );
    expect(r.code, `exit ${r.code}: ${r.stderr}`).toBe(2);
    expect(r.stderr).toMatch(/valt buiten de kalender/);
    expect(dump(db)).toBe(voor);
  });
});

describe("signalen in de toekomst", () => {
  it("een signaal kan uiterlijk morgen gedateerd zijn", () => {
    const db = initDb();
    const adres = String(addAdres(db));
    const signaal = (datum: string) => cli(db, [...VANDAAG, ...signaalArgs(adres, "x", datum)]);
    ok(signaal("2026-11-24"));
    const r = signaal("2026-11-25");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/25 november 2026 ligt in de toekomst; een signaal kan uiterlijk 24 november 2026 gedateerd zijn/);
  });

  it("een toekomstige datum uit een oudere versie houdt het opschonen niet meer tegen", () => {
    const db = initDb();
    const adres = addAdres(db);
    ok(cli(db, signaalArgs(adres, "x", "2023-02-01")));
    // Recorded in 2023 but dated 2099 (a typo an older version accepted).
    exec(db, "UPDATE signaal SET datum = '2099-02-01', aangemaakt = '2023-02-01T10:00:00.000Z'");
    const avond = insertAvond(db, { datum: "2023-03-01", adressen: [adres] });
    const b = insertBevinding(db, { avond, adres, categorie: "overbewoning" });
    const o = insertOpvolging(db, { bevinding: b, actie: "Hercontrole", deadline: "2023-04-01", status: "afgerond" });
    exec(db, "UPDATE opvolging SET gewijzigd = '2023-05-01T10:00:00.000Z', gesloten_op = '2023-05-01' WHERE id = ?", o);
    const r = ok(cli(db, ["--json", ...VANDAAG, "opschonen", "--ouder-dan", "24", "--ja"])).json();
    expect(r.adressen).toEqual([adres]);
    expect(count(db, "SELECT count(*) AS n FROM signaal")).toBe(0);
  });
});
