import type { Command } from "commander";
import { action, type Runtime } from "./runtime.js";
import { listAdressen, requireAdres } from "../db/adres.js";
import { listPartners, requirePartner } from "../db/referentie.js";
import { formatAdres, metAdres } from "../domain/adres.js";
import { formatDutch } from "../domain/dates.js";
import { signaalDatum } from "../domain/signaal.js";
import { optionalText, parseId, requireText } from "../domain/invoer.js";
import { renderSignalen } from "../render/signaal.js";
import { addSignaal, showSignalen } from "../usecases/signaal.js";
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
        const adresId = parseId(
          "adres",
          await ctx.needChoice("adres", opts.adres, "Adres", async () =>
            (await ctx.read(listAdressen)).map((a) => ({ name: `${formatAdres(a)} (${a.gemeente})`, value: String(a.id) })),
          ),
        );
        await ctx.read((sql) => requireAdres(sql, adresId)); // an unknown address is refused before anything else is asked
        const partner = await ctx.needChoice("partner", opts.partner, "Partner", async () =>
          (await ctx.read(listPartners)).map((p) => ({ name: p.naam, value: p.naam })),
        );
        await ctx.read((sql) => requirePartner(sql, partner));
        const omschrijving = await ctx.needValue(
          "omschrijving",
          opts.omschrijving,
          "Omschrijving (zo min mogelijk persoonsgegevens)",
          (v) => requireText("omschrijving", v, 2000),
        );
        const thema = optionalText("thema", opts.thema, 40)?.toLowerCase() ?? null;
        const datum = signaalDatum(opts.datum, ctx.today());
        const s = await addSignaal(ctx.store(), { adresId, partner, omschrijving, thema, datum });
        ctx.emit(
          { id: s.id, adres_id: s.adres.id, partner: s.partner, omschrijving, thema, datum },
          () => `Signaal ${s.id} van ${s.partner} vastgelegd bij ${formatAdres(s.adres)} (${formatDutch(datum)}).`,
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
        const rows = await showSignalen(ctx.store(), opts);
        ctx.emit(rows.map(metAdres), () => renderSignalen(rows, ctx.color));
      }),
    );
}
