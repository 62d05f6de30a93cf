import fs from "node:fs";
import path from "node:path";
import { PDFParse } from "pdf-parse";
import { describe, expect, it } from "vitest";
import { cli, cliInProcess, dump, ok, tempDir } from "../helpers/cli.js";
import { insertAvond } from "../helpers/fixtures.js";
import { avondMetAdressen, voegToe } from "../helpers/bevinding.js";
import { rijen } from "../helpers/rijen.js";
import { seededOn } from "../helpers/seed.js";

const rows = rijen;

describe("bevinding toevoegen", () => {
  it("legt een bevinding vast met eigenaar uit de categorie en opvolging uit de standaardregel, gerekend vanaf de avond", () => {
    const { db, avond, kerkstraat } = avondMetAdressen();
    const b = voegToe(db, avond, kerkstraat, "overbewoning", ["--maatregel", "CV buiten gebruik", "--personen", "14"]);
    expect(b).toMatchObject({
      id: expect.any(Number),
      avond_id: avond,
      adres_id: kerkstraat,
      categorie: "overbewoning",
      partner: "Gemeente",
      maatregel: "CV buiten gebruik",
      personen: 14,
      waarschuwingen: [],
    });
    // Overbewoning begins its handhavingsladder at the voornemen (one step at a time); informing the
    // Arbeidsinspectie is a plain follow-up of the category. Deadlines in werkdagen from the evening.
    expect(b.opvolgingen.map((o: any) => [o.actie, o.partner, o.deadline, o.status])).toEqual([
      ["voornemen last onder dwangsom", "Gemeente", "2026-12-03", "open"],
      ["partner informeren", "Nederlandse Arbeidsinspectie", "2026-12-03", "open"],
    ]);
    const zaak = rows(db, "SELECT * FROM handhaving WHERE bevinding_id = ?", b.id)[0];
    expect(zaak).toMatchObject({
      status: "lopend",
      bestuursorgaan: "college",
      spoor: "dwangsom",
      begunstigingstermijn: "4 weken",
      dwangsom_bedrag: 2500,
    });
    expect(rows(db, "SELECT stap, niet_voor, sjabloon FROM opvolging WHERE bevinding_id = ? ORDER BY id", b.id)).toEqual([
      { stap: "voornemen", niet_voor: "2026-11-19", sjabloon: "voornemen-last-onder-dwangsom" },
      { stap: null, niet_voor: null, sjabloon: "informatiebericht-partner" },
    ]);
    const human = ok(
      cli(db, [
        "bevinding",
        "toevoegen",
        "--avond",
        String(avond),
        "--adres",
        String(kerkstraat),
        "--categorie",
        "milieu",
        "--omschrijving",
        "Olievaten in tuin",
        "--partner",
        "gemeente",
      ]),
    );
    expect(human.stdout).toContain("Milieuovertreding (eigenaar Gemeente)");
    expect(human.stdout).toContain("waarschuwing met hersteltermijn — Gemeente — uiterlijk 3 december 2026");
  });

  it("maakt per categorie de eigen standaard-opvolging, in werkdagen over Koningsdag en in kalenderdagen", () => {
    const { db, kerkstraat } = avondMetAdressen();
    const avond = insertAvond(db, { datum: "2026-04-24", adressen: [kerkstraat] }); // vrijdag vóór Koningsdag
    const energie = voegToe(db, avond, kerkstraat, "energiefraude");
    expect(energie.partner).toBe("Enexis");
    // 10 werkdagen from Friday 24 April: Koningsdag (27 April) and 5 mei do not count (Atw).
    expect(energie.opvolgingen.map((o: any) => [o.actie, o.partner, o.deadline])).toEqual([
      ["meters vervangen en vordering", "Enexis", "2026-05-12"],
      ["aangifte diefstal van energie", "Enexis", "2026-05-12"],
    ]);
    const atw = voegToe(db, avond, kerkstraat, "arbeidstijdenwet", ["--partner", "ISZW"]); // the old name still works
    expect(atw.partner).toBe("Nederlandse Arbeidsinspectie");
    // The Arbeidsinspectie reports back to the gemeente; the gemeente never "informs" itself.
    expect(atw.opvolgingen.map((o: any) => [o.actie, o.partner, o.deadline])).toEqual([
      ["terugkoppeling aan de gemeente", "Nederlandse Arbeidsinspectie", "2026-05-28"], // 20 werkdagen: also Hemelvaart and 2e Pinksterdag
      ["boeterapport", "Nederlandse Arbeidsinspectie", "2026-06-23"],
    ]);
    const brand = voegToe(db, avond, kerkstraat, "brandgevaar");
    expect(brand.opvolgingen.map((o: any) => [o.actie, o.partner, o.deadline])).toEqual([
      ["voornemen last onder bestuursdwang", "Gemeente", "2026-05-12"],
    ]);
  });

  it("--partner beslist wie de standaard-opvolging doet waar de categorie dat toestaat; toevoegen en importeren gelijk", () => {
    const { db, avond, kerkstraat } = avondMetAdressen();
    const acties = (b: any) => b.opvolgingen.map((o: any) => `${o.actie}: ${o.partner}`).sort();
    const svb = voegToe(db, avond, kerkstraat, "sociale-zekerheidsfraude", ["--partner", "SVB"]);
    expect(acties(svb)).toEqual(["onderzoek uitkeringsrecht: SVB", "terugkoppeling aan de gemeente: SVB"]);
    // Without --partner the category's owner; a fixed partner in a rule stays (informing the Arbeidsinspectie).
    expect(acties(voegToe(db, avond, kerkstraat, "sociale-zekerheidsfraude", ["--toch"]))).toEqual([
      "onderzoek uitkeringsrecht: UWV",
      "terugkoppeling aan de gemeente: UWV",
    ]);
    expect(acties(voegToe(db, avond, kerkstraat, "overbewoning", ["--partner", "UWV"]))).toContain(
      "partner informeren: Nederlandse Arbeidsinspectie",
    );
    // The gemeente's own benefit finding: no feedback to itself.
    expect(acties(voegToe(db, avond, kerkstraat, "sociale-zekerheidsfraude", ["--partner", "Gemeente", "--toch"]))).toEqual([
      "onderzoek uitkeringsrecht: Gemeente",
    ]);
    const file = path.join(tempDir(), "b.csv");
    fs.writeFileSync(
      file,
      "postcode,huisnummer,toevoeging,categorie,omschrijving,partner,maatregel,personen\n" +
        "5504AB,12,,sociale-zekerheidsfraude,AOW,SVB,,\n5504AB,12,,sociale-zekerheidsfraude,WW,,,\n" +
        "5504AB,12,,sociale-zekerheidsfraude,Bijstand,Gemeente,,\n5504AB,12,,sociale-zekerheidsfraude,Kinderbijslag,svb,,\n",
    );
    const imp = ok(cli(db, ["--json", "bevinding", "importeren", file, "--avond", String(avond)])).json();
    expect(imp.opvolgingen).toBe(7);
    const lijst = ok(cli(db, ["--json", "bevinding", "lijst", "--avond", String(avond)])).json();
    const geimporteerd = lijst.filter((b: any) => b.id >= imp.eerste_id);
    expect(geimporteerd.map((b: any) => [b.partner, ...acties(b)])).toEqual([
      ["SVB", "onderzoek uitkeringsrecht: SVB", "terugkoppeling aan de gemeente: SVB"],
      ["UWV", "onderzoek uitkeringsrecht: UWV", "terugkoppeling aan de gemeente: UWV"],
      ["Gemeente", "onderzoek uitkeringsrecht: Gemeente"],
      ["SVB", "onderzoek uitkeringsrecht: SVB", "terugkoppeling aan de gemeente: SVB"],
    ]);
    // Same rules, same order, same deadlines as one at a time.
    const eenVoorEen = lijst.find((b: any) => b.id === svb.id);
    expect(geimporteerd[0].opvolgingen.map((o: any) => [o.actie, o.deadline])).toEqual(
      eenVoorEen.opvolgingen.map((o: any) => [o.actie, o.deadline]),
    );
  });

  it("accepteert een adres buiten de lijst van de avond met een waarschuwing en zet het op de lijst", () => {
    const { db, avond, markt } = avondMetAdressen();
    const r = ok(
      cli(db, [
        "--json",
        "bevinding",
        "toevoegen",
        "--avond",
        String(avond),
        "--adres",
        String(markt),
        "--categorie",
        "voedselveiligheid",
        "--omschrijving",
        "Keuken vervuild",
      ]),
    );
    expect(r.stderr).toMatch(/waarschuwing: Adres Markt 3.*stond niet op de lijst van avond/);
    expect(r.json().waarschuwingen).toHaveLength(1);
    expect(
      rows(db, "SELECT adres_id, volgorde FROM avond_adres WHERE avond_id = ? ORDER BY volgorde", avond).map((x) => x.adres_id),
    ).toEqual([1, 2, markt]);
  });

  it("weigert onbekende categorie, partner, avond en een fout aantal personen met exit 2 en wijzigt niets", () => {
    const { db, avond, kerkstraat } = avondMetAdressen();
    const before = dump(db);
    const base = ["bevinding", "toevoegen", "--avond", String(avond), "--adres", String(kerkstraat), "--omschrijving", "x"];
    for (const [args, pattern] of [
      [["--categorie", "onzin"], /Categorie "onzin" bestaat niet/],
      [["--categorie", "milieu", "--partner", "Marsmannetjes"], /Partner "Marsmannetjes" bestaat niet/],
      [["--categorie", "milieu", "--personen", "-3"], /personen/],
    ] as [string[], RegExp][]) {
      const r = cli(db, [...base, ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(pattern);
    }
    const geenAvond = cli(db, [
      "bevinding",
      "toevoegen",
      "--avond",
      "99",
      "--adres",
      String(kerkstraat),
      "--categorie",
      "milieu",
      "--omschrijving",
      "x",
    ]);
    expect(geenAvond.code).toBe(2);
    expect(geenAvond.stderr).toContain("Avond 99 bestaat niet");
    const zonder = cli(db, ["bevinding", "toevoegen", "--avond", String(avond), "--adres", String(kerkstraat), "--categorie", "milieu"]);
    expect(zonder.code).toBe(2);
    expect(zonder.stderr).toContain("--omschrijving");
    expect(dump(db)).toBe(before);
  });

  it("loopt aan een terminal adres voor adres de lijst van de avond langs", async () => {
    const { db, avond } = avondMetAdressen();
    const r = await cliInProcess(db, ["--json", "bevinding", "toevoegen", "--avond", String(avond)], {
      answers: [
        ["overbewoning", "energiefraude"],
        "", // tijdstip: the evening's start time
        "", // toezichthouder: none known yet
        "", // methode
        "12 personen op zolder",
        "woning gesloten",
        "12",
        "Meter omgelegd",
        "meters vervangen",
        "",
        [],
      ],
    });
    expect(r.code).toBe(0);
    const out = r.json();
    expect(out.bevindingen.map((b: any) => [b.adres_id, b.categorie, b.omschrijving, b.maatregel, b.personen])).toEqual([
      [1, "overbewoning", "12 personen op zolder", "woning gesloten", 12],
      [1, "energiefraude", "Meter omgelegd", "meters vervangen", null],
    ]);
    expect(out.bevindingen[1].opvolgingen).toHaveLength(2);
    expect(rows(db, "SELECT count(*) AS n FROM bevinding")[0].n).toBe(2);
  });
});

describe("bevinding importeren", () => {
  const header = "postcode;huisnummer;toevoeging;categorie;omschrijving;partner;maatregel;personen";

  it("importeert alles in één keer, met opvolging, en waarschuwt voor een adres buiten de lijst", () => {
    const { db, avond, markt } = avondMetAdressen();
    const file = path.join(tempDir(), "bevindingen.csv");
    fs.writeFileSync(
      file,
      `\uFEFF${header}\n5504 ab;12;;overbewoning;14 personen;;CV buiten gebruik;14\n5531NK;7;;wav;Zes werknemers zonder TWV;ISZW;;6\n5521AJ;3;;voedselveiligheid;Keuken vervuild;;;\n`,
    );
    const r = ok(cli(db, ["--json", "bevinding", "importeren", file, "--avond", String(avond)]));
    const out = r.json();
    expect(out).toMatchObject({ avond_id: avond, geimporteerd: 3, opvolgingen: 6 });
    expect(out.laatste_id - out.eerste_id).toBe(2);
    expect(out.waarschuwingen).toEqual([expect.stringMatching(/^regel 4: adres Markt 3.*niet op de lijst/)]);
    expect(r.stderr).toContain("waarschuwing: regel 4");
    expect(rows(db, "SELECT adres_id FROM avond_adres WHERE avond_id = ? ORDER BY volgorde", avond).map((x) => x.adres_id)).toEqual([
      1,
      2,
      markt,
    ]);
    const lijst = ok(cli(db, ["--json", "bevinding", "lijst", "--avond", String(avond)])).json();
    expect(lijst.map((b: any) => [b.categorie, b.partner, b.personen])).toEqual([
      ["overbewoning", "Gemeente", 14],
      ["wav", "Nederlandse Arbeidsinspectie", 6], // ISZW in the CSV: the alias
      ["voedselveiligheid", "NVWA", null],
    ]);
    expect(lijst[0].opvolgingen.map((o: any) => o.deadline)).toEqual(["2026-12-03", "2026-12-03"]);
    expect(rows(db, "SELECT count(*) AS n FROM handhaving")[0].n).toBe(1); // only overbewoning is the gemeente's to enforce
  });

  it("weigert het hele bestand bij een foute regel en noemt elke foute regel", () => {
    const { db, avond } = avondMetAdressen();
    const file = path.join(tempDir(), "fout.csv");
    fs.writeFileSync(
      file,
      `${header}\n5504AB;12;;overbewoning;14 personen;;;14\n5504AB;12;;onbekend;x;;;\n9999ZZ;1;;milieu;x;;;\n5531NK;7;;wav;;;;\n5531NK;7;;wav;x;Niemand;;\n`,
    );
    const before = dump(db);
    const r = cli(db, ["bevinding", "importeren", file, "--avond", String(avond)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("4 ongeldige regels");
    expect(r.stderr).toMatch(/regel 3: categorie: "onbekend" is onbekend/);
    expect(r.stderr).toMatch(/regel 4: adres 9999ZZ 1 bestaat niet/);
    expect(r.stderr).toMatch(/regel 5: omschrijving/);
    expect(r.stderr).toMatch(/regel 6: partner: "Niemand"/);
    expect(r.stderr).not.toContain("regel 2");
    expect(dump(db)).toBe(before);
  });

  it("weigert een onbekende avond en een ontbrekende kolom", () => {
    const { db, avond } = avondMetAdressen();
    const file = path.join(tempDir(), "kolom.csv");
    fs.writeFileSync(file, "postcode,huisnummer,omschrijving\n5504AB,12,x\n");
    const before = dump(db);
    expect(cli(db, ["bevinding", "importeren", file, "--avond", "77"]).code).toBe(2);
    const r = cli(db, ["bevinding", "importeren", file, "--avond", String(avond)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("categorie");
    expect(dump(db)).toBe(before);
  });

  it("verwerkt 100.000 regels in één transactie", () => {
    const { db, avond } = avondMetAdressen();
    const file = path.join(tempDir(), "groot.csv");
    const lines = ["postcode,huisnummer,toevoeging,categorie,omschrijving,partner,maatregel,personen"];
    const cats = ["overbewoning", "energiefraude", "milieu", "wav"];
    for (let i = 0; i < 100_000; i++) lines.push(`${i % 2 ? "5504AB,12" : "5531NK,7"},,${cats[i % 4]},Bevinding ${i},,,${i % 20}`);
    fs.writeFileSync(file, `${lines.join("\n")}\n`);
    const out = ok(cli(db, ["--json", "bevinding", "importeren", file, "--avond", String(avond)])).json();
    expect(out.geimporteerd).toBe(100_000);
    expect(out.laatste_id - out.eerste_id).toBe(99_999);
    expect(out.opvolgingen).toBe(175_000);
    // Follow-ups in the same order as one by one: per finding, its first ladder step, then its category's rules in order.
    const eerste = rows(db, "SELECT bevinding_id, actie FROM opvolging ORDER BY id LIMIT 5");
    expect(eerste.map((o) => o.bevinding_id)).toEqual([
      out.eerste_id,
      out.eerste_id,
      out.eerste_id + 1,
      out.eerste_id + 1,
      out.eerste_id + 2,
    ]);
    expect(eerste.slice(0, 2).map((o) => o.actie)).toEqual(["voornemen last onder dwangsom", "partner informeren"]);
    // A handhavingszaak for every finding the gemeente enforces (overbewoning, milieu), in the same transaction.
    expect(rows(db, "SELECT count(*) AS n FROM handhaving")[0].n).toBe(50_000);
    const volgorde = rows(
      db,
      "SELECT count(*) AS n FROM opvolging a JOIN opvolging b ON b.id = a.id + 1 WHERE b.bevinding_id < a.bevinding_id",
    );
    expect(volgorde[0].n).toBe(0);
  }, 90_000);

  it("schrijft niets als pas de laatste van 20.000 regels fout is (de transactie wordt teruggedraaid)", () => {
    const { db, avond } = avondMetAdressen();
    const file = path.join(tempDir(), "laat-fout.csv");
    const lines = ["postcode,huisnummer,toevoeging,categorie,omschrijving,partner,maatregel,personen"];
    for (let i = 0; i < 20_000; i++) lines.push(`5504AB,12,,milieu,Bevinding ${i},,,`);
    lines.push("5504AB,12,,milieu,Laatste,,,veel");
    fs.writeFileSync(file, `${lines.join("\n")}\n`);
    const before = dump(db);
    const r = cli(db, ["bevinding", "importeren", file, "--avond", String(avond)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/1 ongeldige regel in [\s\S]*regel 20002: personen/);
    expect(dump(db)).toBe(before);
  }, 60_000);
});

describe("opvolging lijst en verlopen", () => {
  /** Evening of 19 November 2026: overbewoning (ladder: voornemen) at Kerkstraat; brandgevaar and Arbeidstijdenwet at Industrieweg. */
  function opgezet() {
    return seededOn("opvolging-lijst", avondMetAdressen, (db, s) => {
      const over = voegToe(db, s.avond, s.kerkstraat, "overbewoning");
      const brand = voegToe(db, s.avond, s.industrieweg, "brandgevaar");
      const atw = voegToe(db, s.avond, s.industrieweg, "arbeidstijdenwet");
      const pers = ok(
        cli(db, ["--json", "opvolging", "toevoegen", "--bevinding", String(over.id), "--actie", "persbericht", "--deadline", "2026-11-26"]),
      ).json();
      return { over, brand, atw, pers };
    });
  }

  /** A hercontrole added by hand to a running zaak: a step of its ladder. */
  const extraHercontrole = (db: string, bevinding: number) =>
    ok(
      cli(db, ["--json", "opvolging", "toevoegen", "--bevinding", String(bevinding), "--actie", "hercontrole", "--deadline", "2026-12-01"]),
    ).json();

  it("sorteert op deadline en markeert verlopen opvolgingen ten opzichte van --vandaag", () => {
    const { db } = opgezet();
    const alle = ok(cli(db, ["--json", "--vandaag", "2026-12-04", "opvolging", "lijst"])).json();
    expect(alle.map((o: any) => o.deadline)).toEqual(["2026-11-26", "2026-12-03", "2026-12-03", "2026-12-03", "2026-12-17", "2027-01-18"]);
    expect(alle.filter((o: any) => o.verlopen).map((o: any) => o.deadline)).toEqual([
      "2026-11-26",
      "2026-12-03",
      "2026-12-03",
      "2026-12-03",
    ]);
    const opDeDag = ok(
      cli(db, ["--json", "opvolging", "lijst", "--status", "verlopen"], { env: { INTERVENTIE_VANDAAG: "2026-12-03" } }),
    ).json();
    expect(opDeDag.map((o: any) => o.actie)).toEqual(["persbericht"]);
    // A wide window: every column on one line (at 80 columns the table drops and wraps, see lijsten.test.ts).
    const human = ok(cli(db, ["--vandaag", "2026-12-04", "opvolging", "lijst"], { env: { COLUMNS: "200" } })).stdout;
    expect(human).toMatch(/! .*26 november 2026 VERLOPEN/);
    expect(human).toContain("4 verlopen");
    expect(human).not.toMatch(/! .*17 december 2026/);
  });

  it("toont bij een ladderstap de vroegste dag, zolang die nog niet is aangebroken", () => {
    const { db, avond } = opgezet();
    const human = ok(
      cli(db, ["--vandaag", "2026-11-18", "opvolging", "lijst", "--avond", String(avond)], { env: { COLUMNS: "200" } }),
    ).stdout;
    expect(human).toContain("niet vóór 19 november 2026");
    const json = ok(cli(db, ["--json", "opvolging", "lijst", "--avond", String(avond)])).json();
    expect(json.find((o: any) => o.stap === "voornemen")).toMatchObject({ niet_voor: "2026-11-19", handhaving_id: expect.any(Number) });
  });

  it("filtert op status, gemeente, partner en avond", () => {
    const { db, avond, pers } = opgezet();
    ok(cli(db, ["opvolging", "bijwerken", String(pers.id), "--status", "afgerond", "--resultaat", "Persbericht verstuurd"]));
    const lijst = (...args: string[]) =>
      ok(cli(db, ["--json", "--vandaag", "2026-12-04", "opvolging", "lijst", ...args]))
        .json()
        .map((o: any) => o.id);
    expect(lijst("--status", "afgerond")).toEqual([pers.id]);
    expect(lijst("--status", "open")).toHaveLength(5);
    expect(lijst("--status", "verlopen")).toHaveLength(3);
    expect(lijst("--gemeente", "Veldhoven")).toHaveLength(3);
    expect(lijst("--partner", "ISZW")).toHaveLength(3); // informing it, its boeterapport and its report back
    expect(lijst("--avond", String(avond))).toHaveLength(6);
    expect(cli(db, ["opvolging", "lijst", "--avond", "999"]).stderr).toContain("Avond 999 bestaat niet");
    const fout = cli(db, ["opvolging", "lijst", "--status", "kwijt"]);
    expect(fout.code).toBe(2);
    expect(fout.stderr).toContain("status");
  });

  it("wijzigt status: doodgelopen alleen met reden, gesloten blijft gesloten; een doodgelopen stap sluit de handhavingszaak", () => {
    const { db, over } = opgezet();
    const id = String(over.opvolgingen[0].id);
    const before = dump(db);
    const zonder = cli(db, ["--json", "opvolging", "bijwerken", id, "--status", "doodgelopen"]);
    expect(zonder.code).toBe(2);
    expect(zonder.json().fout.code).toBe("reden-verplicht");
    expect(dump(db)).toBe(before);
    ok(cli(db, ["opvolging", "bijwerken", id, "--status", "in-behandeling"]));
    const dood = ok(
      cli(db, [
        "--json",
        "--vandaag",
        "2026-12-10",
        "opvolging",
        "bijwerken",
        id,
        "--status",
        "doodgelopen",
        "--resultaat",
        "Eigenaar failliet, curator onbereikbaar",
      ]),
    ).json();
    expect(dood).toMatchObject({
      status: "doodgelopen",
      resultaat: "Eigenaar failliet, curator onbereikbaar",
      gesloten_op: "2026-12-10",
      verlopen: false,
    });
    expect(dood.melding).toContain("doodgelopen");
    expect(rows(db, "SELECT status FROM handhaving WHERE bevinding_id = ?", over.id)[0].status).toBe("doodgelopen");
    const na = dump(db);
    const opnieuw = cli(db, ["opvolging", "bijwerken", id, "--status", "afgerond"]);
    expect(opnieuw.code).toBe(2);
    expect(opnieuw.stderr).toContain("al doodgelopen");
    expect(dump(db)).toBe(na);
    const log = rows(db, "SELECT gebruiker, actie, details FROM audit_log WHERE tabel = 'opvolging' AND rij_id = ?", Number(id));
    expect(log.map((l) => l.actie)).toEqual(["gewijzigd", "gewijzigd"]);
    expect(log[0].gebruiker).toBe("tester");
  });

  it("een stap met een brief rond je af door de brief te maken, niet met de hand", () => {
    const { db, over } = opgezet();
    const before = dump(db);
    const r = cli(db, ["opvolging", "bijwerken", String(over.opvolgingen[0].id), "--status", "afgerond"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      `fout: "voornemen last onder dwangsom" wordt afgerond door de brief te maken: interventie brief maak --opvolging ${over.opvolgingen[0].id} --uit <map>`,
    );
    expect(dump(db)).toBe(before);
  });

  it("een extra hercontrole die de overtreding nog aantreft, maakt geen stap als de volgende al open staat", () => {
    const { db, over } = opgezet();
    const her = extraHercontrole(db, over.id);
    expect(her.stap).toBe("hercontrole");
    ok(cli(db, ["toezichthouder", "toevoegen", "--nummer", "4711", "--functie", "toezichthouder Wonen", "--organisatie", "Veldhoven"]));
    const waarneming = [
      "--tijdstip",
      "10:00",
      "--toezichthouder",
      "4711",
      "--methode",
      "visuele waarneming",
      "--waarneming",
      "Nog 14 bewoners",
    ];
    const r = ok(
      cli(db, ["--json", "--vandaag", "2026-11-25", "opvolging", "bijwerken", String(her.id), "--beeindigd", "nee", ...waarneming]),
    ).json();
    expect(r).toMatchObject({ status: "afgerond", beeindigd: false, resultaat: "Overtreding niet beëindigd", gesloten_op: "2026-11-25" });
    expect(r.voorstel).toBeUndefined();
    expect(r.melding).toBe(
      `Overtreding niet beëindigd. De volgende stap staat al open: het voornemen (opvolging ${over.opvolgingen[0].id}).`,
    );
  });

  it("hercontrole beëindigd: de handhavingszaak is afgerond en haar open stappen ook; --beeindigd alleen bij een hercontrole", () => {
    const { db, over } = opgezet();
    const her = extraHercontrole(db, over.id);
    const before = dump(db);
    const geenHer = cli(db, ["opvolging", "bijwerken", String(over.opvolgingen[1].id), "--beeindigd", "ja"]);
    expect(geenHer.code).toBe(2);
    const zonder = cli(db, ["opvolging", "bijwerken", String(her.id), "--status", "afgerond"]);
    expect(zonder.code).toBe(2);
    expect(zonder.stderr).toContain("--beeindigd");
    expect(cli(db, ["opvolging", "bijwerken", String(her.id), "--beeindigd", "misschien"]).code).toBe(2);
    expect(dump(db)).toBe(before);
    const r = ok(
      cli(db, [
        "--json",
        "--vandaag",
        "2026-11-25",
        "opvolging",
        "bijwerken",
        String(her.id),
        "--beeindigd",
        "ja",
        "--resultaat",
        "Nog 4 bewoners, conform",
      ]),
    ).json();
    expect(r).toMatchObject({ status: "afgerond", beeindigd: true, resultaat: "Nog 4 bewoners, conform" });
    expect(r.voorstel).toBeUndefined();
    expect(rows(db, "SELECT status FROM handhaving WHERE bevinding_id = ?", over.id)[0].status).toBe("afgerond");
    expect(rows(db, "SELECT status, resultaat FROM opvolging WHERE id = ?", over.opvolgingen[0].id)[0]).toEqual({
      status: "afgerond",
      resultaat: `Niet meer nodig: overtreding beëindigd (hercontrole ${her.id})`,
    });
  });

  it("opvolging toevoegen en deadline of partner bijwerken per bevinding", () => {
    const { db, over } = opgezet();
    const nieuw = ok(
      cli(db, [
        "--json",
        "opvolging",
        "toevoegen",
        "--bevinding",
        String(over.id),
        "--actie",
        "persbericht",
        "--partner",
        "Politie",
        "--deadline",
        "15-12-2026",
      ]),
    ).json();
    expect(nieuw).toMatchObject({
      actie: "persbericht",
      partner: "Politie",
      deadline: "2026-12-15",
      status: "open",
      stap: null,
      sjabloon: null,
    });
    // An action the category's rules know brings its letter along.
    const informeren = ok(
      cli(db, [
        "--json",
        "opvolging",
        "toevoegen",
        "--bevinding",
        String(over.id),
        "--actie",
        "Partner informeren",
        "--partner",
        "Politie",
        "--deadline",
        "2026-12-15",
      ]),
    ).json();
    expect(informeren.sjabloon).toBe("informatiebericht-partner");
    const bij = ok(
      cli(db, ["--json", "opvolging", "bijwerken", String(nieuw.id), "--deadline", "2027-01-08", "--partner", "gemeente"]),
    ).json();
    expect(bij).toMatchObject({ partner: "Gemeente", deadline: "2027-01-08", status: "open" });
    const before = dump(db);
    expect(cli(db, ["opvolging", "toevoegen", "--bevinding", String(over.id), "--actie", "x", "--deadline", "2026-11-01"]).code).toBe(2);
    expect(cli(db, ["opvolging", "toevoegen", "--bevinding", "999", "--actie", "x", "--deadline", "2026-12-01"]).code).toBe(2);
    expect(cli(db, ["opvolging", "bijwerken", String(nieuw.id), "--deadline", "31-02-2027"]).code).toBe(2);
    expect(cli(db, ["opvolging", "bijwerken", String(nieuw.id)]).code).toBe(2);
    expect(dump(db)).toBe(before);
  });

  it("adres toon laat bevindingen en opvolging zien", () => {
    const { db, kerkstraat } = opgezet();
    const toon = ok(cli(db, ["adres", "toon", String(kerkstraat)])).stdout.replace(/\s+/g, " "); // lines wrap at 80 columns
    expect(toon).toContain("Overbewoning (Gemeente): Aangetroffen: overbewoning");
    expect(toon).toContain("voornemen last onder dwangsom (Gemeente) — open, uiterlijk 3 december 2026");
  });
});

describe("rapport terugkoppeling", () => {
  it("toont per partner wat zij aandroeg of in eigendom heeft, wat er is gedaan en met welk resultaat — terminal, JSON en PDF", async () => {
    const { db, avond, kerkstraat, industrieweg } = avondMetAdressen();
    ok(
      cli(db, [
        "signaal",
        "toevoegen",
        "--adres",
        String(kerkstraat),
        "--partner",
        "Enexis",
        "--omschrijving",
        "Afwijkend verbruik",
        "--datum",
        "2026-10-05",
      ]),
    );
    const over = voegToe(db, avond, kerkstraat, "overbewoning");
    const energie = voegToe(db, avond, industrieweg, "energiefraude");
    voegToe(db, avond, industrieweg, "wav");
    const informeren = over.opvolgingen.find((o: any) => o.actie === "partner informeren");
    ok(cli(db, ["opvolging", "bijwerken", String(informeren.id), "--status", "afgerond", "--resultaat", "Arbeidsinspectie geïnformeerd"]));
    const meters = energie.opvolgingen.find((o: any) => o.actie === "meters vervangen en vordering");
    ok(
      cli(db, [
        "opvolging",
        "bijwerken",
        String(meters.id),
        "--status",
        "doodgelopen",
        "--resultaat",
        "Meterkast verwijderd door eigenaar",
      ]),
    );

    const enexis = ok(cli(db, ["--json", "--vandaag", "2026-12-10", "rapport", "terugkoppeling", "--partner", "enexis"])).json();
    expect(enexis.partner).toBe("Enexis");
    expect(enexis.bevindingen.map((b: any) => [b.id, b.betrokkenheid])).toEqual([
      [over.id, ["signaal"]],
      [energie.id, ["eigenaar", "opvolging"]],
    ]);
    // The Gemeente's enforcement track on a finding Enexis only signalled: status, not its content.
    // Other partners' tracks on a finding Enexis only signalled: their status, not their content.
    expect(enexis.bevindingen[0].opvolgingen).toEqual([
      { eigen: false, partner: "Gemeente", status: "open", verlopen: true },
      { eigen: false, partner: "Nederlandse Arbeidsinspectie", status: "afgerond", verlopen: false },
    ]);
    expect(enexis.bevindingen[0].omschrijving).toBeNull();
    expect(JSON.stringify(enexis)).not.toContain("Arbeidsinspectie geïnformeerd");
    expect(enexis.bevindingen[1].opvolgingen.find((o: any) => o.eigen)).toMatchObject({
      actie: "meters vervangen en vordering",
      status: "doodgelopen",
      resultaat: "Meterkast verwijderd door eigenaar",
    });
    expect(enexis.signalen).toEqual([
      expect.objectContaining({
        omschrijving: "Afwijkend verbruik",
        uitkomst: "bevindingen",
        tekst: expect.stringContaining("Overbewoning"),
      }),
    ]);
    expect(enexis.totalen).toMatchObject({ bevindingen: 2, opvolgingen: 4, afgerond: 1, doodgelopen: 1, open: 2, verlopen: 2 });

    const nla = ok(cli(db, ["--json", "rapport", "terugkoppeling", "--partner", "ISZW"])).json();
    expect(nla.bevindingen.map((b: any) => [b.categorie, b.betrokkenheid])).toEqual([
      ["overbewoning", ["opvolging"]],
      ["wav", ["eigenaar", "opvolging"]],
    ]);
    const ggd = ok(cli(db, ["--json", "rapport", "terugkoppeling", "--partner", "GGD"])).json();
    expect(ggd.bevindingen).toEqual([]);

    const human = ok(cli(db, ["--vandaag", "2026-12-10", "rapport", "terugkoppeling", "--partner", "Enexis"])).stdout;
    expect(human).toContain("Terugkoppeling aan Enexis");
    expect(human.replace(/\s+/g, " ")).toContain(
      "meters vervangen en vordering (Enexis), uiterlijk 3 december 2026: doodgelopen — Meterkast verwijderd door eigenaar",
    );
    expect(human).toContain("opvolging door Gemeente: 1 open");
    expect(human).not.toContain("Arbeidsinspectie geïnformeerd");

    const pdf = path.join(tempDir(), "rapport", "enexis.pdf");
    fs.mkdirSync(path.dirname(pdf)); // a named file's folder must exist (issue 17)
    const r = ok(cli(db, ["--json", "--vandaag", "2026-12-10", "rapport", "terugkoppeling", "--partner", "Enexis", "--pdf", pdf])).json();
    expect(r.bestand).toBe(pdf);
    const text = (await new PDFParse({ data: fs.readFileSync(pdf) }).getText()).text.replace(/\s+/g, " ");
    expect(text).toContain("Terugkoppeling aan Enexis");
    expect(text).toContain("Bevinding " + over.id + " — Overbewoning");
    expect(text).toContain("Fraude met energiemeters");
    expect(text).toContain("Meterkast verwijderd door eigenaar");
    expect(text).toContain("signaal aangeleverd");
    expect(text).toContain("Afwijkend verbruik");
    expect(text).not.toContain("Arbeidsinspectie geïnformeerd");
    expect(text).not.toMatch(/\d{2}-\d{2}-\d{4}/); // dates written out, as in every PDF
    expect(text).not.toContain("Wet arbeid vreemdelingen");

    expect(cli(db, ["rapport", "terugkoppeling", "--partner", "Niemand"]).code).toBe(2);
    expect(cli(db, ["rapport", "terugkoppeling"]).stderr).toContain("--partner");
  });

  it("een signaal na de avond maakt een partner niet tot aandrager", () => {
    const { db, avond, kerkstraat } = avondMetAdressen();
    voegToe(db, avond, kerkstraat, "overbewoning");
    ok(
      cli(db, [
        "--vandaag",
        "2026-12-10",
        "signaal",
        "toevoegen",
        "--adres",
        String(kerkstraat),
        "--partner",
        "NVWA",
        "--omschrijving",
        "later",
        "--datum",
        "2026-11-30",
      ]),
    );
    expect(ok(cli(db, ["--json", "rapport", "terugkoppeling", "--partner", "NVWA"])).json().bevindingen).toEqual([]);
  });
});
