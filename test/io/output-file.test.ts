import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { outputFolder, outputTarget, protectDatabase, writeLetter, writeOutput } from "../../src/io/output-file.js";
import { sweepStaleTemps } from "../../src/io/temp-files.js";
import { tempDir } from "../helpers/cli.js";

describe("de ene schrijver van uitvoerbestanden", () => {
  it("weigert de database ook onder een harde koppeling (zelfde inode)", () => {
    const map = tempDir();
    const db = path.join(map, "team.db");
    fs.writeFileSync(db, "database");
    protectDatabase(db);
    fs.linkSync(db, path.join(map, "ander.pdf"));
    expect(() => outputTarget(path.join(map, "ander.pdf"), { overschrijven: true })).toThrow(/mag niet de database zelf zijn/);
  });

  it("controleert vlak voor het plaatsen opnieuw: een bestand dat intussen verscheen blijft staan", () => {
    const file = path.join(tempDir(), "rapport.pdf");
    const target = outputTarget(file, { veld: "pdf" });
    fs.writeFileSync(file, "van iemand anders");
    expect(() => writeOutput(target, "nieuw")).toThrow(/pdf: .* bestaat al/);
    expect(fs.readFileSync(file, "utf8")).toBe("van iemand anders");
    expect(fs.readdirSync(path.dirname(file))).toEqual(["rapport.pdf"]);
  });

  it("een brief mag zijn eigen bestand vervangen (herdruk), een gewoon uitvoerbestand niet", () => {
    const file = path.join(tempDir(), "2026-11-23_INT-2026-000001_brief.pdf");
    writeLetter(file, Buffer.from("eerste"));
    writeLetter(file, Buffer.from("herdruk"));
    expect(fs.readFileSync(file, "utf8")).toBe("herdruk");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(() => writeOutput(file, "ander")).toThrow(/bestaat al/);
  });

  it("een briefmap wordt gemaakt (0700) en dat wordt teruggemeld; een bestand op die plek niet", () => {
    const map = path.join(tempDir(), "brieven", "2026");
    expect(outputFolder(map)).toEqual({ map, aangemaakt: true });
    expect(outputFolder(map)).toEqual({ map, aangemaakt: false });
    expect(fs.statSync(map).mode & 0o777).toBe(0o700);
    const bestand = path.join(tempDir(), "bestand");
    fs.writeFileSync(bestand, "");
    expect(() => outputFolder(bestand)).toThrow(/Kan map .* niet maken/);
  });
});

describe("achtergebleven tijdelijke bestanden", () => {
  it("ruimt alleen eigen bestanden van een beëindigd proces of van een dag oud op", () => {
    const map = tempDir();
    const dood = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout;
    const levend = String(process.ppid);
    const namen = {
      dood: `.interventie-tmp-${dood}-0a1b2c3d-kopie.db`,
      doodWal: `.interventie-tmp-${dood}-0a1b2c3d-kopie.db-journal`,
      levend: `.interventie-tmp-${levend}-0a1b2c3d-kopie.db`,
      oud: `.interventie-tmp-${levend}-ffffffff-rapport.pdf`,
      vreemd: ".interventie-tmp-notities",
      gewoon: "kopie.db",
    };
    for (const n of Object.values(namen)) fs.writeFileSync(path.join(map, n), "x");
    const gisteren = new Date(Date.now() - 25 * 60 * 60 * 1000);
    fs.utimesSync(path.join(map, namen.oud), gisteren, gisteren);
    const weg = sweepStaleTemps(map).map((f) => path.basename(f));
    expect(weg.sort()).toEqual([namen.dood, namen.doodWal, namen.oud].sort());
    expect(fs.readdirSync(map).sort()).toEqual([namen.levend, namen.vreemd, namen.gewoon].sort());
  });
});
