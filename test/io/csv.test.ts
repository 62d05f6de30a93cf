import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectDelimiter, openCsv, readCsv } from "../../src/io/csv.js";
import { tempDir } from "../helpers/cli.js";

async function lees(bytes: Buffer): Promise<Record<string, string>[]> {
  const file = path.join(tempDir(), "x.csv");
  fs.writeFileSync(file, bytes);
  const rows: Record<string, string>[] = [];
  await readCsv(file, { required: ["a"], optional: ["b"] }, (r) => rows.push(r.values));
  return rows;
}

describe("CSV-coderingen (issue 17, punt 6)", () => {
  it("Windows-1252: de 27 tekens in 0x80–0x9F zijn de Windows-tekens, niet Latin-1-stuurtekens", async () => {
    const gedefinieerd = [...Array(32).keys()].map((i) => 0x80 + i).filter((b) => ![0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(b));
    const rows = await lees(Buffer.concat([Buffer.from("a\n"), Buffer.from(gedefinieerd), Buffer.from("\n")]));
    expect(rows).toEqual([{ a: "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ" }]);
  });

  it("geldige UTF-8 blijft UTF-8, ook als een teken over de grens van een leesblok valt", async () => {
    const lang = "é".repeat(700_000); // 1.4 MB: crosses the 1 MB read chunk
    const file = path.join(tempDir(), "lang.csv");
    fs.writeFileSync(file, `a\n"${lang.slice(0, 9000)}"\n`);
    expect(openCsv(file).codering).toBe("utf-8");
    const groot = path.join(tempDir(), "groot.csv");
    fs.writeFileSync(groot, `a\n${Array.from({ length: 200_000 }, () => "é€ok").join("\n")}\n`);
    expect(openCsv(groot).codering).toBe("utf-8");
  });

  it("scheidingsteken uit de kopregel: komma, puntkomma of tab", () => {
    expect(detectDelimiter("a,b;c,d")).toBe(",");
    expect(detectDelimiter("a;b;c")).toBe(";");
    expect(detectDelimiter("a\tb\tc")).toBe("\t");
    expect(detectDelimiter('"a;b",c')).toBe(",");
  });
});
