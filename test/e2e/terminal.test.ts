import { describe, expect, it } from "vitest";
import { addAdres, cli, dump, initDb, ok, signaalArgs } from "../helpers/cli.js";
import { avondMetAdressen, voegToe } from "../helpers/bevinding.js";
import { cliPty, TOETS } from "../helpers/pty.js";

/** A database with one address (in Asten, first in the list of gemeenten) that has a signal. */
function metSignaal(): { db: string; adres: number } {
  const db = initDb();
  const adres = addAdres(db, { postcode: "5721AA", huisnummer: "3", straat: "Markt", plaats: "Asten", gemeente: "Asten" });
  ok(cli(db, signaalArgs(adres, "Uitkering op adres", "2026-11-01", "UWV")));
  return { db, adres };
}

describe("in een echte terminal (pseudo-terminal, 80 kolommen)", () => {
  it("casustafel nieuw: een foute datum en geen gemeente worden opnieuw gevraagd, in het Nederlands; Ja/Nee; niets gaat verloren", () => {
    const { db } = metSignaal();
    const r = cliPty(
      db,
      ["casustafel", "nieuw", "--vandaag", "2026-11-23"],
      [
        { expect: "Datum van de casustafel", send: `31-02-2026${TOETS.enter}` },
        { expect: "bestaat niet als datum", send: `${TOETS.wis.repeat(10)}2026-11-25${TOETS.enter}` },
        { expect: "Welke gemeenten", send: TOETS.enter },
        { expect: "Kies minstens één gemeente", send: `${TOETS.spatie}${TOETS.enter}` },
        { expect: "Welke adressen bespreekt de casustafel", send: `${TOETS.spatie}${TOETS.enter}` },
        { expect: "Besluit voor Markt 3, 5721 AA Asten", send: TOETS.enter },
        { expect: "Kies eerst een antwoord", send: `${TOETS.omlaag}${TOETS.enter}` },
        { expect: "Welke partners zijn nodig bij de controle", send: TOETS.enter },
        { expect: "Toelichting", send: `Uitkering en bewoning${TOETS.enter}` },
        { expect: "Opslaan, of eerst iets wijzigen", send: TOETS.enter },
        { expect: "Nu de controleavond plannen\\? \\(J/n\\)", send: `n${TOETS.enter}` },
      ],
    );
    expect(r.missed, r.output).toBeNull();
    expect(r.code, r.output).toBe(0);
    // Dutch key hints, not "navigate • select".
    expect(r.output).toContain("↑↓ bladeren");
    expect(r.output).toContain("spatie aanvinken");
    expect(r.output).toContain("⏎ bevestigen");
    expect(r.output).not.toMatch(/navigate|submit|\(Y\/n\)/);
    expect(r.output).toContain("Uitkering op adres"); // what the signal says, before deciding
    expect(r.output).toMatch(/Casustafel 1 op 25 november 2026 voor Asten aangemaakt met 1 besluit\./);
    const ct = ok(cli(db, ["--json", "casustafel", "lijst"])).json()[0];
    expect(ct).toMatchObject({ datum: "2026-11-25", gemeenten: ["Asten"], besluiten: 1 });
  });

  it("opvolging bijwerken: de opvolging uit de lijst, wat er gebeurd is zonder stille standaard, de dag voorgesteld", () => {
    const { db, avond, kerkstraat } = avondMetAdressen();
    voegToe(db, avond, kerkstraat, "energiefraude");
    const r = cliPty(
      db,
      ["opvolging", "bijwerken", "--vandaag", "2026-11-23"],
      [
        { expect: "Welke opvolging\\?", send: TOETS.enter },
        { expect: "Wat wil je wijzigen", send: TOETS.enter },
        { expect: "Kies eerst een antwoord", send: `${TOETS.omlaag}${TOETS.omlaag}${TOETS.enter}` },
        { expect: "Resultaat \\(leeg mag\\)", send: `Meters vervangen${TOETS.enter}` },
        { expect: "Op welke dag is het gedaan\\?", send: TOETS.enter },
      ],
    );
    expect(r.missed, r.output).toBeNull();
    expect(r.code, r.output).toBe(0);
    expect(r.output).toMatch(/\d+: 3 december 2026 — meters vervangen en vordering — Kerkstra/);
    expect(r.output).toContain("bijgewerkt: status afgerond, resultaat: Meters vervangen");
    const [o] = ok(cli(db, ["--json", "opvolging", "lijst", "--status", "afgerond"])).json();
    expect(o).toMatchObject({ actie: "meters vervangen en vordering", gesloten_op: "2026-11-23" });
  });

  it("Ctrl-C halverwege: exit 2, één regel, en de database is onveranderd", () => {
    const { db } = metSignaal();
    const voor = dump(db);
    const r = cliPty(
      db,
      ["casustafel", "nieuw", "--vandaag", "2026-11-23"],
      [
        { expect: "Datum van de casustafel", send: `2026-11-25${TOETS.enter}` },
        { expect: "Welke gemeenten", send: `${TOETS.spatie}${TOETS.enter}` },
        { expect: "Welke adressen bespreekt", send: TOETS.ctrlC },
      ],
    );
    expect(r.missed, r.output).toBeNull();
    expect(r.code).toBe(2);
    expect(r.output).toContain("Afgebroken; er is niets gewijzigd");
    expect(dump(db)).toBe(voor);
  });
});
