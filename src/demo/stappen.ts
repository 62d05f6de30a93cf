/**
 * The demo tour: real commands, run in order against a fresh database. Each
 * capability appends its own chapter, so `interventie demo` shows the whole cycle.
 * `$name` in an argument refers to the id a previous step saved with `bewaar`.
 */
import { CASUSTAFEL } from "./casustafel.js";
import { BEVINDINGEN } from "./bevindingen.js";
import { RAPPORTEN } from "./rapporten.js";
import { BRIEVEN } from "./brieven.js";
import { RAPPORT_BEVINDINGEN } from "./rapport-bevindingen.js";

export interface DemoStap {
  uitleg?: string;
  args: string[];
  /** Save the created record's id under this name. */
  bewaar?: string;
}

export interface DemoHoofdstuk {
  titel: string;
  stappen: DemoStap[];
}

const adres = (
  naam: string,
  postcode: string,
  huisnummer: string,
  straat: string,
  plaats: string,
  gemeente: string,
  type: string,
  toevoeging?: string,
): DemoStap => ({
  args: [
    "adres",
    "toevoegen",
    "--postcode",
    postcode,
    "--huisnummer",
    huisnummer,
    ...(toevoeging ? ["--toevoeging", toevoeging] : []),
    "--straat",
    straat,
    "--plaats",
    plaats,
    "--gemeente",
    gemeente,
    "--type",
    type,
  ],
  bewaar: naam,
});

const signaal = (adresNaam: string, partner: string, thema: string, datum: string, omschrijving: string): DemoStap => ({
  args: [
    "signaal",
    "toevoegen",
    "--adres",
    `$${adresNaam}`,
    "--partner",
    partner,
    "--thema",
    thema,
    "--datum",
    datum,
    "--omschrijving",
    omschrijving,
  ],
});

export const FUNDAMENT: DemoHoofdstuk[] = [
  {
    titel: "Team en referentiegegevens",
    stappen: [
      {
        uitleg: "Het Kempen Interventie Team: 8 gemeenten, 14 partners, categorieën met grondslag en standaard-opvolging.",
        args: ["init", "--team", "KIT"],
      },
    ],
  },
  {
    titel: "Adressen in vier gemeenten",
    stappen: [
      adres("kerkstraat", "5504AB", "12", "Kerkstraat", "Veldhoven", "Veldhoven", "woning"),
      adres("kerkstraat_a", "5504AB", "12", "Kerkstraat", "Veldhoven", "Veldhoven", "woning", "A"),
      adres("industrieweg", "5531NK", "7", "Industrieweg", "Bladel", "Bladel", "loods"),
      adres("markt", "5521AJ", "3", "Markt", "Eersel", "Eersel", "horeca"),
      adres("recreatiepark", "5524RS", "41", "Recreatiepark De Kempen", "Steensel", "Eersel", "chalet"),
      adres("boslaan", "5684PD", "88", "Boslaan", "Best", "Best", "woning"),
      adres("dorpstraat", "5528AB", "5", "Dorpstraat", "Hoogeloon", "Bladel", "woning"),
    ],
  },
  {
    titel: "Betrokkenen: eigenaren en werkgevers, ook over gemeentegrenzen heen",
    stappen: [
      {
        args: [
          "betrokkene",
          "toevoegen",
          "--naam",
          "Kempen Flex Huisvesting B.V.",
          "--rol",
          "eigenaar",
          "--adres",
          "$kerkstraat",
          "--kvk",
          "17012345",
          "--postadres",
          "Postbus 120, 5500 AC Veldhoven",
        ],
        bewaar: "flex",
      },
      { args: ["betrokkene", "koppel", "$flex", "--adres", "$industrieweg", "--rol", "eigenaar"] },
      { args: ["betrokkene", "koppel", "$flex", "--adres", "$boslaan", "--rol", "verhuurder"] },
      {
        args: [
          "betrokkene",
          "toevoegen",
          "--naam",
          "Łukasz Wiśniewski",
          "--rol",
          "eigenaar",
          "--adres",
          "$dorpstraat",
          "--postadres",
          "Dorpstraat 5, 5528 AB Hoogeloon",
        ],
      },
      {
        args: [
          "betrokkene",
          "toevoegen",
          "--naam",
          "Ștefan Țurcanu",
          "--rol",
          "werkgever",
          "--adres",
          "$industrieweg",
          "--kvk",
          "68123456",
        ],
      },
      {
        args: [
          "betrokkene",
          "toevoegen",
          "--naam",
          "Horeca De Markt V.O.F.",
          "--rol",
          "eigenaar",
          "--adres",
          "$markt",
          "--postadres",
          "Markt 3, 5521 AJ Eersel",
        ],
      },
    ],
  },
  {
    titel: "Signalen van de partners",
    stappen: [
      signaal(
        "kerkstraat",
        "Gemeente",
        "huisvesting",
        "2026-09-02",
        "Buren melden 10 tot 12 bewoners, veel wisselende auto's met buitenlandse kentekens",
      ),
      signaal(
        "kerkstraat",
        "Politie",
        "huisvesting",
        "2026-09-20",
        "Melding geluidsoverlast; bij aanspreken bleken er ca. 9 personen aanwezig",
      ),
      signaal("kerkstraat", "Enexis", "fraude", "2026-10-05", "Afwijkend stroomverbruik, vermoeden van omgelegde meter"),
      signaal("industrieweg", "ISZW", "arbeid", "2026-09-15", "Uitzendkrachten zouden in de loods overnachten"),
      signaal("industrieweg", "Veiligheidsregio", "brandveiligheid", "2026-10-12", "Geen gebruiksmelding bekend voor logies in loods"),
      signaal("markt", "NVWA", "horeca", "2026-08-28", "Klachten over hygiëne keuken"),
      signaal("recreatiepark", "Gemeente", "huisvesting", "2026-10-01", "Vermoeden van permanente bewoning chalet"),
      signaal("boslaan", "Belastingdienst", "fraude", "2026-07-14", "Huurinkomsten niet aangegeven"),
      signaal("dorpstraat", "Gemeente", "huisvesting", "2026-10-20", "Zolder verbouwd tot slaapkamers zonder melding"),
    ],
  },
  {
    titel: "Overzicht",
    stappen: [{ args: ["adres", "lijst"] }, { args: ["signaal", "lijst"] }, { args: ["adres", "toon", "$kerkstraat"] }],
  },
];

/** Chapters in the order of the cycle; later capabilities add theirs here. */
export const HOOFDSTUKKEN: DemoHoofdstuk[] = [
  ...FUNDAMENT,
  ...CASUSTAFEL,
  ...BEVINDINGEN,
  ...RAPPORT_BEVINDINGEN,
  ...BRIEVEN,
  ...RAPPORTEN,
];
