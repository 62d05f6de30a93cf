import type { Ctx } from "../context.js";
import { listBekendePersonen } from "../db/avond.js";
import { requirePartner, type Partner } from "../db/referentie.js";
import {
  NOODPLAN,
  parseNaam,
  parseNiveau,
  parseRisicoToelichting,
  parseRol,
  parseTelefoon,
  RISICO_NIVEAUS,
  STANDAARD_ROLLEN,
  STANDAARD_UITRUSTING,
  type Noodplan,
} from "../domain/avond.js";
import type { Risico } from "../domain/gereedheid.js";
import { invalid, missingFlag } from "../errors.js";
import { ask } from "../io/prompts.js";
import { partnerKeuzes } from "./kiezen.js";

/**
 * The questions about one evening, shared by the single commands (`avond rol`, `avond
 * risico`, `avond noodplan`) and the guided `avond nieuw`: what a flag gives is used as
 * it is, what is missing is asked at a terminal, each answer checked by the flag's rule.
 */

export interface RolKeuze {
  rol: string;
  naam: string;
  partnerId: number;
  partner: string;
  telefoon: string | null;
}

const EIGEN = "<eigen>";
const NIEUW = "<nieuw>";

/** One role: which role, who (people used before are offered), their partner and phone. */
export async function askRol(
  ctx: Ctx,
  given: { rol?: string; naam?: string; partner?: string; telefoon?: string },
  teamleider: string | null,
): Promise<RolKeuze> {
  const rule = rolRegel(teamleider);
  const rol = given.rol ? rule(given.rol) : await vraagRolNaam(ctx, teamleider, rule);
  const dialog = !given.naam;
  const { naam, known } = given.naam ? { naam: parseNaam(given.naam), known: undefined } : await vraagPersoon(ctx);
  const partnerNaam =
    given.partner ?? known?.partner ?? (await ctx.needChoice("partner", undefined, `Partner van ${naam}`, () => partnerKeuzes(ctx)));
  const partner: Partner = await ctx.read((sql) => requirePartner(sql, partnerNaam));
  const telefoon =
    given.telefoon !== undefined
      ? parseTelefoon(given.telefoon)
      : dialog
        ? await ask(ctx.prompts, {
            message: `Telefoon van ${naam} die avond (leeg mag)`,
            default: known?.telefoon ?? "",
            parse: (v) => parseTelefoon(v),
          })
        : null;
  return { rol, naam, partnerId: partner.id, partner: partner.naam, telefoon };
}

/** A role name; teamleider only while the evening has none. */
export function rolRegel(teamleider: string | null): (raw: string) => string {
  return (raw) => {
    const rol = parseRol(raw);
    if (rol === "teamleider" && teamleider) throw invalid("rol", `er is al een teamleider (${teamleider})`);
    return rol;
  };
}

async function vraagRolNaam(ctx: Ctx, teamleider: string | null, rule: (raw: string) => string): Promise<string> {
  if (!ctx.interactive) throw missingFlag("rol");
  const keuze = await ctx.prompts.select({
    message: "Welke rol?",
    choices: [
      ...STANDAARD_ROLLEN.filter((r) => r !== "teamleider" || !teamleider).map((r) => ({ name: r, value: r as string })),
      { name: "eigen rol…", value: EIGEN },
    ],
  });
  return keuze === EIGEN ? ask(ctx.prompts, { message: "Naam van de rol", parse: rule }) : rule(keuze);
}

async function vraagPersoon(ctx: Ctx): Promise<{ naam: string; known?: { naam: string; partner: string; telefoon: string | null } }> {
  if (!ctx.interactive) throw missingFlag("naam");
  const bekend = await ctx.read(listBekendePersonen);
  const keuze = bekend.length
    ? await ctx.prompts.select({
        message: "Wie?",
        choices: [
          ...bekend.map((p, i) => ({ name: `${p.naam} (${p.partner})`, value: String(i) })),
          { name: "iemand anders…", value: NIEUW },
        ],
      })
    : NIEUW;
  const known = keuze === NIEUW ? undefined : bekend[Number(keuze)];
  if (known) return { naam: known.naam, known };
  return { naam: await ask(ctx.prompts, { message: "Naam", parse: parseNaam }) };
}

export const LATER = "<later>";

/**
 * A risk level with no silent default: the first line cannot be chosen, so Enter alone
 * rates nothing. `later` offers "nog niet inschatten" (the guided flow); then null.
 */
export async function askNiveau(ctx: Ctx, adres: string, opts: { later: boolean }): Promise<Risico | null> {
  if (!ctx.interactive) throw missingFlag("niveau");
  const keuze = await ctx.prompts.select({
    message: `Risico bij ${adres}`,
    placeholder: "— kies het risico (↑↓) —",
    choices: [
      ...RISICO_NIVEAUS.map((n) => ({ name: n, value: n as string })),
      ...(opts.later ? [{ name: "nog niet inschatten (later: avond risico)", value: LATER }] : []),
    ],
  });
  return keuze === LATER ? null : parseNiveau(keuze);
}

export async function askToelichting(ctx: Ctx, huidig: string | null): Promise<string | null> {
  return ask(ctx.prompts, {
    message: "Toelichting (agressie, wapens, honden, uitgangen, omvang; leeg mag)",
    default: huidig ?? undefined,
    parse: parseRisicoToelichting,
  });
}

/** The noodplan: flags as given, the rest asked; optional parts only when the plan is asked for at all. */
export async function askNoodplan(
  ctx: Ctx,
  given: { verzamelpunt?: string; codewoord?: string; communicatie?: string; uitrusting?: string },
  huidig: Noodplan | null,
): Promise<Noodplan> {
  const dialog = !given.verzamelpunt || !given.codewoord;
  const verzamelpunt = await ctx.needValue(
    "verzamelpunt",
    given.verzamelpunt,
    "Noodplan — verzamelpunt",
    NOODPLAN.verzamelpunt,
    huidig?.verzamelpunt,
  );
  const codewoord = await ctx.needValue("codewoord", given.codewoord, "Noodplan — codewoord", NOODPLAN.codewoord, huidig?.codewoord);
  const communicatie =
    given.communicatie !== undefined || !dialog
      ? NOODPLAN.communicatie(given.communicatie)
      : await ask(ctx.prompts, {
          message: "Communicatie (leeg mag)",
          default: huidig?.communicatie ?? "portofoons",
          parse: NOODPLAN.communicatie,
        });
  let uitrusting: string[];
  if (given.uitrusting !== undefined || !dialog) uitrusting = NOODPLAN.uitrusting(given.uitrusting);
  else {
    const bekend = [...new Set([...STANDAARD_UITRUSTING, ...(huidig?.uitrusting ?? [])])];
    uitrusting = await ctx.prompts.checkbox({
      message: "Uitrusting",
      choices: bekend.map((u) => ({ name: u, value: u, checked: huidig ? huidig.uitrusting.includes(u) : true })),
    });
  }
  return { verzamelpunt, codewoord, communicatie, uitrusting };
}
