import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { addAdres, cli, dump, initDb, ok, tempDb, tempDir } from "../helpers/cli.js";
import { itAlleenSqlite } from "../helpers/opslag.js";

describe("init en referentiegegevens", () => {
  itAlleenSqlite("het databasebestand", "maakt de database privé aan (0600)", () => {
    const db = tempDb();
    ok(cli(db, ["--json", "init", "--team", "KIT"]));
    expect(fs.statSync(db).mode & 0o777).toBe(0o600);
  });

  it("laadt partners, categorieën en gemeenten", () => {
    const db = tempDb();
    const r = ok(cli(db, ["--json", "init", "--team", "KIT"]));
    expect(r.json().database).toBe(db);
    expect(r.json().team).toBe("Kempen Interventie Team (KIT)");
    const partners = ok(cli(db, ["partner", "lijst", "--json"])).json();
    expect(partners.map((p: any) => p.naam)).toEqual(
      expect.arrayContaining(["Gemeente", "Politie", "Nederlandse Arbeidsinspectie", "Enexis", "Douane"]),
    );
    expect(partners.find((p: any) => p.naam === "Nederlandse Arbeidsinspectie").aliassen).toContain("ISZW");
    const cats = ok(cli(db, ["categorie", "lijst", "--json"])).json();
    // The Wet goed verhuurderschap: the college, norm art. 2, warning art. 17.
    expect(cats.find((c: any) => c.code === "goed-verhuurderschap").handhaving).toMatchObject({
      bestuursorgaan: "college",
      ladder: "waarschuwing",
      waarschuwingsgrondslag: "artikel 17 Wet goed verhuurderschap",
    });
    expect(cats.find((c: any) => c.code === "hennep").handhaving).toMatchObject({
      bestuursorgaan: "burgemeester",
      ladder: "bestuurlijke-rapportage",
      spoor: "sluiting",
    });
    expect(cats.find((c: any) => c.code === "wav").handhaving).toBeNull();
    expect(cats.find((c: any) => c.code === "energiefraude").voorschrift).toMatch(/^Energiewet/);
    expect(cats.find((c: any) => c.code === "strijdig-gebruik").naam).toBe("Strijdig gebruik omgevingsplan");
    const adresfraude = cats.find((c: any) => c.code === "adresfraude");
    expect(adresfraude).toMatchObject({ naam: "Adresfraude (BRP)", partner: "Gemeente" });
    expect(adresfraude.opvolging.length).toBeGreaterThan(0);
    const gemeenten = ok(cli(db, ["--json", "gemeente", "lijst"]))
      .json()
      .map((g: any) => g.naam);
    expect(gemeenten).toEqual(expect.arrayContaining(["Bergeijk", "Reusel-De Mierden", "Helmond", "Gemert-Bakel"]));
  });

  it("is herhaalbaar zonder dubbelingen", () => {
    const db = initDb();
    const r = ok(cli(db, ["--json", "init"])).json();
    expect(r.toegevoegd).toEqual({ gemeenten: 0, partners: 0, categorieen: 0 });
  });

  it("voegt eigen gemeente, partner en categorie toe", () => {
    const db = initDb();
    expect(ok(cli(db, ["--json", "gemeente", "toevoegen", "--naam", "Oss", "--team", "MIT"])).json().id).toBeGreaterThan(0);
    ok(cli(db, ["partner", "toevoegen", "--naam", "Woningcorporatie Woonbedrijf"]));
    const c = ok(
      cli(db, [
        "--json",
        "categorie",
        "toevoegen",
        "--code",
        "kamerverhuur",
        "--naam",
        "Illegale kamerverhuur",
        "--partner",
        "gemeente",
        "--grondslag",
        "Huisvestingsverordening",
      ]),
    ).json();
    expect(c).toMatchObject({ code: "kamerverhuur", partner: "Gemeente", voorschrift: "Huisvestingsverordening" });
    // The gemeente's own category gets the default enforcement profile; a partner's none.
    expect(c.handhaving).toMatchObject({ bestuursorgaan: "college", ladder: "waarschuwing", spoor: "dwangsom" });
    const partner = ok(
      cli(db, ["--json", "categorie", "toevoegen", "--code", "loonfraude", "--naam", "Loonfraude", "--partner", "ISZW"]),
    ).json();
    expect(partner).toMatchObject({ partner: "Nederlandse Arbeidsinspectie", handhaving: null });
    const sluiting = ok(
      cli(db, [
        "--json",
        "categorie",
        "toevoegen",
        "--code",
        "ondermijning",
        "--naam",
        "Ondermijnend pand",
        "--partner",
        "Gemeente",
        "--voorschrift",
        "artikel 2:30a APV",
        "--bestuursorgaan",
        "burgemeester",
        "--ladder",
        "voornemen",
        "--spoor",
        "sluiting",
        "--bevoegdheid",
        "artikel 174a Gemeentewet",
      ]),
    ).json();
    expect(sluiting.handhaving).toMatchObject({
      bestuursorgaan: "burgemeester",
      spoor: "sluiting",
      sluitingsduur: "3 maanden",
      dwangsom: null,
    });
    const dup = cli(db, ["categorie", "toevoegen", "--code", "kamerverhuur", "--naam", "x", "--partner", "Gemeente"]);
    expect(dup.code).toBe(2);
  });
});

describe("adres toevoegen", () => {
  it.each([
    ["0123AB", "begint met 0"],
    ["123AB", "drie cijfers"],
    ["12345AB", "vijf cijfers"],
    ["5531A", "één letter"],
    ["5531ABC", "drie letters"],
    ["5531SA", "SA"],
    ["5531 sd", "SD"],
    ["5531SS", "SS"],
    ["AB5531", "omgedraaid"],
    ["5531-AB", "koppelteken"],
    ["", "leeg"],
  ])("weigert postcode %s (%s) met exit 2 en laat de database ongemoeid", (postcode) => {
    const db = initDb();
    const before = dump(db);
    const r = cli(db, [
      "adres",
      "toevoegen",
      "--postcode",
      postcode,
      "--huisnummer",
      "1",
      "--straat",
      "S",
      "--plaats",
      "P",
      "--gemeente",
      "Best",
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/postcode/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(dump(db)).toBe(before);
  });

  it("bewaart de postcode genormaliseerd, met of zonder spatie", () => {
    const db = initDb();
    const r = ok(
      cli(db, [
        "--json",
        "adres",
        "toevoegen",
        "--postcode",
        "5531 nk",
        "--huisnummer",
        "7",
        "--straat",
        "Industrieweg",
        "--plaats",
        "Bladel",
        "--gemeente",
        "bladel",
        "--type",
        "loods",
      ]),
    ).json();
    expect(r).toMatchObject({ postcode: "5531NK", huisnummer: 7, gemeente: "Bladel", type: "loods" });
  });

  it("weigert onbekende gemeente, huisnummer 0 en een dubbel adres", () => {
    const db = initDb();
    addAdres(db);
    const before = dump(db);
    const onbekend = cli(db, [
      "adres",
      "toevoegen",
      "--postcode",
      "5504AB",
      "--huisnummer",
      "14",
      "--straat",
      "S",
      "--plaats",
      "P",
      "--gemeente",
      "Atlantis",
    ]);
    expect(onbekend.code).toBe(2);
    expect(onbekend.stderr).toContain("Atlantis");
    const nul = cli(db, [
      "adres",
      "toevoegen",
      "--postcode",
      "5504AB",
      "--huisnummer",
      "0",
      "--straat",
      "S",
      "--plaats",
      "P",
      "--gemeente",
      "Best",
    ]);
    expect(nul.code).toBe(2);
    expect(nul.stderr).toMatch(/huisnummer/);
    const dubbel = cli(db, [
      "--json",
      "adres",
      "toevoegen",
      "--postcode",
      "5504 ab",
      "--huisnummer",
      "12",
      "--straat",
      "Kerkstraat",
      "--plaats",
      "Veldhoven",
      "--gemeente",
      "Veldhoven",
    ]);
    expect(dubbel.code).toBe(2);
    expect(dubbel.json().fout.code).toBe("dubbel-adres");
    expect(dump(db)).toBe(before);
  });

  it("noemt de ontbrekende optie zonder terminal", () => {
    const db = initDb();
    const r = cli(db, ["adres", "toevoegen", "--postcode", "5504AB"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--huisnummer");
  });

  it("bewaart vijandige tekst letterlijk", () => {
    const db = initDb();
    const straat = `Łódzka'; DROP TABLE adres; -- "Ștefan"`;
    const id = addAdres(db, { straat, plaats: 'Brașov "x"' });
    const shown = ok(cli(db, ["--json", "adres", "toon", String(id)])).json();
    expect(shown.straat).toBe(straat);
    expect(shown.plaats).toBe('Brașov "x"');
    expect(ok(cli(db, ["adres", "toon", String(id)])).stdout).toContain(straat);
  });
});

describe("adres importeren", () => {
  const header = "postcode,huisnummer,toevoeging,straat,plaats,gemeente,type";

  it("importeert alles of niets en noemt de foute regel", () => {
    const db = initDb();
    const dir = tempDir();
    const file = path.join(dir, "adressen.csv");
    fs.writeFileSync(
      file,
      [
        header,
        "5504AB,1,,Kerkstraat,Veldhoven,Veldhoven,woning",
        "5504AB,2,,Kerkstraat,Veldhoven,Veldhoven,woning",
        "0504AB,3,,Kerkstraat,Veldhoven,Veldhoven,woning",
        "5504AB,4,,Kerkstraat,Veldhoven,Veldhoven,woning",
      ].join("\n"),
    );
    const before = dump(db);
    const r = cli(db, ["adres", "importeren", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("regel 4");
    expect(r.stderr).not.toContain("regel 3:");
    expect(dump(db)).toBe(before);
  });

  it("leest ; als scheidingsteken met BOM en respecteert --dry-run", () => {
    const db = initDb();
    const file = path.join(tempDir(), "excel.csv");
    fs.writeFileSync(
      file,
      "\uFEFF" +
        [
          header.replaceAll(",", ";"),
          "5504 AB;1;A;Kerkstraat;Veldhoven;Veldhoven;woning",
          "5531NK;7;;Industrieweg;Bladel;Bladel;loods",
        ].join("\r\n"),
    );
    const before = dump(db);
    const dry = ok(cli(db, ["--json", "adres", "importeren", file, "--dry-run"])).json();
    expect(dry).toMatchObject({ geldig: 2, geimporteerd: 0 });
    expect(dump(db)).toBe(before);
    const r = ok(cli(db, ["--json", "adres", "importeren", file])).json();
    expect(r.geimporteerd).toBe(2);
    const lijst = ok(cli(db, ["--json", "adres", "lijst", "--gemeente", "Veldhoven"])).json();
    expect(lijst).toHaveLength(1);
    expect(lijst[0]).toMatchObject({ postcode: "5504AB", toevoeging: "A" });
  });
});

describe("betrokkenen en signalen", () => {
  it("koppelt één betrokkene aan adressen in verschillende gemeenten en toont signalen", () => {
    const db = initDb();
    const a1 = addAdres(db);
    const a2 = addAdres(db, { postcode: "5531NK", huisnummer: "7", straat: "Industrieweg", plaats: "Bladel", gemeente: "Bladel" });
    const b = ok(
      cli(db, [
        "--json",
        "betrokkene",
        "toevoegen",
        "--naam",
        "Łukasz Wiśniewski",
        "--rol",
        "eigenaar",
        "--adres",
        String(a1),
        "--kvk",
        "12345678",
      ]),
    ).json();
    ok(cli(db, ["betrokkene", "koppel", String(b.id), "--adres", String(a2), "--rol", "verhuurder"]));
    ok(cli(db, ["betrokkene", "koppel", String(b.id), "--adres", String(a1), "--rol", "verhuurder"]));
    const toon = ok(cli(db, ["--json", "betrokkene", "toon", String(b.id)])).json();
    expect(toon.naam).toBe("Łukasz Wiśniewski");
    // By gemeente, then address; two roles at one address in a fixed order (PostgreSQL once gave them the other way round).
    expect(toon.adressen.map((a: any) => `${a.gemeente} ${a.rol}`)).toEqual([
      "Bladel verhuurder",
      "Veldhoven eigenaar",
      "Veldhoven verhuurder",
    ]);
    const s = ok(
      cli(db, [
        "--json",
        "--vandaag",
        "2026-12-10",
        "signaal",
        "toevoegen",
        "--adres",
        String(a1),
        "--partner",
        "politie",
        "--omschrijving",
        "Overlast",
        "--thema",
        "huisvesting",
        "--datum",
        "03-12-2026",
      ]),
    ).json();
    expect(s).toMatchObject({ partner: "Politie", datum: "2026-12-03" });
    const lijst = ok(cli(db, ["--json", "signaal", "lijst", "--gemeente", "Veldhoven"])).json();
    expect(lijst).toHaveLength(1);
    const historie = ok(cli(db, ["adres", "toon", String(a1)])).stdout;
    expect(historie).toContain("3 december 2026");
    expect(historie).toContain("Łukasz Wiśniewski");
  });

  it("weigert een onbekende partner en een ongeldige datum", () => {
    const db = initDb();
    const a = addAdres(db);
    const before = dump(db);
    expect(cli(db, ["signaal", "toevoegen", "--adres", String(a), "--partner", "FBI", "--omschrijving", "x"]).code).toBe(2);
    expect(
      cli(db, ["signaal", "toevoegen", "--adres", String(a), "--partner", "Politie", "--omschrijving", "x", "--datum", "31-02-2026"]).code,
    ).toBe(2);
    expect(cli(db, ["signaal", "toevoegen", "--adres", "999", "--partner", "Politie", "--omschrijving", "x"]).code).toBe(2);
    expect(dump(db)).toBe(before);
  });
});

describe("algemeen", () => {
  it("accepteert globale opties voor en na de opdracht", () => {
    const db = initDb();
    addAdres(db);
    const voor = cli(db, ["--json", "adres", "lijst"]);
    const na = cli(db, ["adres", "lijst", "--json"]);
    expect(voor.json()).toEqual(na.json());
  });

  it("geeft bij --json een fout-document en exit 2 voor onbekende opties", () => {
    const db = initDb();
    const r = cli(db, ["--json", "adres", "lijst", "--onzin"]);
    expect(r.code).toBe(2);
    expect(r.json().fout.code).toBe("gebruik");
  });

  it("weigert een bestand dat geen database is, zonder het te wijzigen", () => {
    const file = path.join(tempDir(), "brief.db");
    fs.writeFileSync(file, "dit is geen database, maar wel belangrijk");
    const r = cli(file, ["adres", "lijst"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/geen .*interventie-database/);
    expect(fs.readFileSync(file, "utf8")).toBe("dit is geen database, maar wel belangrijk");
  });

  it("--version en --help werken zonder database", () => {
    const db = tempDb();
    expect(ok(cli(db, ["--version"])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(ok(cli(db, ["--help"])).stdout).toContain("Opdrachten:");
    expect(fs.existsSync(db)).toBe(false);
  });
});
