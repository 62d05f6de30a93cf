/** CSV for spreadsheets: comma-separated, fields quoted when they need it, CRLF-free. */
export function csvField(value: string | number | null | undefined): string {
  const t = value === null || value === undefined ? "" : String(value);
  return /[",\n\r;]/.test(t) || /^\s|\s$/.test(t) ? `"${t.replaceAll('"', '""')}"` : t;
}

export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return rows.map((r) => r.map(csvField).join(",")).join("\n") + "\n";
}
