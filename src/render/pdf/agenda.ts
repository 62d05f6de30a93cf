import { formatAdres } from "../../domain/adres.js";
import type { Agenda } from "../../usecases/casustafel.js";
import { formatDutch } from "../../domain/dates.js";
import { createPdf, FONT, FONT_BOLD, heading, numberPages, table } from "./document.js";

/** The agenda sent to the partners' fixed representatives: terugblik, then ranked candidates with reasons. */
export function agendaPdf(a: Agenda): PDFKit.PDFDocument {
  const doc = createPdf({ title: `Agenda casustafel ${a.casustafel.id}` });
  doc.font(FONT_BOLD).fontSize(18).text(`Agenda casustafel ${a.casustafel.id}`);
  doc
    .font(FONT)
    .fontSize(11)
    .text(`${formatDutch(a.casustafel.datum)} — ${a.casustafel.gemeenten.join(", ")}`);
  doc
    .fontSize(8)
    .fillColor("#333333")
    .text("Vertrouwelijk: alleen voor de vaste vertegenwoordigers van de convenantpartners.")
    .fillColor("black");

  const t = a.terugblik;
  heading(doc, "1. Terugblik");
  if (t.avonden.length === 0) doc.text("Geen eerdere controleavonden in deze gemeenten.");
  else
    table(doc, t.avonden, [
      { header: "Avond", width: 0.1, value: (v) => String(v.id) },
      { header: "Datum", width: 0.2, value: (v) => formatDutch(v.datum) },
      { header: "Doel", width: 0.46, value: (v) => v.doel },
      { header: "Adressen", width: 0.12, value: (v) => String(v.adressen), align: "right" },
      { header: "Bevindingen", width: 0.12, value: (v) => String(v.bevindingen), align: "right" },
    ]);
  doc
    .font(FONT)
    .fontSize(10)
    .text(`Open opvolgingen: ${t.open_opvolgingen.length}; waarvan verlopen: ${t.verlopen.reduce((n, v) => n + v.aantal, 0)}`);
  if (t.verlopen.length) {
    doc.moveDown(0.3).font(FONT_BOLD).text("Niet gedaan (verlopen), per eigenaar").font(FONT);
    table(
      doc,
      t.verlopen.flatMap((v) => v.opvolgingen),
      [
        { header: "Eigenaar", width: 0.18, value: (o) => o.partner },
        { header: "Actie", width: 0.32, value: (o) => o.actie },
        { header: "Adres", width: 0.32, value: (o) => formatAdres(o) },
        { header: "Deadline", width: 0.18, value: (o) => formatDutch(o.deadline) },
      ],
    );
  }
  if (t.leerpunten.length) {
    doc.moveDown(0.3).font(FONT_BOLD).text("Leerpunten").font(FONT);
    for (const l of t.leerpunten) doc.text(`• Avond ${l.avond_id} (${formatDutch(l.datum)}): ${l.tekst}`);
  }

  heading(doc, "2. Kandidaat-adressen (gerangschikt)");
  if (a.kandidaten.length === 0) doc.text("Geen adressen met signalen.");
  else
    table(doc, a.kandidaten, [
      { header: "#", width: 0.05, value: (k) => String(k.rang) },
      { header: "Adres", width: 0.25, value: (k) => `${k.adres}\n${k.gemeente} · ${k.type}` },
      {
        header: "Waarom, en wat de signalen zeggen",
        width: 0.56,
        value: (k) =>
          [
            ...k.redenen,
            ...k.signaalteksten.map((x) => `• ${formatDutch(x.datum)}, ${x.partner}${x.thema ? ` (${x.thema})` : ""}: ${x.omschrijving}`),
          ].join("\n"),
      },
      { header: "Besluit", width: 0.14, value: (k) => k.besluit ?? "" },
    ]);
  numberPages(doc, { label: `Agenda casustafel ${a.casustafel.id}` });
  return doc;
}
