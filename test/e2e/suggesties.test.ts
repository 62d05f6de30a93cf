import { beforeAll, describe, expect, it } from "vitest";
import { addAdres, cli, dump, initDb } from "../helpers/cli.js";

let db: string;
beforeAll(() => {
  db = initDb();
  addAdres(db);
});

describe("Bedoelde je …?", () => {
  it.each([
    [["adress", "lijst"], 'Onbekende opdracht "adress". Bedoelde je "adres"?'],
    [["avond", "controleren", "1"], 'Onbekende opdracht "avond controleren". Bedoelde je "avond controleer"?'],
    [["adres", "lijst", "--gemeete", "Veldhoven"], "Onbekende optie --gemeete. Bedoelde je --gemeente?"],
    [["adres", "lijst", "--gemeente", "Veldhovn"], 'Gemeente "Veldhovn" bestaat niet. Bedoelde je Veldhoven?'],
    [["signaal", "lijst", "--partner", "UVW"], 'Partner "UVW" bestaat niet. Bedoelde je UWV?'],
    [
      ["casustafel", "nieuw", "--datum", "2026-11-25", "--gemeenten", "Veldhoven,Bladle"],
      'Gemeente "Bladle" bestaat niet. Bedoelde je Bladel?',
    ],
    [
      ["signaal", "toevoegen", "--adres", "1", "--partner", "Politei", "--omschrijving", "x"],
      'Partner "Politei" bestaat niet. Bedoelde je Politie?',
    ],
    [
      ["categorie", "toevoegen", "--code", "x", "--naam", "X", "--partner", "Gemeete"],
      'Partner "Gemeete" bestaat niet. Bedoelde je Gemeente?',
    ],
    [["--jsno", "adres", "lijst"], "Onbekende optie --jsno. Bedoelde je --json?"],
  ])("%j", (args, bericht) => {
    const voor = dump(db);
    const r = cli(db, args);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`fout: ${bericht}\n`);
    expect(dump(db)).toBe(voor);
    const j = cli(db, ["--json", ...args]);
    expect(j.json().fout.bericht).toBe(bericht);
  });

  it("een categorie met een tikfout bij een bevinding", () => {
    const r = cli(db, ["bevinding", "toevoegen", "--avond", "1", "--adres", "1", "--categorie", "wmll", "--omschrijving", "x"]);
    expect(r.code).toBe(2);
    // The evening is checked first; with one in place the category is.
    expect(r.stderr).toMatch(/Avond 1 bestaat niet|Categorie "wmll" bestaat niet\. Bedoelde je wml\?/);
  });

  it("zwijgt als niets lijkt op wat er stond", () => {
    expect(cli(db, ["xyzzy"]).stderr).toBe('fout: Onbekende opdracht "xyzzy"; zie interventie --help\n');
    expect(cli(db, ["adres", "lijst", "--gemeente", "Amsterdam"]).stderr).toBe('fout: Gemeente "Amsterdam" bestaat niet\n');
  });
});
