import { describe, expect, it } from "vitest";
import { bevindingImportCheck } from "../../src/domain/bevinding.js";

const look = {
  adres: (pc: string, nr: number, toev: string) =>
    pc === "5504AB" && nr === 12 && toev === "" ? 1 : pc === "5531NK" && nr === 7 ? 2 : undefined,
  categorie: (code: string) => (code === "milieu" ? { id: 3, partnerId: 9 } : undefined),
  partner: (naam: string) => (naam.toLowerCase() === "politie" ? 2 : undefined),
  opLijst: (adresId: number) => adresId === 1,
};
const rij = (line: number, over: Record<string, string> = {}) => ({
  line,
  values: {
    postcode: "5504 ab",
    huisnummer: "12",
    toevoeging: "",
    categorie: "milieu",
    omschrijving: "Afval op het erf",
    partner: "",
    maatregel: "",
    personen: "",
    ...over,
  },
});

describe("bevindingImportCheck", () => {
  it("geeft een geldige regel terug met ids, eigenaar van de categorie als er geen partner staat", () => {
    const c = bevindingImportCheck(look);
    expect(c.check(rij(2))).toMatchObject({
      line: 2,
      adresId: 1,
      categorieId: 3,
      partnerId: 9,
      omschrijving: "Afval op het erf",
      personen: null,
    });
    expect(c.check(rij(3, { partner: "Politie", personen: "4" }))).toMatchObject({ partnerId: 2, personen: 4 });
    expect(c.errors).toEqual([]);
  });

  it("noemt elke foute regel met zijn regelnummer en houdt geen geldige regels vast", () => {
    const c = bevindingImportCheck(look);
    expect(c.check(rij(2, { categorie: "onbekend" }))).toBeUndefined();
    expect(c.check(rij(3, { postcode: "9999ZZ" }))).toBeUndefined();
    expect(c.check(rij(4, { partner: "Niemand" }))).toBeUndefined();
    expect(c.check(rij(5))).toBeDefined();
    expect(c.errors).toEqual([
      expect.stringMatching(/^regel 2: categorie: "onbekend"/),
      expect.stringMatching(/^regel 3: adres 9999ZZ 12 bestaat niet/),
      expect.stringMatching(/^regel 4: partner: "Niemand"/),
    ]);
  });

  it("meldt een adres buiten de lijst van de avond één keer, met de eerste regel", () => {
    const c = bevindingImportCheck(look);
    const buiten = { postcode: "5531NK", huisnummer: "7" };
    c.check(rij(2, buiten));
    c.check(rij(3));
    c.check(rij(4, buiten));
    expect(c.buitenLijst).toEqual([{ adresId: 2, line: 2 }]);
  });
});
