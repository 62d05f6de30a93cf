/**
 * Baseline for `brief batch`: pdfkit as its README shows it, writing `n` one-page letters with
 * the same embedded font, each piped to its own file, one after the other.
 *
 * The font is DejaVu Sans, regular and bold, converted once from .woff to TrueType exactly as
 * interventie does. Handed the .woff itself, pdfkit's font engine re-inflates the glyph table on
 * every glyph lookup and one page takes ~2.3 s: a baseline that slow would measure nothing.
 *
 *   node kale-pdfkit.cjs <map> <aantal>
 */
import fs from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";
import { woffToSfnt } from "../../src/render/pdf/woff.js";

const [map, aantalArg] = process.argv.slice(2);
const aantal = Number(aantalArg);
const fontDir = path.dirname(require.resolve("@fontsource/dejavu-sans/package.json"));
const regular = woffToSfnt(fs.readFileSync(path.join(fontDir, "files", "dejavu-sans-latin-400-normal.woff")));
const bold = woffToSfnt(fs.readFileSync(path.join(fontDir, "files", "dejavu-sans-latin-700-normal.woff")));
const alinea =
  "Op 5 november 2026 heeft het interventieteam uw pand gecontroleerd. Daarbij is geconstateerd dat het pand " +
  "in strijd met het omgevingsplan wordt gebruikt voor de huisvesting van arbeidsmigranten. Wij verzoeken u " +
  "de overtreding binnen de gestelde termijn te beëindigen. Łukasz Wiśniewski, Ștefan Țărănescu.";

async function brief(i: number): Promise<void> {
  const doc = new PDFDocument({ size: "A4", margin: 70 });
  doc.registerFont("DejaVu", regular);
  doc.registerFont("DejaVu-Bold", bold);
  const klaar = new Promise<void>((resolve, reject) => {
    const out = fs.createWriteStream(path.join(map!, `brief-${i}.pdf`));
    out.on("finish", resolve);
    out.on("error", reject);
    doc.pipe(out);
  });
  doc.font("DejaVu-Bold").fontSize(14).text("Gemeente Veldhoven");
  doc
    .moveDown()
    .font("DejaVu")
    .fontSize(10)
    .text(`Kenmerk INT-2026-${String(i).padStart(6, "0")}`);
  doc.moveDown().text("De eigenaar\nDorpsstraat 12\n5504 AB Veldhoven");
  doc.moveDown().font("DejaVu-Bold").text("Onderwerp: controle van uw pand");
  doc.font("DejaVu");
  for (let p = 0; p < 4; p++) doc.moveDown().text(alinea, { align: "justify" });
  doc.end();
  await klaar;
}

async function main(): Promise<void> {
  fs.mkdirSync(map!, { recursive: true });
  for (let i = 1; i <= aantal; i++) await brief(i);
  process.stdout.write(`${aantal}\n`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
