import type { Command } from "commander";
import { action, type Runtime } from "./runtime.js";
import type { Ctx } from "../context.js";
import type { ZaakVelden, ZaakVolledig } from "../db/handhaving.js";
import { parseEuro } from "../domain/bedrag.js";
import { formatDutch, parseDate } from "../domain/dates.js";
import { optionalText, parseEnum, parseId, requireText } from "../domain/invoer.js";
import { DWANGSOM_PER, isVastgelegd, ZAAK_STATUSSEN, type DwangsomPer, type ZaakStatus } from "../domain/ladder.js";
import { formatTermijn, parseTermijn } from "../domain/termijn.js";
import { UserError } from "../errors.js";
import { renderZaak, renderZaken } from "../render/handhaving.js";
import { changeZaak, endZaak, showZaak, showZaken, zaakDetail } from "../usecases/handhaving.js";
import { verplicht } from "./hulp.js";
import { aantal } from "../domain/tekst.js";

/** Every value as typed: the zaak's fields (see ZaakVelden) and the dwangsom in parts. */
type ZetOpts = Partial<
  Record<
    | "overtreder"
    | "hoedanigheid"
    | "voorschrift"
    | "bevoegdheid"
    | "herstelmaatregel"
    | "hersteltermijn"
    | "zienswijzetermijn"
    | "begunstigingstermijn"
    | "sluitingsduur"
    | "spoed"
    | "bedrag"
    | "per"
    | "maximum"
    | "kosten",
    string
  >
>;

/** Handhavingszaken: one per finding the gemeente enforces; its values, its overtreder, its steps. */
export function register(program: Command, rt: Runtime): void {
  const hh = program.command("handhaving").description("handhavingszaken: de ladder per overtreding, de overtreder, termijnen en dwangsom");

  hh.command("lijst")
    .description("toon de handhavingszaken met hun volgende stap")
    .option("--gemeente <gemeente>", "alleen adressen in deze gemeente")
    .option("--status <status>", ZAAK_STATUSSEN.join("|"))
    .option("--avond <id>", "alleen bevindingen van deze controleavond")
    .action(
      action<{ gemeente?: string; status?: string; avond?: string }>(rt, async (ctx, opts) => {
        const zaken = await showZaken(ctx.store(), {
          gemeente: opts.gemeente,
          status: opts.status !== undefined ? parseEnum<ZaakStatus>("status", opts.status, ZAAK_STATUSSEN) : undefined,
          avond: opts.avond !== undefined ? parseId("avond", opts.avond) : undefined,
        });
        ctx.emit(zaken, () => renderZaken(zaken, ctx.color));
      }),
    );

  hh.command("toon <id>")
    .description("toon een handhavingszaak: waarden, overtreder, stappen, brieven, zienswijzen, verbeurde dwangsom")
    .action(
      action(rt, async (ctx, _opts, id) => {
        const v = zaakDetail(await showZaak(ctx.store(), parseId("id", id as string)));
        ctx.emit(v, () => renderZaak(v));
      }),
    );

  hh.command("zet <id>")
    .description("wijzig een handhavingszaak (vóór het voornemen); zonder opties aan een terminal: vraagt elke waarde")
    .option("--overtreder <betrokkene-id>", "de overtreder (artikel 5:1 Awb); moet een rol bij het adres hebben")
    .option("--hoedanigheid <tekst>", 'als wat de overtreder wordt aangesproken, bijv. "exploitant van café De Markt"')
    .option("--voorschrift <tekst>", "het overtreden voorschrift, met artikel")
    .option("--bevoegdheid <tekst>", "de bevoegdheid waarop de last berust")
    .option("--herstelmaatregel <tekst>", "wat de overtreder moet doen")
    .option("--hersteltermijn <termijn>", 'termijn van de waarschuwing, bijv. "4 weken"')
    .option("--zienswijzetermijn <termijn>", 'termijn voor de zienswijze, bijv. "2 weken"')
    .option("--begunstigingstermijn <termijn>", 'termijn van de last, bijv. "4 weken"')
    .option("--sluitingsduur <termijn>", 'duur van een sluiting, bijv. "3 maanden"')
    .option("--spoed <ja|nee>", "spoedeisend: geen voornemen (artikel 4:11 Awb), bestuursdwang zo nodig zonder last (5:31 Awb)")
    .option("--bedrag <bedrag>", 'dwangsom, bijv. "€ 2.500"')
    .option("--per <eenheid>", DWANGSOM_PER.join("|"))
    .option("--maximum <bedrag>", 'maximum van de dwangsom, bijv. "€ 25.000"')
    .option("--kosten <bedrag>", "kosten van de uitgevoerde bestuursdwang (voor de kostenbeschikking)")
    .action(action<ZetOpts>(rt, (ctx, opts, id) => zet(ctx, opts, id as string)));

  hh.command("sluit <id>")
    .description("sluit een handhavingszaak af (bijv. overtreding beëindigd vóór het besluit); reden verplicht")
    .addOption(verplicht("--status <status>", "afgerond|doodgelopen"))
    .addOption(verplicht("--resultaat <tekst>", "de reden"))
    .option("--datum <datum>", "standaard vandaag")
    .action(
      action<{ status?: string; resultaat?: string; datum?: string }>(rt, async (ctx, opts, id) => {
        const zaakId = parseId("id", id as string);
        const status = await ctx.needEnum("status", opts.status, "Hoe eindigt de zaak?", ["afgerond", "doodgelopen"] as const);
        const reden = requireText("resultaat", await ctx.needText("resultaat", opts.resultaat, "Reden"), 2000);
        const datum = opts.datum !== undefined ? parseDate(opts.datum, "datum") : ctx.today();
        if (datum > ctx.today()) throw new UserError("ongeldige-invoer", `datum: ${formatDutch(datum)} ligt na vandaag`);
        const { gesloten, zaak } = await endZaak(ctx.store(), zaakId, status, datum, reden);
        const v = zaakDetail(zaak);
        ctx.emit(
          { ...v, gesloten_opvolgingen: gesloten },
          () => `Handhavingszaak ${zaakId} is ${status}; ${aantal(gesloten.length, "open stap", "open stappen")} gesloten.`,
        );
      }),
    );
}

async function zet(ctx: Ctx, opts: ZetOpts, rawId: string): Promise<void> {
  const zaakId = parseId("id", rawId);
  const z = await showZaak(ctx.store(), zaakId);
  const gegeven = Object.values(opts).some((v) => v !== undefined);
  const o: ZetOpts = gegeven || !ctx.interactive ? opts : await vraag(ctx, z);
  const velden: ZaakVelden = {};
  const tekst = (f: string, v: string | undefined, max = 600) => (v === undefined ? undefined : requireText(f, v, max));
  const termijn = (f: string, v: string | undefined) => (v === undefined ? undefined : formatTermijn(parseTermijn(v, f)));
  velden.voorschrift = tekst("voorschrift", o.voorschrift);
  velden.bevoegdheid = tekst("bevoegdheid", o.bevoegdheid);
  velden.herstelmaatregel = tekst("herstelmaatregel", o.herstelmaatregel);
  velden.hersteltermijn = termijn("hersteltermijn", o.hersteltermijn);
  velden.zienswijzetermijn = termijn("zienswijzetermijn", o.zienswijzetermijn);
  velden.begunstigingstermijn = termijn("begunstigingstermijn", o.begunstigingstermijn);
  velden.sluitingsduur = termijn("sluitingsduur", o.sluitingsduur);
  velden.spoed = o.spoed !== undefined ? parseEnum("spoed", o.spoed, ["ja", "nee"] as const) === "ja" : undefined;
  if (o.bedrag !== undefined || o.per !== undefined || o.maximum !== undefined) {
    const d = z.profiel.dwangsom;
    const bedrag = o.bedrag !== undefined ? parseEuro(o.bedrag, "bedrag") : d?.bedrag;
    const per = o.per !== undefined ? parseEnum<DwangsomPer>("per", o.per, DWANGSOM_PER) : d?.per;
    const maximum = o.maximum !== undefined ? parseEuro(o.maximum, "maximum") : d?.maximum;
    if (bedrag === undefined || per === undefined || maximum === undefined)
      throw new UserError("ontbrekende-optie", "Een dwangsom vraagt --bedrag, --per en --maximum");
    if (z.profiel.spoor !== "dwangsom")
      throw new UserError("ongeldige-invoer", `Handhavingszaak ${z.id} is geen last onder dwangsom (spoor ${z.profiel.spoor})`);
    velden.dwangsom = { bedrag, per, maximum };
  }
  velden.kosten = o.kosten !== undefined ? parseEuro(o.kosten, "kosten") : undefined;
  const hoedanigheid = optionalText("hoedanigheid", o.hoedanigheid, 200) ?? undefined;
  const overtreder = { id: o.overtreder !== undefined ? parseId("overtreder", o.overtreder) : undefined, hoedanigheid };
  // Decided again under the lock: a voornemen may have been sent meanwhile.
  const { gewijzigd, zaak } = await changeZaak(ctx.store(), zaakId, velden, overtreder);
  const v = zaakDetail(zaak);
  ctx.emit({ ...v, gewijzigd }, () => `Handhavingszaak ${zaakId} bijgewerkt (${gewijzigd.join(", ")}).\n${renderZaak(v)}`);
}

/** The guided way: every value with the current one as default. */
async function vraag(ctx: Ctx, z: ZaakVolledig): Promise<ZetOpts> {
  const p = z.profiel;
  const input = (message: string, standaard: string | null | undefined) => ctx.prompts.input({ message, default: standaard ?? undefined });
  const out: ZetOpts = {};
  const zet = (k: keyof ZetOpts, nieuw: string, oud: string | null | undefined) => {
    if (nieuw.trim() !== "" && nieuw !== (oud ?? "")) out[k] = nieuw;
  };
  zet(
    "overtreder",
    await input("Overtreder (betrokkene-id)", z.overtrederId !== null ? String(z.overtrederId) : ""),
    z.overtrederId !== null ? String(z.overtrederId) : "",
  );
  zet("hoedanigheid", await input("Hoedanigheid van de overtreder", z.hoedanigheid), z.hoedanigheid);
  if (!isVastgelegd(z)) {
    zet("voorschrift", await input("Overtreden voorschrift", p.voorschrift), p.voorschrift);
    zet("herstelmaatregel", await input("Herstelmaatregel", p.herstelmaatregel), p.herstelmaatregel);
    zet("zienswijzetermijn", await input("Zienswijzetermijn", p.zienswijzetermijn), p.zienswijzetermijn);
    zet("begunstigingstermijn", await input("Begunstigingstermijn", p.begunstigingstermijn), p.begunstigingstermijn);
    if (p.dwangsom) {
      zet("bedrag", await input("Dwangsom (euro)", String(p.dwangsom.bedrag)), String(p.dwangsom.bedrag));
      zet("per", await input(`Per (${DWANGSOM_PER.join("|")})`, p.dwangsom.per), p.dwangsom.per);
      zet("maximum", await input("Maximum (euro)", String(p.dwangsom.maximum)), String(p.dwangsom.maximum));
    }
  }
  return out;
}
