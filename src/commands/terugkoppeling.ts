import type { Command } from "commander";
import { action, type Runtime } from "./runtime.js";
import { terugkoppeling } from "../db/opvolging.js";
import { listPartners, requirePartner } from "../db/referentie.js";
import { formatDutch } from "../domain/dates.js";
import { opvolgingView } from "../domain/opvolging.js";
import { BETROKKENHEID_TEKST, totalen } from "../domain/terugkoppeling.js";

/** `rapport terugkoppeling`: registered on the `rapport` command, which other reports share. */
export function registerTerugkoppeling(rapport: Command, rt: Runtime): void {
  rapport
    .command("terugkoppeling")
    .description("per partner: elke bevinding die zij aandroeg of in eigendom heeft, wat ermee is gedaan en het resultaat")
    .option("--partner <partner>", "de partner die de terugkoppeling krijgt")
    .option("--pdf <bestand>", "schrijf ook een PDF")
    .option("--overschrijven", "een bestaand PDF-bestand vervangen")
    .action(
      action<{ partner?: string; pdf?: string; overschrijven?: boolean }>(rt, async (ctx, opts) => {
        const pdf = opts.pdf !== undefined ? ctx.outputFile(opts.pdf, "pdf", opts.overschrijven) : undefined;
        const db = ctx.db();
        const naam = await ctx.needChoice(
          "partner",
          opts.partner,
          "Partner",
          listPartners(db).map((p) => ({ name: p.naam, value: p.naam })),
        );
        const partner = requirePartner(db, naam);
        const vandaag = ctx.today();
        const rows = terugkoppeling(db, partner.id, vandaag);
        const bevindingen = rows.map((r) => ({ ...r.bevinding, opvolgingen: r.opvolgingen.map((o) => opvolgingView(o, vandaag)) }));
        const data = { partner: partner.naam, datum: vandaag, totalen: totalen(bevindingen, vandaag), bevindingen };
        if (pdf) {
          const { terugkoppelingPdf } = await import("../render/pdf/terugkoppeling.js");
          const { savePdf } = await import("../render/pdf/document.js");
          await savePdf(terugkoppelingPdf(data), pdf);
        }
        const c = ctx.color;
        ctx.emit({ ...data, ...(opts.pdf !== undefined ? { bestand: opts.pdf } : {}) }, () => {
          const t = data.totalen;
          const lines = [
            c.bold(`Terugkoppeling aan ${partner.naam} (stand per ${formatDutch(vandaag)})`),
            `${t.bevindingen} bevinding(en), ${t.bevindingenAfgesloten} volledig afgesloten; ${t.opvolgingen} actie(s): ${t.afgerond} afgerond, ${t.doodgelopen} doodgelopen, ${t.open} open${t.verlopen ? `, ${c.red(`${t.verlopen} verlopen`)}` : ""}.`,
          ];
          for (const b of bevindingen) {
            lines.push(
              "",
              c.bold(`Bevinding ${b.id} — ${b.categorie_naam} — ${b.adres} (${b.gemeente})`),
              `  avond ${b.avond_id}, ${formatDutch(b.datum)}; eigenaar ${b.eigenaar}; rol: ${b.betrokkenheid.map((x) => BETROKKENHEID_TEKST[x] ?? x).join(", ")}`,
              `  ${b.omschrijving}${b.maatregel ? ` — maatregel: ${b.maatregel}` : ""}`,
            );
            if (b.opvolgingen.length === 0) lines.push("  Nog geen opvolging vastgelegd.");
            for (const o of b.opvolgingen) {
              const status = o.verlopen ? c.red(`${o.status}, VERLOPEN`) : o.status;
              lines.push(
                `  - ${o.actie} (${o.partner}), uiterlijk ${formatDutch(o.deadline)}: ${status}${o.resultaat ? ` — ${o.resultaat}` : ""}`,
              );
            }
          }
          if (opts.pdf !== undefined) lines.push("", `PDF geschreven: ${opts.pdf}`);
          return lines.join("\n");
        });
      }),
    );
}
