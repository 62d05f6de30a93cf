import { describe, expect, it } from "vitest";
import { adressen, adressenCsv, bevindingen, bevindingenCsv, eigenaren, kiesCategorie, prng } from "../../bench/genereer.js";
import { median } from "../../bench/meet.js";
import { beoordeel, tabel } from "../../bench/verslag.js";
import { normalisePostcode } from "../../src/domain/adres.js";

// The benchmark's own helpers: if they are wrong, every figure in bench/results.json is wrong.
describe("bench: gegevens", () => {
  it("maakt bij hetzelfde zaad dezelfde gegevens", () => {
    expect(adressenCsv(adressen(50, ["Veldhoven", "Best"], 7))).toBe(adressenCsv(adressen(50, ["Veldhoven", "Best"], 7)));
    expect(prng(1)()).not.toBe(prng(2)());
  });

  it("maakt 5.000 verschillende, geldige Nederlandse postcodes over de gemeenten", () => {
    const rows = adressen(5000, ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N"], 21);
    const sleutels = new Set(rows.map((a) => `${a.postcode}|${a.huisnummer}|${a.toevoeging}`));
    expect(sleutels.size).toBe(5000);
    for (const a of rows) expect(normalisePostcode(a.postcode)).toBe(a.postcode);
  });

  it("schrijft bevindingen als CSV met de kolommen van bevinding importeren, zonder aanhalingstekens", () => {
    const op = adressen(10, ["Veldhoven"]);
    const csv = bevindingenCsv(bevindingen(100, op, ["milieu", "wav"], 3));
    const regels = csv.trimEnd().split("\n");
    expect(regels[0]).toBe("postcode,huisnummer,toevoeging,categorie,omschrijving,partner,maatregel,personen");
    expect(regels).toHaveLength(101);
    expect(csv).not.toContain('"'); // kale-insert splits on commas
    expect(regels.slice(1).every((r) => r.split(",").length === 8)).toBe(true);
  });

  it("verdeelt categorieën scheef (Zipf), zoals de PIT-top 10", () => {
    const codes = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];
    const rnd = prng(5);
    const telling = new Map<string, number>();
    for (let i = 0; i < 20000; i++) {
      const c = kiesCategorie(codes, rnd);
      telling.set(c, (telling.get(c) ?? 0) + 1);
    }
    expect(telling.get("a")!).toBeGreaterThan(telling.get("b")!);
    expect(telling.get("b")!).toBeGreaterThan(telling.get("j")!);
    expect(telling.get("a")! / telling.get("j")!).toBeGreaterThan(5);
  });

  it("geeft eigenaren met Poolse en Roemeense letters", () => {
    expect(eigenaren(40).join(" ")).toMatch(/[ŁłśșțȘȚă]/);
  });
});

describe("bench: rekenen en verslag", () => {
  it("mediaan van oneven en even aantallen", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });

  it("beoordeelt een verhouding tegen het doel", () => {
    const r = beoordeel("x", { ms: [300, 310, 290], piekMb: [] }, { ms: [100, 100, 100], piekMb: [] }, "basis", 3);
    expect(r).toMatchObject({ ms: 300, basis_ms: 100, ratio: 3, doel: 3, gehaald: true, runs: 3 });
    expect(beoordeel("y", { ms: [301], piekMb: [] }, { ms: [100], piekMb: [] }, "basis", 3).gehaald).toBe(false);
    expect(beoordeel("z", { ms: [50], piekMb: [] }, { ms: [100], piekMb: [] }, "basis").gehaald).toBeNull();
  });

  it("drukt een tabel met verhouding, doel en uitslag", () => {
    const r = beoordeel("opstarten", { ms: [150], piekMb: [] }, { ms: [100], piekMb: [] }, "node -e 0", 1.2);
    const t = tabel([r], [{ naam: "importeren", piek_mb: 150, doel_mb: 200, gehaald: true }]);
    expect(t).toMatch(/opstarten\s+1\.50×\s+≤ 1\.2×\s+GEMIST\s+150 ms\s+100 ms \(node -e 0\)/);
    expect(t).toMatch(/importeren\s+< 200 MB\s+gehaald\s+150 MB/);
  });
});
