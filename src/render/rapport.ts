import { formatDutch } from "../domain/dates.js";
import {
  formatPercentage,
  periodeTekst,
  restRegel,
  type GroepCijfers,
  type JaarRapport,
  type OpvolgingRapport,
  type Periode,
  type TopRapport,
} from "../domain/rapport.js";
import { aantal } from "../domain/tekst.js";
import type { Werkvoorraad } from "../db/handhaving.js";
import { toCsv } from "./csv.js";
import type { Colors } from "./output.js";
import { renderTable } from "./table.js";
import { terminalWidth, wrap as wrapText } from "./terminal.js";

const LEEG = "Geen bevindingen in deze periode";

/** What a report covers, as its heading lines: the period, then the gemeente and partner chosen. */
export function rapportBeschrijving(p: Periode, namen: { gemeente?: string; partner?: string }): string[] {
  const out = [`Periode: ${periodeTekst(p, formatDutch)}`];
  if (namen.gemeente !== undefined) out.push(`Gemeente: ${namen.gemeente}`);
  if (namen.partner !== undefined) out.push(`Partner: ${namen.partner}`);
  return out;
}

/** `rapport top --csv`. */
export function topCsv(r: TopRapport): string {
  const rows: (string | number)[][] = [["categorie", "naam", "aantal"], ...r.top.map((t) => [t.categorie, t.naam, t.aantal])];
  if (r.totaal > 0) rows.push(["overig", restRegel(r.overig), r.overig.bevindingen]);
  return toCsv(rows);
}

/** `rapport top`. */
export function renderTop(c: Colors, r: TopRapport, n: number, beschrijving: string[], pdf?: string): string {
  const lines = [c.bold(`Top ${n} van de meest voorkomende overtredingen`), ...beschrijving.map((b) => c.dim(b)), ""];
  if (r.totaal === 0) {
    lines.push(`${LEEG}.`);
  } else {
    lines.push(
      renderTable(
        r.top.map((t, i) => ({ ...t, rang: i + 1 })),
        [
          { header: "#", value: (t) => t.rang, align: "right" },
          { header: "overtreding", value: (t) => t.naam },
          { header: "code", value: (t) => t.categorie },
          { header: "aantal", value: (t) => t.aantal, align: "right" },
        ],
        c,
      ),
    );
    if (r.overig.bevindingen > 0) lines.push(restRegel(r.overig));
    lines.push(`Totaal: ${aantal(r.totaal, "bevinding", "bevindingen")}.`);
  }
  if (pdf) lines.push(c.green(`PDF geschreven: ${pdf}`));
  return lines.join("\n");
}

/** `rapport jaar`: the year report at the terminal, section by section. */
export function renderJaar(c: Colors, r: JaarRapport, pdf?: string): string {
  const lines = [
    c.bold(`Jaarverslag ${r.jaar}`),
    ...wrapText(
      `Controleavonden ${formatDutch(r.van)} t/m ${formatDutch(r.tot)}; opvolging per ${formatDutch(r.vandaag)}`,
      terminalWidth(),
    ).map(c.dim),
  ];
  const section = (t: string) => lines.push("", c.bold(t));
  section("Bezochte objecten naar type");
  if (r.objecten.length === 0) lines.push("Geen bezochte objecten in dit jaar.");
  else
    lines.push(
      renderTable(
        r.objecten,
        [
          { header: "type", value: (o) => o.type },
          { header: "controles", value: (o) => o.bezoeken, align: "right" },
          { header: "adressen", value: (o) => o.adressen, align: "right" },
        ],
        c,
      ),
    );
  section("Controleavonden en adressen per gemeente");
  if (r.gemeenten.length) {
    lines.push(
      renderTable(
        r.gemeenten,
        [
          { header: "gemeente", value: (g) => g.gemeente },
          { header: "avonden", value: (g) => g.avonden, align: "right" },
          { header: "adressen", value: (g) => g.adressen, align: "right" },
          { header: "bevindingen", value: (g) => g.bevindingen, align: "right" },
        ],
        c,
      ),
    );
  } else lines.push("Geen controleavonden in dit jaar.");
  section("Acties per thema");
  if (r.themas.length)
    lines.push(
      renderTable(
        r.themas,
        [
          { header: "thema", value: (t) => t.thema },
          { header: "bevindingen", value: (t) => t.bevindingen, align: "right" },
          { header: "adressen", value: (t) => t.adressen, align: "right" },
        ],
        c,
      ),
    );
  else lines.push(`${LEEG}.`);
  section("Top 10 van de meest voorkomende overtredingen");
  if (r.top.totaal === 0) lines.push(`${LEEG}.`);
  else {
    lines.push(
      renderTable(
        r.top.top,
        [
          { header: "overtreding", value: (t) => t.naam },
          { header: "aantal", value: (t) => t.aantal, align: "right" },
          { header: "% adressen", value: (t) => formatPercentage(t.percentage), align: "right" },
        ],
        c,
      ),
    );
    if (r.top.overig.bevindingen > 0) lines.push(restRegel(r.top.overig));
  }
  section("Resultaten per partnerorganisatie");
  lines.push(r.partners.length ? groepTabel(c, r.partners, "partner") : `${LEEG}.`);
  section("Direct genomen maatregelen");
  lines.push(
    `${r.maatregelen.totaal} keer direct een maatregel genomen.`,
    ...r.maatregelen.soorten.map((m) => `  ${m.aantal} × ${m.maatregel}`),
  );
  section("Aangetroffen personen");
  lines.push(`${aantal(r.personen.totaal, "persoon", "personen")} op ${aantal(r.personen.adressen, "adres", "adressen")}.`);
  section("Opvolgingspercentage");
  lines.push(opvolgingZin(r.opvolging));
  if (pdf) lines.push("", c.green(`PDF geschreven: ${pdf}`));
  return lines.join("\n");
}

function opvolgingZin(o: OpvolgingRapport["totaal"]): string {
  return wrapText(
    `${formatPercentage(o.percentage)} van de bevindingen met opvolging is afgehandeld (${o.bevindingenAfgerond} van ${o.metOpvolging}); ${aantal(o.open, "opvolgactie", "opvolgacties")} open, waarvan ${o.verlopen} verlopen.`,
    terminalWidth(),
  ).join("\n");
}

function groepTabel(c: Colors, rows: GroepCijfers[], kop: string): string {
  return renderTable(
    rows,
    [
      { header: kop, value: (g) => g.naam, priority: 1 },
      { header: "bevindingen", value: (g) => g.bevindingen, align: "right", priority: 4 },
      { header: "afgehandeld", value: (g) => `${g.bevindingenAfgerond}/${g.metOpvolging}`, align: "right", priority: 7 },
      { header: "opvolg-%", value: (g) => formatPercentage(g.percentage), align: "right", priority: 3 },
      { header: "acties", value: (g) => g.opvolgingen, align: "right", priority: 6 },
      { header: "afgerond", value: (g) => g.afgerond, align: "right", priority: 5 },
      { header: "open", value: (g) => g.open, align: "right", priority: 4 },
      // What the projectleider chases: overdue actions stay visible longest.
      { header: "verlopen", value: (g) => g.verlopen, align: "right", priority: 2 },
      { header: "doodgelopen", value: (g) => g.doodgelopen, align: "right", priority: 8 },
    ],
    c,
  );
}

/** `rapport opvolging`: the share handled, per gemeente and per partner, and the werkvoorraad against capacity. */
export function renderOpvolgingRapport(c: Colors, r: OpvolgingRapport & { werkvoorraad: Werkvoorraad[] }, beschrijving: string[]): string {
  const lines = [
    c.bold("Opvolging van bevindingen"),
    ...beschrijving.map((b) => c.dim(b)),
    c.dim(`Verlopen: termijn vóór ${formatDutch(r.vandaag)} en niet afgerond`),
    "",
  ];
  if (r.totaal.bevindingen === 0) return [...lines, `${LEEG}.`].join("\n");
  lines.push(opvolgingZin(r.totaal), "", c.bold("Per gemeente"), groepTabel(c, r.gemeenten, "gemeente"));
  lines.push(
    "",
    c.bold("Per partner"),
    c.dim("bevindingen: eigenaar van de bevinding; acties: eigenaar van de opvolgactie"),
    groepTabel(c, r.partners, "partner"),
  );
  if (r.werkvoorraad.length) {
    lines.push(
      "",
      c.bold("Werkvoorraad handhaving per gemeente"),
      renderTable(
        r.werkvoorraad,
        [
          { header: "gemeente", value: (w) => w.gemeente },
          { header: "open zaken", value: (w) => w.open_zaken, align: "right" },
          { header: "capaciteit", value: (w) => w.capaciteit ?? "—", align: "right" },
          { header: "", value: (w) => (w.capaciteit !== null && w.open_zaken > w.capaciteit ? c.redBold("boven capaciteit") : "") },
        ],
        c,
      ),
    );
  }
  return lines.join("\n");
}
