import type { Command } from "commander";
import { action, type Runtime } from "./runtime.js";
import { listAuditLog } from "../db/audit.js";
import { parseDate, startOfDayUtc } from "../domain/dates.js";
import { optionalText, parseCount } from "../domain/invoer.js";
import { invalid } from "../errors.js";
import { auditJson, renderLog } from "../render/log.js";

export function register(program: Command, rt: Runtime): void {
  program
    .command("log")
    .description("auditlog: wie wijzigde wat, wanneer (alleen-toevoegen)")
    .option("--sinds <datum>", "alleen wijzigingen vanaf deze datum")
    .option("--door <gebruiker>", "alleen wijzigingen door deze gebruiker")
    .option("--tabel <tabel>", "alleen wijzigingen in deze tabel")
    .option("--limiet <n>", "hoogstens zoveel regels (nieuwste)")
    .action(
      action<{ sinds?: string; door?: string; tabel?: string; limiet?: string }>(rt, async (ctx, opts) => {
        const sinds = opts.sinds !== undefined ? parseDate(opts.sinds, "sinds") : null;
        const door = optionalText("door", opts.door, 80);
        const tabel = optionalText("tabel", opts.tabel, 40);
        if (tabel !== null && !/^[a-z_]+$/.test(tabel)) throw invalid("tabel", `"${tabel}" is geen tabelnaam (kleine letters en _)`);
        const limiet = opts.limiet !== undefined ? parseCount("limiet", opts.limiet, 1_000_000) : null;
        // tijd is an ISO timestamp in UTC; the day starts at midnight in the Netherlands.
        const vanaf = sinds ? startOfDayUtc(sinds) : null;
        const rows = await ctx.read((sql) => listAuditLog(sql, { vanaf, door, tabel, limiet }));
        ctx.emit(rows.map(auditJson), () => renderLog(rows, ctx.color));
      }),
    );
}
