import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { addAdres, cli, dump, initDb, tempDir } from "../helpers/cli.js";
import { itAlleenSqlite } from "../helpers/opslag.js";

/**
 * Bad input across every command: exit 2, one Dutch line naming the field and what is accepted,
 * no stack trace, and the database exactly as it was (logical dump before and after).
 */
let db: string;
let dir: string;
let bestaand: string;
let csv: string;

beforeAll(() => {
  db = initDb();
  addAdres(db); // id 1: Kerkstraat 12, 5504AB Veldhoven
  cli(db, ["betrokkene", "toevoegen", "--naam", "Łukasz Wiśniewski", "--rol", "eigenaar", "--adres", "1", "--kvk", "12345678"]);
  dir = tempDir();
  bestaand = path.join(dir, "bestaat.json");
  fs.writeFileSync(bestaand, "{}");
  csv = path.join(dir, "adressen.csv");
  fs.writeFileSync(
    csv,
    "postcode,huisnummer,toevoeging,straat,plaats,gemeente,type\n5504AB,20,,Dorpsstraat,Veldhoven,Veldhoven,woning\n0000XX,abc,,,Veldhoven,Veldhoven,kasteel\n",
  );
});

const adres = (over: Record<string, string> = {}) => {
  const a = { postcode: "5504AB", huisnummer: "30", straat: "Dorpsstraat", plaats: "Veldhoven", gemeente: "Veldhoven", ...over };
  return ["adres", "toevoegen", ...Object.entries(a).flatMap(([k, v]) => [`--${k}`, v])];
};
const signaal = (over: Record<string, string> = {}) => {
  const s = { adres: "1", partner: "Politie", omschrijving: "Veel wisselende bewoners", ...over };
  return ["signaal", "toevoegen", ...Object.entries(s).flatMap(([k, v]) => [`--${k}`, v])];
};

const CASES: [string, () => string[], RegExp][] = [
  ["adres: huisnummer 0", () => adres({ huisnummer: "0" }), /huisnummer: "0" is geen huisnummer \(een geheel getal vanaf 1\)/],
  ["adres: huisnummer met letters", () => adres({ huisnummer: "12a" }), /huisnummer: "12a" is geen huisnummer/],
  ["adres: postcode verkeerd om", () => adres({ postcode: "AB5504" }), /postcode: "AB5504" is geen Nederlandse postcode/],
  ["adres: onbekende gemeente", () => adres({ gemeente: "Atlantis" }), /Gemeente "Atlantis" bestaat niet/],
  ["adres: onbekend objecttype", () => adres({ type: "kasteel" }), /type: "kasteel" is geen objecttype; kies uit woning, loods/],
  ["adres: vijandige toevoeging", () => adres({ toevoeging: "<script>" }), /toevoeging: .* geen geldige huisnummertoevoeging/],
  ["adres: stuurtekens in de straat", () => adres({ straat: "Kerk\u001b[31mstraat" }), /straat: bevat ongeldige stuurtekens/],
  ["adres: straat te lang", () => adres({ straat: "x".repeat(500) }), /straat: is te lang \(max\. 120 tekens\)/],
  ["adres: dubbel adres", () => adres({ huisnummer: "12", straat: "Kerkstraat" }), /bestaat al \(id 1\)/],
  ["adres: ontbrekende vlag zonder terminal", () => ["adres", "toevoegen", "--postcode", "5504AB"], /Ontbrekende optie --huisnummer/],
  ["adres toon: id geen getal", () => ["adres", "toon", "twaalf"], /id: "twaalf" is geen geldig id/],
  ["adres toon: onbekend id", () => ["adres", "toon", "999"], /Adres 999 bestaat niet/],
  ["adres importeren: foute regel (alles of niets)", () => ["adres", "importeren", csv], /ongeldige regels? in .*niets geïmporteerd/],
  ["adres importeren: bestand bestaat niet", () => ["adres", "importeren", path.join(dir, "weg.csv")], /Kan .*weg\.csv niet lezen/],
  [
    "adres lijst: SQL als gemeente",
    () => ["adres", "lijst", "--gemeente", "'; DROP TABLE adres; --"],
    /Gemeente "'; DROP TABLE adres; --" bestaat niet/,
  ],
  [
    "betrokkene: onbekende rol",
    () => ["betrokkene", "toevoegen", "--naam", "X", "--rol", "koning"],
    /rol: "koning" is niet toegestaan; kies uit eigenaar, verhuurder/,
  ],
  [
    "betrokkene: KvK te kort",
    () => ["betrokkene", "toevoegen", "--naam", "X", "--rol", "eigenaar", "--kvk", "123"],
    /kvk: "123" is geen KvK-nummer \(8 cijfers\)/,
  ],
  ["betrokkene: dubbel KvK-nummer", () => ["betrokkene", "toevoegen", "--naam", "Y", "--rol", "eigenaar", "--kvk", "12345678"], /12345678/],
  [
    "betrokkene: onbekend adres",
    () => ["betrokkene", "toevoegen", "--naam", "X", "--rol", "eigenaar", "--adres", "99"],
    /Adres 99 bestaat niet/,
  ],
  [
    "betrokkene koppel: onbekende betrokkene",
    () => ["betrokkene", "koppel", "99", "--adres", "1", "--rol", "eigenaar"],
    /Betrokkene 99 bestaat niet/,
  ],
  ["signaal: onbekende partner", () => signaal({ partner: "Marsmannetjes" }), /Partner "Marsmannetjes" bestaat niet/],
  ["signaal: datum bestaat niet", () => signaal({ datum: "31-02-2026" }), /datum: "31-02-2026" bestaat niet als datum/],
  ["signaal: datum onleesbaar", () => signaal({ datum: "gisteren" }), /datum: "gisteren" is geen datum; gebruik JJJJ-MM-DD of DD-MM-JJJJ/],
  ["signaal: lege omschrijving", () => signaal({ omschrijving: "   " }), /omschrijving: mag niet leeg zijn/],
  ["signaal: negatief adres-id", () => signaal({ adres: "-1" }), /adres: "-1" is geen geldig id/],
  ["signaal: tab in thema", () => signaal({ thema: "a\tb" }), /thema: bevat ongeldige stuurtekens/],
  ["gemeente: bestaat al", () => ["gemeente", "toevoegen", "--naam", "veldhoven"], /Gemeente veldhoven bestaat al/],
  [
    "partner: onbekende soort",
    () => ["partner", "toevoegen", "--naam", "Stichting X", "--soort", "vriend"],
    /soort: "vriend" is niet toegestaan; kies uit convenant, facultatief/,
  ],
  [
    "categorie: code met spaties",
    () => ["categorie", "toevoegen", "--code", "Hé Hé", "--naam", "x", "--partner", "Politie"],
    /code: .* mag alleen kleine letters, cijfers en - bevatten/,
  ],
  [
    "categorie: onbekende partner",
    () => ["categorie", "toevoegen", "--code", "abc", "--naam", "x", "--partner", "Niemand"],
    /Partner "Niemand" bestaat niet/,
  ],
  ["init: gemeentenaam te lang", () => ["init", "--gemeenten", `Oss,${"x".repeat(100)}`], /gemeenten: is te lang \(max\. 80 tekens\)/],
  ["log: --sinds geen datum", () => ["log", "--sinds", "vorige week"], /sinds: "vorige week" is geen datum/],
  ["log: --limiet negatief", () => ["log", "--limiet", "-5"], /limiet: "-5" is geen aantal/],
  ["backup: --uit ontbreekt", () => ["backup"], /Ontbrekende optie --uit/],
  ["backup: map bestaat niet", () => ["backup", "--uit", "/bestaat/niet/kopie.db"], /uit: map \/bestaat\/niet bestaat niet/],
  ["backup: bestand bestaat al", () => ["backup", "--uit", bestaand], /bestaat al; kies een nieuwe naam of gebruik --overschrijven/],
  ["export: --uit is een map", () => ["export", "--uit", dir], /uit: .* is een map; geef een bestandsnaam/],
  ["export: bestand bestaat al", () => ["export", "--uit", bestaand, "--pseudoniem"], /bestaat al/],
  ["opschonen: --ouder-dan ontbreekt", () => ["opschonen", "--ja"], /Ontbrekende optie --ouder-dan/],
  [
    "opschonen: --ouder-dan 0",
    () => ["opschonen", "--ouder-dan", "0", "--ja"],
    /ouder-dan: "0" is geen bewaartermijn; geef een geheel aantal maanden van 1 t\/m 1200/,
  ],
  [
    "opschonen: --ouder-dan tekst",
    () => ["opschonen", "--ouder-dan", "twee jaar", "--dry-run"],
    /ouder-dan: "twee jaar" is geen bewaartermijn/,
  ],
  ["opschonen: zonder terminal en zonder --ja", () => ["opschonen", "--ouder-dan", "24"], /Ontbrekende optie --ja/],
  ["--vandaag: maand 13", () => ["--vandaag", "2026-13-01", "signaal", "lijst"], /vandaag: "2026-13-01" bestaat niet als datum/],
  ["--gebruiker: stuurtekens", () => ["--gebruiker", "a\u0007b", ...signaal()], /gebruiker: bevat ongeldige stuurtekens/],
  ["onbekende opdracht", () => ["adres", "verplaats"], /Onbekende opdracht "adres verplaats"/],
  ["onbekende optie", () => ["signaal", "lijst", "--alles"], /Onbekende optie --alles/],
];

/** Exit 2, one Dutch line, nothing on stdout, the database and an existing file unchanged. */
function weigert(args: string[], bericht: RegExp): void {
  const before = dump(db);
  const r = cli(db, args);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toMatch(/^fout: /);
  expect(r.stderr).toMatch(bericht);
  expect(r.stderr).not.toMatch(/\n\s+at |Error:/);
  expect(r.stdout).toBe("");
  expect(dump(db)).toBe(before);
  expect(fs.readFileSync(bestaand, "utf8")).toBe("{}");
}

describe("slechte invoer: exit 2, één Nederlandse regel, database onveranderd", () => {
  it("heeft minstens 25 verschillende gevallen", () => {
    expect(new Set(CASES.map(([naam]) => naam)).size).toBeGreaterThanOrEqual(25);
  });

  it.each(CASES)("%s", (_naam, args, bericht) => weigert(args(), bericht));

  itAlleenSqlite("het databasebestand", "backup: naar de database zelf", () =>
    weigert(["backup", "--uit", db, "--overschrijven"], /uit: mag niet de database zelf zijn/),
  );

  it("met --json: precies één foutdocument op stdout", () => {
    const before = dump(db);
    const r = cli(db, ["--json", ...signaal({ datum: "32-01-2026" })]);
    expect(r.code).toBe(2);
    expect(r.json()).toEqual({ fout: { code: "ongeldige-invoer", bericht: 'datum: "32-01-2026" bestaat niet als datum' } });
    expect(dump(db)).toBe(before);
  });

  it("vijandige invoer komt niet als stuurcode op de terminal", () => {
    const r = cli(db, signaal({ adres: "\u001b[2J1" }));
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain("\u001b");
    expect(r.stderr).toMatch(/adres: .* is geen geldig id/);
  });

  it("een URL als --db: PostgreSQL of niets; een wachtwoord in de URL nooit op de opdrachtregel; er ontstaat geen map of bestand", () => {
    const werk = tempDir();
    for (const [url, bericht, argvOok] of [
      [
        "postgres://kit@db.example.invalid/team",
        /^fout: PostgreSQL-server db\.example\.invalid is niet te vinden \(onbekende hostnaam\)$/,
        true,
      ],
      [
        "sftp://server/team.db",
        /^fout: --db: "sftp:\/\/" wordt niet ondersteund; geef een bestandspad \(SQLite\) of postgres:\/\/server\/database/,
        true,
      ],
      [
        "postgresql://kit:geheim@db.example.invalid/team",
        /^fout: --db: zet geen wachtwoord in de URL .*gebruik ~\/\.pgpass of PGPASSWORD$/,
        false,
      ],
    ] as const) {
      const viaArgv = cli(url, ["--json", "adres", "lijst"], { cwd: werk });
      const viaEnv = cli("", ["adres", "lijst"], { cwd: werk, env: { INTERVENTIE_DB: url, PGCONNECT_TIMEOUT: "2" } });
      for (const r of argvOok ? [viaArgv, viaEnv] : [viaArgv]) {
        expect(r.code, r.stderr).toBe(2);
        expect(r.stderr.trim().split("\n")).toEqual([expect.stringMatching(bericht)]);
        expect(r.stderr + r.stdout).not.toContain("geheim"); // never echoes a password
      }
    }
    // In INTERVENTIE_DB (the user's own environment) a password is allowed, and never shown.
    const env = cli("", ["adres", "lijst"], { env: { INTERVENTIE_DB: "postgresql://kit:geheim@db.example.invalid/team" } });
    expect(env.stderr).toBe("fout: PostgreSQL-server db.example.invalid is niet te vinden (onbekende hostnaam)\n");
    expect(fs.readdirSync(werk)).toEqual([]);
  });

  it("laat geen tijdelijke bestanden achter", () => {
    expect(fs.readdirSync(dir).sort()).toEqual(["adressen.csv", "bestaat.json"]);
  });
});
