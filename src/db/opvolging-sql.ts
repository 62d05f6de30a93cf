import { OPEN_STATUSSEN } from "../domain/opvolging.js";

/**
 * Open and overdue as SQL conditions, from the one definition in domain/opvolging.ts (OPEN_STATUSSEN,
 * isVerlopen): every query that filters or counts follow-ups uses these, never its own list.
 * The statuses are constants of the domain, not input, so they are written into the text.
 */
export function openSql(status = "o.status"): string {
  return `${status} IN (${OPEN_STATUSSEN.map((s) => `'${s}'`).join(", ")})`;
}

/** Open, with its deadline before the `?` that follows (today). */
export function verlopenSql(o = "o"): string {
  return `${openSql(`${o}.status`)} AND ${o}.deadline < ?`;
}
