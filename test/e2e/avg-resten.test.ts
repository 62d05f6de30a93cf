import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { addAdres, addAvond, cli, cliInProcess, initDb, ok, ROOT, signaalArgs, tempDir } from "../helpers/cli.js";
import { insertAvond, insertBevinding, insertOpvolging } from "../helpers/fixtures.js";
import { exec } from "../helpers/avg.js";
import { describeAlleenSqlite, itAlleenSqlite } from "../helpers/opslag.js";

/**
 * Issue 17, point 4: deleted personal data is gone. After `opschonen --ja` names and
 * omschrijvingen stayed readable in the file's free pages and travelled into every later backup;
 * an interrupted backup left a hidden copy of the whole database; a database file that existed
 * before first use kept its permissions.
 */
const NAAM = "Zbigniew Brzęczyszczykiewicz";
const OMSCHRIJVING = "Kwetsbare-bewoner-Q7X overlast";
const BEVINDING = "Matrassen-in-kelder-K9Z";
const OUDE_REST = "Eerder-gewist-door-oude-versie-L3G";

/** The raw bytes of a database and its journal files, as anyone with the file could read them. */
function rauweBytes(db: string): Buffer {
  return Buffer.concat(["", "-wal", "-shm", "-journal"].map((s) => (fs.existsSync(db + s) ? fs.readFileSync(db + s) : Buffer.alloc(0))));
}

function bevat(bytes: Buffer, tekst: string): boolean {
  return bytes.includes(Buffer.from(tekst, "utf8"));
}

// On PostgreSQL deleted rows live in the server's pages until its vacuum reuses them: the server's
// maintenance, outside what a client can reach (PgStore.wipeFreeSpace).
describe("opschonen laat niets leesbaars achter", () => {
  itAlleenSqlite(
    "de bytes van het databasebestand",
    "namen en omschrijvingen staan na opschonen --ja niet meer in het bestand, en niet in een latere backup",
    async () => {
      const db = initDb();
      const adres = addAdres(db);
      ok(cli(db, signaalArgs(adres, OMSCHRIJVING, "2023-02-01")));
      ok(cli(db, ["betrokkene", "toevoegen", "--naam", NAAM, "--rol", "verhuurder", "--adres", String(adres)]));
      const avond = insertAvond(db, { datum: "2023-03-01", adressen: [adres] });
      const b = insertBevinding(db, { avond, adres, categorie: "overbewoning", omschrijving: BEVINDING });
      const o = insertOpvolging(db, { bevinding: b, actie: "Hercontrole", deadline: "2023-04-01", status: "afgerond" });
      exec(db, "UPDATE opvolging SET gewijzigd = '2023-05-01T10:00:00.000Z', gesloten_op = '2023-05-01' WHERE id = ?", o);
      // Fill the pages around them, as a year of work would, so the deletion frees whole pages too
      // (in-process: filler, not what is tested).
      for (let i = 0; i < 30; i++) {
        ok(await cliInProcess(db, signaalArgs(adres, `${OMSCHRIJVING} ${i} ${"x".repeat(900)}`, "2023-02-02")));
      }
      // What an older version (without secure_delete) deleted is still in the file's free pages.
      const oud = new Database(db);
      oud.pragma("secure_delete = OFF");
      oud.prepare("INSERT INTO instelling (sleutel, waarde) VALUES ('tijdelijk', ?)").run(OUDE_REST);
      oud.prepare("DELETE FROM instelling WHERE sleutel = 'tijdelijk'").run();
      oud.close();
      for (const t of [NAAM, OMSCHRIJVING, BEVINDING, OUDE_REST]) expect(bevat(rauweBytes(db), t), t).toBe(true);

      const r = ok(cli(db, ["--json", "--vandaag", "2026-11-23", "opschonen", "--ouder-dan", "24", "--ja"])).json();
      expect(r.verwijderd).toMatchObject({ signaal: 31, bevinding: 1, betrokkene: 1 });
      const bytes = rauweBytes(db);
      for (const t of [NAAM, OMSCHRIJVING, BEVINDING, OUDE_REST]) expect(bevat(bytes, t), `${t} nog leesbaar in ${db}`).toBe(false);

      const kopie = path.join(tempDir(), "kopie.db");
      ok(cli(db, ["backup", "--uit", kopie]));
      for (const t of [NAAM, OMSCHRIJVING, BEVINDING]) expect(bevat(rauweBytes(kopie), t), `${t} in de backup`).toBe(false);
    },
  );
});

/** A database big enough that a backup takes a while (so it can be interrupted halfway). */
function groteDb(): string {
  const db = initDb();
  const adres = addAdres(db);
  const conn = new Database(db);
  const stmt = conn.prepare(
    "INSERT INTO signaal (adres_id, partner_id, omschrijving, datum, aangemaakt) VALUES (?, 1, ?, '2026-01-01', '2026-01-01')",
  );
  conn.transaction(() => {
    for (let i = 0; i < 40_000; i++) stmt.run(adres, `${i} ${"y".repeat(2000)}`);
  })();
  conn.close();
  return db;
}

const BIN = path.join(ROOT, "bin", "interventie.cjs");

function startBackup(db: string, uit: string): { child: ChildProcess; klaar: Promise<number | null> } {
  const child = spawn(process.execPath, [BIN, "--db", db, "backup", "--uit", uit], {
    env: { PATH: process.env.PATH, TZ: "Europe/Amsterdam", NO_COLOR: "1", INTERVENTIE_GEBRUIKER: "tester" },
    stdio: "ignore",
  });
  const klaar = new Promise<number | null>((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? -1 : null))));
  return { child, klaar };
}

/** Waits until the backup's hidden temporary copy exists in `map` (or the process ended). */
async function wachtOpTijdelijk(map: string, klaar: Promise<unknown>): Promise<boolean> {
  let gedaan = false;
  void klaar.then(() => (gedaan = true));
  while (!gedaan) {
    if (fs.readdirSync(map).some((f) => f.startsWith(".") && fs.statSync(path.join(map, f)).size > 1_000_000)) return true;
    await new Promise((r) => setTimeout(r, 2));
  }
  return false;
}

// On PostgreSQL pg_dump writes the backup (src/io/pgdump.ts), not the tool's own copy of a file.
describeAlleenSqlite("de eigen kopie van het databasebestand", "een onderbroken backup laat geen verborgen kopie achter", () => {
  let db: string;
  beforeAll(() => {
    db = groteDb();
  });

  it.each([
    ["SIGINT (Ctrl-C)", "SIGINT", 130],
    ["SIGTERM", "SIGTERM", 143],
  ] as const)("%s: de tijdelijke kopie wordt opgeruimd", async (_naam, signaal, code) => {
    const map = tempDir();
    const uit = path.join(map, "kopie.db");
    const { child, klaar } = startBackup(db, uit);
    expect(await wachtOpTijdelijk(map, klaar)).toBe(true);
    child.kill(signaal);
    expect(await klaar).toBe(code);
    expect(fs.readdirSync(map)).toEqual([]);
  });

  it("kill -9: de volgende backup in dezelfde map ruimt de achtergebleven kopie op, en alleen die", async () => {
    const map = tempDir();
    const vreemd = path.join(map, ".interventie-tmp-notities.txt"); // not our naming: never touched
    fs.writeFileSync(vreemd, "van de gebruiker");
    const { child, klaar } = startBackup(db, path.join(map, "kopie.db"));
    expect(await wachtOpTijdelijk(map, klaar)).toBe(true);
    child.kill("SIGKILL");
    await klaar;
    const achtergebleven = fs.readdirSync(map).filter((f) => /^\.interventie-tmp-\d+-/.test(f));
    expect(achtergebleven.length).toBeGreaterThan(0);
    ok(cli(db, ["backup", "--uit", path.join(map, "kopie.db")]));
    expect(fs.readdirSync(map).sort()).toEqual([".interventie-tmp-notities.txt", "kopie.db"]);
  });
});

describe("een afgebroken brief batch", () => {
  it("de volgende batch in dezelfde map ruimt achtergebleven tijdelijke brieven van een beëindigd proces op", () => {
    const db = initDb();
    const adres = String(addAdres(db));
    addAvond(db, Number(adres));
    ok(cli(db, ["bevinding", "toevoegen", "--avond", "1", "--adres", adres, "--categorie", "milieu", "--omschrijving", "Afval"]));
    ok(cli(db, ["betrokkene", "toevoegen", "--naam", NAAM, "--rol", "eigenaar", "--adres", adres]));
    const map = tempDir();
    // What kill -9 halfway through a letter leaves: our prefix, the pid of a process that is gone.
    const dood = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout;
    const rest = path.join(map, `.interventie-tmp-${dood}-1a2b3c4d-2026-11-23_INT-2026-000001_brief.pdf`);
    fs.writeFileSync(rest, `%PDF brief aan ${NAAM}`);
    ok(cli(db, ["--vandaag", "2026-11-27", "brief", "batch", "--avond", "1", "--uit", map]));
    expect(fs.existsSync(rest)).toBe(false);
    expect(fs.readdirSync(map).filter((f) => f.startsWith("."))).toEqual([]);
  });
});

describe("rechten van een bestaand databasebestand", () => {
  itAlleenSqlite("bestandsrechten", "een leeg bestand (0644) dat de gebruiker zelf aanmaakte wordt bij het eerste gebruik 0600", () => {
    const db = path.join(tempDir(), "team.db");
    fs.writeFileSync(db, "");
    fs.chmodSync(db, 0o644);
    ok(cli(db, ["init", "--team", "KIT"]));
    expect(fs.statSync(db).mode & 0o777).toBe(0o600);
  });

  itAlleenSqlite("bestandsrechten", "een gekopieerde database (0664) en haar -wal/-shm worden 0600 bij gebruik", () => {
    const db = initDb();
    fs.chmodSync(db, 0o664);
    ok(cli(db, ["adres", "lijst"]));
    for (const f of [db, `${db}-wal`, `${db}-shm`].filter((f) => fs.existsSync(f))) {
      expect(fs.statSync(f).mode & 0o777, f).toBe(0o600);
    }
  });
});
