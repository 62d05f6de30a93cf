import fs from "node:fs";
import { createRequire } from "node:module";
import type PapaParse from "papaparse";
import { UserError } from "../errors.js";

const require = createRequire(import.meta.url);

export interface CsvRow {
  /** 1-based line number in the file, as a spreadsheet shows it (header = line 1). */
  line: number;
  values: Record<string, string>;
}

export interface CsvColumns {
  required: string[];
  optional: string[];
}

/** Enough of the file to recognise a binary file and to read the header line. */
const HEAD_BYTES = 64 * 1024;

/**
 * Streams a CSV with a header row to `onRow`, one row at a time: a 100,000-row file is never
 * held whole. "," or ";" (Dutch Excel), with or without BOM; headers match case-insensitively;
 * missing required or unknown columns are refused. Resolves with the number of data rows.
 * papaparse rather than csv-parse: measured 5-8x faster on 100,000 rows (see bench/).
 */
export async function readCsv(file: string, columns: CsvColumns, onRow: (row: CsvRow) => void): Promise<number> {
  const head = readHead(file);
  if (head.includes("\u0000")) throw new UserError("geen-csv", `${file} is geen tekstbestand (CSV verwacht)`);
  const Papa = require("papaparse") as typeof PapaParse;
  return new Promise((resolve, reject) => {
    let header: string[] | undefined;
    let line = 1; // physical line on which the next record starts
    let rows = 0;
    let failure: unknown;
    const input = fs.createReadStream(file, { encoding: "utf8" });
    Papa.parse<string[]>(input, {
      delimiter: detectDelimiter(head),
      skipEmptyLines: false,
      step(results, parser) {
        if (failure !== undefined) return;
        const record = results.data;
        const start = line;
        line += 1 + newlinesIn(record); // a quoted field may span lines
        try {
          if (results.errors.length) throw new UserError("ongeldige-csv", `${file} is geen geldige CSV (regel ${start})`);
          if (record.length === 1 && record[0]!.trim() === "") return; // empty line
          if (!header) {
            header = checkHeader(record, columns);
            return;
          }
          const values: Record<string, string> = {};
          header.forEach((h, i) => {
            if (h) values[h] = (record[i] ?? "").trim();
          });
          rows++;
          onRow({ line: start, values });
        } catch (err) {
          failure = err; // thrown here it would escape the stream; reported once parsing stops
          parser.abort();
          input.destroy();
        }
      },
      complete() {
        if (failure !== undefined) reject(failure);
        else if (!header) reject(new UserError("lege-csv", `${file} is leeg (een kopregel is verplicht)`));
        else resolve(rows);
      },
      error(err: Error) {
        reject(failure ?? new UserError("bestand-onleesbaar", `Kan ${file} niet lezen (${(err as NodeJS.ErrnoException).code ?? "fout"})`));
      },
    });
  });
}

function readHead(file: string): string {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, "r");
    if (fs.fstatSync(fd).isDirectory()) throw Object.assign(new Error("map"), { code: "EISDIR" });
    const buf = Buffer.alloc(HEAD_BYTES);
    const n = fs.readSync(fd, buf, 0, HEAD_BYTES, 0);
    return buf.toString("utf8", 0, n);
  } catch (err) {
    throw new UserError("bestand-onleesbaar", `Kan ${file} niet lezen (${(err as NodeJS.ErrnoException).code ?? "fout"})`);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function checkHeader(record: string[], columns: CsvColumns): string[] {
  const header = record.map((h) =>
    h
      .replace(/^\uFEFF/, "")
      .trim()
      .toLowerCase(),
  );
  const allowed = new Set([...columns.required, ...columns.optional]);
  const missing = columns.required.filter((c) => !header.includes(c));
  if (missing.length) {
    throw new UserError(
      "ongeldige-csv",
      `Kolom ontbreekt in de kopregel: ${missing.join(", ")} (verwacht: ${[...columns.required, ...columns.optional].join(",")})`,
    );
  }
  const unknown = header.filter((h) => h !== "" && !allowed.has(h));
  if (unknown.length) throw new UserError("ongeldige-csv", `Onbekende kolom in de kopregel: ${unknown.join(", ")}`);
  return header;
}

function newlinesIn(record: string[]): number {
  let n = 0;
  for (const field of record) {
    for (let i = field.indexOf("\n"); i !== -1; i = field.indexOf("\n", i + 1)) n++;
  }
  return n;
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
      throw new UserError("ongeldige-regels", `${this.lines.length} ongeldige regel(s) in ${file}; er is niets geïmporteerd`, this.lines);
    }
  }
}
