import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type PDFKit from "pdfkit";
import { woffToSfnt } from "./woff.js";

const require = createRequire(import.meta.url);

/**
 * The one way to make a PDF: A4, 2.5 cm margins, DejaVu Sans embedded (the
 * standard PDF fonts cannot print Ł, ś, Ș, ț), fixed metadata so the same input
 * gives byte-identical output. pdfkit is loaded only when a PDF is made.
 */
export const FONT = "DejaVu";
export const FONT_BOLD = "DejaVu-Bold";
export const MM = 72 / 25.4;

const FONT_DIR = path.dirname(require.resolve("@fontsource/dejavu-sans/package.json"));
const FONT_FILES = {
  [FONT]: path.join(FONT_DIR, "files", "dejavu-sans-latin-400-normal.woff"),
  [FONT_BOLD]: path.join(FONT_DIR, "files", "dejavu-sans-latin-700-normal.woff"),
};

const fontCache = new Map<string, Buffer>();

/**
 * The font as a plain TrueType buffer, decoded once per process. fontkit reads
 * .woff by re-inflating the glyph table (in pure JS) on every glyph lookup, which
 * made a one-page letter take seconds; zlib does it once, in native code.
 */
function fontData(name: keyof typeof FONT_FILES): Buffer {
  let buf = fontCache.get(name);
  if (!buf) {
    buf = woffToSfnt(fs.readFileSync(FONT_FILES[name]));
    fontCache.set(name, buf);
  }
  return buf;
}

export interface PdfOptions {
  title: string;
  author?: string;
  subject?: string;
  /** Fixed creation date keeps the output deterministic (defaults to 2000-01-01). */
  date?: Date;
  margins?: { top: number; bottom: number; left: number; right: number };
}

export function createPdf(opts: PdfOptions): PDFKit.PDFDocument {
  const PDFDocument = require("pdfkit") as typeof import("pdfkit");
  const date = opts.date ?? new Date(Date.UTC(2000, 0, 1));
  const doc = new PDFDocument({
    size: "A4",
    margins: opts.margins ?? { top: 25 * MM, bottom: 25 * MM, left: 25 * MM, right: 25 * MM },
    bufferPages: true, // page numbers are written after the content is laid out
    autoFirstPage: true,
    compress: true,
    info: {
      Title: opts.title,
      Author: opts.author ?? "interventie",
      Subject: opts.subject ?? "",
      Producer: "interventie",
      Creator: "interventie",
      CreationDate: date,
      ModDate: date,
    },
    lang: "nl-NL",
    displayTitle: true,
  } as PDFKit.PDFDocumentOptions);
  doc.registerFont(FONT, fontData(FONT));
  doc.registerFont(FONT_BOLD, fontData(FONT_BOLD));
  doc.font(FONT).fontSize(10);
  return doc;
}

/** "Pagina 2 van 3" at the bottom of every page (only when there is more than one, unless forced). */
export function numberPages(doc: PDFKit.PDFDocument, opts: { always?: boolean; label?: string } = {}): void {
  const range = doc.bufferedPageRange();
  if (range.count < 2 && !opts.always) return;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin must not add a page
    doc
      .font(FONT)
      .fontSize(8)
      .fillColor("#444444")
      .text(
        `${opts.label ? `${opts.label} — ` : ""}Pagina ${i + 1} van ${range.count}`,
        doc.page.margins.left,
        doc.page.height - bottom / 2 - 4,
        {
          width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
          align: "center",
          lineBreak: false,
        },
      );
    doc.page.margins.bottom = bottom;
  }
  doc.fillColor("black");
}

/**
 * The finished document as bytes: what a command writes with writeOutput (io/output-file.ts:
 * private, atomic, never the database). Every PDF module has the same shape: data → document.
 */
export function pdfToBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}

/**
 * A section heading that never sits alone at the bottom of a page: `keepWithNext` is the
 * room (in points) that what follows needs on the same page, e.g. a table's header and first rows.
 */
export function heading(doc: PDFKit.PDFDocument, text: string, size = 13, keepWithNext = 90): void {
  doc.font(FONT_BOLD).fontSize(size);
  const own = doc.currentLineHeight(true) * 1.6 + doc.heightOfString(text);
  if (doc.y + own + keepWithNext > bottomOf(doc)) doc.addPage();
  doc.moveDown(0.6).font(FONT_BOLD).fontSize(size).fillColor("black").text(text).moveDown(0.3).font(FONT).fontSize(10);
}

function bottomOf(doc: PDFKit.PDFDocument): number {
  return doc.page.height - doc.page.margins.bottom;
}

export interface ParagraphOptions {
  x: number;
  width: number;
  lineGap?: number;
  align?: "left" | "justify";
  /** Height (points) of what must follow on the same page as the paragraph's last lines, e.g. a signature. */
  keepWithNext?: number;
  /** Called with the y where the first line lands, after any page break (to draw a bullet beside it). */
  onStart?: (y: number) => void;
}

/**
 * A paragraph set as in a book: never its first line alone at the bottom of a page
 * (orphan) nor its last line alone at the top of the next (widow). Heights are measured
 * before drawing (pdfkit's own measure, in the current font). With `keepWithNext`, when
 * what follows does not fit after the paragraph, its last two lines go to the next page
 * along with it, so a signature never stands on a page by itself.
 */
export function paragraph(doc: PDFKit.PDFDocument, text: string, opts: ParagraphOptions): void {
  const lineGap = opts.lineGap ?? 0;
  const line = doc.currentLineHeight(true);
  const advance = line + lineGap;
  const n = Math.max(1, Math.round(doc.heightOfString(text, { width: opts.width, lineGap }) / advance));
  const keep = opts.keepWithNext ?? 0;
  const room = doc.y + line > bottomOf(doc) ? 0 : Math.floor((bottomOf(doc) - doc.y - line) / advance + 1e-6) + 1;
  const draw = () => {
    opts.onStart?.(doc.y);
    doc.text(text, opts.x, doc.y, { width: opts.width, lineGap, align: opts.align ?? "left" });
  };
  if (n <= room && doc.y + n * advance + keep <= bottomOf(doc)) return draw();
  // Lines that stay on this page: two at least, and two at least go on (with what is kept with them).
  const here = Math.min(room, n - 2);
  if (here < 2) {
    doc.addPage();
    return draw();
  }
  // pdfkit breaks a text where the page's bottom margin says; for this one text, it says "after `here` lines".
  const page = doc.page;
  const margin = page.margins.bottom;
  page.margins.bottom = page.height - (doc.y + (here - 1) * advance + line + advance / 2);
  try {
    draw();
  } finally {
    page.margins.bottom = margin;
  }
}

export interface PdfColumn<T> {
  header: string;
  width: number; // fraction of the usable width; fractions should add up to 1
  value: (row: T) => string;
  align?: "left" | "right";
}

/** Rows a table keeps together with its header at the top, and at its end: never one row alone on a page. */
const ROWS_TOGETHER = 3;
const LAST_ROWS_TOGETHER = 2;

/**
 * A simple ruled table, black-and-white friendly. It breaks across pages between rows and
 * repeats its header; it never starts with fewer than three rows at the bottom of a page,
 * nor leaves its last row alone on the next one (row heights are measured first).
 */
export function table<T>(doc: PDFKit.PDFDocument, rows: T[], columns: PdfColumn<T>[], opts: { fontSize?: number } = {}): void {
  const size = opts.fontSize ?? 9;
  const left = doc.page.margins.left;
  const usable = doc.page.width - left - doc.page.margins.right;
  const widths = columns.map((c) => c.width * usable);
  const pad = 3;
  const height = (cells: string[], bold: boolean) => {
    doc.font(bold ? FONT_BOLD : FONT).fontSize(size);
    return Math.max(...cells.map((t, i) => doc.heightOfString(t, { width: widths[i]! - 2 * pad }))) + 2 * pad;
  };
  const header = columns.map((c) => c.header);
  const cells = rows.map((r) => columns.map((c) => c.value(r)));
  const headerH = height(header, true);
  const rowH = cells.map((c) => height(c, false));
  const drawRow = (texts: string[], h: number, bold: boolean) => {
    const y = doc.y;
    if (bold) doc.rect(left, y, usable, h).fill("#e6e6e6").fillColor("black");
    let x = left;
    texts.forEach((t, i) => {
      doc
        .font(bold ? FONT_BOLD : FONT)
        .fontSize(size)
        .text(t, x + pad, y + pad, { width: widths[i]! - 2 * pad, align: columns[i]!.align ?? "left" });
      x += widths[i]!;
    });
    doc
      .moveTo(left, y + h)
      .lineTo(left + usable, y + h)
      .lineWidth(0.5)
      .strokeColor("#888888")
      .stroke()
      .strokeColor("black");
    doc.x = left;
    doc.y = y + h;
  };
  const sum = (from: number, to: number) => rowH.slice(from, to).reduce((a, b) => a + b, 0);
  if (doc.y + headerH + sum(0, ROWS_TOGETHER) > bottomOf(doc)) doc.addPage();
  drawRow(header, headerH, true);
  let onPage = 0;
  rowH.forEach((h, i) => {
    const last = rows.length - LAST_ROWS_TOGETHER;
    const tail = i === last && onPage >= ROWS_TOGETHER - 1 ? sum(i, rows.length) : h;
    if (doc.y + tail > bottomOf(doc)) {
      doc.addPage();
      drawRow(header, headerH, true);
      onPage = 0;
    }
    drawRow(cells[i]!, h, false);
    onPage++;
  });
  doc.moveDown(0.5);
}

export interface BarItem {
  label: string;
  value: number;
  /** Text after the bar; defaults to the value. */
  note?: string;
}

const BAR_FONT_SIZE = 8.5;

/** The height a bar chart takes, to keep a heading with it. */
export function barChartHeight(items: number, fontSize = BAR_FONT_SIZE): number {
  return items * (fontSize + 7);
}

/**
 * A horizontal bar chart drawn as vectors (rect + text): labels left, bars in grey
 * with a black outline and the value after each bar, so it stays readable in
 * black and white. A chart that fits on a page is not split; a longer one breaks
 * across pages like a table.
 */
export function barChart(
  doc: PDFKit.PDFDocument,
  items: BarItem[],
  opts: { labelWidth?: number; max?: number; fontSize?: number } = {},
): void {
  const size = opts.fontSize ?? BAR_FONT_SIZE;
  const whole = barChartHeight(items.length, size);
  if (doc.y + whole > bottomOf(doc) && doc.page.margins.top + whole <= bottomOf(doc)) doc.addPage();
  const left = doc.page.margins.left;
  const usable = doc.page.width - left - doc.page.margins.right;
  const labelW = usable * (opts.labelWidth ?? 0.38);
  const noteW = 70;
  const barX = left + labelW + 6;
  const barW = usable - labelW - 6 - noteW;
  const max = Math.max(opts.max ?? 0, ...items.map((i) => i.value), 1);
  const rowH = size + 7;
  const barH = size + 1;
  let axisTop = doc.y;
  const axis = (bottom: number) => doc.moveTo(barX, axisTop).lineTo(barX, bottom).lineWidth(0.8).strokeColor("black").stroke();
  for (const item of items) {
    if (doc.y + rowH > doc.page.height - doc.page.margins.bottom) {
      axis(doc.y);
      doc.addPage();
      axisTop = doc.y;
    }
    const y = doc.y;
    doc.font(FONT).fontSize(size).fillColor("black");
    doc.text(item.label, left, y + 2, { width: labelW, height: rowH, ellipsis: true, lineBreak: false, align: "right" });
    const w = Math.max((item.value / max) * barW, item.value > 0 ? 1 : 0);
    if (w > 0)
      doc
        .rect(barX, y + (rowH - barH) / 2, w, barH)
        .lineWidth(0.5)
        .fillAndStroke("#8c8c8c", "black");
    doc.fillColor("black").text(item.note ?? String(item.value), barX + w + 4, y + 2, { width: noteW, lineBreak: false });
    doc.x = left;
    doc.y = y + rowH;
  }
  axis(doc.y);
  doc.x = left;
  doc.moveDown(0.5);
}
