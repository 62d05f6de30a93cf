import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  BEZWAARTERMIJN,
  deadline,
  eindeTermijn,
  formatTermijn,
  makeKalender,
  parseTermijn,
  termijnInWoorden,
  type AtwDag,
} from "../../src/domain/termijn.js";
import { UserError } from "../../src/errors.js";
import { ROOT } from "../helpers/cli.js";

/** The shipped Algemene termijnenwet days (data/atw-dagen.json), as the CLI reads them. */
const ATW = (JSON.parse(fs.readFileSync(path.join(ROOT, "data/atw-dagen.json"), "utf8")) as { dagen: AtwDag[] }).dagen;
const k = makeKalender(ATW);

describe("Algemene termijnenwet, artikel 3: de dagen die als zondag gelden", () => {
  it("2026: Nieuwjaar, Goede Vrijdag, 2e Paasdag, Koningsdag, 5 mei, Hemelvaart, 2e Pinksterdag, beide Kerstdagen", () => {
    expect(k.atwDagenTussen("2026-01-01", "2026-12-31")).toEqual([
      "2026-01-01",
      "2026-04-03",
      "2026-04-06",
      "2026-04-27",
      "2026-05-05",
      "2026-05-14",
      "2026-05-25",
      "2026-12-25",
      "2026-12-26",
    ]);
  });

  it("2027: Pasen valt op 28 maart, Koningsdag op dinsdag, Kerst in het weekend", () => {
    expect(k.atwDagenTussen("2027-01-01", "2027-12-31")).toEqual([
      "2027-01-01",
      "2027-03-26",
      "2027-03-29",
      "2027-04-27",
      "2027-05-05",
      "2027-05-06",
      "2027-05-17",
      "2027-12-25",
      "2027-12-26",
    ]);
  });

  it("Goede Vrijdag en 5 mei zijn geen werkdag, ook buiten lustrumjaren; Koningsdag op 26 april als de 27e op zondag valt", () => {
    expect(k.isWerkdag("2026-04-03")).toBe(false);
    expect(k.isWerkdag("2026-05-05")).toBe(false);
    expect(k.isWerkdag("2027-05-05")).toBe(false);
    expect(k.isAtwDag("2025-04-26")).toBe(true);
    expect(k.isAtwDag("2025-04-27")).toBe(false);
  });

  it("weekend is geen werkdag", () => {
    expect(k.isWerkdag("2026-11-21")).toBe(false);
    expect(k.isWerkdag("2026-11-22")).toBe(false);
    expect(k.isWerkdag("2026-11-23")).toBe(true);
  });

  it("een dag die bij Koninklijk Besluit is toegevoegd staat als vaste datum in de lijst", () => {
    const metKb = makeKalender([...ATW, { regel: "2027-03-15", naam: "bij KB toegevoegd" }]);
    expect(metKb.isWerkdag("2027-03-15")).toBe(false);
    expect(k.isWerkdag("2027-03-15")).toBe(true);
  });

  it("een onleesbare regel is de fout van de gebruiker (exit 2), niet van het programma", () => {
    const kapot = makeKalender([{ regel: "elke dinsdag", naam: "x" }]);
    expect(() => kapot.isWerkdag("2026-01-06")).toThrow(UserError);
  });
});

describe("werkdagen tellen (deadlines van de opvolging)", () => {
  it("over een weekend heen", () => {
    expect(k.addWerkdagen("2026-11-20", 1)).toBe("2026-11-23"); // vrijdag → maandag
    expect(k.addWerkdagen("2026-11-21", 1)).toBe("2026-11-23"); // zaterdag → maandag
    expect(k.addWerkdagen("2026-11-16", 5)).toBe("2026-11-23");
  });

  it("over Koningsdag en 5 mei (beide in 2026 een werkdag van de week)", () => {
    expect(k.addWerkdagen("2026-04-24", 1)).toBe("2026-04-28");
    // 10 werkdagen vanaf maandag 20 april: 27 april en 5 mei tellen niet.
    expect(deadline(k, "2026-04-20", 10, "werkdagen")).toBe("2026-05-06");
  });

  it("over Pasen (Goede Vrijdag en 2e Paasdag), Hemelvaart en Pinksteren", () => {
    expect(k.addWerkdagen("2026-04-02", 1)).toBe("2026-04-07");
    expect(k.addWerkdagen("2026-05-13", 1)).toBe("2026-05-15");
    expect(k.addWerkdagen("2026-05-22", 1)).toBe("2026-05-26");
  });

  it("over Kerst (vrijdag 25 en zaterdag 26 december 2026) en Nieuwjaar", () => {
    expect(k.addWerkdagen("2026-12-24", 1)).toBe("2026-12-28");
    expect(k.addWerkdagen("2026-12-24", 5)).toBe("2027-01-04");
    expect(deadline(k, "2026-12-18", 10, "werkdagen")).toBe("2027-01-05");
  });

  it("0 werkdagen is de startdatum zelf; kalenderdagen tellen elke dag", () => {
    expect(deadline(k, "2026-11-21", 0, "werkdagen")).toBe("2026-11-21");
    expect(deadline(k, "2026-11-20", 42, "dagen")).toBe("2027-01-01");
  });

  it("weigert een negatieve of gebroken termijn", () => {
    expect(() => deadline(k, "2026-11-20", -1, "dagen")).toThrow(RangeError);
    expect(() => deadline(k, "2026-11-20", 1.5, "werkdagen")).toThrow(RangeError);
  });
});

describe("wettelijke termijnen: einde op een zaterdag, zondag of Atw-dag loopt door tot de volgende werkdag (artikel 1)", () => {
  it("bezwaar (zes weken, 6:7 Awb): brief van vrijdag 13 november 2026 → eindigt niet op Kerst maar op maandag 28 december", () => {
    expect(eindeTermijn(k, "2026-11-13", BEZWAARTERMIJN)).toBe("2026-12-28");
  });

  it("bezwaar van een brief van 16 maart 2027: niet op Koningsdag (dinsdag 27 april) maar woensdag 28 april", () => {
    expect(eindeTermijn(k, "2027-03-16", BEZWAARTERMIJN)).toBe("2027-04-28");
  });

  it("zienswijze (twee weken) die op Goede Vrijdag zou eindigen, loopt door over Pasen tot dinsdag 7 april 2026", () => {
    expect(eindeTermijn(k, "2026-03-20", parseTermijn("2 weken"))).toBe("2026-04-07");
  });

  it("een termijn die op 5 mei zou eindigen, eindigt op 6 mei; drie werkdagen slaan 5 mei over", () => {
    expect(eindeTermijn(k, "2026-04-21", parseTermijn("2 weken"))).toBe("2026-05-06");
    expect(eindeTermijn(k, "2026-04-30", parseTermijn("3 werkdagen"))).toBe("2026-05-06");
  });

  it("begunstigingstermijn in maanden: drie maanden vanaf 1 oktober 2026 eindigt niet op Nieuwjaar maar maandag 4 januari 2027", () => {
    expect(eindeTermijn(k, "2026-10-01", parseTermijn("3 maanden"))).toBe("2027-01-04");
  });

  it("een termijn die op een werkdag eindigt, blijft staan", () => {
    expect(eindeTermijn(k, "2026-11-23", parseTermijn("4 weken"))).toBe("2026-12-21");
  });
});

describe("termijnen lezen en schrijven", () => {
  it("leest enkelvoud en meervoud; schrijft voor brieven uit in woorden", () => {
    expect(parseTermijn("1 week")).toEqual({ aantal: 1, eenheid: "weken" });
    expect(parseTermijn(" 10 Werkdagen ")).toEqual({ aantal: 10, eenheid: "werkdagen" });
    expect(formatTermijn({ aantal: 1, eenheid: "maanden" })).toBe("1 maand");
    expect(termijnInWoorden(parseTermijn("4 weken"))).toBe("vier weken");
    expect(termijnInWoorden(parseTermijn("1 maand"))).toBe("één maand");
    expect(termijnInWoorden(parseTermijn("26 weken"))).toBe("26 weken");
  });

  it("weigert wat geen termijn is", () => {
    for (const t of ["vier weken", "4", "4 jaren", "0 weken", ""]) expect(() => parseTermijn(t), t).toThrow(UserError);
  });
});
