import fs from "node:fs";
import path from "node:path";
import { PDFParse } from "pdf-parse";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, dump, initDb, ok, tempDir } from "../helpers/cli.js";
import { seedRapportData, VANDAAG, type RapportData } from "../helpers/rapport-data.js";

const MAART = ["--van", "2026-03-01", "--tot", "2026-03-31"];
let data: RapportData;
const run = (args: string[]) => cli(data.db, args);
const top = (args: string[]) => ok(run(["--json", "rapport", "top", ...args])).json();
const codes = (r: { top: { categorie: string }[] }) => r.top.map((t) => t.categorie);

beforeAll(() => {
  data = seedRapportData();
});

describe("rapport top", () => {
  it("prints exactly the contract's JSON: top ordered by aantal, ties by naam, with overig and totaal", () => {
    const r = run(["rapport", "top", "--n", "5", ...MAART, "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toStrictEqual({
      top: [
        { categorie: "overbewoning", naam: "Overbewoning", aantal: 5 },
        // 4 and 4: "Adresfraude (BRP)" before "Niet voldaan aan brandveiligheidseisen"
        { categorie: "adresfraude", naam: "Adresfraude (BRP)", aantal: 4 },
        { categorie: "brandveiligheid", naam: "Niet voldaan aan brandveiligheidseisen", aantal: 4 },
        // 3 and 3: "Fraude met energiemeters" before "Strijdig gebruik omgevingsplan"
        { categorie: "energiefraude", naam: "Fraude met energiemeters", aantal: 3 },
        { categorie: "strijdig-gebruik", naam: "Strijdig gebruik omgevingsplan", aantal: 3 },
      ],
      overig: { bevindingen: 9, categorieen: 7 },
      totaal: 28,
    });
  });

  it("cuts the default top 10 inside a tie by name and counts the remainder", () => {
    const r = top(MAART);
    expect(codes(r)).toEqual([
      "overbewoning",
      "adresfraude",
      "brandveiligheid",
      "energiefraude",
      "strijdig-gebruik",
      "asbest", // Gevaarlijke asbestsituatie before Wet arbeid vreemdelingen
      "wav",
      "hennep", // the 1s by name: Hennepkwekerij, Milieuovertreding, Overtreding Arbeidstijdenwet | WAADI, Wet minimumloon
      "milieu",
      "arbeidstijdenwet",
    ]);
    expect(r.overig).toEqual({ bevindingen: 2, categorieen: 2 });
    expect(r.totaal).toBe(28);
  });

  it("shows a table and the remainder line for people", () => {
    const r = ok(run(["rapport", "top", "--n", "5", ...MAART]));
    expect(r.stdout).toContain("+ nog 9 bevindingen verspreid over 7 categorieën");
    expect(r.stdout).toMatch(/Overbewoning[\s│|]+overbewoning[\s│|]+5/);
    expect(r.stdout.indexOf("Adresfraude (BRP)")).toBeLessThan(r.stdout.indexOf("Niet voldaan aan brandveiligheidseisen"));
    expect(r.stdout).toContain("Totaal: 28 bevindingen");
  });

  it("counts by the evening's date with both boundaries inclusive", () => {
    // E1 (1 March) has 10 findings, E3 (31 March) 11; E0 (28 Feb) and E4 (1 April) one hennep each.
    expect(top(["--van", "2026-03-01", "--tot", "2026-03-01"]).totaal).toBe(10);
    expect(top(["--van", "2026-03-31", "--tot", "2026-03-31"]).totaal).toBe(11);
    const maart = top(MAART);
    expect(maart.top.find((t: { categorie: string }) => t.categorie === "hennep").aantal).toBe(1);
    const ruimer = top(["--van", "2026-02-28", "--tot", "2026-04-01"]);
    expect(ruimer.totaal).toBe(30);
    expect(ruimer.top.find((t: { categorie: string }) => t.categorie === "hennep").aantal).toBe(3);
    // Dutch date notation works the same.
    expect(top(["--van", "01-03-2026", "--tot", "31-03-2026"])).toEqual(maart);
    // Only --van or only --tot: open-ended periods.
    expect(top(["--van", "2026-03-01"]).totaal).toBe(29); // + E4
    expect(top(["--tot", "2026-03-31"]).totaal).toBe(31); // + E0 + two wml in 2025
  });

  it("filters on gemeente of the address (names case-insensitive)", () => {
    const r = top(["--gemeente", "veldhoven", ...MAART]);
    expect(r.top).toEqual([
      { categorie: "overbewoning", naam: "Overbewoning", aantal: 5 },
      { categorie: "adresfraude", naam: "Adresfraude (BRP)", aantal: 4 },
      { categorie: "energiefraude", naam: "Fraude met energiemeters", aantal: 2 },
      { categorie: "brandveiligheid", naam: "Niet voldaan aan brandveiligheidseisen", aantal: 2 },
    ]);
    expect(r.totaal).toBe(13);
    expect(top(["--gemeente", "Best"]).totaal).toBe(0); // visited, nothing found
  });

  it("filters on the partner that owns the finding, not the category's default owner", () => {
    const r = top(["--partner", "iszw", ...MAART]);
    expect(r.top.map((t: { categorie: string; aantal: number }) => [t.categorie, t.aantal])).toEqual([
      ["wav", 2],
      ["brandveiligheid", 1], // owned by ISZW in the data, category's default is the Veiligheidsregio
      ["arbeidstijdenwet", 1],
      ["waadi", 1],
      ["wml", 1],
    ]);
    expect(r.totaal).toBe(6);
    expect(top(["--partner", "Veiligheidsregio", ...MAART]).totaal).toBe(3);
    expect(top(["--partner", "ISZW", "--gemeente", "Eersel", ...MAART]).totaal).toBe(1); // waadi at A5
  });

  it("says so clearly for an empty period (exit 0), and gives an empty top in JSON", () => {
    const r = ok(run(["rapport", "top", "--van", "2030-01-01", "--tot", "2030-12-31"]));
    expect(r.stdout).toContain("Geen bevindingen in deze periode");
    expect(r.stdout).not.toMatch(/[┌│]/); // no empty table
    expect(top(["--van", "2030-01-01"])).toStrictEqual({ top: [], overig: { bevindingen: 0, categorieen: 0 }, totaal: 0 });
  });

  it("writes CSV with a header and the remainder row", () => {
    const r = ok(run(["rapport", "top", "--n", "3", "--csv", ...MAART]));
    expect(r.stdout.trim().split("\n")).toEqual([
      "categorie,naam,aantal",
      "overbewoning,Overbewoning,5",
      "adresfraude,Adresfraude (BRP),4",
      "brandveiligheid,Niet voldaan aan brandveiligheidseisen,4",
      // A cell starting with + would be a formula in a spreadsheet: the apostrophe keeps it text (issue 17).
      "overig,'+ nog 15 bevindingen verspreid over 9 categorieën,15",
    ]);
  });

  it.each([
    [["--n", "0"], /--n/],
    [["--n", "-3"], /--n/],
    [["--n", "2.5"], /--n/],
    [["--n", "tien"], /--n/],
    [["--van", "2026-02-30"], /--van/],
    [["--tot", "morgen"], /--tot/],
    [["--van", "2026-04-01", "--tot", "2026-03-01"], /ligt na/],
    [["--gemeente", "Oss"], /Gemeente "Oss" bestaat niet/],
    [["--partner", "Brandweer"], /Partner "Brandweer" bestaat niet/],
  ])("refuses %j with exit 2 and one Dutch line", (args, message) => {
    const before = dump(data.db);
    const r = run(["rapport", "top", ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stdout).toBe("");
    expect(dump(data.db)).toBe(before);
  });

  it("reports a JSON error document with --json", () => {
    const r = run(["--json", "rapport", "top", "--gemeente", "Oss"]);
    expect(r.code).toBe(2);
    expect(r.json().fout.code).toBe("niet-gevonden");
  });

  it("makes a PDF with the bar chart's labels, the table and the remainder line", async () => {
    const file = path.join(tempDir(), "top10.pdf");
    ok(run(["rapport", "top", ...MAART, "--pdf", file]));
    const text = await pdfText(file);
    expect(text).toContain("Top 10 van de meest voorkomende overtredingen");
    expect(text).toContain("Periode: 1 maart 2026 t/m 31 maart 2026");
    expect(text).toContain("+ nog 2 bevindingen verspreid over 2 categorieën");
    // Label in the chart and in the table: twice.
    expect(text.split("Overtreding Arbeidstijdenwet").length - 1).toBe(2);
    expect(text).not.toContain("WAADI");
  });
});

describe("rapport jaar", () => {
  const jaar = () => ok(run(["--json", "--vandaag", VANDAAG, "rapport", "jaar", "2026"])).json();

  it("gives every section with known numbers as JSON", () => {
    const r = jaar();
    expect(r).toMatchObject({ jaar: 2026, van: "2026-01-01", tot: "2026-12-31", vandaag: VANDAAG, bezochteAdressen: 6 });
    expect(r.objecten).toEqual([
      { type: "woning", bezoeken: 6, adressen: 3 },
      { type: "loods", bezoeken: 2, adressen: 1 },
      { type: "chalet", bezoeken: 1, adressen: 1 },
      { type: "horeca", bezoeken: 1, adressen: 1 }, // the 2025 visit does not count
    ]);
    expect(r.gemeenten).toEqual([
      { gemeente: "Best", avonden: 1, adressen: 1, bezoeken: 1, bevindingen: 0 },
      { gemeente: "Bladel", avonden: 2, adressen: 1, bezoeken: 2, bevindingen: 7 },
      { gemeente: "Eersel", avonden: 2, adressen: 2, bezoeken: 2, bevindingen: 8 },
      { gemeente: "Veldhoven", avonden: 4, adressen: 2, bezoeken: 5, bevindingen: 15 },
    ]);
    expect(r.themas).toEqual([
      { thema: "huisvesting", bevindingen: 8, adressen: 4 },
      { thema: "fraude", bevindingen: 7, adressen: 2 },
      { thema: "arbeid", bevindingen: 5, adressen: 2 },
      { thema: "brandveiligheid", bevindingen: 4, adressen: 3 },
      { thema: "drugs", bevindingen: 3, adressen: 3 },
      { thema: "milieu", bevindingen: 3, adressen: 1 },
    ]);
    expect(r.top.totaal).toBe(30);
    expect(r.top.overig).toEqual({ bevindingen: 2, categorieen: 2 });
    expect(r.top.top.slice(0, 6).map((t: { categorie: string }) => t.categorie)).toEqual([
      "overbewoning",
      "adresfraude",
      "brandveiligheid",
      "energiefraude",
      "hennep",
      "strijdig-gebruik",
    ]);
    // HAM-style: share of the 6 visited addresses with at least one finding of the category.
    const pct = Object.fromEntries(r.top.top.map((t: { categorie: string; percentage: number }) => [t.categorie, t.percentage]));
    expect(pct).toMatchObject({ overbewoning: 33.3, adresfraude: 16.7, brandveiligheid: 50, hennep: 50 });
    expect(r.maatregelen).toEqual({
      totaal: 3,
      soorten: [
        { maatregel: "Pand gesloten", aantal: 2 },
        { maatregel: "Stroom afgesloten", aantal: 1 },
      ],
    });
    expect(r.personen).toEqual({ totaal: 22, adressen: 3 });
    expect(r.opvolging).toEqual({
      bevindingen: 30,
      metOpvolging: 6,
      bevindingenAfgerond: 2,
      percentage: 33.3,
      opvolgingen: 9,
      afgerond: 4,
      open: 4,
      verlopen: 2,
      doodgelopen: 1,
    });
  });

  it("gives results per partner: findings owned, follow-ups done, open, overdue, doodgelopen", () => {
    const partners = Object.fromEntries(jaar().partners.map((p: { naam: string }) => [p.naam, p]));
    expect(partners.Gemeente).toEqual({
      naam: "Gemeente",
      bevindingen: 12,
      metOpvolging: 2,
      bevindingenAfgerond: 1,
      percentage: 50,
      opvolgingen: 4,
      afgerond: 2,
      open: 2,
      verlopen: 2,
      doodgelopen: 0,
    });
    expect(partners["Nederlandse Arbeidsinspectie"]).toMatchObject({ bevindingen: 6, doodgelopen: 1, percentage: 100 }); // the data says ISZW
    expect(partners.Politie).toMatchObject({ bevindingen: 3, opvolgingen: 2, afgerond: 1, open: 1, verlopen: 0 }); // due today is not overdue
    expect(partners.Belastingdienst).toMatchObject({ bevindingen: 0, afgerond: 1, percentage: null });
  });

  it("judges overdue against --vandaag", () => {
    const later = ok(run(["--json", "--vandaag", "2026-07-02", "rapport", "jaar", "2026"])).json();
    expect(later.opvolging.verlopen).toBe(4); // + Omgevingsdienst (1 July) and Politie (1 June)
  });

  it("writes a PDF whose text contains every section heading", async () => {
    const file = path.join(tempDir(), "jaarverslag-2026.pdf");
    const r = ok(run(["--vandaag", VANDAAG, "rapport", "jaar", "2026", "--pdf", file]));
    expect(r.stdout).toContain("PDF geschreven");
    const text = await pdfText(file);
    for (const kop of [
      "Jaarverslag 2026",
      "Bezochte objecten naar type",
      "Controleavonden en adressen per gemeente",
      "Acties per thema",
      "Top 10 van de meest voorkomende overtredingen",
      "+ nog 2 bevindingen verspreid over 2 categorieën",
      "Resultaten per partnerorganisatie",
      "Direct genomen maatregelen",
      "Aangetroffen personen",
      "Opvolgingspercentage",
    ]) {
      expect(text, kop).toContain(kop);
    }
    expect(text).toContain("22 personen aangetroffen op 3 adressen");
    expect(text).toContain("33,3% van de bevindingen met opvolging");
  });

  it("refuses a year that is not a year", () => {
    const r = run(["rapport", "jaar", "26"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/jaartal/);
  });

  it("still makes a readable report for a year without evenings", async () => {
    const file = path.join(tempDir(), "leeg.pdf");
    const r = ok(run(["rapport", "jaar", "2031", "--pdf", file]));
    expect(r.stdout).toContain("Geen bevindingen in deze periode");
    expect(await pdfText(file)).toContain("Opvolgingspercentage");
  });
});

describe("rapport opvolging", () => {
  it("gives the follow-up rate and overdue counts per gemeente and per owner", () => {
    const r = ok(run(["--json", "--vandaag", VANDAAG, "rapport", "opvolging"])).json();
    const g = Object.fromEntries(r.gemeenten.map((x: { naam: string }) => [x.naam, x]));
    expect(g.Veldhoven).toMatchObject({
      bevindingen: 15,
      metOpvolging: 3,
      bevindingenAfgerond: 1,
      percentage: 33.3,
      opvolgingen: 4,
      afgerond: 2,
      open: 2,
      verlopen: 1,
    });
    expect(g.Eersel).toMatchObject({
      bevindingen: 10,
      metOpvolging: 2,
      bevindingenAfgerond: 0,
      percentage: 0,
      opvolgingen: 4,
      open: 2,
      verlopen: 1,
    });
    expect(g.Bladel).toMatchObject({ bevindingen: 7, metOpvolging: 1, bevindingenAfgerond: 1, percentage: 100, doodgelopen: 1 });
    expect(r.totaal).toMatchObject({ bevindingen: 32, metOpvolging: 6, bevindingenAfgerond: 2, opvolgingen: 9, verlopen: 2 });
    const p = Object.fromEntries(r.partners.map((x: { naam: string }) => [x.naam, x]));
    expect(p.Gemeente).toMatchObject({ opvolgingen: 4, open: 2, verlopen: 2 });
    expect(p.Omgevingsdienst).toMatchObject({ opvolgingen: 1, open: 1, verlopen: 0 });
  });

  it("prints tables per gemeente and per partner for people", () => {
    const r = ok(run(["--vandaag", VANDAAG, "rapport", "opvolging"]));
    expect(r.stdout).toContain("Per gemeente");
    expect(r.stdout).toContain("Per partner");
    expect(r.stdout).toContain("33,3% van de bevindingen met opvolging is afgehandeld (2 van 6)");
  });

  it("says so when there is nothing to follow up", () => {
    const r = ok(cli(initDb(), ["rapport", "opvolging"]));
    expect(r.stdout).toContain("Geen bevindingen in deze periode");
  });
});

async function pdfText(file: string): Promise<string> {
  const buf = fs.readFileSync(file);
  expect(buf.subarray(0, 5).toString()).toBe("%PDF-");
  return (await new PDFParse({ data: buf }).getText()).text;
}
