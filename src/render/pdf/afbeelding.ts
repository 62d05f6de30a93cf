import { createRequire } from "node:module";
import zlib from "node:zlib";

const require = createRequire(import.meta.url);

/**
 * Whether pdfkit can place this JPEG or PNG in a report: its header parses and, for a PNG, the
 * pixel data inflates. Checked when the photo is attached, so a broken file is refused at once
 * instead of breaking every report it would appear in.
 */
export function readAfbeelding(data: Buffer): { breedte: number; hoogte: number } | undefined {
  try {
    const PDFDocument = require("pdfkit") as typeof import("pdfkit");
    const doc = new PDFDocument({ autoFirstPage: false });
    const img = (doc as unknown as { openImage(src: Buffer): { width: number; height: number; imgData?: Uint8Array } }).openImage(data);
    if (!(img.width > 0 && img.height > 0)) return undefined;
    if (img.imgData) zlib.inflateSync(img.imgData); // PNG: the compressed pixels must be intact
    return { breedte: img.width, hoogte: img.height };
  } catch {
    return undefined;
  }
}
