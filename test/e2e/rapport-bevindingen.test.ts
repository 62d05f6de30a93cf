import fs from "node:fs";
import path from "node:path";
import { PDFParse } from "pdf-parse";
import { describe, expect, it } from "vitest";
import { getOndertekendRapport } from "../../src/db/rapport-bevindingen.js";
import { count, exec } from "../helpers/avg.js";
import { bewijsInhoud, leesMet } from "../helpers/bewijs.js";
import { cli, cliAsync, dump, ok, tempDir } from "../helpers/cli.js";
import { avondMetAdressen, rapportArgs, toevoegArgs, voegToe, waarneming } from "../helpers/bevinding.js";
import { maakPng } from "../helpers/beeld.js";
import { seededOn } from "../helpers/seed.js";

/**
 * Issue 13 as a handhaver and a jurist use it: findings with time, author number and method, a
 * photo attached, the rapport van bevindingen printed, signed, frozen, and a version 2 after a change.
 */
const VANDAAG = ["--vandaag", "2026-11-23"];

async function pdfTekst(file: string): Promise<string> {
  return (await new PDFParse({ data: fs.readFileSync(file) }).getText()).text.replace(/[ \t]+/g, " ");
}

/**
 * An evening (19 November 2026, 19:00) with named team members, two toezichthouders and two findings
 * at the Kerkstraat; built once per test run through the CLI, copied per test.
 */
function opzet() {
  const base = seededOn("rapport-bevindingen", avondMetAdressen, (db, { avond, kerkstraat }) => {
    ok(cli(db, ["avond", "rol", String(avond), "--rol", "teamleider", "--naam", "Anja de Vries", "--partner", "Gemeente"]));
    ok(cli(db, ["avond", "rol", String(avond), "--rol", "beveiliging", "--naam", "Piet Verbeek", "--partner", "Politie"]));
    const toezichthouder = (nummer: string, functie: string, organisatie: string, extra: string[] = []) =>
      ok(cli(db, ["toezichthouder", "toevoegen", "--nummer", nummer, "--functie", functie, "--organisatie", organisatie, ...extra]));
    toezichthouder("4711", "toezichthouder Wonen", "Veldhoven", ["--beediging", "ambtseed"]);
    toezichthouder("2314", "toezichthouder brandveiligheid", "Veiligheidsregio");
    const b1 = voegToe(db, avond, kerkstraat, "overbewoning", [
      "--omschrijving",
      "14 personen op 4 slaapkamers, matrassen op zolder",
      "--personen",
      "14",
      ...waarneming("19:40", "4711", "visuele waarneming in alle ruimten, gesprek met bewoners"),
    ]);
    const b2 = voegToe(db, avond, kerkstraat, "brandveiligheid", [
      "--omschrijving",
      "Geen werkende rookmelders op de verdieping",
      ...waarneming("20.05", "4711,2314", "visuele inspectie, rookmelders getest"),
    ]);
    return { b1, b2 };
  });
  const foto = path.join(tempDir(), "zolder.png");
  fs.writeFileSync(foto, maakPng(160, 120));
  return { ...base, foto };
}

const rapport = (db: string, avond: number, adres: number, pdf: string, extra: string[] = []) =>
  cli(db, ["--gebruiker", "Jan Jansen", ...rapportArgs(avond, adres, pdf, extra)]);

describe("rapport van bevindingen", () => {
  it("legt tijdstip, toezichthouder(s) op nummer en methode vast", () => {
    const { b1, b2 } = opzet();
    expect(b1).toMatchObject({
      tijdstip: "19:40",
      toezichthouders: ["4711"],
      methode: "visuele waarneming in alle ruimten, gesprek met bewoners",
      onvolledig: [],
    });
    expect(b2).toMatchObject({ tijdstip: "20:05", toezichthouders: ["4711", "2314"], onvolledig: [] });
  });

  it("drukt, ondertekent, bevriest en maakt na een wijziging versie 2; de PDF noemt tijd, methode, nummer en hashes maar geen namen", async () => {
    const { db, avond, kerkstraat, b1, foto } = opzet();
    const dir = tempDir();
    const bijlage = ok(
      cli(db, ["--json", "bevinding", "bijlage", "toevoegen", String(b1.id), foto, "--bijschrift", "Zolder: vier matrassen op de vloer"]),
    ).json();
    expect(bijlage).toMatchObject({ bevinding_id: b1.id, soort: "png", nieuw: true, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });

    // Concept: nothing is recorded, no kenmerk is used.
    const concept = ok(rapport(db, avond, kerkstraat, path.join(dir, "concept.pdf"))).json();
    expect(concept).toMatchObject({ status: "concept", kenmerk: null, versie: 1, bevindingen: [b1.id, expect.any(Number)], bijlagen: 1 });
    expect(await pdfTekst(path.join(dir, "concept.pdf"))).toContain("CONCEPT");

    // Two authors: who signs must be said.
    const wie = rapport(db, avond, kerkstraat, path.join(dir, "x.pdf"), ["--onderteken"]);
    expect(wie.code).toBe(2);
    expect(wie.stderr).toMatch(/2 opstellers \(4711, 2314\); kies wie ondertekent met --ondertekenaar/);
    const vreemde = rapport(db, avond, kerkstraat, path.join(dir, "x.pdf"), ["--onderteken", "--ondertekenaar", "9999"]);
    expect(vreemde.code).toBe(2);
    expect(vreemde.stderr).toMatch(/9999 heeft deze bevindingen niet vastgesteld/);
    expect(fs.existsSync(path.join(dir, "x.pdf"))).toBe(false);

    const v1 = ok(rapport(db, avond, kerkstraat, path.join(dir, "v1.pdf"), ["--onderteken", "--ondertekenaar", "4711"])).json();
    expect(v1).toMatchObject({
      status: "ondertekend",
      kenmerk: "RVB-2026-000001",
      versie: 1,
      ondertekend_door: "4711",
      dagtekening: "2026-11-23",
      herdruk: false,
    });
    const tekst = await pdfTekst(path.join(dir, "v1.pdf"));
    for (const moet of [
      "Rapport van bevindingen",
      "RVB-2026-000001",
      "Kerkstraat 12, 5504 AB Veldhoven",
      "19 november 2026 om 19:40 uur",
      "19 november 2026 om 20:05 uur",
      "visuele waarneming in alle ruimten, gesprek met bewoners",
      "toezichthouder nr. 4711",
      "toezichthouder nr. 2314",
      "toezichthouder Wonen",
      "opgemaakt op ambtseed",
      "Overtreden norm",
      "Zolder: vier matrassen op de vloer",
      bijlage.sha256,
      v1.inhoud_sha256,
      "Gemeente: 1 persoon (teamleider)",
      "ten minste 14 personen",
      "Elektronisch ondertekend",
      "23 november 2026",
    ]) {
      expect(tekst).toContain(moet);
    }
    // Veilige Publieke Taak: no name of the team or of the user who signed.
    for (const naam of ["Anja", "Vries", "Piet", "Verbeek", "Jan Jansen", "tester"]) expect(tekst).not.toContain(naam);
    expect(tekst).not.toContain("CONCEPT");

    // Frozen: printing again gives the signed bytes, also with --onderteken (nothing new to sign).
    const opnieuw = ok(rapport(db, avond, kerkstraat, path.join(dir, "v1-opnieuw.pdf"), ["--onderteken"])).json();
    expect(opnieuw).toMatchObject({ herdruk: true, versie: 1, actueel: true });
    expect(fs.readFileSync(path.join(dir, "v1-opnieuw.pdf")).equals(fs.readFileSync(path.join(dir, "v1.pdf")))).toBe(true);

    // A changed finding: the next print is a concept of version 2; version 1 stays as signed.
    ok(cli(db, ["bevinding", "wijzig", String(b1.id), "--omschrijving", "15 personen op 4 slaapkamers, matrassen op zolder"]));
    const v2concept = ok(rapport(db, avond, kerkstraat, path.join(dir, "v2-concept.pdf"))).json();
    expect(v2concept).toMatchObject({ status: "concept", kenmerk: "RVB-2026-000001", versie: 2 });
    ok(rapport(db, avond, kerkstraat, path.join(dir, "v1-later.pdf"), ["--versie", "1"]));
    expect(fs.readFileSync(path.join(dir, "v1-later.pdf")).equals(fs.readFileSync(path.join(dir, "v1.pdf")))).toBe(true);
    const v2 = ok(rapport(db, avond, kerkstraat, path.join(dir, "v2.pdf"), ["--onderteken", "--ondertekenaar", "4711"])).json();
    expect(v2).toMatchObject({ status: "ondertekend", kenmerk: "RVB-2026-000001", versie: 2 });
    expect(await pdfTekst(path.join(dir, "v2.pdf"))).toContain("15 personen");

    // A new attachment is a change too.
    fs.writeFileSync(
      path.join(dir, "gang.png"),
      maakPng(40, 30, () => [200, 10, 10]),
    );
    ok(cli(db, ["bevinding", "bijlage", "toevoegen", String(b1.id), path.join(dir, "gang.png")]));
    expect(ok(rapport(db, avond, kerkstraat, path.join(dir, "v3.pdf"))).json()).toMatchObject({ status: "concept", versie: 3 });

    // What letters will cite: the newest signed version, with the observation as signed.
    {
      expect(await leesMet(db, (sql) => getOndertekendRapport(sql, b1.id))).toMatchObject({
        kenmerk: "RVB-2026-000001",
        versie: 2,
        datum: "2026-11-23",
        ondertekend_door: "4711",
        waarneming: { datum: "2026-11-19", tijdstip: "19:40" },
      });
      expect(await leesMet(db, (sql) => getOndertekendRapport(sql, 999))).toBeUndefined();
      // Immutable in the database too.
      expect(() => exec(db, "UPDATE rapport_versie SET dagtekening = '2026-01-01'")).toThrow(/onveranderlijk/);
    }
  });

  it("één PDF per adres voor een hele avond; een tweede rapport krijgt een nieuw kenmerk", async () => {
    const { db, avond, industrieweg } = opzet();
    voegToe(db, avond, industrieweg, "brandgevaar", [
      "--omschrijving",
      "Logies in loods zonder vluchtweg",
      ...waarneming("00:40", "2314", "visuele inspectie"),
    ]);
    const map = path.join(tempDir(), "rapporten");
    const r = ok(
      cli(db, [
        "--json",
        ...VANDAAG,
        "rapport",
        "bevindingen",
        "--avond",
        String(avond),
        "--uit",
        map,
        "--onderteken",
        "--ondertekenaar",
        "2314",
      ]),
    );
    // 2314 did not observe at the Kerkstraat alone; there it co-signs as one of the authors.
    const out = r.json();
    expect(out.rapporten.map((x: any) => [x.adres_id, x.kenmerk, x.status])).toEqual([
      [1, "RVB-2026-000001", "ondertekend"],
      [industrieweg, "RVB-2026-000002", "ondertekend"],
    ]);
    expect(fs.readdirSync(map).sort()).toEqual(["RVB-2026-000001_v1_5504AB-12.pdf", "RVB-2026-000002_v1_5531NK-7.pdf"]);
    // After midnight: the next day.
    expect(await pdfTekst(path.join(map, "RVB-2026-000002_v1_5531NK-7.pdf"))).toContain("20 november 2026 om 00:40 uur");
  });

  it("weigert te ondertekenen zonder bevindingen, en voor een adres zonder bevindingen", () => {
    const { db, avond, markt } = opzet();
    const before = dump(db);
    const r = rapport(db, avond, markt, path.join(tempDir(), "x.pdf"), ["--onderteken"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/heeft geen bevindingen op avond/);
    const pdf = path.join(tempDir(), "y.pdf");
    for (const [args, fout] of [
      [["--avond", String(avond), "--pdf", pdf], /Ontbrekende optie --adres \(of --uit <map>/],
      [["--avond", "99", "--adres", "1", "--pdf", pdf], /Avond 99 bestaat niet/],
      [["--avond", String(avond), "--adres", "1", "--pdf", pdf, "--ondertekenaar", "4711"], /--ondertekenaar hoort bij --onderteken/],
      [
        ["--avond", String(avond), "--adres", "1", "--pdf", pdf, "--versie", "1"],
        /Versie 1 van het rapport voor .* bestaat niet \(ondertekend: geen\)/,
      ],
      [
        ["--avond", String(avond), "--adres", "1", "--pdf", pdf, "--versie", "1", "--onderteken"],
        /--versie herdrukt een ondertekende versie/,
      ],
      [["--avond", String(avond), "--uit", tempDir(), "--pdf", pdf], /Gebruik --pdf met --adres/],
    ] as [string[], RegExp][]) {
      const x = cli(db, ["rapport", "bevindingen", ...args]);
      expect(x.code).toBe(2);
      expect(x.stderr).toMatch(fout);
      expect(x.stderr.trim().split("\n")).toHaveLength(1);
    }
    expect(fs.existsSync(pdf)).toBe(false);
    expect(dump(db)).toBe(before);
  });
});

describe("ondertekenen is alles of niets", () => {
  it("een PDF die niet geschreven kan worden laat niets ondertekend achter", () => {
    const { db, avond, kerkstraat, b1, foto } = opzet();
    ok(cli(db, ["bevinding", "bijlage", "toevoegen", String(b1.id), foto]));
    const before = dump(db);
    const opslag = bewijsInhoud(db);
    const r = rapport(db, avond, kerkstraat, tempDir(), ["--onderteken", "--ondertekenaar", "4711"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/pdf: .* is een map; geef een bestandsnaam/);
    expect(dump(db)).toBe(before);
    expect(bewijsInhoud(db)).toEqual(opslag);
  });

  it("twee processen die tegelijk ondertekenen maken één versie", async () => {
    const { db, avond, kerkstraat } = opzet();
    const dir = tempDir();
    const args = (n: number) => rapportArgs(avond, kerkstraat, path.join(dir, `r${n}.pdf`), ["--onderteken", "--ondertekenaar", "4711"]);
    const [a, b] = await Promise.all([cliAsync(db, args(1)), cliAsync(db, args(2))]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect([a.json().herdruk, b.json().herdruk].sort()).toEqual([false, true]);
    expect(fs.readFileSync(path.join(dir, "r1.pdf")).equals(fs.readFileSync(path.join(dir, "r2.pdf")))).toBe(true);
    expect(count(db, "SELECT count(*) AS n FROM rapport_versie")).toBe(1);
    expect(count(db, "SELECT laatste AS n FROM rapport_teller")).toBe(1);
  });
});

describe("bevinding toevoegen: één keer vastleggen", () => {
  it("weigert in een script dezelfde avond, hetzelfde adres en dezelfde categorie, tenzij --toch", () => {
    const { db, avond, kerkstraat, b1 } = opzet();
    const before = dump(db);
    const args = toevoegArgs(avond, kerkstraat, "overbewoning", "Nog eens");
    const r = cli(db, args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `Er is al een bevinding Overbewoning vastgelegd voor Kerkstraat 12, 5504 AB Veldhoven op avond ${avond} (bevinding ${b1.id}`,
    );
    expect(r.stderr).toContain("--toch");
    expect(dump(db)).toBe(before);
    expect(ok(cli(db, ["--json", ...args, "--toch"])).json()).toMatchObject({ categorie: "overbewoning", omschrijving: "Nog eens" });
  });
});
