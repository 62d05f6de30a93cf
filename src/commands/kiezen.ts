import type { Ctx } from "../context.js";
import { listPartners } from "../db/referentie.js";
import { parseId } from "../domain/invoer.js";
import { UserError } from "../errors.js";
import type { Choice } from "../io/prompts.js";

/**
 * The id of a record (an evening, a casustafel): as typed, or at a terminal chosen from a list
 * that is read only then. In a script a missing id is exit 2, naming what is missing.
 */
export async function chooseId(
  ctx: Ctx,
  raw: string | undefined,
  o: { veld: string; vraag: string; keuzes: () => Promise<Choice<string>[]>; leeg: string; ontbreekt: UserError },
): Promise<number> {
  if ((raw === undefined || raw === "") && !ctx.interactive) throw o.ontbreekt;
  const gekozen = await ctx.needChoice(o.veld, raw, o.vraag, o.keuzes, { leeg: o.leeg });
  return parseId(o.veld, gekozen);
}

/** A positional id left out in a script: "Ontbrekende avond-id …; zie interventie avond lijst". */
export function ontbrekendArgument(wat: string, lijst: string): UserError {
  return new UserError("ontbrekend-argument", `Ontbrekende ${wat} (verplicht zonder interactieve terminal); zie interventie ${lijst}`);
}

/** The partners to choose from, by name. */
export async function partnerKeuzes(ctx: Ctx): Promise<Choice<string>[]> {
  return (await ctx.read(listPartners)).map((p) => ({ name: p.naam, value: p.naam }));
}
