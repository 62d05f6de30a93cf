import { describe, expect, it } from "vitest";
import { aantal } from "../../src/domain/tekst.js";
import { PLAIN } from "../../src/render/output.js";
import { renderTable, type Column } from "../../src/render/table.js";
import { displayWidth, shorten, terminalWidthOf, wrap, wrapIndented } from "../../src/render/terminal.js";

const breedste = (text: string) => Math.max(...text.split("\n").map(displayWidth));

describe("tekst voor de terminal", () => {
  it("meet breedte zonder kleurcodes en met brede tekens", () => {
    expect(displayWidth("\u001b[31mrood\u001b[39m")).toBe(4);
    expect(displayWidth("Łukasz Wiśniewski")).toBe(17);
    expect(displayWidth("日本")).toBe(4);
  });

  it("breekt op spaties, na een koppelteken, en houdt een datum heel", () => {
    expect(wrap("12 november 2026 VERLOPEN", 17)).toEqual(["12 november 2026", "VERLOPEN"]);
    expect(wrap("voornemen-last-onder-dwangsom", 16)).toEqual(["voornemen-last-", "onder-dwangsom"]);
    expect(wrap("Afwijkend stroomverbruik", 10)).toEqual(["Afwijkend", "stroomverb", "ruik"]);
    expect(wrap("a\nb", 10)).toEqual(["a", "b"]);
    expect(wrapIndented("een twee drie vier", 12, "  - ", "    ")).toEqual(["  - een twee", "    drie", "    vier"]);
  });

  it("kort af met een beletselteken", () => {
    expect(shorten("Kerkstraat 12", 8)).toBe("Kerkstr…");
    expect(shorten("kort", 8)).toBe("kort");
  });

  it("neemt COLUMNS, anders de terminalbreedte, anders 80", () => {
    expect(terminalWidthOf({ isTTY: true, columns: 132 }, { COLUMNS: "100" })).toBe(100);
    expect(terminalWidthOf({ isTTY: true, columns: 132 }, {})).toBe(132);
    expect(terminalWidthOf({ isTTY: false }, {})).toBe(80);
    expect(terminalWidthOf({ isTTY: false }, { COLUMNS: "abc" })).toBe(80);
  });

  it("zet het juiste woord bij een aantal", () => {
    expect(aantal(1, "opvolging", "opvolgingen")).toBe("1 opvolging");
    expect(aantal(0, "opvolging", "opvolgingen")).toBe("0 opvolgingen");
    expect(aantal(3, "partner", "partners")).toBe("3 partners");
  });
});

interface Rij {
  id: number;
  datum: string;
  tekst: string;
  leeg: string | null;
  detail: string;
}
const rijen: Rij[] = [
  {
    id: 1,
    datum: "19 november 2026",
    tekst: "Buren melden 10 tot 12 bewoners, veel wisselende auto's met buitenlandse kentekens",
    leeg: null,
    detail: "a".repeat(40),
  },
  { id: 12, datum: "3 december 2026", tekst: "Kort", leeg: "", detail: "b" },
];
const kolommen: Column<Rij>[] = [
  { header: "id", value: (r) => r.id, align: "right", priority: 1 },
  { header: "datum", value: (r) => r.datum },
  { header: "tekst", value: (r) => r.tekst },
  { header: "leeg", value: (r) => r.leeg },
  { header: "detail", value: (r) => r.detail, priority: 9 },
];

describe("renderTable", () => {
  it("past in de breedte, laat lege kolommen weg en breekt lange tekst binnen de cel", () => {
    for (const width of [40, 60, 80, 120]) {
      const t = renderTable(rijen, kolommen, PLAIN, { width });
      expect(breedste(t), `${width}\n${t}`).toBeLessThanOrEqual(width);
      expect(t).not.toContain("leeg");
    }
    const smal = renderTable(rijen, kolommen, PLAIN, { width: 50 });
    expect(smal).toContain("19 november 2026");
    expect(smal).toMatch(/Niet getoond bij deze vensterbreedte: detail/);
    const breed = renderTable(rijen, kolommen, PLAIN, { width: 200 });
    expect(breed).toContain("a".repeat(40));
    expect(breed).not.toContain("Niet getoond");
  });

  it("houdt de kolom met de laagste prioriteit het langst", () => {
    const t = renderTable(rijen, kolommen, PLAIN, { width: 24 });
    expect(t.split("\n")[1]).toMatch(/│ +id │/);
    expect(breedste(t)).toBeLessThanOrEqual(24);
  });

  it("kort een kolom met overflow shorten af in plaats van te breken", () => {
    const t = renderTable(
      [{ f: "2026-11-23_INT-2026-000009_voornemen-bestuursdwang_5531NK-7.pdf" }],
      [{ header: "bestand", value: (r) => r.f, overflow: "shorten" }],
      PLAIN,
      {
        width: 30,
      },
    );
    expect(t.split("\n")).toHaveLength(4);
    expect(t).toContain("…");
  });
});
