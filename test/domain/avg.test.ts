import { describe, expect, it } from "vitest";
import { startOfDayUtc } from "../../src/domain/dates.js";
import { assessCasus, grensdatum, teVerwijderen } from "../../src/domain/bewaartermijn.js";
import { code, pseudonymise } from "../../src/domain/pseudoniem.js";

describe("log --sinds", () => {
  it("begint om middernacht Nederlandse tijd (winter- en zomertijd)", () => {
    expect(startOfDayUtc("2026-01-15")).toBe("2026-01-14T23:00:00.000Z");
    expect(startOfDayUtc("2026-07-01")).toBe("2026-06-30T22:00:00.000Z");
  });
});

describe("bewaartermijn", () => {
  const vandaag = "2026-11-23";
  it("rekent in kalendermaanden terug, ook aan het eind van de maand", () => {
    expect(grensdatum(vandaag, 24)).toBe("2024-11-23");
    expect(grensdatum("2026-03-31", 1)).toBe("2026-02-28");
  });
  it("activiteit precies op de grensdatum blijft; de dag ervoor mag weg", () => {
    const c = (laatsteActiviteit: string | null, opvolgingStatussen: string[] = []) => ({
      adresId: 1,
      opvolgingStatussen,
      laatsteActiviteit,
    });
    expect(assessCasus(c("2024-11-23"), vandaag, 24)).toEqual({ magWeg: false, reden: "recent" });
    expect(assessCasus(c("2024-11-22"), vandaag, 24)).toEqual({ magWeg: true });
    expect(assessCasus(c("2020-01-01", ["afgerond", "in-behandeling"]), vandaag, 24)).toEqual({ magWeg: false, reden: "open-opvolging" });
    expect(assessCasus(c(null), vandaag, 24)).toEqual({ magWeg: false, reden: "geen-casus" });
    expect(
      teVerwijderen(
        [
          { ...c("2020-01-01", ["doodgelopen"]), adresId: 9 },
          { ...c("2020-01-01"), adresId: 3 },
        ],
        vandaag,
        24,
      ),
    ).toEqual([3, 9]);
  });
});

describe("pseudoniem", () => {
  it("maakt codes als B-1a2b3c4d en laat onbekende tabellen en lege velden staan", () => {
    expect(code("s", "B", "betrokkene:1")).toMatch(/^B-[0-9a-f]{8}$/);
    const uit = pseudonymise(
      { betrokkene: [{ id: 1, naam: "Łukasz Wiśniewski", postadres: null, kvk: null }], adres: [{ id: 1, straat: "Kerkstraat" }] },
      "s",
    );
    expect(uit.betrokkene![0]).toEqual({ id: 1, naam: code("s", "B", "betrokkene:1"), postadres: null, kvk: null });
    expect(uit.adres).toEqual([{ id: 1, straat: "Kerkstraat" }]);
  });
  it("dezelfde persoon in twee avonden krijgt dezelfde code", () => {
    const uit = pseudonymise(
      {
        avond_rol: [
          { id: 1, naam: "Jan Jansen" },
          { id: 2, naam: " jan jansen " },
        ],
      },
      "s",
    );
    expect(uit.avond_rol![0]!.naam).toBe(uit.avond_rol![1]!.naam);
  });
});
