import { describe, expect, it, vi } from "vitest";
import { cli, cliInProcess, dump, ok, type CliResult } from "../helpers/cli.js";
import { avondMetAdressen, voegToe } from "../helpers/bevinding.js";
import { opPostgres } from "../helpers/opslag.js";

/**
 * Issue 16 pt 3: two users editing the same follow-up get a clear message, not a lost update.
 * A change based on what a user saw (`--verwachte-versie`, or what the guided flow showed) is
 * refused with exit 2 and one line when someone else changed the follow-up in between.
 */

/** Runs (once) before the guided flow's next question is answered: another user at work meanwhile. */
const tussendoor: { actie?: () => void } = {};

vi.mock("../../src/io/prompts.js", async (importOriginal) => {
  const echt = await importOriginal<typeof import("../../src/io/prompts.js")>();
  return {
    ...echt,
    scriptedPrompter: (...args: Parameters<typeof echt.scriptedPrompter>) => {
      const p = echt.scriptedPrompter(...args);
      const eerst = () => {
        const a = tussendoor.actie;
        tussendoor.actie = undefined;
        a?.();
      };
      return {
        ...p,
        select: (o: never) => (eerst(), p.select(o)),
        input: (o: never) => (eerst(), p.input(o)),
      };
    },
  };
});

/** A fresh database with one open follow-up (a copy of the seeded evening, one finding, one action). */
function metOpvolging(): { db: string; id: number } {
  const { db, avond, kerkstraat } = avondMetAdressen();
  const b = voegToe(db, avond, kerkstraat, "overbewoning");
  const o = ok(
    cli(db, ["--json", "opvolging", "toevoegen", "--bevinding", String(b.id), "--actie", "Gesprek eigenaar", "--deadline", "2026-12-15"]),
  ).json();
  return { db, id: o.id as number };
}

/** A named user on a database file; on PostgreSQL the login is the user (and --gebruiker does not apply). */
const als = (db: string, wie: string, args: string[]): CliResult =>
  cli(db, args, opPostgres ? {} : { env: { INTERVENTIE_GEBRUIKER: wie } });
const toon = (db: string, id: number) => ok(cli(db, ["--json", "opvolging", "toon", String(id)])).json();

describe("opvolging toon en bijwerken --verwachte-versie", () => {
  it("toont de versie; elke wijziging verhoogt haar, ook een met de juiste verwachte versie", () => {
    const { db, id } = metOpvolging();
    expect(toon(db, id)).toMatchObject({ id, status: "open", versie: 1 });
    const tekst = ok(cli(db, ["opvolging", "toon", String(id)])).stdout;
    expect(tekst).toContain("Versie 1 (bijwerken met --verwachte-versie 1).");
    const r = ok(cli(db, ["--json", "opvolging", "bijwerken", String(id), "--status", "in-behandeling", "--verwachte-versie", "1"]));
    expect(r.json()).toMatchObject({ status: "in-behandeling", versie: 2 });
    expect(toon(db, id).versie).toBe(2);
  });

  it("twee gebruikers: de tweede wijziging op een oude versie wordt geweigerd, exit 2, één regel, database ongewijzigd", () => {
    const { db, id } = metOpvolging();
    const gezienDoorA = toon(db, id).versie as number; // user A looks
    ok(als(db, "bert", ["opvolging", "bijwerken", String(id), "--deadline", "2026-12-20"])); // user B changes it
    const naB = dump(db);
    const a = als(db, "anna", ["opvolging", "bijwerken", String(id), "--status", "afgerond", "--verwachte-versie", String(gezienDoorA)]);
    expect(a.code, a.stderr).toBe(2);
    expect(a.stderr).toMatch(
      new RegExp(
        `^fout: Opvolging ${id} is intussen gewijzigd door ${opPostgres ? "\\S+" : "bert"} op \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d; bekijk haar opnieuw met \`interventie opvolging toon ${id}\`\\n$`,
      ),
    );
    expect(dump(db)).toBe(naB);
    expect(toon(db, id)).toMatchObject({ status: "open", deadline: "2026-12-20", versie: gezienDoorA + 1 });
    // With --json also the error object; a bad version number is bad input.
    const j = als(db, "anna", ["--json", "opvolging", "bijwerken", String(id), "--status", "afgerond", "--verwachte-versie", "1"]);
    expect(j.code).toBe(2);
    expect(j.json()).toMatchObject({ fout: { code: "intussen-gewijzigd" } });
    const fout = cli(db, ["opvolging", "bijwerken", String(id), "--status", "afgerond", "--verwachte-versie", "nul"]);
    expect(fout.code).toBe(2);
    expect(fout.stderr).toContain('verwachte-versie: "nul" is geen geldig id');
    expect(dump(db)).toBe(naB);
  });

  it("aan een terminal onthoudt de vragenreeks de getoonde versie: een wijziging van een ander terwijl de vraag openstaat gaat niet verloren", async () => {
    const { db, id } = metOpvolging();
    // User B moves the deadline while user A's question is open.
    tussendoor.actie = () => ok(als(db, "bert", ["opvolging", "bijwerken", String(id), "--deadline", "2026-12-20"]));
    const r = await cliInProcess(db, ["opvolging", "bijwerken", String(id)], { answers: ["in-behandeling"] });
    expect(tussendoor.actie).toBeUndefined();
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(`fout: Opvolging ${id} is intussen gewijzigd door .+; bekijk haar opnieuw met \`interventie opvolging toon ${id}\`\n$`),
    );
    expect(toon(db, id)).toMatchObject({ status: "open", deadline: "2026-12-20", versie: 2 });
    // Asked again with nobody in between, the same answer changes it.
    const opnieuw = await cliInProcess(db, ["--json", "opvolging", "bijwerken", String(id)], { answers: ["in-behandeling"] });
    expect(opnieuw.code, opnieuw.stderr).toBe(0);
    expect(toon(db, id)).toMatchObject({ status: "in-behandeling", deadline: "2026-12-20", versie: 3 });
  });
});
