import type { Command } from "commander";
import { action, type Runtime } from "./runtime.js";
import { parseDate } from "../domain/dates.js";
import { optionalText, parseCount } from "../domain/invoer.js";
import { invalid } from "../errors.js";
import { renderTable } from "../render/table.js";

interface AuditRow {
  id: number;
  tijd: string;
  gebruiker: string;
  tabel: string;
  rij_id: number | null;
  actie: string;
  details: string | null;
}

export function register(program: Command, rt: Runtime): void {
  program
    .command("log")
    .description("auditlog: wie wijzigde wat, wanneer (alleen-toevoegen)")
    .option("--sinds <datum>", "alleen wijzigingen vanaf deze datum")
    .option("--door <gebruiker>", "alleen wijzigingen door deze gebruiker")
    .option("--tabel <tabel>", "alleen wijzigingen in deze tabel")
    .option("--limiet <n>", "hoogstens zoveel regels (nieuwste)")
    .action(
      action<{ sinds?: string; door?: string; tabel?: string; limiet?: string }>(rt, (ctx, opts) => {
        const sinds = opts.sinds !== undefined ? parseDate(opts.sinds, "sinds") : null;
        const door = optionalText("door", opts.door, 80);
        const tabel = optionalText("tabel", opts.tabel, 40);
        if (tabel !== null && !/^[a-z_]+$/.test(tabel)) throw invalid("tabel", `"${tabel}" is geen tabelnaam (kleine letters en _)`);
        const limiet = opts.limiet !== undefined ? parseCount("limiet", opts.limiet, 1_000_000) : null;
        const where: string[] = [];
        const args: (string | number)[] = [];
        // tijd is an ISO timestamp in UTC; the day starts at midnight in the Netherlands.
        if (sinds) {
          where.push("tijd >= ?");
          args.push(startOfDayUtc(sinds));
        }
        if (door) {
          where.push("gebruiker = ? COLLATE NOCASE");
          args.push(door);
        }
        if (tabel) {
          where.push("tabel = ?");
          args.push(tabel);
        }
        const clause = where.length ? `WHERE ${where.join(" AND ")}` : "";
        const limit = limiet !== null && limiet > 0 ? `LIMIT ${limiet}` : "";
        const rows = (
          ctx
            .db()
            .prepare(
              `SELECT * FROM (SELECT id, tijd, gebruiker, tabel, rij_id, actie, details FROM audit_log ${clause} ORDER BY id DESC ${limit}) ORDER BY id`,
            )
            .all(...args) as AuditRow[]
        ).map((r) => ({ ...r, details: parseDetails(r.details) }));
        ctx.emit(rows, () =>
          rows.length === 0
            ? "Geen wijzigingen gevonden."
            : renderTable(
                rows,
                [
                  { header: "tijd", value: (r) => localTime(r.tijd) },
                  { header: "gebruiker", value: (r) => r.gebruiker },
                  { header: "tabel", value: (r) => r.tabel },
                  { header: "id", value: (r) => r.rij_id ?? "", align: "right" },
                  { header: "actie", value: (r) => r.actie },
                ],
                ctx.color,
              ),
        );
      }),
    );
}

/** Midnight Europe/Amsterdam of an ISO date, as a UTC ISO timestamp (the audit log's clock). */
export function startOfDayUtc(iso: string): string {
  const utcMidnight = new Date(`${iso}T00:00:00Z`);
  const offset = amsterdamOffsetMinutes(utcMidnight);
  return new Date(utcMidnight.getTime() - offset * 60_000).toISOString();
}

function amsterdamOffsetMinutes(at: Date): number {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Amsterdam", timeZoneName: "shortOffset" }).formatToParts(at);
  const name = parts.find((p) => p.type === "timeZoneName")?.value ?? "GMT+1";
  const m = /GMT([+-]\d+)(?::(\d+))?/.exec(name);
  return m ? Number(m[1]) * 60 + Math.sign(Number(m[1])) * Number(m[2] ?? 0) : 0;
}

/** "2026-11-23 10:44:13" as a clock in the Netherlands shows it. */
function localTime(isoUtc: string): string {
  const d = new Date(isoUtc);
  if (Number.isNaN(d.getTime())) return isoUtc;
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Amsterdam", dateStyle: "short", timeStyle: "medium" }).format(d);
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
