import { shipped } from "../paths.js";
import type { DemoHoofdstuk } from "./stappen.js";

/**
 * Demo chapter of issue 13: the morning after, the handhaver completes the evening's findings
 * (time, author number, method), adds a photo, checks a concept and signs the report. Relies on
 * the chapters before it: `$avond1`, `$kerkstraat`, `$bev_overbewoning`, `$bev_energie`.
 */
const rapport = (pdf: string, extra: string[] = []): string[] => [
  "rapport",
  "bevindingen",
  "--avond",
  "$avond1",
  "--adres",
  "$kerkstraat",
  "--pdf",
  `{uit}/${pdf}`,
  ...extra,
];

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
      },
      {
        uitleg: "Ondertekend door de opsteller: kenmerk RVB-…, onveranderlijk vastgelegd; een wijziging daarna maakt versie 2.",
        args: rapport("rapport-bevindingen-kerkstraat.pdf", ["--onderteken", "--ondertekenaar", "4711"]),
        bewaar: "rapport_kerkstraat",
      },
      {
        uitleg: "Alle bewaarde foto's en ondertekende rapporten teruglezen en hun SHA-256 vergelijken.",
        args: ["bevinding", "bijlage", "controleer"],
      },
    ],
  },
];
