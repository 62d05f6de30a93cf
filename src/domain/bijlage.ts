import { optionalText } from "./invoer.js";

/**
 * Evidence attached to a finding: a photo (JPEG, PNG) or a document (PDF). The type is read from
 * the first bytes of the file, never from its name: a renamed .exe is not a photo.
 */
export type BijlageSoort = "jpeg" | "png" | "pdf";

/** 25 MB: a phone photo is 2–8 MB, a scanned document a few; anything bigger is refused before reading. */
export const MAX_BIJLAGE_BYTES = 25_000_000;

/** How many leading bytes detectSoort needs. */
export const KOP_BYTES = 8;

export function detectSoort(kop: Uint8Array): BijlageSoort | undefined {
  const b = (i: number) => kop[i];
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return "jpeg";
  if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b(i) === v)) return "png";
  if ([0x25, 0x50, 0x44, 0x46, 0x2d].every((v, i) => b(i) === v)) return "pdf"; // "%PDF-"
  return undefined;
}

export const SOORT_NAAM: Record<BijlageSoort, string> = { jpeg: "foto (JPEG)", png: "foto (PNG)", pdf: "document (PDF)" };

export function isFoto(soort: BijlageSoort): boolean {
  return soort !== "pdf";
}

/** "3,4 MB", "812 kB": sizes as people read them (decimal comma). */
export function formatGrootte(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} kB`;
  return `${(bytes / 1_000_000).toFixed(1).replace(/\.0$/, "").replace(".", ",")} MB`;
}

export function parseBijschrift(raw: string | undefined | null): string | null {
  return optionalText("bijschrift", raw, 200);
}

export const SHA256 = /^[0-9a-f]{64}$/;
