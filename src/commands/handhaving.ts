import type { Command } from "commander";
import { action, type Runtime } from "./runtime.js";
import type { Ctx } from "../context.js";
import { listZaken, overtrederVoorZaak, requireZaak, sluitZaak, zetZaak, type ZaakVelden, type ZaakVolledig } from "../db/handhaving.js";
import { requireGemeente } from "../db/referentie.js";
import { metGemeente } from "../domain/adres.js";
import { formatEuro, parseEuro } from "../domain/bedrag.js";
import { formatDutch, parseDate } from "../domain/dates.js";
import { optionalText, parseEnum, parseId, requireText } from "../domain/invoer.js";
import {
  berekenVerbeurd,
  controleerProfiel,
  DWANGSOM_PER,
  eindeNa,
  isVastgelegd,
  mislukteHercontroles,
  stapNaam,
  ZAAK_STATUSSEN,
  type DwangsomPer,
  type ZaakStatus,
} from "../domain/ladder.js";
import { isGesloten } from "../domain/opvolging.js";
import { formatTermijn, parseTermijn } from "../domain/termijn.js";
import { UserError } from "../errors.js";
import { kalender } from "../io/atw.js";
import { renderTable } from "../render/table.js";
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
      action<{ gemeente?: string; status?: string; avond?: string }>(rt, (ctx, opts) => {
        const db = ctx.db();
        const zaken = listZaken(db, {
          gemeenteId: opts.gemeente !== undefined ? requireGemeente(db, opts.gemeente).id : undefined,
          status: opts.status !== undefined ? parseEnum<ZaakStatus>("status", opts.status, ZAAK_STATUSSEN) : undefined,
          avondId: opts.avond !== undefined ? parseId("avond", opts.avond) : undefined,
        }).map(samenvatting);
        if (!ctx.json && zaken.length === 0) {
          ctx.out("Geen handhavingszaken gevonden.");
          return;
        }
        ctx.emit(zaken, () =>
          renderTable(
            zaken,
            [
              // At 80 columns: which case, where, and what comes next; who decides and the overtreder give way.
              { header: "zaak", value: (z) => z.id, align: "right", priority: 1 },
              { header: "adres", value: (z) => metGemeente(z.adres, z.gemeente), priority: 2 },
              { header: "overtreding", value: (z) => z.categorie, priority: 2 },
              { header: "orgaan", value: (z) => z.bestuursorgaan, priority: 7 },
              { header: "overtreder", value: (z) => z.overtreder ?? "—", priority: 5 },
              { header: "status", value: (z) => z.status, priority: 3 },
              {
                header: "volgende stap",
                priority: 3,
                value: (z) =>
                  z.volgende
                    ? `${stapNaam(z.volgende.stap)} (${z.volgende.opvolging})${z.volgende.niet_voor ? `\nvanaf ${formatDutch(z.volgende.niet_voor)}` : ""}`
                    : "—",
              },
            ],
            ctx.color,
          ),
        );
      }),
    );

  hh.command("toon <id>")
    .description("toon een handhavingszaak: waarden, overtreder, stappen, brieven, zienswijzen, verbeurde dwangsom")
    .action(
      action(rt, (ctx, _opts, id) => {
        const z = requireZaak(ctx.db(), parseId("id", id as string));
        const v = volledig(z);
        ctx.emit(v, () => toon(v));
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
        const gesloten = ctx.change((tx) => {
          const z = requireZaak(tx.db, zaakId);
          if (z.status !== "lopend") throw new UserError("al-gesloten", `Handhavingszaak ${z.id} is al ${z.status}`);
          return sluitZaak(tx, z, status, datum, reden);
        });
        const v = volledig(requireZaak(ctx.db(), zaakId));
        ctx.emit(
          { ...v, gesloten_opvolgingen: gesloten },
          () => `Handhavingszaak ${zaakId} is ${status}; ${aantal(gesloten.length, "open stap", "open stappen")} gesloten.`,
        );
      }),
    );
}

async function zet(ctx: Ctx, opts: ZetOpts, rawId: string): Promise<void> {
  const db = ctx.db();
  const zaakId = parseId("id", rawId);
  const z = requireZaak(db, zaakId);
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
  const adres = { id: z.rij.adres_id, volledig: z.rij.adres };
  if (o.overtreder !== undefined)
    Object.assign(velden, overtrederVoorZaak(db, z, adres, parseId("overtreder", o.overtreder), hoedanigheid));
  else if (hoedanigheid !== undefined) {
    if (z.overtrederId === null) throw new UserError("ontbrekende-optie", "--hoedanigheid hoort bij --overtreder <betrokkene-id>");
    Object.assign(velden, overtrederVoorZaak(db, z, adres, z.overtrederId, hoedanigheid));
  }
  const profielVelden = (
    [
      "voorschrift",
      "bevoegdheid",
      "herstelmaatregel",
      "hersteltermijn",
      "zienswijzetermijn",
      "begunstigingstermijn",
      "sluitingsduur",
      "spoed",
      "dwangsom",
    ] as const
  ).filter((k) => velden[k] !== undefined);
  const vast = isVastgelegd(z);
  if (vast && profielVelden.length) {
    throw new UserError(
      "vastgelegd",
      `Handhavingszaak ${z.id}: ${profielVelden.join(", ")} staat in het verzonden ${z.profiel.spoed ? "besluit" : "voornemen"} ${vast.kenmerk}; het besluit moet dezelfde waarden noemen`,
    );
  }
  controleerProfiel({
    ...z.profiel,
    ...Object.fromEntries(Object.entries(velden).filter(([k, v]) => v !== undefined && k in z.profiel)),
  } as typeof z.profiel);
  const gewijzigd = ctx.change((tx) => {
    const nu = requireZaak(tx.db, zaakId); // decided again under the lock: a voornemen may have been sent meanwhile
    if (isVastgelegd(nu) && profielVelden.length)
      throw new UserError("vastgelegd", `Handhavingszaak ${z.id} is vastgelegd met het voornemen ${isVastgelegd(nu)!.kenmerk}`);
    return zetZaak(tx, zaakId, velden);
  });
  if (gewijzigd.length === 0)
    throw new UserError("niets-te-wijzigen", "Geef minstens één waarde om te wijzigen, bijv. --overtreder of --begunstigingstermijn");
  const v = volledig(requireZaak(db, zaakId));
  ctx.emit({ ...v, gewijzigd }, () => `Handhavingszaak ${zaakId} bijgewerkt (${gewijzigd.join(", ")}).\n${toon(v)}`);
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

function samenvatting(z: ZaakVolledig) {
  const open = z.stappen.find((s) => !isGesloten(s.status));
  return {
    id: z.id,
    bevinding_id: z.rij.bevinding_id,
    adres_id: z.rij.adres_id,
    adres: z.rij.adres,
    gemeente: z.rij.gemeente,
    categorie: z.rij.categorie,
    status: z.status,
    bestuursorgaan: z.profiel.bestuursorgaan,
    spoor: z.profiel.spoor,
    overtreder_id: z.overtrederId,
    overtreder: z.overtreder,
    hoedanigheid: z.hoedanigheid,
    volgende: open ? { opvolging: open.opvolgingId, stap: open.stap, niet_voor: open.nietVoor } : null,
  };
}

function volledig(z: ZaakVolledig) {
  const k = kalender();
  const d = z.profiel.dwangsom;
  const besluit = eindeNa(z, "besluit", k);
  const verbeurd = d && besluit ? berekenVerbeurd(d, besluit.einde, mislukteHercontroles(z)) : null;
  return {
    ...samenvatting(z),
    profiel: z.profiel,
    kosten: z.kosten,
    vastgelegd: isVastgelegd(z)?.kenmerk ?? null,
    stappen: z.stappen.map((s) => ({
      opvolging: s.opvolgingId,
      stap: s.stap,
      status: s.status,
      niet_voor: s.nietVoor,
      gesloten_op: s.geslotenOp,
      beeindigd: s.beeindigd,
      brief: s.brief,
    })),
    zienswijzen: z.zienswijzen,
    begunstigingstermijn_tot: besluit?.einde ?? null,
    verbeurd: verbeurd
      ? { bedrag: verbeurd.bedrag, constateringen: verbeurd.constateringen, maximum_bereikt: verbeurd.maximumBereikt }
      : null,
  };
}

function toon(v: ReturnType<typeof volledig>): string {
  const p = v.profiel;
  return [
    `Handhavingszaak ${v.id}: ${v.categorie} op ${v.adres} (${v.gemeente}) — ${v.status}`,
    `  bestuursorgaan: ${p.bestuursorgaan}; spoor: ${p.spoor}${p.spoed ? " (spoed)" : ""}${v.vastgelegd ? `; vastgelegd met ${v.vastgelegd}` : ""}`,
    `  overtreder:     ${v.overtreder ? `${v.overtreder} (betrokkene ${v.overtreder_id}), als ${v.hoedanigheid}` : "nog niet aangewezen"}`,
    `  voorschrift:    ${p.voorschrift}`,
    `  bevoegdheid:    ${p.bevoegdheid}`,
    `  maatregel:      ${p.herstelmaatregel}`,
    `  termijnen:      herstel ${p.hersteltermijn}, zienswijze ${p.zienswijzetermijn}, begunstiging ${p.begunstigingstermijn}${p.sluitingsduur ? `, sluiting ${p.sluitingsduur}` : ""}`,
    ...(p.dwangsom
      ? [`  dwangsom:       ${formatEuro(p.dwangsom.bedrag)} per ${p.dwangsom.per}, maximum ${formatEuro(p.dwangsom.maximum)}`]
      : []),
    ...(v.verbeurd
      ? [`  verbeurd:       ${formatEuro(v.verbeurd.bedrag)} (${v.verbeurd.constateringen.map(formatDutch).join(", ") || "nog niets"})`]
      : []),
    "  stappen:",
    ...v.stappen.map(
      (s) =>
        `    [${s.opvolging}] ${stapNaam(s.stap)}: ${s.status}${s.brief ? `, brief ${s.brief.kenmerk} van ${formatDutch(s.brief.datum)}` : ""}${s.niet_voor && !isGesloten(s.status) ? `, vanaf ${formatDutch(s.niet_voor)}` : ""}${s.beeindigd !== null ? (s.beeindigd ? ", beëindigd" : ", niet beëindigd") : ""}`,
    ),
    ...v.zienswijzen.map((x) => `  zienswijze ${x.id} van ${formatDutch(x.ontvangen)}${x.weging ? "" : " (nog niet gewogen)"}`),
  ].join("\n");
}
