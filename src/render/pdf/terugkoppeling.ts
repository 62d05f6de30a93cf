import type PDFKit from "pdfkit";
import { formatDutch } from "../../domain/dates.js";
import { BETROKKENHEID_TEKST, type totalen } from "../../domain/terugkoppeling.js";
import { createPdf, FONT, FONT_BOLD, heading, numberPages, table } from "./document.js";

export interface TerugkoppelingData {
  partner: string;
  datum: string;
  totalen: ReturnType<typeof totalen>;
  bevindingen: {
    id: number;
    avond_id: number;
    datum: string;
    adres: string;
    gemeente: string;
    categorie_naam: string;
    eigenaar: string;
    omschrijving: string;
    maatregel: string | null;
    personen: number | null;
    betrokkenheid: string[];
    opvolgingen: {
      actie: string;
      partner: string;
      deadline: string;
      status: string;
      resultaat: string | null;
      verlopen: boolean;
      gesloten_op: string | null;
    }[];
  }[];
}

/** The feedback partners said they never get: their findings, what was done, with what result. No names of persons. */
export function terugkoppelingPdf(d: TerugkoppelingData): PDFKit.PDFDocument {
  const doc = createPdf({ title: `Terugkoppeling ${d.partner}`, subject: "Terugkoppeling bevindingen en opvolging" });
  doc.font(FONT_BOLD).fontSize(18).text(`Terugkoppeling aan ${d.partner}`);
  doc
    .font(FONT)
    .fontSize(10)
    .fillColor("#444444")
    .text(`Stand per ${formatDutch(d.datum)}`)
    .fillColor("black")
    .moveDown(0.5);
  doc.text(
    `Dit overzicht toont elke bevinding die ${d.partner} heeft aangedragen (signaal op het adres) of in eigendom heeft (de bevinding of een opvolgingsactie), wat ermee is gedaan en met welk resultaat.`,
  );
  const t = d.totalen;
  heading(doc, "Samenvatting");
  table(
    doc,
    [
      ["Bevindingen", t.bevindingen],
      ["Waarvan volledig afgesloten", t.bevindingenAfgesloten],
      ["Opvolgingsacties", t.opvolgingen],
      ["Afgerond", t.afgerond],
      ["Doodgelopen", t.doodgelopen],
      ["Nog open", t.open],
      ["Over de deadline", t.verlopen],
    ] as [string, number][],
    [
      { header: "", width: 0.7, value: (r) => r[0] },
      { header: "aantal", width: 0.3, value: (r) => String(r[1]), align: "right" },
    ],
  );
  if (d.bevindingen.length === 0) {
    doc.moveDown().text("Er zijn (nog) geen bevindingen voor deze partner.");
  }
  for (const b of d.bevindingen) {
    heading(doc, `Bevinding ${b.id} — ${b.categorie_naam}`, 12);
    doc.text(`${b.adres} (${b.gemeente}) · controleavond ${b.avond_id}, ${formatDutch(b.datum)}`);
    doc.text(`Eigenaar: ${b.eigenaar} · Rol van ${d.partner}: ${b.betrokkenheid.map((x) => BETROKKENHEID_TEKST[x] ?? x).join(", ")}`);
    doc.text(`Bevinding: ${b.omschrijving}`);
    if (b.maatregel) doc.text(`Directe maatregel: ${b.maatregel}`);
    if (b.personen !== null) doc.text(`Aangetroffen personen: ${b.personen}`);
    doc.moveDown(0.3);
    if (b.opvolgingen.length === 0) {
      doc.text("Nog geen opvolging vastgelegd.").moveDown(0.3);
      continue;
    }
    table(
      doc,
      b.opvolgingen,
      [
        { header: "actie", width: 0.27, value: (o) => o.actie },
        { header: "door", width: 0.17, value: (o) => o.partner },
        { header: "uiterlijk", width: 0.13, value: (o) => kort(o.deadline) },
        { header: "status", width: 0.17, value: (o) => (o.verlopen ? `${o.status} (verlopen)` : o.status) },
        { header: "resultaat", width: 0.26, value: (o) => o.resultaat ?? "" },
      ],
      { fontSize: 8 },
    );
  }
  numberPages(doc, { label: `Terugkoppeling ${d.partner}` });
  return doc;
}

/** "17-12-2026": the compact Dutch date, for narrow table columns. */
function kort(iso: string): string {
  return `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
}
