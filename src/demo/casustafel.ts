import type { DemoHoofdstuk, DemoStap } from "./stappen.js";

const besluit = (adres: string, soort: string, partners: string, toelichting: string): DemoStap => ({
  args: [
    "casustafel",
    "besluit",
    "$casustafel",
    "--adres",
    `$${adres}`,
    "--besluit",
    soort,
    ...(partners ? ["--partners", partners] : []),
    "--toelichting",
    toelichting,
  ],
});
const rol = (rolNaam: string, naam: string, partner: string, telefoon?: string): DemoStap => ({
  args: ["avond", "rol", "$avond1", "--rol", rolNaam, "--naam", naam, "--partner", partner, ...(telefoon ? ["--telefoon", telefoon] : [])],
});

/** From signals to a prepared, safe control evening with a printed draaiboek. */
export const CASUSTAFEL: DemoHoofdstuk[] = [
  {
    titel: "Casustafel voor Veldhoven, Bladel en Eersel",
    stappen: [
      {
        uitleg: "Eén centrale casustafel voor drie gemeenten.",
        args: ["casustafel", "nieuw", "--datum", "2026-10-28", "--gemeenten", "Veldhoven,Bladel,Eersel"],
        bewaar: "casustafel",
      },
      {
        uitleg: "De agenda: terugblik, dan de adressen gerangschikt op bewijs, met de reden erbij.",
        args: ["casustafel", "agenda", "$casustafel", "--pdf", "{uit}/agenda-casustafel.pdf"],
      },
      besluit("kerkstraat", "controle", "Gemeente,Politie,Enexis", "Signalen van drie partners; vermoeden overbewoning en omgelegde meter"),
      besluit("industrieweg", "controle", "ISZW,Veiligheidsregio", "Overnachten in loods; brandveiligheid"),
      besluit("heuvel", "controle", "Politie,Enexis", "Politie en Enexis: vermoeden van hennepteelt met illegale aftakking"),
      besluit("markt", "mono", "NVWA", "NVWA pakt hygiëne zelf op"),
      besluit("recreatiepark", "meer-info", "", "Eerst BRP-gegevens opvragen"),
      besluit("dorpstraat", "afgewezen", "", "Verbouwing inmiddels gemeld"),
    ],
  },
  {
    titel: "Controleavond: rollen, risico's en noodplan",
    stappen: [
      {
        args: [
          "avond",
          "nieuw",
          "--casustafel",
          "$casustafel",
          "--datum",
          "2026-11-05",
          "--start",
          "19:00",
          "--doel",
          "Huisvesting en arbeid van arbeidsmigranten controleren; brandveiligheid waarborgen",
        ],
        bewaar: "avond1",
      },
      rol("teamleider", "Anja de Vries", "Gemeente", "06-12345678"),
      rol("beveiliging", "Agent Jansen", "Politie", "06-11112222"),
      rol("beveiliging", "Agent Bakker", "Politie", "06-33334444"),
      rol("gesprek", "Mark Verhoeven", "Gemeente", "06-55556666"),
      rol("onderzoek", "Ingrid Smits", "ISZW", "06-77778888"),
      rol("onderzoek", "Piet Stroom", "Enexis"),
      rol("formulieren", "Sanne Claessens", "Veiligheidsregio"),
      {
        args: [
          "avond",
          "risico",
          "$avond1",
          "--adres",
          "$kerkstraat",
          "--niveau",
          "hoog",
          "--toelichting",
          "Eerder agressie bij aanspreken; hond aanwezig; twee uitgangen (voor en achter)",
        ],
      },
      {
        args: [
          "avond",
          "risico",
          "$avond1",
          "--adres",
          "$industrieweg",
          "--niveau",
          "midden",
          "--toelichting",
          "Grote loods, meerdere uitgangen, onbekend aantal personen",
        ],
      },
      {
        args: [
          "avond",
          "noodplan",
          "$avond1",
          "--verzamelpunt",
          "Parkeerplaats Kerkplein, Veldhoven",
          "--codewoord",
          "Regenboog",
          "--communicatie",
          "Portofoons kanaal 3; teamleider belt 112",
          "--uitrusting",
          "hesjes,portofoons,steekvesten,zaklampen",
        ],
      },
      {
        args: [
          "avond",
          "risico",
          "$avond1",
          "--adres",
          "$heuvel",
          "--niveau",
          "midden",
          "--toelichting",
          "Mogelijk kwekers aanwezig; Enexis schakelt af",
        ],
      },
      {
        uitleg: "Wat kan de juridische afdeling aan? De capaciteit per gemeente, in open handhavingszaken.",
        args: ["gemeente", "capaciteit", "--gemeente", "Veldhoven", "--zaken", "12"],
      },
      { args: ["gemeente", "capaciteit", "--gemeente", "Bladel", "--zaken", "6"] },
      {
        uitleg:
          "De gereedheidscontrole: pas als alles geregeld is, is de avond veilig uit te voeren (en een waarschuwing als de capaciteit niet toereikt).",
        args: ["avond", "controleer", "$avond1"],
      },
      {
        uitleg: "Het draaiboek voor de briefing, met het noodplan bovenaan.",
        args: ["avond", "draaiboek", "$avond1", "--pdf", "{uit}/draaiboek-avond-1.pdf"],
      },
    ],
  },
];
