import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, cliInProcess, dump, kopieVan, ok, tempDir } from "../helpers/cli.js";
import { scenario, type Scenario } from "../helpers/casustafel.js";

const VANDAAG = ["--vandaag", "2026-11-23"];
let base: string;
let s: Scenario;
let cid: string;
let aid: string;

/** The scenario with a casustafel (Kerkstraat: controle with Politie and Enexis) and an evening for it. */
beforeAll(() => {
  s = scenario();
  base = s.db;
  cid = String(
    ok(cli(base, ["--json", "casustafel", "nieuw", "--datum", "2026-11-25", "--gemeenten", "Veldhoven,Bladel,Eersel"])).json().id,
  );
  ok(cli(base, ["casustafel", "besluit", cid, "--adres", String(s.kerkstraat), "--besluit", "controle", "--partners", "Politie,Enexis"]));
  const avond = ["avond", "nieuw", "--casustafel", cid, "--datum", "2026-12-03", "--doel", "Huisvesting"];
  aid = String(ok(cli(base, ["--json", ...avond, "--extra-adres", String(s.markt)])).json().id);
}, 120_000);

const fresh = () => kopieVan(base);

const vraag = (db: string, args: string[], answers: unknown[]) => cliInProcess(db, [...args, ...VANDAAG], { answers });

describe("elke opdracht vraagt aan een terminal wat ontbreekt, en vraagt opnieuw bij een fout antwoord", () => {
  it("avond rol: avond uit de lijst, rol, naam, partner en telefoon", async () => {
    const db = fresh();
    const r = await vraag(db, ["--json", "avond", "rol"], [aid, "teamleider", "", "Anja de Vries", "Gemeente", "abc", "06-12345678"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("naam: mag niet leeg zijn");
    expect(r.stderr).toContain('"abc" is geen telefoonnummer');
    expect(r.json()).toMatchObject({
      avond_id: Number(aid),
      rol: "teamleider",
      naam: "Anja de Vries",
      partner: "Gemeente",
      telefoon: "06-12345678",
    });
    // A second teamleider is not offered; someone known is.
    const tweede = await vraag(db, ["--json", "avond", "rol", aid], ["teamleider", "gesprek", "Anja de Vries (Gemeente)", ""]);
    expect(tweede.code, tweede.stderr).toBe(0);
    expect(tweede.stderr).toMatch(/"teamleider"\n> Geen keuze; kies uit: gesprek/);
    expect(tweede.json()).toMatchObject({ rol: "gesprek", naam: "Anja de Vries", telefoon: "06-12345678" });
  });

  it("avond risico: geen stil standaardniveau; Enter kiest niets en wordt opnieuw gevraagd", async () => {
    const db = fresh();
    const r = await vraag(db, ["--json", "avond", "risico", aid], [String(s.kerkstraat), "", "hoog", "Hond, twee uitgangen"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("Kies eerst een antwoord");
    expect(r.json()).toMatchObject({ adres_id: s.kerkstraat, niveau: "hoog", toelichting: "Hond, twee uitgangen" });
  });

  it("avond noodplan: een leeg verzamelpunt wordt opnieuw gevraagd; communicatie en uitrusting worden aangeboden", async () => {
    const db = fresh();
    const r = await vraag(db, ["--json", "avond", "noodplan", aid], [" ", "Kerkplein", "Regenboog", "", ["hesjes", "portofoons"]]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("verzamelpunt: mag niet leeg zijn");
    expect(r.json()).toMatchObject({
      verzamelpunt: "Kerkplein",
      codewoord: "Regenboog",
      communicatie: "portofoons",
      uitrusting: ["hesjes", "portofoons"],
    });
  });

  it("avond draaiboek: vraagt het PDF-bestand", async () => {
    const db = fresh();
    const pdf = path.join(tempDir(), "d.pdf");
    const r = await vraag(db, ["--json", "avond", "draaiboek", aid], [pdf]);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.existsSync(pdf)).toBe(true);
  });

  it("casustafel besluit: afgewezen vraagt geen partners, mono precies één", async () => {
    const db = fresh();
    // If partners were asked after afgewezen, "Geen capaciteit" would be the answer to that question and fail.
    const af = await vraag(db, ["--json", "casustafel", "besluit", cid], [String(s.dorpstraat), "afgewezen", "Geen capaciteit"]);
    expect(af.code, af.stderr).toBe(0);
    expect(af.json()).toMatchObject({ besluit: "afgewezen", partners: [], toelichting: "Geen capaciteit" });
    const mono = await vraag(
      db,
      ["--json", "casustafel", "besluit", cid, "--adres", String(s.industrieweg), "--besluit", "mono"],
      ["Nederlandse Arbeidsinspectie", ""],
    );
    expect(mono.code, mono.stderr).toBe(0);
    expect(mono.json()).toMatchObject({ besluit: "mono", partners: ["Nederlandse Arbeidsinspectie"] });
  });

  it("zonder terminal: exit 2 met de naam van wat ontbreekt, niets gewijzigd", () => {
    const db = fresh();
    const voor = dump(db);
    for (const [args, melding] of [
      [["avond", "rol", aid, "--naam", "X", "--partner", "Gemeente"], "Ontbrekende optie --rol"],
      [["avond", "risico", aid, "--adres", String(s.kerkstraat)], "Ontbrekende optie --niveau"],
      [["avond", "noodplan", aid, "--codewoord", "X"], "Ontbrekende optie --verzamelpunt"],
      [["avond", "draaiboek", aid], "Ontbrekende optie --pdf"],
      [["avond", "controleer"], "Ontbrekende avond-id"],
      [["casustafel", "agenda"], "Ontbrekende casustafel-id"],
      [["casustafel", "besluit", cid, "--adres", String(s.kerkstraat)], "Ontbrekende optie --besluit"],
    ] as [string[], string][]) {
      const r = cli(db, args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toContain(melding);
    }
    expect(dump(db)).toBe(voor);
  });
});

describe("avond nieuw: het overzicht vóór het opslaan", () => {
  const basis = (extra: unknown[]) => [cid, "2026-12-10", "", "Hercontrole", [s.kerkstraat], ...extra];
  const team = ["teamleider", "Anja de Vries", "Gemeente", "", "beveiliging", "Agent Jansen", "Politie", "", "klaar met rollen"];

  it("wijzigt rollen en risico's zonder opnieuw te beginnen", async () => {
    const db = fresh();
    const answers = basis([
      ...team,
      "nog niet inschatten (later: avond risico)",
      "Kerkplein",
      "Regenboog",
      "",
      ["hesjes"],
      "Wijzigen: rollen",
      "rol weghalen…",
      "beveiliging: Agent Jansen (Politie)",
      "beveiliging",
      "Agent Bakker", // nobody has had a role yet: the name is asked directly
      "Politie",
      "",
      "klaar met rollen",
      "Wijzigen: risico's",
      "midden",
      "Smalle trap",
      "Opslaan",
    ]);
    const r = await vraag(db, ["--json", "avond", "nieuw"], answers);
    expect(r.code, r.stderr).toBe(0);
    const doc = r.json();
    expect(doc.rollen.map((x: any) => x.naam)).toEqual(["Anja de Vries", "Agent Bakker"]);
    expect(doc.adressen[0]).toMatchObject({ risico: "midden", risico_toelichting: "Smalle trap" });
    // The summary (on stderr with --json) showed what was missing before saving.
    expect(r.stderr).toContain("Nieuwe avond (nog niet opgeslagen)");
    expect(r.stderr).toContain("Geen risico-inschatting voor");
  });

  it("afbreken in het overzicht schrijft niets", async () => {
    const db = fresh();
    const voor = dump(db);
    const r = await vraag(
      db,
      ["avond", "nieuw"],
      basis([...team, "hoog", "", "Kerkplein", "Regenboog", "", ["hesjes"], "Afbreken (niets opslaan)"]),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Afgebroken; er is niets opgeslagen");
    expect(dump(db)).toBe(voor);
  });
});
