import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/connection.js";
import { itAlleenSqlite } from "../helpers/opslag.js";
import { cli, cliInProcess, dump, ok, tempDb, tempDir } from "../helpers/cli.js";
import { avondMetAdressen, toevoegArgs, voegToe } from "../helpers/bevinding.js";

/** Issue 13 points 1 and 5, issue 14 point 7: time, author and method on every way in; the morning after. */
function metToezichthouders() {
  const base = avondMetAdressen();
  ok(cli(base.db, ["toezichthouder", "toevoegen", "--nummer", "4711", "--functie", "toezichthouder Wonen", "--organisatie", "Veldhoven"]));
  ok(cli(base.db, ["toezichthouder", "toevoegen", "--nummer", "BOA-2314", "--functie", "BOA domein II", "--organisatie", "bladel"]));
  return base;
}

const lijst = (db: string, avond: number) => ok(cli(db, ["--json", "bevinding", "lijst", "--avond", String(avond)])).json();

describe("toezichthouder", () => {
  it("legt nummer, functie, organisatie en beëdiging vast, zonder naam; dubbel of onbekend is exit 2", () => {
    const { db } = metToezichthouders();
    expect(ok(cli(db, ["--json", "toezichthouder", "lijst"])).json()).toEqual([
      { id: 1, nummer: "4711", functie: "toezichthouder Wonen", organisatie: "Veldhoven", soort_organisatie: "gemeente", beediging: null },
      { id: 2, nummer: "BOA-2314", functie: "BOA domein II", organisatie: "Bladel", soort_organisatie: "gemeente", beediging: null },
    ]);
    const before = dump(db);
    for (const [args, fout] of [
      [["--nummer", "4711", "--functie", "x", "--organisatie", "Veldhoven"], /Toezichthouder 4711 bestaat al/],
      [["--nummer", "Jan Jansen", "--functie", "x", "--organisatie", "Veldhoven"], /geen toezichthoudernummer/],
      [["--nummer", "12", "--functie", "x", "--organisatie", "Atlantis"], /"Atlantis" is geen gemeente of partner/],
      [
        ["--nummer", "12", "--functie", "x", "--organisatie", "UWV", "--beediging", "misschien"],
        /beediging: "misschien" is niet toegestaan/,
      ],
    ] as [string[], RegExp][]) {
      const r = cli(db, ["toezichthouder", "toevoegen", ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(fout);
    }
    expect(dump(db)).toBe(before);
  });

  it("een onbekend nummer of een ongeldige tijd bij een bevinding is exit 2 en legt niets vast", () => {
    const { db, avond, kerkstraat } = metToezichthouders();
    const before = dump(db);
    const basis = toevoegArgs(avond, kerkstraat, "milieu");
    const onbekend = cli(db, [...basis, "--toezichthouder", "4711,9999"]);
    expect(onbekend.code).toBe(2);
    expect(onbekend.stderr).toMatch(
      /Toezichthouder 9999 bestaat niet; leg het nummer eerst vast met: interventie toezichthouder toevoegen/,
    );
    const tijd = cli(db, [...basis, "--tijdstip", "25:00"]);
    expect(tijd.code).toBe(2);
    expect(tijd.stderr).toMatch(/tijdstip: "25:00" is geen tijd/);
    expect(dump(db)).toBe(before);
  });
});

describe("bevinding toevoegen aan een terminal: de ochtend na de avond", () => {
  it("vraagt tijd, nummer en methode één keer per adres, met goede standaarden, en toont wat er al ligt", async () => {
    const { db, avond, kerkstraat } = metToezichthouders();
    const eerdere = voegToe(db, avond, kerkstraat, "overbewoning", ["--toezichthouder", "4711", "--methode", "visuele waarneming"]);
    const r = await cliInProcess(db, ["bevinding", "toevoegen", "--avond", String(avond)], {
      answers: [
        // Kerkstraat: overbewoning is already recorded (declined), energiefraude is new.
        ["overbewoning", "energiefraude"],
        "19:50",
        "", // toezichthouder: the last used, 4711
        "", // methode: the last used
        false, // no second overbewoning
        "Meter omgelegd",
        "",
        "",
        // Industrieweg.
        ["brandgevaar"],
        "", // tijdstip: the previous address's 19:50
        "BOA-2314",
        "visuele inspectie",
        "Geen vluchtweg",
        "",
        "9",
      ],
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Al vastgelegd op dit adres:");
    expect(r.stdout).toContain(`[${eerdere.id}] Overbewoning (19:00, nr. 4711): Aangetroffen: overbewoning`);
    expect(r.stdout).toContain("Nog niets vastgelegd op dit adres.");
    const nieuw = lijst(db, avond).filter((b: any) => b.id !== eerdere.id);
    expect(nieuw.map((b: any) => [b.categorie, b.tijdstip, b.toezichthouders, b.methode, b.personen])).toEqual([
      ["energiefraude", "19:50", ["4711"], "visuele waarneming", null],
      ["brandgevaar", "19:50", ["BOA-2314"], "visuele inspectie", 9],
    ]);
  });

  it("een tweede bevinding van dezelfde categorie vraagt aan een terminal om bevestiging", async () => {
    const { db, avond, kerkstraat } = metToezichthouders();
    voegToe(db, avond, kerkstraat, "milieu");
    const args = ["--json", ...toevoegArgs(avond, kerkstraat, "milieu", "Tweede vat")];
    const before = dump(db);
    const nee = await cliInProcess(db, args, { answers: [false] });
    expect(nee.code).toBe(2);
    expect(nee.stderr).toContain("Afgebroken; er is niets vastgelegd");
    expect(dump(db)).toBe(before);
    const ja = await cliInProcess(db, args, { answers: [true] });
    expect(ja.code).toBe(0);
    expect(lijst(db, avond).filter((b: any) => b.categorie === "milieu")).toHaveLength(2);
  });
});

describe("bevinding importeren en formulier", () => {
  it("het formulier heeft de nieuwe kolommen; ingevuld terug te lezen met tijd, nummers en methode", () => {
    const { db, avond } = metToezichthouders();
    const file = path.join(tempDir(), "formulier.csv");
    const f = ok(cli(db, ["--json", "bevinding", "formulier", "--avond", String(avond), "--uit", file])).json();
    expect(f.kolommen).toEqual([
      "postcode",
      "huisnummer",
      "toevoeging",
      "categorie",
      "omschrijving",
      "partner",
      "maatregel",
      "personen",
      "tijdstip",
      "toezichthouder",
      "methode",
    ]);
    const regels = fs.readFileSync(file, "utf8").trim().split("\n");
    expect(regels).toEqual([f.kolommen.join(","), "5504AB,12,,,,,,,19:00,,", "5531NK,7,,,,,,,19:00,,"]);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(cli(db, ["bevinding", "formulier", "--avond", String(avond), "--uit", file]).stderr).toMatch(/bestaat al/);

    fs.writeFileSync(
      file,
      [
        f.kolommen.join(","),
        '5504AB,12,,overbewoning,12 personen,,,12,19:45,"4711,BOA-2314",visuele waarneming',
        "5531NK,7,,brandgevaar,Geen vluchtweg,,,,,,",
      ].join("\n"),
    );
    const r = ok(cli(db, ["--json", "bevinding", "importeren", file, "--avond", String(avond)])).json();
    expect(r.geimporteerd).toBe(2);
    expect(lijst(db, avond).map((b: any) => [b.categorie, b.tijdstip, b.toezichthouders, b.methode, b.onvolledig])).toEqual([
      ["overbewoning", "19:45", ["4711", "BOA-2314"], "visuele waarneming", []],
      ["brandgevaar", "19:00", [], null, ["toezichthouder", "methode"]],
    ]);
  });

  it("noemt elke regel met een onbekend nummer of een foute tijd en importeert niets", () => {
    const { db, avond } = metToezichthouders();
    const file = path.join(tempDir(), "fout.csv");
    fs.writeFileSync(
      file,
      "postcode;huisnummer;categorie;omschrijving;tijdstip;toezichthouder;methode\n5504AB;12;milieu;x;19:45;9999;kijken\n5504AB;12;milieu;y;7 uur;4711;kijken\n",
    );
    const before = dump(db);
    const r = cli(db, ["bevinding", "importeren", file, "--avond", String(avond)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('regel 2: toezichthouder: "9999" is onbekend');
    expect(r.stderr).toContain('regel 3: tijdstip: "7 uur" is geen tijd');
    expect(dump(db)).toBe(before);
  });
});

describe("oude databases", () => {
  itAlleenSqlite(
    "een database van schema 2 bestaat alleen als SQLite-bestand; PostgreSQL begint bij het laatste schema",
    "krijgen de begintijd van de avond als geschat tijdstip, zonder toezichthouder en methode: onvolledig, niet te ondertekenen tot aangevuld",
    () => {
      const db = tempDb();
      openDatabase(db, { migrateTo: 2 }).close();
      const c = new Database(db);
      c.exec(`
      INSERT INTO gemeente (naam, team) VALUES ('Veldhoven', 'KIT');
      INSERT INTO partner (naam) VALUES ('Gemeente');
      INSERT INTO categorie (code, naam, partner_id, thema, grondslag) VALUES ('overbewoning', 'Overbewoning', 1, 'huisvesting', 'Bbl');
      INSERT INTO adres (postcode, huisnummer, straat, plaats, gemeente_id, aangemaakt) VALUES ('5504AB', 12, 'Kerkstraat', 'Veldhoven', 1, '2026-01-01');
      INSERT INTO avond (datum, starttijd, doel, aangemaakt) VALUES ('2026-03-05', '19:30', 'Controle', '2026-03-01');
      INSERT INTO avond_adres (avond_id, adres_id, volgorde) VALUES (1, 1, 1);
      INSERT INTO bevinding (avond_id, adres_id, categorie_id, partner_id, omschrijving, aangemaakt) VALUES (1, 1, 1, 1, 'Acht bedden', '2026-03-06');
    `);
      c.close();
      const [b] = lijst(db, 1);
      expect(b).toMatchObject({
        tijdstip: "19:30",
        tijdstip_geschat: 1,
        toezichthouders: [],
        methode: null,
        onvolledig: ["tijdstip", "toezichthouder", "methode"],
      });

      const dir = tempDir();
      const concept = ok(
        cli(db, ["--json", "rapport", "bevindingen", "--avond", "1", "--adres", "1", "--pdf", path.join(dir, "c.pdf")]),
      ).json();
      expect(concept.onvolledig).toEqual([{ bevinding_id: 1, ontbrekend: ["tijdstip", "toezichthouder", "methode"] }]);
      const before = dump(db);
      const weiger = cli(db, ["rapport", "bevindingen", "--avond", "1", "--adres", "1", "--pdf", path.join(dir, "v1.pdf"), "--onderteken"]);
      expect(weiger.code).toBe(2);
      expect(weiger.stderr).toMatch(
        /kan nog niet worden ondertekend: bevinding 1 \(Overbewoning\) is onvolledig: tijdstip, toezichthouder, methode/,
      );
      expect(dump(db)).toBe(before);
      expect(fs.existsSync(path.join(dir, "v1.pdf"))).toBe(false);

      ok(cli(db, ["toezichthouder", "toevoegen", "--nummer", "4711", "--functie", "toezichthouder Wonen", "--organisatie", "Veldhoven"]));
      const aangevuld = ok(
        cli(db, [
          "--json",
          "bevinding",
          "wijzig",
          "1",
          "--tijdstip",
          "20:10",
          "--toezichthouder",
          "4711",
          "--methode",
          "visuele waarneming",
        ]),
      ).json();
      expect(aangevuld).toMatchObject({
        tijdstip: "20:10",
        tijdstip_geschat: 0,
        onvolledig: [],
        gewijzigd: ["tijdstip", "methode", "toezichthouder"],
      });
      expect(
        ok(
          cli(db, ["--json", "rapport", "bevindingen", "--avond", "1", "--adres", "1", "--pdf", path.join(dir, "v1.pdf"), "--onderteken"]),
        ).json(),
      ).toMatchObject({
        status: "ondertekend",
        versie: 1,
      });
    },
  );
});
