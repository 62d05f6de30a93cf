import { describe, expect, it } from "vitest";
import { signaalUitkomst, statusPerPartner, zichtbareOpvolging, type SignaalBesluit } from "../../src/domain/terugkoppeling.js";

const besluit = (datum: string, soort: SignaalBesluit["besluit"], extra: Partial<SignaalBesluit> = {}): SignaalBesluit => ({
  casustafel_id: 1,
  datum,
  besluit: soort,
  partners: [],
  toelichting: null,
  ...extra,
});

describe("signaalUitkomst", () => {
  const VANDAAG = "2026-11-23";
  it("nog niet besproken zonder besluit of bezoek na het signaal", () => {
    expect(signaalUitkomst("2026-11-10", [besluit("2026-10-28", "controle")], [], VANDAAG).uitkomst).toBe("nog-niet-besproken");
  });

  it("niet gekozen: het laatste besluit telt, met toelichting; mono noemt de partner", () => {
    const u = signaalUitkomst(
      "2026-10-01",
      [besluit("2026-10-28", "mono", { partners: ["ISZW"], toelichting: "ISZW pakt het op" })],
      [],
      VANDAAG,
    );
    expect(u).toMatchObject({
      uitkomst: "niet-gekozen",
      tekst: "casustafel 1 (28 oktober 2026): niet gekozen voor een controle: mono-inzet door ISZW — ISZW pakt het op",
    });
  });

  it("gekozen maar nog niet bezocht, ook als de avond nog komt", () => {
    const u = signaalUitkomst(
      "2026-10-01",
      [besluit("2026-10-28", "controle")],
      [{ avond_id: 3, datum: "2026-12-03", categorieen: [] }],
      VANDAAG,
    );
    expect(u.uitkomst).toBe("gekozen-nog-niet-bezocht");
    expect(u.tekst).toContain("gepland op controleavond 3 (3 december 2026)");
  });

  it("bezocht: niets gevonden of de categorieën van wat er gevonden is; een bezoek vóór het signaal telt niet", () => {
    const bezoeken = [
      { avond_id: 1, datum: "2026-06-04", categorieen: ["Overbewoning"] },
      { avond_id: 2, datum: "2026-11-05", categorieen: [] },
    ];
    expect(signaalUitkomst("2026-10-01", [], bezoeken, VANDAAG)).toMatchObject({ uitkomst: "niets-gevonden", bezoek: { avond_id: 2 } });
    const gevonden = signaalUitkomst(
      "2026-10-01",
      [],
      [{ avond_id: 2, datum: "2026-11-05", categorieen: ["Overbewoning", "Overbewoning", "Asbest"] }],
      VANDAAG,
    );
    expect(gevonden.tekst).toBe("bezocht op controleavond 2 (5 november 2026): 3 bevindingen (Overbewoning, Asbest)");
  });
});

describe("wat een partner van de opvolging ziet", () => {
  const o = {
    partner: "Gemeente",
    actie: "last onder dwangsom",
    status: "open",
    deadline: "2026-12-01",
    resultaat: "Eigenaar X",
    verlopen: false,
  };
  it("de eigen actie volledig, die van een ander alleen als status", () => {
    expect(zichtbareOpvolging(o, "gemeente")).toMatchObject({ eigen: true, actie: "last onder dwangsom", resultaat: "Eigenaar X" });
    expect(zichtbareOpvolging(o, "UWV")).toEqual({ eigen: false, partner: "Gemeente", status: "open", verlopen: false });
  });

  it("telt de status per andere partner", () => {
    expect(
      statusPerPartner([
        { eigen: false, partner: "Gemeente", status: "open", verlopen: true },
        { eigen: false, partner: "Gemeente", status: "afgerond", verlopen: false },
        { eigen: true, partner: "UWV", status: "open", verlopen: false },
      ]),
    ).toEqual(["Gemeente: 1 open, 1 afgerond (1 verlopen)"]);
  });
});
