import { describe, expect, it } from "vitest";
import {
  checkAfsluiting,
  ontbrekendBijHercontrole,
  parseHercontrole,
  citedHercontroles,
  type HercontroleVerwijzing,
} from "../../src/domain/hercontrole.js";
import type { Stap, ZaakStap } from "../../src/domain/ladder.js";
import { gecontroleerdeLast, makeHercontroleInhoud, bezwarenTegenHercontrole } from "../../src/domain/rapport-hercontrole.js";
import { kalender } from "../../src/io/atw.js";
import { zaak } from "../helpers/profiel.js";

const k = kalender();

const stap = (id: number, s: Stap, o: { brief?: string; op?: string; beeindigd?: boolean; nietVoor?: string } = {}): ZaakStap => ({
  opvolgingId: id,
  stap: s,
  status: o.brief || o.op ? "afgerond" : "open",
  nietVoor: o.nietVoor ?? null,
  geslotenOp: o.brief ?? o.op ?? null,
  beeindigd: o.beeindigd ?? null,
  brief: o.brief ? { kenmerk: `INT-2026-00000${id}`, datum: o.brief } : null,
});

const verwijzing = (id: number, datum: string, getekend: boolean): HercontroleVerwijzing => ({
  opvolgingId: id,
  datum,
  tijdstip: "10:15",
  waarneming: "Nog twaalf bewoners",
  rapport: getekend ? { kenmerk: `RVB-2026-00000${id}`, versie: 1, datum } : null,
});

describe("de waarneming bij een hercontrole", () => {
  it("nee vraagt tijdstip, nummer, methode en waarneming; ja beveelt ze aan", () => {
    expect(() => checkAfsluiting(false, {})).toThrow("ontbreekt: --tijdstip, --toezichthouder, --methode, --waarneming");
    expect(() => checkAfsluiting(false, parseHercontrole({ tijdstip: "9.05", toezichthouder: "4711" }))).toThrow(
      "ontbreekt: --methode, --waarneming",
    );
    const volledig = parseHercontrole({ tijdstip: "9.05", toezichthouder: "4711; boa-1", methode: "visueel", waarneming: "12 bewoners" });
    expect(volledig).toEqual({ tijdstip: "09:05", toezichthouders: ["4711", "BOA-1"], methode: "visueel", waarneming: "12 bewoners" });
    expect(checkAfsluiting(false, volledig)).toEqual({});
    expect(checkAfsluiting(true, {})).toEqual({});
    expect(checkAfsluiting(true, { tijdstip: "10:00" }).waarschuwing).toContain("ontbreekt: --toezichthouder, --methode, --waarneming");
    expect(() => parseHercontrole({ waarneming: "  " })).toThrow("waarneming: mag niet leeg zijn");
    expect(() => parseHercontrole({ tijdstip: "24:00" })).toThrow("is geen tijd");
    expect(ontbrekendBijHercontrole({ tijdstip: "10:00", toezichthouders: ["1"], methode: "m", waarneming: "w" })).toEqual([]);
  });
});

describe("waar een invordering of kostenverhaal op rust", () => {
  // Besluit on 23 November: four weeks, so the begunstigingstermijn runs to 21 December.
  const dwangsom = zaak([
    stap(1, "besluit", { brief: "2026-11-23" }),
    stap(2, "hercontrole", { op: "2026-12-18", beeindigd: false }), // within the term: never counts
    stap(3, "hercontrole", { op: "2026-12-22", beeindigd: false }),
    stap(4, "invordering", { nietVoor: "2026-12-22" }),
  ]);

  it("de invordering rust op de mislukte hercontroles na de begunstigingstermijn die meetellen", () => {
    const alle = [verwijzing(2, "2026-12-18", false), verwijzing(3, "2026-12-22", false)];
    expect(citedHercontroles(dwangsom, dwangsom.stappen[3]!, alle, k).map((h) => h.opvolgingId)).toEqual([3]);
    expect(citedHercontroles(dwangsom, dwangsom.stappen[0]!, alle, k)).toEqual([]);
  });

  it("het kostenverhaal rust op de mislukte hercontrole die tot bestuursdwang leidde", () => {
    const z = zaak(
      [
        stap(1, "besluit", { brief: "2026-11-23" }),
        stap(2, "hercontrole", { op: "2026-12-22", beeindigd: false }),
        stap(3, "bestuursdwang-uitvoeren", { op: "2026-12-28" }),
        stap(4, "kostenverhaal", { nietVoor: "2026-12-28" }),
      ],
      { spoor: "bestuursdwang", dwangsom: null },
    );
    expect(citedHercontroles(z, z.stappen[3]!, [verwijzing(2, "2026-12-22", true)], k)).toEqual([verwijzing(2, "2026-12-22", true)]);
  });

  it("het rapport noemt de last die de hercontrole controleerde, met het einde van haar termijn", () => {
    expect(gecontroleerdeLast(dwangsom, 3, k)).toMatchObject({
      soort: "besluit",
      naam: "last onder dwangsom",
      kenmerk: "INT-2026-000001",
      datum: "2026-11-23",
      termijn_tot: "2026-12-21",
    });
    const waarschuwing = zaak([
      stap(1, "waarschuwing", { brief: "2026-11-05" }),
      stap(2, "hercontrole", { op: "2026-11-20", beeindigd: false }),
    ]);
    expect(gecontroleerdeLast(waarschuwing, 2, k)).toMatchObject({ soort: "waarschuwing", termijn_tot: "2026-11-19" });
    // A besluit sent after this hercontrole is not what it checked.
    expect(gecontroleerdeLast(zaak([stap(5, "besluit", { brief: "2026-11-23" })]), 3, k)).toBeNull();
  });

  it("een onvolledige waarneming kan niet worden ondertekend en zegt hoe aan te vullen", () => {
    const inhoud = makeHercontroleInhoud(
      {
        gemeente: "Veldhoven",
        afdeling: "afdeling VTH",
        adres: { volledig: "Kerkstraat 12, 5504 AB Veldhoven", type: "woning" },
        opvolging: { id: 3, datum: "2026-12-22", beeindigd: false },
        tijdstip: "10:15",
        methode: null,
        waarneming: null,
        toezichthouders: [],
        bijlagen: [],
        bevinding: {
          bevinding_id: 1,
          categorie_naam: "Overbewoning",
          omschrijving: "14 personen",
          controle_datum: "2026-11-05",
          rapport: null,
        },
        zaak: dwangsom,
      },
      k,
    );
    expect(inhoud.ontbrekend).toEqual(["toezichthouder", "methode", "waarneming"]);
    expect(bezwarenTegenHercontrole(inhoud)[0]).toContain("interventie hercontrole wijzig 3 --toezichthouder … --methode … --waarneming …");
  });
});
