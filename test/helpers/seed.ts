import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { inject } from "vitest";
import { cli, ok, tempDbBestand, tempDir } from "./cli.js";
import { alsBeheerder, kopieTeamDatabase, losVan, nieuweTeamDatabase, OPSLAG, opPostgres } from "./opslag.js";
import { pgServer } from "./postgres.js";

/**
 * Databases built once per test run and copied per test. Building a state through the CLI costs a
 * process per step (100–200 ms each); a copy costs a millisecond. Each test still gets its own
 * private file, so tests stay independent of each other and of their order.
 *
 * A seed is named; the name must say what the builder makes (two builders, two names). The builder
 * runs in whichever worker asks first; a worker that asks meanwhile builds its own and keeps the
 * first one finished (the result is the same). What the builder returns (ids) must be JSON. Files
 * the builder writes beside the database go in `map` (the seed's folder, on both stores).
 */
export function seeded<T extends object>(name: string, build: (db: string, map: string) => T): { db: string } & T {
  if (!fs.existsSync(seedMeta(name))) {
    const { work, db } = bouwplaats(name);
    put(name, work, db, build(db, work));
  }
  return copy(name);
}

/** seeded() on top of another seed: `base` gives a copy to build on; what both return is merged. */
export function seededOn<B extends object, T extends object>(
  name: string,
  base: () => { db: string } & B,
  build: (db: string, b: B) => T,
): { db: string } & B & T {
  if (!fs.existsSync(seedMeta(name))) {
    const { db: bron, ...b } = base();
    const { work, db } = bouwplaats(name, bron);
    put(name, work, db, { ...b, ...build(db, b as unknown as B) });
  }
  return copy(name);
}

/** seeded() for builders that drive the CLI in-process (async). */
export async function seededAsync<T extends object>(name: string, build: (db: string) => Promise<T>): Promise<{ db: string } & T> {
  if (!fs.existsSync(seedMeta(name))) {
    const { work, db } = bouwplaats(name);
    put(name, work, db, await build(db));
  }
  return copy(name);
}

/** Where a seed is built: a file in its folder, or (PostgreSQL) a database kept for the run; empty or a copy of `bron`. */
function bouwplaats(name: string, bron?: string): { work: string; db: string } {
  const work = fs.mkdtempSync(path.join(opslagDir(), `.bouw-${name}-`));
  if (opPostgres) return { work, db: bron ? kopieTeamDatabase(bron, { blijft: true }) : nieuweTeamDatabase({ blijft: true }) };
  const db = path.join(work, "seed.db");
  if (bron) fs.copyFileSync(bron, db);
  return { work, db };
}

let fallback: string | undefined;

function seedDir(): string {
  let dir: string | undefined;
  try {
    dir = inject("seedDir");
  } catch {
    dir = undefined; // outside vitest's global setup (a single file run another way): one folder per process
  }
  if (dir) return dir;
  fallback ??= fs.mkdtempSync(path.join(os.tmpdir(), "interventie-seeds-"));
  return fallback;
}

/** The seeds of this run's store: databases of one store are no use to the other (the folder is shared, see seeds-setup.ts). */
function opslagDir(): string {
  const dir = path.join(seedDir(), OPSLAG);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

const seedDb = (name: string) => path.join(opslagDir(), name, "seed.db");
const seedMeta = (name: string) => path.join(opslagDir(), name, "seed.json");

/** Makes the built database one self-contained file and moves it into place, unless another worker was first. */
function put(name: string, work: string, db: string, value: object): void {
  if (opPostgres) {
    losVan(db); // a template may have no open connection
  } else {
    const conn = new Database(db);
    try {
      conn.pragma("wal_checkpoint(TRUNCATE)");
    } finally {
      conn.close();
    }
  }
  fs.writeFileSync(path.join(work, "seed.json"), JSON.stringify(opPostgres ? { ...value, [PG_SEED]: db } : value));
  try {
    fs.renameSync(work, path.join(opslagDir(), name));
  } catch {
    fs.rmSync(work, { recursive: true, force: true }); // another worker put the same seed in place first
  }
}

/** Where seed.json keeps a PostgreSQL seed's database. */
const PG_SEED = "__pgSeed";

function copy<T>(name: string): { db: string } & T {
  const { [PG_SEED]: pgSeed, ...meta } = JSON.parse(fs.readFileSync(seedMeta(name), "utf8")) as T & { [PG_SEED]?: string };
  if (pgSeed) return { ...(meta as T), db: kopieTeamDatabase(pgSeed) };
  const db = tempDbBestand();
  fs.copyFileSync(seedDb(name), db);
  const bijlagen = `${seedDb(name)}.bijlagen`;
  if (fs.existsSync(bijlagen)) fs.cpSync(bijlagen, `${db}.bijlagen`, { recursive: true });
  return { ...(meta as T), db };
}

/**
 * A private copy of the demo team's database (the richest data set we have), made by
 * `interventie demo` once per test run.
 */
export function demoDb(): string {
  return seeded("demo", (db) => {
    const demo = path.join(demoMap().uit, "demo.db");
    if (opPostgres) {
      // The demo team moved to the team server as a team moves: `overzetten`, by the administrator.
      // Its photo and signed reports go along (from demo.db.bijlagen into the table bestand_inhoud).
      ok(
        cli("", ["overzetten", "--van", demo, "--naar", alsBeheerder(db)], { env: { INTERVENTIE_GEBRUIKER: pgServer().beheerder.login } }),
      );
    } else {
      for (const suffix of ["", "-wal", "-shm", ".bijlagen"]) {
        if (fs.existsSync(demo + suffix)) fs.cpSync(demo + suffix, `${db}${suffix}`, { recursive: true });
      }
    }
    return {};
  }).db;
}

/** A private copy of the folder `interventie demo --json` wrote (database, letters, reports), and its step count. */
export function demoUitvoer(): { uit: string; stappen: number } {
  const { uit: bron, stappen } = demoMap();
  const uit = path.join(tempDir(), "uit");
  fs.cpSync(bron, uit, { recursive: true });
  return { uit, stappen };
}

/** What `interventie demo --json --uit` wrote, once per test run for both stores (the demo makes its own SQLite file). */
function demoMap(): { uit: string; stappen: number } {
  const klaar = path.join(seedDir(), "demo");
  if (!fs.existsSync(path.join(klaar, "stappen.json"))) {
    const work = fs.mkdtempSync(path.join(seedDir(), ".bouw-demo-"));
    const uit = path.join(work, "uit");
    const { stappen } = ok(cli(path.join(uit, "x.db"), ["--json", "demo", "--uit", uit])).json();
    fs.writeFileSync(path.join(work, "stappen.json"), JSON.stringify(stappen));
    try {
      fs.renameSync(work, klaar);
    } catch {
      fs.rmSync(work, { recursive: true, force: true }); // another worker put it in place first
    }
  }
  return { uit: path.join(klaar, "uit"), stappen: JSON.parse(fs.readFileSync(path.join(klaar, "stappen.json"), "utf8")) as number };
}

/**
 * `brief voorbeeld --sjabloon <naam>` on 23 November 2026 (gemeente Veldhoven), made once per test
 * run: several files check the same sample letters (their text, their paper layout).
 */
export function voorbeeldPdf(sjabloon: string): string {
  const file = path.join(seedDir(), `voorbeeld-${sjabloon}.pdf`);
  if (!fs.existsSync(file)) {
    const tmp = path.join(fs.mkdtempSync(path.join(seedDir(), ".bouw-voorbeeld-")), "v.pdf");
    const r = ok(cli("/nonexistent/x.db", ["--vandaag", "2026-11-23", "brief", "voorbeeld", "--sjabloon", sjabloon, "--uit", tmp]));
    fs.writeFileSync(`${tmp}.stderr`, r.stderr);
    fs.renameSync(`${tmp}.stderr`, `${file}.stderr`);
    fs.renameSync(tmp, file);
  }
  return file;
}

/** What `brief voorbeeld` wrote on stderr while making voorbeeldPdf(sjabloon). */
export function voorbeeldMeldingen(sjabloon: string): string {
  return fs.readFileSync(`${voorbeeldPdf(sjabloon)}.stderr`, "utf8");
}
