import { aantal } from "./tekst.js";

/**
 * Capacity before the evening ("eerst de bodem van de pizza"): a gemeente records how many open
 * handhavingszaken it can handle; an evening whose addresses could push it past that is warned
 * about. Each visited address can become at least one zaak, so the estimate is open + addresses.
 */
export interface Werkvoorraad {
  gemeente: string;
  open_zaken: number;
  capaciteit: number | null;
}

export interface CapaciteitsWaarschuwing {
  gemeente: string;
  open_zaken: number;
  adressen: number;
  capaciteit: number;
  bericht: string;
}

export function capaciteitsWaarschuwingen(
  voorraad: readonly Werkvoorraad[],
  adressenPerGemeente: ReadonlyMap<string, number>,
): CapaciteitsWaarschuwing[] {
  const out: CapaciteitsWaarschuwing[] = [];
  for (const [gemeente, adressen] of adressenPerGemeente) {
    const w = voorraad.find((x) => x.gemeente === gemeente);
    if (!w || w.capaciteit === null || w.open_zaken + adressen <= w.capaciteit) continue;
    out.push({
      gemeente,
      open_zaken: w.open_zaken,
      adressen,
      capaciteit: w.capaciteit,
      bericht: `${gemeente} heeft ${aantal(w.open_zaken, "open handhavingszaak", "open handhavingszaken")} bij een capaciteit van ${w.capaciteit}; deze avond bezoekt ${aantal(adressen, "adres", "adressen")} in ${gemeente}, dus mogelijk ${aantal(w.open_zaken + adressen, "zaak", "zaken")}. Overleg vóór de avond over de opvolging.`,
    });
  }
  return out;
}
