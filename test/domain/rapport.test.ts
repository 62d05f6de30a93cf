import { describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.js";
import {
  formatPercentage,
  jaarPeriode,
  mergeGroepen,
  opvolgingsPercentage,
  parsePeriode,
  parseTopN,
  percentage,
  restRegel,
  topN,
} from "../../src/domain/rapport.js";

const t = (categorie: string, naam: string, aantal: number) => ({ categorie, naam, aantal });

describe("topN", () => {
  it("orders by aantal descending, ties by naam, and counts what falls outside", () => {
    const r = topN([t("c", "Cee", 2), t("b", "Bee", 5), t("a", "Aa", 2), t("d", "Dee", 1), t("e", "Ee", 1), t("z", "Zero", 0)], 2);
    expect(r.top.map((x) => x.categorie)).toEqual(["b", "a"]);
    expect(r.overig).toEqual({ bevindingen: 4, categorieen: 3 }); // Cee 2, Dee 1, Ee 1; Zero is no category with findings
    expect(r.totaal).toBe(11);
  });

  it("compares names the Dutch way, not by character code", () => {
    expect(topN([t("w", "WAADI", 1), t("o", "overbewoning", 1)], 5).top.map((x) => x.categorie)).toEqual(["o", "w"]);
  });

  it("is empty without findings", () => {
    expect(topN([], 10)).toEqual({ top: [], overig: { bevindingen: 0, categorieen: 0 }, totaal: 0 });
  });
});

describe("restRegel", () => {
  it("uses the PIT wording, singular where Dutch wants it", () => {
    expect(restRegel({ bevindingen: 168, categorieen: 71 })).toBe("+ nog 168 bevindingen verspreid over 71 categorieën");
    expect(restRegel({ bevindingen: 1, categorieen: 1 })).toBe("+ nog 1 bevinding verspreid over 1 categorie");
  });
});

describe("percentages", () => {
  it("rounds to one decimal and is undefined without a denominator", () => {
    expect(percentage(1, 3)).toBe(33.3);
    expect(percentage(2, 3)).toBe(66.7);
    expect(percentage(0, 0)).toBeNull();
    expect(formatPercentage(33.3)).toBe("33,3%");
    expect(formatPercentage(null)).toBe("–");
  });

  it("follow-up rate: findings with all follow-ups closed among findings with follow-up", () => {
    expect(opvolgingsPercentage({ metOpvolging: 4, bevindingenAfgerond: 1 })).toBe(25);
    expect(opvolgingsPercentage({ metOpvolging: 0, bevindingenAfgerond: 0 })).toBeNull();
  });

  it("merges finding and follow-up counts of the same group", () => {
    const r = mergeGroepen(
      [{ naam: "Politie", bevindingen: 3, metOpvolging: 2, bevindingenAfgerond: 1 }],
      [{ naam: "Belastingdienst", opvolgingen: 1, afgerond: 1, open: 0, verlopen: 0, doodgelopen: 0 }],
    );
    expect(r.map((g) => [g.naam, g.bevindingen, g.opvolgingen, g.percentage])).toEqual([
      ["Belastingdienst", 0, 1, null],
      ["Politie", 3, 0, 50],
    ]);
  });
});

describe("invoer", () => {
  it.each(["0", "-1", "1.5", "x", "", "1001"])("--n %j is refused", (n) => {
    expect(() => parseTopN(n)).toThrow(UserError);
  });
  it("--n defaults to 10", () => {
    expect(parseTopN(undefined)).toBe(10);
    expect(parseTopN("3")).toBe(3);
  });
  it("periods: inclusive bounds, Dutch notation, van after tot refused", () => {
    expect(parsePeriode("1-3-2026", "2026-03-31")).toEqual({ van: "2026-03-01", tot: "2026-03-31" });
    expect(() => parsePeriode("2026-04-01", "2026-03-01")).toThrow(/ligt na/);
    expect(jaarPeriode("2026")).toEqual({ jaar: 2026, van: "2026-01-01", tot: "2026-12-31" });
    expect(() => jaarPeriode("twintig")).toThrow(UserError);
  });
});
