import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addDays, addMonths, formatDutch, parseDate, toIso } from "../../src/domain/dates.js";
import { addWerkdagen, deadline } from "../../src/domain/termijn.js";
import { signaalDatum } from "../../src/domain/signaal.js";

describe("datums in een zinnig bereik (issue 17, punt 3)", () => {
  it("parseDate neemt alleen de jaren 2000–2100", () => {
    expect(parseDate("2000-01-01")).toBe("2000-01-01");
    expect(parseDate("31-12-2100")).toBe("2100-12-31");
    for (const t of ["1999-12-31", "2101-01-01", "9999-12-31", "0001-01-01", "01-01-0099"]) {
      expect(() => parseDate(t)).toThrow(/ligt buiten de jaren 2000–2100/);
    }
  });

  it("rekenen is totaal: buiten de kalender volgt een melding, nooit een datum die niet vooruit komt", () => {
    expect(() => addDays("9999-12-31", 1)).toThrow(/valt buiten de kalender/);
    expect(() => addWerkdagen("9999-12-31", 5)).toThrow(/valt buiten de kalender/);
    expect(() => addMonths("9999-12-31", 1)).toThrow(/valt buiten de kalender/);
    expect(() => toIso(new Date(Number.NaN))).toThrow(/valt buiten de kalender/);
    expect(() => addDays("+010000-01", 1)).toThrow(/valt buiten de kalender/);
  });

  it("elke termijn in het bereik eindigt, na ten hoogste 4n + 14 dagen", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2000-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }), fc.nat(400), (d, n) => {
        const start = toIso(d);
        const eind = deadline(start, n, "werkdagen");
        expect(eind >= start).toBe(true);
        expect(eind <= addDays(start, 4 * n + 14)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("tonen faalt nooit, ook niet op iets dat geen datum is", () => {
    expect(formatDutch("2026-12-03")).toBe("3 december 2026");
    expect(formatDutch("onbekend")).toBe("onbekend");
  });

  it("een signaal ligt uiterlijk één dag na vandaag", () => {
    expect(signaalDatum(undefined, "2026-11-23")).toBe("2026-11-23");
    expect(signaalDatum("24-11-2026", "2026-11-23")).toBe("2026-11-24");
    expect(() => signaalDatum("2026-11-25", "2026-11-23")).toThrow(/ligt in de toekomst/);
  });
});
