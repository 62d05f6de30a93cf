import type { Profiel, Zaak, ZaakStap } from "../../src/domain/ladder.js";

/** An enforcement profile for domain tests: the college, a dwangsom, two weeks' warning and zienswijze, four weeks' last. */
export const profiel = (p: Partial<Profiel> = {}): Profiel => ({
  bestuursorgaan: "college",
  voorschrift: "omgevingsplan",
  bevoegdheid: "artikel 125 Gemeentewet",
  herstelmaatregel: "de bewoning beëindigen",
  spoor: "dwangsom",
  spoed: false,
  hersteltermijn: "2 weken",
  zienswijzetermijn: "2 weken",
  begunstigingstermijn: "4 weken",
  sluitingsduur: null,
  waarschuwingsgrondslag: null,
  dwangsom: { bedrag: 2500, per: "constatering", maximum: 10000 },
  ...p,
});

/** A running zaak with these steps, overtreder 5, for domain tests. */
export const zaak = (stappen: ZaakStap[], p: Partial<Profiel> = {}, extra: Partial<Zaak> = {}): Zaak => ({
  id: 1,
  status: "lopend",
  profiel: profiel(p),
  overtrederId: 5,
  kosten: null,
  stappen,
  zienswijzen: [],
  ...extra,
});
