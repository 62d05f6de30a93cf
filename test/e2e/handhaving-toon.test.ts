import { describe, expect, it } from "vitest";
import path from "node:path";
import { cli, ok, tempDir } from "../helpers/cli.js";
import { demoDb } from "../helpers/seed.js";

/**
 * `handhaving toon` names the signed reports a zaak's letters rest on, and the command for one that
 * is missing: the jurist sees why an invordering will be held back before asking for the letter.
 */
describe("handhaving toon: de ondertekende rapporten van een zaak", () => {
  it("noemt het rapport van bevindingen en het rapport van de mislukte hercontrole (demo, zaak 1)", () => {
    const db = demoDb();
    const t = ok(cli(db, ["handhaving", "toon", "1"])).stdout;
    expect(t).toContain("  rapport:        RVB-2026-000001 versie 1 van 6 november 2026\n");
    expect(t).toMatch(/\[20\] de hercontrole: afgerond, niet beëindigd, rapport RVB-2026-000004 versie 1 van 22 december 2026\n/);
    const j = ok(cli(db, ["--json", "handhaving", "toon", "1"])).json();
    expect(j.rapport_van_bevindingen).toEqual({ kenmerk: "RVB-2026-000001", versie: 1, datum: "2026-11-06" });
    const stap = (id: number) => j.stappen.find((s: { opvolging: number }) => s.opvolging === id);
    expect(stap(20).rapport).toEqual({ kenmerk: "RVB-2026-000004", versie: 1, datum: "2026-12-22" });
    expect(stap(15)).not.toHaveProperty("rapport"); // only a closed hercontrole has a report of its own
  });

  it("een mislukte hercontrole zonder ondertekend rapport: de opdracht die het ondertekent, en de invordering wacht erop", () => {
    const db = demoDb();
    ok(
      cli(db, [
        ...["--vandaag", "2027-01-21", "opvolging", "bijwerken", "23", "--beeindigd", "nee", "--datum", "2027-01-21"],
        ...["--tijdstip", "10:15", "--toezichthouder", "4711", "--methode", "bezoek", "--waarneming", "nog steeds negen bewoners"],
      ]),
    );
    const t = ok(cli(db, ["--vandaag", "2027-01-21", "handhaving", "toon", "1"])).stdout;
    expect(t).toContain(
      "[23] de hercontrole: afgerond, niet beëindigd, rapport nog niet ondertekend: interventie rapport hercontrole --opvolging 23 --pdf <bestand> --onderteken\n",
    );
    expect(
      ok(cli(db, ["--json", "handhaving", "toon", "1"]))
        .json()
        .stappen.find((s: { opvolging: number }) => s.opvolging === 23).rapport,
    ).toBeNull();
    // The letter the report is missing for says the same command.
    const b = cli(db, ["--vandaag", "2027-01-21", "brief", "maak", "--opvolging", "24", "--uit", path.join(tempDir(), "brief.pdf")]);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain("interventie rapport hercontrole --opvolging 23 --pdf <bestand> --onderteken");
  });
});
