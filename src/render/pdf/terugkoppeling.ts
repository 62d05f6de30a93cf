import type PDFKit from "pdfkit";
import { adresMetGemeente } from "../../domain/adres.js";
import { formatDutch } from "../../domain/dates.js";
import {
  BETROKKENHEID_TEKST,
  bevindingSamenvatting,
  signaalSamenvatting,
  statusPerPartner,
  type TerugkoppelingData,
} from "../../domain/terugkoppeling.js";
import { createPdf, FONT, FONT_BOLD, heading, numberPages, paragraph, table } from "./document.js";

/**
 * The feedback partners said they never get: what became of every signal they brought in,
 * and of the findings they have a stake in. Only what the partner needs: no names of
 * persons, and another partner's follow-up as a status only.
 */
export function terugkoppelingPdf(d: TerugkoppelingData): PDFKit.PDFDocument {
  const doc = createPdf({ title: `Terugkoppeling ${d.partner}`, subject: "Terugkoppeling signalen, bevindingen en opvolging" });
  const x = doc.page.margins.left;
  const width = doc.page.width - x - doc.page.margins.right;
  const text = (t: string) => paragraph(doc, t, { x, width });
  doc.font(FONT_BOLD).fontSize(18).text(`Terugkoppeling aan ${d.partner}`);
  doc
    .font(FONT)
    .fontSize(10)
    .fillColor("#444444")
    .text(`Stand per ${formatDutch(d.datum)}`)
    .fillColor("black")
    .moveDown(0.5);
  text(
    `Dit overzicht toont wat er gebeurde met elk signaal dat ${d.partner} heeft ingebracht, en elke bevinding die ${d.partner} heeft aangedragen of in eigendom heeft (de bevinding of een opvolgingsactie), wat ermee is gedaan en met welk resultaat. De opvolging door andere partners staat er alleen als status in.`,
  );

  heading(doc, `Signalen van ${d.partner}`);
  text(`${signaalSamenvatting(d.signaaltotalen)}.`);
  doc.moveDown(0.3);
  if (d.signalen.length)
    table(
      doc,
      d.signalen,
      [
        { header: "Datum", width: 0.15, value: (s) => formatDutch(s.datum) },
        { header: "Adres", width: 0.21, value: (s) => adresMetGemeente(s) },
        { header: "Signaal", width: 0.3, value: (s) => `${s.thema ? `[${s.thema}] ` : ""}${s.omschrijving}` },
        { header: "Wat ermee gebeurde", width: 0.34, value: (s) => s.tekst },
      ],
      { fontSize: 8 },
    );

  const t = d.totalen;
  heading(doc, "Bevindingen");
  text(`${bevindingSamenvatting(t)}.`);
  if (d.bevindingen.length === 0) {
    doc.moveDown().text("Er zijn (nog) geen bevindingen voor deze partner.");
  }
  for (const b of d.bevindingen) {
    heading(doc, `Bevinding ${b.id} — ${b.categorie_naam}`, 12, 60);
    text(`${adresMetGemeente(b)} · controleavond ${b.avond_id}, ${formatDutch(b.datum)}`);
    text(`Eigenaar: ${b.eigenaar} · Rol van ${d.partner}: ${b.betrokkenheid.map((x) => BETROKKENHEID_TEKST[x] ?? x).join(", ")}`);
    if (b.omschrijving) text(`Bevinding: ${b.omschrijving}`);
    if (b.maatregel) text(`Directe maatregel: ${b.maatregel}`);
    if (b.personen !== null) text(`Aangetroffen personen: ${b.personen}`);
    doc.moveDown(0.3);
    if (b.opvolgingen.length === 0) {
      text("Nog geen opvolging vastgelegd.");
      doc.moveDown(0.3);
      continue;
    }
    const eigen = b.opvolgingen.flatMap((o) => (o.eigen ? [o] : []));
    if (eigen.length)
      table(
        doc,
        eigen,
        [
          { header: "actie", width: 0.27, value: (o) => o.actie },
          { header: "door", width: 0.15, value: (o) => o.partner },
          { header: "uiterlijk", width: 0.17, value: (o) => formatDutch(o.deadline) },
          { header: "status", width: 0.15, value: (o) => (o.verlopen ? `${o.status} (verlopen)` : o.status) },
          { header: "resultaat", width: 0.26, value: (o) => o.resultaat ?? "" },
        ],
        { fontSize: 8 },
      );
    for (const s of statusPerPartner(b.opvolgingen)) text(`Opvolging door ${s}`);
  }
  numberPages(doc, { label: `Terugkoppeling ${d.partner}` });
  return doc;
}
