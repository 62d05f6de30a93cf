import fs from "node:fs";
import path from "node:path";
import { PDFParse } from "pdf-parse";
import { describe, expect, it } from "vitest";
import { cli, ok, tempDir } from "../helpers/cli.js";

const SJABLONEN = fs
  .readdirSync(path.join(import.meta.dirname, "../../templates"))
  .filter((f) => f.endsWith(".hbs"))
  .map((f) => f.replace(/\.hbs$/, ""));

describe("brieven lezen goed op papier", () => {
  it.each(SJABLONEN)("%s: de groet en ondertekening staan nooit alleen op een bladzijde", async (sjabloon) => {
    const pdf = path.join(tempDir(), `${sjabloon}.pdf`);
    ok(cli("/nonexistent/x.db", ["--vandaag", "2026-11-23", "brief", "voorbeeld", "--sjabloon", sjabloon, "--uit", pdf]));
    const { pages } = await new PDFParse({ data: fs.readFileSync(pdf) }).getText();
    const pagina = pages.find((p: { text: string }) => p.text.includes("Met vriendelijke groet"));
    expect(pagina).toBeDefined();
    const ervoor = pagina!.text.slice(0, pagina!.text.indexOf("Met vriendelijke groet")).trim().split("\n");
    // At least two lines of the letter itself on the page of the signature.
    expect(ervoor.length, pagina!.text).toBeGreaterThanOrEqual(2);
  });
});
