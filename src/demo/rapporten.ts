import type { DemoHoofdstuk } from "./stappen.js";

/** The reports look back from after the handhavingsladder chapter. */
const NA_DE_LADDER = "2026-12-23";

/** Demo chapter of issue 6: the reports over everything the tour entered before. */
export const RAPPORTEN: DemoHoofdstuk[] = [
  {
    titel: "Rapportages: top 10, jaarverslag en opvolging",
    stappen: [
      {
        uitleg: "De meest voorkomende overtredingen, met de restregel '+ nog N bevindingen verspreid over M categorieën'.",
        args: ["rapport", "top"],
        vandaag: NA_DE_LADDER,
      },
      { uitleg: "Dezelfde top 10 als PDF met staafdiagram.", args: ["rapport", "top", "--pdf", "{uit}/top10.pdf"], vandaag: NA_DE_LADDER },
      {
        uitleg: "Het jaarverslag in PIT-stijl: objecten, gemeenten, thema's, top 10, partners, maatregelen, personen, opvolging.",
        args: ["rapport", "jaar", "2026", "--pdf", "{uit}/jaarverslag-2026.pdf"],
        vandaag: NA_DE_LADDER,
      },
      {
        uitleg: "Hoe staat de opvolging ervoor, per gemeente en per partner, en de werkvoorraad handhaving tegen de capaciteit?",
        args: ["rapport", "opvolging"],
        vandaag: NA_DE_LADDER,
      },
    ],
  },
];
