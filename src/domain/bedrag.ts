import { invalid } from "../errors.js";

/** Whole euros as letters write them: "€ 1.000", "€ 25.000". */
export function formatEuro(euro: number): string {
  const teken = euro < 0 ? "-" : "";
  return `€ ${teken}${String(Math.abs(euro)).replace(/\B(?=(\d{3})+(?!\d))/g, ".")}`;
}

/** Reads an amount in whole euros: "2500", "2.500", "€ 2.500", "€ 2.500,00", "2500,-". */
export function parseEuro(text: string, field: string): number {
  const t = text
    .trim()
    .replace(/^€\s*/, "")
    .replace(/,(-|00)$/, "");
  if (!/^(\d{1,3}(\.\d{3})*|\d+)$/.test(t)) throw invalid(field, `"${text}" is geen bedrag in hele euro's, bijv. "€ 2.500" of 2500`);
  const euro = Number(t.replaceAll(".", ""));
  if (euro < 1 || euro > 10_000_000) throw invalid(field, `"${text}" ligt niet tussen € 1 en € 10.000.000`);
  return euro;
}
