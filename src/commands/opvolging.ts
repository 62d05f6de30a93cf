import type { Command } from "commander";
import { action, type Runtime } from "./runtime.js";
import type { Ctx } from "../context.js";
import { requireBevinding } from "../db/bevinding.js";
import { requireOpvolging } from "../db/opvolging.js";
import { requirePartner } from "../db/referentie.js";
import { formatDutch, parseDate } from "../domain/dates.js";
import { optionalText, parseEnum, parseId, requireText } from "../domain/invoer.js";
import { checkDeadline, isHercontrole, LIJST_FILTERS, NIEUWE_STATUSSEN, type LijstFilter } from "../domain/opvolging.js";
import { checkAfsluiting, isLeeg, parseHercontrole } from "../domain/hercontrole.js";
import { UserError } from "../errors.js";
import { ladderData } from "../io/ladder.js";
import { loadSjabloon } from "../io/sjablonen.js";
import { opvolgingJson, renderOpvolgingen } from "../render/opvolging.js";
import { addOpvolging, changeOpvolging, omstandigheden, showOpvolgingen } from "../usecases/opvolging.js";
import { verplicht } from "./hulp.js";
import { partnerKeuzes } from "./kiezen.js";
import { chooseBevinding, chooseOpvolging, askActie, askWijziging, type BijwerkenOpts } from "./opvolging-vragen.js";

interface LijstOpts {
  status?: string;
  gemeente?: string;
  partner?: string;
  avond?: string;
  bevinding?: string;
}

export function register(program: Command, rt: Runtime): void {
  const opvolging = program.command("opvolging").description("opvolging van bevindingen: wie doet wat, wanneer, met welk resultaat");

  opvolging
    .command("lijst")
    .description("toon opvolgingen, gesorteerd op deadline; verlopen opvolgingen vallen op")
    .option("--status <status>", `${LIJST_FILTERS.join("|")} (open = nog niet afgesloten)`)
    .option("--gemeente <gemeente>", "alleen adressen in deze gemeente")
    .option("--partner <partner>", "alleen opvolgingen van deze partner")
    .option("--avond <id>", "alleen bevindingen van deze controleavond")
    .option("--bevinding <id>", "alleen deze bevinding")
    .action(action<LijstOpts>(rt, lijst));

  opvolging
    .command("toon")
    .description("toon één opvolging, met haar versie (voor bijwerken --verwachte-versie)")
    .argument("<id>", "opvolging-id")
    .action(action<Record<string, never>>(rt, (ctx, _opts, id) => toon(ctx, parseId("opvolging", id as string))));

  opvolging
    .command("toevoegen")
    .description("voeg een opvolgingsactie toe aan een bevinding (zonder opties: avond, bevinding en actie uit een lijst)")
    .addOption(verplicht("--bevinding <id>", "bevinding"))
    .addOption(verplicht("--actie <tekst>", "bijv. informatiebrief eigenaar, hercontrole, persbericht"))
    .option("--partner <partner>", "wie het doet (standaard: eigenaar van de bevinding)")
    .addOption(verplicht("--deadline <datum>", "uiterlijk (JJJJ-MM-DD of DD-MM-JJJJ), niet vóór de avond"))
    .option("--sjabloon <naam>", "de brief waarmee de actie wordt gedaan (standaard: die van dezelfde actie in de regels van de categorie)")
    .action(action<{ bevinding?: string; actie?: string; partner?: string; deadline?: string; sjabloon?: string }>(rt, toevoegen));

  opvolging
    .command("bijwerken")
    .description("wijzig status, resultaat, deadline of partner; doodgelopen vraagt --resultaat (de reden); zonder opties: vraagt wat")
    .argument("[id]", "opvolging-id; in een terminal kies je uit de open opvolgingen")
    .option("--status <status>", NIEUWE_STATUSSEN.join("|"))
    .option("--resultaat <tekst>", "resultaat, of de reden bij doodgelopen")
    .option("--beeindigd <ja|nee>", "hercontrole: is de overtreding beëindigd? nee = volgende stap op de handhavingsladder")
    .option("--datum <datum>", "bij afsluiten: de dag van de hercontrole of de dag waarop de actie is gedaan (standaard vandaag)")
    .option("--deadline <datum>", "nieuwe deadline")
    .option("--partner <partner>", "nieuwe eigenaar van de actie")
    .option("--tijdstip <UU:MM>", "hercontrole: tijdstip van de waarneming (verplicht bij --beeindigd nee)")
    .option("--toezichthouder <nummer>", "hercontrole: nummer(s) van de toezichthouder(s), bijv. 4711,2314 (verplicht bij nee)")
    .option("--methode <tekst>", "hercontrole: hoe is waargenomen (verplicht bij nee)")
    .option("--waarneming <tekst>", "hercontrole: wat is waargenomen (verplicht bij nee)")
    .option(
      "--verwachte-versie <n>",
      "alleen als de opvolging nog deze versie heeft (opvolging toon --json); anders exit 2 en niets gewijzigd",
    )
    .action(
      action<BijwerkenOpts & { verwachteVersie?: string }>(rt, (ctx, { verwachteVersie, ...opts }, id) =>
        bijwerken(ctx, opts, id as string | undefined, verwachteVersie),
      ),
    );
}

async function lijst(ctx: Ctx, opts: LijstOpts): Promise<void> {
  const status = opts.status !== undefined ? parseEnum<LijstFilter>("status", opts.status, LIJST_FILTERS) : undefined;
  const rows = (
    await showOpvolgingen(ctx.store(), {
      status,
      gemeente: opts.gemeente,
      partner: opts.partner,
      avond: opts.avond !== undefined ? parseId("avond", opts.avond) : undefined,
      bevinding: opts.bevinding !== undefined ? parseId("bevinding", opts.bevinding) : undefined,
      vandaag: ctx.today(),
    })
  ).map((o) => opvolgingJson(o, ctx.today()));
  ctx.emit(rows, () => renderOpvolgingen(rows, ctx.today(), ctx.color));
}

/** `opvolging toon <id>`: one follow-up as the list shows it, and its versie. */
async function toon(ctx: Ctx, id: number): Promise<void> {
  const o = opvolgingJson(await ctx.read((sql) => requireOpvolging(sql, id)), ctx.today());
  ctx.emit(
    o,
    () => `${renderOpvolgingen([o], ctx.today(), ctx.color)}\nVersie ${o.versie} (bijwerken met --verwachte-versie ${o.versie}).`,
  );
}

async function toevoegen(
  ctx: Ctx,
  opts: { bevinding?: string; actie?: string; partner?: string; deadline?: string; sjabloon?: string },
): Promise<void> {
  // At a terminal every missing value is asked, and then the partner too (the finding's own is the default).
  const dialog = ctx.interactive && [opts.bevinding, opts.actie, opts.deadline].some((v) => v === undefined || v === "");
  const bevindingId = await chooseBevinding(ctx, opts.bevinding);
  const b = await ctx.read((sql) => requireBevinding(sql, bevindingId));
  const actie = opts.actie ? requireText("actie", opts.actie, 200) : await askActie(ctx, b.categorie);
  const partnerNaam =
    opts.partner ??
    (dialog ? await ctx.prompts.select({ message: "Wie doet het?", choices: await partnerKeuzes(ctx), default: b.partner }) : b.partner);
  const partner = await ctx.read((sql) => requirePartner(sql, partnerNaam));
  const deadline = await ctx.needValue("deadline", opts.deadline, "Deadline (JJJJ-MM-DD of DD-MM-JJJJ)", (v) =>
    checkDeadline(parseDate(v, "deadline"), b.datum),
  );
  if (opts.sjabloon !== undefined) loadSjabloon(opts.sjabloon, undefined); // an existing, safe template name
  const o = opvolgingJson(
    await addOpvolging(ctx.store(), { bevindingId: b.id, actie, partner: partner.naam, deadline, sjabloon: opts.sjabloon }),
    ctx.today(),
  );
  ctx.emit(o, () => `Opvolging ${o.id} toegevoegd aan bevinding ${b.id}: ${actie} — ${partner.naam} — uiterlijk ${formatDutch(deadline)}.`);
}

/** The flags (or the answers) of `opvolging bijwerken`, parsed: a bad value is exit 2 before anything changes. */
function parseWijziging(opts: BijwerkenOpts) {
  return {
    status: opts.status !== undefined ? parseEnum("status", opts.status, NIEUWE_STATUSSEN) : undefined,
    resultaat: opts.resultaat !== undefined ? (optionalText("resultaat", opts.resultaat, 2000) ?? "") : undefined,
    beeindigd: opts.beeindigd !== undefined ? parseEnum("beeindigd", opts.beeindigd, ["ja", "nee"] as const) === "ja" : undefined,
    deadline: opts.deadline !== undefined ? parseDate(opts.deadline, "deadline") : undefined,
    partner: opts.partner,
    datum: opts.datum !== undefined ? parseDate(opts.datum, "datum") : undefined,
  };
}

async function bijwerken(ctx: Ctx, flags: BijwerkenOpts, rawId: string | undefined, rawVersie: string | undefined): Promise<void> {
  const id = await chooseOpvolging(ctx, rawId);
  const gegeven = Object.values(flags).some((v) => v !== undefined);
  parseWijziging(flags);
  parseHercontrole(flags);
  const verwacht = rawVersie !== undefined ? parseId("verwachte-versie", rawVersie) : undefined;
  const huidig = await ctx.read((sql) => requireOpvolging(sql, id)); // an unknown id is the user's error before anything is asked
  const gevraagd = !gegeven && ctx.interactive;
  const opts = gevraagd ? await askWijziging(ctx, huidig, omstandigheden(huidig, ctx.today(), ladderData())) : flags;
  // The guided flow changes what it showed: someone else's change while the prompts were open is not overwritten.
  const verwachteVersie = verwacht ?? (gevraagd ? huidig.versie : undefined);
  const w = parseWijziging(opts);
  const waarneming = parseHercontrole(opts);
  const hercontrole = huidig.stap === "hercontrole" || isHercontrole(huidig.actie);
  if (!isLeeg(waarneming) && (w.beeindigd === undefined || !hercontrole)) {
    throw new UserError(
      "gebruik",
      `--tijdstip, --toezichthouder, --methode en --waarneming horen bij het afsluiten van een hercontrole (--beeindigd ja|nee); een gesloten hercontrole vult u aan met: interventie hercontrole wijzig <opvolging-id>`,
    );
  }
  const { waarschuwing } = hercontrole && w.beeindigd !== undefined ? checkAfsluiting(w.beeindigd, waarneming) : {};
  const velden = Object.entries(w)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k);
  const { opvolging, gevolg } = await changeOpvolging(ctx.store(), id, w, velden, waarneming, verwachteVersie);
  if (waarschuwing) ctx.warn(`waarschuwing: ${waarschuwing}; aanvullen met: interventie hercontrole wijzig ${id}`);
  const na = opvolgingJson(opvolging, ctx.today());
  const melding =
    gevolg.melding ??
    (gevolg.voorstel
      ? `Volgende stap: ${gevolg.voorstel.actie} (${gevolg.voorstel.partner})${gevolg.voorstel.niet_voor ? `, vanaf ${formatDutch(gevolg.voorstel.niet_voor)}` : ""}, uiterlijk ${formatDutch(gevolg.voorstel.deadline)} — opvolging ${gevolg.voorstel.id}.`
      : undefined);
  ctx.emit({ ...na, ...(gevolg.voorstel ? { voorstel: gevolg.voorstel } : {}), ...(melding ? { melding } : {}) }, () =>
    [
      `Opvolging ${na.id} (${na.actie}) bijgewerkt: status ${na.status}${na.resultaat ? `, resultaat: ${na.resultaat}` : ""}${na.beeindigd === true ? ", overtreding beëindigd" : ""}; deadline ${formatDutch(na.deadline)}, ${na.partner}.`,
      ...(melding ? [ctx.color.yellow(melding)] : []),
    ].join("\n"),
  );
}
