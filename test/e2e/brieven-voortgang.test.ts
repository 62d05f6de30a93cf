import { describe, expect, it } from "vitest";
import { run } from "../../src/cli.js";
import { cliInProcess, ok, tempDir } from "../helpers/cli.js";
import { voegToe } from "../helpers/bevinding.js";
import { pgOmgeving } from "../helpers/opslag.js";
import { seededAsync } from "../helpers/seed.js";

async function runWithTty(db: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let out = "";
  let err = "";
  const code = await run(["--db", db, "--vandaag", "2026-11-23", ...args], {
    stdout: { write: (s: string) => ((out += s), true), isTTY: true } as never,
    stderr: { write: (s: string) => ((err += s), true), isTTY: true } as never,
    stdinIsTTY: false,
    env: { TZ: "Europe/Amsterdam", NO_COLOR: "1", INTERVENTIE_GEBRUIKER: "tester", ...pgOmgeving() },
  });
  return { code, stdout: out, stderr: err };
}

/** Six addresses with an owner each and an afval finding each: six waarschuwingen due. Built once per run. */
function avondMetZesBrieven(): Promise<{ db: string; avond: number }> {
  return seededAsync("zes-brieven", bouw);
}

async function bouw(db: string): Promise<{ avond: number }> {
  ok(await cliInProcess(db, ["init", "--team", "KIT"]));
  const adressen: number[] = [];
  for (let i = 1; i <= 6; i++) {
    const id = ok(
      await cliInProcess(db, [
        "--json",
        "adres",
        "toevoegen",
        "--postcode",
        "5504AB",
        "--huisnummer",
        String(i),
        "--straat",
        "Kerkstraat",
        "--plaats",
        "Veldhoven",
        "--gemeente",
        "Veldhoven",
      ]),
    ).json().id;
    ok(await cliInProcess(db, ["betrokkene", "toevoegen", "--naam", `Eigenaar ${i}`, "--rol", "eigenaar", "--adres", String(id)]));
    adressen.push(id);
  }
  ok(await cliInProcess(db, ["casustafel", "nieuw", "--datum", "2026-11-05", "--gemeenten", "Veldhoven"]));
  const avond = ok(
    await cliInProcess(db, [
      "--json",
      "avond",
      "nieuw",
      "--casustafel",
      "1",
      "--datum",
      "2026-11-12",
      "--doel",
      "Controle",
      ...adressen.flatMap((a) => ["--extra-adres", String(a)]),
    ]),
  ).json().id as number;
  // Illegal waste begins the ladder with a waarschuwing to the eigenaar: one letter per address.
  for (const adres of adressen) voegToe(db, avond, adres, "afval");
  return { avond };
}

describe("voortgangsbalk bij brief batch", () => {
  it("toont een balk op stderr bij meer dan vijf brieven aan een terminal", async () => {
    const { db, avond } = await avondMetZesBrieven();
    const r = await runWithTty(db, ["brief", "batch", "--avond", String(avond), "--uit", tempDir()]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("\r[");
    expect(r.stderr).toContain("6/6 brieven");
    expect(r.stdout).toContain("6 brieven gemaakt");
  });

  it("geen balk met --json", async () => {
    const { db, avond } = await avondMetZesBrieven();
    const r = await runWithTty(db, ["--json", "brief", "batch", "--avond", String(avond), "--uit", tempDir()]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout).aantal).toBe(6);
  });

  it("geen balk zonder terminal", async () => {
    const { db, avond } = await avondMetZesBrieven();
    const r = ok(await cliInProcess(db, ["--vandaag", "2026-11-23", "brief", "batch", "--avond", String(avond), "--uit", tempDir()]));
    expect(r.stderr).toBe("");
  });
});
