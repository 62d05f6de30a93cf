import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ConnectionOptions } from "node:tls";
import type { Client, ClientConfig } from "pg";
import { UserError } from "../../errors.js";
import { isSocket, vertaalPgFout, type Bestemming } from "./fouten.js";
import { beoordeel, leesStaat, type Oordeel, type Querier } from "./migreer.js";
import { pgpassWachtwoord } from "./pgpass.js";
import type { PgClient } from "./sql.js";
import type { SqlValue } from "../sql.js";
import type { Rol } from "./toegang.js";

/**
 * Which store a `--db` value (or INTERVENTIE_DB) names: a postgres:// or postgresql:// URL is
 * PostgreSQL, anything else that looks like a URL is refused (exit 2) rather than becoming a
 * SQLite file in a folder called "mysql:", and the rest is a SQLite file path. A password in the
 * URL is refused on the command line, where every user of the machine can read it (ps).
 */
export type Opslag = { soort: "sqlite"; pad: string } | { soort: "postgres"; url: string };

export function kiesOpslag(waarde: string, bron: "argv" | "env"): Opslag {
  const schema = /^([a-z][a-z0-9+.-]*):\/\//i.exec(waarde)?.[1];
  if (schema === undefined) return { soort: "sqlite", pad: waarde };
  if (!/^postgres(ql)?$/i.test(schema)) {
    throw new UserError(
      "ongeldige-database",
      `--db: "${schema}://" wordt niet ondersteund; geef een bestandspad (SQLite) of postgres://server/database (PostgreSQL)`,
    );
  }
  if (bron === "argv" && /^[^/]*\/\/[^/@?#]*:[^/@?#]*@/.test(waarde)) {
    throw new UserError(
      "wachtwoord-in-url",
      "--db: zet geen wachtwoord in de URL (iedereen op deze computer kan het lezen); gebruik ~/.pgpass of PGPASSWORD",
    );
  }
  return { soort: "postgres", url: waarde };
}

export const SSLMODES = ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"] as const;
export type SslMode = (typeof SSLMODES)[number];

/** Everything needed to connect, resolved the way libpq (psql) resolves it. */
export interface PgDoel extends Bestemming {
  password?: string;
  sslmode: SslMode;
  sslrootcert?: string;
  connectTimeout: number;
}

/** What the outside world provides; injectable so that the resolution is tested without a machine. */
export interface Omgeving {
  env: Record<string, string | undefined>;
  home: string;
  osGebruiker: string;
  bestaat(pad: string): boolean;
  /** The file's text when only its owner may read it (mode 0600 or stricter), else undefined. */
  leesPrive(pad: string): string | undefined;
}

const URL_PARAMETERS = ["host", "port", "dbname", "user", "password", "sslmode", "sslrootcert", "connect_timeout", "application_name"];
const STANDAARD_SOCKETS = ["/var/run/postgresql", "/tmp"];

/**
 * Resolves a postgres:// URL plus the standard PG* variables and ~/.pgpass into a connection
 * target, in libpq's order: the URL, then PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD,
 * PGSSLMODE, PGSSLROOTCERT, PGCONNECT_TIMEOUT, then the password file, then defaults (the local
 * socket if there is one, port 5432, the OS user, a database named like the user, sslmode prefer).
 */
export function pgDoel(url: string, o: Omgeving): PgDoel {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new UserError("ongeldige-database", `--db: "${zonderWachtwoord(url)}" is geen geldige postgres://-URL`);
  }
  for (const k of u.searchParams.keys()) {
    if (!URL_PARAMETERS.includes(k)) {
      throw new UserError("ongeldige-database", `--db: onbekende parameter "${k}" in de URL (bekend: ${URL_PARAMETERS.join(", ")})`);
    }
  }
  const q = (k: string) => u.searchParams.get(k) || undefined;
  const uitUrl = (s: string) => (s ? decodeURIComponent(s) : undefined);
  if (u.hostname.includes(",")) throw new UserError("ongeldige-database", "--db: meerdere servers in één URL worden niet ondersteund");

  const poortTekst = q("port") ?? (u.port || undefined) ?? o.env.PGPORT ?? "5432";
  const port = Number(poortTekst);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new UserError("ongeldige-database", `--db: poort "${poortTekst}" is geen poortnummer`);
  const host =
    q("host") ??
    uitUrl(u.hostname.replace(/^\[(.*)\]$/, "$1")) ??
    o.env.PGHOST ??
    STANDAARD_SOCKETS.find((d) => o.bestaat(path.join(d, `.s.PGSQL.${port}`))) ??
    "localhost";
  const user = q("user") ?? uitUrl(u.username) ?? o.env.PGUSER ?? o.osGebruiker;
  const database = q("dbname") ?? uitUrl(u.pathname.replace(/^\//, "")) ?? o.env.PGDATABASE ?? user;
  const sslmode = (q("sslmode") ?? o.env.PGSSLMODE ?? "prefer") as SslMode;
  if (!SSLMODES.includes(sslmode))
    throw new UserError("ongeldige-database", `--db: sslmode "${sslmode}" bestaat niet (kies ${SSLMODES.join(", ")})`);
  const timeout = Number(q("connect_timeout") ?? o.env.PGCONNECT_TIMEOUT ?? 10);
  const doel: PgDoel = { host, port, database, user, sslmode, connectTimeout: timeout > 0 ? timeout : 10 };

  const rootcert = q("sslrootcert") ?? o.env.PGSSLROOTCERT ?? path.join(o.home, ".postgresql", "root.crt");
  if (o.bestaat(rootcert)) doel.sslrootcert = rootcert;
  doel.password = q("password") ?? uitUrl(u.password) ?? o.env.PGPASSWORD ?? wachtwoordUitBestand(doel, o);
  return doel;
}

function wachtwoordUitBestand(doel: PgDoel, o: Omgeving): string | undefined {
  const bestand = o.env.PGPASSFILE ?? path.join(o.home, ".pgpass");
  const inhoud = o.leesPrive(bestand);
  return inhoud === undefined ? undefined : pgpassWachtwoord(inhoud, doel);
}

/** A URL for messages: the password, if any, replaced. */
export function zonderWachtwoord(url: string): string {
  return url.replace(/^([^/]*\/\/[^/@?#:]*):[^/@?#]*@/, "$1:***@");
}

/**
 * node-postgres' TLS options for an sslmode, with libpq's meaning: no TLS over a unix socket;
 * prefer/allow try TLS without checking the certificate (and fall back, see verbindMet); require
 * encrypts without checking unless a root certificate is there (then like verify-ca); verify-ca
 * checks the chain; verify-full also the host name (the system's CAs if no root.crt is given).
 */
export function tlsOpties(doel: PgDoel, lees: (pad: string) => string): false | ConnectionOptions {
  if (isSocket(doel.host) || doel.sslmode === "disable") return false;
  const ca = doel.sslrootcert ? lees(doel.sslrootcert) : undefined;
  const geenHostnaamControle = { checkServerIdentity: () => undefined };
  switch (doel.sslmode) {
    case "allow":
    case "prefer":
      return { rejectUnauthorized: false };
    case "require":
      return ca ? { ca, ...geenHostnaamControle } : { rejectUnauthorized: false };
    case "verify-ca":
      if (!ca) throw new UserError("tls", `sslmode=verify-ca heeft een CA-certificaat nodig: zet sslrootcert of ~/.postgresql/root.crt`);
      return { ca, ...geenHostnaamControle };
    case "verify-full":
      // node-postgres checks the host name (servername) itself.
      return ca ? { ca } : {};
  }
}

/** The real machine: environment, home folder, files (a password file readable by others is ignored, as libpq does). */
export function dezeOmgeving(env: Record<string, string | undefined> = process.env): Omgeving {
  return {
    env,
    home: os.homedir(),
    osGebruiker: os.userInfo().username,
    bestaat: (p) => fs.existsSync(p),
    leesPrive(p) {
      try {
        const st = fs.statSync(p);
        if (!st.isFile() || (st.mode & 0o077) !== 0) return undefined;
        return fs.readFileSync(p, "utf8");
      } catch {
        return undefined;
      }
    },
  };
}

/** An open connection: queries (plain, or as the Sql executor gives them), and closing it. */
export interface PgVerbinding extends Querier, PgClient {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
  query(config: { text: string; values: SqlValue[]; types?: unknown }): Promise<{ rows: unknown[]; rowCount: number | null }>;
  end(): Promise<void>;
  /**
   * The type parsers the Sql executor gives each query: the connection's, with booleans as 1 and 0
   * (what SQLite returns for `a = b` and EXISTS), so the same query gives the same JSON on both stores.
   */
  readonly sqlTypen: unknown;
}

/**
 * node-postgres, loaded on first use. Its stream.js asks at load time whether it runs in a
 * Cloudflare Worker: without `navigator` (Node 20 has none; 21 and later do) it constructs a fetch
 * Response to find out, which loads undici, http2, zlib and worker_threads: ~25 ms of every
 * command on PostgreSQL (measured: `require("pg")` 102 ms against `node -e 0` 53 ms). A navigator
 * that says "Node.js", present only while pg loads, answers the question as Node 22 itself does.
 */
async function laadPg(): Promise<typeof import("pg").default> {
  const g = globalThis as { navigator?: unknown };
  const eigen = !("navigator" in g);
  if (eigen) g.navigator = { userAgent: `Node.js/${process.versions.node}` };
  try {
    return (await import("pg")).default;
  } finally {
    if (eigen) delete g.navigator;
  }
}

/**
 * Opens a connection for the store. Loads node-postgres only now, so that SQLite commands never
 * pay for it at start-up. Integers come back as numbers (ids, counts, sums), as from SQLite.
 * Any failure becomes one Dutch line (fouten.ts).
 */
export async function verbindMet(doel: PgDoel): Promise<PgVerbinding> {
  const pg = await laadPg();
  const getal = (v: string) => Number(v);
  const types = {
    getTypeParser: ((oid: number, format?: "text" | "binary") =>
      oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC
        ? getal
        : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
  };
  const sqlTypen = {
    getTypeParser: ((oid: number, format?: "text" | "binary") =>
      oid === pg.types.builtins.BOOL
        ? (v: string) => (v === "t" ? 1 : 0)
        : types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
  };
  const open = async (ssl: false | ConnectionOptions): Promise<Client> => {
    const config: ClientConfig = {
      host: doel.host,
      port: doel.port,
      database: doel.database,
      user: doel.user,
      // A function, so node-postgres never looks for ~/.pgpass itself (deprecated there; we did it above).
      password: async () => doel.password ?? "",
      ssl,
      connectionTimeoutMillis: doel.connectTimeout * 1000,
      application_name: "interventie",
      types,
    };
    const client = new pg.Client(config);
    client.on("error", () => undefined); // a dropped connection surfaces at the next query instead
    try {
      await client.connect();
    } catch (err) {
      // Close the socket: a server left waiting for our half of the login holds its backend for a minute.
      await client.end().catch(() => undefined);
      throw err;
    }
    return client;
  };
  const verbinding = (client: Client): PgVerbinding => Object.assign(client as unknown as PgVerbinding, { sqlTypen });
  try {
    const ssl = tlsOpties(doel, (p) => fs.readFileSync(p, "utf8"));
    try {
      return verbinding(await open(ssl));
    } catch (err) {
      // prefer/allow: a server without TLS is fine; try again in the clear, as libpq does.
      if (ssl && (doel.sslmode === "prefer" || doel.sslmode === "allow") && /does not support SSL/i.test(String((err as Error).message))) {
        return verbinding(await open(false));
      }
      throw err;
    }
  } catch (err) {
    throw vertaalPgFout(err, doel);
  }
}

/** Who is logged in, according to this database's own mapping. */
export interface Ik {
  login: string;
  rol: Rol | null;
  organisatie: string | null;
  /** Member of the owner role: may migrate and manage users. */
  beheerder: boolean;
}

/**
 * The check every command makes after connecting: is this an interventie database of a version
 * we know, and does this login have a function and organisation in it? Migrating is the
 * caller's decision (`oordeel`: init, or an administrator's first command after an upgrade).
 */
export async function controleerDatabase(q: Querier, b: Bestemming): Promise<{ oordeel: Oordeel; ik: Ik | null }> {
  try {
    const oordeel = beoordeel(await leesStaat(q), b);
    if (oordeel.actie === "migreren") return { oordeel, ik: null };
    const ik = (await q.query<Ik>("SELECT login, rol, organisatie, beheerder FROM ik()")).rows[0]!;
    if (ik.rol === null && !ik.beheerder) {
      throw new UserError(
        "geen-organisatie",
        `Login ${ik.login} heeft in database ${b.database} geen rol of organisatie; vraag de beheerder: interventie beheer gebruiker toevoegen --login ${ik.login} --rol … --organisatie …`,
      );
    }
    return { oordeel, ik };
  } catch (err) {
    throw vertaalPgFout(err, b);
  }
}
