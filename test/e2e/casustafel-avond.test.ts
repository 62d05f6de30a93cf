import fs from "node:fs";
import path from "node:path";
import { PDFParse } from "pdf-parse";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, cliInProcess, dump, kopieVan, ok, tempDb, tempDir, type CliResult } from "../helpers/cli.js";
import { gereedMaken, scenario, type Scenario, type Stap } from "../helpers/casustafel.js";
import { demoUitvoer } from "../helpers/seed.js";

const VANDAAG = ["--vandaag", "2026-11-23"];
let base: string;
let s: Scenario;

beforeAll(() => {
  s = scenario();
  base = s.db;
}, 120_000);

/** A private copy of the scenario database for one test. */
const fresh = () => kopieVan(base);

const inproc = async (db: string, args: string[]) => cliInProcess(db, [...args, ...VANDAAG]);

async function pdfText(file: string): Promise<string> {
  const p = new PDFParse({ data: fs.readFileSync(file) });
  return (await p.getText()).text;
}

describe("de hele reis via de gebouwde CLI, zonder prompts", () => {
  it("van casustafel via besluiten en avond naar een gereed draaiboek", async () => {
    const db = fresh();
    const run = (args: string[]): CliResult => cli(db, [...args, ...VANDAAG]);
    const uit = tempDir();

    const ct = ok(run(["--json", "casustafel", "nieuw", "--datum", "25-11-2026", "--gemeenten", "Veldhoven,Bladel,Eersel"])).json();
    expect(ct).toMatchObject({ datum: "2026-11-25", gemeenten: ["Veldhoven", "Bladel", "Eersel"] });
    const cid = String(ct.id);

    const agenda = ok(run(["--json", "casustafel", "agenda", cid, "--pdf", path.join(uit, "agenda.pdf")])).json();
    expect(agenda.kandidaten.map((k: any) => k.adres_id)).toEqual([s.kerkstraat, s.markt, s.industrieweg, s.dorpstraat]);
    expect(agenda.kandidaten[0].redenen[0]).toBe("3 partners met signalen: Gemeente, Politie, Enexis (3 signalen)");
    expect(agenda.kandidaten.find((k: any) => k.adres_id === s.hoofdstraat)).toBeUndefined();
    expect(agenda.terugblik.avonden).toEqual([expect.objectContaining({ id: s.eerdereAvond, bevindingen: 3, adressen: 2 })]);
    expect(agenda.terugblik.verlopen).toEqual([expect.objectContaining({ partner: "Gemeente", aantal: 1 })]);
    expect(agenda.terugblik.leerpunten[0].tekst).toBe("Eerder beginnen; twee tolken meenemen");
    const agendaTekst = await pdfText(path.join(uit, "agenda.pdf"));
    expect(agendaTekst).toContain("Agenda casustafel");
    expect(agendaTekst.replace(/\s+/g, " ")).toContain("Kerkstraat 12, 5504 AB Veldhoven"); // the address may wrap in its cell
    expect(agendaTekst).toContain("Hercontrole inschrijvingen");

    const human = ok(run(["casustafel", "agenda", cid])).stdout;
    expect(human).toContain("25 november 2026");
    expect(human).toContain("Verlopen bij Gemeente: 1");

    const b1 = ok(
      run([
        "--json",
        "casustafel",
        "besluit",
        cid,
        "--adres",
        String(s.kerkstraat),
        "--besluit",
        "controle",
        "--partners",
        "Enexis,Politie",
        "--toelichting",
        "Drie partners",
      ]),
    ).json();
    expect(b1).toMatchObject({ besluit: "controle", partners: ["Enexis", "Politie"], nieuw: true });
    ok(run(["casustafel", "besluit", cid, "--adres", String(s.markt), "--besluit", "controle"]));
    ok(run(["casustafel", "besluit", cid, "--adres", String(s.industrieweg), "--besluit", "mono", "--partners", "ISZW"]));
    ok(run(["casustafel", "besluit", cid, "--adres", String(s.dorpstraat), "--besluit", "meer-info"]));
    const opnieuw = ok(run(["--json", "casustafel", "besluit", cid, "--adres", String(s.dorpstraat), "--besluit", "controle"])).json();
    expect(opnieuw.nieuw).toBe(false);

    const avond = ok(
      run([
        "--json",
        "avond",
        "nieuw",
        "--casustafel",
        cid,
        "--datum",
        "2026-12-03",
        "--start",
        "19:30",
        "--doel",
        "Huisvesting arbeidsmigranten controleren",
        "--zonder-adres",
        String(s.dorpstraat),
      ]),
    ).json();
    expect(avond.adressen.map((a: any) => a.adres_id)).toEqual([s.kerkstraat, s.markt]);
    expect(avond.starttijd).toBe("19:30");
    const aid = String(avond.id);

    const niet = run(["--json", "avond", "controleer", aid]);
    expect(niet.code).toBe(2);
    const doc = niet.json();
    expect(doc.fout.code).toBe("niet-gereed");
    expect(doc.fout.details.join("\n")).toMatch(
      /geen-teamleider[\s\S]*geen-politie[\s\S]*geen-risico[\s\S]*geen-verzamelpunt[\s\S]*geen-codewoord[\s\S]*Enexis/,
    );

    gereedMaken(run, avond.id, [s.kerkstraat, s.markt]);
    const klaar = ok(run(["--json", "avond", "controleer", aid])).json();
    expect(klaar).toEqual({ avond_id: avond.id, gereed: true, ontbreekt: [], capaciteit: [] });
    expect(ok(run(["avond", "controleer", aid])).stdout).toContain("gereed");

    const pdf = path.join(uit, "draaiboek.pdf");
    expect(ok(run(["--json", "avond", "draaiboek", aid, "--pdf", pdf])).json()).toMatchObject({ avond_id: avond.id, gereed: true });
    const tekst = (await pdfText(pdf)).replace(/\s+/g, " ");
    for (const t of [
      "Huisvesting arbeidsmigranten controleren",
      "3 december 2026",
      "19:30",
      // Full addresses with postcode, the place once (teams navigate by them at night).
      "Kerkstraat 12 5504 AB Veldhoven",
      "Markt 3 5521 AJ Eersel",
      "NOODPLAN",
      "Parkeerplaats Kerkplein",
      "Regenboog",
      "Portofoons kanaal 3",
      "hesjes, portofoons, steekvesten",
      "HOOG: Honden en twee uitgangen",
      "Enexis (fraude)",
      "horeca",
    ])
      expect(tekst).toContain(t);
    for (const rol of [
      "teamleider",
      "Anja de Vries",
      "06-12345678",
      "beveiliging",
      "Agent Jansen",
      "Agent Bakker",
      "meteropname",
      "Piet Stroom",
      "+31 6 2222 3333",
      "gesprek",
      "Łukasz Wiśniewski",
    ]) {
      expect(tekst).toContain(rol);
    }
    // Signals appear as partners and themes only: no descriptions, no owners' names.
    expect(tekst).not.toContain("Jan Janssen");
    expect(tekst).not.toContain("Kempen Flex");
    expect(tekst.indexOf("NOODPLAN")).toBeLessThan(tekst.indexOf("Adressen in bezoekvolgorde"));

    const lijst = ok(run(["--json", "avond", "lijst"])).json();
    expect(lijst.map((a: any) => a.id)).toContain(avond.id);
    expect(ok(run(["avond", "toon", aid])).stdout).toContain("Regenboog");
    expect(ok(run(["--json", "casustafel", "lijst"])).json()[0]).toMatchObject({ id: ct.id, besluiten: 4 });
  });
});

describe("rangschikking op de agenda", () => {
  it("drie partners gaan boven drie signalen van één partner; bevindingen van dezelfde eigenaar elders tellen mee", async () => {
    const db = fresh();
    const ct = ok(
      await inproc(db, ["--json", "casustafel", "nieuw", "--datum", "2026-11-25", "--gemeenten", "Veldhoven,Bladel,Eersel"]),
    ).json();
    const k = ok(await inproc(db, ["--json", "casustafel", "agenda", String(ct.id)])).json().kandidaten;
    const pos = (id: number) => k.findIndex((x: any) => x.adres_id === id);
    expect(pos(s.kerkstraat)).toBeLessThan(pos(s.industrieweg));
    expect(k[pos(s.industrieweg)]).toMatchObject({ signalen: 3, partners: ["Nederlandse Arbeidsinspectie"] }); // signals added as ISZW
    // Markt's single signal is older than Dorpstraat's, yet its owner's findings in Helmond lift it.
    expect(pos(s.markt)).toBeLessThan(pos(s.dorpstraat));
    expect(k[pos(s.markt)].redenen).toContain("dezelfde eigenaar heeft 2 eerdere bevindingen op Hoofdstraat 1, 5701 AA Helmond");
  });
});

describe("avond controleer per ontbrekend onderdeel", () => {
  let db: string;
  let cid: string;
  beforeAll(async () => {
    db = fresh();
    cid = String(
      ok(await inproc(db, ["--json", "casustafel", "nieuw", "--datum", "2026-11-25", "--gemeenten", "Veldhoven,Eersel"])).json().id,
    );
    ok(await inproc(db, ["casustafel", "besluit", cid, "--adres", String(s.kerkstraat), "--besluit", "controle", "--partners", "Enexis"]));
    ok(await inproc(db, ["casustafel", "besluit", cid, "--adres", String(s.markt), "--besluit", "controle"]));
  });

  const cases: [Stap | undefined, string[]][] = [
    [undefined, []],
    ["teamleider", ["geen-teamleider"]],
    ["politie", ["geen-politie", "te-weinig-politie"]],
    ["tweede-agent", ["te-weinig-politie"]],
    ["risico", ["geen-risico"]],
    ["noodplan", ["geen-verzamelpunt", "geen-codewoord"]],
    ["enexis", ["partner-ontbreekt"]],
  ];
  it.each(cases)("zonder %s: %j", async (skip, codes) => {
    const avond = ok(
      await inproc(db, ["--json", "avond", "nieuw", "--casustafel", cid, "--datum", "2026-12-03", "--doel", "Controle"]),
    ).json();
    // gereedMaken is synchronous: collect its steps, then run them in-process in order.
    const queue: string[][] = [];
    gereedMaken(
      (args) => (queue.push(args), { code: 0, stdout: "", stderr: "", json: () => ({}) }),
      avond.id,
      [s.kerkstraat, s.markt],
      skip,
    );
    for (const args of queue) ok(await inproc(db, args));
    const r = await inproc(db, ["--json", "avond", "controleer", String(avond.id)]);
    if (codes.length === 0) {
      expect(r.code).toBe(0);
      expect(r.json().gereed).toBe(true);
      return;
    }
    expect(r.code).toBe(2);
    const details: string[] = r.json().fout.details;
    expect(details.map((d) => d.split(":")[0])).toEqual(codes);
    const human = await inproc(db, ["avond", "controleer", String(avond.id)]);
    expect(human.code).toBe(2);
    expect(human.stdout).toContain("nog niet gereed");
    expect(human.stderr.split("\n")[0]).toMatch(/^fout: Avond \d+ is nog niet gereed/);
  });
});

describe("ongeldige invoer: exit 2, één Nederlandse regel, database onveranderd", () => {
  let db: string;
  let cid: string;
  let aid: string;
  beforeAll(async () => {
    db = fresh();
    cid = String(
      ok(await inproc(db, ["--json", "casustafel", "nieuw", "--datum", "2026-11-25", "--gemeenten", "Veldhoven,Eersel"])).json().id,
    );
    ok(await inproc(db, ["casustafel", "besluit", cid, "--adres", String(s.kerkstraat), "--besluit", "controle"]));
    aid = String(
      ok(await inproc(db, ["--json", "avond", "nieuw", "--casustafel", cid, "--datum", "2026-12-03", "--doel", "Controle"])).json().id,
    );
    ok(await inproc(db, ["avond", "rol", aid, "--rol", "teamleider", "--naam", "Anja", "--partner", "Gemeente"]));
  });

  it.each([
    [["casustafel", "nieuw", "--datum", "31-02-2026", "--gemeenten", "Best"], /datum/],
    [["casustafel", "nieuw", "--datum", "2026-11-25", "--gemeenten", "Atlantis"], /Atlantis/],
    [["casustafel", "nieuw", "--datum", "2026-11-25"], /--gemeenten/],
    [["casustafel", "agenda", "99"], /Casustafel 99 bestaat niet/],
    [["casustafel", "besluit", "CID", "--adres", "ADRES_BLADEL", "--besluit", "controle"], /Bladel/],
    [["casustafel", "besluit", "CID", "--adres", "ADRES_KERK", "--besluit", "misschien"], /besluit/],
    [["casustafel", "besluit", "CID", "--adres", "ADRES_KERK", "--besluit", "controle", "--partners", "Marechaussee"], /Marechaussee/],
    [["casustafel", "besluit", "CID", "--adres", "ADRES_KERK", "--besluit", "mono"], /mono/],
    [["avond", "nieuw", "--casustafel", "CID", "--datum", "2026-11-01", "--doel", "x"], /vóór de casustafel/],
    [["avond", "nieuw", "--casustafel", "CID", "--datum", "2026-12-03", "--doel", "x", "--zonder-adres", "ADRES_KERK"], /geen adressen/],
    [["avond", "nieuw", "--casustafel", "CID", "--datum", "2026-12-03", "--doel", "x", "--start", "25:00"], /start/],
    [["avond", "nieuw", "--casustafel", "CID", "--datum", "2026-12-03"], /--doel/],
    [["avond", "rol", "AID", "--rol", "teamleider", "--naam", "Bert", "--partner", "Gemeente"], /al een teamleider/],
    [["avond", "rol", "AID", "--rol", "gesprek", "--naam", "Bert", "--partner", "Gemeente", "--telefoon", "bel maar"], /telefoon/],
    [["avond", "rol", "AID", "--rol", "gesprek", "--naam", "Bert"], /--partner/],
    [["avond", "risico", "AID", "--adres", "ADRES_BLADEL", "--niveau", "laag"], /staat niet op avond/],
    [["avond", "risico", "AID", "--adres", "ADRES_KERK", "--niveau", "extreem"], /niveau/],
    [["avond", "noodplan", "AID", "--verzamelpunt", " ", "--codewoord", "X"], /verzamelpunt/],
    [["avond", "draaiboek", "77", "--pdf", "x.pdf"], /Avond 77 bestaat niet/],
  ] as [string[], RegExp][])("%j", async (args, message) => {
    const before = dump(db);
    const filled = args.map((a) =>
      a === "CID" ? cid : a === "AID" ? aid : a === "ADRES_KERK" ? String(s.kerkstraat) : a === "ADRES_BLADEL" ? String(s.industrieweg) : a,
    );
    const r = await inproc(db, filled);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(dump(db)).toBe(before);
    const j = await inproc(db, ["--json", ...filled]);
    expect(j.code).toBe(2);
    expect(j.json().fout.bericht).toBeTruthy();
  });
});

describe("begeleide flow met gescripte antwoorden", () => {
  it("casustafel nieuw zonder opties: gemeenten, adressen aanvinken, besluiten, avond met rollen, risico's en noodplan, dan de gereedheid", async () => {
    const db = fresh();
    const answers = [
      "31-02-2026", // no such date: asked again
      "2026-11-25",
      [], // no gemeente ticked: asked again
      ["Veldhoven", "Bladel", "Eersel"],
      [s.kerkstraat, s.industrieweg], // tick from the ranked list
      "", // Enter without choosing a decision: asked again
      "controle",
      ["Gemeente", "Politie", "Enexis"],
      "Drie partners",
      "mono",
      "Nederlandse Arbeidsinspectie", // mono: one partner, chosen from a list (ISZW until 2022; the alias works in flags)
      "",
      "Opslaan",
      true, // plan the evening now
      "2026-11-20", // before the casustafel: asked again
      "2026-12-03",
      "",
      "", // an empty goal: asked again
      "Huisvesting controleren",
      [s.kerkstraat],
      "teamleider",
      "Anja de Vries",
      "Gemeente",
      "abc", // not a phone number: asked again
      "06-12345678",
      "beveiliging",
      "Agent Jansen",
      "Politie",
      "",
      "klaar met rollen",
      "", // Enter on the risk: no silent "laag", asked again
      "hoog",
      "Honden",
      "", // an empty verzamelpunt: asked again
      "Kerkplein",
      "Regenboog",
      "",
      ["hesjes", "portofoons"],
      "Opslaan",
    ];
    const r = ok(await cliInProcess(db, ["casustafel", "nieuw", ...VANDAAG], { answers }));
    for (const fout of [
      '"31-02-2026" bestaat niet als datum',
      "Kies minstens één gemeente",
      "Kies eerst een antwoord",
      "ligt vóór de casustafel",
      "doel: mag niet leeg zijn",
      '"abc" is geen telefoonnummer',
      "verzamelpunt: mag niet leeg zijn",
    ])
      expect(r.stderr).toContain(fout);
    expect(r.stdout).toContain("Nieuwe casustafel (nog niet opgeslagen)");
    expect(r.stdout).toContain("Nieuwe avond (nog niet opgeslagen)");
    expect(r.stdout).toContain("Casustafel");
    expect(r.stdout).toMatch(/Avond \d+ op 3 december 2026 om 19:00/);
    expect(r.stdout).toContain("nog niet gereed");
    expect(r.stdout).toContain("minstens 2 politiemensen");
    expect(r.stdout).toContain("Enexis is gevraagd");

    const ct = ok(await inproc(db, ["--json", "casustafel", "lijst"])).json()[0];
    expect(ct).toMatchObject({ datum: "2026-11-25", gemeenten: ["Bladel", "Eersel", "Veldhoven"], besluiten: 2 });
    const avond = ok(await inproc(db, ["--json", "avond", "lijst"]))
      .json()
      .find((a: any) => a.casustafel_id === ct.id);
    const toon = ok(await inproc(db, ["--json", "avond", "toon", String(avond.id)])).json();
    expect(toon).toMatchObject({
      doel: "Huisvesting controleren",
      starttijd: "19:00",
      noodplan: { verzamelpunt: "Kerkplein", codewoord: "Regenboog", communicatie: "portofoons", uitrusting: ["hesjes", "portofoons"] },
    });
    expect(toon.adressen).toEqual([expect.objectContaining({ adres_id: s.kerkstraat, risico: "hoog", risico_toelichting: "Honden" })]);
    expect(toon.rollen.map((x: any) => [x.rol, x.naam, x.partner, x.telefoon])).toEqual([
      ["teamleider", "Anja de Vries", "Gemeente", "06-12345678"],
      ["beveiliging", "Agent Jansen", "Politie", null],
    ]);
    expect(toon.gereedheid.ontbreekt.map((o: any) => o.code)).toEqual(["te-weinig-politie", "partner-ontbreekt"]);

    // A second guided evening: people used before are offered by name.
    const tweede = [
      ct.id,
      "2026-12-10",
      "20:00",
      "Hercontrole",
      [s.kerkstraat],
      "teamleider",
      "Anja de Vries (Gemeente)",
      "",
      "beveiliging",
      "Agent Jansen (Politie)",
      "",
      "beveiliging",
      "iemand anders…",
      "Agent Bakker",
      "Politie",
      "",
      "eigen rol…",
      "Meteropname",
      "iemand anders…",
      "Piet Stroom",
      "Enexis",
      "",
      "klaar met rollen",
      "hoog",
      "",
      "Kerkplein",
      "Regenboog",
      "portofoons",
      ["hesjes"],
      "Opslaan",
    ];
    const r2 = ok(await cliInProcess(db, ["--json", "avond", "nieuw", ...VANDAAG], { answers: tweede }));
    const doc = r2.json();
    expect(doc.gereedheid).toEqual({ gereed: true, ontbreekt: [] });
    expect(doc.rollen.find((x: any) => x.naam === "Anja de Vries").telefoon).toBe("06-12345678");
    expect(doc.rollen.map((x: any) => x.rol)).toContain("meteropname");
  });

  it("zonder terminal en zonder opties: exit 2 met de ontbrekende optie", async () => {
    const db = fresh();
    const r = cli(db, ["casustafel", "nieuw"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--datum");
    const a = cli(db, ["avond", "nieuw"]);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain("--casustafel");
  });

  it("afbreken halverwege verandert niets", async () => {
    const db = fresh();
    const before = dump(db);
    const r = await cliInProcess(db, ["casustafel", "nieuw", ...VANDAAG], {
      answers: ["2026-11-25", ["Veldhoven"], [s.kerkstraat], "controle"],
    });
    expect(r.code).not.toBe(0);
    expect(dump(db)).toBe(before);
  });
});

describe("demo", () => {
  it("bevat het hoofdstuk casustafel en schrijft een gereed draaiboek", async () => {
    // The first run is the run's demo seed (test/helpers/seed.ts); this is a copy of its folder.
    const { uit, stappen } = demoUitvoer();
    expect(stappen).toBeGreaterThan(40);
    // A second run in the same folder replaces its own database, letters and reports.
    const opnieuw = ok(cli(tempDb(), ["--json", "demo", "--uit", uit])).json();
    expect(opnieuw.stappen).toBe(stappen);
    const tekst = (await pdfText(path.join(uit, "draaiboek-avond-1.pdf"))).replace(/\s+/g, " ");
    expect(tekst).toContain("Regenboog");
    expect(tekst).toContain("Kerkstraat 12 5504 AB Veldhoven");
    expect(tekst).not.toMatch(/Veldhoven Veldhoven/);
    expect(fs.existsSync(path.join(uit, "agenda-casustafel.pdf"))).toBe(true);
  });
});
