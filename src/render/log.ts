import type { AuditRegel } from "../db/audit.js";
import { localTime } from "../domain/dates.js";
import type { Colors } from "./output.js";
import { renderTable } from "./table.js";

/** An audit entry as `log --json` shows it: details parsed back into the JSON tx.audit wrote. */
export function auditJson(r: AuditRegel): Omit<AuditRegel, "details"> & { details: unknown } {
  return { ...r, details: parseDetails(r.details) };
}

export function renderLog(rows: AuditRegel[], color: Colors): string {
  if (rows.length === 0) return "Geen wijzigingen gevonden.";
  return renderTable(
    rows,
    [
      { header: "tijd", value: (r) => localTime(r.tijd) },
      { header: "gebruiker", value: (r) => r.gebruiker },
      { header: "tabel", value: (r) => r.tabel },
      { header: "id", value: (r) => r.rij_id ?? "", align: "right" },
      { header: "actie", value: (r) => r.actie },
    ],
    color,
  );
}

/** Details are JSON written by tx.audit; anything else is shown as the text it is. */
function parseDetails(raw: string | null): unknown {
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}
