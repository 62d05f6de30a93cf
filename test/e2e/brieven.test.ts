import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PDFParse } from "pdf-parse";
import { beforeAll, describe, expect, it } from "vitest";
import { addAdres, cli, dump, initDb, ok, ROOT, tempDir, TESTADRESSEN } from "../helpers/cli.js";
import { insertAvond, insertBevinding, insertOpvolging } from "../helpers/fixtures.js";

const VANDAAG = ["--vandaag", "2026-11-23"];

async function pdfText(file: string): Promise<string> {
  const parser = new PDFParse({ data: fs.readFileSync(file) });
  try {
    return (await parser.getText()).text.replace(/[ \t]+/g, " ");
  } finally {
    await parser.destroy();
  }
}

function containsAll(text: string, parts: string[]): void {
  for (const p of parts) expect(text, p).toContain(p);
}

/** Flattened text: line breaks inside paragraphs do not matter for the checks. */
const flat = (t: string) => t.replace(/\s+/g, " ");

interface Scenario {
  db: string;
  avond: number;
  kerkstraat: number;
  industrieweg: number;
  dorpstraat: number;
  lukasz: number;
  stefan: number;
  opv: Record<string, number>;
}

function scenario(): Scenario {
  const db = initDb();
  const kerkstraat = addAdres(db);
  const industrieweg = addAdres(db, TESTADRESSEN.industrieweg);
  const dorpstraat = addAdres(db, { postcode: "5528AB", huisnummer: "5", straat: "Dorpstraat", plaats: "Hoogeloon", gemeente: "Bladel" });
  const lukasz = ok(
    cli(db, [
      "--json",
      "betrokkene",
      "toevoegen",
      "--naam",
      "Łukasz Wiśniewski",
      "--rol",
      "eigenaar",
      "--adres",
      String(kerkstraat),
      "--postadres",
      "ul. Długa 14, 80-831 Gdańsk, POLEN",
    ]),
  ).json().id;
  const stefan = ok(
    cli(db, ["--json", "betrokkene", "toevoegen", "--naam", "Ștefan Țurcanu", "--rol", "eigenaar", "--adres", String(industrieweg)]),
  ).json().id;
  const avond = insertAvond(db, { datum: "2026-11-12", adressen: [kerkstraat, industrieweg, dorpstraat] });
  const b1 = insertBevinding(db, {
    avond,
    adres: kerkstraat,
    categorie: "overbewoning",
    omschrijving: "Elf personen in een woning van 85 m²",
    personen: 11,
  });
  const b2 = insertBevinding(db, {
    avond,
    adres: kerkstraat,
    categorie: "brandveiligheid",
    omschrijving: "Geen werkende rookmelders",
    partner: "Veiligheidsregio",
  });
  const b3 = insertBevinding(db, {
    avond,
    adres: industrieweg,
    categorie: "strijdig-gebruik",
    omschrijving: "Bewoning van een bedrijfsloods",
  });
  const b4 = insertBevinding(db, {
    avond,
    adres: dorpstraat,
    categorie: "strijdig-gebruik",
    omschrijving: "Zolder verbouwd tot slaapkamers",
  });
  const opv = {
    info1: insertOpvolging(db, { bevinding: b1, actie: "informatiebrief eigenaar", deadline: "2026-12-10" }),
    info2: insertOpvolging(db, { bevinding: b2, actie: "informatiebrief eigenaar", deadline: "2026-12-17" }),
    partner: insertOpvolging(db, { bevinding: b1, actie: "partner informeren", partner: "ISZW", deadline: "2026-12-07" }),
    lod: insertOpvolging(db, { bevinding: b3, actie: "last onder dwangsom", deadline: "2027-01-15" }),
    onderzoek: insertOpvolging(db, { bevinding: b3, actie: "onderzoek", deadline: "2026-12-01" }),
    zonderEigenaar: insertOpvolging(db, { bevinding: b4, actie: "hercontrole", deadline: "2027-01-07" }),
    afgerond: insertOpvolging(db, { bevinding: b4, actie: "informatiebrief eigenaar", deadline: "2026-12-01", status: "afgerond" }),
  };
  return { db, avond, kerkstraat, industrieweg, dorpstraat, lukasz, stefan, opv };
}

describe("brief maak", () => {
  let s: Scenario;
  beforeAll(() => {
    s = scenario();
  });

  it("maakt een last onder dwangsom aan de eigenaar met Roemeense naam, adres, bevinding, artikel, termijn en kenmerk", async () => {
    const uit = tempDir();
    const r = ok(
      cli(s.db, [
        "--json",
        ...VANDAAG,
        "brief",
        "maak",
        "--opvolging",
        String(s.opv.lod),
        "--uit",
        uit,
        "--bedrag",
        "€ 2.500",
        "--maximum",
        "€ 25.000",
      ]),
    ).json();
    expect(r).toMatchObject({
      kenmerk: "INT-2026-000001",
      sjabloon: "last-onder-dwangsom",
      ontvanger: "Ștefan Țurcanu",
      betrokkene_id: s.stefan,
      opvolgingen: [s.opv.lod],
    });
    expect(path.basename(r.bestand)).toBe("2026-11-23_INT-2026-000001_last-onder-dwangsom_5531NK-7.pdf");
    const t = flat(await pdfText(r.bestand));
    containsAll(t, [
      "Ștefan Țurcanu",
      "Gemeente Bladel",
      "Industrieweg 7",
      "5531 NK Bladel",
      "Bewoning van een bedrijfsloods",
      "artikel 5.1 Omgevingswet",
      "artikel 5:32 Algemene wet bestuursrecht",
      "artikel 6:7 Algemene wet bestuursrecht",
      "15 januari 2027", // begunstigingstermijn = deadline
      "4 januari 2027", // bezwaar: zes weken
      "€ 2.500 per week",
      "€ 25.000",
      "12 november 2026", // control date
      "23 november 2026", // letter date
      "INT-2026-000001",
      "namens het college van burgemeester en wethouders van Bladel",
    ]);
  });

  it("maakt de informatiebrief aan een Poolse eigenaar, met zijn postadres en de bevinding", async () => {
    const uit = tempDir();
    const r = ok(cli(s.db, ["--json", ...VANDAAG, "brief", "maak", "--opvolging", String(s.opv.info1), "--uit", uit])).json();
    const t = flat(await pdfText(r.bestand));
    containsAll(t, [
      "Łukasz Wiśniewski",
      "ul. Długa 14 80-831 Gdańsk POLEN",
      "Kerkstraat 12, 5504 AB Veldhoven",
      "Overbewoning: Elf personen in een woning van 85 m²",
      "Besluit bouwwerken leefomgeving",
      "uiterlijk 10 december 2026",
      r.kenmerk,
    ]);
  });

  it("weigert een tweede brief voor dezelfde opvolging zonder --opnieuw, en maakt hem met --opnieuw", () => {
    const uit = tempDir();
    const before = dump(s.db);
    const r = cli(s.db, [...VANDAAG, "brief", "maak", "--opvolging", String(s.opv.info1), "--uit", uit]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/heeft al brief INT-2026-\d{6}; gebruik --opnieuw/);
    expect(dump(s.db)).toBe(before);
    expect(fs.readdirSync(uit)).toEqual([]);
    const again = ok(
      cli(s.db, ["--json", ...VANDAAG, "brief", "maak", "--opvolging", String(s.opv.info1), "--uit", uit, "--opnieuw"]),
    ).json();
    expect(fs.existsSync(again.bestand)).toBe(true);
  });

  it("stopt met exit 2 als het adres geen eigenaar heeft en --aan ontbreekt; met --aan lukt het", async () => {
    const uit = tempDir();
    const before = dump(s.db);
    const r = cli(s.db, [...VANDAAG, "brief", "maak", "--opvolging", String(s.opv.zonderEigenaar), "--uit", uit]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("Dorpstraat 5, 5528 AB Hoogeloon heeft geen eigenaar; kies de ontvanger met --aan");
    expect(dump(s.db)).toBe(before);
    const b = ok(
      cli(s.db, [
        "--json",
        ...VANDAAG,
        "brief",
        "maak",
        "--opvolging",
        String(s.opv.zonderEigenaar),
        "--aan",
        String(s.stefan),
        "--uit",
        uit,
      ]),
    ).json();
    expect(b.sjabloon).toBe("aankondiging-hercontrole");
    const t = flat(await pdfText(b.bestand));
    containsAll(t, ["Ștefan Țurcanu", "Dorpstraat 5", "7 januari 2027", "artikel 5:15 Algemene wet bestuursrecht"]);
  });

  it("weigert een sjabloonnaam die buiten de sjablonenmap wijst (exit 2, niets gewijzigd)", () => {
    const uit = tempDir();
    const before = dump(s.db);
    for (const naam of ["../../etc/passwd", "/etc/passwd", "..", "informatiebrief-eigenaar/../../x"]) {
      const r = cli(s.db, [...VANDAAG, "brief", "maak", "--opvolging", String(s.opv.onderzoek), "--sjabloon", naam, "--uit", uit]);
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
    const r = cli(s.db, [...VANDAAG, "brief", "maak", "--opvolging", String(s.opv.onderzoek), "--uit", tempDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('(actie "onderzoek") heeft geen standaardbrief');
  });

  it("kent onbekende opvolging en onbekende betrokkene niet (exit 2)", () => {
    expect(cli(s.db, ["brief", "maak", "--opvolging", "999", "--uit", tempDir()]).stderr).toContain("Opvolging 999 bestaat niet");
    const r = cli(s.db, ["brief", "maak", "--opvolging", String(s.opv.lod), "--aan", "999", "--uit", tempDir(), "--opnieuw"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Betrokkene 999 bestaat niet");
  });
});

describe("brief batch", () => {
  it("groepeert per ontvanger, adres en sjabloon, slaat over wat geen brief vraagt, en maakt niets dubbel", async () => {
    const s = scenario();
    const uit = tempDir();
    const r = ok(cli(s.db, ["--json", ...VANDAAG, "brief", "batch", "--avond", String(s.avond), "--uit", uit])).json();
    expect(r.aantal).toBe(3);
    const files = fs.readdirSync(uit).sort();
    expect(files).toEqual([
      "2026-11-23_INT-2026-000001_informatiebericht-partner_5504AB-12.pdf",
      "2026-11-23_INT-2026-000002_informatiebrief-eigenaar_5504AB-12.pdf",
      "2026-11-23_INT-2026-000003_last-onder-dwangsom_5531NK-7.pdf",
    ]);
    const info = r.brieven.find((b: any) => b.sjabloon === "informatiebrief-eigenaar");
    expect(info.opvolgingen).toEqual([s.opv.info1, s.opv.info2]); // two follow-ups, one letter
    expect(info.ontvanger).toBe("Łukasz Wiśniewski");
    const t = flat(await pdfText(info.bestand));
    expect(t).toContain("Elf personen in een woning van 85 m²");
    expect(t).toContain("Geen werkende rookmelders");
    expect(t).toContain("uiterlijk 10 december 2026"); // earliest deadline of the group
    const partner = r.brieven.find((b: any) => b.sjabloon === "informatiebericht-partner");
    expect(partner).toMatchObject({ ontvanger: "ISZW", betrokkene_id: null });
    expect(r.overgeslagen.map((o: any) => o.opvolging).sort()).toEqual([s.opv.onderzoek, s.opv.zonderEigenaar].sort());
    expect(r.overgeslagen.find((o: any) => o.opvolging === s.opv.zonderEigenaar).reden).toContain("geen eigenaar");

    const lijst = ok(cli(s.db, ["--json", "brief", "lijst", "--avond", String(s.avond)])).json();
    expect(lijst.map((b: any) => [b.kenmerk, b.ontvanger, b.opvolgingen])).toEqual([
      ["INT-2026-000003", "Ștefan Țurcanu", [s.opv.lod]],
      ["INT-2026-000002", "Łukasz Wiśniewski", [s.opv.info1, s.opv.info2]],
      ["INT-2026-000001", "ISZW", [s.opv.partner]],
    ]);
    expect(ok(cli(s.db, ["brief", "lijst"])).stdout).toContain("INT-2026-000002");
    expect(ok(cli(s.db, ["--json", "brief", "lijst", "--avond", "999"])).json()).toEqual([]);

    const before = dump(s.db);
    const second = ok(cli(s.db, ["--json", ...VANDAAG, "brief", "batch", "--avond", String(s.avond), "--uit", uit])).json();
    expect(second.aantal).toBe(0);
    expect(fs.readdirSync(uit)).toHaveLength(3);
    expect(dump(s.db)).toBe(before);
    const human = ok(cli(s.db, [...VANDAAG, "brief", "batch", "--avond", String(s.avond), "--uit", uit]));
    expect(human.stdout).toContain("Geen nieuwe brieven");
    expect(human.stderr).toBe(
      "Opvolging " +
        s.opv.zonderEigenaar +
        " overgeslagen: " +
        second.overgeslagen.find((o: any) => o.opvolging === s.opv.zonderEigenaar).reden +
        "\n",
    );

    const opnieuw = ok(cli(s.db, ["--json", ...VANDAAG, "brief", "batch", "--avond", String(s.avond), "--uit", uit, "--opnieuw"])).json();
    expect(opnieuw.brieven.map((b: any) => b.kenmerk)).toEqual(["INT-2026-000004", "INT-2026-000005", "INT-2026-000006"]);
  });

  it("een kapot eigen sjabloon stopt de hele batch voordat er een bestand is geschreven", () => {
    const s = scenario();
    const map = tempDir();
    fs.writeFileSync(path.join(map, "informatiebrief-eigenaar.hbs"), "---\nonderwerp: x\n---\n{{#each bevindingen}}open\n");
    const uit = tempDir();
    const before = dump(s.db);
    const r = cli(s.db, [...VANDAAG, "brief", "batch", "--avond", String(s.avond), "--uit", uit, "--sjablonen", map]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Sjabloon informatiebrief-eigenaar (tekst) kan niet worden gevuld");
    expect(fs.readdirSync(uit)).toEqual([]);
    expect(dump(s.db)).toBe(before);
    expect(
      cli(s.db, ["brief", "batch", "--avond", String(s.avond), "--uit", uit, "--sjablonen", path.join(map, "bestaat-niet")]).code,
    ).toBe(2);
  });

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
    const dir = tempDir();
    const a = path.join(dir, "a.pdf");
    const b = path.join(dir, "b.pdf");
    for (const f of [a, b])
      ok(cli("/nonexistent/x.db", [...VANDAAG, "brief", "voorbeeld", "--sjabloon", "last-onder-dwangsom", "--uit", f]));
    expect(sha(a)).toBe(sha(b));
    const golden = fs.readFileSync(path.join(ROOT, "test/golden/voorbeeld-last-onder-dwangsom.sha256"), "utf8").trim();
    expect(sha(a)).toBe(golden);
  });

  it("dezelfde brief uit twee databases met dezelfde invoer is byte-identiek", () => {
    const files = [scenario(), scenario()].map(
      (s) => ok(cli(s.db, ["--json", ...VANDAAG, "brief", "maak", "--opvolging", String(s.opv.lod), "--uit", tempDir()])).json().bestand,
    );
    expect(sha(files[0])).toBe(sha(files[1]));
  });
});

describe("sjablonen en voorbeeld", () => {
  it("sjabloon lijst toont de zes standaardsjablonen; een eigen map gaat voor", () => {
    const db = initDb();
    const names = ok(cli(db, ["--json", "sjabloon", "lijst"]))
      .json()
      .map((r: any) => r.naam);
    expect(names).toEqual([
      "aankondiging-hercontrole",
      "informatiebericht-partner",
      "informatiebrief-eigenaar",
      "last-onder-dwangsom",
      "voornemen-bestuursdwang",
      "voornemen-last-onder-dwangsom",
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
      path.join(map, "waarschuwing.md"),
      "---\ntitel: Waarschuwing\nonderwerp: Waarschuwing {{adres.volledig}}\n---\n**Let op**\n\nBeste {{ontvanger.naam}}, uiterlijk {{datum deadline}}.\n\n{{#each bevindingen}}\n- {{categorie}}\n{{/each}}\n",
    );
    const out = path.join(tempDir(), "v.pdf");
    ok(
      cli("/nonexistent/x.db", [...VANDAAG, "brief", "voorbeeld", "--sjabloon", "waarschuwing", "--uit", out], {
        env: { INTERVENTIE_SJABLONEN: map },
      }),
    );
    const t = flat(await pdfText(out));
    expect(t).toContain("Beste Łukasz Wiśniewski, uiterlijk 10 december 2026.");
    expect(t).toContain("Waarschuwing Kerkstraat 12A, 5504 AB Veldhoven");
    expect(t).toContain("Overbewoning");
  });

  it("voornemen last onder dwangsom noemt de zienswijze binnen twee weken (Awb 4:8)", async () => {
    const out = path.join(tempDir(), "v.pdf");
    ok(cli("/nonexistent/x.db", [...VANDAAG, "brief", "voorbeeld", "--sjabloon", "voornemen-last-onder-dwangsom", "--uit", out]));
    const t = flat(await pdfText(out));
    expect(t).toContain("artikel 4:8 Algemene wet bestuursrecht");
    expect(t).toContain("binnen twee weken");
    expect(t).toContain("7 december 2026");
  });

  it("voornemen bestuursdwang noemt artikel 5:21 Awb", async () => {
    const out = path.join(tempDir(), "v.pdf");
    ok(cli("/nonexistent/x.db", [...VANDAAG, "brief", "voorbeeld", "--sjabloon", "voornemen-bestuursdwang", "--uit", out]));
    expect(flat(await pdfText(out))).toContain("artikel 5:21 Algemene wet bestuursrecht");
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
  it("toont de standaard, zet eigen velden en gebruikt ze in de brief (contact: afdeling, niet de inspecteur)", async () => {
    const s = scenario();
    const std = ok(cli(s.db, ["--json", "briefhoofd", "toon", "--gemeente", "bladel"])).json();
    expect(std).toMatchObject({ gemeente: "Bladel", afdeling: "afdeling Vergunningen, Toezicht en Handhaving", eigen: false });
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
        "Bladel",
        "--afdeling",
        "team Handhaving",
        "--telefoon",
        "0497 123 456",
        "--ondertekenaar",
        "mr. A. de Jurist",
        "--functie",
        "coördinator juridische zaken",
        "--logo",
        logo,
      ]),
    );
    const h = ok(cli(s.db, ["--json", "briefhoofd", "toon", "--gemeente", "Bladel"])).json();
    expect(h).toMatchObject({
      afdeling: "team Handhaving",
      telefoon: "0497 123 456",
      ondertekenaarNaam: "mr. A. de Jurist",
      logo,
      eigen: true,
      email: "handhaving@bladel.nl",
    });
    const r = ok(cli(s.db, ["--json", ...VANDAAG, "brief", "maak", "--opvolging", String(s.opv.lod), "--uit", tempDir()])).json();
    const t = flat(await pdfText(r.bestand));
    expect(t).toContain("Team Handhaving, telefoon 0497 123 456");
    expect(t).toContain("mr. A. de Jurist");
    expect(t).toContain("Coördinator juridische zaken");
    expect(fs.readFileSync(r.bestand).includes("/Subtype /Image")).toBe(true); // the logo
    // An empty value puts a field back on the default.
    const reset = ok(cli(s.db, ["--json", "briefhoofd", "zet", "--gemeente", "Bladel", "--afdeling", ""])).json();
    expect(reset.afdeling).toBe("afdeling Vergunningen, Toezicht en Handhaving");
    expect(reset.telefoon).toBe("0497 123 456");
  });

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
