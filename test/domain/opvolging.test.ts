import { describe, expect, it } from "vitest";
import {
  beslis,
  escalatie,
  isHercontrole,
  isVerlopen,
  ladderPartner,
  opvolgingenUitRegel,
  volgendeStap,
} from "../../src/domain/opvolging.js";
import { UserError } from "../../src/errors.js";

const open = { status: "open", actie: "informatiebrief eigenaar", resultaat: null, beeindigd: null };
const hercontrole = { status: "open", actie: "hercontrole", resultaat: null, beeindigd: null };

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof UserError) return e.code;
    throw e;
  }
  return "geen fout";
}

describe("opvolgingen uit de standaardregel", () => {
  it("rekent de deadlines vanaf de avond, in werkdagen en kalenderdagen", () => {
    const regels = [
      { actie: "informatiebrief eigenaar", partner: "Gemeente", termijn: 10, eenheid: "werkdagen" as const },
      { actie: "voornemen last onder dwangsom", partner: "Gemeente", termijn: 20, eenheid: "werkdagen" as const },
      { actie: "hercontrole", partner: "Gemeente", termijn: 42, eenheid: "dagen" as const },
    ];
    expect(opvolgingenUitRegel(regels, "2026-11-19")).toEqual([
      { actie: "informatiebrief eigenaar", partner: "Gemeente", deadline: "2026-12-03" },
      { actie: "voornemen last onder dwangsom", partner: "Gemeente", deadline: "2026-12-17" },
      { actie: "hercontrole", partner: "Gemeente", deadline: "2026-12-31" },
    ]);
  });
});

describe("verlopen", () => {
  it("is open of in behandeling met een deadline vóór vandaag", () => {
    expect(isVerlopen({ status: "open", deadline: "2026-11-22" }, "2026-11-23")).toBe(true);
    expect(isVerlopen({ status: "in-behandeling", deadline: "2026-11-22" }, "2026-11-23")).toBe(true);
    expect(isVerlopen({ status: "open", deadline: "2026-11-23" }, "2026-11-23")).toBe(false);
    expect(isVerlopen({ status: "afgerond", deadline: "2026-01-01" }, "2026-11-23")).toBe(false);
    expect(isVerlopen({ status: "doodgelopen", deadline: "2026-01-01" }, "2026-11-23")).toBe(false);
  });
});

describe("statuswijziging", () => {
  it("doodgelopen vraagt een reden", () => {
    expect(code(() => beslis(open, { status: "doodgelopen" }, "2026-11-19"))).toBe("reden-verplicht");
    expect(code(() => beslis(open, { status: "doodgelopen", resultaat: "  " }, "2026-11-19"))).toBe("reden-verplicht");
    expect(beslis(open, { status: "doodgelopen", resultaat: "Eigenaar onvindbaar" }, "2026-11-19")).toMatchObject({
      status: "doodgelopen",
      resultaat: "Eigenaar onvindbaar",
      gesloten: true,
    });
  });

  it("afgerond mag zonder reden, in behandeling ook; gesloten blijft gesloten", () => {
    expect(beslis(open, { status: "in-behandeling" }, "2026-11-19")).toMatchObject({ status: "in-behandeling", gesloten: false });
    expect(beslis(open, { status: "afgerond" }, "2026-11-19")).toMatchObject({ status: "afgerond", gesloten: true });
    expect(code(() => beslis({ ...open, status: "afgerond" }, { status: "in-behandeling" }, "2026-11-19"))).toBe("al-gesloten");
    expect(code(() => beslis(open, {}, "2026-11-19"))).toBe("niets-te-wijzigen");
  });

  it("een hercontrole sluit met --beeindigd; alleen een hercontrole kent beeindigd", () => {
    expect(code(() => beslis(hercontrole, { status: "afgerond" }, "2026-11-19"))).toBe("beeindigd-verplicht");
    expect(beslis(hercontrole, { beeindigd: true }, "2026-11-19")).toMatchObject({ status: "afgerond", beeindigd: 1, escaleren: false });
    expect(beslis(hercontrole, { beeindigd: false }, "2026-11-19")).toMatchObject({ status: "afgerond", beeindigd: 0, escaleren: true });
    expect(code(() => beslis(open, { beeindigd: false }, "2026-11-19"))).toBe("ongeldige-invoer");
    expect(code(() => beslis(hercontrole, { beeindigd: false, status: "in-behandeling" }, "2026-11-19"))).toBe("ongeldige-invoer");
  });

  it("een nieuwe deadline ligt niet vóór de avond", () => {
    expect(code(() => beslis(open, { deadline: "2026-11-18" }, "2026-11-19"))).toBe("ongeldige-invoer");
    expect(beslis(open, { deadline: "2026-12-01" }, "2026-11-19").status).toBe("open");
  });

  it("herkent een hercontrole aan de actie", () => {
    expect(isHercontrole("Hercontrole")).toBe(true);
    expect(isHercontrole("hercontrole na last")).toBe(true);
    expect(isHercontrole("informatiebrief eigenaar")).toBe(false);
  });
});

describe("handhavingsladder", () => {
  it("loopt van informatiebrief via voornemen en last naar invordering", () => {
    expect(volgendeStap(["hercontrole"])?.actie).toBe("informatiebrief eigenaar");
    expect(volgendeStap(["informatiebrief eigenaar", "hercontrole"])?.actie).toBe("voornemen last onder dwangsom");
    expect(volgendeStap(["informatiebrief eigenaar", "voornemen last onder dwangsom", "hercontrole"])?.actie).toBe("last onder dwangsom");
    expect(volgendeStap(["last onder dwangsom"])?.actie).toBe("invordering dwangsom");
    expect(volgendeStap(["invordering dwangsom"])).toBeUndefined();
  });

  it("blijft op het spoor van bestuursdwang of sluiting als de bevinding daar al op zit", () => {
    expect(volgendeStap(["voornemen bestuursdwang", "hercontrole"])?.actie).toBe("last onder bestuursdwang");
    expect(volgendeStap(["bestuurlijke rapportage", "voornemen sluiting"])?.actie).toBe("sluiting");
    expect(volgendeStap(["sluiting"])).toBeUndefined();
  });

  it("dateert het voorstel vanaf vandaag en plant een nieuwe hercontrole erna", () => {
    const e = escalatie(
      [
        { actie: "informatiebrief eigenaar", deadline: "2026-12-03" },
        { actie: "voornemen last onder dwangsom", deadline: "2026-12-17" },
        { actie: "hercontrole", deadline: "2026-12-31" },
      ],
      "2026-12-21",
      { stap: "Gemeente", hercontrole: "Omgevingsdienst" },
    );
    // 10 werkdagen vanaf maandag 21 december: Kerst en Nieuwjaar tellen niet.
    expect(e).toEqual({
      stap: { actie: "last onder dwangsom", partner: "Gemeente", deadline: "2027-01-06" },
      hercontrole: { actie: "hercontrole", partner: "Omgevingsdienst", deadline: "2027-01-20" },
    });
  });
});

describe("escalatie na een nog lopende stap", () => {
  it("begint de termijn pas na de deadline van een geplande stap op de ladder", () => {
    const e = escalatie(
      [
        { actie: "voornemen last onder dwangsom", deadline: "2026-12-10" },
        { actie: "hercontrole", deadline: "2026-12-31" },
      ],
      "2026-11-23",
      { stap: "Gemeente", hercontrole: "Gemeente" },
    );
    expect(e?.stap).toEqual({ actie: "last onder dwangsom", partner: "Gemeente", deadline: "2026-12-24" });
    expect(
      escalatie([{ actie: "invordering dwangsom", deadline: "2026-12-10" }], "2026-11-23", { stap: "Gemeente", hercontrole: "Gemeente" }),
    ).toBeUndefined();
  });
});

describe("wie de volgende stap draagt", () => {
  it("de partner van de laatste stap op de ladder, anders de gemeente", () => {
    expect(
      ladderPartner([
        { actie: "informatiebrief eigenaar", partner: "Omgevingsdienst" },
        { actie: "hercontrole", partner: "Veiligheidsregio" },
      ]),
    ).toBe("Omgevingsdienst");
    expect(ladderPartner([{ actie: "hercontrole", partner: "Veiligheidsregio" }])).toBe("Gemeente");
  });
});

describe("resultaat van een hercontrole", () => {
  it("legt zonder eigen tekst het antwoord vast; een eigen tekst gaat voor", () => {
    expect(beslis(hercontrole, { beeindigd: false }, "2026-11-19").resultaat).toBe("Overtreding niet beëindigd");
    expect(beslis(hercontrole, { beeindigd: true }, "2026-11-19").resultaat).toBe("Overtreding beëindigd");
    expect(beslis(hercontrole, { beeindigd: true, resultaat: "Bewoners vertrokken" }, "2026-11-19").resultaat).toBe("Bewoners vertrokken");
  });
});
