import { formatEuro } from "../domain/bedrag.js";
import { adresMetGemeente } from "../domain/adres.js";
import { formatDutch } from "../domain/dates.js";
import { stapNaam } from "../domain/ladder.js";
import { isOpen } from "../domain/opvolging.js";
import type { RapportVerwijzing } from "../domain/brief.js";
import { ondertekenOpdracht } from "../domain/onderteken-opdracht.js";
import type { ZaakDetail } from "../usecases/handhaving.js";
import type { Colors } from "./output.js";
import { renderTable } from "./table.js";

/** `handhaving lijst`: at 80 columns which case, where, and what comes next; who decides and the overtreder give way. */
export function renderZaken(
  zaken: Omit<
    ZaakDetail,
    "profiel" | "kosten" | "vastgelegd" | "rapport_van_bevindingen" | "stappen" | "zienswijzen" | "begunstigingstermijn_tot" | "verbeurd"
  >[],
  c: Colors,
): string {
  if (zaken.length === 0) return "Geen handhavingszaken gevonden.";
  return renderTable(
    zaken,
    [
      { header: "zaak", value: (z) => z.id, align: "right", priority: 1 },
      { header: "adres", value: (z) => adresMetGemeente(z), priority: 2 },
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
    c,
  );
}

const getekend = (r: RapportVerwijzing) => `${r.kenmerk} versie ${r.versie} van ${formatDutch(r.datum)}`;

/**
 * A hercontrole's own report: named when signed; when it found the violation still there and is
 * not signed, the command that signs it (an invordering or kostenverhaal waits for it).
 */
function hercontroleRapport(s: ZaakDetail["stappen"][number]): string {
  if (!("rapport" in s)) return "";
  if (s.rapport) return `, rapport ${getekend(s.rapport)}`;
  return s.beeindigd === false ? `, rapport nog niet ondertekend: ${ondertekenOpdracht.hercontrole(s.opvolging)}` : "";
}

/** `handhaving toon`: the values, the overtreder, the reports, the steps with their letters, the zienswijzen, what is forfeited. */
export function renderZaak(v: ZaakDetail): string {
  const p = v.profiel;
  const rapport = v.rapport_van_bevindingen
    ? getekend(v.rapport_van_bevindingen)
    : `nog niet ondertekend (het besluit rust erop): ${ondertekenOpdracht.rapport(v.avond_id, v.adres_id)}`;
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
    `  rapport:        ${rapport}`,
    "  stappen:",
    ...v.stappen.map(
      (s) =>
        `    [${s.opvolging}] ${stapNaam(s.stap)}: ${s.status}${s.brief ? `, brief ${s.brief.kenmerk} van ${formatDutch(s.brief.datum)}` : ""}${s.niet_voor && isOpen(s.status) ? `, vanaf ${formatDutch(s.niet_voor)}` : ""}${s.beeindigd !== null ? (s.beeindigd ? ", beëindigd" : ", niet beëindigd") : ""}${hercontroleRapport(s)}`,
    ),
    ...v.zienswijzen.map((x) => `  zienswijze ${x.id} van ${formatDutch(x.ontvangen)}${x.weging ? "" : " (nog niet gewogen)"}`),
  ].join("\n");
}
