import { describe, expect, it } from "vitest";
import { cli, tempDb } from "../helpers/cli.js";

/**
 * The --help texts, pinned (as np does): a changed flag or description shows up here.
 * When a branch adds flags, refresh with `npx vitest run test/e2e/hulp.test.ts -u`.
 */
const GROEPEN = [
  [],
  ["init"],
  ["demo"],
  ["gemeente"],
  ["partner"],
  ["categorie"],
  ["adres"],
  ["betrokkene"],
  ["signaal"],
  ["casustafel"],
  ["avond"],
  ["bevinding"],
  ["opvolging"],
  ["rapport"],
  ["brief"],
  ["sjabloon"],
  ["briefhoofd"],
  ["log"],
  ["backup"],
  ["export"],
  ["opschonen"],
  // One leaf in full: required options marked, global options, example.
  ["avond", "nieuw"],
  ["avond", "rol"],
  ["casustafel", "besluit"],
  ["signaal", "lijst"],
  ["handhaving"],
  ["zienswijze"],
  ["toezichthouder"],
  // Issue 14 (rest): the options these need, marked; a terminal asks for them.
  ["opvolging", "toevoegen"],
  ["opvolging", "bijwerken"],
  ["brief", "maak"],
  ["brief", "batch"],
  ["handhaving", "sluit"],
  ["zienswijze", "toevoegen"],
  ["zienswijze", "wegen"],
  ["toezichthouder", "toevoegen"],
  ["rapport", "bevindingen"],
];

describe("--help", () => {
  it.each(GROEPEN.map((g) => [g.join(" ") || "(hoofd)", g]))("%s", (_naam, groep) => {
    const r = cli(tempDb(), [...(groep as string[]), "--help"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    for (const regel of r.stdout.split("\n")) expect(regel.length, regel).toBeLessThanOrEqual(80);
    expect(r.stdout).toMatchSnapshot();
  });

  it("interventie zonder argumenten: de hulp op stdout, exit 0", () => {
    const r = cli(tempDb(), []);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(cli(tempDb(), ["--help"]).stdout);
    expect(r.stdout).toMatch(/^Gebruik: interventie \[opties\] \[opdracht\]/);
  });

  it("interventie help avond nieuw is de hulp van avond nieuw; een groep zonder opdracht toont zijn hulp", () => {
    const db = tempDb();
    const help = cli(db, ["help", "avond", "nieuw"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toBe(cli(db, ["avond", "nieuw", "--help"]).stdout);
    expect(help.stdout).toContain("Gebruik: interventie avond nieuw [opties]");
    const groep = cli(db, ["avond"]);
    expect(groep.code).toBe(0);
    expect(groep.stdout).toContain("Opdrachten:");
  });

  it("markeert wat verplicht is, toont de algemene opties en een voorbeeld", () => {
    const r = cli(tempDb(), ["avond", "risico", "--help"]).stdout;
    const verplicht = r.slice(r.indexOf("Verplicht"), r.indexOf("Opties:"));
    expect(verplicht).toContain("--adres <id>");
    expect(verplicht).toContain("--niveau <niveau>");
    expect(verplicht).not.toContain("--toelichting");
    expect(r).toContain("Algemene opties (voor of na de opdracht):");
    expect(r).toContain("--db <pad>");
    expect(r).toMatch(/Voorbeeld:\n {2}interventie avond risico 1 --adres 1 --niveau hoog/);
    // Options commander itself requires are marked too.
    expect(cli(tempDb(), ["bevinding", "importeren", "--help"]).stdout).toMatch(/Verplicht[^\n]*\n {2}--avond <id>/);
  });
});
