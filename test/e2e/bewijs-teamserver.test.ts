import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect } from "vitest";
import { rapportArgs, voegToe, waarneming } from "../helpers/bevinding.js";
import { maakPng } from "../helpers/beeld.js";
import { addAdres, addAvond, cli, initDb, ok, tempDbBestand, tempDir, TESTADRESSEN } from "../helpers/cli.js";
import { alsBeheerder, alsLogin, databaseVan, itAlleenPostgres, nieuweTeamDatabase } from "../helpers/opslag.js";
import { count } from "../helpers/rijen.js";
import { pgQuery } from "../helpers/pg-sync.js";
import { pgServer } from "../helpers/postgres.js";

/**
 * Evidence on the team server, through the CLI: per login (what row-level security lets each see
 * and add; the SQL underneath in test/pg/bewijs.test.ts), and moving a team with its evidence (issue 16 pt 4): the photos and signed report PDFs that lie beside
 * the SQLite file become rows of bestand_inhoud, each checked against its hash; a missing or altered
 * file refuses the move and leaves the new database empty.
 */

/** A SQLite team: one finding with a photo, its rapport van bevindingen signed. */
function sqliteTeam() {
  const bestand = tempDbBestand();
  const dir = tempDir();
  ok(cli(bestand, ["init", "--team", "KIT"]));
  const adres = addAdres(bestand);
  const avond = addAvond(bestand, adres);
  ok(cli(bestand, ["toezichthouder", "toevoegen", "--nummer", "4711", "--functie", "toezichthouder Wonen", "--organisatie", "Veldhoven"]));
  const b = voegToe(bestand, avond, adres, "overbewoning", waarneming("19:40", "4711", "visuele waarneming"));
  const foto = path.join(dir, "zolder.png");
  fs.writeFileSync(foto, maakPng(64, 48));
  const bijlage = ok(cli(bestand, ["--json", "bevinding", "bijlage", "toevoegen", String(b.id), foto])).json();
  const pdf = path.join(dir, "v1.pdf");
  const rapport = ok(cli(bestand, rapportArgs(avond, adres, pdf, ["--onderteken"]))).json();
  return { bestand, avond, adres, b, bijlage, rapport, pdf };
}

/** A new, empty database of the administrator (no init), dropped afterwards. */
function leegDoel<T>(fn: (naar: string, database: string) => T): T {
  const database = `${databaseVan(nieuweTeamDatabase())}_bewijs`;
  pgQuery("postgres", `CREATE DATABASE ${database} OWNER ${pgServer().beheerder.login}`);
  try {
    return fn(alsBeheerder(`postgres://x@127.0.0.1/${database}`), database);
  } finally {
    pgQuery("postgres", `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }
}

const beheerder = () => ({ env: { INTERVENTIE_GEBRUIKER: pgServer().beheerder.login } });

describe("overzetten met bewijs", () => {
  itAlleenPostgres(
    "neemt foto's en ondertekende rapporten mee: gecontroleerd in orde, de herdruk byte voor byte gelijk, in pg_dump",
    () => {
      const t = sqliteTeam();
      leegDoel((naar) => {
        const r = ok(cli("", ["--json", "overzetten", "--van", t.bestand, "--naar", naar], beheerder())).json();
        expect(r.tabellen).toMatchObject({ bijlage: 1, rapport_versie: 1, bestand_inhoud: 2 });

        const controle = ok(cli(naar, ["--json", "bevinding", "bijlage", "controleer"], beheerder())).json();
        expect(controle).toMatchObject({ gecontroleerd: 2, in_orde: true, los: [] });
        const lijst = ["--json", "bevinding", "bijlage", "lijst", String(t.b.id)];
        expect(ok(cli(naar, lijst, beheerder())).json()).toEqual(ok(cli(t.bestand, lijst)).json());
        expect(ok(cli(naar, lijst, beheerder())).json().bijlagen[0]).toMatchObject({ sha256: t.bijlage.sha256, aanwezig: true });

        const herdruk = path.join(tempDir(), "herdruk.pdf");
        const h = ok(cli(naar, rapportArgs(t.avond, t.adres, herdruk, ["--versie", "1"]), beheerder())).json();
        expect(h).toMatchObject({ herdruk: true, versie: 1, pdf_sha256: t.rapport.pdf_sha256 });
        expect(fs.readFileSync(herdruk).equals(fs.readFileSync(t.pdf))).toBe(true);

        // Backup on PostgreSQL is pg_dump: the evidence's rows are in it.
        const dump = path.join(tempDir(), "kit.dump");
        ok(cli(naar, ["backup", "--uit", dump], beheerder()));
        const inhoud = spawnSync("pg_restore", ["--data-only", "--table=bestand_inhoud", "--file=-", dump], { encoding: "utf8" });
        expect(inhoud.status, inhoud.stderr).toBe(0);
        expect(inhoud.stdout).toContain(t.bijlage.sha256);
        expect(inhoud.stdout).toContain(t.rapport.pdf_sha256);
      });
    },
  );

  itAlleenPostgres("weigert een gewijzigd of ontbrekend bestand: exit 2, één regel, de nieuwe database blijft leeg", () => {
    const t = sqliteTeam();
    const map = `${t.bestand}.bijlagen`;
    leegDoel((naar, database) => {
      const foto = path.join(map, t.bijlage.sha256);
      const echt = fs.readFileSync(foto);
      fs.appendFileSync(foto, "later veranderd");
      const gewijzigd = cli("", ["overzetten", "--van", t.bestand, "--naar", naar], beheerder());
      expect(gewijzigd.code, gewijzigd.stderr).toBe(2);
      expect(gewijzigd.stderr.trim().split("\n")).toEqual([
        `fout: Bewijsstuk bijlage ${t.bijlage.id} (${t.bijlage.sha256.slice(0, 12)}…) is gewijzigd in ${map}; overzetten neemt alleen ongeschonden bewijs mee; er is niets gewijzigd (zie bevinding bijlage controleer)`,
      ]);

      fs.writeFileSync(foto, echt);
      fs.rmSync(path.join(map, t.rapport.pdf_sha256));
      const weg = cli("", ["overzetten", "--van", t.bestand, "--naar", naar], beheerder());
      expect(weg.code).toBe(2);
      expect(weg.stderr).toMatch(/^fout: Bewijsstuk rapport RVB-2026-000001 versie 1 \([0-9a-f]{12}…\) ontbreekt in /);

      const tabellen = pgQuery<{ t: string }>(database, "SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public'").rows;
      for (const { t: tabel } of tabellen) {
        const n = pgQuery<{ n: number }>(
          database,
          `SELECT count(*)::int AS n FROM "${tabel}" WHERE ${tabel === "interventie_schema" ? "false" : "true"}`,
        ).rows[0]!.n;
        expect({ tabel, n }).toEqual({ tabel, n: 0 });
      }
    });
  });
});

describe("bewijs per login", () => {
  const WACHTWOORD = "Lang genoeg wachtwoord 2";
  function login(db: string, kort: string, rol: string, organisatie: string): string {
    const naam = `${databaseVan(db)}_${kort}`;
    const args = ["beheer", "gebruiker", "toevoegen", "--login", naam, "--rol", rol, "--organisatie", organisatie, "--wachtwoord-stdin"];
    ok(cli(alsBeheerder(db), args, { input: `${WACHTWOORD}\n`, ...beheerder() }));
    return naam;
  }
  const als = (db: string, naam: string, args: string[]) =>
    cli(alsLogin(db, naam), args, { env: { PGPASSWORD: WACHTWOORD, INTERVENTIE_GEBRUIKER: naam } });

  itAlleenPostgres(
    "een handhaver legt bewijs vast en ondertekent in zijn gemeente; elders ziet men er niets van, dezelfde foto staat één keer",
    () => {
      const db = initDb();
      const kerkstraat = addAdres(db); // Veldhoven
      const industrieweg = addAdres(db, TESTADRESSEN.industrieweg); // Bladel
      const avond = addAvond(db, kerkstraat);
      ok(cli(db, ["toezichthouder", "toevoegen", "--nummer", "4711", "--functie", "toezichthouder Wonen", "--organisatie", "Veldhoven"]));
      const b = voegToe(db, avond, kerkstraat, "overbewoning", waarneming("19:40", "4711", "visuele waarneming"));
      const bladel = voegToe(db, avond, industrieweg, "overbewoning", ["--toch"]);
      const veldhoven = login(db, "hhv", "handhaver", "Veldhoven");
      const elders = login(db, "hhb", "handhaver", "Bladel");
      const partner = login(db, "uwv", "partner", "UWV");
      const foto = path.join(tempDir(), "zolder.png");
      fs.writeFileSync(foto, maakPng(32, 24));

      const j = ok(als(db, veldhoven, ["--json", "bevinding", "bijlage", "toevoegen", String(b.id), foto])).json();
      expect(j).toMatchObject({ nieuw: true, soort: "png" });
      const pdf = path.join(tempDir(), "r.pdf");
      expect(ok(als(db, veldhoven, rapportArgs(avond, kerkstraat, pdf, ["--onderteken"]))).json()).toMatchObject({ status: "ondertekend" });
      expect(ok(als(db, veldhoven, ["--json", "bevinding", "bijlage", "controleer"])).json()).toMatchObject({
        gecontroleerd: 2,
        in_orde: true,
      });

      // Bladel sees neither the finding nor its evidence; a partner checks nothing it may not read.
      const lijst = als(db, elders, ["bevinding", "bijlage", "lijst", String(b.id)]);
      expect([lijst.code, lijst.stderr]).toEqual([2, `fout: Bevinding ${b.id} bestaat niet\n`]);
      expect(ok(als(db, elders, ["--json", "bevinding", "bijlage", "controleer"])).json()).toMatchObject({ gecontroleerd: 0 });
      const p = als(db, partner, ["bevinding", "bijlage", "controleer"]);
      expect(p.code).toBe(2);
      expect(p.stderr).toMatch(/^fout: Geen toegang: login \S+ mag dit niet \(\w+\); er is niets gewijzigd\n$/);

      // The same photo attached in Bladel: found by its hash, stored once, now Bladel's evidence too.
      const tweede = ok(als(db, elders, ["--json", "bevinding", "bijlage", "toevoegen", String(bladel.id), foto])).json();
      expect(tweede).toMatchObject({ id: j.id, sha256: j.sha256, nieuw: true });
      expect(count(db, "SELECT count(*) AS n FROM bijlage")).toBe(1);
      expect(count(db, "SELECT count(*) AS n FROM bestand_inhoud")).toBe(2);
      expect(ok(als(db, elders, ["--json", "bevinding", "bijlage", "controleer"])).json()).toMatchObject({
        gecontroleerd: 1,
        in_orde: true,
      });
    },
  );

  itAlleenPostgres("een jurist legt een foto vast bij een hercontrole van zijn gemeente; een jurist van elders niet", () => {
    const db = initDb();
    const kerkstraat = addAdres(db); // Veldhoven
    const avond = addAvond(db, kerkstraat);
    ok(cli(db, ["toezichthouder", "toevoegen", "--nummer", "4711", "--functie", "toezichthouder Wonen", "--organisatie", "Veldhoven"]));
    const b = voegToe(db, avond, kerkstraat, "overbewoning", waarneming("19:40", "4711", "visuele waarneming"));
    const args = ["--json", "opvolging", "toevoegen", "--bevinding", String(b.id), "--actie", "hercontrole", "--deadline", "2026-12-10"];
    const her = ok(cli(db, ["--vandaag", "2026-11-30", ...args])).json().id as number;
    ok(
      cli(db, [
        ...["--vandaag", "2026-12-03", "opvolging", "bijwerken", String(her), "--beeindigd", "nee", "--datum", "2026-12-03"],
        ...["--tijdstip", "10:15", "--toezichthouder", "4711", "--methode", "bezoek", "--waarneming", "nog steeds negen bewoners"],
      ]),
    );
    const jurist = login(db, "jrv", "jurist", "Veldhoven");
    const elders = login(db, "jrb", "jurist", "Bladel");
    const foto = path.join(tempDir(), "zolder.png");
    fs.writeFileSync(foto, maakPng(40, 30));

    const j = ok(als(db, jurist, ["--json", "hercontrole", "bijlage", "toevoegen", String(her), foto, "--bijschrift", "zolder"])).json();
    expect(j).toMatchObject({ nieuw: true, soort: "png" });
    expect(ok(als(db, jurist, ["--json", "hercontrole", "bijlage", "lijst", String(her)])).json()).toMatchObject({
      bijlagen: [{ sha256: j.sha256, bijschrift: "zolder" }],
    });
    const anders = als(db, elders, ["hercontrole", "bijlage", "toevoegen", String(her), foto]);
    expect([anders.code, anders.stderr]).toEqual([2, `fout: Opvolging ${her} bestaat niet\n`]);
    expect(count(db, "SELECT count(*) AS n FROM hercontrole_bijlage")).toBe(1);
  });
});
