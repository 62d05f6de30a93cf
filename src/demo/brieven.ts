import type { DemoHoofdstuk } from "./stappen.js";

/**
 * Letters: the legal department's part of the cycle. Uses `$avond1`, the first
 * control evening saved by the evening chapter; `{uit}` is the demo folder.
 */
export const BRIEVEN: DemoHoofdstuk[] = [
  {
    titel: "Brieven: de juridische afdeling zet de opvolging op papier",
    stappen: [
      { uitleg: "De sjablonen zijn gewone bestanden die de juridische afdeling zelf kan aanpassen.", args: ["sjabloon", "lijst"] },
      {
        uitleg: "Het briefhoofd per gemeente: afdeling en functie, nooit de naam van de toezichthouder.",
        args: [
          "briefhoofd",
          "zet",
          "--gemeente",
          "Veldhoven",
          "--ondertekenaar",
          "mr. J. van den Heuvel",
          "--functie",
          "teamleider Toezicht en Handhaving",
        ],
      },
      {
        args: [
          "brief",
          "voorbeeld",
          "--sjabloon",
          "voornemen-last-onder-dwangsom",
          "--uit",
          "{uit}/voorbeeld-voornemen-last-onder-dwangsom.pdf",
        ],
      },
      {
        uitleg:
          "Alle brieven van de avond in één keer: één brief per ontvanger, adres en soort brief, met kenmerk; een tweede keer maakt niets dubbel.",
        args: ["brief", "batch", "--avond", "$avond1", "--uit", "{uit}/brieven"],
      },
    ],
  },
];
