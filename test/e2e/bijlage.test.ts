import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { exec } from "../helpers/avg.js";
import { bewijsInhoud, verwijderBewijs, wijzigBewijs } from "../helpers/bewijs.js";
import { rijen } from "../helpers/rijen.js";
import { cli, dump, ok, tempDir } from "../helpers/cli.js";
import { describeAlleenSqlite, itAlleenSqlite } from "../helpers/opslag.js";
import { avondMetAdressen, rapportArgs, voegToe } from "../helpers/bevinding.js";
import { maakPng } from "../helpers/beeld.js";
import { seededOn } from "../helpers/seed.js";

/**
 * Evidence: photos and documents stored by SHA-256 — in a private folder next to a SQLite
 * database, in the table bestand_inhoud of a PostgreSQL one (test/helpers/bewijs.ts reads both).
 */
const map = (db: string) => `${db}.bijlagen`;
const inhoudMap = bewijsInhoud;
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

function opzet() {
  const base = seededOn("bijlage-overbewoning", avondMetAdressen, (db, s) => ({ b: voegToe(db, s.avond, s.kerkstraat, "overbewoning") }));
  const dir = tempDir();
  const foto = path.join(dir, "IMG_2034.png");
  fs.writeFileSync(foto, maakPng(32, 24));
  return { ...base, dir, foto };
}

describe("bevinding bijlage", () => {
  it("slaat een foto privé op onder haar SHA-256, één keer, en zet de hash in database en auditlog", () => {
    const { db, b, dir, foto } = opzet();
    const r = ok(cli(db, ["--json", "bevinding", "bijlage", "toevoegen", String(b.id), foto, "--bijschrift", "Zolder"])).json();
    expect(r).toMatchObject({ bevinding_id: b.id, soort: "png", nieuw: true, bijschrift: "Zolder" });
    expect(inhoudMap(db)).toEqual([r.sha256]);
    expect(rijen(db, "SELECT sha256, soort, grootte FROM bijlage")).toEqual([
      { sha256: r.sha256, soort: "png", grootte: fs.statSync(foto).size },
    ]);
    expect(String(rijen<{ details: string }>(db, "SELECT details FROM audit_log WHERE tabel = 'bijlage'")[0]!.details)).toContain(r.sha256);

    // Same content again (under another name): idempotent, no second copy, no second link.
    const kopie = path.join(dir, "kopie.png");
    fs.copyFileSync(foto, kopie);
    const before = dump(db);
    const nogEens = ok(cli(db, ["--json", "bevinding", "bijlage", "toevoegen", String(b.id), kopie]));
    expect(nogEens.json()).toMatchObject({ nieuw: false, sha256: r.sha256 });
    expect(dump(db)).toBe(before);
    expect(inhoudMap(db)).toEqual([r.sha256]);

    // The same photo with another finding: one stored file, two links.
    const b2 = voegToe(db, b.avond_id, b.adres_id, "milieu");
    ok(cli(db, ["bevinding", "bijlage", "toevoegen", String(b2.id), foto]));
    expect(inhoudMap(db)).toEqual([r.sha256]);

    // A PDF document is accepted too.
    fs.writeFileSync(path.join(dir, "huurcontract.pdf"), PDF);
    expect(
      ok(cli(db, ["--json", "bevinding", "bijlage", "toevoegen", String(b.id), path.join(dir, "huurcontract.pdf")])).json().soort,
    ).toBe("pdf");
    const lijst = ok(cli(db, ["--json", "bevinding", "bijlage", "lijst", String(b.id)])).json();
    expect(lijst.bijlagen.map((j: any) => [j.volgnummer, j.soort, j.aanwezig])).toEqual([
      [1, "png", true],
      [2, "pdf", true],
    ]);
    // 80 columns: the hash shortened (whole in --json above); a wide window shows it whole.
    expect(ok(cli(db, ["bevinding", "bijlage", "lijst", String(b.id)])).stdout).toContain(r.sha256.slice(0, 12));
    expect(ok(cli(db, ["bevinding", "bijlage", "lijst", String(b.id)], { env: { COLUMNS: "160" } })).stdout).toContain(r.sha256);
  });

  itAlleenSqlite("de bestanden naast het databasebestand", "de map is privé (0700), elk bestand 0600", () => {
    const { db, b, foto } = opzet();
    const r = ok(cli(db, ["--json", "bevinding", "bijlage", "toevoegen", String(b.id), foto])).json();
    expect(fs.statSync(map(db)).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(map(db), r.sha256)).mode & 0o777).toBe(0o600);
  });

  it.each([
    ["een bestand dat niet bestaat", (d: string) => path.join(d, "weg.jpg"), /Bestand .*weg\.jpg bestaat niet/],
    [
      "een bestand van 500 MB (geweigerd zonder het te lezen)",
      (d: string) => {
        const f = path.join(d, "groot.png");
        fs.writeFileSync(f, maakPng(4, 4));
        fs.truncateSync(f, 500 * 1024 * 1024); // sparse: no 500 MB on disk
        return f;
      },
      /is 524,3 MB; een bijlage mag hoogstens 25 MB zijn/,
    ],
    [
      "een tekstbestand met de naam .jpg",
      (d: string) => {
        const f = path.join(d, "foto.jpg");
        fs.writeFileSync(f, "dit is geen foto\n");
        return f;
      },
      /is geen foto \(JPEG of PNG\) of PDF-document/,
    ],
    [
      "een kapotte PNG",
      (d: string) => {
        const f = path.join(d, "kapot.png");
        const png = maakPng(16, 16);
        fs.writeFileSync(f, Buffer.concat([png.subarray(0, 60), Buffer.alloc(40, 7)]));
        return f;
      },
      /beschadigde of onbruikbare afbeelding/,
    ],
    ["een map", (d: string) => d, /is geen gewoon bestand/],
    ["een leeg bestand", (d: string) => (fs.writeFileSync(path.join(d, "leeg.png"), ""), path.join(d, "leeg.png")), /is leeg/],
  ])("weigert %s: exit 2, één regel, database en map onveranderd", (_naam, maak, fout) => {
    const { db, b } = opzet();
    const file = maak(tempDir());
    const before = dump(db);
    const r = cli(db, ["bevinding", "bijlage", "toevoegen", String(b.id), file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(fout);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stdout).toBe("");
    expect(dump(db)).toBe(before);
    expect(inhoudMap(db)).toBeNull();
  });

  it("weigert een onbekende bevinding vóór het bestand te lezen", () => {
    const { db, foto } = opzet();
    const before = dump(db);
    const r = cli(db, ["--json", "bevinding", "bijlage", "toevoegen", "999", foto]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe("fout: Bevinding 999 bestaat niet");
    expect(r.json().fout.code).toBe("niet-gevonden");
    expect(dump(db)).toBe(before);
    expect(inhoudMap(db)).toBeNull();
  });

  it("controleer meldt een ontbrekend of gewijzigd bestand met exit 2, nooit stil", () => {
    const { db, b, foto, dir } = opzet();
    const r = ok(cli(db, ["--json", "bevinding", "bijlage", "toevoegen", String(b.id), foto])).json();
    fs.writeFileSync(path.join(dir, "doc.pdf"), PDF);
    const pdf = ok(cli(db, ["--json", "bevinding", "bijlage", "toevoegen", String(b.id), path.join(dir, "doc.pdf")])).json();
    expect(ok(cli(db, ["--json", "bevinding", "bijlage", "controleer"])).json()).toMatchObject({ gecontroleerd: 2, in_orde: true });

    verwijderBewijs(db, r.sha256);
    wijzigBewijs(db, pdf.sha256, "% later toegevoegd\n");
    const c = cli(db, ["bevinding", "bijlage", "controleer"]);
    expect(c.code).toBe(2);
    expect(c.stderr.trim()).toMatch(/^fout: 2 van 2 opgeslagen bestanden ontbreken of zijn gewijzigd/);
    expect(c.stdout).toContain(`bijlage ${r.id}: bestand ontbreekt (${r.sha256})`);
    expect(c.stdout).toContain(`bijlage ${pdf.id}: bestand is gewijzigd (${pdf.sha256})`);
    expect(ok(cli(db, ["bevinding", "bijlage", "lijst", String(b.id)])).stdout).toContain("ONTBREEKT");

    // Attaching the photo again restores the stored copy.
    ok(cli(db, ["bevinding", "bijlage", "toevoegen", String(b.id), foto]));
    expect(cli(db, ["--json", "bevinding", "bijlage", "controleer"]).json().fout.details).toEqual([
      `bijlage ${pdf.id}: bestand is gewijzigd (${pdf.sha256})`,
    ]);
  });

  it("opschonen verwijdert bijlagen en ondertekende rapporten van verwijderde casussen, met hun bestanden; export deelt alleen hashes", () => {
    const { db, avond, kerkstraat, industrieweg, foto } = opzet();
    ok(cli(db, ["toezichthouder", "toevoegen", "--nummer", "4711", "--functie", "toezichthouder Wonen", "--organisatie", "Veldhoven"]));
    const bevindingen = ok(cli(db, ["--json", "bevinding", "lijst", "--avond", String(avond)])).json();
    const b = bevindingen[0];
    ok(
      cli(db, ["bevinding", "wijzig", String(b.id), "--toezichthouder", "4711", "--methode", "visuele waarneming", "--tijdstip", "19:30"]),
    );
    const foto1 = ok(cli(db, ["--json", "bevinding", "bijlage", "toevoegen", String(b.id), foto])).json();
    // The same photo also belongs to a finding elsewhere: that content must stay.
    const elders = voegToe(db, avond, industrieweg, "milieu");
    ok(cli(db, ["bevinding", "bijlage", "toevoegen", String(elders.id), foto]));
    const eigen = path.join(tempDir(), "eigen.png");
    fs.writeFileSync(
      eigen,
      maakPng(20, 20, () => [0, 120, 0]),
    );
    const foto2 = ok(cli(db, ["--json", "bevinding", "bijlage", "toevoegen", String(b.id), eigen])).json();
    const rapport = ok(cli(db, rapportArgs(avond, kerkstraat, path.join(tempDir(), "r.pdf"), ["--onderteken"]))).json();
    expect(inhoudMap(db)).toEqual([foto1.sha256, foto2.sha256, rapport.pdf_sha256].sort());

    const pseudo = path.join(tempDir(), "export.json");
    ok(cli(db, ["export", "--uit", pseudo, "--pseudoniem"]));
    const doc = JSON.parse(fs.readFileSync(pseudo, "utf8"));
    expect(doc.tabellen.bijlage.map((j: any) => j.sha256).sort()).toEqual([foto1.sha256, foto2.sha256].sort());
    expect(doc.tabellen.toezichthouder[0].nummer).toMatch(/^TH-[0-9a-f]{8}$/);
    expect(doc.tabellen.rapport_versie[0]).toMatchObject({ inhoud: null, ondertekend_gebruiker: null, pdf_sha256: rapport.pdf_sha256 });
    expect(doc.tabellen.bevinding_bijlage.every((j: any) => j.bestandsnaam === null)).toBe(true);
    expect(fs.readFileSync(pseudo, "utf8")).not.toContain("IMG_2034");
    expect(fs.readFileSync(pseudo, "utf8")).not.toContain('"4711"');

    // Close the Kerkstraat's follow-ups long ago, then apply a 24-month term in 2029.
    exec(
      db,
      "UPDATE opvolging SET status = 'afgerond', gesloten_op = '2026-12-01', gewijzigd = '2026-12-01T10:00:00.000Z' WHERE bevinding_id IN (SELECT id FROM bevinding WHERE adres_id = ?)",
      kerkstraat,
    );
    const proef = ok(cli(db, ["--json", "--vandaag", "2029-06-01", "opschonen", "--ouder-dan", "24", "--dry-run"])).json();
    expect(proef.zouVerwijderen).toMatchObject({ bijlage: 1, rapport: 1, rapport_versie: 1 });
    expect(inhoudMap(db)).toHaveLength(3);
    const r = ok(cli(db, ["--json", "--vandaag", "2029-06-01", "opschonen", "--ouder-dan", "24", "--ja"])).json();
    expect(r.adressen).toEqual([kerkstraat]);
    expect(r.verwijderd).toMatchObject({ bijlage: 1, rapport: 1, rapport_versie: 1, bevinding: 1 });
    // The shared photo stays (the Industrieweg still links to it); the own photo and the signed PDF are gone.
    expect(inhoudMap(db)).toEqual([foto1.sha256]);
    expect(ok(cli(db, ["--json", "bevinding", "bijlage", "controleer"])).json()).toMatchObject({ gecontroleerd: 1, in_orde: true });
  });
});

describeAlleenSqlite(
  "op PostgreSQL maakt pg_dump de backup, met de bewijsstukken erin (bewijs-teamserver.test.ts)",
  "backup met bewijsstukken",
  () => {
    it("neemt de bewaarde foto's mee naast de kopie, elk gecontroleerd op zijn hash; een ontbrekend bestand wordt gemeld", () => {
      const { db, b, dir, foto } = opzet();
      const r = ok(cli(db, ["--json", "bevinding", "bijlage", "toevoegen", String(b.id), foto])).json();
      const uit = path.join(dir, "backup.db");
      const backup = ok(cli(db, ["--json", "backup", "--uit", uit])).json();
      expect(backup.bijlagen).toEqual({ map: `${uit}.bijlagen`, bestanden: 1, problemen: [] });
      expect(inhoudMap(uit)).toEqual([r.sha256]);
      expect(fs.statSync(`${uit}.bijlagen`).mode & 0o777).toBe(0o700);
      expect(fs.statSync(path.join(`${uit}.bijlagen`, r.sha256)).mode & 0o777).toBe(0o600);
      // The backup is a working database with its evidence: the check passes there.
      ok(cli(uit, ["bevinding", "bijlage", "controleer"]));

      // A missing source file is named, the backup itself is still made.
      fs.rmSync(path.join(map(db), r.sha256));
      const tweede = path.join(dir, "backup2.db");
      const zonder = ok(cli(db, ["--json", "backup", "--uit", tweede]));
      expect(zonder.json().bijlagen.problemen).toEqual([expect.stringContaining("ontbreekt")]);
      expect(zonder.stderr).toMatch(/bewijsstuk .* ontbreekt/);
    });
  },
);
