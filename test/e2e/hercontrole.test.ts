import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, cliInProcess, dump, kopieVan, ok, tempDir } from "../helpers/cli.js";
import { maakPng } from "../helpers/beeld.js";
import { bewijsInhoud } from "../helpers/bewijs.js";
import { count, exec, rij } from "../helpers/rijen.js";
import { HERCONTROLE_WAARNEMING, hercontroleNee, ladderScenario, pdfTekst, type LadderScenario } from "../helpers/ladder.js";

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

  it("hercontrole wijzig aan een terminal vraagt wat ontbreekt, met dezelfde controles (ja: Enter slaat over)", async () => {
    const db = kopieVan(basis);
    ok(cli(db, ["--vandaag", "2026-11-13", "opvolging", "bijwerken", String(her), "--beeindigd", "ja"]));
    const r = await cliInProcess(db, ["--json", "hercontrole", "wijzig", String(her)], {
      answers: ["9 uur", "09:40", "TH-1", "TH-4711", "", "De bar is leeg; geen sterke drank meer aanwezig"],
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('"9 uur" is geen tijd');
    expect(r.stderr).toContain("Toezichthouder TH-1 bestaat niet");
    expect(r.json()).toMatchObject({
      beeindigd: true,
      tijdstip: "09:40",
      toezichthouders: ["TH-4711"],
      waarneming: "De bar is leeg; geen sterke drank meer aanwezig",
    });
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

  it("ondertekend is onveranderlijk; een wijziging daarna maakt versie 2; export deelt alleen hashes; opschonen ruimt record, versies en bestanden op", async () => {
    const db = kopieVan(basis);
    ok(cli(db, ["--vandaag", "2026-11-13", ...hercontroleNee(her, "2026-11-13")]));
    const foto = path.join(tempDir(), "bar.png");
    fs.writeFileSync(
      foto,
      maakPng(40, 30, (x) => [200, x * 4, 20]),
    );
    ok(cli(db, ["hercontrole", "bijlage", "toevoegen", String(her), foto, "--bijschrift", "Flessen achter de bar"]));
    const map = tempDir();
    const rapport = (naam: string, ...extra: string[]) =>
      ok(
        cli(db, [
          "--json",
          "--vandaag",
          "2026-11-13",
          "rapport",
          "hercontrole",
          "--opvolging",
          String(her),
          "--pdf",
          path.join(map, naam),
          ...extra,
        ]),
      ).json();

    const concept = rapport("concept.pdf");
    expect(concept).toMatchObject({ status: "concept", kenmerk: null, versie: 1, bijlagen: 1, ontbrekend: [] });
    expect(await pdfTekst(path.join(map, "concept.pdf"))).toContain("CONCEPT — niet ondertekend");
    const v1 = rapport("v1.pdf", "--onderteken");
    expect(v1).toMatchObject({
      status: "ondertekend",
      versie: 1,
      ondertekend_door: "TH-4711",
      kenmerk: expect.stringMatching(/^RVB-2026-/),
    });
    const t1 = await pdfTekst(path.join(map, "v1.pdf"));
    for (const deel of [
      "Gecontroleerd Waarschuwing INT-2026-",
      "Hersteltermijn tot en met",
      "Foto 1 — bij de hercontrole",
      "Flessen achter de bar",
    ])
      expect(t1, deel).toContain(deel);
    expect(t1).not.toMatch(/CONCEPT/);

    ok(cli(db, ["hercontrole", "wijzig", String(her), "--waarneming", "Achter de bar nog zes flessen sterke drank"]));
    const v2concept = rapport("v2-concept.pdf");
    expect(v2concept).toMatchObject({ status: "concept", kenmerk: v1.kenmerk, versie: 2 });
    const v2 = rapport("v2.pdf", "--onderteken");
    expect(v2).toMatchObject({ status: "ondertekend", kenmerk: v1.kenmerk, versie: 2 });
    const herdruk = rapport("v1-opnieuw.pdf", "--versie", "1");
    expect(herdruk).toMatchObject({ herdruk: true, versie: 1, actueel: false });
    expect(fs.readFileSync(path.join(map, "v1-opnieuw.pdf")).equals(fs.readFileSync(path.join(map, "v1.pdf")))).toBe(true);
    expect(() => exec(db, "UPDATE hercontrole_versie SET dagtekening = '2026-01-01'")).toThrow(/onveranderlijk/);
    expect(ok(cli(db, ["--json", "bevinding", "bijlage", "controleer"])).json()).toMatchObject({ in_orde: true, los: [] });

    const pseudo = path.join(tempDir(), "deel.json");
    ok(cli(db, ["export", "--uit", pseudo, "--pseudoniem"]));
    const doc = JSON.parse(fs.readFileSync(pseudo, "utf8"));
    expect(doc.tabellen.hercontrole_versie).toHaveLength(2);
    expect(doc.tabellen.hercontrole_versie[0]).toMatchObject({ inhoud: null, ondertekend_gebruiker: null, pdf_sha256: v1.pdf_sha256 });
    expect(doc.tabellen.hercontrole_bijlage[0]).toMatchObject({ bestandsnaam: null });

    // Close every follow-up at the address long ago; a 24-month term in 2029 removes the case with its hercontrole.
    exec(
      db,
      "UPDATE opvolging SET status = 'afgerond', gesloten_op = coalesce(gesloten_op, '2026-12-01'), gewijzigd = '2026-12-01T10:00:00.000Z' WHERE bevinding_id IN (SELECT id FROM bevinding WHERE adres_id = ?)",
      s.adres.markt,
    );
    const r = ok(cli(db, ["--json", "--vandaag", "2029-06-01", "opschonen", "--ouder-dan", "24", "--ja"])).json();
    expect(r.adressen).toContain(s.adres.markt);
    expect(r.verwijderd).toMatchObject({ rapport: expect.any(Number), rapport_versie: expect.any(Number) });
    expect(count(db, "SELECT count(*) AS n FROM hercontrole")).toBe(0);
    expect(count(db, "SELECT count(*) AS n FROM hercontrole_versie")).toBe(0);
    const rest = ok(cli(db, ["--json", "bevinding", "bijlage", "controleer"])).json();
    expect(rest).toMatchObject({ in_orde: true, los: [] });
    expect((bewijsInhoud(db) ?? []).filter((f) => [v1.pdf_sha256, v2.pdf_sha256].includes(f))).toEqual([]);
  });

  it("het kostenverhaal na bestuursdwang rust op het ondertekende rapport van de hercontrole en noemt het", async () => {
    const db = kopieVan(basis);
    const b = s.bevinding.brandgevaar;
    const zaak = s.zaak(b);
    const uit = tempDir();
    const json = (vandaag: string, args: string[]) => ok(cli(db, ["--json", "--vandaag", vandaag, ...args])).json();
    const op = (stap: string) => {
      return rij<{ id: number }>(db, "SELECT id FROM opvolging WHERE bevinding_id = ? AND stap = ? AND status = 'open'", b, stap)!.id;
    };
    json("2026-11-06", [
      "brief",
      "maak",
      "--opvolging",
      String(op("voornemen")),
      "--uit",
      uit,
      "--overtreder",
      String(s.betrokkene.flex),
      "--hoedanigheid",
      "eigenaar van de loods",
    ]);
    // The besluit rests on the evening's signed report (issue 13); sign it in this copy.
    const pdf = path.join(tempDir(), "rvb.pdf");
    for (const x of [b, s.bevinding.wav])
      ok(
        cli(db, [
          "bevinding",
          "wijzig",
          String(x),
          "--toezichthouder",
          "TH-4711",
          "--methode",
          "visuele waarneming",
          "--tijdstip",
          "20:25",
        ]),
      );
    ok(
      cli(db, [
        "--vandaag",
        "2026-11-06",
        "rapport",
        "bevindingen",
        "--avond",
        String(s.avond),
        "--adres",
        String(s.adres.industrieweg),
        "--pdf",
        pdf,
        "--onderteken",
      ]),
    );
    json("2026-11-12", ["brief", "maak", "--opvolging", String(op("besluit")), "--uit", uit]);
    const her = op("hercontrole");
    const nee = json("2026-11-30", hercontroleNee(her, "2026-11-30"));
    expect(nee.voorstel).toMatchObject({ stap: "bestuursdwang-uitvoeren" });
    json("2026-12-02", ["opvolging", "bijwerken", String(nee.voorstel.id), "--status", "afgerond", "--datum", "2026-12-02"]);
    json("2026-12-02", ["handhaving", "zet", String(zaak), "--kosten", "3450"]);

    const kosten = op("kostenverhaal");
    const vroeg = cli(db, ["--vandaag", "2026-12-02", "brief", "maak", "--opvolging", String(kosten), "--uit", uit]);
    expect(vroeg.code).toBe(2);
    expect(vroeg.stderr).toContain(
      `De kostenbeschikking rust op een ondertekend rapport van bevindingen van de hercontrole van 30 november 2026 (opvolging ${her}), dat er nog niet is: interventie rapport hercontrole --opvolging ${her} --pdf <bestand> --onderteken`,
    );
    const rapport = json("2026-12-02", [
      "rapport",
      "hercontrole",
      "--opvolging",
      String(her),
      "--pdf",
      path.join(uit, "her.pdf"),
      "--onderteken",
    ]);
    const brief = json("2026-12-02", ["brief", "maak", "--opvolging", String(kosten), "--uit", uit]);
    const t = await pdfTekst(brief.bestand);
    expect(t).toContain(
      `Bij hercontrole op 30 november 2026 om 10:15 uur heeft een toezichthouder geconstateerd: Nog twaalf bewoners aangetroffen; op de zolder vijf matrassen (rapport van bevindingen ${rapport.kenmerk}, versie 1, van 2 december 2026). Daarom heeft de gemeente de last zelf uitgevoerd`,
    );
  });
});
