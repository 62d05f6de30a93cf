import type { Opvolging } from "../db/opvolging.js";
import { adresMetGemeente, formatAdres } from "../domain/adres.js";
import { formatDutch } from "../domain/dates.js";
import { isOpen, opvolgingView } from "../domain/opvolging.js";
import { aantal } from "../domain/tekst.js";
import type { Colors } from "./output.js";
import { renderTable } from "./table.js";

/**
 * A follow-up as `opvolging lijst|toevoegen|bijwerken --json` show it: the fields of its list
 * (the address as text too), beeindigd as a boolean and whether it is overdue today.
 */
export function opvolgingJson(o: Opvolging, vandaag: string) {
  const v = opvolgingView(o, vandaag);
  return {
    id: v.id,
    bevinding_id: v.bevinding_id,
    avond_id: v.avond_id,
    avond_datum: v.avond_datum,
    adres_id: v.adres_id,
    adres: formatAdres(v),
    straat: v.straat,
    huisnummer: v.huisnummer,
    toevoeging: v.toevoeging,
    postcode: v.postcode,
    plaats: v.plaats,
    gemeente: v.gemeente,
    categorie: v.categorie,
    bevinding_partner: v.bevinding_partner,
    actie: v.actie,
    partner: v.partner,
    deadline: v.deadline,
    status: v.status,
    resultaat: v.resultaat,
    beeindigd: v.beeindigd,
    gesloten_op: v.gesloten_op,
    stap: v.stap,
    niet_voor: v.niet_voor,
    sjabloon: v.sjabloon,
    handhaving_id: v.handhaving_id,
    /** Raised by every change: `opvolging bijwerken --verwachte-versie` refuses a change based on an older one. */
    versie: v.versie,
    verlopen: v.verlopen,
  };
}

/** `opvolging lijst`: at 80 columns what, when, where and how far; who, the finding and the result give way first. */
export function renderOpvolgingen(rows: ReturnType<typeof opvolgingJson>[], vandaag: string, c: Colors): string {
  if (rows.length === 0) return "Geen opvolgingen gevonden.";
  const verlopen = rows.filter((r) => r.verlopen).length;
  return [
    renderTable(
      rows,
      [
        { header: "", value: (r) => (r.verlopen ? c.redBold("!") : ""), priority: 1 },
        { header: "id", value: (r) => r.id, align: "right", priority: 1 },
        {
          header: "deadline",
          priority: 2,
          value: (r) =>
            (r.verlopen ? c.redBold(`${formatDutch(r.deadline)} VERLOPEN`) : formatDutch(r.deadline)) +
            (r.niet_voor && r.niet_voor > vandaag && isOpen(r.status) ? `\n${c.dim(`niet vóór ${formatDutch(r.niet_voor)}`)}` : ""),
        },
        { header: "actie", value: (r) => r.actie, priority: 2 },
        { header: "partner", value: (r) => r.partner, priority: 6 },
        { header: "status", value: (r) => r.status, priority: 3 },
        { header: "adres", value: (r) => adresMetGemeente(r), priority: 3 },
        { header: "bevinding", value: (r) => `${r.bevinding_id}: ${r.categorie}`, priority: 7 },
        { header: "resultaat", value: (r) => r.resultaat ?? "", priority: 8 },
      ],
      c,
    ),
    `${aantal(rows.length, "opvolging", "opvolgingen")}${verlopen ? `, ${c.redBold(`${verlopen} verlopen`)} (gemarkeerd met !, peildatum ${formatDutch(vandaag)})` : ""}.`,
  ].join("\n");
}
