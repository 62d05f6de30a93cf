import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { scramVerifier } from "../../src/db/pg/scram.js";
import type { Rol } from "../../src/db/pg/toegang.js";
import { SJABLOON, SUPERUSER, type PgServer } from "./postgres-cluster.js";

declare module "vitest" {
  export interface ProvidedContext {
    postgres: PgServer;
  }
}

export function pgServer(): PgServer {
  return inject("postgres");
}

/** A connection over TCP with a password, as a team member's machine makes one. */
export async function verbind(database: string, login: string, wachtwoord: string): Promise<pg.Client> {
  const c = new pg.Client({ host: "127.0.0.1", port: pgServer().poort, user: login, password: wachtwoord, database });
  // Dropping a test database ends its sessions; that is no test failure.
  c.on("error", () => undefined);
  await c.connect();
  return c;
}

/** The bootstrap superuser, through the socket: only for setting up and inspecting tests. */
export async function superuser(database = "postgres"): Promise<pg.Client> {
  const s = pgServer();
  const c = new pg.Client({ host: s.socket, port: s.poort, user: SUPERUSER, database });
  await c.connect();
  return c;
}

let teller = 0;

export interface TestDatabase {
  naam: string;
  /** The administrator's connection (member of the owner role), opened on first use. */
  beheerder(): Promise<pg.Client>;
  /** A connection as any login, closed with the database. */
  verbind(login: string, wachtwoord: string): Promise<pg.Client>;
  /** Creates a team login with `beheer_gebruiker_toevoegen` and a fresh password; returns its connection. */
  login(rol: Rol, organisatie: string | null, naam?: string): Promise<{ login: string; wachtwoord: string; client: pg.Client }>;
  url(login: string, wachtwoord?: string): string;
  weg(): Promise<void>;
}

/**
 * A database of its own for a test: a copy of the migrated template (milliseconds), or an empty
 * one (`leeg`) to migrate or spoil. Logins are cluster-wide, so their names carry the database's.
 */
export async function nieuweDatabase(opties: { leeg?: boolean } = {}): Promise<TestDatabase> {
  const naam = `t_${process.pid}_${++teller}_${randomBytes(3).toString("hex")}`;
  const s = pgServer();
  const su = await superuser();
  try {
    await su.query(`CREATE DATABASE ${naam} ${opties.leeg ? "" : `TEMPLATE ${SJABLOON}`} OWNER ${s.beheerder.login}`);
  } finally {
    await su.end();
  }
  const open: pg.Client[] = [];
  let beheer: pg.Client | undefined;
  const db: TestDatabase = {
    naam,
    async beheerder() {
      if (!beheer) {
        beheer = await verbind(naam, s.beheerder.login, s.beheerder.wachtwoord);
        open.push(beheer);
      }
      return beheer;
    },
    async verbind(login, wachtwoord) {
      const c = await verbind(naam, login, wachtwoord);
      open.push(c);
      return c;
    },
    async login(rol, organisatie, kort = rol) {
      const login = `${naam}_${kort}`.toLowerCase();
      const wachtwoord = randomBytes(12).toString("base64url");
      await (
        await db.beheerder()
      ).query("SELECT beheer_gebruiker_toevoegen($1, $2, $3, $4)", [login, rol, organisatie, scramVerifier(wachtwoord)]);
      return { login, wachtwoord, client: await db.verbind(login, wachtwoord) };
    },
    url(login, wachtwoord) {
      const pw = wachtwoord === undefined ? "" : `:${encodeURIComponent(wachtwoord)}`;
      return `postgres://${login}${pw}@127.0.0.1:${s.poort}/${naam}`;
    },
    async weg() {
      await Promise.all(open.splice(0).map((c) => c.end().catch(() => undefined)));
      const su2 = await superuser();
      try {
        await su2.query(`DROP DATABASE IF EXISTS ${naam} WITH (FORCE)`);
      } finally {
        await su2.end();
      }
    },
  };
  return db;
}
