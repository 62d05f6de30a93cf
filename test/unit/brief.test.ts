import { describe, expect, it } from "vitest";
import {
  blokken,
  briefBestandsnaam,
  briefContext,
  formatKenmerk,
  groepeerBrieven,
  maakBriefhoofd,
  parseSjabloon,
  sjabloonVoorActie,
  volgendVolgnummer,
  voorbeeldGroep,
  type BriefOpvolging,
} from "../../src/domain/brief.js";

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
const opv = (id: number, actie: string, adresId: number, bevindingId = id, deadline = "2026-12-10"): BriefOpvolging => ({
  opvolgingId: id,
  actie,
  deadline,
  partner: "ISZW",
  partnerId: 7,
  bevinding: {
    id: bevindingId,
    categorie: "overbewoning",
    categorieNaam: "Overbewoning",
    grondslag: "Bbl",
    omschrijving: `bevinding ${bevindingId}`,
    maatregel: null,
    personen: null,
    partner: "Gemeente",
  },
  adres: adres(adresId, adresId === 1 ? "5504AB" : "5531NK"),
  avond: { id: 1, datum: "2026-11-12", doel: "controle" },
});

describe("sjabloon per actie en kenmerk", () => {
  it("kiest het sjabloon per actie (hoofdletterongevoelig) en niets voor acties zonder brief", () => {
    expect(sjabloonVoorActie("Voornemen last onder dwangsom")).toBe("voornemen-last-onder-dwangsom");
    expect(sjabloonVoorActie("hercontrole")).toBe("aankondiging-hercontrole");
    expect(sjabloonVoorActie("partner informeren")).toBe("informatiebericht-partner");
    expect(sjabloonVoorActie("onderzoek")).toBeUndefined();
  });

  it("nummert kenmerken per jaar door", () => {
    expect(formatKenmerk(2026, 123)).toBe("INT-2026-000123");
    expect(volgendVolgnummer(["INT-2026-000004", "INT-2025-000099", "INT-2026-000011"], 2026)).toBe(12);
    expect(volgendVolgnummer(["INT-2025-000099"], 2026)).toBe(1);
  });

  it("maakt sorteerbare bestandsnamen zonder vreemde tekens", () => {
    expect(
      briefBestandsnaam("2026-11-23", "INT-2026-000012", "informatiebrief-eigenaar", {
        postcode: "5504AB",
        huisnummer: 12,
        toevoeging: "",
      }),
    ).toBe("2026-11-23_INT-2026-000012_informatiebrief-eigenaar_5504AB-12.pdf");
    expect(briefBestandsnaam("2026-11-23", "K", "s", { postcode: "5504AB", huisnummer: 12, toevoeging: "2-HOOG" })).toBe(
      "2026-11-23_K_s_5504AB-122HOOG.pdf",
    );
  });
});

describe("groeperen", () => {
  const eigenaar = (adresId: number) =>
    adresId === 1 ? { soort: "betrokkene" as const, id: 5, naam: "Łukasz", postadres: null, rol: "eigenaar" } : undefined;

  it("één brief per sjabloon, ontvanger en adres; partnerbrieven aan de partner; overslaan met reden", () => {
    const { groepen, overgeslagen } = groepeerBrieven(
      [
        opv(3, "informatiebrief eigenaar", 1),
        opv(1, "informatiebrief eigenaar", 1),
        opv(2, "partner informeren", 1),
        opv(4, "onderzoek", 1),
        opv(5, "hercontrole", 2),
      ],
      eigenaar,
    );
    expect(groepen.map((g) => [g.sjabloon, g.ontvanger.naam, g.opvolgingen.map((o) => o.opvolgingId)])).toEqual([
      ["informatiebericht-partner", "ISZW", [2]],
      ["informatiebrief-eigenaar", "Łukasz", [1, 3]],
    ]);
    expect(overgeslagen.map((o) => o.opvolging)).toEqual([4, 5]);
    expect(overgeslagen[1]!.reden).toContain("--aan");
  });
});

describe("sjabloonformaat", () => {
  it("leest de kop en de tekst", () => {
    const s = parseSjabloon(
      "x",
      "\uFEFF---\r\ntitel: Titel\r\nonderwerp: Over {{adres.volledig}}\r\n# commentaar\r\naanhef: Beste\r\n---\r\nTekst\r\n",
    );
    expect(s).toEqual({ naam: "x", titel: "Titel", onderwerp: "Over {{adres.volledig}}", kop: { aanhef: "Beste" }, tekst: "Tekst\n" });
  });

  it("meldt een ontbrekend onderwerp, een open kop of een kapotte kopregel", () => {
    expect(parseSjabloon("x", "Tekst")).toContain('mist "onderwerp:"');
    expect(parseSjabloon("x", "---\nonderwerp: a\nTekst")).toContain("niet afgesloten");
    expect(parseSjabloon("x", "---\nonderwerp: a\ndit is geen kop\n---\n")).toContain("kopregel 3");
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
  it("eigen velden gaan voor de standaard, die voor de algemene", () => {
    const h = maakBriefhoofd("Best", { telefoon: "0499 1", afdeling: "" }, { telefoon: "14 0499", email: "h@best.nl" });
    expect(h).toMatchObject({
      gemeente: "Best",
      telefoon: "0499 1",
      email: "h@best.nl",
      afdeling: "afdeling Vergunningen, Toezicht en Handhaving",
      ondertekenaarNaam: null,
    });
  });

  it("vult termijnen, grondslagen (uniek) en de vroegste deadline", () => {
    const groep = voorbeeldGroep("last-onder-dwangsom");
    groep.opvolgingen[1]!.deadline = "2026-12-01";
    const c = briefContext({
      groep,
      briefhoofd: maakBriefhoofd("Veldhoven", undefined, undefined),
      datum: "2026-11-23",
      kenmerk: "INT-2026-000001",
      dwangsom: { bedrag: "€ 500" },
    });
    expect(c.deadline).toBe("2026-12-01");
    // Made after the follow-up's deadline: the letter gives a week from its own date instead.
    const laat = briefContext({
      groep,
      briefhoofd: maakBriefhoofd("Veldhoven", undefined, undefined),
      datum: "2026-12-03",
      kenmerk: "INT-2026-000002",
    });
    expect(laat.deadline).toBe("2026-12-10");
    expect(c.termijnen).toEqual({ zienswijze: "2026-12-07", bezwaar: "2027-01-04" });
    expect(c.dwangsom).toEqual({ bedrag: "€ 500", per: "week", maximum: "€ 10.000" });
    expect(c.meerdere).toBe(true);
    expect(c.ontvanger.adresregels).toEqual(["ul. Długa 14", "80-831 Gdańsk", "POLEN"]);
    expect(c.adres.volledig).toBe("Kerkstraat 12A, 5504 AB Veldhoven");
  });

  it("zonder postadres gaat de brief naar het adres zelf", () => {
    const groep = {
      sjabloon: "informatiebrief-eigenaar",
      ontvanger: { soort: "betrokkene" as const, id: 1, naam: "Ștefan Țurcanu", postadres: null, rol: "eigenaar" },
      adres: adres(1),
      opvolgingen: [opv(1, "x", 1)],
    };
    const c = briefContext({ groep, briefhoofd: maakBriefhoofd("Veldhoven", undefined, undefined), datum: "2026-11-23", kenmerk: "K" });
    expect(c.ontvanger.adresregels).toEqual(["Kerkstraat 12", "5504 AB  VELDHOVEN"]);
  });
});
