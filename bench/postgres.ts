import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { startCluster, SUPERUSER, type Cluster } from "../test/helpers/postgres-cluster.js";

/**
 * The bench's PostgreSQL (issue 16): the test suite's cluster helper (the machine's PostgreSQL 15
 * or the pinned npm build, as `nobody` when root), an administrator login with its password in a
 * private .pgpass (PGPASSFILE for every CLI run), and team databases filled with `interventie
 * overzetten` from the SQLite databases the bench generated, so both stores hold the same data.
 */
export interface BenchPostgres {
  cluster: Cluster;
  /** The environment of every CLI run against PostgreSQL. */
  env: NodeJS.ProcessEnv;
  /** A new, empty database of the administrator; its URL. */
  database(naam: string): Promise<string>;
  /** `naam` afresh as a copy of `sjabloon` (CREATE DATABASE … TEMPLATE), synchronously: a run's untimed set-up. */
  opnieuwSync(naam: string, sjabloon: string): void;
  stop(): void;
}

const BEHEERDER = "bench_beheer";

export async function benchPostgres(werkmap: string): Promise<BenchPostgres> {
  const cluster = await startCluster();
  const wachtwoord = randomBytes(18).toString("base64url");
  const su = new pg.Client({ host: cluster.socket, port: cluster.poort, user: SUPERUSER, database: "postgres" });
  try {
    await su.connect();
    await su.query(`CREATE ROLE ${BEHEERDER} LOGIN CREATEROLE PASSWORD '${wachtwoord}'`);
  } catch (err) {
    cluster.stop();
    throw err;
  }
  const pgpass = path.join(werkmap, "bench.pgpass");
  fs.writeFileSync(pgpass, `*:*:*:${BEHEERDER}:${wachtwoord}\n`, { mode: 0o600 });
  return {
    cluster,
    env: { PGPASSFILE: pgpass },
    async database(naam) {
      await su.query(`CREATE DATABASE ${naam} OWNER ${BEHEERDER}`);
      return `postgres://${BEHEERDER}@127.0.0.1:${cluster.poort}/${naam}`;
    },
    opnieuwSync(naam, sjabloon) {
      const psql = [path.join(path.dirname(cluster.postgres), "psql"), "psql"].find((p) => p === "psql" || fs.existsSync(p))!;
      const sql = [`DROP DATABASE IF EXISTS ${naam} WITH (FORCE)`, `CREATE DATABASE ${naam} TEMPLATE ${sjabloon} OWNER ${BEHEERDER}`];
      const r = spawnSync(
        psql,
        ["-h", cluster.socket, "-p", String(cluster.poort), "-U", SUPERUSER, "-d", "postgres", "-q", ...sql.flatMap((q) => ["-c", q])],
        {
          encoding: "utf8",
        },
      );
      if (r.status !== 0) throw new Error(`psql: ${r.stderr || r.error}`);
    },
    stop: () => {
      void su.end().catch(() => undefined);
      cluster.stop();
    },
  };
}
