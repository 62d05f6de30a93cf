import { shipped } from "../paths.js";
import type { DemoHoofdstuk } from "./stappen.js";

/**
 * Demo chapter of issue 13: the morning after, the handhaver completes the evening's findings
 * (time, author number, method), adds a photo, checks a concept and signs the report. Relies on
 * the chapters before it: `$avond1`, `$kerkstraat`, `$bev_overbewoning`, `$bev_energie`.
 */
const rapport = (pdf: string, extra: string[] = [], adres = "$kerkstraat"): string[] => [
  "rapport",
  "bevindingen",
  "--avond",
  "$avond1",
  "--adres",
  adres,
  "--pdf",
  `{uit}/${pdf}`,
  ...extra,
];

/** The morning after the evening: reports are completed and signed then, before any letter rests on them. */
const OCHTEND = "2026-11-06";

const wijzig = (bevinding: string, tijdstip: string, nummers: string, methode: string) => ({
  args: ["bevinding", "wijzig", bevinding, "--tijdstip", tijdstip, "--toezichthouder", nummers, "--methode", methode],
  vandaag: OCHTEND,
});

export const RAPPORT_BEVINDINGEN: DemoHoofdstuk[] = [
  {
    titel: "Rapport van bevindingen: wie zag wat, wanneer en hoe — ondertekend",
    stappen: [
      {
        uitleg: "Toezichthouders staan op nummer en functie, zonder naam (Veilige Publieke Taak).",
        args: [
          "toezichthouder",
          "toevoegen",
          "--nummer",
          "4711",
          "--functie",
          "toezichthouder Wonen",
          "--organisatie",
          "Veldhoven",
          "--beediging",
          "ambtseed",
        ],
      },
      {
        args: [
          "toezichthouder",
          "toevoegen",
          "--nummer",
          "BOA-2314",
          "--functie",
          "toezichthouder brandveiligheid",
          "--organisatie",
          "Veiligheidsregio",
        ],
      },
      {
        args: [
          "toezichthouder",
          "toevoegen",
          "--nummer",
          "BL-0815",
          "--functie",
          "toezichthouder Bouw- en Woningtoezicht",
          "--organisatie",
          "Bladel",
          "--beediging",
          "ambtsbelofte",
        ],
      },
      {
        uitleg:
          "De ochtend na de avond: tijdstip, toezichthouder(s) en methode bij elke bevinding (nieuw invoeren kan direct met --tijdstip, --toezichthouder en --methode).",
        args: [
          "bevinding",
          "wijzig",
          "$bev_overbewoning",
          "--tijdstip",
          "19:40",
          "--toezichthouder",
          "4711",
          "--methode",
          "visuele waarneming in alle ruimten, gesprek met bewoners (met tolk Pools), inzage huurcontracten",
        ],
        vandaag: OCHTEND,
      },
      {
        args: [
          "bevinding",
          "wijzig",
          "$bev_energie",
          "--tijdstip",
          "19:55",
          "--toezichthouder",
          "4711,BOA-2314",
          "--methode",
          "visuele waarneming in de meterkast, foto's van de meteraansluiting",
        ],
        vandaag: OCHTEND,
      },
      {
        uitleg: "Een foto als bewijs: privé opgeslagen onder haar SHA-256 (dezelfde foto twee keer = één bestand).",
        args: [
          "bevinding",
          "bijlage",
          "toevoegen",
          "$bev_overbewoning",
          shipped("data/demo/zolder.jpg"),
          "--bijschrift",
          "Zolder: vier matrassen op de vloer, geen tweede vluchtweg (illustratie in de demo)",
        ],
      },
      {
        uitleg: "Eerst een concept ter controle: CONCEPT op elke pagina, nog geen kenmerk.",
        args: rapport("rapport-bevindingen-concept.pdf"),
        bewaar: "rapport_concept",
        vandaag: OCHTEND,
      },
      {
        uitleg: "Ondertekend door de opsteller: kenmerk RVB-…, onveranderlijk vastgelegd; een wijziging daarna maakt versie 2.",
        args: rapport("rapport-bevindingen-kerkstraat.pdf", ["--onderteken", "--ondertekenaar", "4711"]),
        bewaar: "rapport_kerkstraat",
        vandaag: OCHTEND,
      },
      wijzig("$bev_brand", "20:25", "BL-0815,BOA-2314", "visuele waarneming in de loods, vluchtwegen en rookmelders gecontroleerd"),
      wijzig("$bev_wav", "20:30", "BL-0815", "gesprek met de werknemers in aanwezigheid van de Arbeidsinspectie"),
      {
        uitleg: "Ook de andere adressen waar de gemeente gaat handhaven krijgen hun ondertekende rapport: een besluit rust erop.",
        args: rapport("rapport-bevindingen-industrieweg.pdf", ["--onderteken", "--ondertekenaar", "BL-0815"], "$industrieweg"),
        vandaag: OCHTEND,
      },
      wijzig("$bev_hennep", "21:10", "4711", "visuele waarneming op zolder, samen met de politie; foto's door de politie"),
      {
        args: rapport("rapport-bevindingen-heuvel.pdf", ["--onderteken", "--ondertekenaar", "4711"], "$heuvel"),
        vandaag: OCHTEND,
      },
      {
        uitleg: "Alle bewaarde foto's en ondertekende rapporten teruglezen en hun SHA-256 vergelijken.",
        args: ["bevinding", "bijlage", "controleer"],
      },
    ],
  },
];
