import { describe, expect, it } from "vitest";
import { addWerkdagen, deadline, holidaysBetween, isPublicHoliday, isWerkdag } from "../../src/domain/termijn.js";

describe("feestdagen (date-holidays, alleen type 'public')", () => {
  it("Koningsdag is 27 april, of 26 april als de 27e op zondag valt", () => {
    expect(isPublicHoliday("2026-04-27")).toBe(true);
    expect(isPublicHoliday("2025-04-26")).toBe(true);
    expect(isPublicHoliday("2025-04-27")).toBe(false);
  });

  it("kent Kerst, Pasen, Hemelvaart en Pinksteren; Goede Vrijdag en Bevrijdingsdag niet (zoals de bibliotheek)", () => {
    expect(holidaysBetween("2026-01-01", "2026-12-31")).toEqual([
      "2026-01-01",
      "2026-04-05",
      "2026-04-06",
      "2026-04-27",
      "2026-05-14",
      "2026-05-24",
      "2026-05-25",
      "2026-12-25",
      "2026-12-26",
    ]);
    expect(isWerkdag("2026-04-03")).toBe(true); // Goede Vrijdag
    expect(isWerkdag("2025-05-05")).toBe(true); // Bevrijdingsdag, ook in lustrumjaar 2025
  });

  it("weekend is geen werkdag", () => {
    expect(isWerkdag("2026-11-21")).toBe(false);
    expect(isWerkdag("2026-11-22")).toBe(false);
    expect(isWerkdag("2026-11-23")).toBe(true);
  });
});

describe("werkdagen tellen", () => {
  it("over een weekend heen", () => {
    expect(addWerkdagen("2026-11-20", 1)).toBe("2026-11-23"); // vrijdag → maandag
    expect(addWerkdagen("2026-11-21", 1)).toBe("2026-11-23"); // zaterdag → maandag
    expect(addWerkdagen("2026-11-16", 5)).toBe("2026-11-23");
  });

  it("over Koningsdag (maandag 27 april 2026) en het weekend ervoor", () => {
    expect(addWerkdagen("2026-04-24", 1)).toBe("2026-04-28");
    // 10 werkdagen vanaf maandag 20 april: 27 april telt niet, 5 mei wel.
    expect(deadline("2026-04-20", 10, "werkdagen")).toBe("2026-05-05");
  });

  it("over Kerst (vrijdag 25 en zaterdag 26 december 2026) en Nieuwjaar", () => {
    expect(addWerkdagen("2026-12-24", 1)).toBe("2026-12-28");
    expect(addWerkdagen("2026-12-24", 5)).toBe("2027-01-04");
    expect(deadline("2026-12-18", 10, "werkdagen")).toBe("2027-01-05");
  });

  it("over Pasen, Hemelvaart en Pinksteren", () => {
    expect(addWerkdagen("2026-04-02", 2)).toBe("2026-04-07");
    expect(addWerkdagen("2026-05-13", 1)).toBe("2026-05-15");
    expect(addWerkdagen("2026-05-22", 1)).toBe("2026-05-26");
  });

  it("0 werkdagen is de startdatum zelf", () => {
    expect(deadline("2026-11-21", 0, "werkdagen")).toBe("2026-11-21");
  });
});

describe("kalenderdagen", () => {
  it("tellen elke dag, ook feestdagen en weekenden", () => {
    expect(deadline("2026-11-20", 42, "dagen")).toBe("2027-01-01");
    expect(deadline("2026-02-27", 2, "dagen")).toBe("2026-03-01");
  });

  it("weigert een negatieve of gebroken termijn", () => {
    expect(() => deadline("2026-11-20", -1, "dagen")).toThrow(RangeError);
    expect(() => deadline("2026-11-20", 1.5, "werkdagen")).toThrow(RangeError);
  });
});
