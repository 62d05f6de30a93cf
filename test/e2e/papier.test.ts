import fs from "node:fs";
import path from "node:path";
import { PDFParse } from "pdf-parse";
import { describe, expect, it } from "vitest";
import { voorbeeldPdf } from "../helpers/seed.js";

const SJABLONEN = fs
  .readdirSync(path.join(import.meta.dirname, "../../templates"))
  .filter((f) => f.endsWith(".hbs"))
  .map((f) => f.replace(/\.hbs$/, ""));

describe("brieven lezen goed op papier", () => {
  it.each(SJABLONEN)("%s: de groet en ondertekening staan nooit alleen op een bladzijde", async (sjabloon) => {
    const { pages } = await new PDFParse({ data: fs.readFileSync(voorbeeldPdf(sjabloon)) }).getText();
    const pagina = pages.find((p: { text: string }) => p.text.includes("Met vriendelijke groet"));
    expect(pagina).toBeDefined();
    const ervoor = pagina!.text.slice(0, pagina!.text.indexOf("Met vriendelijke groet")).trim().split("\n");
    // At least two lines of the letter itself on the page of the signature.
    expect(ervoor.length, pagina!.text).toBeGreaterThanOrEqual(2);
  });
});
