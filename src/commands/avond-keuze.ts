import type { Ctx } from "../context.js";
import { listAvondenKort, requireAvondKort, type AvondKort } from "../db/bevinding.js";
import { formatDutch } from "../domain/dates.js";
import { parseId } from "../domain/invoer.js";

/** --avond, or at a terminal a choice from the evenings (newest first). */
export async function kiesAvond(ctx: Ctx, raw: string | undefined): Promise<AvondKort> {
  const db = ctx.db();
  const gekozen = await ctx.needChoice(
    "avond",
    raw,
    "Controleavond",
    listAvondenKort(db).map((a) => ({ name: `${a.id}: ${formatDutch(a.datum)} — ${a.doel}`, value: String(a.id) })),
  );
  return requireAvondKort(db, parseId("avond", gekozen));
}
