import { describe, expect, it } from "vitest";
import { rankCandidates, recencyBand, type CandidateInput } from "../../src/domain/ranking.js";

const TODAY = "2026-11-25";
const input = (adresId: number, over: Partial<CandidateInput> = {}): CandidateInput => ({
  adresId,
  straat: "Straat",
  huisnummer: adresId,
  toevoeging: "",
  postcode: "5504AB",
  plaats: "Veldhoven",
  gemeente: "Veldhoven",
  type: "woning",
  signalen: [],
  bevindingenHier: 0,
  bevindingenElders: [],
  ...over,
});
const sig = (partner: string, datum = "2026-11-01", thema: string | null = "huisvesting", omschrijving = `Melding van ${partner}`) => ({
  partner,
  datum,
  thema,
  omschrijving,
});

describe("rankCandidates", () => {
  it("zet signalen van drie partners boven drie signalen van één partner", () => {
    const eenPartner = input(1, {
      signalen: [sig("Gemeente", "2026-11-20"), sig("Gemeente", "2026-11-21"), sig("Gemeente", "2026-11-22")],
    });
    const driePartners = input(2, { signalen: [sig("Gemeente", "2026-10-01"), sig("Politie", "2026-10-02"), sig("Enexis", "2026-10-03")] });
    const ranked = rankCandidates([eenPartner, driePartners], TODAY);
    expect(ranked.map((r) => r.adres_id)).toEqual([2, 1]);
    expect(ranked[0]).toMatchObject({ rang: 1, partners: ["Gemeente", "Politie", "Enexis"], signalen: 3 });
    expect(ranked[0]!.redenen[0]).toBe("3 partners met signalen: Gemeente, Politie, Enexis (3 signalen)");
    expect(ranked[1]!.redenen[0]).toBe("1 partner met signalen: Gemeente (3 signalen)");
  });

  it("laat eerdere bevindingen bij een ander adres van dezelfde betrokkene de rang verhogen", () => {
    const zonder = input(1, { signalen: [sig("Gemeente", "2026-11-10")] });
    const met = input(2, {
      signalen: [sig("Gemeente", "2026-11-05")],
      bevindingenElders: [
        {
          straat: "Industrieweg",
          huisnummer: 7,
          toevoeging: "",
          postcode: "5531NK",
          plaats: "Bladel",
          gemeente: "Bladel",
          rol: "eigenaar",
          aantal: 2,
        },
      ],
    });
    const ranked = rankCandidates([zonder, met], TODAY);
    expect(ranked.map((r) => r.adres_id)).toEqual([2, 1]);
    expect(ranked[0]!.bevindingen_elders).toBe(2);
    expect(ranked[0]!.redenen).toContain("dezelfde eigenaar heeft 2 eerdere bevindingen op Industrieweg 7, 5531 NK Bladel");
    // Without the earlier findings the more recent signal would win.
    expect(rankCandidates([zonder, { ...met, bevindingenElders: [] }], TODAY).map((r) => r.adres_id)).toEqual([1, 2]);
  });

  it("telt ook eerdere bevindingen op het adres zelf", () => {
    const ranked = rankCandidates(
      [
        input(1, { signalen: [sig("Gemeente", "2026-11-10")] }),
        input(2, { signalen: [sig("Gemeente", "2026-11-09")], bevindingenHier: 1 }),
      ],
      TODAY,
    );
    expect(ranked.map((r) => r.adres_id)).toEqual([2, 1]);
    expect(ranked[0]!.redenen).toContain("1 eerdere bevinding op dit adres");
  });

  it("geeft bij gelijk aantal partners voorrang aan recente signalen boven oude bevindingen", () => {
    const oud = input(1, { signalen: [sig("Gemeente", "2026-01-10")], bevindingenHier: 5 });
    const recent = input(2, { signalen: [sig("Gemeente", "2026-11-20")] });
    expect(rankCandidates([oud, recent], TODAY).map((r) => r.adres_id)).toEqual([2, 1]);
  });

  it("noemt thema's zonder dubbelingen en geeft elke kandidaat een rang", () => {
    const r = rankCandidates([input(3, { signalen: [sig("Gemeente"), sig("Politie"), sig("ISZW", "2026-11-02", "arbeid")] })], TODAY);
    expect(r[0]).toMatchObject({ rang: 1, themas: ["huisvesting", "arbeid"], laatste_signaal: "2026-11-02" });
  });
});

describe("recencyBand", () => {
  it.each([
    ["2026-11-20", 3],
    ["2026-10-01", 2],
    ["2026-07-01", 1],
    ["2025-11-01", 0],
  ])("signaal van %s valt in band %i", (datum, band) => {
    expect(recencyBand(datum, TODAY)).toBe(band);
  });
  it("zonder signaal band 0", () => expect(recencyBand(null, TODAY)).toBe(0));
});

describe("redenen en signaalteksten", () => {
  it("zegt hoe recent het laatste signaal is zonder dubbele haakjes, en toont wat de signalen zeggen (nieuwste eerst)", () => {
    const k = rankCandidates(
      [
        input(1, {
          signalen: [sig("Politie", "2026-11-20", "huisvesting", "Overlast"), sig("UWV", "2026-11-24", null, "Uitkering op adres")],
        }),
      ],
      TODAY,
    )[0]!;
    expect(k.redenen[1]).toBe("laatste signaal 24 november 2026, 1 dag geleden (afgelopen maand)");
    expect(k.redenen.join(" ")).not.toMatch(/\([^)]*\(/);
    expect(k.signaalteksten).toEqual([
      { datum: "2026-11-24", partner: "UWV", thema: null, omschrijving: "Uitkering op adres" },
      { datum: "2026-11-20", partner: "Politie", thema: "huisvesting", omschrijving: "Overlast" },
    ]);
  });
});
