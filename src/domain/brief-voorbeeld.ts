import type { AdresGegevens, BriefGroep, BriefOpvolging, Ontvanger, ZaakInfo } from "./brief.js";
import { addDays, type IsoDate } from "./dates.js";
import type { Profiel, Stap, ZaakStap } from "./ladder.js";

/**
 * Sample data for `brief voorbeeld`: Polish and Romanian names, as found at these addresses, and
 * a zaak far enough along the ladder that every template has something to say. Dates are counted
 * back from the letter's date, so a sample besluit follows its sample voornemen and zienswijze.
 */
export function voorbeeldGroep(sjabloon: string, aanPartner: boolean, datum: IsoDate): BriefGroep {
  const adres: AdresGegevens = {
    id: 0,
    postcode: "5504AB",
    huisnummer: 12,
    toevoeging: "A",
    straat: "Kerkstraat",
    plaats: "Veldhoven",
    gemeente: "Veldhoven",
    type: "woning",
  };
  const avond = { id: 0, datum: addDays(datum, -11), doel: "Controle huisvesting arbeidsmigranten" };
  const familie = /sluiting/.test(sjabloon) ? "sluiting" : /bestuursdwang|kostenverhaal/.test(sjabloon) ? "bestuursdwang" : "dwangsom";
  const laat = /invordering|kostenverhaal|hercontrole/.test(sjabloon);
  const stap = (
    id: number,
    s: Stap,
    status: string,
    dagen: number | null,
    kenmerk?: string,
    beeindigd: boolean | null = null,
  ): ZaakStap => ({
    opvolgingId: id,
    stap: s,
    status,
    nietVoor: dagen === null ? null : addDays(datum, dagen),
    geslotenOp: status === "afgerond" && dagen !== null ? addDays(datum, dagen) : null,
    beeindigd,
    brief: kenmerk && dagen !== null ? { kenmerk, datum: addDays(datum, dagen) } : null,
  });
  const stappen: ZaakStap[] = laat
    ? [
        stap(11, "voornemen", "afgerond", -70, "INT-2026-000101"),
        stap(12, "besluit", "afgerond", -52, "INT-2026-000140"),
        stap(13, "hercontrole", "afgerond", -14, undefined, false),
        stap(14, "hercontrole", "afgerond", -6, undefined, false),
        stap(
          15,
          sjabloon === "kostenverhaal" ? "kostenverhaal" : sjabloon === "aankondiging-hercontrole" ? "hercontrole" : "invordering",
          "open",
          -6,
        ),
      ]
    : [stap(11, "voornemen", "afgerond", -9, "INT-2026-000101"), stap(12, "besluit", "open", -1)];
  if (familie === "sluiting") stappen.unshift(stap(10, "bestuurlijke-rapportage", "afgerond", laat ? -80 : -10));
  const profiel = (p: Partial<Profiel>): Profiel => ({
    bestuursorgaan: "college",
    voorschrift:
      "het omgevingsplan, regel over overbewoning uit de bruidsschat: een woonfunctie wordt niet bewoond door meer dan één persoon per 12 m² gebruiksoppervlakte",
    bevoegdheid: "artikel 125, eerste en tweede lid, Gemeentewet en artikel 5:32, eerste lid, Algemene wet bestuursrecht",
    herstelmaatregel:
      "het aantal bewoners terugbrengen tot ten hoogste één persoon per 12 m² gebruiksoppervlakte van de woning en dat zo houden",
    spoor: "dwangsom",
    spoed: false,
    hersteltermijn: "4 weken",
    zienswijzetermijn: "2 weken",
    begunstigingstermijn: "4 weken",
    sluitingsduur: null,
    waarschuwingsgrondslag: null,
    dwangsom: { bedrag: 2500, per: "constatering", maximum: 25000 },
    ...p,
  });
  const zaak = (id: number, p: Profiel): ZaakInfo => ({
    id,
    status: "lopend",
    profiel: p,
    overtrederId: 0,
    kosten: 3450,
    stappen,
    zienswijzen: [
      {
        id,
        ontvangen: addDays(datum, laat ? -60 : -4),
        samenvatting: "De betrokkene vraagt om uitstel, omdat hij voor de bewoners andere woonruimte zoekt.",
        weging:
          "Dat laat onverlet dat de overtreding nu voortduurt; de begunstigingstermijn biedt tijd om de nodige maatregelen te treffen.",
      },
    ],
    hoedanigheid: "verhuurder van de woning Kerkstraat 12A, 5504 AB Veldhoven",
    overtreder: "Łukasz Wiśniewski",
  });
  const bevinding = (
    id: number,
    categorie: string,
    categorieNaam: string,
    omschrijving: string,
    personen: number | null,
    partner: string,
    grondslag: string,
  ) => ({
    id,
    categorie,
    categorieNaam,
    grondslag,
    omschrijving,
    maatregel: null,
    personen,
    partner,
    // Sample observation and signed report, so the voorbeeld shows what letters cite (5:9 Awb).
    waarneming: { datum: avond.datum, tijdstip: "19:40" },
    rapport: { kenmerk: `RVB-${avond.datum.slice(0, 4)}-000001`, versie: 1, datum: addDays(avond.datum, 1) },
  });
  // The sample's failed hercontroles (13 and 14 above), each with its signed rapport van bevindingen.
  const voorbeeldHercontroles = [
    {
      id: 13,
      dagen: -14,
      tijdstip: "10:05",
      nr: 2,
      waarneming: "In de woning verbleven nog elf personen; op de zolder lagen vier matrassen.",
    },
    {
      id: 14,
      dagen: -6,
      tijdstip: "19:30",
      nr: 3,
      waarneming: "In de woning verbleven nog negen personen; de zolder werd nog als slaapruimte gebruikt.",
    },
  ].map((h) => ({
    opvolgingId: h.id,
    datum: addDays(datum, h.dagen),
    tijdstip: h.tijdstip,
    waarneming: h.waarneming,
    rapport: { kenmerk: `RVB-${datum.slice(0, 4)}-00000${h.nr}`, versie: 1, datum: addDays(datum, h.dagen) },
  }));
  const item = (id: number, b: BriefOpvolging["bevinding"], z: ZaakInfo | null): BriefOpvolging => ({
    // Late in the ladder the letter is the zaak's last step (15), so the invordering counts its constateringen.
    opvolgingId: laat && z ? stappen[stappen.length - 1]!.opvolgingId : id,
    actie: "voorbeeld",
    deadline: addDays(datum, 17),
    partner: "Nederlandse Arbeidsinspectie",
    partnerId: 0,
    stap: z ? (stappen[stappen.length - 1]!.stap as Stap) : null,
    nietVoor: null,
    bevinding: b,
    adres,
    avond,
    zaak: z,
    hercontroles: laat && z ? voorbeeldHercontroles : [],
  });
  let opvolgingen: BriefOpvolging[];
  if (familie === "sluiting") {
    const p = profiel({
      bestuursorgaan: "burgemeester",
      voorschrift: "artikel 3, aanhef en onder B en C, Opiumwet (het telen en aanwezig hebben van hennep, een middel van lijst II)",
      bevoegdheid: "artikel 13b, eerste lid, aanhef en onder a, Opiumwet",
      herstelmaatregel: "het pand sluiten en gesloten houden",
      spoor: "sluiting",
      sluitingsduur: "3 maanden",
      begunstigingstermijn: "1 week",
      dwangsom: null,
    });
    opvolgingen = [
      item(
        1,
        bevinding(1, "hennep", "Hennepkwekerij", "Hennepkwekerij met 420 planten op zolder", null, "Politie", p.voorschrift),
        zaak(1, p),
      ),
    ];
  } else if (familie === "bestuursdwang") {
    const p = profiel({
      voorschrift: "Besluit bouwwerken leefomgeving, regels over brandveilig gebruik van bouwwerken (vluchtwegen, rookmelders, bezetting)",
      bevoegdheid: "artikel 125, eerste en tweede lid, Gemeentewet en artikel 5:21 Algemene wet bestuursrecht",
      herstelmaatregel:
        "niemand in het pand laten verblijven of overnachten zolang er geen veilige vluchtweg en geen werkende rookmelders zijn",
      spoor: "bestuursdwang",
      zienswijzetermijn: "3 werkdagen",
      begunstigingstermijn: "3 werkdagen",
      dwangsom: null,
    });
    opvolgingen = [
      item(
        1,
        bevinding(
          1,
          "brandgevaar",
          "Brandgevaarlijke situatie",
          "Slaapplaatsen op zolder zonder vluchtweg en zonder rookmelders",
          11,
          "Veiligheidsregio",
          p.voorschrift,
        ),
        zaak(1, p),
      ),
    ];
  } else {
    const p1 = profiel({});
    const p2 = profiel({
      voorschrift: "Besluit bouwwerken leefomgeving, regels over brandveiligheid van bestaande bouwwerken en brandveilig gebruik",
      herstelmaatregel:
        "het pand laten voldoen aan de brandveiligheidseisen, in elk geval werkende rookmelders plaatsen en de vluchtwegen vrijhouden",
      begunstigingstermijn: "2 weken",
      dwangsom: { bedrag: 1000, per: "week", maximum: 10000 },
    });
    opvolgingen = [
      item(
        1,
        bevinding(
          1,
          "overbewoning",
          "Overbewoning",
          "Elf personen aangetroffen in een woning van 85 m², slaapplaatsen op zolder en in de garage",
          11,
          "Gemeente",
          p1.voorschrift,
        ),
        zaak(1, p1),
      ),
      item(
        2,
        bevinding(
          2,
          "brandveiligheid",
          "Niet voldaan aan brandveiligheidseisen",
          "Geen werkende rookmelders; vluchtweg zolder geblokkeerd",
          null,
          "Veiligheidsregio",
          p2.voorschrift,
        ),
        zaak(2, p2),
      ),
    ];
  }
  const ontvanger: Ontvanger = aanPartner
    ? { soort: "partner", id: 0, naam: "Nederlandse Arbeidsinspectie", lidwoord: "de", postadres: "Postbus 90801, 2509 LV Den Haag" }
    : { soort: "betrokkene", id: 0, naam: "Łukasz Wiśniewski", postadres: "ul. Długa 14, 80-831 Gdańsk, POLEN", rol: "verhuurder" };
  return { sjabloon, ontvanger, adres, bestuursorgaan: opvolgingen[0]!.zaak!.profiel.bestuursorgaan, opvolgingen };
}
