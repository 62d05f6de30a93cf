import type { DemoHoofdstuk } from "./stappen.js";

/** The first evening of the demo (Thursday 5 November 2026); the findings are recorded that night. */
export const AVONDDAG = "2026-11-05";

/** `bevinding toevoegen` on the demo evening. */
const bevinding = (adres: string, categorie: string, omschrijving: string, extra: string[] = []): string[] => [
  "bevinding",
  "toevoegen",
  "--avond",
  "$avond1",
  "--adres",
  adres,
  "--categorie",
  categorie,
  "--omschrijving",
  omschrijving,
  ...extra,
];

/**
 * Findings of the first evening and their follow-up until closed. Relies on the
 * casustafel/avond chapter before it: `$avond1` and the addresses `$kerkstraat`,
 * `$industrieweg`, `$markt`.
 */
export const BEVINDINGEN: DemoHoofdstuk[] = [
  {
    titel: "Bevindingen van de controleavond",
    stappen: [
      {
        uitleg:
          "Per adres en categorie. Wat de gemeente handhaaft krijgt een handhavingszaak met de eerste stap van de ladder; de rest (partner informeren, boeterapport) komt uit de categorie.",
        args: bevinding("$kerkstraat", "overbewoning", "14 personen op 4 slaapkamers, matrassen op zolder", [
          "--maatregel",
          "zolder als slaapruimte gesloten",
          "--personen",
          "14",
        ]),
        bewaar: { bev_overbewoning: "id", over_voornemen: "opvolgingen[actie=voornemen last onder dwangsom].id" },
        vandaag: AVONDDAG,
      },
      {
        args: bevinding("$kerkstraat", "energiefraude", "Elektriciteitsmeter omgelegd", ["--maatregel", "meters vervangen"]),
        bewaar: "bev_energie",
        vandaag: AVONDDAG,
      },
      {
        uitleg: "Acuut brandgevaar: het spoor van de last onder bestuursdwang, met korte termijnen.",
        args: bevinding("$industrieweg", "brandgevaar", "Logies in loods zonder vluchtweg en rookmelders", [
          "--maatregel",
          "noodvoorziening: bewoners elders ondergebracht",
          "--personen",
          "9",
        ]),
        bewaar: { bev_brand: "id", brand_voornemen: "opvolgingen[actie=voornemen last onder bestuursdwang].id" },
        vandaag: AVONDDAG,
      },
      {
        uitleg: "De Wav is de wet van de Arbeidsinspectie (ISZW werkt nog als naam): geen gemeentelijke handhavingsladder.",
        args: bevinding("$industrieweg", "wav", "Zes werknemers zonder tewerkstellingsvergunning", [
          "--partner",
          "ISZW",
          "--personen",
          "6",
        ]),
        bewaar: "bev_wav",
        vandaag: AVONDDAG,
      },
      {
        uitleg: "Hennep: de ladder van artikel 13b Opiumwet begint bij de bestuurlijke rapportage van de politie; de burgemeester beslist.",
        args: bevinding("$heuvel", "hennep", "Hennepkwekerij met 420 planten op zolder; elektriciteit illegaal afgetakt"),
        bewaar: { bev_hennep: "id", hennep_rapportage: "opvolgingen[actie=bestuurlijke rapportage politie].id" },
        vandaag: AVONDDAG,
      },
      {
        uitleg: "Een adres dat niet op de lijst stond wordt geaccepteerd met een waarschuwing (het team liep de buren binnen).",
        args: bevinding("$markt", "alcoholwet", "Sterke drank geschonken zonder alcoholvergunning"),
        bewaar: { bev_alcohol: "id" },
        vandaag: AVONDDAG,
      },
      { args: bevinding("$markt", "voedselveiligheid", "Keuken ernstig vervuild"), vandaag: AVONDDAG },
      { args: ["bevinding", "lijst", "--avond", "$avond1"], vandaag: AVONDDAG },
      {
        uitleg: "Wie moet wat doen en wanneer; een ladderstap toont ook de vroegste dag.",
        args: ["opvolging", "lijst", "--status", "open"],
        vandaag: AVONDDAG,
      },
    ],
  },
];
