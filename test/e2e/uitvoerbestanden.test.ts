import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { addAdres, addAvond, cli, dump, ok, tempDir } from "../helpers/cli.js";

/**
 * Issue 17, point 1: one writer for every output file. `rapport top --pdf team.db` used to replace
 * the database with a PDF (exit 0); a symlinked --db let `backup --overschrijven` replace the live
 * database; as root a rename replaced a device node. Every command that writes a named file is
 * run as a user would, against the database itself (by several names), an existing file, a FIFO,
 * a device node and a missing folder.
 */
let map: string;
let db: string;
/** A symlink to the database's folder: `<koppeling>/team.db` is the database by another path. */
let koppeling: string;
const VANDAAG = ["--vandaag", "2026-11-23"];

beforeAll(() => {
  map = tempDir();
  db = path.join(map, "team.db");
  ok(cli(db, ["init", "--team", "KIT"]));
  addAdres(db);
  addAvond(db, 1);
  ok(cli(db, ["bevinding", "toevoegen", "--avond", "1", "--adres", "1", "--categorie", "milieu", "--omschrijving", "Afval"]));
  ok(cli(db, ["betrokkene", "toevoegen", "--naam", "Ștefan Popescu", "--rol", "eigenaar", "--adres", "1"]));
  fs.mkdirSync(path.join(map, "sub"));
  koppeling = path.join(tempDir(), "koppeling");
  fs.symlinkSync(map, koppeling);
});

/** Every command that writes a named file, given that file. */
const SCHRIJVERS: [string, (f: string) => string[]][] = [
  ["rapport top", (f) => ["rapport", "top", "--pdf", f]],
  ["rapport jaar", (f) => ["rapport", "jaar", "2026", "--pdf", f]],
  ["rapport terugkoppeling", (f) => [...VANDAAG, "rapport", "terugkoppeling", "--partner", "Gemeente", "--pdf", f]],
  ["casustafel agenda", (f) => [...VANDAAG, "casustafel", "agenda", "1", "--pdf", f]],
  ["avond draaiboek", (f) => ["avond", "draaiboek", "1", "--pdf", f]],
  ["brief voorbeeld", (f) => [...VANDAAG, "brief", "voorbeeld", "--sjabloon", "last-onder-dwangsom", "--uit", f]],
  ["export", (f) => ["export", "--uit", f]],
  ["backup", (f) => ["backup", "--uit", f]],
];

const isSqlite = (file: string) => fs.readFileSync(file).subarray(0, 16).toString("latin1") === "SQLite format 3\u0000";

describe("een uitvoerbestand is nooit de database", () => {
  it.each(SCHRIJVERS)("%s weigert de database onder elke naam; de database blijft heel", (_naam, args) => {
    const voor = dump(db);
    for (const doel of ["team.db", "./sub/../team.db", path.join(koppeling, "team.db"), "team.db-wal"]) {
      const r = cli(db, args(doel), { cwd: map });
      expect(r.code, `${doel}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(/mag niet de database zelf zijn/);
      expect(isSqlite(db)).toBe(true);
      expect(dump(db)).toBe(voor);
    }
  });

  it("backup --overschrijven met een gekoppelde --db vervangt de echte database niet", () => {
    const koppel = path.join(tempDir(), "koppel.db");
    fs.symlinkSync(db, koppel);
    const voor = dump(db);
    const r = cli(koppel, ["backup", "--uit", db, "--overschrijven"]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/mag niet de database zelf zijn/);
    expect(dump(db)).toBe(voor);
    // The other way round: the link itself as target.
    expect(cli(db, ["backup", "--uit", koppel, "--overschrijven"]).code).toBe(2);
    expect(fs.lstatSync(koppel).isSymbolicLink()).toBe(true);
  });
});

describe("een bestaand bestand alleen met --overschrijven", () => {
  it.each(SCHRIJVERS)("%s", (_naam, args) => {
    const file = path.join(tempDir(), "bestaand.pdf");
    fs.writeFileSync(file, "niet weggooien");
    const r = cli(db, args(file));
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/bestaat al; kies een nieuwe naam of gebruik --overschrijven/);
    expect(fs.readFileSync(file, "utf8")).toBe("niet weggooien");
    ok(cli(db, [...args(file), "--overschrijven"]));
    expect(fs.readFileSync(file, "utf8")).not.toBe("niet weggooien");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });
});

describe("geen apparaat, pijp of ontbrekende map", () => {
  it.each(SCHRIJVERS)("%s weigert een FIFO (ook met --overschrijven) en laat hem staan", (_naam, args) => {
    const fifo = path.join(tempDir(), "pijp");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    for (const extra of [[], ["--overschrijven"]]) {
      const r = cli(db, [...args(fifo), ...extra]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/geen gewoon bestand/);
      expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
    }
  });

  it.runIf(process.getuid?.() === 0)("als root: een apparaatbestand wordt niet vervangen", () => {
    const apparaat = path.join(tempDir(), "null");
    expect(spawnSync("mknod", [apparaat, "c", "1", "3"]).status).toBe(0);
    for (const [, args] of SCHRIJVERS) {
      for (const extra of [[], ["--overschrijven"]]) {
        const r = cli(db, [...args(apparaat), ...extra]);
        expect(r.code, r.stderr).toBe(2);
        expect(r.stderr).toMatch(/geen gewoon bestand/);
        expect(fs.lstatSync(apparaat).isCharacterDevice()).toBe(true);
      }
    }
  });

  it.each(SCHRIJVERS)("%s maakt geen ontbrekende map stilletjes aan", (_naam, args) => {
    const nieuw = path.join(tempDir(), "bestaat-niet");
    const r = cli(db, args(path.join(nieuw, "sub", "uit.pdf")));
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/map .*bestaat niet/);
    expect(fs.existsSync(nieuw)).toBe(false);
  });
});

describe("brieven", () => {
  it("een nieuwe briefmap wordt aangemaakt en dat wordt gemeld", () => {
    const uit = path.join(tempDir(), "brieven", "2026");
    const r = ok(cli(db, ["--json", ...VANDAAG, "brief", "batch", "--avond", "1", "--uit", uit]));
    expect(r.stderr).toContain(`Map ${uit} aangemaakt.`);
    expect(r.json().aantal).toBeGreaterThan(0);
    expect(fs.statSync(uit).mode & 0o777).toBe(0o700);
    for (const f of fs.readdirSync(uit)) expect(fs.statSync(path.join(uit, f)).mode & 0o777).toBe(0o600);
  });
});
