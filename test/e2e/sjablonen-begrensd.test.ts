import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli, tempDir } from "../helpers/cli.js";
import { voorbeeldMeldingen } from "../helpers/seed.js";

/**
 * Issue 17, point 7: templates cannot take the tool down. A template that nests without end ran
 * for over a minute; {{log}} wrote a name to stdout (breaking the one-JSON-document rule); syntax
 * errors came without file and line.
 */
const VANDAAG = ["--vandaag", "2026-11-23"];
const GEEN_DB = "/nonexistent/x.db"; // brief voorbeeld needs no database

function sjabloon(naam: string, tekst: string, kop = "onderwerp: Test"): { map: string; bestand: string } {
  const map = tempDir();
  const bestand = path.join(map, `${naam}.hbs`);
  fs.writeFileSync(bestand, `---\ntitel: ${naam}\n${kop}\n---\n${tekst}`);
  return { map, bestand };
}

function voorbeeld(naam: string, map: string, extra: string[] = []) {
  const uit = path.join(tempDir(), "v.pdf");
  const r = cli(GEEN_DB, [...VANDAAG, ...extra, "brief", "voorbeeld", "--sjabloon", naam, "--sjablonen", map, "--uit", uit], {
    timeout: 30_000,
  });
  return { ...r, uit };
}

describe("begrensd invullen", () => {
  it("een deelsjabloon dat zichzelf twee keer aanroept: meteen exit 2 met bestand en regel", () => {
    const { map, bestand } = sjabloon("lus", 'Beste {{ontvanger.naam}},\n\n{{#*inline "p"}}{{> p}}{{> p}}{{/inline}}{{> p}}\n');
    const r = voorbeeld("lus", map);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`${bestand}, regel 7`);
    expect(r.stderr).toMatch(/wordt niet ondersteund/);
    expect(fs.existsSync(r.uit)).toBe(false);
  });

  it("dertig geneste {{#each}}: exit 2 (te vaak herhaald) in plaats van eindeloos rekenen", () => {
    let tekst = "";
    for (let i = 0; i < 30; i++) tekst += "{{#each @root.bevindingen}}";
    tekst = `{{#each bevindingen}}${tekst}x${"{{/each}}".repeat(31)}\n`;
    const { map } = sjabloon("explosie", tekst);
    const r = voorbeeld("explosie", map);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/herhaalt te vaak/);
  });

  it("{{log}} schrijft niets naar stdout: met --json blijft stdout één JSON-document, zonder naam", () => {
    const { map, bestand } = sjabloon("praatziek", "Beste {{ontvanger.naam}},\n\n{{log ontvanger.naam}}\n");
    const r = voorbeeld("praatziek", map, ["--json"]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).not.toContain("Łukasz");
    expect(r.json().fout.bericht).toContain(`${bestand}, regel 7: onbekende hulpfunctie "log"`);
  });

  it("prototype-eigenschappen blijven onbereikbaar en Handlebars schrijft er niets over", () => {
    const { map } = sjabloon("proto", 'A{{lookup this "constructor"}}{{constructor.name}}{{__proto__.constructor}}{{brief.__proto__}}B\n');
    const r = voorbeeld("proto", map, ["--json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.json().sjabloon).toBe("proto");
  });
});

describe("syntaxfouten met bestand, regel en een leesbare reden", () => {
  it.each([
    ["een blok dat niet sluit", "Tekst\n\n{{#if meerdere}}open\n", 7, /het sjabloon houdt op terwijl er nog iets open staat/],
    ["een verkeerd gesloten blok", "Tekst\n{{#if meerdere}}\nx\n{{/each}}\n", 8, /\{\{\/each\}\} sluit \{\{#if\}\} niet af/],
    ["een accolade te weinig", "Tekst\n\nBeste {{ontvanger.naam}\n", 7, /onverwacht teken tussen \{\{ en \}\}/],
  ])("%s", (_naam, tekst, regel, reden) => {
    const { map, bestand } = sjabloon("fout", tekst);
    const r = voorbeeld("fout", map);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Sjabloon fout (tekst) kan niet worden gevuld: ${bestand}, regel ${regel}: `);
    expect(r.stderr).toMatch(reden);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("een fout in het onderwerp noemt de regel van onderwerp:", () => {
    const { map, bestand } = sjabloon("kopfout", "Tekst\n", "onderwerp: Controle {{adres.volledig");
    const r = voorbeeld("kopfout", map);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Sjabloon kopfout (onderwerp) kan niet worden gevuld: ${bestand}, regel 3: `);
  });
});

describe("gewone sjablonen blijven werken", () => {
  it("alle standaardsjablonen vullen zonder melding", () => {
    // The sample letters are made once per run (test/helpers/seed.ts); their stderr is kept with them.
    for (const naam of ["informatiebrief-eigenaar", "last-onder-dwangsom", "voornemen-bestuursdwang", "aankondiging-hercontrole"]) {
      expect(voorbeeldMeldingen(naam), naam).toBe("");
    }
  });
});
