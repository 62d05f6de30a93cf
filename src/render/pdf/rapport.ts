/**
 * Report PDFs: the top-10 with a bar chart and the PIT-style year report. Charts
 * are vectors (rect/text), grey bars with black outlines: readable when printed
 * in black and white. Only imported when a PDF is asked for.
 */
import type PDFKit from "pdfkit";
import { barChart, barChartHeight, createPdf, FONT, FONT_BOLD, heading, numberPages, table } from "./document.js";
import { formatDutch } from "../../domain/dates.js";
import { aantal } from "../../domain/tekst.js";
import { formatPercentage, restRegel, type GroepCijfers, type JaarRapport, type TopRapport, type TopRegel } from "../../domain/rapport.js";

/** The section headings of the year report, in order (tests check the PDF text for each). */
export const JAAR_SECTIES = {
  objecten: "Bezochte objecten naar type",
  gemeenten: "Controleavonden en adressen per gemeente",
  themas: "Acties per thema",
  top: "Top 10 van de meest voorkomende overtredingen",
  partners: "Resultaten per partnerorganisatie",
  maatregelen: "Direct genomen maatregelen",
  personen: "Aangetroffen personen",
  opvolging: "Opvolgingspercentage",
} as const;

const LEEG = "Geen bevindingen in deze periode";

function title(doc: PDFKit.PDFDocument, text: string, sub: string[]): void {
  doc.font(FONT_BOLD).fontSize(15).fillColor("black").text(text);
  doc.font(FONT).fontSize(10).fillColor("#333333");
  for (const line of sub) doc.text(line);
  doc.fillColor("black").moveDown(0.5);
}

function note(doc: PDFKit.PDFDocument, text: string, bold = false): void {
  doc
    .font(bold ? FONT_BOLD : FONT)
    .fontSize(10)
    .fillColor("black")
    .text(text, doc.page.margins.left)
    .moveDown(0.4)
    .font(FONT);
}

function topSection(doc: PDFKit.PDFDocument, r: TopRapport | JaarRapport["top"], n: number, withPercent: boolean): void {
  if (r.totaal === 0) {
    note(doc, LEEG);
    return;
  }
  barChart(
    doc,
    r.top.map((t) => ({ label: t.naam, value: t.aantal })),
    { labelWidth: 0.42 },
  );
  const rows = r.top.map((t, i) => ({ ...t, rang: i + 1 })) as (TopRegel & { rang: number })[];
  table(doc, rows, [
    { header: "#", width: 0.06, value: (t) => String(t.rang), align: "right" },
    { header: "Overtreding", width: withPercent ? 0.46 : 0.58, value: (t) => t.naam },
    { header: "Code", width: withPercent ? 0.2 : 0.24, value: (t) => t.categorie },
    { header: "Aantal", width: 0.12, value: (t) => String(t.aantal), align: "right" },
    ...(withPercent
      ? [{ header: "% adressen", width: 0.16, value: (t: TopRegel) => formatPercentage(t.percentage), align: "right" as const }]
      : []),
  ]);
  if (r.overig.bevindingen > 0) note(doc, restRegel(r.overig), true);
  note(doc, `Totaal: ${aantal(r.totaal, "bevinding", "bevindingen")}${r.top.length < n ? "" : ` (top ${n} getoond)`}.`);
}

/** The top-N as a PDF: a horizontal bar chart, the table and the remainder line. */
export function topPdf(r: TopRapport, opts: { n: number; filters: string[] }): PDFKit.PDFDocument {
  const doc = createPdf({ title: `Top ${opts.n} meest voorkomende overtredingen`, subject: "rapportage" });
  title(doc, `Top ${opts.n} van de meest voorkomende overtredingen`, opts.filters);
  topSection(doc, r, opts.n, false);
  numberPages(doc);
  return doc;
}

function partnerTable(doc: PDFKit.PDFDocument, rows: GroepCijfers[]): void {
  table(
    doc,
    rows,
    [
      { header: "Partner", width: 0.18, value: (p) => p.naam },
      { header: "Bevindingen", width: 0.16, value: (p) => String(p.bevindingen), align: "right" },
      { header: "Afgerond", width: 0.12, value: (p) => String(p.afgerond), align: "right" },
      { header: "Open", width: 0.09, value: (p) => String(p.open), align: "right" },
      { header: "Verlopen", width: 0.13, value: (p) => String(p.verlopen), align: "right" },
      { header: "Doodgelopen", width: 0.17, value: (p) => String(p.doodgelopen), align: "right" },
      { header: "Opvolg-%", width: 0.14, value: (p) => formatPercentage(p.percentage), align: "right" },
    ],
    { fontSize: 8 },
  );
}

/** The team's year report in the style of the PIT evaluation. */
export function jaarPdf(r: JaarRapport, opts: { team?: string }): PDFKit.PDFDocument {
  const doc = createPdf({ title: `Jaarverslag ${r.jaar}`, subject: "rapportage" });
  title(doc, `Jaarverslag ${r.jaar}${opts.team ? ` — ${opts.team}` : ""}`, [
    `Controleavonden van ${formatDutch(r.van)} t/m ${formatDutch(r.tot)}`,
    `Stand van de opvolging op ${formatDutch(r.vandaag)}`,
  ]);

  heading(doc, JAAR_SECTIES.objecten, 13, barChartHeight(r.objecten.length) + 20);
  if (r.objecten.length === 0) note(doc, "Geen bezochte objecten in dit jaar.");
  else {
    note(
      doc,
      `${aantal(
        r.objecten.reduce((s, o) => s + o.bezoeken, 0),
        "controle",
        "controles",
      )} op ${aantal(r.bezochteAdressen, "adres", "adressen")}.`,
    );
    barChart(
      doc,
      r.objecten.map((o) => ({ label: o.type, value: o.bezoeken, note: `${o.bezoeken} (${o.adressen} adr.)` })),
    );
  }

  heading(doc, JAAR_SECTIES.gemeenten);
  if (r.gemeenten.length === 0) note(doc, "Geen controleavonden in dit jaar.");
  else
    table(doc, r.gemeenten, [
      { header: "Gemeente", width: 0.36, value: (g) => g.gemeente },
      { header: "Avonden", width: 0.16, value: (g) => String(g.avonden), align: "right" },
      { header: "Adressen", width: 0.16, value: (g) => String(g.adressen), align: "right" },
      { header: "Controles", width: 0.16, value: (g) => String(g.bezoeken), align: "right" },
      { header: "Bevindingen", width: 0.16, value: (g) => String(g.bevindingen), align: "right" },
    ]);

  heading(doc, JAAR_SECTIES.themas, 13, barChartHeight(r.themas.length));
  if (r.themas.length === 0) note(doc, LEEG);
  else
    barChart(
      doc,
      r.themas.map((t) => ({ label: t.thema, value: t.bevindingen, note: `${t.bevindingen} (${t.adressen} adr.)` })),
    );

  heading(doc, JAAR_SECTIES.top, 13, barChartHeight(r.top.top.length));
  topSection(doc, r.top, 10, true);
  if (r.top.totaal > 0)
    note(doc, `% adressen: aandeel van de ${r.bezochteAdressen} bezochte adressen met ten minste één bevinding in die categorie.`);

  heading(doc, JAAR_SECTIES.partners);
  if (r.partners.length === 0) note(doc, LEEG);
  else {
    note(
      doc,
      "Bevindingen: eigenaar van de bevinding. Afgerond, open, verlopen en doodgelopen: opvolgacties van die partner; verlopen = termijn voorbij en niet afgerond.",
    );
    partnerTable(doc, r.partners);
  }

  heading(doc, JAAR_SECTIES.maatregelen);
  note(doc, `${r.maatregelen.totaal} keer is ter plekke direct een maatregel genomen.`);
  if (r.maatregelen.soorten.length)
    table(doc, r.maatregelen.soorten, [
      { header: "Maatregel", width: 0.8, value: (m) => m.maatregel },
      { header: "Aantal", width: 0.2, value: (m) => String(m.aantal), align: "right" },
    ]);

  heading(doc, JAAR_SECTIES.personen);
  note(doc, `${aantal(r.personen.totaal, "persoon", "personen")} aangetroffen op ${aantal(r.personen.adressen, "adres", "adressen")}.`);

  heading(doc, JAAR_SECTIES.opvolging, 13, barChartHeight(4) + 30);
  const o = r.opvolging;
  note(
    doc,
    `${formatPercentage(o.percentage)} van de bevindingen met opvolging is volledig afgehandeld (${o.bevindingenAfgerond} van ${o.metOpvolging}).`,
  );
  barChart(
    doc,
    [
      { label: "afgerond", value: o.afgerond },
      { label: "open, binnen termijn", value: o.open - o.verlopen },
      { label: "verlopen", value: o.verlopen },
      { label: "doodgelopen", value: o.doodgelopen },
    ],
    { labelWidth: 0.25 },
  );
  note(doc, `Opvolgacties: ${o.opvolgingen}; open: ${o.open}, waarvan ${o.verlopen} over de termijn.`);

  numberPages(doc, { label: `Jaarverslag ${r.jaar}` });
  return doc;
}
