import type { Command } from "commander";
import { sqlOf } from "../db/sqlite/sql.js";
import { action, type Runtime } from "./runtime.js";
import { listPartners, requirePartner } from "../db/referentie.js";
import { terugkoppelingVoor } from "../db/terugkoppeling.js";
import { adresMetGemeente } from "../domain/adres.js";
import { formatDutch } from "../domain/dates.js";
import {
  BETROKKENHEID_TEKST,
  bevindingSamenvatting,
  signaalSamenvatting,
  statusPerPartner,
  type TerugkoppelingData,
} from "../domain/terugkoppeling.js";
import type { Colors } from "../render/output.js";
import { terminalWidth, wrapIndented } from "../render/terminal.js";
import { verplicht } from "./hulp.js";

/** `rapport terugkoppeling`: registered on the `rapport` command, which other reports share. */
export function registerTerugkoppeling(rapport: Command, rt: Runtime): void {
  rapport
    .command("terugkoppeling")
    .description(
      "per partner: wat er gebeurde met elk signaal dat zij inbracht, en met de bevindingen waar zij bij betrokken is (opvolging van anderen alleen als status)",
    )
    .addOption(verplicht("--partner <partner>", "de partner die de terugkoppeling krijgt"))
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
          (await listPartners(sqlOf(db))).map((p) => ({ name: p.naam, value: p.naam })),
        );
        const data = terugkoppelingVoor(db, await requirePartner(sqlOf(db), naam), ctx.today());
        if (pdf) {
          const { terugkoppelingPdf } = await import("../render/pdf/terugkoppeling.js");
          const { savePdf } = await import("../render/pdf/document.js");
          await savePdf(terugkoppelingPdf(data), pdf);
        }
        ctx.emit({ ...data, ...(opts.pdf !== undefined ? { bestand: opts.pdf } : {}) }, () =>
          [renderTerugkoppeling(data, ctx.color), ...(opts.pdf !== undefined ? ["", `PDF geschreven: ${opts.pdf}`] : [])].join("\n"),
        );
      }),
    );
}

function renderTerugkoppeling(d: TerugkoppelingData, c: Colors): string {
  const w = terminalWidth();
  const lines = [c.bold(`Terugkoppeling aan ${d.partner} (stand per ${formatDutch(d.datum)})`), ""];
  lines.push(c.bold(`Signalen van ${d.partner}`), ...wrapIndented(signaalSamenvatting(d.signaaltotalen), w, "  ", "  "));
  for (const s of d.signalen) {
    lines.push(
      "",
      ...wrapIndented(`${formatDutch(s.datum)} — ${adresMetGemeente(s)}${s.thema ? `, ${s.thema}` : ""}`, w, "  ", "    "),
      ...wrapIndented(`Signaal: ${s.omschrijving}`, w, "    ", "      "),
      ...wrapIndented(`Uitkomst: ${s.tekst}`, w, "    ", "      "),
    );
  }
  lines.push("", c.bold("Bevindingen"), ...wrapIndented(`${bevindingSamenvatting(d.totalen)}.`, w, "  ", "  "));
  for (const b of d.bevindingen) {
    lines.push(
      "",
      ...wrapIndented(`Bevinding ${b.id} — ${b.categorie_naam} — ${adresMetGemeente(b)}`, w, "  ", "    ").map((l) => c.bold(l)),
      ...wrapIndented(
        `avond ${b.avond_id}, ${formatDutch(b.datum)}; eigenaar ${b.eigenaar}; rol: ${b.betrokkenheid.map((x) => BETROKKENHEID_TEKST[x] ?? x).join(", ")}`,
        w,
        "    ",
        "      ",
      ),
    );
    if (b.omschrijving)
      lines.push(...wrapIndented(`${b.omschrijving}${b.maatregel ? ` — maatregel: ${b.maatregel}` : ""}`, w, "    ", "      "));
    if (b.opvolgingen.length === 0) lines.push("    Nog geen opvolging vastgelegd.");
    for (const o of b.opvolgingen) {
      if (!o.eigen) continue;
      const status = o.verlopen ? c.red(`${o.status}, VERLOPEN`) : o.status;
      lines.push(
        ...wrapIndented(
          `${o.actie} (${o.partner}), uiterlijk ${formatDutch(o.deadline)}: ${status}${o.resultaat ? ` — ${o.resultaat}` : ""}`,
          w,
          "    - ",
          "      ",
        ),
      );
    }
    for (const s of statusPerPartner(b.opvolgingen)) lines.push(...wrapIndented(`opvolging door ${s}`, w, "    - ", "      "));
  }
  return lines.join("\n");
}
