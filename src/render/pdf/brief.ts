import fs from "node:fs";
import type PDFKit from "pdfkit";
import { blokken, type BriefContext, type Briefhoofd } from "../../domain/brief.js";
import { formatDutch, fromIso } from "../../domain/dates.js";
import { createPdf, FONT, FONT_BOLD, MM, numberPages, paragraph } from "./document.js";

/**
 * A Dutch municipal letter on A4: letterhead top left, the recipient where a
 * window envelope shows it, a meta block (Datum, Ons kenmerk, Onderwerp,
 * Contact: a department and function, never the inspector), the body, the
 * signature on behalf of the bestuursorgaan (college or burgemeester) with the
 * mandate named, and "Pagina 1 van 2" on longer letters.
 */
export interface BriefPdfInvoer {
  context: BriefContext;
  briefhoofd: Briefhoofd;
  onderwerp: string;
  titel: string;
  tekst: string;
}

const LEFT = 25 * MM;
const RIGHT = 20 * MM;
const GREY = "#555555";
const ACCENT = "#1f3f6b";

export function briefPdf(inv: BriefPdfInvoer): PDFKit.PDFDocument {
  const { context: c, briefhoofd: h } = inv;
  const doc = createPdf({
    title: `${inv.titel} — ${c.brief.kenmerk}`,
    author: capitalise(c.bestuursorgaan.naam),
    subject: inv.onderwerp,
    date: fromIso(c.brief.datum),
    margins: { top: 25 * MM, bottom: 25 * MM, left: LEFT, right: RIGHT },
  });
  const width = doc.page.width - LEFT - RIGHT;

  // Letterhead, top left: optional logo, then the gemeente's name and department.
  let y = 15 * MM;
  if (h.logo && fs.existsSync(h.logo)) {
    try {
      // Logo above the name; the whole letterhead stays clear of the return address at 45 mm.
      doc.image(h.logo, LEFT, 10 * MM, { fit: [55 * MM, 12 * MM] });
      y = 24 * MM;
    } catch {
      // An unreadable image must not stop the letter; the name is the letterhead.
    }
  }
  doc.font(FONT_BOLD).fontSize(16).fillColor(ACCENT).text(`Gemeente ${h.gemeente}`, LEFT, y, { lineBreak: false });
  doc
    .font(FONT)
    .fontSize(9)
    .fillColor(GREY)
    .text(capitalise(h.afdeling), LEFT, y + 20, { width: 100 * MM });

  // Sender details, top right.
  const rightX = 135 * MM;
  const senderLines = [h.postadres ?? "", h.telefoon ? `Telefoon ${h.telefoon}` : "", h.email ?? ""].filter(Boolean);
  doc
    .font(FONT)
    .fontSize(8)
    .fillColor(GREY)
    .text(senderLines.join("\n"), rightX, 15 * MM, { width: doc.page.width - rightX - RIGHT, lineGap: 1 });

  // Return address and recipient, in the window of a standard envelope (left 25 mm, top 50 mm).
  const windowTop = 50 * MM;
  if (h.postadres) {
    doc
      .font(FONT)
      .fontSize(6.5)
      .fillColor(GREY)
      .text(`Retouradres: ${h.postadres}`, LEFT, windowTop - 5 * MM, { width: 85 * MM, lineBreak: false });
  }
  doc
    .font(FONT)
    .fontSize(10)
    .fillColor("black")
    .text([c.ontvanger.naam, ...c.ontvanger.adresregels].join("\n"), LEFT, windowTop, { width: 85 * MM, lineGap: 1.5 });

  // Meta block.
  let metaY = 90 * MM;
  const labelW = 30 * MM;
  const contact = [capitalise(h.afdeling), c.gemeente.telefoon ? `telefoon ${c.gemeente.telefoon}` : "", c.gemeente.email ?? ""]
    .filter(Boolean)
    .join(", ");
  const meta: [string, string][] = [
    ["Van", capitalise(c.bestuursorgaan.naam)], // the bestuursorgaan that speaks: college or burgemeester
    ["Datum", formatDutch(c.brief.datum)],
    ["Ons kenmerk", c.brief.kenmerk],
    ["Onderwerp", inv.onderwerp],
    ["Contact", contact],
  ];
  for (const [label, value] of meta) {
    doc
      .font(FONT)
      .fontSize(8.5)
      .fillColor(GREY)
      .text(label, LEFT, metaY + 0.5, { width: labelW, lineBreak: false });
    doc
      .font(label === "Onderwerp" ? FONT_BOLD : FONT)
      .fontSize(9.5)
      .fillColor("black");
    const hgt = doc.heightOfString(value, { width: width - labelW });
    doc.text(value, LEFT + labelW, metaY, { width: width - labelW });
    metaY += Math.max(hgt, 11) + 3;
  }

  // Body. Heights are measured before drawing: no paragraph leaves one line alone on a page,
  // a heading stays with what follows, and the last lines of the body go along with the
  // signature, so the closing never stands on a page by itself.
  doc.x = LEFT;
  doc.y = Math.max(metaY + 7 * MM, 118 * MM);
  const body = { width, lineGap: 2.2, align: "left" as const };
  const signature = signatureBlock(doc, c, h, width);
  const twoLines = 2 * (doc.font(FONT).fontSize(10).currentLineHeight(true) + body.lineGap);
  const alle = blokken(inv.tekst);
  // What must stay on the page of what follows: the signature with the last block, and when that
  // block is a single line, the block before it too (so at least two lines of the letter come along).
  const last = alle[alle.length - 1];
  const lastHeight = last?.soort === "alinea" ? doc.font(FONT).fontSize(10).heightOfString(last.tekst, body) : Infinity;
  const lastIsOneLine = lastHeight < twoLines * 0.75;
  alle.forEach((b, i) => {
    const keep =
      i === alle.length - 1
        ? signature.height
        : i === alle.length - 2 && lastIsOneLine
          ? signature.height + lastHeight + doc.currentLineHeight(true) * 0.7
          : 0;
    if (b.soort === "vet") {
      doc.font(FONT_BOLD).fontSize(10).fillColor("black");
      paragraph(doc, b.tekst, { ...body, x: LEFT, keepWithNext: Math.max(keep, twoLines) });
      doc.moveDown(0.3);
    } else if (b.soort === "alinea") {
      doc.font(FONT).fontSize(10).fillColor("black");
      paragraph(doc, b.tekst, { ...body, x: LEFT, keepWithNext: keep });
      doc.moveDown(0.7);
    } else {
      b.items.forEach((item, j) => {
        doc.font(FONT).fontSize(10).fillColor("black");
        paragraph(doc, item, {
          ...body,
          x: LEFT + 7 * MM,
          width: width - 7 * MM,
          keepWithNext: j === b.items.length - 1 ? keep : 0,
          onStart: (top) => {
            doc.text("•", LEFT + 2 * MM, top, { width: 4 * MM, lineBreak: false });
            doc.x = LEFT + 7 * MM;
            doc.y = top;
          },
        });
        doc.moveDown(0.25);
      });
      doc.moveDown(0.55);
    }
  });

  if (doc.y + signature.height > doc.page.height - doc.page.margins.bottom) doc.addPage();
  signature.draw();

  numberPages(doc, { label: `Ons kenmerk ${c.brief.kenmerk}` });
  return doc;
}

/** The closing and signature, measured before anything is drawn so the body can keep its last lines with it. */
function signatureBlock(doc: PDFKit.PDFDocument, c: BriefContext, h: Briefhoofd, width: number): { height: number; draw: () => void } {
  // Signature: kept together on one page, on behalf of the bestuursorgaan that decides, under its mandate.
  const sign = ["Met vriendelijke groet,", c.bestuursorgaan.ondertekening];
  const lines = [h.ondertekenaarNaam, capitalise(h.ondertekenaarFunctie)].filter((l): l is string => Boolean(l));
  const mandaat = `Ondertekend krachtens mandaat (${c.bestuursorgaan.mandaat})`;
  doc.font(FONT).fontSize(10);
  const height =
    4 +
    doc.heightOfString(sign.join("\n"), { width, lineGap: 2 }) +
    3.2 * doc.currentLineHeight(true) +
    lines.reduce((sum, l) => sum + doc.heightOfString(l, { width }), 0) +
    2 +
    doc.fontSize(8.5).heightOfString(mandaat, { width });
  const draw = () => {
    doc
      .font(FONT)
      .fontSize(10)
      .fillColor("black")
      .text(sign.join("\n"), LEFT, doc.y + 4, { width, lineGap: 2 });
    doc.moveDown(3.2);
    for (const l of lines) doc.text(l, LEFT, doc.y, { width });
    doc
      .fontSize(8.5)
      .fillColor(GREY)
      .text(mandaat, LEFT, doc.y + 2, { width });
  };
  return { height, draw };
}

function capitalise(t: string): string {
  return t.charAt(0).toUpperCase() + t.slice(1);
}
