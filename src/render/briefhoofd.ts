import type { Briefhoofd } from "../domain/brief.js";

/** `briefhoofd toon|zet`: the letterhead as letters print it. */
export function renderBriefhoofd(h: Briefhoofd): string {
  return [
    `Gemeente ${h.gemeente}`,
    `  afdeling:      ${h.afdeling}`,
    `  postadres:     ${h.postadres ?? "-"}`,
    `  telefoon:      ${h.telefoon ?? "-"}`,
    `  e-mail:        ${h.email ?? "-"}`,
    `  logo:          ${h.logo ?? "-"}`,
    `  ondertekenaar: ${h.ondertekenaarNaam ?? "-"} (${h.ondertekenaarFunctie})`,
    `  mandaat:       ${h.mandaat}${h.mandaatBurgemeester ? `; burgemeester: ${h.mandaatBurgemeester}` : ""}`,
    `  rekening:      ${h.rekening ?? "-"}`,
  ].join("\n");
}
