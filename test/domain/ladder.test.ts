import { describe, expect, it } from "vitest";
import {
  computeVerbeurd,
  besluitVanaf,
  checkProfiel,
  dwangsomZin,
  escalate,
  invorderingVan,
  isKlaar,
  isVastgelegd,
  laatsteVoltooide,
  naVoltooien,
  startStap,
  type Stap,
  type ZaakStap,
} from "../../src/domain/ladder.js";
import { UserError } from "../../src/errors.js";
import { kalender } from "../../src/io/atw.js";
import { ladderData } from "../../src/io/ladder.js";
import { profiel, zaak } from "../helpers/profiel.js";

const k = kalender();
const ladder = ladderData();

let volgnummer = 0;
/** A step; `brief` is the day its letter was sent (completes it), `op` the day an action was done. */
const stap = (s: Stap, o: { status?: string; brief?: string; op?: string; nietVoor?: string; beeindigd?: boolean } = {}): ZaakStap => ({
  opvolgingId: ++volgnummer,
  stap: s,
  status: o.status ?? (o.brief || o.op || o.beeindigd !== undefined ? "afgerond" : "open"),
  nietVoor: o.nietVoor ?? null,
  geslotenOp: o.brief ?? o.op ?? null,
  beeindigd: o.beeindigd ?? null,
  brief: o.brief ? { kenmerk: `INT-${o.brief.slice(0, 4)}-${String(volgnummer).padStart(6, "0")}`, datum: o.brief } : null,
});

const hints = {
  overtreder: "handhaving zet 1 --overtreder <id>",
  weging: (id: number) => `zienswijze wegen ${id}`,
  kosten: "handhaving zet 1 --kosten <bedrag>",
};

function fout(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof UserError) return e.message;
    throw e;
  }
  return "geen fout";
}

describe("waar de ladder begint", () => {
  it("bij de categorie; spoed slaat het voornemen over, maar nooit de bestuurlijke rapportage", () => {
    expect(startStap("waarschuwing", false)).toBe("waarschuwing");
    expect(startStap("voornemen", false)).toBe("voornemen");
    expect(startStap("voornemen", true)).toBe("besluit");
    expect(startStap("bestuurlijke-rapportage", true)).toBe("bestuurlijke-rapportage");
  });
});

describe("na het voltooien van een stap: de volgende, met de vroegste dag", () => {
  it("waarschuwing → hercontrole na de hersteltermijn (de dag erna)", () => {
    expect(naVoltooien(zaak([]), "waarschuwing", "2026-11-23", k, ladder)).toEqual({ stap: "hercontrole", nietVoor: "2026-12-08" });
  });

  it("voornemen → besluit de dag na de zienswijzetermijn; over Kerst: brief van 11 december 2026 → termijn tot maandag 28 december", () => {
    expect(naVoltooien(zaak([]), "voornemen", "2026-11-23", k, ladder)).toEqual({ stap: "besluit", nietVoor: "2026-12-08" });
    expect(naVoltooien(zaak([]), "voornemen", "2026-12-11", k, ladder)).toEqual({ stap: "besluit", nietVoor: "2026-12-29" });
  });

  it("besluit → hercontrole de dag na de begunstigingstermijn, die loopt vanaf het besluit (niet op een Atw-dag)", () => {
    expect(naVoltooien(zaak([]), "besluit", "2026-11-23", k, ladder)).toEqual({ stap: "hercontrole", nietVoor: "2026-12-22" });
    // Vier weken vanaf 30 maart 2027 eindigt op Koningsdag: de termijn loopt door tot 28 april.
    expect(naVoltooien(zaak([]), "besluit", "2027-03-30", k, ladder)).toEqual({ stap: "hercontrole", nietVoor: "2027-04-29" });
  });

  it("bestuurlijke rapportage → voornemen (sluiting), of met spoed meteen het besluit; bestuursdwang uitgevoerd → kostenverhaal; kostenverhaal → einde", () => {
    expect(naVoltooien(zaak([], { spoor: "sluiting" }), "bestuurlijke-rapportage", "2026-11-20", k, ladder)).toEqual({
      stap: "voornemen",
      nietVoor: "2026-11-20",
    });
    expect(naVoltooien(zaak([], { spoed: true }), "bestuurlijke-rapportage", "2026-11-20", k, ladder)?.stap).toBe("besluit");
    expect(naVoltooien(zaak([]), "bestuursdwang-uitvoeren", "2027-01-05", k, ladder)).toEqual({
      stap: "kostenverhaal",
      nietVoor: "2027-01-05",
    });
    expect(naVoltooien(zaak([]), "kostenverhaal", "2027-02-01", k, ladder)).toBeNull();
  });

  it("invordering → een nieuwe hercontrole na vier weken", () => {
    expect(naVoltooien(zaak([]), "invordering", "2027-01-05", k, ladder)).toEqual({ stap: "hercontrole", nietVoor: "2027-02-03" });
  });
});

describe("escalatie na een hercontrole die de overtreding nog aantreft", () => {
  it("volgt de laatst VOLTOOIDE stap: na een waarschuwing het voornemen", () => {
    const her = stap("hercontrole", { beeindigd: false, op: "2026-12-10" });
    const z = zaak([stap("waarschuwing", { brief: "2026-11-23" }), her]);
    expect(escalate(z, her.opvolgingId, "2026-12-10", k)).toEqual({ soort: "stap", stap: { stap: "voornemen", nietVoor: "2026-12-10" } });
  });

  it("nooit vanaf een stap die nog open staat: dan geen nieuwe stap", () => {
    const open = stap("besluit", { nietVoor: "2026-12-08" });
    const her = stap("hercontrole", { beeindigd: false, op: "2026-12-01" });
    const z = zaak([stap("voornemen", { brief: "2026-11-23" }), open, her]);
    expect(escalate(z, her.opvolgingId, "2026-12-01", k)).toEqual({ soort: "al-open", opvolgingId: open.opvolgingId, stap: "besluit" });
  });

  it("na een besluit (dwangsom): invordering, maar alleen na afloop van de begunstigingstermijn", () => {
    const besluit = stap("besluit", { brief: "2026-11-23" }); // begunstigingstermijn tot en met 21 december
    const vroeg = stap("hercontrole", { beeindigd: false, op: "2026-12-21" });
    const z = zaak([stap("voornemen", { brief: "2026-11-06" }), besluit, vroeg]);
    expect(fout(() => escalate(z, vroeg.opvolgingId, "2026-12-21", k))).toBe(
      `De begunstigingstermijn van last ${besluit.brief!.kenmerk} loopt tot en met 21 december 2026: een hercontrole op 21 december 2026 kan niet tot invordering leiden; er is niets gewijzigd`,
    );
    const laat = stap("hercontrole", { beeindigd: false, op: "2026-12-22" });
    const z2 = zaak([stap("voornemen", { brief: "2026-11-06" }), besluit, laat]);
    expect(escalate(z2, laat.opvolgingId, "2026-12-22", k)).toEqual({
      soort: "stap",
      stap: { stap: "invordering", nietVoor: "2026-12-22" },
    });
  });

  it("ook een waarschuwing geeft zijn hersteltermijn: daarbinnen geen voornemen", () => {
    const w = stap("waarschuwing", { brief: "2026-11-23" });
    const her = stap("hercontrole", { beeindigd: false, op: "2026-12-01" });
    expect(fout(() => escalate(zaak([w, her]), her.opvolgingId, "2026-12-01", k))).toMatch(
      /hersteltermijn van waarschuwing .* loopt tot en met 7 december 2026/,
    );
  });

  it("na een besluit (bestuursdwang of sluiting): de gemeente voert de bestuursdwang uit", () => {
    const her = stap("hercontrole", { beeindigd: false, op: "2026-12-01" });
    const z = zaak([stap("besluit", { brief: "2026-11-23" }), her], {
      spoor: "bestuursdwang",
      begunstigingstermijn: "3 werkdagen",
      dwangsom: null,
    });
    expect(escalate(z, her.opvolgingId, "2026-12-01", k)).toEqual({
      soort: "stap",
      stap: { stap: "bestuursdwang-uitvoeren", nietVoor: "2026-12-01" },
    });
  });

  it("na een invordering die het maximum bereikte: einde van de ladder, overleg", () => {
    const s = [
      stap("besluit", { brief: "2026-11-23" }),
      ...["2026-12-22", "2026-12-29", "2027-01-05", "2027-01-12"].map((d) => stap("hercontrole", { beeindigd: false, op: d })),
      stap("invordering", { brief: "2027-01-13", nietVoor: "2027-01-12" }),
    ];
    const her = stap("hercontrole", { beeindigd: false, op: "2027-02-10" });
    const e = escalate(zaak([...s, her]), her.opvolgingId, "2027-02-10", k);
    expect(e).toEqual({ soort: "einde", reden: expect.stringContaining("maximum van de dwangsom (€ 10.000) is al verbeurd") });
  });

  it("per week: een tweede constatering in dezelfde week verbeurt niets nieuws; dan komt er een nieuwe hercontrole, geen invordering", () => {
    const p = { dwangsom: { bedrag: 1000, per: "week" as const, maximum: 10000 } };
    const eerste = stap("hercontrole", { beeindigd: false, op: "2026-12-22" });
    const tweede = stap("hercontrole", { beeindigd: false, op: "2026-12-24" });
    const z = zaak(
      [stap("besluit", { brief: "2026-11-23" }), eerste, stap("invordering", { brief: "2026-12-23", nietVoor: "2026-12-22" }), tweede],
      p,
    );
    expect(escalate(z, tweede.opvolgingId, "2026-12-24", k)).toEqual({
      soort: "stap",
      stap: { stap: "hercontrole", nietVoor: "2026-12-25" },
    });
  });

  it("de laatst voltooide stap is nooit een hercontrole of een open stap", () => {
    const v = stap("voornemen", { brief: "2026-11-23" });
    expect(
      laatsteVoltooide(
        zaak([
          stap("waarschuwing", { brief: "2026-11-01" }),
          v,
          stap("besluit"),
          stap("hercontrole", { beeindigd: false, op: "2026-12-01" }),
        ]),
      ),
    ).toBe(v);
  });
});

describe("verbeurde dwangsom: alleen wat een vastgelegde hercontrole bewijst", () => {
  const einde = "2026-12-21";
  it("per constatering: iedere hercontroledag na de termijn, tot het maximum", () => {
    const d = { bedrag: 2500, per: "constatering" as const, maximum: 6000 };
    expect(computeVerbeurd(d, einde, ["2026-12-21", "2026-12-22"]).bedrag).toBe(2500); // de laatste dag van de termijn telt niet
    expect(computeVerbeurd(d, einde, ["2026-12-22", "2026-12-22", "2027-01-05", "2027-01-12"])).toEqual({
      constateringen: ["2026-12-22", "2027-01-05", "2027-01-12"],
      eenheden: 3,
      bedrag: 6000,
      maximumBereikt: true,
    });
  });

  it("per week: iedere week (vanaf de dag na de termijn) waarin een hercontrole het vaststelde", () => {
    const d = { bedrag: 1000, per: "week" as const, maximum: 10000 };
    expect(computeVerbeurd(d, einde, ["2026-12-22", "2026-12-28"]).eenheden).toBe(1); // dezelfde week
    expect(computeVerbeurd(d, einde, ["2026-12-22", "2026-12-29"]).eenheden).toBe(2);
  });

  it("per dag en per maand; ineens één keer", () => {
    expect(computeVerbeurd({ bedrag: 100, per: "dag", maximum: 1000 }, einde, ["2026-12-22", "2026-12-23", "2026-12-23"]).bedrag).toBe(200);
    const maand = { bedrag: 2000, per: "maand" as const, maximum: 24000 };
    expect(computeVerbeurd(maand, einde, ["2026-12-22", "2027-01-21"]).eenheden).toBe(1);
    expect(computeVerbeurd(maand, einde, ["2026-12-22", "2027-01-22"]).eenheden).toBe(2);
    expect(computeVerbeurd({ bedrag: 5000, per: "ineens", maximum: 5000 }, einde, ["2026-12-22", "2027-01-22"]).bedrag).toBe(5000);
  });

  it("een invordering vordert wat erbij kwam sinds de vorige", () => {
    const s = [
      stap("besluit", { brief: "2026-11-23" }),
      stap("hercontrole", { beeindigd: false, op: "2026-12-22" }),
      stap("invordering", { brief: "2026-12-23", nietVoor: "2026-12-22" }),
      stap("hercontrole", { beeindigd: false, op: "2027-01-25" }),
    ];
    const tweede = stap("invordering", { nietVoor: "2027-01-25" });
    const z = zaak([...s, tweede]);
    expect(invorderingVan(z, tweede, k)).toMatchObject({ eerder: 2500, nu: 2500, termijnEinde: "2026-12-21" });
  });
});

describe("is de brief van een stap aan de beurt?", () => {
  it("het besluit pas na de zienswijzetermijn van het VERZONDEN voornemen, met een zin die de jurist kan doorgeven", () => {
    const v = stap("voornemen", { brief: "2026-11-23" });
    const b = stap("besluit", { nietVoor: "2026-12-08" });
    const z = zaak([v, b]);
    expect(isKlaar(z, b, "2026-11-23", k, hints)).toEqual({
      klaar: false,
      reden: `Het besluit kan pas vanaf 8 december 2026: de zienswijzetermijn van het voornemen ${v.brief!.kenmerk} loopt tot en met 7 december 2026`,
      tot: "2026-12-08",
    });
    expect(isKlaar(z, b, "2026-12-08", k, hints)).toEqual({ klaar: true });
  });

  it("een ontvangen zienswijze maakt het besluit meteen aan de beurt, maar pas als zij is gewogen", () => {
    const v = stap("voornemen", { brief: "2026-11-23" });
    const b = stap("besluit", { nietVoor: "2026-12-08" });
    const ongewogen = zaak([v, b], {}, { zienswijzen: [{ id: 3, ontvangen: "2026-11-30", samenvatting: "x", weging: null }] });
    expect(isKlaar(ongewogen, b, "2026-12-01", k, hints)).toMatchObject({
      klaar: false,
      reden: expect.stringContaining("zienswijze wegen 3"),
    });
    const gewogen = zaak([v, b], {}, { zienswijzen: [{ id: 3, ontvangen: "2026-11-30", samenvatting: "x", weging: "y" }] });
    expect(isKlaar(gewogen, b, "2026-11-30", k, hints)).toEqual({ klaar: true });
    expect(besluitVanaf(gewogen, k)?.vanaf).toBe("2026-11-30");
  });

  it("zonder verzonden voornemen geen besluit, behalve met spoed (4:11 Awb)", () => {
    const b = stap("besluit");
    expect(isKlaar(zaak([b]), b, "2026-12-01", k, hints)).toMatchObject({
      klaar: false,
      reden: expect.stringContaining("verzonden voornemen"),
    });
    expect(isKlaar(zaak([b], { spoed: true }), b, "2026-12-01", k, hints)).toEqual({ klaar: true });
  });

  it("voornemen, besluit, invordering en kostenverhaal vragen een aangewezen overtreder; de waarschuwing niet", () => {
    const v = stap("voornemen", { nietVoor: "2026-11-05" });
    expect(isKlaar(zaak([v], {}, { overtrederId: null }), v, "2026-11-06", k, hints)).toMatchObject({
      klaar: false,
      reden: "wijs eerst de overtreder aan: handhaving zet 1 --overtreder <id>",
    });
    const w = stap("waarschuwing", { nietVoor: "2026-11-05" });
    expect(isKlaar(zaak([w], {}, { overtrederId: null }), w, "2026-11-06", k, hints)).toEqual({ klaar: true });
  });

  it("niet vóór de vroegste dag, niet zolang een eerdere stap open staat, niet in een gesloten zaak; de kostenbeschikking vraagt de kosten", () => {
    const w = stap("waarschuwing", { nietVoor: "2026-11-26" });
    expect(isKlaar(zaak([w]), w, "2026-11-23", k, hints)).toEqual({
      klaar: false,
      reden: "De waarschuwing kan pas vanaf 26 november 2026",
      tot: "2026-11-26",
    });
    const open = stap("waarschuwing");
    const v = stap("voornemen");
    expect(isKlaar(zaak([open, v]), v, "2026-11-23", k, hints)).toMatchObject({
      reden: `eerst de waarschuwing (opvolging ${open.opvolgingId})`,
    });
    expect(isKlaar(zaak([v], {}, { status: "afgerond" }), v, "2026-11-23", k, hints)).toMatchObject({ klaar: false });
    const kv = stap("kostenverhaal");
    expect(isKlaar(zaak([kv]), kv, "2026-11-23", k, hints)).toMatchObject({ reden: expect.stringContaining("--kosten") });
  });
});

describe("vastleggen en controleren", () => {
  it("het voornemen legt de waarden vast (met spoed: het besluit)", () => {
    expect(isVastgelegd(zaak([stap("voornemen")]))).toBeNull();
    expect(isVastgelegd(zaak([stap("voornemen", { brief: "2026-11-23" })]))).not.toBeNull();
    expect(isVastgelegd(zaak([stap("besluit", { brief: "2026-11-23" })], { spoed: true }))).not.toBeNull();
  });

  it("5:32b: bedrag, eenheid en maximum in één zin", () => {
    expect(dwangsomZin({ bedrag: 2500, per: "constatering", maximum: 25000 })).toBe(
      "€ 2.500 voor iedere keer dat wordt geconstateerd dat niet aan de last is voldaan, met een maximum van € 25.000",
    );
    expect(dwangsomZin({ bedrag: 1000, per: "week", maximum: 10000 })).toBe(
      "€ 1.000 voor iedere week (of een deel daarvan) dat niet aan de last is voldaan, met een maximum van € 10.000",
    );
    expect(dwangsomZin({ bedrag: 5000, per: "ineens", maximum: 5000 })).toBe("€ 5.000 ineens");
  });

  it("een last onder dwangsom zonder bedrag, een maximum onder het bedrag of een sluiting zonder duur is geen profiel", () => {
    expect(fout(() => checkProfiel(profiel({ dwangsom: null })))).toMatch(/vraagt een bedrag/);
    expect(fout(() => checkProfiel(profiel({ dwangsom: { bedrag: 5000, per: "week", maximum: 1000 } })))).toMatch(/lager dan het bedrag/);
    expect(fout(() => checkProfiel(profiel({ spoor: "sluiting", dwangsom: null })))).toMatch(/vraagt een duur/);
    expect(fout(() => checkProfiel(profiel({ begunstigingstermijn: "vier weken" })))).toMatch(/geen termijn/);
  });
});
