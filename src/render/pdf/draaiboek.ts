import type { DraaiboekData } from "../../usecases/avond.js";
import { adresRegels } from "../../domain/adres.js";
import { formatDutch } from "../../domain/dates.js";
import { createPdf, FONT, FONT_BOLD, heading, MM, numberPages, table } from "./document.js";

/** Signals per address as partners and themes only: no names, no descriptions. */
function signaalTekst(rows: DraaiboekData["signalen"] extends Map<number, infer R> ? R : never): string {
  return rows.length
    ? rows.map((r) => `${r.partner}${r.thema ? ` (${r.thema})` : ""}${r.aantal > 1 ? ` ×${r.aantal}` : ""}`).join(", ")
    : "geen signalen";
}

export function draaiboekPdf(d: DraaiboekData): PDFKit.PDFDocument {
  const a = d.avond;
  const doc = createPdf({ title: `Draaiboek controleavond ${a.id}`, subject: "Interne briefing" });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc.font(FONT_BOLD).fontSize(18).text(`Draaiboek controleavond ${a.id}`);
  doc
    .font(FONT)
    .fontSize(11)
    .text(`${formatDutch(a.datum)}, aanvang ${a.starttijd} uur`)
    .moveDown(0.3);
  doc.font(FONT_BOLD).text("Doel: ", { continued: true }).font(FONT).text(a.doel);
  doc
    .fontSize(8)
    .fillColor("#333333")
    .text("Intern document — niet verspreiden. Bevat geen persoonsgegevens van bewoners.")
    .fillColor("black");
  if (!d.gereedheid.gereed) {
    doc
      .moveDown(0.3)
      .font(FONT_BOLD)
      .fontSize(9)
      .text(`LET OP: nog niet gereed (${d.gereedheid.ontbreekt.map((o) => o.bericht).join("; ")})`);
  }

  // Noodplan: boxed with a heavy border near the top, so it survives black-and-white printing.
  doc.moveDown(0.8);
  const n = a.noodplan;
  const lines: [string, string][] = [
    ["Verzamelpunt", n.verzamelpunt ?? "— ONTBREEKT —"],
    ["Codewoord", n.codewoord ?? "— ONTBREEKT —"],
    ["Communicatie", n.communicatie ?? "—"],
    ["Uitrusting", n.uitrusting.join(", ") || "—"],
  ];
  const pad = 4 * MM;
  const top = doc.y;
  doc
    .font(FONT_BOLD)
    .fontSize(13)
    .text("NOODPLAN", left + pad, top + pad, { width: width - 2 * pad });
  doc
    .font(FONT)
    .fontSize(9)
    .text("Bij nood: codewoord roepen, pand direct verlaten, naar het verzamelpunt, teamleider telt iedereen.", { width: width - 2 * pad });
  doc.moveDown(0.3);
  for (const [label, value] of lines) {
    doc
      .font(FONT_BOLD)
      .fontSize(11)
      .text(`${label}: `, left + pad, doc.y, { continued: true, width: width - 2 * pad })
      .font(FONT)
      .text(value);
  }
  const bottom = doc.y + pad;
  doc
    .rect(left, top, width, bottom - top)
    .lineWidth(2.5)
    .strokeColor("black")
    .stroke()
    .lineWidth(1);
  doc.x = left;
  doc.y = bottom;

  heading(doc, "Adressen in bezoekvolgorde");
  table(doc, a.adressen, [
    { header: "#", width: 0.05, value: (x) => String(x.volgorde) },
    { header: "Adres", width: 0.3, value: (x) => adresRegels(x).join("\n") },
    { header: "Type", width: 0.1, value: (x) => x.type },
    {
      header: "Risico",
      width: 0.25,
      value: (x) => (x.risico ? `${x.risico.toUpperCase()}${x.risico_toelichting ? `: ${x.risico_toelichting}` : ""}` : "NIET INGESCHAT"),
    },
    { header: "Signalen (partner, thema)", width: 0.3, value: (x) => signaalTekst(d.signalen.get(x.adres_id) ?? []) },
  ]);

  heading(doc, "Team en rollen");
  table(doc, a.rollen, [
    { header: "Rol", width: 0.25, value: (r) => r.rol },
    { header: "Naam", width: 0.3, value: (r) => r.naam },
    { header: "Partner", width: 0.22, value: (r) => r.partner },
    { header: "Bereikbaar", width: 0.23, value: (r) => r.telefoon ?? "—" },
  ]);
  if (a.rollen.length === 0) doc.text("Nog geen rollen toegewezen.");

  numberPages(doc, { label: `Draaiboek avond ${a.id}`, always: true });
  doc.font(FONT);
  return doc;
}
