import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { addAdres, addAvond, cli, dump, initDb, ok, signaalArgs, tempDir } from "../helpers/cli.js";
import { exec } from "../helpers/avg.js";

/**
 * Issue 17, point 5: text is data, on screen too. CR, C1 controls (U+009B), bidi overrides
 * (U+202E) and other control characters were stored and printed raw into terminal tables; names
 * in NFD or capitals became a second gemeente; CSV cells could start a spreadsheet formula.
 */

/** What a terminal must never receive from stored text. */
const STUURTEKENS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/u;

const GEVAARLIJK: [string, string][] = [
  ["CR (regel overschrijven)", "Kerk\rNep"],
  ["U+009B (C1 CSI)", "Kerk\u009b2Jstraat"],
  ["U+202E (bidi-override)", "Kerk\u202estraat"],
  ["U+2066 (bidi-isolaat)", "Kerk\u2066straat"],
  ["U+200B (onzichtbare spatie)", "Kerk\u200bstraat"],
  ["ESC-reeks", "Kerk\u001b[2Jstraat"],
];

describe("geweigerd in invoer", () => {
  let db: string;
  beforeAll(() => {
    db = initDb();
    addAdres(db);
  });

  it.each(GEVAARLIJK)("%s: in een straatnaam, een gemeentenaam, een betrokkene en een omschrijving", (_naam, tekst) => {
    const voor = dump(db);
    for (const args of [
      [
        "adres",
        "toevoegen",
        "--postcode",
        "5504AB",
        "--huisnummer",
        "99",
        "--straat",
        tekst,
        "--plaats",
        "Veldhoven",
        "--gemeente",
        "Veldhoven",
      ],
      ["gemeente", "toevoegen", "--naam", tekst],
      ["betrokkene", "toevoegen", "--naam", tekst, "--rol", "eigenaar"],
      signaalArgs(1, tekst),
    ]) {
      const r = cli(db, args);
      expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(/bevat ongeldige stuurtekens \(U\+[0-9A-F]{4}\)/);
      expect(r.stderr).not.toMatch(STUURTEKENS);
    }
    expect(dump(db)).toBe(voor);
  });

  it("een vervangingsteken (U+FFFD) van een verkeerd omgezet bestand wordt niet opgeslagen", () => {
    const r = cli(db, signaalArgs(1, "Caf\ufffdstraat"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/vervangingsteken/);
  });

  it("een Windows-regeleinde in een lange tekst wordt een gewone nieuwe regel", () => {
    const r = ok(cli(db, ["--json", ...signaalArgs(1, "regel 1\r\nregel 2")]));
    expect(r.json().omschrijving).toBe("regel 1\nregel 2");
  });
});

describe("geneutraliseerd in weergave", () => {
  let db: string;
  beforeAll(() => {
    db = initDb();
    const adres = addAdres(db);
    // Rows as an older version stored them.
    exec(db, "UPDATE adres SET straat = ? WHERE id = ?", "Kerk\u001b[2J\u009b31m\u202estraat\r", adres);
    ok(cli(db, ["betrokkene", "toevoegen", "--naam", "Jan", "--rol", "eigenaar", "--adres", String(adres)]));
    exec(db, "UPDATE betrokkene SET naam = ?", "Jan \u202egnaJ\u2066 de \rVries");
  });

  it.each([
    ["adres lijst", ["adres", "lijst"]],
    ["adres toon", ["adres", "toon", "1"]],
    ["betrokkene lijst", ["betrokkene", "lijst"]],
  ])("%s: geen stuurteken bereikt de terminal", (_naam, args) => {
    const r = ok(cli(db, args));
    expect(r.stdout).not.toMatch(STUURTEKENS);
    expect(r.stdout).toContain("\ufffd");
  });

  it("--json: dezelfde tekst als data, onzichtbare tekens als \\u-escape", () => {
    const r = ok(cli(db, ["--json", "adres", "lijst"]));
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u0080-\u009f\u202a-\u202e\u2066-\u2069]/u);
    expect(r.stdout).toContain("\\u202e");
    expect(r.json()[0].straat).toBe("Kerk\u001b[2J\u009b31m\u202estraat\r");
  });

  it("foutmeldingen herhalen invoer zonder stuurtekens", () => {
    const r = cli(db, ["signaal", "lijst", "--gemeente", "Veld\u202ehoven\u009b"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Gemeente "Veld\ufffdhoven\ufffd" bestaat niet/);
    const j = cli(db, ["--json", "signaal", "lijst", "--gemeente", "Veld\u202ehoven"]);
    expect(j.stdout).not.toMatch(/[\u202a-\u202e]/u);
    expect(j.json().fout.bericht).toContain("Veld\u202ehoven");
  });

  it("sjabloon toon: een sjabloonbestand met stuurtekens komt geneutraliseerd op het scherm", () => {
    const map = tempDir();
    fs.writeFileSync(path.join(map, "eigen.hbs"), "---\nonderwerp: Test\n---\nBeste \u202eeknarf\u202c,\r\n\u001b[2JWij\u009b zien\n");
    const r = ok(cli(db, ["sjabloon", "toon", "eigen", "--sjablonen", map]));
    expect(r.stdout).not.toMatch(STUURTEKENS);
    expect(r.stdout).toContain("Beste \ufffdeknarf\ufffd,\n");
  });
});

describe("namen vergelijken na NFC en hoofdletter-vouwen", () => {
  const NFC = "Súdwest-Fryslân";
  const NFD = NFC.normalize("NFD");

  it("Súdwest-Fryslân in NFD of in hoofdletters wordt geen tweede gemeente", () => {
    expect(NFD).not.toBe(NFC);
    const db = initDb();
    ok(cli(db, ["gemeente", "toevoegen", "--naam", NFC]));
    for (const naam of [NFD, NFC.toUpperCase(), NFD.toUpperCase(), "súdwest-fryslân"]) {
      const r = cli(db, ["gemeente", "toevoegen", "--naam", naam]);
      expect(r.code, naam).toBe(2);
      expect(r.stderr).toMatch(/bestaat al/);
    }
    const id = addAdres(db, { gemeente: NFD.toUpperCase(), postcode: "8601AB", plaats: "Sneek" });
    expect(ok(cli(db, ["--json", "adres", "toon", String(id)])).json().gemeente).toBe(NFC);
    expect(
      ok(cli(db, ["--json", "gemeente", "lijst"]))
        .json()
        .filter((g: { naam: string }) => g.naam.normalize("NFC") === NFC),
    ).toHaveLength(1);
  });

  it("een partner met een accent, in hoofdletters", () => {
    const db = initDb();
    ok(cli(db, ["partner", "toevoegen", "--naam", "Régie Öffentlichkeit"]));
    expect(cli(db, ["partner", "toevoegen", "--naam", "RÉGIE ÖFFENTLICHKEIT"]).code).toBe(2);
    ok(
      cli(db, [
        "signaal",
        "toevoegen",
        "--adres",
        String(addAdres(db)),
        "--partner",
        "régie öffentlichkeit".normalize("NFD"),
        "--omschrijving",
        "x",
      ]),
    );
  });

  it("een gemeente die een oudere versie in NFD opsloeg wordt gevonden", () => {
    const db = initDb();
    exec(db, "INSERT INTO gemeente (naam, team) VALUES (?, NULL)", NFD);
    const id = addAdres(db, { gemeente: NFC, postcode: "8601AB", plaats: "Sneek" });
    expect(
      ok(cli(db, ["--json", "adres", "toon", String(id)]))
        .json()
        .gemeente.normalize("NFC"),
    ).toBe(NFC);
  });
});

describe("CSV zonder formules", () => {
  it("een cel die met =, +, - of @ begint krijgt een apostrof, ook de eigen regel '+ nog N bevindingen'", () => {
    const db = initDb();
    const adres = String(addAdres(db));
    addAvond(db, Number(adres));
    const namen = ['=HYPERLINK("http://x";"klik")', "+31 mail", "-2+3", "@SUM(A1)"];
    namen.forEach((naam, i) => {
      ok(cli(db, ["categorie", "toevoegen", "--code", `c${i}`, "--naam", naam, "--partner", "Politie"]));
      ok(cli(db, ["bevinding", "toevoegen", "--avond", "1", "--adres", adres, "--categorie", `c${i}`, "--omschrijving", "x"]));
    });
    ok(cli(db, ["bevinding", "toevoegen", "--avond", "1", "--adres", adres, "--categorie", "milieu", "--omschrijving", "x"]));
    const regels = ok(cli(db, ["rapport", "top", "--n", "4", "--csv"]))
      .stdout.trim()
      .split("\n");
    for (const r of regels.slice(1)) {
      const cellen = r.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, "").replace(/^"|"$/g, ""));
      for (const c of cellen) expect(c, r).not.toMatch(/^[=+\-@]/);
    }
    expect(regels).toContain("overig,'+ nog 1 bevinding verspreid over 1 categorie,1");
    expect(regels.join("\n")).toContain(`"'=HYPERLINK(""http://x"";""klik"")"`);
  });
});
