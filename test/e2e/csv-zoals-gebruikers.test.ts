import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { addAdres, addAvond, cli, dump, initDb, ok, tempDir } from "../helpers/cli.js";
import { houdSchrijfslot } from "../helpers/opslag.js";

/**
 * Issue 17, point 6: CSV as users really make it. Dutch Excel's "CSV (puntkomma)" is
 * Windows-1252 (it was stored as "Caf\uFFFDstraat"); PowerShell writes a BOM and quoted headers;
 * Excel leaves ";;;;;;" rows; "Unicode-tekst" is UTF-16 with tabs; a file with a 50 MB field was
 * parsed for a minute while the import held the write lock.
 */

/** Bytes in Windows-1252: Latin-1 plus the characters Windows puts in 0x80–0x9F. */
function cp1252(text: string): Buffer {
  const extra: Record<string, number> = { "€": 0x80, "’": 0x92, "“": 0x93, "”": 0x94, "–": 0x96, Š: 0x8a, Œ: 0x8c, œ: 0x9c };
  return Buffer.from([...text].map((c) => extra[c] ?? c.charCodeAt(0)));
}

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, "utf16le");
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
}

function schrijf(naam: string, bytes: Buffer): string {
  const file = path.join(tempDir(), naam);
  fs.writeFileSync(file, bytes);
  return file;
}

const KOP = "postcode;huisnummer;toevoeging;straat;plaats;gemeente;type";

function straten(db: string): string[] {
  return ok(cli(db, ["--json", "adres", "lijst"]))
    .json()
    .map((a: { straat: string }) => a.straat)
    .sort();
}

describe("adres importeren zoals Excel en PowerShell het schrijven", () => {
  it('Excel "CSV (puntkomma)" in Windows-1252: Caféstraat, ’s-Gravenweg en “Het Œuvre” komen er goed in', () => {
    const db = initDb();
    const file = schrijf(
      "excel.csv",
      cp1252(
        [
          KOP,
          "5504AB;1;;Caféstraat;Veldhoven;Veldhoven;woning",
          "5504AB;2;;’s-Gravenweg;Veldhoven;Veldhoven;woning",
          "5504AB;3;;“Het Œuvre” – Zuid;Veldhoven;Veldhoven;horeca",
          "",
        ].join("\r\n"),
      ),
    );
    expect(ok(cli(db, ["--json", "adres", "importeren", file])).json().geimporteerd).toBe(3);
    expect(straten(db)).toEqual(["Caféstraat", "’s-Gravenweg", "“Het Œuvre” – Zuid"].sort());
    expect(dump(db)).not.toContain("\ufffd");
  });

  it("PowerShell Export-Csv: BOM, aanhalingstekens om de kop en elke waarde (met en zonder #TYPE-regel)", () => {
    for (const type of ["", "#TYPE System.Management.Automation.PSCustomObject\r\n"]) {
      const db = initDb();
      const kop = KOP.split(";")
        .map((k) => `"${k}"`)
        .join(",");
      const file = schrijf(
        "ps.csv",
        Buffer.from(`\ufeff${type}${kop}\r\n"5504AB","4","","Dorpsstraat","Veldhoven","Veldhoven","woning"\r\n`, "utf8"),
      );
      expect(ok(cli(db, ["--json", "adres", "importeren", file])).json().geimporteerd).toBe(1);
      expect(straten(db)).toEqual(["Dorpsstraat"]);
    }
  });

  it("Excel's lege regels ;;;;;; worden overgeslagen", () => {
    const db = initDb();
    const file = schrijf(
      "leeg.csv",
      Buffer.from([KOP, "5504AB;5;;Kerkstraat;Veldhoven;Veldhoven;woning", ";;;;;;", ";;;;;;", ""].join("\r\n")),
    );
    expect(ok(cli(db, ["--json", "adres", "importeren", file])).json().geimporteerd).toBe(1);
  });

  it('Excel "Unicode-tekst": UTF-16 LE met BOM en tabs; ook UTF-16 BE', () => {
    const tekst = `\ufeff${KOP.replaceAll(";", "\t")}\r\n5504AB\t6\t\tŁąkowa\tVeldhoven\tVeldhoven\twoning\r\n`;
    for (const bytes of [Buffer.from(tekst, "utf16le"), utf16be(tekst)]) {
      const db = initDb();
      expect(ok(cli(db, ["--json", "adres", "importeren", schrijf("unicode.txt", bytes)])).json().geimporteerd).toBe(1);
      expect(straten(db)).toEqual(["Łąkowa"]);
    }
  });
});

describe("te grote bestanden worden vroeg geweigerd", () => {
  it("een veld van 50 MB: één Nederlandse regel, zonder op het schrijfslot te wachten", async () => {
    const db = initDb();
    const adres = addAdres(db);
    addAvond(db, adres);
    const kop = "postcode,huisnummer,toevoeging,categorie,omschrijving,partner,maatregel,personen\n";
    const file = schrijf(
      "groot.csv",
      Buffer.concat([Buffer.from(`${kop}5504AB,12,,milieu,"`), Buffer.alloc(50 * 1024 * 1024, "x"), Buffer.from('",,,\n')]),
    );
    const voor = dump(db);
    const vrij = await houdSchrijfslot(db); // as a colleague's long import would
    try {
      const r = cli(db, ["bevinding", "importeren", file, "--avond", "1"]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/regel 2 bevat een veld van meer dan 10000 tekens/);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    } finally {
      vrij();
    }
    expect(dump(db)).toBe(voor);
  });

  it("een bestand boven de 100 MB wordt geweigerd voordat het gelezen wordt", () => {
    const db = initDb();
    const file = path.join(tempDir(), "enorm.csv");
    fs.writeFileSync(file, `${KOP}\n`);
    fs.truncateSync(file, 101 * 1024 * 1024); // sparse: no disk used
    const r = cli(db, ["adres", "importeren", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/de grens is 100 MB per bestand/);
  });
});
