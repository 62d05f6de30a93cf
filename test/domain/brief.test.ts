import { describe, expect, it } from "vitest";
import {
  blokken,
  briefBestandsnaam,
  formatKenmerk,
  groupBrieven,
  makeBriefhoofd,
  parseSjabloon,
  type BriefGroep,
  type BriefItem,
  type BriefOpvolging,
  type Ontvanger,
  type ZaakInfo,
} from "../../src/domain/brief.js";
import { briefContext } from "../../src/domain/brief-context.js";
import { assessBrief, type BeoordelingInvoer } from "../../src/domain/brief-plan.js";
import { voorbeeldGroep } from "../../src/domain/brief-voorbeeld.js";
import type { Stap } from "../../src/domain/ladder.js";
import { kalender } from "../../src/io/atw.js";
import { ladderData } from "../../src/io/ladder.js";
import { profiel } from "../helpers/profiel.js";

const adres = (id: number, postcode = "5504AB", huisnummer = 12) => ({
  id,
  postcode,
  huisnummer,
  toevoeging: "",
  straat: "Kerkstraat",
  plaats: "Veldhoven",
  gemeente: "Veldhoven",
  type: "woning",
});
const RVB = { kenmerk: "RVB-2026-000001", versie: 1, datum: "2026-11-13" };
const opv = (
  id: number,
  adresId: number,
  o: { zaak?: ZaakInfo | null; stap?: Stap | null; categorie?: string; rapport?: typeof RVB | null } = {},
): BriefOpvolging => ({
  opvolgingId: id,
  actie: "x",
  deadline: "2026-12-10",
  partner: "Nederlandse Arbeidsinspectie",
  partnerId: 7,
  stap: o.stap ?? null,
  nietVoor: null,
  bevinding: {
    id,
    categorie: o.categorie ?? "overbewoning",
    categorieNaam: o.categorie === "wav" ? "Wet arbeid vreemdelingen" : "Overbewoning",
    grondslag: "Bbl",
    omschrijving: `bevinding ${id}`,
    maatregel: null,
    personen: null,
    partner: o.categorie === "wav" ? "Nederlandse Arbeidsinspectie" : "Gemeente",
    waarneming: { datum: "2026-11-12", tijdstip: "19:40" },
    rapport: o.rapport === undefined ? RVB : o.rapport,
  },
  adres: adres(adresId, adresId === 1 ? "5504AB" : "5531NK"),
  avond: { id: 1, datum: "2026-11-12", doel: "controle" },
  zaak: o.zaak ?? null,
});
const lukasz: Ontvanger = { soort: "betrokkene", id: 5, naam: "Łukasz", postadres: null, rol: "eigenaar" };
const item = (o: BriefOpvolging, sjabloon: string, extra: Partial<BriefItem> = {}): BriefItem => ({
  opvolging: o,
  sjabloon,
  ontvanger: lukasz,
  bestuursorgaan: "college",
  ...extra,
});

describe("kenmerk en bestandsnaam", () => {
  it("kenmerk: voorvoegsel, jaar, volgnummer van zes cijfers", () => {
    expect(formatKenmerk(2026, 123)).toBe("INT-2026-000123");
  });

  it("maakt sorteerbare bestandsnamen zonder vreemde tekens", () => {
    expect(briefBestandsnaam("2026-11-23", "INT-2026-000012", "waarschuwing", { postcode: "5504AB", huisnummer: 12, toevoeging: "" })).toBe(
      "2026-11-23_INT-2026-000012_waarschuwing_5504AB-12.pdf",
    );
    expect(briefBestandsnaam("2026-11-23", "K", "s", { postcode: "5504AB", huisnummer: 12, toevoeging: "2-HOOG" })).toBe(
      "2026-11-23_K_s_5504AB-122HOOG.pdf",
    );
  });
});

describe("groeperen", () => {
  it("één brief per sjabloon, ontvanger, adres en bestuursorgaan; een voornemen ook per zienswijzetermijn", () => {
    const groepen = groupBrieven([
      item(opv(3, 1), "waarschuwing"),
      item(opv(1, 1), "waarschuwing"),
      item(opv(2, 1), "waarschuwing", { bestuursorgaan: "burgemeester" }), // never one letter for two organen
      item(opv(4, 2), "waarschuwing"),
      item(opv(5, 1), "voornemen-last-onder-dwangsom", { sleutel: "2 weken" }),
      item(opv(6, 1), "voornemen-last-onder-dwangsom", { sleutel: "1 week" }),
    ]);
    expect(groepen.map((g) => [g.sjabloon, g.bestuursorgaan, g.opvolgingen.map((o) => o.opvolgingId)])).toEqual([
      ["voornemen-last-onder-dwangsom", "college", [5]],
      ["voornemen-last-onder-dwangsom", "college", [6]],
      ["waarschuwing", "college", [1, 3]],
      ["waarschuwing", "burgemeester", [2]],
      ["waarschuwing", "college", [4]],
    ]);
  });
});

describe("welke brief, aan wie (brief-plan)", () => {
  const ladder = ladderData();
  const k = kalender();
  const zaakVan = (stap: Stap, o: Partial<ZaakInfo> = {}): ZaakInfo => ({
    id: 9,
    status: "lopend",
    profiel: profiel({ bevoegdheid: "125 Gemeentewet", herstelmaatregel: "x", dwangsom: { bedrag: 1000, per: "week", maximum: 10000 } }),
    overtrederId: null,
    kosten: null,
    stappen: [{ opvolgingId: 1, stap, status: "open", nietVoor: "2026-11-12", geslotenOp: null, beeindigd: null, brief: null }],
    zienswijzen: [],
    hoedanigheid: null,
    overtreder: null,
    ...o,
  });
  const invoer = (o: BriefOpvolging, x: Partial<BeoordelingInvoer> = {}): BeoordelingInvoer => ({
    o: { ...o, status: "open", sjabloon: null },
    sjabloon: undefined,
    aanPartner: (s) => s === "informatiebericht-partner",
    betrokkenen: [
      { id: 5, naam: "Łukasz", postadres: null, rol: "eigenaar" },
      { id: 6, naam: "Café De Markt V.O.F.", postadres: null, rol: "exploitant" },
    ],
    partner: { id: 7, naam: "Nederlandse Arbeidsinspectie", lidwoord: "de", postadres: "Postbus 90801, 2509 LV Den Haag" },
    batch: true,
    vandaag: "2026-11-23",
    kalender: k,
    ladder,
    hints: {
      overtreder: "handhaving zet 9 --overtreder <id>",
      weging: () => "",
      kosten: "",
      rapport: (a, b) => `rapport bevindingen --avond ${a} --adres ${b} --onderteken`,
    },
    ...x,
  });

  it("een partnerwet (Wav) krijgt nooit een gemeentelijke handhavingsbrief", () => {
    const b = assessBrief(invoer(opv(1, 1, { categorie: "wav" }), { sjabloon: "voornemen-last-onder-dwangsom" }));
    expect(b).toEqual({
      soort: "overgeslagen",
      reden: expect.stringContaining("valt niet onder de handhaving van de gemeente maar onder die van Nederlandse Arbeidsinspectie"),
    });
  });

  it("een voornemen gaat naar de aangewezen overtreder, nooit naar de eigenaar omdat hij eigenaar is", () => {
    const zonder = assessBrief(invoer(opv(1, 1, { zaak: zaakVan("voornemen"), stap: "voornemen" })));
    expect(zonder).toMatchObject({ soort: "tegengehouden", reden: "wijs eerst de overtreder aan: handhaving zet 9 --overtreder <id>" });
    const met = assessBrief(invoer(opv(1, 1, { zaak: zaakVan("voornemen", { overtrederId: 6 }), stap: "voornemen" })));
    expect(met).toMatchObject({
      soort: "brief",
      item: { sjabloon: "voornemen-last-onder-dwangsom", ontvanger: { id: 6, rol: "exploitant" }, sleutel: "2 weken" },
    });
  });

  it("een besluit rust op een ondertekend rapport van bevindingen: zonder rapport wordt het tegengehouden", () => {
    const stappen = [
      {
        opvolgingId: 1,
        stap: "voornemen" as Stap,
        status: "afgerond",
        nietVoor: null,
        geslotenOp: "2026-11-13",
        beeindigd: null,
        brief: { kenmerk: "INT-2026-000001", datum: "2026-11-13" },
      },
      { opvolgingId: 2, stap: "besluit" as Stap, status: "open", nietVoor: "2026-11-28", geslotenOp: null, beeindigd: null, brief: null },
    ];
    const zaak = zaakVan("besluit", { overtrederId: 5, stappen });
    const zonder = assessBrief(invoer(opv(2, 1, { zaak, stap: "besluit", rapport: null }), { vandaag: "2026-12-01" }));
    expect(zonder).toEqual({
      soort: "tegengehouden",
      reden: expect.stringContaining(
        "ondertekend rapport van bevindingen en bevinding 2 staat nog in geen ondertekend rapport: rapport bevindingen --avond 1 --adres 1 --onderteken",
      ),
      tot: null,
    });
    const met = assessBrief(invoer(opv(2, 1, { zaak, stap: "besluit" }), { vandaag: "2026-12-01" }));
    expect(met).toMatchObject({ soort: "brief", item: { sjabloon: "last-onder-dwangsom", ontvanger: { id: 5 } } });
    // Before the zienswijze term has run, the term is the reason given (with its date), not the report.
    const vroeg = assessBrief(invoer(opv(2, 1, { zaak, stap: "besluit", rapport: null }), { vandaag: "2026-11-20" }));
    expect(vroeg).toMatchObject({ soort: "tegengehouden", tot: expect.any(String) });
  });

  it("de waarschuwing mag naar de eigenaar; een brief aan een partner naar de partner, maar nooit aan de gemeente zelf", () => {
    expect(assessBrief(invoer(opv(1, 1, { zaak: zaakVan("waarschuwing"), stap: "waarschuwing" })))).toMatchObject({
      soort: "brief",
      item: { sjabloon: "waarschuwing", ontvanger: { id: 5 } },
    });
    const partner = invoer(opv(2, 1), { sjabloon: "informatiebericht-partner" });
    expect(assessBrief(partner)).toMatchObject({
      item: { ontvanger: { soort: "partner", naam: "Nederlandse Arbeidsinspectie", lidwoord: "de" } },
    });
    const zelf = invoer(opv(2, 1), {
      sjabloon: "informatiebericht-partner",
      partner: { id: 1, naam: "Gemeente", lidwoord: "de", postadres: null },
    });
    expect(assessBrief(zelf)).toEqual({ soort: "overgeslagen", reden: "de gemeente schrijft geen brief aan zichzelf" });
  });

  it("een sjabloon van een andere stap wordt geweigerd; een aankondiging niet in een batch; een actie zonder brief wordt overgeslagen", () => {
    const w = opv(1, 1, { zaak: zaakVan("waarschuwing"), stap: "waarschuwing" });
    expect(assessBrief(invoer(w, { sjabloon: "last-onder-dwangsom" }))).toMatchObject({
      soort: "overgeslagen",
      reden: expect.stringContaining("hoort bij het besluit"),
    });
    const h = opv(1, 1, { zaak: zaakVan("hercontrole"), stap: "hercontrole" });
    expect(assessBrief(invoer(h))).toMatchObject({ soort: "overgeslagen", reden: expect.stringContaining("aankondiging") });
    expect(assessBrief(invoer(h, { batch: false }))).toMatchObject({ soort: "brief", item: { sjabloon: "aankondiging-hercontrole" } });
    expect(assessBrief(invoer(opv(1, 1)))).toEqual({ soort: "overgeslagen", reden: 'actie "x" vraagt geen brief' });
  });
});

describe("sjabloonformaat", () => {
  it("leest de kop en de tekst; aan: partner", () => {
    const s = parseSjabloon(
      "x",
      "\uFEFF---\r\ntitel: Titel\r\nonderwerp: Over {{adres.volledig}}\r\n# commentaar\r\naanhef: Beste\r\naan: partner\r\n---\r\nTekst\r\n",
    );
    expect(s).toEqual({
      naam: "x",
      titel: "Titel",
      onderwerp: "Over {{adres.volledig}}",
      aanPartner: true,
      kop: { aanhef: "Beste" },
      tekst: "Tekst\n",
    });
  });

  it("meldt een ontbrekend onderwerp, een open kop, een kapotte kopregel of een onbekende geadresseerde", () => {
    expect(parseSjabloon("x", "Tekst")).toContain('mist "onderwerp:"');
    expect(parseSjabloon("x", "---\nonderwerp: a\nTekst")).toContain("niet afgesloten");
    expect(parseSjabloon("x", "---\nonderwerp: a\ndit is geen kop\n---\n")).toContain("kopregel 3");
    expect(parseSjabloon("x", "---\nonderwerp: a\naan: buurman\n---\n")).toContain('"aan:" is partner of betrokkene');
  });

  it("splitst de gevulde tekst in alinea's, vette regels en lijsten", () => {
    expect(blokken("Eerste regel\nloopt door.\n\n**Kop**\n\n- een\n- twee\n\n\n\nSlot")).toEqual([
      { soort: "alinea", tekst: "Eerste regel loopt door." },
      { soort: "vet", tekst: "Kop" },
      { soort: "lijst", items: ["een", "twee"] },
      { soort: "alinea", tekst: "Slot" },
    ]);
  });
});

describe("briefhoofd en context", () => {
  const k = kalender();
  const context = (groep: BriefGroep, datum = "2026-11-23") =>
    briefContext({
      groep,
      briefhoofd: makeBriefhoofd("Veldhoven", undefined, undefined),
      datum,
      kenmerk: "K",
      kalender: k,
      betrokkenen: [],
    });
  it("eigen velden gaan voor de standaard, die voor de algemene; het mandaat heeft een standaard", () => {
    const h = makeBriefhoofd("Best", { telefoon: "0499 1", afdeling: "" }, { telefoon: "14 0499", email: "h@best.nl" });
    expect(h).toMatchObject({
      gemeente: "Best",
      telefoon: "0499 1",
      email: "h@best.nl",
      afdeling: "afdeling Vergunningen, Toezicht en Handhaving",
      ondertekenaarNaam: null,
      mandaat: "Mandaat-, volmacht- en machtigingsbesluit gemeente Best",
    });
  });

  it("termijnen volgens de Atw, bestuursorgaan, overtreder en afschrift", () => {
    const groep = voorbeeldGroep("last-onder-bestuursdwang", false, "2026-11-13");
    const c = briefContext({
      groep,
      briefhoofd: makeBriefhoofd("Veldhoven", undefined, undefined),
      datum: "2026-11-13",
      kenmerk: "INT-2026-000001",
      kalender: k,
      betrokkenen: [
        { id: 0, naam: "Łukasz Wiśniewski", rol: "verhuurder" },
        { id: 1, naam: "Woonstichting De Kempen", rol: "eigenaar" },
        { id: 2, naam: "Kempen Flex B.V.", rol: "werkgever" },
      ],
    });
    // Six weeks from Friday 13 November end on Christmas Day: the term runs to Monday 28 December.
    expect(c.termijnen.bezwaar).toBe("2026-12-28");
    expect(c.bestuursorgaan).toMatchObject({
      naam: "het college van burgemeester en wethouders van Veldhoven",
      ondertekening: "namens het college van burgemeester en wethouders van Veldhoven,",
    });
    expect(c.overtreder).toEqual({ naam: "Łukasz Wiśniewski", hoedanigheid: "verhuurder van de woning Kerkstraat 12A, 5504 AB Veldhoven" });
    expect(c.afschrift).toEqual(["Woonstichting De Kempen (eigenaar)"]); // a werkgever holds no right to the building
    expect(c.zaken[0]!.begunstigingstermijn).toEqual({ duur: "drie werkdagen", tot: "2026-11-18" });
    expect(c.ontvanger.adresregels).toEqual(["ul. Długa 14", "80-831 Gdańsk", "POLEN"]);
    // The letter cites the signed report and the time of the observation (5:9 Awb).
    expect(c.rapport).toEqual({ kenmerk: "RVB-2026-000001", versie: 1, datum: expect.any(String) });
    expect(c.rapporten).toHaveLength(1);
    expect(c.zaken[0]!.waarneming).toEqual({ datum: expect.any(String), tijdstip: "19:40" });
  });

  it("de burgemeester in een 13b-brief; een partner met lidwoord en postadres", () => {
    const sluiting = context(voorbeeldGroep("besluit-sluiting", false, "2026-11-23"));
    expect(sluiting.bestuursorgaan.naam).toBe("de burgemeester van Veldhoven");
    expect(sluiting.zaken[0]!.sluitingsduur).toBe("drie maanden");
    const partner = context(voorbeeldGroep("informatiebericht-partner", true, "2026-11-23"));
    expect(partner.partner.metLidwoord).toBe("de Nederlandse Arbeidsinspectie");
    expect(partner.ontvanger.adresregels).toEqual([
      "t.a.v. de vaste vertegenwoordiger in het interventieteam",
      "Postbus 90801",
      "2509 LV Den Haag",
    ]);
  });

  it("een partner wiens postadres met zijn volledige naam begint, krijgt die naam in het adresvak", () => {
    const groep = { ...voorbeeldGroep("informatiebericht-partner", true, "2026-11-23") };
    groep.ontvanger = {
      soort: "partner",
      id: 2,
      naam: "Politie",
      lidwoord: "de",
      postadres: "Politie eenheid Oost-Brabant, Postbus 2, 5201 AA 's-Hertogenbosch",
    };
    const c = context(groep);
    expect(c.ontvanger.naam).toBe("Politie eenheid Oost-Brabant");
    expect(c.partner.metLidwoord).toBe("de Politie");
  });

  it("zonder postadres gaat de brief naar het adres zelf", () => {
    const groep = {
      sjabloon: "waarschuwing",
      ontvanger: { ...lukasz, naam: "Ștefan Țurcanu" },
      adres: adres(1),
      bestuursorgaan: "college" as const,
      opvolgingen: [opv(1, 1)],
    };
    const c = context(groep);
    expect(c.ontvanger.adresregels).toEqual(["Kerkstraat 12", "5504 AB  VELDHOVEN"]);
    expect(c.adres.isWoning).toBe(true);
  });
});
