import type { Command } from "commander";
import { sqlOf } from "../db/sqlite/sql.js";
import { action, type Runtime } from "./runtime.js";
import { listAdressen, requireAdres } from "../db/adres.js";
import { listPartners, requireGemeente, requirePartner } from "../db/referentie.js";
import { insertSignaal, listSignalen } from "../db/signaal.js";
import { formatAdres } from "../domain/adres.js";
import { formatDutch } from "../domain/dates.js";
import { signaalDatum } from "../domain/signaal.js";
import { optionalText, parseId, requireText } from "../domain/invoer.js";
import { renderTable } from "../render/table.js";
import { verplicht } from "./hulp.js";

export function register(program: Command, rt: Runtime): void {
  const signaal = program.command("signaal").description("signalen van partners over adressen");

  signaal
    .command("toevoegen")
    .description("leg een signaal vast")
    .addOption(verplicht("--adres <id>", "adres-id"))
    .addOption(verplicht("--partner <partner>", "partner die het signaal inbrengt"))
    .addOption(verplicht("--omschrijving <tekst>", "wat is er gesignaleerd (zo min mogelijk persoonsgegevens)"))
    .option("--thema <thema>", "bijv. huisvesting, arbeid, drugs")
    .option("--datum <datum>", "datum van het signaal (standaard vandaag)")
    .action(
      action<{ adres?: string; partner?: string; omschrijving?: string; thema?: string; datum?: string }>(rt, async (ctx, opts) => {
        const db = ctx.db();
        const adresText = await ctx.needChoice(
          "adres",
          opts.adres,
          "Adres",
          listAdressen(db).map((a) => ({ name: `${formatAdres(a)} (${a.gemeente})`, value: String(a.id) })),
        );
        const adres = requireAdres(db, parseId("adres", adresText));
        const partner = await requirePartner(
          sqlOf(db),
          await ctx.needChoice(
            "partner",
            opts.partner,
            "Partner",
            (await listPartners(sqlOf(db))).map((p) => ({ name: p.naam, value: p.naam })),
          ),
        );
        const omschrijving = await ctx.needValue(
          "omschrijving",
          opts.omschrijving,
          "Omschrijving (zo min mogelijk persoonsgegevens)",
          (v) => requireText("omschrijving", v, 2000),
        );
        const thema = optionalText("thema", opts.thema, 40)?.toLowerCase() ?? null;
        const datum = signaalDatum(opts.datum, ctx.today());
        const id = await ctx.change((tx) => insertSignaal(tx, { adresId: adres.id, partnerId: partner.id, omschrijving, thema, datum }));
        ctx.emit(
          { id, adres_id: adres.id, partner: partner.naam, omschrijving, thema, datum },
          () => `Signaal ${id} van ${partner.naam} vastgelegd bij ${formatAdres(adres)} (${formatDutch(datum)}).`,
        );
      }),
    );

  signaal
    .command("lijst")
    .description("toon signalen, nieuwste eerst")
    .option("--gemeente <gemeente>", "alleen deze gemeente")
    .option("--partner <partner>", "alleen signalen van deze partner")
    .action(
      action<{ gemeente?: string; partner?: string }>(rt, async (ctx, opts) => {
        const db = ctx.db();
        const gemeenteId = opts.gemeente !== undefined ? (await requireGemeente(sqlOf(db), opts.gemeente)).id : undefined;
        const partnerId = opts.partner !== undefined ? (await requirePartner(sqlOf(db), opts.partner)).id : undefined;
        const rows = listSignalen(db, { gemeenteId, partnerId });
        ctx.emit(rows, () =>
          rows.length === 0
            ? "Geen signalen gevonden."
            : renderTable(
                rows,
                [
                  { header: "id", value: (r) => r.id, align: "right", priority: 1 },
                  { header: "datum, partner", value: (r) => `${formatDutch(r.datum)}\n${r.partner}`, priority: 2 },
                  { header: "adres", value: (r) => r.adres, priority: 2 },
                  { header: "gemeente", value: (r) => r.gemeente, priority: 8 },
                  { header: "thema", value: (r) => r.thema, priority: 7 },
                  { header: "omschrijving", value: (r) => r.omschrijving, priority: 3 },
                ],
                ctx.color,
              ),
        );
      }),
    );
}
