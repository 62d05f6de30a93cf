import { describe, expect, it } from "vitest";
import {
  decideWijziging,
  EIGENAAR_BEVINDING,
  intussenGewijzigd,
  isHercontrole,
  isVerlopen,
  opvolgingenUitRegel,
  type Omstandigheden,
} from "../../src/domain/opvolging.js";
import { UserError } from "../../src/errors.js";
import { kalender } from "../../src/io/atw.js";

/** A follow-up of an evening on 19 November 2026, changed on 23 November. */
const O: Omstandigheden = { avondDatum: "2026-11-19", vandaag: "2026-11-23", briefStap: false };

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
    expect(opvolgingenUitRegel(regels, { avondDatum: "2026-11-19", partner: "Gemeente" }, kalender(), "Gemeente")).toEqual([
      { actie: "informatiebrief eigenaar", partner: "Gemeente", deadline: "2026-12-03", sjabloon: null },
      { actie: "voornemen last onder dwangsom", partner: "Gemeente", deadline: "2026-12-17", sjabloon: null },
      { actie: "hercontrole", partner: "Gemeente", deadline: "2026-12-31", sjabloon: null },
    ]);
  });

  it("geeft een actie van de eigenaar van de bevinding aan de partner van die bevinding; een vaste partner blijft", () => {
    const regels = [
      { actie: "onderzoek uitkeringsrecht", partner: EIGENAAR_BEVINDING, termijn: 30, eenheid: "werkdagen" as const },
      { actie: "partner informeren", partner: "Belastingdienst", termijn: 10, eenheid: "werkdagen" as const },
    ];
    const svb = opvolgingenUitRegel(regels, { avondDatum: "2026-11-19", partner: "SVB" }, kalender(), "Gemeente");
    expect(svb.map((o) => [o.actie, o.partner])).toEqual([
      ["onderzoek uitkeringsrecht", "SVB"],
      ["partner informeren", "Belastingdienst"],
    ]);
    expect(opvolgingenUitRegel(regels, { avondDatum: "2026-11-19", partner: "UWV" }, kalender(), "Gemeente")[0]!.partner).toBe("UWV");
  });

  it("de gemeente koppelt niet aan zichzelf terug", () => {
    const regels = [
      { actie: "onderzoek uitkeringsrecht", partner: EIGENAAR_BEVINDING, termijn: 30, eenheid: "werkdagen" as const },
      { actie: "terugkoppeling aan de gemeente", partner: EIGENAAR_BEVINDING, termijn: 20, eenheid: "werkdagen" as const },
    ];
    const acties = (partner: string) =>
      opvolgingenUitRegel(regels, { avondDatum: "2026-11-19", partner }, kalender(), "Gemeente").map((o) => `${o.actie} (${o.partner})`);
    expect(acties("Gemeente")).toEqual(["onderzoek uitkeringsrecht (Gemeente)"]);
    expect(acties("SVB")).toEqual(["onderzoek uitkeringsrecht (SVB)", "terugkoppeling aan de gemeente (SVB)"]);
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
    expect(code(() => decideWijziging(open, { status: "doodgelopen" }, O))).toBe("reden-verplicht");
    expect(code(() => decideWijziging(open, { status: "doodgelopen", resultaat: "  " }, O))).toBe("reden-verplicht");
    expect(decideWijziging(open, { status: "doodgelopen", resultaat: "Eigenaar onvindbaar" }, O)).toMatchObject({
      status: "doodgelopen",
      resultaat: "Eigenaar onvindbaar",
      gesloten: true,
    });
  });

  it("afgerond mag zonder reden, in behandeling ook; gesloten blijft gesloten", () => {
    expect(decideWijziging(open, { status: "in-behandeling" }, O)).toMatchObject({ status: "in-behandeling", gesloten: false });
    expect(decideWijziging(open, { status: "afgerond" }, O)).toMatchObject({ status: "afgerond", gesloten: true });
    expect(code(() => decideWijziging({ ...open, status: "afgerond" }, { status: "in-behandeling" }, O))).toBe("al-gesloten");
    expect(code(() => decideWijziging(open, {}, O))).toBe("niets-te-wijzigen");
  });

  it("een hercontrole sluit met --beeindigd; alleen een hercontrole kent beeindigd", () => {
    expect(code(() => decideWijziging(hercontrole, { status: "afgerond" }, O))).toBe("beeindigd-verplicht");
    expect(decideWijziging(hercontrole, { beeindigd: true }, O)).toMatchObject({ status: "afgerond", beeindigd: 1, escaleren: false });
    expect(decideWijziging(hercontrole, { beeindigd: false }, O)).toMatchObject({ status: "afgerond", beeindigd: 0, escaleren: true });
    expect(code(() => decideWijziging(open, { beeindigd: false }, O))).toBe("ongeldige-invoer");
    expect(code(() => decideWijziging(hercontrole, { beeindigd: false, status: "in-behandeling" }, O))).toBe("ongeldige-invoer");
  });

  it("een stap met een brief wordt afgerond door de brief, niet met de hand; doodgelopen kan wel", () => {
    const voornemen = { ...open, id: 7, actie: "voornemen last onder dwangsom", stap: "voornemen" };
    const m = { ...O, briefStap: true };
    expect(code(() => decideWijziging(voornemen, { status: "afgerond" }, m))).toBe("brief-maakt-af");
    expect(decideWijziging(voornemen, { status: "doodgelopen", resultaat: "Overtreder overleden" }, m).status).toBe("doodgelopen");
  });

  it("--datum legt vast wanneer het gebeurde: niet in de toekomst, niet vóór de avond, alleen bij afsluiten", () => {
    expect(decideWijziging(hercontrole, { beeindigd: false, datum: "2026-11-20" }, O).geslotenOp).toBe("2026-11-20");
    expect(decideWijziging(hercontrole, { beeindigd: false }, O).geslotenOp).toBe("2026-11-23");
    expect(code(() => decideWijziging(hercontrole, { beeindigd: false, datum: "2026-11-24" }, O))).toBe("ongeldige-invoer");
    expect(code(() => decideWijziging(hercontrole, { beeindigd: false, datum: "2026-11-18" }, O))).toBe("ongeldige-invoer");
    expect(code(() => decideWijziging(open, { status: "in-behandeling", datum: "2026-11-20" }, O))).toBe("ongeldige-invoer");
  });

  it("een hercontrole herkent ook zijn stap, niet alleen de tekst", () => {
    expect(decideWijziging({ ...open, actie: "controle na last", stap: "hercontrole" }, { beeindigd: true }, O).beeindigd).toBe(1);
  });

  it("een nieuwe deadline ligt niet vóór de avond", () => {
    expect(code(() => decideWijziging(open, { deadline: "2026-11-18" }, O))).toBe("ongeldige-invoer");
    expect(decideWijziging(open, { deadline: "2026-12-01" }, O).status).toBe("open");
  });

  it("herkent een hercontrole aan de actie", () => {
    expect(isHercontrole("Hercontrole")).toBe(true);
    expect(isHercontrole("hercontrole na last")).toBe(true);
    expect(isHercontrole("informatiebrief eigenaar")).toBe(false);
  });
});

describe("resultaat van een hercontrole", () => {
  it("legt zonder eigen tekst het antwoord vast; een eigen tekst gaat voor", () => {
    expect(decideWijziging(hercontrole, { beeindigd: false }, O).resultaat).toBe("Overtreding niet beëindigd");
    expect(decideWijziging(hercontrole, { beeindigd: true }, O).resultaat).toBe("Overtreding beëindigd");
    expect(decideWijziging(hercontrole, { beeindigd: true, resultaat: "Bewoners vertrokken" }, O).resultaat).toBe("Bewoners vertrokken");
  });
});

describe("intussenGewijzigd (issue 16 pt 3)", () => {
  it("noemt wie en wanneer (Nederlandse klok) en hoe opnieuw te bekijken; zonder auditregel alleen dat het zo is", () => {
    const e = intussenGewijzigd(12, { gebruiker: "bert", tijd: "2026-11-23T21:05:09.000Z" });
    expect(e.code).toBe("intussen-gewijzigd");
    expect(e.message).toBe(
      "Opvolging 12 is intussen gewijzigd door bert op 2026-11-23 22:05:09; bekijk haar opnieuw met `interventie opvolging toon 12`",
    );
    expect(intussenGewijzigd(12).message).toBe(
      "Opvolging 12 is intussen gewijzigd; bekijk haar opnieuw met `interventie opvolging toon 12`",
    );
  });
});
