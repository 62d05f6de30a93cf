import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { addAdres, cli, initDb, ok, signaalArgs, tempDbBestand, tempDir, TESTADRESSEN } from "../helpers/cli.js";
import { alsBeheerder, alsLogin, databaseVan, itAlleenPostgres, nieuweTeamDatabase } from "../helpers/opslag.js";
import { exec } from "../helpers/avg.js";
import { pgQuery } from "../helpers/pg-sync.js";
import { pgServer } from "../helpers/postgres.js";

/**
 * The team server through the CLI (issue 16): logins made by `beheer gebruiker`, each seeing its
 * part of the team through row-level security; the audit log names the database login. The SQL
 * underneath is proven in test/pg/ (also that psql shows no more).
 */
const WACHTWOORD = "Lang genoeg wachtwoord 1";

/** A login name of this test database only (roles are the cluster's). */
const naam = (db: string, kort: string) => `${databaseVan(db)}_${kort}`;

function toevoegen(db: string, login: string, rol: string, organisatie?: string) {
  const args = ["--json", "beheer", "gebruiker", "toevoegen", "--login", login, "--rol", rol, "--wachtwoord-stdin"];
  if (organisatie) args.push("--organisatie", organisatie);
  return cli(alsBeheerder(db), args, { input: `${WACHTWOORD}\n`, env: { INTERVENTIE_GEBRUIKER: pgServer().beheerder.login } });
}

const als = (db: string, login: string, args: string[]) =>
  cli(alsLogin(db, login), args, { env: { PGPASSWORD: WACHTWOORD, INTERVENTIE_GEBRUIKER: login } });

describe("beheer gebruiker", () => {
  it("is er alleen voor PostgreSQL: op een databasebestand exit 2 en één regel", () => {
    const db = tempDbBestand();
    for (const args of [
      ["beheer", "gebruiker", "lijst"],
      ["beheer", "gebruiker", "toevoegen", "--login", "jan", "--rol", "handhaver", "--organisatie", "Bladel", "--wachtwoord-stdin"],
      ["beheer", "gebruiker", "intrekken", "--login", "jan"],
    ]) {
      const r = cli(db, args, { input: `${WACHTWOORD}\n` });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toBe(
        "fout: beheer gebruiker is voor een PostgreSQL-teamdatabase (--db postgres://…); een databasebestand heeft geen logins\n",
      );
    }
  });

  itAlleenPostgres("de beheerder voegt logins toe, toont ze en trekt ze in; elk ziet zijn deel", () => {
    const db = initDb();
    const veldhoven = addAdres(db);
    const bladel = addAdres(db, TESTADRESSEN.industrieweg);
    ok(cli(db, [...signaalArgs(veldhoven, "Veel post op één adres", undefined, "UWV")]));
    ok(cli(db, [...signaalArgs(bladel, "Meldingen over bewoning", undefined, "Politie")]));

    const handhaver = naam(db, "hh");
    const partner = naam(db, "uwv");
    const jurist = naam(db, "jur");
    expect(ok(toevoegen(db, handhaver, "handhaver", "Bladel")).json()).toEqual({
      login: handhaver,
      rol: "handhaver",
      organisatie: "Bladel",
      kan_aanmelden: true,
    });
    expect(ok(toevoegen(db, partner, "partner", "uwv")).json().organisatie).toBe("UWV");
    ok(toevoegen(db, jurist, "jurist", "Veldhoven, Bladel"));

    // Each login sees its part: the handhaver of Bladel the address in Bladel, the UWV its own signal.
    const adressen = (login: string) =>
      ok(als(db, login, ["--json", "adres", "lijst"]))
        .json()
        .map((a: any) => a.gemeente);
    expect(adressen(handhaver)).toEqual(["Bladel"]);
    expect(adressen(jurist).sort()).toEqual(["Bladel", "Veldhoven"]);
    expect(adressen(partner)).toEqual(["Veldhoven"]);
    const signalen = ok(als(db, partner, ["--json", "signaal", "lijst"])).json();
    expect(signalen.map((s: any) => s.partner)).toEqual(["UWV"]);
    expect(ok(cli(db, ["--json", "adres", "lijst"])).json()).toHaveLength(2); // the projectleider: everything

    // What a login may not do, the database refuses: one line, exit 2, nothing changed.
    const r = als(db, partner, ["adres", "toevoegen", ...Object.entries(TESTADRESSEN.markt).flatMap(([k, v]) => [`--${k}`, v])]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^fout: Geen toegang: login \S+ mag dit niet \(adres\); er is niets gewijzigd\n$/);

    const lijst = ok(cli(alsBeheerder(db), ["--json", "beheer", "gebruiker", "lijst"])).json();
    expect(lijst.map((g: any) => g.login)).toEqual(expect.arrayContaining([handhaver, partner, jurist, "tester"]));

    ok(cli(alsBeheerder(db), ["beheer", "gebruiker", "intrekken", "--login", handhaver]));
    const weg = als(db, handhaver, ["adres", "lijst"]);
    expect(weg.code).toBe(2);
    expect(weg.stderr).toMatch(/^fout: Aanmelden als \S+ op 127\.0\.0\.1:\d+ mislukt: wachtwoord onjuist of onbekende login\n$/);

    // The passwords never reached argv, output or the audit log; the log names the administrator.
    const audit = pgQuery<{ gebruiker: string; details: string }>(
      databaseVan(db),
      "SELECT gebruiker, details FROM audit_log WHERE tabel = 'gebruiker' ORDER BY id",
    ).rows;
    expect(audit.map((a) => a.gebruiker)).toEqual(Array(4).fill(pgServer().beheerder.login));
    expect(JSON.stringify(audit)).not.toContain(WACHTWOORD);
  });

  itAlleenPostgres("fouten: geen wachtwoord zonder terminal, een te kort, een onbekende gemeente, geen beheerder", () => {
    const db = initDb();
    const beheer = (args: string[], input = "") =>
      cli(alsBeheerder(db), ["beheer", "gebruiker", "toevoegen", ...args], {
        input,
        env: { INTERVENTIE_GEBRUIKER: pgServer().beheerder.login },
      });
    const gevallen: [CliArgs, string, RegExp][] = [
      [
        ["--login", naam(db, "a"), "--rol", "handhaver", "--organisatie", "Bladel"],
        "",
        /wachtwoord aan een terminal, of via stdin met --wachtwoord-stdin/,
      ],
      [["--login", naam(db, "a"), "--rol", "handhaver", "--organisatie", "Bladel", "--wachtwoord-stdin"], "kort\n", /minstens 12 tekens/],
      [
        ["--login", naam(db, "a"), "--rol", "handhaver", "--organisatie", "Atlantis", "--wachtwoord-stdin"],
        `${WACHTWOORD}\n`,
        /Gemeente "Atlantis" bestaat niet/,
      ],
      [["--login", naam(db, "a"), "--rol", "baas", "--wachtwoord-stdin"], `${WACHTWOORD}\n`, /rol: "baas" is niet toegestaan/],
    ];
    for (const [args, input, bericht] of gevallen) {
      const r = beheer(args, input);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr.trim().split("\n")).toEqual([expect.stringMatching(bericht)]);
    }
    const tester = cli(db, ["beheer", "gebruiker", "lijst"]);
    expect(tester.code).toBe(2);
    expect(tester.stderr).toBe("fout: beheer gebruiker is voor de beheerder van de teamdatabase; login tester is dat niet\n");
    expect(pgQuery(databaseVan(db), "SELECT 1 FROM gebruiker WHERE login = $1", [naam(db, "a")]).rows).toEqual([]);
  });
});

describe("beheer gebruiker: het wachtwoord aan een terminal", () => {
  itAlleenPostgres("twee keer gevraagd, nooit getoond: te kort wordt opnieuw gevraagd, twee verschillende is exit 2", () => {
    const db = initDb();
    const beheer = (login: string, antwoorden: string[]) =>
      cli(alsBeheerder(db), ["beheer", "gebruiker", "toevoegen", "--login", login, "--rol", "jurist", "--organisatie", "Eersel"], {
        env: { INTERVENTIE_GEBRUIKER: pgServer().beheerder.login, INTERVENTIE_ANTWOORDEN: JSON.stringify(antwoorden) },
      });
    const goed = beheer(naam(db, "t1"), ["kort", WACHTWOORD, WACHTWOORD]);
    expect(goed.code, goed.stderr).toBe(0);
    expect(goed.stderr).toContain("? Wachtwoord voor de nieuwe login ***\n> Het wachtwoord moet minstens 12 tekens hebben");
    expect(goed.stderr + goed.stdout).not.toMatch(/kort"|Lang genoeg/);
    expect(ok(als(db, naam(db, "t1"), ["--json", "adres", "lijst"])).json()).toEqual([]);

    const anders = beheer(naam(db, "t2"), [WACHTWOORD, `${WACHTWOORD}!`]);
    expect(anders.code).toBe(2);
    expect(anders.stderr).toBe("fout: De twee wachtwoorden verschillen; er is niets gewijzigd\n");
    expect(pgQuery(databaseVan(db), "SELECT 1 FROM gebruiker WHERE login = $1", [naam(db, "t2")]).rows).toEqual([]);
  });
});

type CliArgs = string[];

describe("identiteit uit de database", () => {
  itAlleenPostgres("het auditlog noteert de login; --gebruiker geeft een waarschuwing en verandert dat niet", () => {
    const db = initDb();
    const r = ok(cli(db, ["--gebruiker", "iemand-anders", "--json", ...adresArgs()]));
    expect(r.stderr).toBe("--gebruiker geldt niet op PostgreSQL: het auditlog noteert de login tester\n");
    const rij = pgQuery<{ gebruiker: string }>(databaseVan(db), "SELECT gebruiker FROM audit_log WHERE tabel = 'adres'").rows;
    expect(rij).toEqual([{ gebruiker: "tester" }]);
  });

  itAlleenPostgres("een login zonder rol of organisatie in deze database: exit 2 en één regel", () => {
    const db = initDb();
    const login = naam(db, "los");
    pgQuery("postgres", `CREATE ROLE ${login} LOGIN PASSWORD '${WACHTWOORD}'`);
    pgQuery(databaseVan(db), `GRANT CONNECT ON DATABASE ${databaseVan(db)} TO ${login}`);
    const r = als(db, login, ["adres", "lijst"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `fout: Login ${login} heeft in database ${databaseVan(db)} geen rol of organisatie; vraag de beheerder: interventie beheer gebruiker toevoegen --login ${login} --rol … --organisatie …\n`,
    );
  });
});

describe("init op PostgreSQL", () => {
  itAlleenPostgres("op een lege database van de beheerder: schema, rollen, beleid en referentiegegevens", () => {
    const leeg = databaseVan(nieuweTeamDatabase()) + "_leeg";
    pgQuery("postgres", `CREATE DATABASE ${leeg} OWNER ${pgServer().beheerder.login}`);
    try {
      const db = alsBeheerder(`postgres://x@127.0.0.1/${leeg}`);
      const r = ok(cli(db, ["--json", "init", "--team", "KIT"], { env: { INTERVENTIE_GEBRUIKER: pgServer().beheerder.login } }));
      expect(r.json()).toMatchObject({ database: db, team: "Kempen Interventie Team (KIT)" });
      expect(r.json().toegevoegd.gemeenten).toBeGreaterThan(5);
      const rls = pgQuery<{ n: number }>(leeg, "SELECT count(*)::int AS n FROM pg_class WHERE relrowsecurity AND relforcerowsecurity")
        .rows[0]!.n;
      expect(rls).toBeGreaterThan(20);
      const gemeenten = ok(cli(db, ["--json", "gemeente", "lijst"])).json();
      expect(gemeenten.map((g: any) => g.naam)).toContain("Bladel");
    } finally {
      pgQuery("postgres", `DROP DATABASE IF EXISTS ${leeg} WITH (FORCE)`);
    }
  });
});

function adresArgs(): string[] {
  return ["adres", "toevoegen", ...Object.entries(TESTADRESSEN.markt).flatMap(([k, v]) => [`--${k}`, v])];
}

describe("overzetten", () => {
  itAlleenPostgres(
    "een SQLite-team naar een nieuwe database: alles, ids en auditlog behouden, nageteld; een gevulde database nooit",
    () => {
      const bestand = tempDbBestand();
      ok(cli(bestand, ["init", "--team", "KIT"]));
      const veldhoven = addAdres(bestand);
      const bladel = addAdres(bestand, TESTADRESSEN.industrieweg);
      ok(cli(bestand, [...signaalArgs(veldhoven, "Veel post op één adres", "2026-11-02", "UWV")]));
      ok(cli(bestand, [...signaalArgs(bladel, "Meldingen over bewoning", "2026-11-03")]));
      ok(cli(bestand, ["betrokkene", "toevoegen", "--naam", "Verhuur B.V.", "--rol", "verhuurder", "--adres", String(bladel)]));

      const leeg = `${databaseVan(nieuweTeamDatabase())}_over`;
      pgQuery("postgres", `CREATE DATABASE ${leeg} OWNER ${pgServer().beheerder.login}`);
      try {
        const naar = alsBeheerder(`postgres://x@127.0.0.1/${leeg}`);
        const beheerder = { env: { INTERVENTIE_GEBRUIKER: pgServer().beheerder.login } };
        const r = ok(cli("", ["--json", "overzetten", "--van", bestand, "--naar", naar], beheerder)).json();
        expect(r.tabellen).toMatchObject({ adres: 2, signaal: 2, betrokkene: 1 });
        expect(r.rijen).toBe(Object.values(r.tabellen as Record<string, number>).reduce((a, b) => a + b, 0));

        // The same answers from both stores.
        for (const args of [
          ["adres", "lijst"],
          ["signaal", "lijst"],
          ["betrokkene", "lijst"],
          ["gemeente", "lijst"],
          ["partner", "lijst"],
          ["adres", "toon", String(bladel)],
        ]) {
          expect(ok(cli(naar, ["--json", ...args], beheerder)).json(), args.join(" ")).toEqual(
            ok(cli(bestand, ["--json", ...args])).json(),
          );
        }
        // The audit log keeps its ids and names; the copy itself is the last entry, by the administrator.
        const audit = pgQuery<{ id: number; gebruiker: string; actie: string }>(
          leeg,
          "SELECT id, gebruiker, actie FROM audit_log ORDER BY id",
        ).rows;
        expect(audit.slice(0, -1).every((a) => a.gebruiker === "tester")).toBe(true);
        expect(audit.at(-1)).toMatchObject({ gebruiker: pgServer().beheerder.login, actie: "geimporteerd" });
        // The sequences moved past the copied ids.
        expect(addAdres(naar, TESTADRESSEN.markt)).toBe(3);

        const nogEens = cli("", ["overzetten", "--van", bestand, "--naar", naar], beheerder);
        expect(nogEens.code).toBe(2);
        expect(nogEens.stderr).toMatch(
          /^fout: \S+ is niet leeg \(\w+: \d+ rijen\); overzetten gaat alleen naar een nieuwe database, zonder init\n$/,
        );
      } finally {
        pgQuery("postgres", `DROP DATABASE IF EXISTS ${leeg} WITH (FORCE)`);
      }
    },
  );

  itAlleenPostgres("weigert een wachtwoord in --naar, een ontbrekend bestand en een gewone login", () => {
    const bestand = tempDbBestand();
    ok(cli(bestand, ["init"]));
    const metBijlage = tempDbBestand();
    ok(cli(metBijlage, ["init"]));
    exec(
      metBijlage,
      "INSERT INTO bijlage (sha256, soort, grootte, aangemaakt) VALUES (?, 'png', 1, '2026-11-23T10:00:00.000Z')",
      "a".repeat(64),
    );
    const db = initDb();
    for (const [args, bericht] of [
      [["--van", bestand, "--naar", "postgres://kit:geheim@localhost/kit"], /zet geen wachtwoord in de URL/],
      [["--van", "/bestaat/niet.db", "--naar", alsBeheerder(db)], /--van: \/bestaat\/niet\.db bestaat niet/],
      [["--van", bestand, "--naar", db], /overzetten is voor de beheerder van de teamdatabase; login tester is dat niet/],
      [
        ["--van", metBijlage, "--naar", alsBeheerder(db)],
        /^fout: Bewijsstuk bijlage 1 \(a{12}…\) ontbreekt in \S+\.bijlagen; overzetten neemt alleen ongeschonden bewijs mee; er is niets gewijzigd/,
      ],
    ] as const) {
      const r = cli("", ["overzetten", ...args]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr.trim().split("\n")).toEqual([expect.stringMatching(bericht)]);
      expect(r.stderr).not.toContain("geheim");
    }
  });
});

describe("namen vergelijken zoals SQLite", () => {
  it("een naam met een onzichtbaar stuurteken is een andere naam, op beide opslagen", () => {
    const db = initDb();
    const r = cli(db, ["signaal", "lijst", "--gemeente", "Veld\u202ehoven"]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/Gemeente "Veld\ufffdhoven" bestaat niet/);
    expect(ok(cli(db, ["--json", "signaal", "lijst", "--gemeente", "VELDHOVEN"])).json()).toEqual([]);
  });
});

describe("backup op PostgreSQL", () => {
  itAlleenPostgres(
    "de beheerder: pg_dump met rijbeveiliging, privé, in het auditlog; een teamlid en een machine zonder pg_dump: één regel",
    () => {
      const db = initDb();
      addAdres(db);
      const uit = `${tempDir()}/kit.dump`;
      const beheerder = { env: { INTERVENTIE_GEBRUIKER: pgServer().beheerder.login } };
      const r = ok(cli(alsBeheerder(db), ["--json", "backup", "--uit", uit], beheerder)).json();
      expect(r).toMatchObject({ bestand: uit, formaat: "pg_dump custom (pg_restore)" });
      expect(fs.readFileSync(uit).subarray(0, 5).toString()).toBe("PGDMP");
      expect(fs.statSync(uit).mode & 0o777).toBe(0o600);
      expect(pgQuery(databaseVan(db), "SELECT actie FROM audit_log WHERE tabel = 'database'").rows).toEqual([{ actie: "backup" }]);

      const lid = cli(db, ["backup", "--uit", `${tempDir()}/x.dump`]);
      expect(lid.code).toBe(2);
      expect(lid.stderr).toMatch(/^fout: Een backup van de teamdatabase maakt de beheerder \(login tester ziet alleen een deel\)/);

      const zonder = cli(alsBeheerder(db), ["backup", "--uit", `${tempDir()}/y.dump`], { env: { ...beheerder.env, PATH: "/nonexistent" } });
      expect(zonder.code).toBe(2);
      expect(zonder.stderr).toMatch(
        /^fout: pg_dump is niet gevonden; installeer postgresql-client en draai: pg_dump -Fc --enable-row-security -h 127\.0\.0\.1 /,
      );
    },
  );
});

describe("slechte invoer op PostgreSQL: exit 2 en één regel", () => {
  itAlleenPostgres("een verkeerd wachtwoord, een database van iets anders, een nieuwere versie, een lege database voor een teamlid", () => {
    const db = initDb();
    const fout = (url: string, env: Record<string, string> = {}) => {
      const r = cli(url, ["--json", "adres", "lijst"], { env });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr.split("\n").filter(Boolean)).toHaveLength(1);
      expect(JSON.parse(r.stdout).fout.bericht).toBe(r.stderr.replace(/^fout: /, "").trim());
      return r.stderr.trim();
    };
    expect(fout(db, { PGPASSWORD: "niet dit", PGPASSFILE: "/nonexistent" })).toMatch(
      /^fout: Aanmelden als tester op 127\.0\.0\.1:\d+ mislukt: wachtwoord onjuist of onbekende login$/,
    );

    const anders = `${databaseVan(db)}_anders`;
    pgQuery("postgres", `CREATE DATABASE ${anders} OWNER ${pgServer().beheerder.login}`);
    try {
      pgQuery(anders, "CREATE TABLE boekhouding (id int)");
      pgQuery(anders, `GRANT SELECT ON boekhouding TO PUBLIC`);
      const url = alsBeheerder(`postgres://x@127.0.0.1/${anders}`);
      expect(fout(url)).toBe(
        `fout: Database ${anders} is geen interventie-database (er staan al tabellen van iets anders in); er is niets gewijzigd`,
      );
      expect(pgQuery(anders, "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'").rows).toEqual([{ n: 1 }]);
    } finally {
      pgQuery("postgres", `DROP DATABASE IF EXISTS ${anders} WITH (FORCE)`);
    }

    pgQuery(databaseVan(db), "UPDATE interventie_schema SET versie = versie + 1");
    expect(fout(db)).toMatch(
      /^fout: Database \S+ is gemaakt door een nieuwere versie van interventie \(schema \d+, deze versie kent \d+\); werk interventie bij$/,
    );
  });
});
