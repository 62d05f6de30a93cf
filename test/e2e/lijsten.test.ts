import { beforeAll, describe, expect, it } from "vitest";
import { cli, ok } from "../helpers/cli.js";
import { demoDb } from "../helpers/seed.js";
import { displayWidth } from "../../src/render/terminal.js";

/** Every list and overview a projectleider reads, on the demo team's data (the richest data set we have). */
const LIJSTEN = [
  ["adres", "lijst"],
  ["adres", "toon", "1"],
  ["betrokkene", "lijst"],
  ["betrokkene", "toon", "1"],
  ["signaal", "lijst"],
  ["signaal", "lijst", "--partner", "Gemeente"],
  ["casustafel", "lijst"],
  ["casustafel", "agenda", "1"],
  ["avond", "lijst"],
  ["avond", "toon", "1"],
  ["bevinding", "lijst"],
  ["opvolging", "lijst"],
  ["brief", "lijst"],
  ["categorie", "lijst"],
  ["gemeente", "lijst"],
  ["partner", "lijst"],
  ["sjabloon", "lijst"],
  ["log", "--limiet", "30"],
  ["handhaving", "lijst"],
  ["zienswijze", "lijst"],
  ["toezichthouder", "lijst"],
  ["rapport", "top"],
  ["rapport", "jaar", "2026"],
  ["rapport", "opvolging"],
  ["rapport", "terugkoppeling", "--partner", "Gemeente"],
];

let db: string;
beforeAll(() => {
  db = demoDb();
}, 120_000);

function pastIn(breedte: number, args: readonly string[]): void {
  const r = ok(cli(db, ["--vandaag", "2026-11-23", ...args], { env: { COLUMNS: String(breedte) } }));
  const regels = r.stdout.trimEnd().split("\n");
  for (const regel of regels) expect(displayWidth(regel), regel).toBeLessThanOrEqual(breedte);
  expect(regels.length).toBeGreaterThan(1);
}

describe("lijsten passen in het venster", () => {
  it.each(LIJSTEN.flatMap((args) => [80, 120].map((breedte) => [breedte, args] as const)))("%i kolommen: %j", pastIn);

  it("80 en 120 kolommen: bevinding bijlage lijst", () => {
    for (const breedte of [80, 120]) pastIn(breedte, ["bevinding", "bijlage", "lijst", "1"]);
  });

  it("zonder terminal en zonder COLUMNS: 80 kolommen", () => {
    const r = ok(cli(db, ["bevinding", "lijst"]));
    expect(Math.max(...r.stdout.split("\n").map(displayWidth))).toBeLessThanOrEqual(80);
  });

  it("laat weg wat niet past en zegt dat; --json blijft volledig", () => {
    const smal = ok(cli(db, ["signaal", "lijst"], { env: { COLUMNS: "80" } })).stdout;
    expect(smal).toMatch(/Niet getoond bij deze vensterbreedte: gemeente/);
    expect(smal).toContain("Buren melden"); // what the signal says stays visible
    const breed = ok(cli(db, ["signaal", "lijst"], { env: { COLUMNS: "200" } })).stdout;
    expect(breed).not.toContain("Niet getoond");
    const json = ok(cli(db, ["--json", "signaal", "lijst"], { env: { COLUMNS: "40" } })).json();
    expect(json[0]).toMatchObject({ gemeente: expect.any(String), thema: expect.any(String), omschrijving: expect.any(String) });
    const csv = ok(cli(db, ["rapport", "top", "--csv"], { env: { COLUMNS: "40" } })).stdout;
    expect(csv.split("\n")[0]).toBe("categorie,naam,aantal");
  });

  it("breekt een datum niet over twee regels en houdt kenmerken heel", () => {
    const brieven = ok(cli(db, ["brief", "lijst"], { env: { COLUMNS: "80" } })).stdout;
    expect(brieven).toMatch(/│ INT-2026-000001 │ \d{1,2} (november|december) 2026 +│/);
    const opvolging = ok(cli(db, ["--vandaag", "2026-11-23", "opvolging", "lijst"], { env: { COLUMNS: "80" } })).stdout;
    expect(opvolging).toMatch(/\d{1,2} (november|december) 2026/);
    expect(opvolging).toMatch(/3 verlopen|verlopen/);
  });
});

/** The column headings of a table (its first line of cells) and the columns it names as left out. */
function kolommen(stdout: string): { getoond: string[]; weggelaten: string[] } {
  const regels = stdout.split("\n");
  const kop = regels.find((r) => r.startsWith("│"))!;
  const getoond = kop
    .split("│")
    .slice(1, -1)
    .map((c) => c.trim());
  const noot = stdout.replace(/\n/g, " ").match(/Niet getoond bij deze vensterbreedte: (.*?) \(zie --json/);
  return { getoond, weggelaten: noot ? noot[1]!.split(", ") : [] };
}

describe("welke kolommen blijven staan (issue 14: de nuttigste eerst)", () => {
  const bij = (breedte: number, args: string[]) =>
    kolommen(ok(cli(db, ["--vandaag", "2026-11-23", ...args], { env: { COLUMNS: String(breedte) } })).stdout);

  it.each([
    // command, shown at 80, left out at 80 (and shown at 120)
    [
      ["opvolging", "lijst"],
      ["id", "deadline", "actie", "status", "adres"],
      ["partner", "bevinding"],
    ],
    [
      ["brief", "lijst"],
      ["kenmerk", "datum", "sjabloon", "adres"],
      ["aan", "opvolging"],
    ],
    [
      ["handhaving", "lijst"],
      ["zaak", "adres", "overtreding", "status", "volgende stap"],
      ["orgaan", "overtreder"],
    ],
    [["zienswijze", "lijst"], ["id", "voornemen", "ontvangen", "adres", "gewogen"], ["samenvatting"]],
    [["signaal", "lijst"], ["id", "datum, partner", "adres", "omschrijving"], ["gemeente"]],
  ])("%j", (args, bij80, pas120) => {
    const smal = bij(80, args);
    expect(smal.getoond).toEqual(expect.arrayContaining(bij80));
    for (const k of pas120) {
      expect(smal.getoond).not.toContain(k);
      expect(smal.weggelaten).toContain(k);
    }
    const breed = bij(120, args);
    expect(breed.getoond).toEqual(expect.arrayContaining([...bij80, ...pas120]));
  });

  it("opvolging lijst: resultaat pas in een breed venster; brief lijst: het bestand ingekort, niet afgebroken", () => {
    expect(bij(120, ["opvolging", "lijst"]).weggelaten).toEqual(["resultaat"]);
    expect(bij(220, ["opvolging", "lijst"]).weggelaten).toEqual([]);
    const brieven = ok(cli(db, ["brief", "lijst"], { env: { COLUMNS: "150" } })).stdout;
    expect(kolommen(brieven).getoond).toContain("bestand");
    expect(brieven).toMatch(/│ 2026-\d\d-\d\d_INT-2026-[^│]*… │/);
    expect(brieven).not.toMatch(/│ +│ [^│]*\.pdf +│\n/); // no file name continued on a second line
  });

  it("toezichthouder lijst past in 80 kolommen zonder iets weg te laten", () => {
    expect(bij(80, ["toezichthouder", "lijst"])).toEqual({ getoond: ["nummer", "functie", "organisatie", "beëdiging"], weggelaten: [] });
  });

  it("bijlagen passen in 80 kolommen zonder iets weg te laten", () => {
    expect(bij(80, ["bevinding", "bijlage", "lijst", "1"])).toMatchObject({ weggelaten: [] });
  });
});
