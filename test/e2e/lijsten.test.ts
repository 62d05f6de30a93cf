import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, ok, tempDir } from "../helpers/cli.js";
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
  ["rapport", "top"],
  ["rapport", "jaar", "2026"],
  ["rapport", "opvolging"],
  ["rapport", "terugkoppeling", "--partner", "Gemeente"],
];

let db: string;
beforeAll(() => {
  const uit = tempDir();
  ok(cli(path.join(uit, "x.db"), ["demo", "--uit", uit]));
  db = path.join(uit, "demo.db");
}, 120_000);

describe("lijsten passen in het venster", () => {
  it.each(LIJSTEN.flatMap((args) => [80, 120].map((breedte) => [breedte, args] as const)))("%i kolommen: %j", (breedte, args) => {
    const r = ok(cli(db, ["--vandaag", "2026-11-23", ...args], { env: { COLUMNS: String(breedte) } }));
    const regels = r.stdout.trimEnd().split("\n");
    for (const regel of regels) expect(displayWidth(regel), regel).toBeLessThanOrEqual(breedte);
    expect(regels.length).toBeGreaterThan(1);
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
