import fs from "node:fs";
import { createRequire } from "node:module";
import { UserError } from "../errors.js";

const require = createRequire(import.meta.url);

export interface CsvRow {
  /** 1-based line number in the file, as a spreadsheet shows it (header = line 1). */
  line: number;
  values: Record<string, string>;
}

/**
 * Reads a CSV with a header row: "," or ";" (Dutch Excel), with or without BOM.
 * Headers are matched case-insensitively; missing required or unknown columns are refused.
 */
export function readCsv(file: string, columns: { required: string[]; optional: string[] }): CsvRow[] {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err) {
    throw new UserError("bestand-onleesbaar", `Kan ${file} niet lezen (${(err as NodeJS.ErrnoException).code ?? "fout"})`);
  }
  if (text.includes("\u0000")) throw new UserError("geen-csv", `${file} is geen tekstbestand (CSV verwacht)`);
  const { parse } = require("csv-parse/sync") as typeof import("csv-parse/sync");
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw new UserError("ongeldige-csv", `${file} is geen geldige CSV${line ? ` (regel ${line})` : ""}`);
  }
  if (records.length === 0) throw new UserError("lege-csv", `${file} is leeg (een kopregel is verplicht)`);
  const header = records[0]!.record.map((h) => h.replace(/^\uFEFF/, "").trim().toLowerCase());
  const allowed = new Set([...columns.required, ...columns.optional]);
  const missing = columns.required.filter((c) => !header.includes(c));
  if (missing.length) {
    throw new UserError("ongeldige-csv", `Kolom ontbreekt in de kopregel: ${missing.join(", ")} (verwacht: ${[...columns.required, ...columns.optional].join(",")})`);
  }
  const unknown = header.filter((h) => h !== "" && !allowed.has(h));
  if (unknown.length) throw new UserError("ongeldige-csv", `Onbekende kolom in de kopregel: ${unknown.join(", ")}`);
  return records.slice(1).map(({ record, info }) => {
    const values: Record<string, string> = {};
    header.forEach((h, i) => {
      if (h) values[h] = record[i] ?? "";
    });
    return { line: info.lines, values };
  });
}

/** Dutch Excel writes ';'; decide on the header line, outside quotes. */
export function detectDelimiter(text: string): "," | ";" {
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const unquoted = firstLine.replace(/"[^"]*"/g, "");
  return (unquoted.match(/;/g)?.length ?? 0) > (unquoted.match(/,/g)?.length ?? 0) ? ";" : ",";
}

/** Collects row errors so an import can name every bad line before refusing all of it. */
export class RowErrors {
  readonly lines: string[] = [];
  add(line: number, message: string): void {
    this.lines.push(`regel ${line}: ${message}`);
  }
  get count(): number {
    return this.lines.length;
  }
  throwIfAny(file: string): void {
    if (this.lines.length) {
      throw new UserError(
        "ongeldige-regels",
        `${this.lines.length} ongeldige regel(s) in ${file}; er is niets geïmporteerd`,
        this.lines,
      );
    }
  }
}
