import { describe, expect, it } from "vitest";
import { cli, cliInProcess, initDb, ok } from "../helpers/cli.js";

describe("begeleide invoer (prompts met vooraf ingegeven antwoorden)", () => {
  it("vraagt bij adres toevoegen om elk ontbrekend gegeven", async () => {
    const db = initDb();
    const r = await cliInProcess(db, ["--json", "adres", "toevoegen"], {
      answers: ["5531 nk", "7", "b", "Industrieweg", "Bladel", "Bladel", "loods"],
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ postcode: "5531NK", huisnummer: 7, toevoeging: "B", gemeente: "Bladel", type: "loods" });
  });

  it("vraagt alleen wat ontbreekt", async () => {
    const db = initDb();
    const adres = ok(
      cli(db, [
        "--json",
        "adres",
        "toevoegen",
        "--postcode",
        "5504AB",
        "--huisnummer",
        "1",
        "--straat",
        "K",
        "--plaats",
        "V",
        "--gemeente",
        "Veldhoven",
      ]),
    ).json().id;
    const r = await cliInProcess(db, ["--json", "signaal", "toevoegen", "--adres", String(adres)], {
      answers: ["Nederlandse Arbeidsinspectie", "Overnachting in loods"],
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ partner: "Nederlandse Arbeidsinspectie", omschrijving: "Overnachting in loods" });
  });

  it("toetst een antwoord zoals een vlag en vraagt opnieuw: een foute postcode of huisnummer gooit niets weg", async () => {
    const db = initDb();
    const r = await cliInProcess(db, ["--json", "adres", "toevoegen"], {
      answers: ["0000XX", "5531 nk", "nul", "7", "b", "Industrieweg", "Bladel", "Bladel", "loods"],
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('postcode: "0000XX" is geen Nederlandse postcode');
    expect(r.stderr).toContain('huisnummer: "nul" is geen huisnummer');
    expect(r.json()).toMatchObject({ postcode: "5531NK", huisnummer: 7, toevoeging: "B" });
    // The same rule refuses the flag.
    const vlag = cli(db, ["adres", "toevoegen", "--postcode", "0000XX"]);
    expect(vlag.code).toBe(2);
    expect(vlag.stderr).toContain('postcode: "0000XX" is geen Nederlandse postcode');
  });

  it("een script dat te weinig antwoorden geeft: exit 2, één regel, niets geschreven", async () => {
    const db = initDb();
    const r = await cliInProcess(db, ["adres", "toevoegen"], { answers: ["5531NK"] });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^fout: Geen antwoord meer voor de vraag "Huisnummer"; er is niets gewijzigd$/m);
  });

  it.each([
    [["betrokkene", "toevoegen", "--rol", "eigenaar"], "--naam"],
    [["betrokkene", "toevoegen", "--naam", "X"], "--rol"],
    [["signaal", "toevoegen", "--partner", "Politie", "--omschrijving", "x"], "--adres"],
    [["gemeente", "toevoegen"], "--naam"],
    [["partner", "toevoegen"], "--naam"],
    [["categorie", "toevoegen", "--naam", "X", "--partner", "Politie"], "--code"],
  ])("zonder terminal: %j noemt %s", (args, flag) => {
    const db = initDb();
    const r = cli(db, args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(flag);
  });
});

describe("--json bij elke opdracht", () => {
  it("geeft precies één parseerbaar JSON-document", () => {
    const db = initDb();
    const adres = ok(
      cli(db, [
        "--json",
        "adres",
        "toevoegen",
        "--postcode",
        "5504AB",
        "--huisnummer",
        "1",
        "--straat",
        "K",
        "--plaats",
        "V",
        "--gemeente",
        "Veldhoven",
      ]),
    ).json().id;
    const commands = [
      ["init"],
      ["gemeente", "lijst"],
      ["gemeente", "toevoegen", "--naam", "Oss"],
      ["partner", "lijst"],
      ["partner", "toevoegen", "--naam", "Woonbedrijf"],
      ["categorie", "lijst"],
      ["categorie", "toevoegen", "--code", "test", "--naam", "Test", "--partner", "Gemeente"],
      ["adres", "lijst"],
      ["adres", "toon", String(adres)],
      ["betrokkene", "toevoegen", "--naam", "Ștefan Țurcanu", "--rol", "werkgever", "--adres", String(adres)],
      ["betrokkene", "lijst"],
      ["betrokkene", "toon", "1"],
      ["signaal", "toevoegen", "--adres", String(adres), "--partner", "UWV", "--omschrijving", "x"],
      ["signaal", "lijst"],
    ];
    for (const args of commands) {
      const r = ok(cli(db, ["--json", ...args]));
      expect(() => JSON.parse(r.stdout), args.join(" ")).not.toThrow();
      if (args[1] === "toevoegen") expect(r.json().id, args.join(" ")).toBeGreaterThan(0);
    }
  });
});
