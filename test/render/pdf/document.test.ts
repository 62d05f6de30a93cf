import { describe, expect, it } from "vitest";
import { createPdf, paragraph, table } from "../../../src/render/pdf/document.js";

/** A document with the cursor `lines` body lines above the bottom margin (10 pt text, lineGap 2). */
function bijnaVol(lines: number) {
  const doc = createPdf({ title: "test" });
  doc.fontSize(10);
  const advance = doc.currentLineHeight(true) + 2;
  const bottom = doc.page.height - doc.page.margins.bottom;
  doc.y = bottom - doc.currentLineHeight(true) - (lines - 1) * advance - 0.5;
  const x = doc.page.margins.left;
  const width = 200;
  // One "regelN" word per line at this width.
  const lijnen = (n: number) => Array.from({ length: n }, (_, i) => `regel${i} ${"x".repeat(15)}`).join(" ");
  return { doc, advance, x, width, lijnen, top: doc.page.margins.top, pages: () => doc.bufferedPageRange().count };
}

describe("paragraph: geen hoerenjong of weeskind", () => {
  // [case, lines of room left, lines of text, room kept for what follows (lines), pages, lines on the last page]
  it.each([
    ["zet een alinea waarvan maar één regel past helemaal op de volgende bladzijde", 1, 5, 0, 2, 5],
    ["laat nooit de laatste regel alleen achter op de volgende bladzijde (drie blijven, twee gaan)", 4, 5, 0, 2, 2],
    ["neemt de laatste regels mee met wat erna moet komen (de ondertekening)", 8, 6, 5, 2, 2],
    ["laat een alinea die past gewoon staan", 8, 5, 0, 1, 0],
  ])("%s", (_naam, ruimte, regels, houdBij, paginas, opLaatste) => {
    const t = bijnaVol(ruimte);
    const voor = t.doc.y;
    paragraph(t.doc, t.lijnen(regels), { x: t.x, width: t.width, lineGap: 2, keepWithNext: houdBij * t.advance });
    expect(t.pages()).toBe(paginas);
    if (paginas === 2) expect(t.doc.y).toBeCloseTo(t.top + opLaatste * t.advance, 0);
    else expect(t.doc.y).toBeCloseTo(voor + regels * t.advance, 0);
  });
});

describe("table: niet breken na één regel", () => {
  const kolommen = [{ header: "Kop", width: 1, value: (r: number) => `rij ${r}` }];

  it("begint op een nieuwe bladzijde als de kop en drie rijen er niet meer passen", () => {
    const t = bijnaVol(3);
    table(t.doc, [1, 2, 3, 4, 5], kolommen);
    expect(t.pages()).toBe(2);
  });

  it("laat de laatste rij niet alleen op de volgende bladzijde staan", () => {
    const hoogte = (n: number) => {
      const d = createPdf({ title: "maat" });
      table(
        d,
        Array.from({ length: n }, (_, i) => i),
        kolommen,
      );
      return d.y - d.page.margins.top;
    };
    const kopEnEen = hoogte(1);
    const rij = hoogte(2) - kopEnEen;
    // Find the row count at which a table first needs a second page: that page must hold at least two rows.
    for (let n = 30; n < 200; n++) {
      const proef = createPdf({ title: "proef" });
      table(
        proef,
        Array.from({ length: n }, (_, i) => i),
        kolommen,
      );
      if (proef.bufferedPageRange().count === 2) {
        expect(proef.y - proef.page.margins.top).toBeGreaterThan(kopEnEen + rij / 2);
        return;
      }
    }
    throw new Error("no table needed a second page: the test setup is wrong");
  });
});
