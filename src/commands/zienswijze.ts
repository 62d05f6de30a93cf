import type { Command } from "commander";
import { action, type Runtime } from "./runtime.js";
import { verplicht } from "./hulp.js";
import type { Ctx } from "../context.js";
import type { Db } from "../db/connection.js";
import { insertZienswijze, listZienswijzen, requireZaak, wegZienswijze, zakenVanBrief, zetBesluitVanaf } from "../db/handhaving.js";
import { requireOpvolging } from "../db/opvolging.js";
import { formatDutch, parseDate } from "../domain/dates.js";
import { parseId, requireText } from "../domain/invoer.js";
import { isGesloten } from "../domain/opvolging.js";
import { notFound, UserError } from "../errors.js";
import { renderTable } from "../render/table.js";

interface ToevoegenOpts {
  opvolging?: string;
  brief?: string;
  ontvangen?: string;
  samenvatting?: string;
  weging?: string;
}

/** Zienswijzen (4:8 Awb) on a voornemen: recorded, weighed, and named in the besluit. */
export function register(program: Command, rt: Runtime): void {
  const zw = program.command("zienswijze").description("zienswijzen op een voornemen: vastleggen, wegen, tonen");

  zw.command("toevoegen")
    .description("leg een ontvangen zienswijze vast; het besluit is daarna meteen aan de beurt")
    .option("--opvolging <id>", "het voornemen of het besluit van de handhavingszaak")
    .addOption(
      verplicht("--brief <kenmerk>", "het kenmerk van het voornemen, bijv. INT-2026-000003 (alle zaken van die brief; of --opvolging)"),
    )
    .addOption(verplicht("--ontvangen <datum>", "datum van ontvangst"))
    .addOption(verplicht("--samenvatting <tekst>", "wat de overtreder naar voren brengt, kort"))
    .option("--weging <tekst>", "hoe de zienswijze is gewogen (komt in het besluit; kan ook later met zienswijze wegen)")
    .action(action<ToevoegenOpts>(rt, toevoegen));

  zw.command("wegen <id>")
    .description("leg vast hoe een zienswijze is gewogen (het besluit noemt dit)")
    .addOption(verplicht("--weging <tekst>", "de weging"))
    .action(
      action<{ weging?: string }>(rt, async (ctx, opts, id) => {
        const zid = parseId("id", id as string);
        const weging = requireText("weging", await ctx.needText("weging", opts.weging, "Weging van de zienswijze"), 3000);
        ctx.change((tx) => {
          const [z] = listZienswijzen(tx.db, { id: zid });
          if (!z) throw notFound("Zienswijze", zid);
          if (!besluitOpen(tx.db, z.handhaving_id))
            throw new UserError("al-gesloten", `Het besluit van handhavingszaak ${z.handhaving_id} is al genomen; de weging staat daarin`);
          wegZienswijze(tx, zid, weging);
        });
        const [z] = listZienswijzen(ctx.db(), { id: zid });
        ctx.emit(z, () => `Weging van zienswijze ${zid} vastgelegd.`);
      }),
    );

  zw.command("lijst")
    .description("toon zienswijzen")
    .option("--handhaving <id>", "alleen van deze handhavingszaak")
    .action(
      action<{ handhaving?: string }>(rt, (ctx, opts) => {
        const rows = listZienswijzen(ctx.db(), {
          handhavingId: opts.handhaving !== undefined ? parseId("handhaving", opts.handhaving) : undefined,
        });
        if (!ctx.json && rows.length === 0) {
          ctx.out("Geen zienswijzen.");
          return;
        }
        ctx.emit(rows, () =>
          renderTable(
            rows,
            [
              // An unweighed zienswijze holds the besluit back: "gewogen" stays at 80 columns, the summary gives way.
              { header: "id", value: (r) => r.id, align: "right", priority: 1 },
              { header: "zaak", value: (r) => r.handhaving_id, align: "right", priority: 4 },
              { header: "voornemen", value: (r) => r.kenmerk ?? "", priority: 3 },
              { header: "ontvangen", value: (r) => formatDutch(r.ontvangen), priority: 2 },
              { header: "adres", value: (r) => r.adres, priority: 3 },
              { header: "samenvatting", value: (r) => r.samenvatting, priority: 6 },
              { header: "gewogen", value: (r) => (r.weging ? "ja" : "nee"), priority: 2 },
            ],
            ctx.color,
          ),
        );
      }),
    );
}

/** The zaak's besluit is still to be made (a voornemen was sent, the besluit step is open). */
function besluitOpen(db: Db, zaakId: number): boolean {
  return requireZaak(db, zaakId).stappen.some((s) => s.stap === "besluit" && !isGesloten(s.status));
}

async function toevoegen(ctx: Ctx, opts: ToevoegenOpts): Promise<void> {
  if (opts.opvolging === undefined && opts.brief === undefined) {
    if (!ctx.interactive)
      throw new UserError(
        "ontbrekende-optie",
        "Ontbrekende optie --opvolging <id> of --brief <kenmerk> (verplicht zonder interactieve terminal)",
      );
    opts.brief = await ctx.needText("brief", undefined, "Kenmerk van het voornemen");
  }
  const ontvangen = parseDate(await ctx.needText("ontvangen", opts.ontvangen, "Datum van ontvangst"), "ontvangen");
  const samenvatting = requireText("samenvatting", await ctx.needText("samenvatting", opts.samenvatting, "Samenvatting"), 3000);
  const weging = opts.weging !== undefined ? requireText("weging", opts.weging, 3000) : null;
  if (ontvangen > ctx.today()) throw new UserError("ongeldige-invoer", `ontvangen: ${formatDutch(ontvangen)} ligt na vandaag`);
  const ids = ctx.change((tx) => {
    let zaakIds: number[];
    let briefId: number | null = null;
    if (opts.brief !== undefined) {
      const b = zakenVanBrief(tx.db, opts.brief);
      if (!b) throw notFound("Brief", opts.brief);
      if (b.zaakIds.length === 0) throw new UserError("geen-zaak", `Brief ${opts.brief} hoort niet bij een handhavingszaak`);
      zaakIds = b.zaakIds;
      briefId = b.briefId;
    } else {
      const o = requireOpvolging(tx.db, parseId("opvolging", opts.opvolging!));
      if (o.handhaving_id === null) throw new UserError("geen-zaak", `Opvolging ${o.id} hoort niet bij een handhavingszaak`);
      zaakIds = [o.handhaving_id];
    }
    return zaakIds.map((zaakId) => {
      const z = requireZaak(tx.db, zaakId);
      const voornemen = [...z.stappen].reverse().find((s) => s.stap === "voornemen" && s.brief);
      if (!voornemen?.brief) throw new UserError("geen-voornemen", `Handhavingszaak ${zaakId} heeft nog geen verzonden voornemen`);
      if (!besluitOpen(tx.db, zaakId)) throw new UserError("al-gesloten", `Het besluit van handhavingszaak ${zaakId} is al genomen`);
      if (ontvangen < voornemen.brief.datum) {
        throw new UserError(
          "ongeldige-invoer",
          `ontvangen: ${formatDutch(ontvangen)} ligt vóór het voornemen ${voornemen.brief.kenmerk} (${formatDutch(voornemen.brief.datum)})`,
        );
      }
      const id = insertZienswijze(tx, { handhavingId: zaakId, briefId, ontvangen, samenvatting, weging });
      zetBesluitVanaf(tx, zaakId, ontvangen);
      return id;
    });
  });
  const rows = ids.map((id) => listZienswijzen(ctx.db(), { id })[0]!);
  ctx.emit(ids.length === 1 ? { ...rows[0]!, id: ids[0] } : { id: ids[0], zienswijzen: rows }, () =>
    [
      `Zienswijze van ${formatDutch(ontvangen)} vastgelegd (${ids.map((id, i) => `zienswijze ${id}, zaak ${rows[i]!.handhaving_id}`).join("; ")}).`,
      weging
        ? "Het besluit is nu aan de beurt."
        : ctx.color.yellow(
            `Het besluit is aan de beurt zodra de weging is vastgelegd: interventie zienswijze wegen ${ids[0]} --weging <tekst>`,
          ),
    ].join("\n"),
  );
}
