import type { Gemeente, Partner } from "../db/referentie.js";
import type { CategorieProfiel } from "../db/handhaving.js";
import type { Categorie } from "../db/referentie.js";
import { EIGENAAR_BEVINDING, type OpvolgRegel } from "../domain/opvolging.js";
import type { Colors } from "./output.js";
import { renderTable } from "./table.js";

export function renderGemeenten(rows: Gemeente[], c: Colors): string {
  return renderTable(
    rows,
    [
      { header: "id", value: (r) => r.id, align: "right" },
      { header: "gemeente", value: (r) => r.naam },
      { header: "team", value: (r) => r.team },
      { header: "capaciteit", value: (r) => r.capaciteit ?? "", align: "right" },
    ],
    c,
  );
}

export function renderPartners(rows: (Partner & { aliassen: string[] })[], c: Colors): string {
  return renderTable(
    rows,
    [
      { header: "id", value: (r) => r.id, align: "right" },
      { header: "partner", value: (r) => r.naam },
      { header: "soort", value: (r) => r.soort },
      { header: "ook", value: (r) => r.aliassen.join(", ") },
      { header: "postadres", value: (r) => r.postadres ?? "" },
    ],
    c,
  );
}

function describeRule(r: OpvolgRegel): string {
  return `${r.actie} (${r.partner === EIGENAAR_BEVINDING ? "eigenaar van de bevinding" : r.partner}, ${r.termijn} ${r.eenheid})`;
}

export function renderCategorieen(
  rows: (Categorie & { opvolging: OpvolgRegel[]; handhaving: CategorieProfiel | null })[],
  c: Colors,
): string {
  return renderTable(
    rows,
    [
      { header: "code", value: (r) => r.code },
      { header: "naam", value: (r) => r.naam },
      { header: "eigenaar", value: (r) => r.partner },
      { header: "thema", value: (r) => r.thema },
      { header: "voorschrift", value: (r) => r.grondslag },
      {
        header: "handhaving",
        value: (r) => (r.handhaving ? `${r.handhaving.bestuursorgaan}: ${r.handhaving.ladder} → ${r.handhaving.spoor}` : "partner"),
      },
      { header: "standaard-opvolging", value: (r) => r.opvolging.map(describeRule).join("\n") },
    ],
    c,
  );
}
