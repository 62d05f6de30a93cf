import { describe, expect, it } from "vitest";
import { vertaalPgFout } from "../../src/db/pg/fouten.js";
import { pgpassWachtwoord } from "../../src/db/pg/pgpass.js";
import { kiesOpslag, pgDoel, tlsOpties, zonderWachtwoord, type Omgeving, type PgDoel } from "../../src/db/pg/verbinding.js";
import { UserError } from "../../src/errors.js";

/** The pure rules of connecting: which store, which server, which password, which TLS, which message. */

function omgeving(o: Partial<Omgeving> & { bestanden?: Record<string, string> } = {}): Omgeving {
  const bestanden = o.bestanden ?? {};
  return {
    env: o.env ?? {},
    home: o.home ?? "/home/jan",
    osGebruiker: o.osGebruiker ?? "jan",
    bestaat: o.bestaat ?? ((p) => p in bestanden),
    leesPrive: o.leesPrive ?? ((p) => bestanden[p]),
  };
}

function userError(f: () => unknown): UserError {
  try {
    f();
  } catch (err) {
    if (err instanceof UserError) return err;
    throw err;
  }
  throw new Error("geen fout");
}

describe("kiesOpslag: welke opslag --db noemt", () => {
  it("een pad is SQLite, een postgres://- of postgresql://-URL is PostgreSQL", () => {
    expect(kiesOpslag("team.db", "argv")).toEqual({ soort: "sqlite", pad: "team.db" });
    expect(kiesOpslag("/data/kit.db", "env")).toEqual({ soort: "sqlite", pad: "/data/kit.db" });
    expect(kiesOpslag("postgres://db.kempen.nl/kit", "argv")).toEqual({ soort: "postgres", url: "postgres://db.kempen.nl/kit" });
    expect(kiesOpslag("PostgreSQL://db/kit", "argv").soort).toBe("postgres");
  });

  it("een URL van een ander soort wordt geweigerd (exit 2), in plaats van een map 'mysql:' te maken", () => {
    const e = userError(() => kiesOpslag("mysql://db/kit", "argv"));
    expect(e.code).toBe("ongeldige-database");
    expect(e.message).toBe(
      '--db: "mysql://" wordt niet ondersteund; geef een bestandspad (SQLite) of postgres://server/database (PostgreSQL)',
    );
    expect(userError(() => kiesOpslag("file:///tmp/x.db", "env")).code).toBe("ongeldige-database");
  });

  it("een wachtwoord in de URL mag niet op de opdrachtregel, wel in INTERVENTIE_DB", () => {
    expect(userError(() => kiesOpslag("postgres://jan:geheim@db/kit", "argv")).message).toMatch(/zet geen wachtwoord in de URL/);
    expect(kiesOpslag("postgres://jan:geheim@db/kit", "env").soort).toBe("postgres");
    expect(kiesOpslag("postgres://jan@db/kit", "argv").soort).toBe("postgres");
  });

  it("een URL in een melding toont nooit het wachtwoord", () => {
    expect(zonderWachtwoord("postgres://jan:geheim@db/kit")).toBe("postgres://jan:***@db/kit");
    expect(zonderWachtwoord("postgres://jan@db/kit")).toBe("postgres://jan@db/kit");
  });
});

describe("pgDoel: server, database, login en wachtwoord zoals libpq ze vindt", () => {
  it("alles uit de URL", () => {
    const d = pgDoel("postgres://jan%40kit:p%3Aw@db.kempen.nl:6543/kit?sslmode=verify-full&connect_timeout=3", omgeving());
    expect(d).toMatchObject({
      host: "db.kempen.nl",
      port: 6543,
      database: "kit",
      user: "jan@kit",
      password: "p:w",
      sslmode: "verify-full",
      connectTimeout: 3,
    });
  });

  it("wat de URL niet zegt, uit PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD en PGSSLMODE", () => {
    const env = { PGHOST: "pg.local", PGPORT: "5433", PGDATABASE: "pit", PGUSER: "piet", PGPASSWORD: "x", PGSSLMODE: "require" };
    expect(pgDoel("postgres://", omgeving({ env }))).toMatchObject({
      host: "pg.local",
      port: 5433,
      database: "pit",
      user: "piet",
      password: "x",
      sslmode: "require",
    });
    expect(pgDoel("postgresql://andere/kit", omgeving({ env }))).toMatchObject({ host: "andere", database: "kit", user: "piet" });
  });

  it("standaard: de lokale socket als die er is, poort 5432, de OS-gebruiker, een database met diens naam, sslmode prefer", () => {
    expect(pgDoel("postgres://", omgeving())).toMatchObject({
      host: "localhost",
      port: 5432,
      user: "jan",
      database: "jan",
      sslmode: "prefer",
      connectTimeout: 10,
    });
    const metSocket = omgeving({ bestanden: { "/var/run/postgresql/.s.PGSQL.5432": "" } });
    expect(pgDoel("postgres:///kit", metSocket).host).toBe("/var/run/postgresql");
  });

  it("een socketmap in de URL (als host-parameter of gecodeerd) en IPv6", () => {
    expect(pgDoel("postgres:///kit?host=/tmp", omgeving()).host).toBe("/tmp");
    expect(pgDoel("postgres://%2Fvar%2Frun%2Fpostgresql/kit", omgeving()).host).toBe("/var/run/postgresql");
    expect(pgDoel("postgres://[::1]:5432/kit", omgeving()).host).toBe("::1");
  });

  it("het wachtwoord uit ~/.pgpass (of PGPASSFILE) als niets anders het geeft", () => {
    const pgpass = "# team\ndb.kempen.nl:5432:kit:jan:uit-pgpass\n";
    expect(pgDoel("postgres://jan@db.kempen.nl/kit", omgeving({ bestanden: { "/home/jan/.pgpass": pgpass } })).password).toBe("uit-pgpass");
    expect(
      pgDoel("postgres://jan@db.kempen.nl/kit", omgeving({ env: { PGPASSFILE: "/etc/kit.pass" }, bestanden: { "/etc/kit.pass": pgpass } }))
        .password,
    ).toBe("uit-pgpass");
    expect(
      pgDoel("postgres://jan@db.kempen.nl/kit", omgeving({ env: { PGPASSWORD: "env" }, bestanden: { "/home/jan/.pgpass": pgpass } }))
        .password,
    ).toBe("env");
    // A file others can read counts as absent (leesPrive), as libpq ignores it.
    expect(pgDoel("postgres://jan@db.kempen.nl/kit", omgeving({ leesPrive: () => undefined })).password).toBeUndefined();
  });

  it("het CA-certificaat uit sslrootcert, PGSSLROOTCERT of ~/.postgresql/root.crt", () => {
    expect(pgDoel("postgres://db/kit", omgeving({ bestanden: { "/home/jan/.postgresql/root.crt": "" } })).sslrootcert).toBe(
      "/home/jan/.postgresql/root.crt",
    );
    expect(pgDoel("postgres://db/kit?sslrootcert=/etc/ca.crt", omgeving({ bestanden: { "/etc/ca.crt": "" } })).sslrootcert).toBe(
      "/etc/ca.crt",
    );
    expect(pgDoel("postgres://db/kit", omgeving()).sslrootcert).toBeUndefined();
  });

  it("weigert onzin met één regel: sslmode, poort, onbekende parameter, meerdere servers", () => {
    expect(userError(() => pgDoel("postgres://db/kit?sslmode=altijd", omgeving())).message).toMatch(/sslmode "altijd" bestaat niet/);
    expect(userError(() => pgDoel("postgres://db/kit?port=99999", omgeving())).message).toMatch(/poort "99999" is geen poortnummer/);
    expect(userError(() => pgDoel("postgres://db/kit?sslmod=require", omgeving())).message).toMatch(/onbekende parameter "sslmod"/);
    expect(userError(() => pgDoel("postgres://a,b/kit", omgeving())).message).toMatch(/meerdere servers/);
  });
});

describe("pgpassWachtwoord", () => {
  const doel = { host: "db", port: 5432, database: "kit", user: "jan" };
  it("eerste passende regel, * als joker, \\: en \\\\ als escape, commentaar overgeslagen", () => {
    const inhoud = ["# commentaar", "db:5432:pit:jan:niet-deze", "db:*:kit:*:wa\\:cht\\\\woord:met:dubbele", "*:*:*:*:te-laat"].join("\n");
    expect(pgpassWachtwoord(inhoud, doel)).toBe("wa:cht\\woord:met:dubbele");
    expect(pgpassWachtwoord("*:*:*:*:alles", doel)).toBe("alles");
    expect(pgpassWachtwoord("db:5433:kit:jan:x", doel)).toBeUndefined();
  });
  it("localhost past ook op een verbinding via de socket", () => {
    expect(pgpassWachtwoord("localhost:5432:kit:jan:lokaal", { ...doel, host: "/var/run/postgresql" })).toBe("lokaal");
  });
});

describe("tlsOpties: sslmode zoals libpq het bedoelt", () => {
  const doel = (sslmode: PgDoel["sslmode"], extra: Partial<PgDoel> = {}): PgDoel => ({
    host: "db.kempen.nl",
    port: 5432,
    database: "kit",
    user: "jan",
    sslmode,
    connectTimeout: 10,
    ...extra,
  });
  const lees = () => "CA";
  it("geen TLS bij disable of een socket; prefer en require versleutelen zonder controle", () => {
    expect(tlsOpties(doel("disable"), lees)).toBe(false);
    expect(tlsOpties(doel("require", { host: "/var/run/postgresql" }), lees)).toBe(false);
    expect(tlsOpties(doel("prefer"), lees)).toEqual({ rejectUnauthorized: false });
    expect(tlsOpties(doel("require"), lees)).toEqual({ rejectUnauthorized: false });
  });
  it("require met een root-certificaat controleert de keten (zoals verify-ca); verify-full ook de naam", () => {
    const r = tlsOpties(doel("require", { sslrootcert: "/ca" }), lees) as { ca: string; checkServerIdentity: () => undefined };
    expect(r.ca).toBe("CA");
    expect(r.checkServerIdentity()).toBeUndefined();
    expect(tlsOpties(doel("verify-full", { sslrootcert: "/ca" }), lees)).toEqual({ ca: "CA" });
    expect(tlsOpties(doel("verify-full"), lees)).toEqual({});
    expect(userError(() => tlsOpties(doel("verify-ca"), lees)).message).toMatch(/verify-ca heeft een CA-certificaat nodig/);
  });
});

describe("vertaalPgFout: één Nederlandse regel", () => {
  const b = { host: "db.kempen.nl", port: 5432, database: "kit", user: "jan", sslmode: "require", connectTimeout: 10 };
  const regel = (err: unknown) => (vertaalPgFout(err, b) as UserError).message;
  it("voor wat de server en het netwerk zeggen", () => {
    expect(regel({ code: "ECONNREFUSED" })).toBe(
      "PostgreSQL-server db.kempen.nl:5432 is niet bereikbaar (verbinding geweigerd); draait de server en klopt de poort?",
    );
    expect(regel({ code: "ENOTFOUND" })).toBe("PostgreSQL-server db.kempen.nl is niet te vinden (onbekende hostnaam)");
    expect(regel(new Error("Connection terminated due to connection timeout"))).toBe(
      "PostgreSQL-server db.kempen.nl:5432 is niet bereikbaar (geen antwoord binnen 10 s)",
    );
    expect(regel({ code: "28P01" })).toBe("Aanmelden als jan op db.kempen.nl:5432 mislukt: wachtwoord onjuist of onbekende login");
    expect(regel({ code: "3D000" })).toBe("Database kit bestaat niet op db.kempen.nl:5432");
    expect(regel(new Error("SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a non-empty string"))).toMatch(
      /^Geen wachtwoord voor jan/,
    );
    expect(regel(new Error("The server does not support SSL connections"))).toBe(
      "De server db.kempen.nl:5432 biedt geen TLS, maar sslmode=require eist het",
    );
    expect(regel({ code: "DEPTH_ZERO_SELF_SIGNED_CERT" })).toMatch(/^Het TLS-certificaat van db.kempen.nl wordt niet vertrouwd/);
    expect(regel({ code: "42501", message: 'new row violates row-level security policy for table "adres"' })).toBe(
      "Geen toegang: login jan mag dit niet (adres); er is niets gewijzigd",
    );
    expect(regel({ code: "42501", message: "permission denied for table signaal" })).toBe(
      "Geen toegang: login jan mag dit niet (signaal); er is niets gewijzigd",
    );
    expect(regel({ code: "42501", message: 'permission denied for database "kit"' })).toBe("Login jan heeft geen toegang tot database kit");
  });
  it("laat onze eigen fouten (exit 1) ongemoeid", () => {
    const eigen = new TypeError("x is undefined");
    expect(vertaalPgFout(eigen, b)).toBe(eigen);
    expect(vertaalPgFout({ code: "42601", message: "syntax error" }, b)).toEqual({ code: "42601", message: "syntax error" });
  });
});
