import type { Ctx } from "../context.js";
import { listAvonden, requireAvond, type AvondKort } from "../db/avond.js";
import { formatDutch } from "../domain/dates.js";
import { missingFlag, type UserError } from "../errors.js";
import { chooseId } from "./kiezen.js";

/** --avond, or at a terminal a choice from the evenings (newest first). */
export async function chooseAvond(ctx: Ctx, raw: string | undefined): Promise<AvondKort> {
  const id = await chooseAvondId(ctx, raw, "avond", missingFlag("avond"));
  return ctx.read((sql) => requireAvond(sql, id));
}

/** An evening's id as given (flag or argument `veld`), or chosen at a terminal from the evenings, newest first. */
export function chooseAvondId(ctx: Ctx, raw: string | undefined, veld: string, ontbreekt: UserError): Promise<number> {
  return chooseId(ctx, raw, {
    veld,
    vraag: "Controleavond",
    keuzes: async () =>
      (await ctx.read(listAvonden)).map((a) => ({ name: `${a.id}: ${formatDutch(a.datum)} — ${a.doel}`, value: String(a.id) })),
    leeg: "Er is nog geen controleavond; plan er een met interventie avond nieuw",
    ontbreekt,
  });
}
