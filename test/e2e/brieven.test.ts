import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { cli, dump, initDb, ok, ROOT, tempDir } from "../helpers/cli.js";
import { ladderScenario, pdfTekst, type LadderScenario } from "../helpers/ladder.js";
import { voorbeeldPdf } from "../helpers/seed.js";

/** The letters themselves: content, recipients, templates, letterhead, determinism. The ladder's order is in handhavingsladder.test.ts. */

const VANDAAG = ["--vandaag", "2026-11-23"];

/** The waarschuwing about the fire safety finding at Kerkstraat, made on 23 November. */
function maakWaarschuwing(s: LadderScenario): any {
  return ok(
    cli(s.db, [
      "--json",
      ...VANDAAG,
      "brief",
      "maak",
      "--opvolging",
      String(s.opvolging(s.bevinding.brandveiligheid, "waarschuwing")),
      "--uit",
      tempDir(),
    ]),
  ).json();
}

function containsAll(text: string, parts: string[]): void {
  for (const p of parts) expect(text, p).toContain(p);
}

describe("brief maak", () => {
  let s: LadderScenario;
  beforeEach(async () => {
    s = await ladderScenario(); // every test its own copy: no test depends on another's letters
  }, 60_000);

  it("maakt een voornemen aan de overtreder met Roemeense naam, in zijn hoedanigheid, met de dwangsom van deze zaak", async () => {
    const uit = tempDir();
    ok(cli(s.db, ["betrokkene", "koppel", String(s.betrokkene.popescu), "--adres", String(s.adres.kerkstraat), "--rol", "gebruiker"]));
    const r = ok(
      cli(s.db, [
        "--json",
        ...VANDAAG,
        "brief",
        "maak",
        "--opvolging",
        String(s.opvolging(s.bevinding.overbewoning, "voornemen")),
        "--overtreder",
        String(s.betrokkene.popescu),
        "--hoedanigheid",
        "hoofdhuurder die de kamers onderverhuurt",
        "--bedrag",
        "€ 3.000",
        "--maximum",
        "€ 30.000",
        "--uit",
        uit,
      ]),
    ).json();
    expect(r).toMatchObject({
      kenmerk: "INT-2026-000001",
      sjabloon: "voornemen-last-onder-dwangsom",
      ontvanger: "Marius Popescu",
      betrokkene_id: s.betrokkene.popescu,
    });
    expect(path.basename(r.bestand)).toBe("2026-11-23_INT-2026-000001_voornemen-last-onder-dwangsom_5504AB-12.pdf");
    expect(fs.statSync(r.bestand).mode & 0o777).toBe(0o600);
    const t = await pdfTekst(r.bestand);
    containsAll(t, [
      "Marius Popescu",
      "Gemeente Veldhoven",
      "Kerkstraat 12, 5504 AB Veldhoven",
      "14 personen op 4 slaapkamers",
      "U bent overtreder in de zin van artikel 5:1 Algemene wet bestuursrecht, als hoofdhuurder die de kamers onderverhuurt.",
      "€ 3.000 voor iedere keer dat wordt geconstateerd dat niet aan de last is voldaan, met een maximum van € 30.000",
      "5 november 2026", // control date
      "23 november 2026", // letter date
      "7 december 2026", // zienswijze: two weeks
      "INT-2026-000001",
    ]);
    // The values are frozen with the voornemen: the besluit must state the same.
    const zet = cli(s.db, ["handhaving", "zet", String(s.zaak(s.bevinding.overbewoning)), "--bedrag", "5000"]);
    expect(zet.code).toBe(2);
    expect(zet.stderr).toContain(`staat in het verzonden voornemen ${r.kenmerk}`);
  });

  it("maakt de waarschuwing aan een Poolse eigenaar, met zijn postadres, de norm en de hersteltermijn als datum", async () => {
    const r = maakWaarschuwing(s);
    expect(r.ontvanger).toBe("Łukasz Wiśniewski");
    const t = await pdfTekst(r.bestand);
    containsAll(t, [
      "Łukasz Wiśniewski",
      "ul. Długa 14 80-831 Gdańsk POLEN",
      "Niet voldaan aan brandveiligheidseisen: Geen werkende rookmelders",
      "Besluit bouwwerken leefomgeving",
      "uiterlijk op 7 december 2026 (twee weken na de datum van deze brief)",
      "namens het college van burgemeester en wethouders van Veldhoven",
    ]);
  });

  it("drukt een gemaakte brief alleen met --opnieuw af, met hetzelfde kenmerk", () => {
    const uit = tempDir();
    const id = String(s.opvolging(s.bevinding.alcoholwet, "waarschuwing"));
    const eerste = ok(cli(s.db, ["--json", ...VANDAAG, "brief", "maak", "--opvolging", id, "--uit", uit])).json();
    const before = dump(s.db);
    const r = cli(s.db, [...VANDAAG, "brief", "maak", "--opvolging", id, "--uit", uit]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/heeft al brief INT-2026-\d{6}; gebruik --opnieuw/);
    expect(dump(s.db)).toBe(before);
    const again = ok(cli(s.db, ["--json", "--vandaag", "2027-01-04", "brief", "maak", "--opvolging", id, "--opnieuw"])).json();
    expect(again).toMatchObject({ kenmerk: eerste.kenmerk, datum: "2026-11-23", bestand: eerste.bestand, herdrukt: true });
    expect(fs.readdirSync(uit)).toEqual([path.basename(eerste.bestand)]);
  });

  it("stopt met exit 2 als er geen betrokkene is en --aan ontbreekt; met --aan lukt het", async () => {
    const uit = tempDir();
    const id = String(s.opvolging(s.bevinding.afval, "waarschuwing"));
    const before = dump(s.db);
    const r = cli(s.db, [...VANDAAG, "brief", "maak", "--opvolging", id, "--uit", uit]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("Dorpstraat 5, 5528 AB Hoogeloon; gebruik brief maak --opvolging");
    expect(dump(s.db)).toBe(before);
    const b = ok(
      cli(s.db, ["--json", ...VANDAAG, "brief", "maak", "--opvolging", id, "--aan", String(s.betrokkene.flex), "--uit", uit]),
    ).json();
    expect(b.sjabloon).toBe("waarschuwing");
    expect(await pdfTekst(b.bestand)).toContain("Kempen Flex Huisvesting B.V.");
  });

  it("de aankondiging van een hercontrole belooft geen toegang tot een woning zonder toestemming (5:15 lid 1 Awb)", async () => {
    ok(cli(s.db, [...VANDAAG, "brief", "batch", "--avond", String(s.avond), "--uit", tempDir()]));
    const her = s.opvolging(s.bevinding.brandveiligheid, "hercontrole");
    const r = ok(cli(s.db, ["--json", ...VANDAAG, "brief", "maak", "--opvolging", String(her), "--uit", tempDir()])).json();
    const t = await pdfTekst(r.bestand);
    containsAll(t, [
      "De hercontrole vindt plaats op of kort na 8 december 2026",
      "alleen met toestemming van de bewoner",
      "machtiging tot binnentreden",
    ]);
    expect(t).not.toContain("mogen daarvoor het pand betreden");
  });

  it("weigert een sjabloonnaam die buiten de sjablonenmap wijst (exit 2, niets gewijzigd)", () => {
    const uit = tempDir();
    const before = dump(s.db);
    for (const naam of ["../../etc/passwd", "/etc/passwd", "..", "informatiebrief-eigenaar/../../x"]) {
      const r = cli(s.db, [
        ...VANDAAG,
        "brief",
        "maak",
        "--opvolging",
        String(s.opvolging(s.bevinding.wav, "boeterapport")),
        "--sjabloon",
        naam,
        "--uit",
        uit,
      ]);
      expect(r.code, naam).toBe(2);
      expect(r.stderr).toContain("is niet toegestaan");
    }
    expect(dump(s.db)).toBe(before);
    expect(fs.readdirSync(uit)).toEqual([]);
  });

  it("weigert een symlink in de eigen sjablonenmap die naar buiten wijst", () => {
    const map = tempDir();
    fs.symlinkSync("/etc/passwd", path.join(map, "stiekem.hbs"));
    const r = cli(s.db, [
      ...VANDAAG,
      "brief",
      "voorbeeld",
      "--sjabloon",
      "stiekem",
      "--sjablonen",
      map,
      "--uit",
      path.join(tempDir(), "x.pdf"),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("is niet toegestaan");
  });

  it("vraagt --sjabloon voor een actie zonder standaardbrief", () => {
    const r = cli(s.db, [
      ...VANDAAG,
      "brief",
      "maak",
      "--opvolging",
      String(s.opvolging(s.bevinding.wav, "boeterapport")),
      "--uit",
      tempDir(),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('(actie "boeterapport") heeft geen standaardbrief');
  });

  it("kent onbekende opvolging en onbekende betrokkene niet (exit 2)", () => {
    expect(cli(s.db, ["brief", "maak", "--opvolging", "999", "--uit", tempDir()]).stderr).toContain("Opvolging 999 bestaat niet");
    const r = cli(s.db, [
      ...VANDAAG,
      "brief",
      "maak",
      "--opvolging",
      String(s.opvolging(s.bevinding.brandgevaar, "voornemen")),
      "--aan",
      "999",
      "--uit",
      tempDir(),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Betrokkene 999 bestaat niet");
  });
});

describe("brief batch", () => {
  it("groepeert per ontvanger, adres, sjabloon en bestuursorgaan, slaat over wat geen brief vraagt, en maakt niets dubbel", async () => {
    const s = await ladderScenario();
    const uit = tempDir();
    // A second waarschuwing-case at Kerkstraat: one letter about both findings.
    ok(
      cli(s.db, [
        "bevinding",
        "toevoegen",
        "--avond",
        String(s.avond),
        "--adres",
        String(s.adres.kerkstraat),
        "--categorie",
        "milieu",
        "--omschrijving",
        "Olievaten in de tuin",
      ]),
    );
    const r = ok(cli(s.db, ["--json", ...VANDAAG, "brief", "batch", "--avond", String(s.avond), "--uit", uit])).json();
    expect(r.brieven.map((b: any) => [path.basename(b.bestand), b.ontvanger])).toEqual([
      ["2026-11-23_INT-2026-000001_informatiebericht-partner_5504AB-12.pdf", "Nederlandse Arbeidsinspectie"],
      ["2026-11-23_INT-2026-000002_waarschuwing_5504AB-12.pdf", "Łukasz Wiśniewski"],
      ["2026-11-23_INT-2026-000003_informatiebericht-partner_5504CD-3.pdf", "Enexis"],
      ["2026-11-23_INT-2026-000004_waarschuwing_5521AJ-3.pdf", "Café De Markt V.O.F."],
    ]);
    const w = r.brieven[1];
    expect(w.opvolgingen).toHaveLength(2); // two findings, one letter
    const t = await pdfTekst(w.bestand);
    expect(t).toContain("Geen werkende rookmelders");
    expect(t).toContain("Olievaten in de tuin");
    expect(r.aantal).toBe(4);
    expect(fs.readdirSync(uit)).toHaveLength(4);

    const lijst = ok(cli(s.db, ["--json", "brief", "lijst", "--avond", String(s.avond)])).json();
    expect(lijst.map((b: any) => b.kenmerk)).toEqual(["INT-2026-000004", "INT-2026-000003", "INT-2026-000002", "INT-2026-000001"]);

    const before = dump(s.db);
    const second = ok(cli(s.db, ["--json", ...VANDAAG, "brief", "batch", "--avond", String(s.avond), "--uit", uit])).json();
    expect(second.aantal).toBe(0);
    expect(fs.readdirSync(uit)).toHaveLength(4);
    expect(dump(s.db)).toBe(before);
    const human = ok(cli(s.db, [...VANDAAG, "brief", "batch", "--avond", String(s.avond), "--uit", uit]));
    expect(human.stdout).toContain("Geen brieven aan de beurt");
    expect(human.stdout).toContain("Tegengehouden (nog niet aan de beurt):");
    expect(human.stderr).toContain("overgeslagen: geen eigenaar of andere betrokkene bekend voor Dorpstraat 5");

    const opnieuw = ok(
      cli(s.db, ["--json", "--vandaag", "2026-12-01", "brief", "batch", "--avond", String(s.avond), "--uit", uit, "--opnieuw"]),
    ).json();
    expect(opnieuw.brieven.filter((b: any) => b.herdrukt).map((b: any) => [b.kenmerk, b.datum])).toEqual(
      lijst.map((b: any) => [b.kenmerk, "2026-11-23"]),
    );
  }, 60_000);

  it("een kapot eigen sjabloon stopt de hele batch voordat er een bestand is geschreven", async () => {
    const s = await ladderScenario();
    const map = tempDir();
    fs.writeFileSync(path.join(map, "waarschuwing.hbs"), "---\nonderwerp: x\n---\n{{#each bevindingen}}open\n");
    const uit = tempDir();
    const before = dump(s.db);
    const r = cli(s.db, [...VANDAAG, "brief", "batch", "--avond", String(s.avond), "--uit", uit, "--sjablonen", map]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Sjabloon waarschuwing (tekst) kan niet worden gevuld");
    expect(fs.readdirSync(uit)).toEqual([]);
    expect(dump(s.db)).toBe(before);
    expect(
      cli(s.db, ["brief", "batch", "--avond", String(s.avond), "--uit", uit, "--sjablonen", path.join(map, "bestaat-niet")]).code,
    ).toBe(2);
  }, 60_000);

  it("onbekende avond: exit 2", () => {
    const db = initDb();
    const r = cli(db, ["brief", "batch", "--avond", "42", "--uit", tempDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Avond 42 bestaat niet");
  });
});

describe("deterministische PDF", () => {
  const sha = (f: string) => crypto.createHash("sha256").update(fs.readFileSync(f)).digest("hex");

  it("brief voorbeeld is byte-identiek en gelijk aan het gouden bestand", () => {
    const a = voorbeeldPdf("last-onder-dwangsom"); // made once per run, by another process
    const b = path.join(tempDir(), "b.pdf");
    ok(cli("/nonexistent/x.db", [...VANDAAG, "brief", "voorbeeld", "--sjabloon", "last-onder-dwangsom", "--uit", b]));
    expect(sha(a)).toBe(sha(b));
    const golden = fs.readFileSync(path.join(ROOT, "test/golden/voorbeeld-last-onder-dwangsom.sha256"), "utf8").trim();
    expect(sha(a)).toBe(golden);
  });

  it("dezelfde brief uit twee databases met dezelfde invoer is byte-identiek", async () => {
    const files: string[] = [];
    for (const s of [await ladderScenario(), await ladderScenario({ vers: true })]) {
      files.push(maakWaarschuwing(s).bestand);
    }
    expect(sha(files[0]!)).toBe(sha(files[1]!));
  }, 60_000);
});

describe("sjablonen en voorbeeld", () => {
  it("sjabloon lijst toont de standaardsjablonen, ook voor de hele ladder; een eigen map gaat voor", () => {
    const db = initDb();
    const names = ok(cli(db, ["--json", "sjabloon", "lijst"]))
      .json()
      .map((r: any) => r.naam);
    expect(names).toEqual([
      "aankondiging-hercontrole",
      "besluit-sluiting",
      "informatiebericht-partner",
      "informatiebrief-eigenaar",
      "invorderingsbeschikking",
      "kostenverhaal",
      "last-onder-bestuursdwang",
      "last-onder-dwangsom",
      "voornemen-bestuursdwang",
      "voornemen-last-onder-dwangsom",
      "voornemen-sluiting",
      "waarschuwing",
    ]);
    const map = tempDir();
    fs.writeFileSync(
      path.join(map, "informatiebrief-eigenaar.hbs"),
      "---\ntitel: Eigen informatiebrief\nonderwerp: Eigen {{adres.volledig}}\n---\nBeste {{ontvanger.naam}},\n\nEigen tekst tot {{datum deadline}}.\n",
    );
    const rows = ok(cli(db, ["--json", "sjabloon", "lijst", "--sjablonen", map])).json();
    expect(rows.find((r: any) => r.naam === "informatiebrief-eigenaar")).toMatchObject({ titel: "Eigen informatiebrief", bron: "eigen" });
  });

  it("sjabloon toon geeft de tekst; een onbekende naam is exit 2", () => {
    const db = initDb();
    const r = ok(cli(db, ["--json", "sjabloon", "toon", "last-onder-dwangsom"])).json();
    expect(r).toMatchObject({ naam: "last-onder-dwangsom", titel: "Besluit last onder dwangsom", bron: "standaard" });
    expect(r.tekst).toContain("{{datum termijnen.bezwaar}}");
    expect(cli(db, ["sjabloon", "toon", "../../etc/passwd"]).code).toBe(2);
    expect(cli(db, ["sjabloon", "toon", "bestaat-niet"]).stderr).toContain('Sjabloon "bestaat-niet" bestaat niet');
  });

  it("brief voorbeeld vult een eigen sjabloon (via INTERVENTIE_SJABLONEN) met voorbeeldgegevens", async () => {
    const map = tempDir();
    fs.writeFileSync(
      path.join(map, "eigen-waarschuwing.md"),
      "---\ntitel: Waarschuwing\nonderwerp: Waarschuwing {{adres.volledig}}\n---\n**Let op**\n\nBeste {{ontvanger.naam}}, uiterlijk {{datum deadline}}.\n\n{{#each bevindingen}}\n- {{categorie}}\n{{/each}}\n",
    );
    const out = path.join(tempDir(), "v.pdf");
    ok(
      cli("/nonexistent/x.db", [...VANDAAG, "brief", "voorbeeld", "--sjabloon", "eigen-waarschuwing", "--uit", out], {
        env: { INTERVENTIE_SJABLONEN: map },
      }),
    );
    const t = await pdfTekst(out);
    expect(t).toContain("Beste Łukasz Wiśniewski, uiterlijk 10 december 2026.");
    expect(t).toContain("Waarschuwing Kerkstraat 12A, 5504 AB Veldhoven");
    expect(t).toContain("Overbewoning");
  });

  it("elk standaardsjabloon geeft een brief zonder lege plekken, met bestuursorgaan en ondertekening", async () => {
    const db = initDb();
    const namen: string[] = ok(cli(db, ["--json", "sjabloon", "lijst"]))
      .json()
      .map((r: any) => r.naam);
    for (const naam of namen) {
      const t = await pdfTekst(voorbeeldPdf(naam));
      expect(t, naam).toMatch(/namens (het college van burgemeester en wethouders|de burgemeester) van Veldhoven,/);
      expect(t, naam).not.toMatch(/ ,|\(\)|: \.|undefined|\[object/);
    }
  }, 60_000);

  it("voornemens noemen de zienswijze (4:8 Awb) en de begunstigingstermijn als duur; 5:31 Awb alleen bij spoed", async () => {
    const t = await pdfTekst(voorbeeldPdf("voornemen-last-onder-dwangsom"));
    expect(t).toContain("artikel 4:8 Algemene wet bestuursrecht");
    expect(t).toContain("uiterlijk op 7 december 2026");
    expect(t).toContain("binnen vier weken na de verzenddatum van het besluit");
    const tb = await pdfTekst(voorbeeldPdf("voornemen-bestuursdwang"));
    expect(tb).toContain("artikel 5:21 Algemene wet bestuursrecht");
    expect(tb).not.toContain("5:31");
  });

  it("een sjabloon zonder onderwerp of met een fout in Handlebars geeft exit 2", () => {
    const map = tempDir();
    fs.writeFileSync(path.join(map, "kapot.hbs"), "---\ntitel: x\n---\nTekst\n");
    fs.writeFileSync(path.join(map, "fout.hbs"), "---\nonderwerp: x\n---\n{{#if a}}open\n");
    for (const naam of ["kapot", "fout", "bestaat-niet"]) {
      const r = cli("/nonexistent/x.db", [
        "brief",
        "voorbeeld",
        "--sjabloon",
        naam,
        "--sjablonen",
        map,
        "--uit",
        path.join(tempDir(), "x.pdf"),
      ]);
      expect(r.code, naam).toBe(2);
    }
  });
});

describe("briefhoofd", () => {
  it("toont de standaard, zet eigen velden (ook mandaat en rekening) en gebruikt ze in de brief (contact: afdeling, niet de inspecteur)", async () => {
    const s = await ladderScenario();
    const std = ok(cli(s.db, ["--json", "briefhoofd", "toon", "--gemeente", "veldhoven"])).json();
    expect(std).toMatchObject({
      gemeente: "Veldhoven",
      afdeling: "afdeling Vergunningen, Toezicht en Handhaving",
      mandaat: "Mandaat-, volmacht- en machtigingsbesluit gemeente Veldhoven",
      eigen: false,
    });
    const logo = path.join(tempDir(), "logo.png");
    // 1x1 PNG
    fs.writeFileSync(
      logo,
      Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64"),
    );
    ok(
      cli(s.db, [
        "briefhoofd",
        "zet",
        "--gemeente",
        "Veldhoven",
        "--afdeling",
        "team Handhaving",
        "--telefoon",
        "040 123 456",
        "--ondertekenaar",
        "mr. A. de Jurist",
        "--functie",
        "coördinator juridische zaken",
        "--mandaat",
        "Mandaatbesluit Veldhoven 2026",
        "--rekening",
        "NL12 BNGH 0285 0000 01",
        "--logo",
        logo,
      ]),
    );
    const h = ok(cli(s.db, ["--json", "briefhoofd", "toon", "--gemeente", "Veldhoven"])).json();
    expect(h).toMatchObject({
      afdeling: "team Handhaving",
      telefoon: "040 123 456",
      ondertekenaarNaam: "mr. A. de Jurist",
      logo,
      eigen: true,
      email: "handhaving@veldhoven.nl",
    });
    const r = maakWaarschuwing(s);
    const t = await pdfTekst(r.bestand);
    expect(t).toContain("Team Handhaving, telefoon 040 123 456");
    expect(t).toContain("mr. A. de Jurist");
    expect(t).toContain("Coördinator juridische zaken");
    expect(t).toContain("Ondertekend krachtens mandaat (Mandaatbesluit Veldhoven 2026)");
    expect(fs.readFileSync(r.bestand).includes("/Subtype /Image")).toBe(true); // the logo
    // An empty value puts a field back on the default.
    const reset = ok(cli(s.db, ["--json", "briefhoofd", "zet", "--gemeente", "Veldhoven", "--afdeling", ""])).json();
    expect(reset.afdeling).toBe("afdeling Vergunningen, Toezicht en Handhaving");
    expect(reset.telefoon).toBe("040 123 456");
  }, 60_000);

  it("weigert een ongeldig e-mailadres, een logo dat geen afbeelding is en een lege opdracht (exit 2, niets gewijzigd)", () => {
    const db = initDb();
    const before = dump(db);
    const notPng = path.join(tempDir(), "logo.png");
    fs.writeFileSync(notPng, "geen afbeelding");
    for (const args of [
      ["--email", "geen-mail"],
      ["--logo", notPng],
      ["--logo", "/bestaat/niet.png"],
      [],
      ["--gemeente", "Atlantis", "--afdeling", "x"],
    ]) {
      const r = cli(db, ["briefhoofd", "zet", ...(args[0] === "--gemeente" ? [] : ["--gemeente", "Best"]), ...args]);
      expect(r.code, args.join(" ")).toBe(2);
    }
    expect(dump(db)).toBe(before);
  });
});
