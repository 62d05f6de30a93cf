import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { addAdres, cli, dump, initDb, ok, tempDir } from "../helpers/cli.js";

/**
 * Bad input in the commands of the cycle after the foundation (casustafel, avond, bevinding,
 * opvolging, brief, rapport): exit 2, one Dutch line, no stack trace, nothing on stdout and the
 * database exactly as it was. Complements slechte-invoer.test.ts.
 */
let db: string;
let dir: string;
let bestand: string;
const VANDAAG = ["--vandaag", "2026-11-23"];

beforeAll(() => {
  db = initDb();
  addAdres(db); // id 1
  ok(cli(db, ["casustafel", "nieuw", "--datum", "2026-11-20", "--gemeenten", "Veldhoven,Best"]));
  ok(cli(db, ["avond", "nieuw", "--casustafel", "1", "--datum", "2026-11-26", "--doel", "Controle huisvesting", "--extra-adres", "1"]));
  ok(cli(db, ["bevinding", "toevoegen", "--avond", "1", "--adres", "1", "--categorie", "milieu", "--omschrijving", "Afval op het erf"]));
  ok(cli(db, ["betrokkene", "toevoegen", "--naam", "Ștefan Popescu", "--rol", "eigenaar", "--adres", "1"]));
  dir = tempDir();
  bestand = path.join(tempDir(), "geen-map");
  fs.writeFileSync(bestand, "");
});

const CASES: [string, () => string[], RegExp][] = [
  [
    "casustafel: datum bestaat niet",
    () => ["casustafel", "nieuw", "--datum", "31-02-2026", "--gemeenten", "Veldhoven"],
    /datum: "31-02-2026" bestaat niet als datum/,
  ],
  [
    "casustafel: onbekende gemeente",
    () => ["casustafel", "nieuw", "--datum", "2026-12-01", "--gemeenten", "Atlantis"],
    /Gemeente "Atlantis" bestaat niet/,
  ],
  [
    "casustafel besluit: onbekend besluit",
    () => ["casustafel", "besluit", "1", "--adres", "1", "--besluit", "misschien"],
    /besluit: "misschien" is niet toegestaan; kies uit controle/,
  ],
  [
    "casustafel besluit: onbekende casustafel",
    () => ["casustafel", "besluit", "99", "--adres", "1", "--besluit", "controle"],
    /Casustafel 99 bestaat niet/,
  ],
  ["casustafel agenda: --pdf is een map", () => ["casustafel", "agenda", "1", "--pdf", dir], /pdf: .* is een map; geef een bestandsnaam/],
  [
    "avond: starttijd 25:00",
    () => ["avond", "nieuw", "--casustafel", "1", "--datum", "2026-11-30", "--doel", "x", "--start", "25:00"],
    /start: "25:00" is geen tijd/,
  ],
  [
    "avond rol: onbekende partner",
    () => ["avond", "rol", "1", "--rol", "gesprek", "--naam", "Jan", "--partner", "Brandweerkorps"],
    /Partner "Brandweerkorps" bestaat niet/,
  ],
  [
    "avond risico: onbekend niveau",
    () => ["avond", "risico", "1", "--adres", "1", "--niveau", "extreem"],
    /niveau: "extreem" is niet toegestaan; kies uit laag, midden, hoog/,
  ],
  [
    "avond noodplan: leeg codewoord",
    () => ["avond", "noodplan", "1", "--verzamelpunt", "Markt", "--codewoord", ""],
    /codewoord|Ontbrekende optie --codewoord/,
  ],
  ["avond draaiboek: onbekende avond", () => ["avond", "draaiboek", "99", "--pdf", path.join(dir, "d.pdf")], /Avond 99 bestaat niet/],
  ["avond draaiboek: --pdf is een map", () => ["avond", "draaiboek", "1", "--pdf", dir], /pdf: .* is een map/],
  [
    "bevinding: onbekende categorie",
    () => ["bevinding", "toevoegen", "--avond", "1", "--adres", "1", "--categorie", "diefstal", "--omschrijving", "x"],
    /Categorie "diefstal" bestaat niet/,
  ],
  [
    "bevinding: negatief aantal personen",
    () => ["bevinding", "toevoegen", "--avond", "1", "--adres", "1", "--categorie", "milieu", "--omschrijving", "x", "--personen", "-3"],
    /personen: "-3" is geen aantal/,
  ],
  [
    "bevinding importeren: bestand bestaat niet",
    () => ["bevinding", "importeren", path.join(dir, "weg.csv"), "--avond", "1"],
    /Kan .*weg\.csv niet lezen \(ENOENT\)/,
  ],
  [
    "opvolging bijwerken: onbekende status",
    () => ["opvolging", "bijwerken", "1", "--status", "klaar"],
    /status: "klaar" is niet toegestaan; kies uit in-behandeling, afgerond, doodgelopen/,
  ],
  [
    "opvolging bijwerken: onbekende opvolging",
    () => ["opvolging", "bijwerken", "999", "--status", "afgerond"],
    /Opvolging 999 bestaat niet/,
  ],
  ["opvolging lijst: onbekende status", () => ["opvolging", "lijst", "--status", "vandaag"], /status: "vandaag" is niet toegestaan/],
  ["brief maak: onbekende opvolging", () => ["brief", "maak", "--opvolging", "999", "--uit", dir], /Opvolging 999 bestaat niet/],
  [
    "brief maak: sjabloon als pad",
    () => ["brief", "maak", "--opvolging", "1", "--sjabloon", "../../etc/passwd", "--uit", dir],
    /Sjabloonnaam "\.\.\/\.\.\/etc\/passwd" is niet toegestaan/,
  ],
  [
    "brief voorbeeld: --uit is een map",
    () => ["brief", "voorbeeld", "--sjabloon", "last-onder-dwangsom", "--uit", dir],
    /uit: .* is een map; geef een bestandsnaam/,
  ],
  ["brief batch: --uit is een bestand", () => ["brief", "batch", "--avond", "1", "--uit", bestand], /Kan map .*geen-map niet maken/],
  [
    "brief maak: een stap die nog niet aan de beurt is (de waarschuwing vóór de avond)",
    () => ["brief", "maak", "--opvolging", "1", "--uit", dir],
    /De waarschuwing kan pas vanaf 26 november 2026/,
  ],
  [
    "handhaving zet: onbekende zaak",
    () => ["handhaving", "zet", "99", "--begunstigingstermijn", "4 weken"],
    /Handhavingszaak 99 bestaat niet/,
  ],
  [
    "handhaving zet: geen termijn",
    () => ["handhaving", "zet", "1", "--begunstigingstermijn", "vier weken"],
    /begunstigingstermijn: "vier weken" is geen termijn/,
  ],
  [
    "handhaving zet: maximum onder het bedrag",
    () => ["handhaving", "zet", "1", "--bedrag", "5000", "--maximum", "1000"],
    /lager dan het bedrag/,
  ],
  ["handhaving zet: geen bedrag", () => ["handhaving", "zet", "1", "--bedrag", "veel"], /bedrag: "veel" is geen bedrag/],
  ["handhaving zet: onbekende eenheid", () => ["handhaving", "zet", "1", "--per", "jaar"], /per: "jaar" is niet toegestaan/],
  [
    "zienswijze: onbekende brief",
    () => ["zienswijze", "toevoegen", "--brief", "INT-2026-999999", "--ontvangen", "2026-11-20", "--samenvatting", "x"],
    /Brief INT-2026-999999 bestaat niet/,
  ],
  [
    "zienswijze: nog geen voornemen",
    () => ["zienswijze", "toevoegen", "--opvolging", "1", "--ontvangen", "2026-11-20", "--samenvatting", "x"],
    /heeft nog geen verzonden voornemen/,
  ],
  [
    "zienswijze: ontvangen na vandaag",
    () => ["zienswijze", "toevoegen", "--opvolging", "1", "--ontvangen", "2026-12-31", "--samenvatting", "x"],
    /ontvangen: 31 december 2026 ligt na vandaag/,
  ],
  [
    "gemeente capaciteit: geen aantal",
    () => ["gemeente", "capaciteit", "--gemeente", "Veldhoven", "--zaken", "veel"],
    /zaken: "veel" is geen aantal/,
  ],
  [
    "opvolging bijwerken: --datum na vandaag",
    () => ["opvolging", "bijwerken", "1", "--status", "doodgelopen", "--resultaat", "x", "--datum", "2027-01-04"],
    /datum: 4 januari 2027 ligt na vandaag/,
  ],
  [
    "categorie toevoegen: onbekend bestuursorgaan",
    () => ["categorie", "toevoegen", "--code", "x1", "--naam", "x", "--partner", "Gemeente", "--bestuursorgaan", "raad"],
    /bestuursorgaan: "raad" is niet toegestaan/,
  ],
  ["partner zet: niets te zetten", () => ["partner", "zet", "--naam", "Politie"], /Geef --postadres of --lidwoord/],
  ["rapport top: --n 0", () => ["rapport", "top", "--n", "0"], /--n: "0" is geen positief geheel getal/],
  [
    "rapport top: --van na --tot",
    () => ["rapport", "top", "--van", "2026-12-01", "--tot", "2026-01-01"],
    /--van: 2026-12-01 ligt na --tot 2026-01-01/,
  ],
  ["rapport top: onbekende gemeente", () => ["rapport", "top", "--gemeente", "Atlantis"], /Gemeente "Atlantis" bestaat niet/],
  ["rapport top: --csv en --json", () => ["rapport", "top", "--csv", "--json"], /Kies --csv of --json, niet beide/],
  ["rapport top: --pdf is een map", () => ["rapport", "top", "--pdf", dir], /pdf: .* is een map/],
];

describe("slechte invoer in de cyclus: exit 2, één Nederlandse regel, database onveranderd", () => {
  it.each(CASES)("%s", (_naam, args, bericht) => {
    const before = dump(db);
    const r = cli(db, [...args(), ...VANDAAG]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^fout: /);
    expect(r.stderr).toMatch(bericht);
    expect(r.stderr).not.toMatch(/\n\s+at |Error:/);
    if (!args().includes("--json")) expect(r.stdout).toBe("");
    expect(dump(db)).toBe(before);
  });

  it("laat geen half geschreven of tijdelijke bestanden achter", () => {
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("schrijft PDF's privé (0600): ze noemen mensen en adressen", () => {
    const uit = tempDir();
    // After the evening of 26 November the milieu finding's waarschuwing is due.
    ok(cli(db, ["brief", "batch", "--avond", "1", "--uit", uit, "--vandaag", "2026-11-27"]));
    ok(cli(db, ["rapport", "top", "--pdf", path.join(uit, "top.pdf")]));
    const pdfs = fs.readdirSync(uit);
    expect(pdfs.length).toBeGreaterThanOrEqual(2);
    for (const f of pdfs) expect(fs.statSync(path.join(uit, f)).mode & 0o777).toBe(0o600);
  });
});
