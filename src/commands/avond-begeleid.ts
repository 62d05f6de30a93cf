import type { Ctx } from "../context.js";
import type { Besluit, Casustafel } from "../db/casustafel.js";
import type { Avond } from "../db/avond.js";
import { formatAdres, metAdres } from "../domain/adres.js";
import { parseAvondDatum, parseDoel, parseStarttijd, STANDAARD_ROLLEN, type Noodplan } from "../domain/avond.js";
import { formatDutch, type IsoDate } from "../domain/dates.js";
import { checkGereedheid, perPartner, type Risico } from "../domain/gereedheid.js";
import { addAvond, type Gereedheid } from "../usecases/avond.js";
import { showKandidaten } from "../usecases/casustafel.js";
import { aantal } from "../domain/tekst.js";
import { UserError } from "../errors.js";
import { ask, minstensEen } from "../io/prompts.js";
import { renderGereedheid, renderOverzicht } from "../render/avond.js";
import { rolRegel, askNiveau, askNoodplan, askRol, askToelichting, type RolKeuze } from "./avond-vragen.js";

/**
 * The guided evening (`avond nieuw` at a terminal, or after `casustafel nieuw`): date,
 * goal, addresses, roles, risks and noodplan are asked one by one, every answer checked
 * as its flag would be. Before anything is written the flow shows a summary with the
 * readiness check and lets the user change any part; all is written in one transaction.
 */

export interface AvondResultaat {
  json: Record<string, unknown>;
  human: string;
}

export interface AvondPlan {
  casustafel: Casustafel;
  /** The casustafel's decisions: which addresses it chose for control, and with which partners. */
  besluiten: Besluit[];
  datum: IsoDate;
  starttijd: string;
  doel: string;
  adresIds: number[];
  rollen: RolKeuze[];
  /** Per address; an address without an entry is assessed later (`avond risico`). */
  risicos: Map<number, { niveau: Risico; toelichting: string | null }>;
  noodplan: Noodplan | null;
}

const ACTIES = {
  opslaan: "Opslaan",
  basis: "Wijzigen: datum, starttijd en doel",
  adressen: "Wijzigen: adressen",
  rollen: "Wijzigen: rollen",
  risicos: "Wijzigen: risico's",
  noodplan: "Wijzigen: noodplan",
  afbreken: "Afbreken (niets opslaan)",
} as const;

export async function planAvondGuided(ctx: Ctx, casustafelId: number): Promise<AvondResultaat> {
  const { casustafel, kandidaten, besluiten } = await showKandidaten(ctx.store(), casustafelId);
  /** The casustafel's ranked addresses by id, for choices and the summary. */
  const namen = new Map(kandidaten.map((k) => [k.adres_id, `${k.rang}. ${k.adres}`]));
  const plan: AvondPlan = {
    casustafel,
    besluiten,
    ...(await vraagBasis(ctx, casustafel)),
    adresIds: [],
    rollen: [],
    risicos: new Map(),
    noodplan: null,
  };
  plan.adresIds = await vraagAdressen(ctx, plan, namen);
  await vraagRollen(ctx, plan);
  await vraagRisicos(ctx, plan, namen, plan.adresIds);
  plan.noodplan = await askNoodplan(ctx, {}, null);
  for (;;) {
    ctx.say(`\n${renderPlan(ctx, plan, namen)}\n`);
    const keuze = await ctx.prompts.select({
      message: "Opslaan, of eerst iets wijzigen?",
      choices: Object.entries(ACTIES).map(([value, name]) => ({ name, value: value as keyof typeof ACTIES })),
    });
    if (keuze === "opslaan") return saveAvondPlan(ctx, plan);
    if (keuze === "afbreken") throw new UserError("afgebroken", "Afgebroken; er is niets opgeslagen");
    if (keuze === "basis") Object.assign(plan, await vraagBasis(ctx, casustafel, plan));
    if (keuze === "adressen") {
      const voor = plan.adresIds;
      plan.adresIds = await vraagAdressen(ctx, plan, namen);
      for (const id of plan.risicos.keys()) if (!plan.adresIds.includes(id)) plan.risicos.delete(id);
      await vraagRisicos(
        ctx,
        plan,
        namen,
        plan.adresIds.filter((id) => !voor.includes(id)),
      );
    }
    if (keuze === "rollen") await vraagRollen(ctx, plan);
    if (keuze === "risicos") await vraagRisicos(ctx, plan, namen, plan.adresIds);
    if (keuze === "noodplan") plan.noodplan = await askNoodplan(ctx, {}, plan.noodplan);
  }
}

/** Date (not before the casustafel), start and goal; the current answers are the defaults when changing them. */
async function vraagBasis(ctx: Ctx, c: Casustafel, nu?: AvondPlan): Promise<{ datum: IsoDate; starttijd: string; doel: string }> {
  const datum = await ask(ctx.prompts, {
    message: `Datum van de avond (JJJJ-MM-DD of DD-MM-JJJJ; casustafel ${formatDutch(c.datum)})`,
    default: nu?.datum,
    parse: (v) => parseAvondDatum(v, c.datum),
  });
  const starttijd = await ask(ctx.prompts, { message: "Starttijd", default: nu?.starttijd ?? "19:00", parse: parseStarttijd });
  const doel = await ask(ctx.prompts, { message: "Doel van de avond (bekend bij iedereen)", default: nu?.doel, parse: parseDoel });
  return { datum, starttijd, doel };
}

/** The addresses to choose from are the casustafel's ranked ones, so every chosen id has a name. */
function naamVan(namen: Map<number, string>, id: number): string {
  return namen.get(id) ?? `adres ${id}`;
}

async function vraagAdressen(ctx: Ctx, plan: AvondPlan, namen: Map<number, string>): Promise<number[]> {
  const controle = plan.besluiten.filter((b) => b.besluit === "controle").map((b) => b.adres_id);
  const aangevinkt = plan.adresIds.length ? plan.adresIds : controle;
  if (namen.size === 0) throw new UserError("geen-adressen", `Casustafel ${plan.casustafel.id} heeft geen adressen met signalen`);
  const gekozen = await ctx.prompts.checkbox({
    message: "Welke adressen bezoekt de avond? (besluit controle staat aangevinkt)",
    choices: [...namen].map(([id, name]) => ({ name, value: String(id), checked: aangevinkt.includes(id) })),
    validate: minstensEen("adres"),
  });
  return gekozen.map(Number);
}

const KLAAR = "<klaar>";
const WEG = "<weg>";
const EIGEN = "<eigen>";

/** Add roles until done; a role can be taken off again. Teamleider once only. */
async function vraagRollen(ctx: Ctx, plan: AvondPlan): Promise<void> {
  for (;;) {
    const teamleider = plan.rollen.find((r) => r.rol === "teamleider")?.naam ?? null;
    const team = plan.rollen.map((r) => `${r.rol} ${r.naam}`).join(", ");
    const keuze = await ctx.prompts.select({
      message: `Rol toevoegen (${plan.rollen.length ? `${plan.rollen.length} toegewezen: ${team}` : "nog niemand"})`,
      choices: [
        ...STANDAARD_ROLLEN.filter((r) => r !== "teamleider" || !teamleider).map((r) => ({ name: r, value: r as string })),
        { name: "eigen rol…", value: EIGEN },
        ...(plan.rollen.length ? [{ name: "rol weghalen…", value: WEG }] : []),
        { name: "klaar met rollen", value: KLAAR },
      ],
    });
    if (keuze === KLAAR) return;
    if (keuze === WEG) {
      const weg = await ctx.prompts.select({
        message: "Welke rol weghalen?",
        choices: plan.rollen.map((r, i) => ({ name: `${r.rol}: ${r.naam} (${r.partner})`, value: String(i) })),
      });
      plan.rollen.splice(Number(weg), 1);
      continue;
    }
    const rol = keuze === EIGEN ? await ask(ctx.prompts, { message: "Naam van de rol", parse: rolRegel(teamleider) }) : keuze;
    plan.rollen.push(await askRol(ctx, { rol }, teamleider));
  }
}

async function vraagRisicos(ctx: Ctx, plan: AvondPlan, namen: Map<number, string>, adresIds: number[]): Promise<void> {
  for (const id of adresIds) {
    const niveau = await askNiveau(ctx, naamVan(namen, id), { later: true });
    if (niveau === null) plan.risicos.delete(id);
    else plan.risicos.set(id, { niveau, toelichting: await askToelichting(ctx, plan.risicos.get(id)?.toelichting ?? null) });
  }
}

function gereedheidVan(plan: AvondPlan, namen: Map<number, string>): Gereedheid {
  const gevraagd = plan.besluiten
    .filter((b) => b.besluit === "controle" && plan.adresIds.includes(b.adres_id))
    .flatMap((b) => b.partners.map((partner) => ({ partner, adres: formatAdres(b) })));
  return checkGereedheid({
    rollen: plan.rollen,
    adressen: plan.adresIds.map((id) => ({ adres: naamVan(namen, id), risico: plan.risicos.get(id)?.niveau ?? null })),
    verzamelpunt: plan.noodplan?.verzamelpunt ?? null,
    codewoord: plan.noodplan?.codewoord ?? null,
    gevraagdePartners: perPartner(gevraagd),
  });
}

function renderPlan(ctx: Ctx, plan: AvondPlan, namen: Map<number, string>): string {
  const overzicht = renderOverzicht(
    {
      kop: `Nieuwe avond (nog niet opgeslagen) — ${formatDutch(plan.datum)}, ${plan.starttijd}; casustafel ${plan.casustafel.id}`,
      doel: plan.doel,
      adressen: plan.adresIds.map((id) => ({
        adres: naamVan(namen, id),
        risico: plan.risicos.get(id)?.niveau ?? null,
        toelichting: plan.risicos.get(id)?.toelichting ?? null,
      })),
      rollen: plan.rollen,
      noodplan: plan.noodplan,
    },
    ctx.color,
  );
  return `${overzicht}\n\n${renderGereedheid("bij opslaan", gereedheidVan(plan, namen).ontbreekt)}`;
}

/** Writes the evening with its roles, risks and noodplan in one transaction; then the readiness check. */
export async function saveAvondPlan(ctx: Ctx, plan: AvondPlan): Promise<AvondResultaat> {
  const r = await addAvond(ctx.store(), {
    casustafelId: plan.casustafel.id,
    datum: plan.datum,
    starttijd: plan.starttijd,
    doel: plan.doel,
    adresIds: plan.adresIds,
    rollen: plan.rollen,
    risicos: plan.risicos,
    noodplan: plan.noodplan,
  });
  return avondResultaat(r.avond, r.gereedheid, "aangemaakt");
}

export function avondResultaat(a: Avond, gereedheid: Gereedheid, wat: string): AvondResultaat {
  return {
    json: { ...a, adressen: a.adressen.map(metAdres), gereedheid },
    human: `Avond ${a.id} op ${formatDutch(a.datum)} om ${a.starttijd} ${wat} met ${aantal(a.adressen.length, "adres", "adressen")}.\n\n${renderGereedheid(`avond ${a.id}`, gereedheid.ontbreekt)}`,
  };
}
