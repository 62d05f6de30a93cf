import type PDFKit from "pdfkit";
import { formatDutch, fromIso } from "../../domain/dates.js";
import { ONTBREKEND_TEKST } from "../../domain/bevinding.js";
import { formatGrootte, SOORT_NAAM } from "../../domain/bijlage.js";
import { auteurTekst, beedigingTekst, type Auteur, type RapportBijlage, type RapportInhoud } from "../../domain/rapport-bevindingen.js";
import { createPdf, FONT, FONT_BOLD, MM, numberPages } from "./document.js";

/**
 * The rapport van bevindingen on A4: letterhead, the facts a court checks first (kenmerk, place,
 * date and time, author), then the observations, the evidence with thumbnails and hashes, and the
 * signature with its date. A concept carries "CONCEPT" on every page and no signature.
 */
export interface RapportPdfInvoer<I = RapportInhoud> {
  inhoud: I;
  inhoudSha256: string;
  /** null: not yet given (a first concept). */
  kenmerk: string | null;
  versie: number;
  dagtekening: string;
  ondertekening?: { door: Auteur; op: string };
  /** Stored bytes of each attachment by hash; a string says why it cannot be shown. */
  bijlagen: Map<string, Buffer | "ontbreekt" | "gewijzigd">;
}

export const LEFT = 22 * MM;
export const RIGHT = 20 * MM;
const GREY = "#555555";
const ACCENT = "#1f3f6b";
const RED = "#9b1c1c";

export function rapportBevindingenPdf(inv: RapportPdfInvoer): PDFKit.PDFDocument {
  const { inhoud: r } = inv;
  const concept = !inv.ondertekening;
  const kenmerk = inv.kenmerk ?? "(wordt toegekend bij ondertekening)";
  const doc = createPdf({
    title: `Rapport van bevindingen ${inv.kenmerk ?? "concept"} versie ${inv.versie}`,
    author: `Gemeente ${r.gemeente}`,
    subject: `Rapport van bevindingen ${r.adres.volledig}`,
    date: fromIso(inv.dagtekening),
    margins: { top: 20 * MM, bottom: 22 * MM, left: LEFT, right: RIGHT },
  });
  const width = doc.page.width - LEFT - RIGHT;
  kop(doc, width, r, "Rapport van bevindingen", concept);

  const tijden = [...new Set(r.waarnemingen.map((w) => `${formatDutch(w.datum)} ${w.tijdstip}`))];
  const eerste = r.waarnemingen[0];
  const laatste = r.waarnemingen[r.waarnemingen.length - 1];
  const tijdvak =
    eerste && laatste
      ? eerste.datum === laatste.datum
        ? `${formatDutch(eerste.datum)}, ${eerste.tijdstip === laatste.tijdstip ? `om ${eerste.tijdstip} uur` : `van ${eerste.tijdstip} tot ${laatste.tijdstip} uur`}`
        : `van ${tijden[0]} tot ${tijden[tijden.length - 1]} uur`
      : "-";
  meta(doc, width, [
    ["Kenmerk", `${kenmerk}, versie ${inv.versie}`],
    ["Dagtekening", formatDutch(inv.dagtekening)],
    ["Plaats", `${r.adres.volledig} (${r.adres.type}), gemeente ${r.gemeente}`],
    ["Controle", `${formatDutch(r.controle.datum)}, aanvang ${r.controle.starttijd} uur`],
    ["Waarnemingen", tijdvak],
    ["Opgemaakt door", r.auteurs.length ? r.auteurs.map(auteurTekst).join("\n") : "onbekend (zie onvolledige gegevens)"],
  ]);

  section(doc, "1. Aanleiding en bevoegdheid");
  para(
    doc,
    width,
    `Op ${formatDutch(r.controle.datum)} heeft het interventieteam een integrale controle uitgevoerd. Doel van de controle: ${lowerFirst(r.controle.doel)}. ` +
      `Daarbij is op het hierboven genoemde adres toezicht gehouden op de naleving van de wettelijke voorschriften, met de bevoegdheden van afdeling 5.2 van de Algemene wet bestuursrecht. ` +
      `In dit rapport staat wat de toezichthouder${r.auteurs.length > 1 ? "s" : ""} daarbij zelf ${r.auteurs.length > 1 ? "hebben" : "heeft"} waargenomen.`,
  );

  section(doc, "2. Aanwezigen");
  if (r.aanwezig.length) {
    para(doc, width, "Het team van de controleavond, naar organisatie en rol (zonder namen):");
    for (const a of r.aanwezig)
      bullet(doc, width, `${a.organisatie}: ${a.aantal} ${a.aantal === 1 ? "persoon" : "personen"} (${a.rollen.join(", ")})`);
  } else {
    para(doc, width, "De samenstelling van het team is niet vastgelegd.");
  }
  para(
    doc,
    width,
    r.aangetroffen_personen === null
      ? "Aantal aangetroffen personen op het adres: niet vastgelegd."
      : `Op het adres ${r.aangetroffen_personen === 1 ? "is 1 persoon" : `zijn ten minste ${r.aangetroffen_personen} personen`} aangetroffen. Namen van bewoners zijn in dit rapport niet opgenomen.`,
    { grey: true },
  );

  section(doc, "3. Methode");
  const methoden = [...new Set(r.waarnemingen.map((w) => w.methode ?? "onbekend"))];
  if (methoden.length === 1) para(doc, width, capitalise(methoden[0]!) + ".");
  else for (const w of r.waarnemingen) bullet(doc, width, `Waarneming ${w.nr}: ${w.methode ?? "onbekend"}`);

  section(doc, "4. Waarnemingen");
  for (const w of r.waarnemingen) {
    const rows: [string, string][] = [
      ["Datum en tijd", `${formatDutch(w.datum)} om ${w.tijdstip} uur`],
      ["Vastgesteld door", w.toezichthouders.length ? w.toezichthouders.map((n) => `toezichthouder nr. ${n}`).join(", ") : "onbekend"],
      ["Methode", w.methode ?? "onbekend"],
      ["Waargenomen", w.omschrijving],
      ["Overtreden norm", w.norm ?? "niet vastgelegd bij de categorie"],
      ["Maatregel ter plaatse", w.maatregel ?? "geen"],
      ...(w.personen !== null ? [["Aangetroffen personen", String(w.personen)] as [string, string]] : []),
      ...(w.bijlagen.length ? [["Bijlagen", w.bijlagen.map((n) => bijlageLabel(r, n)).join(", ")] as [string, string]] : []),
    ];
    const onvolledig = w.ontbrekend.length
      ? `Onvolledig: ${w.ontbrekend.map((o) => ONTBREKEND_TEKST[o]).join("; ")}.${
          w.ontbrekend.includes("tijdstip")
            ? " Overgenomen uit gegevens van vóór de registratie van tijdstip, toezichthouder en methode."
            : ""
        } Aan te vullen vóór ondertekening.`
      : undefined;
    // An observation is kept on one page when it fits on one.
    keepTogether(doc, Math.min(20 + metaHoogte(doc, width, rows) + (onvolledig ? warningHoogte(doc, width, onvolledig) + 4 : 0), 400));
    doc.font(FONT_BOLD).fontSize(11).fillColor("black").text(`Waarneming ${w.nr} — ${w.categorie_naam}`, LEFT, doc.y, { width });
    doc.moveDown(0.25);
    meta(doc, width, rows);
    if (onvolledig) warning(doc, width, onvolledig);
    doc.moveDown(0.5);
  }

  if (r.bijlagen.length) {
    bijlagenKop(doc, width, 5);
    for (const b of r.bijlagen) {
      const w = r.waarnemingen.find((x) => x.nr === b.waarneming)!;
      bijlage(
        doc,
        width,
        b,
        `${capitalise(bijlageLabel(r, b.nr))} — bij waarneming ${w.nr} (${w.categorie_naam})`,
        inv.bijlagen.get(b.sha256),
      );
    }
  }

  section(doc, `${r.bijlagen.length ? 6 : 5}. Ondertekening`);
  ondertekening(doc, width, inv, "interventie rapport bevindingen … --onderteken");

  if (concept) watermark(doc);
  numberPages(doc, { always: true, label: `Rapport van bevindingen ${inv.kenmerk ?? "concept"} versie ${inv.versie}` });
  return doc;
}

/** Letterhead of the gemeente, the title, and for a concept the line that it is no ground for a besluit. */
export function kop(
  doc: PDFKit.PDFDocument,
  width: number,
  r: { gemeente: string; afdeling: string },
  titel: string,
  concept: boolean,
): void {
  doc
    .font(FONT_BOLD)
    .fontSize(15)
    .fillColor(ACCENT)
    .text(`Gemeente ${r.gemeente}`, LEFT, 16 * MM, { width });
  doc.font(FONT).fontSize(9).fillColor(GREY).text(capitalise(r.afdeling), { width });
  doc.moveDown(0.4);
  rule(doc);
  doc.moveDown(0.8);
  doc.font(FONT_BOLD).fontSize(17).fillColor("black").text(titel, LEFT, doc.y, { width });
  if (concept)
    doc.font(FONT_BOLD).fontSize(10).fillColor(RED).text("CONCEPT — niet ondertekend, geen grondslag voor een besluit", { width });
  doc.moveDown(0.6);
}

/**
 * "Aldus naar waarheid opgemaakt (op ambtseed) en ondertekend door …", place and dagtekening, the
 * signature box (signed electronically by number, or a red concept box naming the command that
 * signs), and the content's SHA-256.
 */
export function ondertekening(
  doc: PDFKit.PDFDocument,
  width: number,
  inv: RapportPdfInvoer<{ gemeente: string; auteurs: Auteur[] }>,
  /** The command that signs a concept. */
  opdracht: string,
): void {
  const o = { ...inv, gemeente: inv.inhoud.gemeente, auteurs: inv.inhoud.auteurs };
  const concept = !o.ondertekening;
  keepTogether(doc, 150);
  const ondertekenaar = o.ondertekening?.door ?? (o.auteurs.length === 1 ? o.auteurs[0] : undefined);
  const eed = ondertekenaar ? beedigingTekst(ondertekenaar.beediging) : null;
  para(
    doc,
    width,
    `${concept ? "Bij ondertekening: aldus" : "Aldus"} naar waarheid opgemaakt${eed ? ` ${eed}` : ""} en ondertekend door ${ondertekenaar ? auteurTekst(ondertekenaar) : "de toezichthouder"}.`,
  );
  para(doc, width, `${o.gemeente}, ${formatDutch(o.dagtekening)}`);
  const boxY = doc.y + 4;
  const boxH = 30 * MM;
  doc
    .rect(LEFT, boxY, width * 0.62, boxH)
    .lineWidth(0.8)
    .strokeColor(concept ? RED : ACCENT)
    .stroke()
    .strokeColor("black");
  const inner = { width: width * 0.62 - 8 * MM };
  if (o.ondertekening) {
    doc
      .font(FONT_BOLD)
      .fontSize(10)
      .fillColor(ACCENT)
      .text("Elektronisch ondertekend", LEFT + 4 * MM, boxY + 4 * MM, inner);
    doc
      .font(FONT)
      .fontSize(9)
      .fillColor("black")
      .text(`door toezichthouder nr. ${o.ondertekening.door.nummer} (${o.ondertekening.door.functie})`, inner)
      .text(`op ${tijdstipTekst(o.ondertekening.op)}`, inner)
      .text("vastgelegd in het registratiesysteem van het interventieteam", inner);
  } else {
    doc
      .font(FONT_BOLD)
      .fontSize(10)
      .fillColor(RED)
      .text("Niet ondertekend (concept)", LEFT + 4 * MM, boxY + 4 * MM, inner);
    doc
      .font(FONT)
      .fontSize(9)
      .fillColor("black")
      .text(`Dit concept is geen rapport van bevindingen. Na controle ondertekent de toezichthouder met: ${opdracht}`, inner);
  }
  doc.x = LEFT;
  doc.y = boxY + boxH + 5 * MM;
  doc.font(FONT).fontSize(7.5).fillColor(GREY).text("Controlegetal van de inhoud (SHA-256):", LEFT, doc.y, { width });
  doc.font("Courier").fontSize(7.5).fillColor(GREY).text(o.inhoudSha256, { width, lineBreak: false });
  doc.fillColor("black");
}

function bijlageLabel(r: RapportInhoud, nr: number): string {
  const b = r.bijlagen.find((x) => x.nr === nr)!;
  return `${b.soort === "pdf" ? "document" : "foto"} ${nr}`;
}

/** The heading of the evidence section (never alone above its first photo) and how to verify a file. */
export function bijlagenKop(doc: PDFKit.PDFDocument, width: number, nummer: number): void {
  keepTogether(doc, 70 + 52 * MM);
  section(doc, `${nummer}. Foto's en documenten`);
  para(
    doc,
    width,
    "Elke bijlage is opgeslagen onder haar SHA-256-controlegetal; met dat getal is na te gaan dat het bestand niet is gewijzigd.",
    {
      grey: true,
    },
  );
}

/** One attachment: thumbnail (or a box) on the left, its title, caption, type, size and hash on the right. */
export function bijlage(
  doc: PDFKit.PDFDocument,
  width: number,
  b: Pick<RapportBijlage, "sha256" | "soort" | "grootte" | "bijschrift">,
  titel: string,
  data: Buffer | "ontbreekt" | "gewijzigd" | undefined,
): void {
  const boxW = 62 * MM;
  const boxH = 46 * MM;
  keepTogether(doc, boxH + 6 * MM);
  const y = doc.y + 2;
  let shown = false;
  if (Buffer.isBuffer(data) && b.soort !== "pdf") {
    try {
      doc.image(data, LEFT, y, { fit: [boxW, boxH], align: "center", valign: "center" });
      shown = true;
    } catch {
      shown = false;
    }
  }
  doc.rect(LEFT, y, boxW, boxH).lineWidth(0.5).strokeColor("#888888").stroke().strokeColor("black");
  if (!shown) {
    const tekst =
      data === "ontbreekt"
        ? "BESTAND ONTBREEKT"
        : data === "gewijzigd"
          ? "BESTAND GEWIJZIGD — niet getoond"
          : b.soort === "pdf"
            ? "PDF-document (als bijlage bewaard)"
            : "Afbeelding kan niet worden getoond";
    doc
      .font(FONT_BOLD)
      .fontSize(9)
      .fillColor(data === "ontbreekt" || data === "gewijzigd" ? RED : GREY)
      .text(tekst, LEFT + 4 * MM, y + boxH / 2 - 6, { width: boxW - 8 * MM, align: "center" });
  }
  const tx = LEFT + boxW + 5 * MM;
  const tw = width - boxW - 5 * MM;
  doc.font(FONT_BOLD).fontSize(10).fillColor("black").text(titel, tx, y, { width: tw });
  doc.moveDown(0.2);
  doc
    .font(FONT)
    .fontSize(9.5)
    .text(b.bijschrift ?? "Geen bijschrift.", tx, doc.y, { width: tw });
  doc.moveDown(0.3);
  doc
    .font(FONT)
    .fontSize(8.5)
    .fillColor(GREY)
    .text(`${capitalise(SOORT_NAAM[b.soort])}, ${formatGrootte(b.grootte)}`, tx, doc.y, { width: tw });
  doc.text("SHA-256:", tx, doc.y, { width: tw });
  doc.font("Courier").fontSize(6.8).text(b.sha256, tx, doc.y, { width: tw, lineBreak: false });
  doc.fillColor("black");
  doc.x = LEFT;
  doc.y = y + boxH + 5 * MM;
}

const LABEL_W = 38 * MM;

function rijHoogte(doc: PDFKit.PDFDocument, width: number, value: string): number {
  doc.font(FONT).fontSize(9.5);
  return Math.max(doc.heightOfString(value, { width: width - LABEL_W }), 12);
}

export function metaHoogte(doc: PDFKit.PDFDocument, width: number, rows: [string, string][]): number {
  return rows.reduce((sum, [, value]) => sum + rijHoogte(doc, width, value) + 3, 0);
}

export function meta(doc: PDFKit.PDFDocument, width: number, rows: [string, string][]): void {
  const labelW = LABEL_W;
  for (const [label, value] of rows) {
    const h = rijHoogte(doc, width, value);
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    doc
      .font(FONT)
      .fontSize(8.5)
      .fillColor(GREY)
      .text(label, LEFT, y + 0.8, { width: labelW - 2 * MM });
    doc
      .font(FONT)
      .fontSize(9.5)
      .fillColor("black")
      .text(value, LEFT + labelW, y, { width: width - labelW });
    doc.x = LEFT;
    doc.y = y + h + 3;
  }
}

export function section(doc: PDFKit.PDFDocument, title: string): void {
  keepTogether(doc, 70);
  doc.moveDown(0.7).font(FONT_BOLD).fontSize(12).fillColor(ACCENT).text(title, LEFT, doc.y).moveDown(0.3).fillColor("black");
}

export function para(doc: PDFKit.PDFDocument, width: number, text: string, opts: { grey?: boolean } = {}): void {
  doc
    .font(FONT)
    .fontSize(opts.grey ? 9 : 10)
    .fillColor(opts.grey ? GREY : "black")
    .text(text, LEFT, doc.y, { width, lineGap: 1.8 });
  doc.fillColor("black").moveDown(0.5);
}

export function bullet(doc: PDFKit.PDFDocument, width: number, text: string): void {
  doc.font(FONT).fontSize(10).fillColor("black");
  const y = doc.y;
  doc.text("•", LEFT + 1 * MM, y, { width: 4 * MM, lineBreak: false });
  doc.text(text, LEFT + 6 * MM, y, { width: width - 6 * MM, lineGap: 1.5 });
  doc.moveDown(0.2);
}

export function warningHoogte(doc: PDFKit.PDFDocument, width: number, text: string): number {
  doc.font(FONT_BOLD).fontSize(9);
  return doc.heightOfString(text, { width: width - 6 * MM }) + 4 * MM;
}

export function warning(doc: PDFKit.PDFDocument, width: number, text: string): void {
  const h = warningHoogte(doc, width, text);
  doc.font(FONT_BOLD).fontSize(9);
  keepTogether(doc, h);
  const y = doc.y + 2;
  doc.rect(LEFT, y, width, h).lineWidth(1).strokeColor(RED).stroke().strokeColor("black");
  doc.fillColor(RED).text(text, LEFT + 3 * MM, y + 2 * MM, { width: width - 6 * MM });
  doc.fillColor("black");
  doc.x = LEFT;
  doc.y = y + h + 2;
}

function rule(doc: PDFKit.PDFDocument): void {
  const y = doc.y;
  doc
    .moveTo(LEFT, y)
    .lineTo(doc.page.width - RIGHT, y)
    .lineWidth(1.2)
    .strokeColor(ACCENT)
    .stroke()
    .strokeColor("black");
}

export function keepTogether(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/** A light diagonal "CONCEPT" on every page: a concept must never pass for a signed record. */
export function watermark(doc: PDFKit.PDFDocument): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.save();
    doc.rotate(-35, { origin: [doc.page.width / 2, doc.page.height / 2] });
    doc
      .font(FONT_BOLD)
      .fontSize(96)
      .fillColor(RED)
      .fillOpacity(0.08)
      .text("CONCEPT", 0, doc.page.height / 2 - 50, { width: doc.page.width, align: "center", lineBreak: false });
    doc.restore();
    doc.fillOpacity(1).fillColor("black");
    doc.page.margins.bottom = bottom;
  }
}

/** "23 november 2026 om 10:14 uur" in Dutch time. */
function tijdstipTekst(iso: string): string {
  const d = new Date(iso);
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Amsterdam",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${formatDutch(`${get("year")}-${get("month")}-${get("day")}`)} om ${get("hour")}:${get("minute")} uur`;
}

export function capitalise(t: string): string {
  return t.charAt(0).toUpperCase() + t.slice(1);
}

function lowerFirst(t: string): string {
  return /^[A-Z][a-z]/.test(t) ? t.charAt(0).toLowerCase() + t.slice(1) : t;
}
