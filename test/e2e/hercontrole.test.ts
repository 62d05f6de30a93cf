import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, dump, kopieVan, ok, tempDir } from "../helpers/cli.js";
import { maakPng } from "../helpers/beeld.js";
import { HERCONTROLE_WAARNEMING, ladderScenario, type LadderScenario } from "../helpers/ladder.js";

/**
 * The record of a hercontrole (issue 12/13 follow-up): closing one records time, toezichthouder
 * number(s), method and observation — required for "nee", which an invordering rests on — and
 * evidence can be attached; bad input is exit 2 with one Dutch line and changes nothing.
 */

let s: LadderScenario;
/** After the letters of the evening (5 November 2026): the alcoholwet waarschuwing is sent; its hercontrole is due from 13 November. */
let basis: string;
let her: number;

beforeAll(async () => {
  s = await ladderScenario();
  ok(cli(s.db, ["--vandaag", "2026-11-05", "brief", "batch", "--avond", String(s.avond), "--uit", tempDir()]));
  await s.toezichthouder();
  basis = s.db;
  her = s.opvolging(s.bevinding.alcoholwet, "hercontrole");
}, 120_000);

const bijwerken = (db: string, args: string[]) =>
  cli(db, ["--vandaag", "2026-11-13", "opvolging", "bijwerken", String(her), "--beeindigd", "nee", "--datum", "2026-11-13", ...args]);

describe("hercontrole vastleggen", () => {
  it("nee zonder waarneming, een onbekend nummer, een fout tijdstip of velden zonder --beeindigd: exit 2, één regel, niets gewijzigd", () => {
    const db = kopieVan(basis);
    const before = dump(db);
    const zonder = (veld: string) => {
      const i = HERCONTROLE_WAARNEMING.indexOf(`--${veld}`);
      return HERCONTROLE_WAARNEMING.filter((_, j) => j !== i && j !== i + 1);
    };
    const metNummer = (nr: string) => HERCONTROLE_WAARNEMING.map((a) => (a === "TH-4711" ? nr : a));
    const metTijd = (t: string) => HERCONTROLE_WAARNEMING.map((a) => (a === "10:15" ? t : a));
    for (const [args, fout] of [
      [[], /ontbreekt: --tijdstip, --toezichthouder, --methode, --waarneming/],
      [zonder("waarneming"), /grondslag van de volgende stap: leg vast wat is waargenomen \(ontbreekt: --waarneming\)/],
      [zonder("toezichthouder"), /ontbreekt: --toezichthouder\)/],
      [metNummer("TH-9999"), /Toezichthouder TH-9999 bestaat niet/],
      [metNummer("j_de_vries"), /"j_de_vries" is geen toezichthoudernummer/],
      [metTijd("25:00"), /tijdstip: "25:00" is geen tijd/],
    ] as [string[], RegExp][]) {
      const r = bijwerken(db, args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr.trim().split("\n"), r.stderr).toHaveLength(1);
      expect(r.stderr).toMatch(fout);
      expect(dump(db)).toBe(before);
    }
    const los = cli(db, ["opvolging", "bijwerken", String(her), "--tijdstip", "10:15"]);
    expect(los.code).toBe(2);
    expect(los.stderr).toContain("horen bij het afsluiten van een hercontrole (--beeindigd ja|nee)");
    expect(dump(db)).toBe(before);
  });

  it("nee met waarneming: vastgelegd met tijdstip, nummer, methode en waarneming; aanvullen en een foto bijvoegen", () => {
    const db = kopieVan(basis);
    const r = ok(
      cli(db, [
        "--json",
        "--vandaag",
        "2026-11-13",
        "opvolging",
        "bijwerken",
        String(her),
        "--beeindigd",
        "nee",
        "--datum",
        "2026-11-13",
        ...HERCONTROLE_WAARNEMING,
      ]),
    ).json();
    expect(r).toMatchObject({ status: "afgerond", beeindigd: false, gesloten_op: "2026-11-13", voorstel: { stap: "voornemen" } });

    const w = ok(cli(db, ["--json", "hercontrole", "wijzig", String(her), "--tijdstip", "10:20"])).json();
    expect(w).toMatchObject({
      opvolging_id: her,
      datum: "2026-11-13",
      beeindigd: false,
      tijdstip: "10:20",
      toezichthouders: ["TH-4711"],
      methode: "visuele waarneming in de woning met toestemming van de bewoners",
      waarneming: "Nog twaalf bewoners aangetroffen; op de zolder vijf matrassen",
      ontbrekend: [],
      gewijzigd: ["tijdstip"],
    });

    const foto = path.join(tempDir(), "zolder.png");
    fs.writeFileSync(foto, maakPng());
    const b = ok(
      cli(db, ["--json", "hercontrole", "bijlage", "toevoegen", String(her), foto, "--bijschrift", "Zolder: vijf matrassen"]),
    ).json();
    expect(b).toMatchObject({ opvolging_id: her, soort: "png", bijschrift: "Zolder: vijf matrassen", nieuw: true });
    const lijst = ok(cli(db, ["--json", "hercontrole", "bijlage", "lijst", String(her)])).json();
    expect(lijst.bijlagen).toEqual([expect.objectContaining({ sha256: b.sha256, aanwezig: true, volgnummer: 1 })]);
    ok(cli(db, ["bevinding", "bijlage", "controleer"]));

    // Not a hercontrole, or not closed yet: exit 2, nothing changed.
    const before = dump(db);
    const open = s.opvolging(s.bevinding.brandveiligheid, "hercontrole");
    for (const [args, fout] of [
      [["hercontrole", "wijzig", String(open), "--tijdstip", "10:00"], /is nog niet afgesloten/],
      [["hercontrole", "bijlage", "toevoegen", String(open), foto], /is nog niet afgesloten/],
      [["hercontrole", "wijzig", "99999", "--tijdstip", "10:00"], /bestaat niet/],
      [["hercontrole", "wijzig", String(her)], /Geef minstens één van --tijdstip/],
    ] as [string[], RegExp][]) {
      const x = cli(db, args);
      expect(x.code, args.join(" ")).toBe(2);
      expect(x.stderr).toMatch(fout);
    }
    expect(dump(db)).toBe(before);
  });

  it("ja zonder waarneming mag (aanbevolen, niet verplicht); half vastgelegd geeft een waarschuwing", () => {
    const db = kopieVan(basis);
    const ja = ok(cli(db, ["--json", "--vandaag", "2026-11-13", "opvolging", "bijwerken", String(her), "--beeindigd", "ja"])).json();
    expect(ja).toMatchObject({ beeindigd: true });
    const db2 = kopieVan(basis);
    const half = ok(
      cli(db2, ["--vandaag", "2026-11-13", "opvolging", "bijwerken", String(her), "--beeindigd", "ja", "--tijdstip", "10:15"]),
    );
    expect(half.stderr).toContain(
      `Waarneming onvolledig vastgelegd (ontbreekt: --toezichthouder, --methode, --waarneming); aanvullen met: interventie hercontrole wijzig ${her}`,
    );
  });
});
