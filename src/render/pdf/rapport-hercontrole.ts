import type PDFKit from "pdfkit";
import { formatDutch, fromIso } from "../../domain/dates.js";
import { HERCONTROLE_ONTBREKEND_TEKST } from "../../domain/hercontrole.js";
import { auteurTekst } from "../../domain/rapport-bevindingen.js";
import type { HercontroleInhoud } from "../../domain/rapport-hercontrole.js";
import { createPdf, MM, numberPages } from "./document.js";
import {
  bijlage,
  bijlagenKop,
  capitalise,
  kop,
  LEFT,
  meta,
  ondertekening,
  para,
  RIGHT,
  section,
  warning,
  watermark,
  type RapportPdfInvoer,
} from "./rapport-bevindingen.js";

/**
 * The rapport van bevindingen of a hercontrole, in the layout of the evening's report: the facts a
 * court checks first (kenmerk, place, date and time, author), the last it checked, the method, the
 * observation and whether the last was complied with, the evidence, and the signature with its date.
 */

export function rapportHercontrolePdf(inv: RapportPdfInvoer<HercontroleInhoud>): PDFKit.PDFDocument {
  const { inhoud: r } = inv;
  const h = r.hercontrole;
  const concept = !inv.ondertekening;
  const doc = createPdf({
    title: `Rapport van bevindingen (hercontrole) ${inv.kenmerk ?? "concept"} versie ${inv.versie}`,
    author: `Gemeente ${r.gemeente}`,
    subject: `Hercontrole ${r.adres.volledig}`,
    date: fromIso(inv.dagtekening),
    margins: { top: 20 * MM, bottom: 22 * MM, left: LEFT, right: RIGHT },
  });
  const width = doc.page.width - LEFT - RIGHT;
  kop(doc, width, r, "Rapport van bevindingen — hercontrole", concept);
  const tijd = `${formatDutch(h.datum)}${h.tijdstip ? ` om ${h.tijdstip} uur` : " (tijdstip onbekend)"}`;
  meta(doc, width, [
    ["Kenmerk", `${inv.kenmerk ?? "(wordt toegekend bij ondertekening)"}, versie ${inv.versie}`],
    ["Dagtekening", formatDutch(inv.dagtekening)],
    ["Plaats", `${r.adres.volledig} (${r.adres.type}), gemeente ${r.gemeente}`],
    ["Hercontrole", tijd],
    ["Opgemaakt door", r.auteurs.length ? r.auteurs.map(auteurTekst).join("\n") : "onbekend (zie onvolledige gegevens)"],
  ]);

  section(doc, "1. Aanleiding");
  const a = r.aanleiding;
  const rvb = a.rapport
    ? ` (rapport van bevindingen ${a.rapport.kenmerk}, versie ${a.rapport.versie}, van ${formatDutch(a.rapport.datum)})`
    : "";
  para(
    doc,
    width,
    `Bij de controle van ${formatDutch(a.controle_datum)} is op dit adres een overtreding vastgesteld: ${a.categorie_naam.toLowerCase()}${rvb}.`,
  );
  if (r.last) {
    const l = r.last;
    meta(doc, width, [
      ["Gecontroleerd", `${capitalise(l.naam)} ${l.kenmerk} van ${formatDutch(l.datum)}`],
      ["Overtreden voorschrift", l.voorschrift],
      ["Herstelmaatregel", capitalise(l.herstelmaatregel)],
      [l.soort === "besluit" ? "Begunstigingstermijn" : "Hersteltermijn", `tot en met ${formatDutch(l.termijn_tot)}`],
    ]);
  }
  para(
    doc,
    width,
    `Deze hercontrole ging na of ${r.last ? `aan de ${r.last.naam} is voldaan` : "de overtreding is beëindigd"}, met de bevoegdheden van afdeling 5.2 van de Algemene wet bestuursrecht. In dit rapport staat wat de toezichthouder${r.auteurs.length > 1 ? "s daarbij zelf hebben" : " daarbij zelf heeft"} waargenomen.`,
  );

  section(doc, "2. Methode");
  para(doc, width, h.methode ? `${capitalise(h.methode)}.` : "Onbekend.");

  section(doc, "3. Waarneming");
  const uitkomst = h.beeindigd
    ? "De overtreding is beëindigd" + (r.last?.soort === "besluit" ? `: aan de ${r.last.naam} is voldaan.` : ".")
    : "De overtreding is niet beëindigd" + (r.last?.soort === "besluit" ? `: aan de ${r.last.naam} is niet voldaan.` : ".");
  const rows: [string, string][] = [
    ["Datum en tijd", tijd],
    ["Vastgesteld door", h.toezichthouders.length ? h.toezichthouders.map((n) => `toezichthouder nr. ${n}`).join(", ") : "onbekend"],
    ["Methode", h.methode ?? "onbekend"],
    ["Waargenomen", h.waarneming ?? "niet beschreven"],
    ["Conclusie", uitkomst],
    ...(r.bijlagen.length
      ? [["Bijlagen", r.bijlagen.map((b) => `${b.soort === "pdf" ? "document" : "foto"} ${b.nr}`).join(", ")] as [string, string]]
      : []),
  ];
  meta(doc, width, rows);
  if (r.ontbrekend.length)
    warning(
      doc,
      width,
      `Onvolledig: ${r.ontbrekend.map((o) => HERCONTROLE_ONTBREKEND_TEKST[o]).join("; ")}. Aan te vullen vóór ondertekening.`,
    );

  if (r.bijlagen.length) {
    bijlagenKop(doc, width, 4);
    for (const b of r.bijlagen) {
      bijlage(doc, width, b, `${b.soort === "pdf" ? "Document" : "Foto"} ${b.nr} — bij de hercontrole`, inv.bijlagen.get(b.sha256));
    }
  }

  section(doc, `${r.bijlagen.length ? 5 : 4}. Ondertekening`);
  ondertekening(doc, width, inv, `interventie rapport hercontrole --opvolging ${h.opvolging_id} … --onderteken`);
  if (concept) watermark(doc);
  numberPages(doc, { always: true, label: `Rapport van bevindingen (hercontrole) ${inv.kenmerk ?? "concept"} versie ${inv.versie}` });
  return doc;
}
