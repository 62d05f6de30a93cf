import type { DemoHoofdstuk } from "./stappen.js";

/** `bevinding toevoegen` on the demo evening. */
const bevinding = (adres: string, categorie: string, omschrijving: string, extra: string[] = []): string[] => [
  "bevinding",
  "toevoegen",
  "--avond",
  "$avond1",
  "--adres",
  adres,
  "--categorie",
  categorie,
  "--omschrijving",
  omschrijving,
  ...extra,
];

/**
 * Findings of the first evening and their follow-up until closed. Relies on the
 * casustafel/avond chapter before it: `$avond1` and the addresses `$kerkstraat`,
 * `$industrieweg`, `$markt`.
 */
export const BEVINDINGEN: DemoHoofdstuk[] = [
  {
    titel: "Bevindingen van de controleavond",
    stappen: [
      {
        uitleg: "Per adres en categorie; de eigenaar en de opvolging (actie, partner, deadline in werkdagen) komen uit de categorie.",
        args: bevinding("$kerkstraat", "overbewoning", "14 personen op 4 slaapkamers, matrassen op zolder", [
          "--maatregel",
          "zolder als slaapruimte gesloten",
          "--personen",
          "14",
        ]),
        bewaar: "bev_overbewoning",
      },
      {
        args: bevinding("$kerkstraat", "energiefraude", "Elektriciteitsmeter omgelegd", ["--maatregel", "meters vervangen"]),
        bewaar: "bev_energie",
      },
      {
        args: bevinding("$industrieweg", "brandgevaar", "Logies in loods zonder vluchtweg en rookmelders", [
          "--maatregel",
          "noodvoorziening: bewoners elders ondergebracht",
          "--personen",
          "9",
        ]),
        bewaar: "bev_brand",
      },
      {
        args: bevinding("$industrieweg", "wav", "Zes werknemers zonder tewerkstellingsvergunning", [
          "--partner",
          "ISZW",
          "--personen",
          "6",
        ]),
      },
      {
        uitleg: "Een adres dat niet op de lijst stond wordt geaccepteerd met een waarschuwing (het team liep de buren binnen).",
        args: bevinding("$markt", "voedselveiligheid", "Keuken ernstig vervuild"),
      },
      { args: ["bevinding", "lijst", "--avond", "$avond1"] },
    ],
  },
  {
    titel: "Opvolging tot alles is afgesloten",
    stappen: [
      { uitleg: "Alles wat nog loopt, op deadline; verlopen acties vallen op.", args: ["opvolging", "lijst", "--status", "open"] },
      {
        uitleg: "Een extra hercontrole; bij 'niet beëindigd' stelt het hulpmiddel de volgende stap op de handhavingsladder voor.",
        args: [
          "opvolging",
          "toevoegen",
          "--bevinding",
          "$bev_overbewoning",
          "--actie",
          "hercontrole",
          "--partner",
          "Gemeente",
          "--deadline",
          "2026-12-31",
        ],
        bewaar: "her_overbewoning",
      },
      { args: ["opvolging", "bijwerken", "$her_overbewoning", "--beeindigd", "nee", "--resultaat", "Nog steeds 12 bewoners aangetroffen"] },
      { args: ["opvolging", "lijst", "--avond", "$avond1"] },
      {
        uitleg: "Wat er met de bevindingen van Enexis is gebeurd: de terugkoppeling die partners nu missen.",
        args: ["rapport", "terugkoppeling", "--partner", "Enexis", "--pdf", "{uit}/terugkoppeling-enexis.pdf"],
      },
    ],
  },
];
