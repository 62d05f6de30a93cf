import type { Ctx } from "../context.js";
import { getLaatsteWaarneming, toezichthouderIndex, toezichthouderUitIndex } from "../db/toezichthouder.js";
import { parseMethode, parseTijdstip, parseToezichthouders } from "../domain/bevinding.js";
import { parseWaarneming, type HercontroleFlags } from "../domain/hercontrole.js";
import { UserError } from "../errors.js";
import { ask } from "../io/prompts.js";

/**
 * The observation of a hercontrole at a terminal, each answer checked by the rule its flag uses:
 * time, toezichthouder number(s) (registered ones), method and what was observed. For a failed
 * hercontrole every answer is required (it is the ground of the next step); for "ja" Enter skips.
 * Defaults: what is recorded already, else the last numbers and method used for a finding.
 */
export async function askHercontrole(
  ctx: Ctx,
  beeindigd: boolean,
  huidig: { tijdstip?: string | null; toezichthouders?: string; methode?: string | null; waarneming?: string | null } = {},
): Promise<HercontroleFlags> {
  const { index, vorige } = await ctx.read(async (sql) => ({
    index: await toezichthouderIndex(sql),
    vorige: await getLaatsteWaarneming(sql),
  }));
  const verplicht = !beeindigd;
  const vraag = async (
    message: string,
    standaard: string | null | undefined,
    check: (v: string) => unknown,
  ): Promise<string | undefined> => {
    const v = await ask(ctx.prompts, {
      message: `${message}${verplicht ? "" : " (leeg: overslaan)"}`,
      default: standaard ?? "",
      parse: (raw) => {
        const t = raw.trim();
        if (t === "") {
          if (verplicht) throw new UserError("ongeldige-invoer", "verplicht bij een hercontrole die de overtreding nog aantreft");
          return t;
        }
        check(t);
        return t;
      },
    });
    return v === "" ? undefined : v;
  };
  return {
    tijdstip: await vraag("Tijdstip van de waarneming (UU:MM)", huidig.tijdstip, (v) => parseTijdstip(v)),
    toezichthouder: await vraag("Nummer(s) van de toezichthouder(s)", huidig.toezichthouders ?? vorige?.toezichthouders, (v) =>
      parseToezichthouders(v).forEach((nr) => toezichthouderUitIndex(index, nr)),
    ),
    methode: await vraag("Methode (hoe is waargenomen)", huidig.methode ?? vorige?.methode, (v) => parseMethode(v)),
    waarneming: await vraag("Wat is waargenomen?", huidig.waarneming, (v) => parseWaarneming(v)),
  };
}
