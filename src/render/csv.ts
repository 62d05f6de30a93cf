/**
 * CSV for spreadsheets: comma-separated, fields quoted when they need it, CRLF-free. A text cell
 * that starts with =, +, -, @ (or a tab or CR) would be read by Excel and LibreOffice as a
 * formula (CSV injection: a name such as "=HYPERLINK(…)" runs on opening), so it gets a leading
 * apostrophe, as spreadsheets themselves write text that looks like a formula. Numbers stay numbers.
 */
export function csvField(value: string | number | null | undefined): string {
  const raw = value === null || value === undefined ? "" : String(value);
  const t = typeof value === "string" && /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\n\r;]/.test(t) || /^\s|\s$/.test(t) ? `"${t.replaceAll('"', '""')}"` : t;
}

export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return rows.map((r) => r.map(csvField).join(",")).join("\n") + "\n";
}
