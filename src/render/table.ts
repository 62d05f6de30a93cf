import { createRequire } from "node:module";
import type { Colors } from "./output.js";
import { neutraliseer } from "./text.js";

const require = createRequire(import.meta.url);

export interface Column<T> {
  header: string;
  value: (row: T) => string | number | null | undefined;
  align?: "left" | "right";
}

/** A bordered table for people; cli-table3 is loaded only when a table is printed. */
export function renderTable<T>(rows: T[], columns: Column<T>[], c: Colors): string {
  const Table = require("cli-table3") as typeof import("cli-table3");
  const table = new Table({
    head: columns.map((col) => c.bold(col.header)),
    style: { head: [], border: [], compact: true },
    chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" },
    colAligns: columns.map((col) => col.align ?? "left"),
    wordWrap: true,
  });
  for (const row of rows) table.push(columns.map((col) => neutraliseer(String(col.value(row) ?? ""), { regels: true })));
  return table.toString();
}
