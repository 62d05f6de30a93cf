import type { DemoHoofdstuk, DemoStap } from "./stappen.js";
import { shipped } from "../paths.js";

/**
 * The handhavingsladder as a jurist walks it, over seven weeks after the evening of 5 November
 * 2026. Read in order, the letters in {uit}/brieven are a file that can be sent: warnings and
 * partner letters first; voornemens to the designated overtreder; a zienswijze weighed; the
 * besluiten only after their zienswijzetermijn, with the begunstigingstermijn as a date; a
 * hercontrole after that term; the invorderingsbeschikking. The 13b case is the burgemeester's.
 */
const batch = (vandaag: string, uitleg?: string, bewaar?: Record<string, string>): DemoStap => ({
  uitleg,
  args: ["brief", "batch", "--avond", "$avond1", "--uit", "{uit}/brieven"],
  vandaag,
  ...(bewaar ? { bewaar } : {}),
});

const maak = (opvolging: string, vandaag: string, bewaar: Record<string, string>, extra: string[] = [], uitleg?: string): DemoStap => ({
  uitleg,
  args: ["brief", "maak", "--opvolging", opvolging, "--uit", "{uit}/brieven", ...extra],
  bewaar,
  vandaag,
});

export const HANDHAVING: DemoHoofdstuk[] = [
  {
    titel: "Handhaving: de dag na de avond",
    stappen: [
      batch(
        "2026-11-06",
        "De brieven die aan de beurt zijn: de waarschuwing van de burgemeester aan het café en de berichten aan de partners. De voornemens wachten op een aangewezen overtreder.",
        { alcohol_her: "brieven[sjabloon=waarschuwing].vervolg.0.opvolging" },
      ),
      { uitleg: "Eén handhavingszaak per overtreding die de gemeente handhaaft.", args: ["handhaving", "lijst"], vandaag: "2026-11-06" },
      maak(
        "$over_voornemen",
        "2026-11-06",
        { over_voornemen_kenmerk: "kenmerk", over_besluit: "vervolg.0.opvolging" },
        ["--overtreder", "$flex", "--hoedanigheid", "eigenaar en verhuurder van de woning Kerkstraat 12, 5504 AB Veldhoven"],
        "De overtreder is wie de woning aan veertien mensen verhuurt, niet zomaar de eigenaar: aangewezen met de brief, vastgelegd met het voornemen.",
      ),
      maak(
        "$brand_voornemen",
        "2026-11-06",
        { brand_voornemen_kenmerk: "kenmerk", brand_besluit: "vervolg.0.opvolging" },
        ["--overtreder", "$flex", "--hoedanigheid", "eigenaar van de loods Industrieweg 7, die daarin arbeidsmigranten laat overnachten"],
        "Acuut brandgevaar: een voornemen bestuursdwang met een korte zienswijzetermijn (drie werkdagen).",
      ),
    ],
  },
  {
    titel: "Handhaving: zienswijze en besluit",
    stappen: [
      {
        uitleg: "Te vroeg: het besluit kan pas na de zienswijzetermijn van het voornemen (exit 2, één regel, niets gewijzigd).",
        args: ["brief", "maak", "--opvolging", "$over_besluit", "--uit", "{uit}/brieven"],
        vandaag: "2026-11-10",
        weigert: true,
      },
      {
        uitleg: "Kempen Flex reageert op het voornemen bestuursdwang; de jurist legt de zienswijze en de weging vast.",
        args: [
          "zienswijze",
          "toevoegen",
          "--brief",
          "$brand_voornemen_kenmerk",
          "--ontvangen",
          "2026-11-09",
          "--samenvatting",
          "Kempen Flex stelt dat de bewoners per 1 december elders worden gehuisvest en vraagt tot die datum uitstel.",
          "--weging",
          "Het brandgevaar is acuut: zolang er geen vluchtweg en geen werkende rookmelders zijn, kan niemand in de loods overnachten. Uitstel tot 1 december is daarom niet mogelijk; drie werkdagen zijn voldoende om de bewoners elders onder te brengen.",
        ],
        vandaag: "2026-11-09",
      },
      maak(
        "$brand_besluit",
        "2026-11-09",
        { brand_her: "vervolg.0.opvolging" },
        [],
        "Met de zienswijze binnen is het besluit meteen aan de beurt.",
      ),
      {
        uitleg: "De hercontrole na de begunstigingstermijn: de loods is ontruimd. De zaak is afgerond.",
        args: ["opvolging", "bijwerken", "$brand_her", "--beeindigd", "ja", "--resultaat", "Loods ontruimd, rookmelders geplaatst"],
        vandaag: "2026-11-13",
      },
    ],
  },
  {
    titel: "Handhaving: de hennepkwekerij (artikel 13b Opiumwet, de burgemeester)",
    stappen: [
      {
        uitleg: "De bestuurlijke rapportage van de politie is binnen: de volgende stap is het voornemen tot sluiting.",
        args: [
          "opvolging",
          "bijwerken",
          "$hennep_rapportage",
          "--status",
          "afgerond",
          "--datum",
          "2026-11-12",
          "--resultaat",
          "Bestuurlijke rapportage van de politie ontvangen",
        ],
        bewaar: { hennep_voornemen: "voorstel.id" },
        vandaag: "2026-11-12",
      },
      maak(
        "$hennep_voornemen",
        "2026-11-13",
        { hennep_besluit: "vervolg.0.opvolging" },
        ["--overtreder", "$popescu", "--hoedanigheid", "huurder en bewoner van de woning De Heuvel 3, 5504 CD Veldhoven"],
        "Het voornemen gaat aan de bewoner die de kwekerij hield; de eigenaar (de woonstichting) krijgt een afschrift.",
      ),
    ],
  },
  {
    titel: "Handhaving: de besluiten na hun zienswijzetermijn",
    stappen: [
      batch(
        "2026-11-23",
        "Het besluit over de overbewoning is aan de beurt; de sluiting nog niet (zienswijzetermijn tot en met 27 november).",
        {
          over_her: "brieven[sjabloon=last-onder-dwangsom].vervolg.0.opvolging",
        },
      ),
      {
        uitleg: "Het café heeft de drank weggehaald en een vergunning aangevraagd: hercontrole beëindigd, zaak afgerond.",
        args: [
          "opvolging",
          "bijwerken",
          "$alcohol_her",
          "--beeindigd",
          "ja",
          "--resultaat",
          "Geen sterke drank meer aanwezig; vergunning aangevraagd",
        ],
        vandaag: "2026-11-24",
      },
      batch("2026-11-30", "Geen zienswijze van de bewoner: na de termijn het besluit tot sluiting van de burgemeester.", {
        hennep_her: "brieven[sjabloon=besluit-sluiting].vervolg.0.opvolging",
      }),
      {
        uitleg: "De bewoner heeft de woning zelf gesloten en de sleutels ingeleverd.",
        args: ["opvolging", "bijwerken", "$hennep_her", "--beeindigd", "ja", "--resultaat", "Woning gesloten, sleutels bij de gemeente"],
        vandaag: "2026-12-08",
      },
    ],
  },
  {
    titel: "Handhaving: hercontrole na de begunstigingstermijn en invordering",
    stappen: [
      {
        uitleg:
          "Nog twaalf bewoners aangetroffen, na afloop van de begunstigingstermijn: de dwangsom is verbeurd. Wat de toezichthouder zag, wanneer en hoe, wordt vastgelegd: de invordering rust erop.",
        args: [
          "opvolging",
          "bijwerken",
          "$over_her",
          "--beeindigd",
          "nee",
          "--datum",
          "2026-12-22",
          "--resultaat",
          "Nog 12 bewoners aangetroffen",
          "--tijdstip",
          "10:15",
          "--toezichthouder",
          "4711",
          "--methode",
          "visuele waarneming in de woning met toestemming van de aanwezige bewoners; telling van bewoners, bedden en matrassen per kamer",
          "--waarneming",
          "In de woning verbleven twaalf personen. In de drie slaapkamers stonden zeven bedden in gebruik; op de zolder lagen nog vijf matrassen op de vloer. Het aantal bewoners is niet teruggebracht.",
        ],
        vandaag: "2026-12-22",
      },
      {
        uitleg: "Een foto bij de hercontrole, opgeslagen onder haar SHA-256 zoals bij de bevindingen.",
        args: [
          "hercontrole",
          "bijlage",
          "toevoegen",
          "$over_her",
          shipped("data/demo/zolder.jpg"),
          "--bijschrift",
          "Zolder op 22 december 2026: nog vijf matrassen (illustratie in de demo)",
        ],
        vandaag: "2026-12-22",
      },
      {
        uitleg:
          "Te vroeg: zonder ondertekend rapport van de hercontrole houdt brief batch de invordering tegen en noemt de opdracht die ondertekent.",
        args: ["brief", "batch", "--avond", "$avond1", "--uit", "{uit}/brieven"],
        vandaag: "2026-12-22",
      },
      {
        uitleg: "De toezichthouder ondertekent het rapport van bevindingen van de hercontrole: kenmerk RVB-…, onveranderlijk vastgelegd.",
        args: ["rapport", "hercontrole", "--opvolging", "$over_her", "--pdf", "{uit}/rapport-hercontrole-kerkstraat.pdf", "--onderteken"],
        bewaar: "rapport_hercontrole",
        vandaag: "2026-12-22",
      },
      batch(
        "2026-12-22",
        "De invorderingsbeschikking (artikel 5:37 Awb): zij noemt het rapport van de hercontrole, de datum en het tijdstip en wat is waargenomen.",
      ),
      { uitleg: "Alle handhavingszaken, met hun volgende stap.", args: ["handhaving", "lijst"], vandaag: "2026-12-22" },
      { uitleg: "Het brievenregister: één regel per brief.", args: ["brief", "lijst"], vandaag: "2026-12-22" },
      {
        uitleg: "Wat er met de bevindingen van Enexis is gebeurd: de terugkoppeling die partners nu missen.",
        args: ["rapport", "terugkoppeling", "--partner", "Enexis", "--pdf", "{uit}/terugkoppeling-enexis.pdf"],
        vandaag: "2026-12-22",
      },
    ],
  },
];
