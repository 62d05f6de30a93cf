import type { DemoHoofdstuk } from "./stappen.js";

/** Demo chapter of issue 6: the reports over everything the tour entered before. */
export const RAPPORTEN: DemoHoofdstuk[] = [
  {
    titel: "Rapportages: top 10, jaarverslag en opvolging",
    stappen: [
      {
        uitleg: "De meest voorkomende overtredingen, met de restregel '+ nog N bevindingen verspreid over M categorieën'.",
        args: ["rapport", "top"],
      },
      { uitleg: "Dezelfde top 10 als PDF met staafdiagram.", args: ["rapport", "top", "--pdf", "{uit}/top10.pdf"] },
      {
        uitleg: "Het jaarverslag in PIT-stijl: objecten, gemeenten, thema's, top 10, partners, maatregelen, personen, opvolging.",
        args: ["rapport", "jaar", "2026", "--pdf", "{uit}/jaarverslag-2026.pdf"],
      },
      { uitleg: "Hoe staat de opvolging ervoor, per gemeente en per partner?", args: ["rapport", "opvolging"] },
    ],
  },
];
