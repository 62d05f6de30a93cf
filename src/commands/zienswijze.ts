import type { Command } from "commander";
import { formatAdres, metAdres } from "../domain/adres.js";
import { action, type Runtime } from "./runtime.js";
import { verplicht } from "./hulp.js";
import type { Ctx } from "../context.js";
import { formatDutch, parseDate } from "../domain/dates.js";
import { parseId, requireText } from "../domain/invoer.js";
import { UserError } from "../errors.js";
import { renderTable } from "../render/table.js";
import { addZienswijzen, showZienswijzen, weighZienswijze } from "../usecases/zienswijze.js";

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
        const z = await weighZienswijze(ctx.store(), zid, weging);
        ctx.emit(metAdres(z), () => `Weging van zienswijze ${zid} vastgelegd.`);
      }),
    );

  zw.command("lijst")
    .description("toon zienswijzen")
    .option("--handhaving <id>", "alleen van deze handhavingszaak")
    .action(
      action<{ handhaving?: string }>(rt, async (ctx, opts) => {
        const rows = await showZienswijzen(ctx.store(), {
          handhaving: opts.handhaving !== undefined ? parseId("handhaving", opts.handhaving) : undefined,
        });
        if (!ctx.json && rows.length === 0) {
          ctx.out("Geen zienswijzen.");
          return;
        }
        ctx.emit(rows.map(metAdres), () =>
          renderTable(
            rows,
            [
              // An unweighed zienswijze holds the besluit back: "gewogen" stays at 80 columns, the summary gives way.
              { header: "id", value: (r) => r.id, align: "right", priority: 1 },
              { header: "zaak", value: (r) => r.handhaving_id, align: "right", priority: 4 },
              { header: "voornemen", value: (r) => r.kenmerk ?? "", priority: 3 },
              { header: "ontvangen", value: (r) => formatDutch(r.ontvangen), priority: 2 },
              { header: "adres", value: (r) => formatAdres(r), priority: 3 },
              { header: "samenvatting", value: (r) => r.samenvatting, priority: 6 },
              { header: "gewogen", value: (r) => (r.weging ? "ja" : "nee"), priority: 2 },
            ],
            ctx.color,
          ),
        );
      }),
    );
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
  const rows = (
    await addZienswijzen(ctx.store(), {
      brief: opts.brief,
      opvolgingId: opts.brief === undefined ? parseId("opvolging", opts.opvolging!) : undefined,
      ontvangen,
      samenvatting,
      weging,
    })
  ).map(metAdres);
  const ids = rows.map((r) => r.id);
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
