import { describe, expect, it } from "vitest";
import { ontbrekendeGegevens, parseTijdstip, parseToezichthouders } from "../../src/domain/bevinding.js";
import { formatGrootte, detectSoort } from "../../src/domain/bijlage.js";
import {
  bezwarenTegenOndertekenen,
  formatRapportKenmerk,
  inhoudHash,
  chooseOndertekenaar,
  makeInhoud,
  rapportBestandsnaam,
  waarnemingsdatum,
  type RapportGegevens,
} from "../../src/domain/rapport-bevindingen.js";

const auteur = (nummer: string) => ({ nummer, functie: "toezichthouder Wonen", organisatie: "Veldhoven", beediging: null });

function gegevens(over: Partial<RapportGegevens["bevindingen"][number]>[] = [{}]): RapportGegevens {
  return {
    gemeente: "Veldhoven",
    afdeling: "afdeling VTH",
    adres: { volledig: "Kerkstraat 12, 5504 AB Veldhoven", type: "woning" },
    avond: { id: 1, datum: "2026-11-19", starttijd: "19:00", doel: "Controle" },
    team: [
      { rol: "teamleider", organisatie: "Gemeente" },
      { rol: "onderzoek", organisatie: "Gemeente" },
      { rol: "beveiliging", organisatie: "Politie" },
    ],
    bevindingen: over.map((o, i) => ({
      id: i + 1,
      categorie: "overbewoning",
      categorieNaam: "Overbewoning",
      norm: "Bbl",
      omschrijving: "x",
      maatregel: null,
      personen: null,
      tijdstip: "19:40",
      tijdstipGeschat: false,
      methode: "visuele waarneming",
      toezichthouders: [auteur("4711")],
      bijlagen: [],
      ...o,
    })),
  };
}

describe("waarneming: tijd, nummers, datum", () => {
  it("leest tijden als UU:MM en weigert wat geen tijd is", () => {
    expect(parseTijdstip("9.05")).toBe("09:05");
    expect(parseTijdstip(" 23:59 ")).toBe("23:59");
    for (const fout of ["24:00", "7 uur", "19:60", ""]) expect(() => parseTijdstip(fout)).toThrow(/is geen tijd/);
  });

  it("leest nummers met komma's, puntkomma's of spaties, zonder dubbelingen; een naam is geen nummer", () => {
    expect(parseToezichthouders("4711, boa-2314;4711")).toEqual(["4711", "BOA-2314"]);
    expect(parseToezichthouders("")).toEqual([]);
    expect(() => parseToezichthouders("Jan,Jansen,Piet,Klaas,Henk,Anna")).toThrow(/hoogstens vijf/);
    expect(() => parseToezichthouders("J. Jansen")).toThrow(/geen toezichthoudernummer/);
  });

  it("een waarneming na middernacht valt op de volgende dag; een dagactie niet", () => {
    expect(waarnemingsdatum("2026-12-31", "19:00", "00:40")).toBe("2027-01-01");
    expect(waarnemingsdatum("2026-11-19", "19:00", "18:55")).toBe("2026-11-19");
    expect(waarnemingsdatum("2026-11-19", "09:00", "08:30")).toBe("2026-11-19");
  });

  it("noemt wat een bevinding mist", () => {
    expect(ontbrekendeGegevens({ tijdstip_geschat: 1, toezichthouders: [], methode: null })).toEqual([
      "tijdstip",
      "toezichthouder",
      "methode",
    ]);
    expect(ontbrekendeGegevens({ tijdstip_geschat: 0, toezichthouders: ["4711"], methode: "x" })).toEqual([]);
  });
});

describe("bijlagen", () => {
  it("herkent JPEG, PNG en PDF aan de eerste bytes, niet aan de naam", () => {
    expect(detectSoort(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe("jpeg");
    expect(detectSoort(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe("png");
    expect(detectSoort(Buffer.from("%PDF-1.7"))).toBe("pdf");
    expect(detectSoort(Buffer.from("GIF89a"))).toBeUndefined();
    expect(detectSoort(Buffer.from("MZ\x90\x00"))).toBeUndefined();
    expect(detectSoort(Buffer.alloc(0))).toBeUndefined();
  });

  it("schrijft groottes zoals mensen ze lezen", () => {
    expect(formatGrootte(812)).toBe("812 bytes");
    expect(formatGrootte(131_184)).toBe("131 kB");
    expect(formatGrootte(25_000_000)).toBe("25 MB");
    expect(formatGrootte(3_400_000)).toBe("3,4 MB");
  });
});

describe("rapport van bevindingen", () => {
  it("kenmerk en bestandsnaam", () => {
    expect(formatRapportKenmerk(2026, 1)).toBe("RVB-2026-000001");
    expect(rapportBestandsnaam("RVB-2026-000001", 2, { postcode: "5504AB", huisnummer: 12, toevoeging: "a-1" })).toBe(
      "RVB-2026-000001_v2_5504AB-12a1.pdf",
    );
    expect(rapportBestandsnaam(null, 1, { postcode: "5504AB", huisnummer: 12, toevoeging: "" })).toBe("concept_v1_5504AB-12.pdf");
  });

  it("ordent waarnemingen op tijd over middernacht, telt het team per organisatie, noemt de opstellers één keer", () => {
    const inhoud = makeInhoud(
      gegevens([
        { tijdstip: "00:20", toezichthouders: [auteur("2314")] },
        { tijdstip: "23:10", personen: 6, toezichthouders: [auteur("4711"), auteur("2314")] },
        { tijdstip: "19:40", personen: 14 },
      ]),
    );
    expect(inhoud.waarnemingen.map((w) => [w.nr, w.bevinding_id, w.datum, w.tijdstip])).toEqual([
      [1, 3, "2026-11-19", "19:40"],
      [2, 2, "2026-11-19", "23:10"],
      [3, 1, "2026-11-20", "00:20"],
    ]);
    expect(inhoud.auteurs.map((a) => a.nummer)).toEqual(["4711", "2314"]);
    expect(inhoud.aanwezig).toEqual([
      { organisatie: "Gemeente", aantal: 2, rollen: ["teamleider", "onderzoek"] },
      { organisatie: "Politie", aantal: 1, rollen: ["beveiliging"] },
    ]);
    expect(inhoud.aangetroffen_personen).toBe(14);
  });

  it("dezelfde inhoud geeft dezelfde hash; elke wijziging een andere", () => {
    const a = inhoudHash(makeInhoud(gegevens()));
    expect(inhoudHash(makeInhoud(gegevens()))).toBe(a);
    expect(inhoudHash(makeInhoud(gegevens([{ omschrijving: "y" }])))).not.toBe(a);
    expect(
      inhoudHash(makeInhoud(gegevens([{ bijlagen: [{ sha256: "a".repeat(64), soort: "png", grootte: 1, bijschrift: null }] }]))),
    ).not.toBe(a);
  });

  it("ondertekenen: alleen een opsteller, en alleen als niets ontbreekt", () => {
    const twee = makeInhoud(gegevens([{ toezichthouders: [auteur("4711"), auteur("2314")] }]));
    expect(chooseOndertekenaar(twee, undefined)).toEqual({ fout: expect.stringContaining("kies wie ondertekent met --ondertekenaar") });
    expect(chooseOndertekenaar(twee, "2314")).toEqual({ nummer: "2314" });
    expect(chooseOndertekenaar(twee, "1")).toEqual({ fout: expect.stringContaining("heeft deze bevindingen niet vastgesteld") });
    expect(chooseOndertekenaar(makeInhoud(gegevens()), undefined)).toEqual({ nummer: "4711" });
    expect(bezwarenTegenOndertekenen(makeInhoud(gegevens()))).toEqual([]);
    expect(bezwarenTegenOndertekenen(makeInhoud(gegevens([{ methode: null, tijdstipGeschat: true }])))[0]).toMatch(
      /bevinding 1 \(Overbewoning\) is onvolledig: tijdstip, methode \(vul aan met: interventie bevinding wijzig 1 --tijdstip … --methode …\)/,
    );
    expect(bezwarenTegenOndertekenen(makeInhoud(gegevens([])))).toEqual(["er zijn geen bevindingen op dit adres"]);
  });
});
