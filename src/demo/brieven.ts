import type { DemoHoofdstuk } from "./stappen.js";

/** Letters: the legal department's templates and letterheads, before the ladder chapter uses them. */
export const BRIEVEN: DemoHoofdstuk[] = [
  {
    titel: "Brieven: sjablonen en briefhoofd van de juridische afdeling",
    stappen: [
      { uitleg: "De sjablonen zijn gewone bestanden die de juridische afdeling zelf kan aanpassen.", args: ["sjabloon", "lijst"] },
      {
        uitleg: "Het briefhoofd per gemeente: afdeling, functie en mandaat, nooit de naam van de toezichthouder.",
        args: [
          "briefhoofd",
          "zet",
          "--gemeente",
          "Veldhoven",
          "--ondertekenaar",
          "mr. J. van den Heuvel",
          "--functie",
          "teamleider Toezicht en Handhaving",
          "--mandaat",
          "Mandaatbesluit college Veldhoven 2026",
          "--mandaat-burgemeester",
          "Mandaatbesluit burgemeester Veldhoven 2026",
          "--rekening",
          "NL27 BNGH 0285 1234 56",
        ],
      },
      {
        args: [
          "briefhoofd",
          "zet",
          "--gemeente",
          "Bladel",
          "--ondertekenaar",
          "mr. S. Claessens",
          "--functie",
          "juridisch adviseur handhaving",
        ],
      },
      {
        args: [
          "briefhoofd",
          "zet",
          "--gemeente",
          "Eersel",
          "--ondertekenaar",
          "mr. P. Maas",
          "--functie",
          "coördinator openbare orde en veiligheid",
        ],
      },
      {
        uitleg: "Een sjabloon bekijken met voorbeeldgegevens, zonder database.",
        args: ["brief", "voorbeeld", "--sjabloon", "last-onder-dwangsom", "--uit", "{uit}/voorbeeld-last-onder-dwangsom.pdf"],
      },
    ],
  },
];
