import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PDFParse } from "pdf-parse";
import { cliInProcess, ok, tempDb, TESTADRESSEN } from "./cli.js";
import { rij } from "./rijen.js";
import { seededAsync } from "./seed.js";

/**
 * An evening (Thursday 5 November 2026) with findings on every kind of handhavingsladder, made
 * through the CLI: Omgevingswet (overbewoning: voornemen first), a lighter case (brandveiligheid,
 * alcoholwet: waarschuwing first), 13b Opiumwet (hennep: bestuurlijke rapportage first, burgemeester),
 * an acute one (brandgevaar: bestuursdwang) and a partner's own law (Wav: no gemeente letter).
 */
export interface LadderScenario {
  db: string;
  avond: number;
  adres: { kerkstraat: number; industrieweg: number; heuvel: number; markt: number; dorpstraat: number };
  betrokkene: { lukasz: number; flex: number; popescu: number; woonstichting: number; cafe: number };
  bevinding: Record<"overbewoning" | "brandveiligheid" | "hennep" | "wav" | "brandgevaar" | "alcoholwet" | "afval", number>;
  /** The first open follow-up of a finding with this action or step. */
  opvolging(bevinding: number, stapOfActie: string): number;
  zaak(bevinding: number): number;
  /**
   * Completes the findings at an address (author number, method, time) and signs its rapport van
   * bevindingen, as the handhaver does the morning after: a besluit rests on it.
   */
  onderteken(adres: number, bevindingen: number[]): Promise<void>;
  /** Registers toezichthouder TH-4711 (once) in this database or a copy of it. */
  toezichthouder(db?: string): Promise<void>;
}

/** `opvolging bijwerken <her> --beeindigd nee [--datum d]` with the observation it must record. */
export function hercontroleNee(her: number, datum?: string): string[] {
  return ["opvolging", "bijwerken", String(her), "--beeindigd", "nee", ...(datum ? ["--datum", datum] : []), ...HERCONTROLE_WAARNEMING];
}

/** What a failed hercontrole must record (time, number, method, observation): the flags of `opvolging bijwerken`. */
export const HERCONTROLE_WAARNEMING = [
  "--tijdstip",
  "10:15",
  "--toezichthouder",
  "TH-4711",
  "--methode",
  "visuele waarneming in de woning met toestemming van de bewoners",
  "--waarneming",
  "Nog twaalf bewoners aangetroffen; op de zolder vijf matrassen",
];

export const AVOND = "2026-11-05";

async function id(db: string, args: string[]): Promise<number> {
  return ok(await cliInProcess(db, ["--json", ...args])).json().id;
}

/** The data of a ladder scenario: what the builder made (JSON, so it can be seeded). */
type LadderData = Pick<LadderScenario, "db" | "avond" | "adres" | "betrokkene" | "bevinding">;

/**
 * A private copy of the scenario, built once per test run; `vers` builds a new one (for checks
 * that two databases made from the same input give the same letters).
 */
export async function ladderScenario(opts: { vers?: boolean } = {}): Promise<LadderScenario> {
  return scenario(opts.vers ? await bouwLadder(tempDb()) : await seededAsync("ladder", bouwLadder));
}

async function bouwLadder(db: string): Promise<LadderData> {
  ok(await cliInProcess(db, ["init", "--team", "KIT"]));
  const adres = async (a: Record<string, string>) =>
    id(db, ["adres", "toevoegen", ...Object.entries(a).flatMap(([k, v]) => [`--${k}`, v])]);
  const kerkstraat = await adres(TESTADRESSEN.kerkstraat);
  const industrieweg = await adres(TESTADRESSEN.industrieweg);
  const heuvel = await adres({
    postcode: "5504CD",
    huisnummer: "3",
    straat: "De Heuvel",
    plaats: "Veldhoven",
    gemeente: "Veldhoven",
    type: "woning",
  });
  const markt = await adres(TESTADRESSEN.markt);
  const dorpstraat = await adres(TESTADRESSEN.dorpstraat);
  const betrokkene = (naam: string, rol: string, adresId: number, extra: string[] = []) =>
    id(db, ["betrokkene", "toevoegen", "--naam", naam, "--rol", rol, "--adres", String(adresId), ...extra]);
  const lukasz = await betrokkene("Łukasz Wiśniewski", "eigenaar", kerkstraat, ["--postadres", "ul. Długa 14, 80-831 Gdańsk, POLEN"]);
  const flex = await betrokkene("Kempen Flex Huisvesting B.V.", "verhuurder", kerkstraat, [
    "--kvk",
    "17012345",
    "--postadres",
    "Postbus 120, 5500 AC Veldhoven",
  ]);
  ok(await cliInProcess(db, ["betrokkene", "koppel", String(flex), "--adres", String(industrieweg), "--rol", "eigenaar"]));
  const popescu = await betrokkene("Marius Popescu", "bewoner", heuvel);
  const woonstichting = await betrokkene("Woonstichting De Kempen", "eigenaar", heuvel, ["--postadres", "Postbus 8, 5500 AA Veldhoven"]);
  const cafe = await betrokkene("Café De Markt V.O.F.", "exploitant", markt);
  ok(await cliInProcess(db, ["casustafel", "nieuw", "--datum", "2026-10-29", "--gemeenten", "Veldhoven,Bladel,Eersel"]));
  const avond = await id(db, [
    "avond",
    "nieuw",
    "--casustafel",
    "1",
    "--datum",
    AVOND,
    "--doel",
    "Controle huisvesting arbeidsmigranten",
    ...[kerkstraat, industrieweg, heuvel, markt, dorpstraat].flatMap((a) => ["--extra-adres", String(a)]),
  ]);
  const bevinding = (adresId: number, categorie: string, omschrijving: string, extra: string[] = []) =>
    id(db, [
      "bevinding",
      "toevoegen",
      "--avond",
      String(avond),
      "--adres",
      String(adresId),
      "--categorie",
      categorie,
      "--omschrijving",
      omschrijving,
      ...extra,
    ]);
  const b = {
    overbewoning: await bevinding(kerkstraat, "overbewoning", "14 personen op 4 slaapkamers, matrassen op zolder", ["--personen", "14"]),
    brandveiligheid: await bevinding(kerkstraat, "brandveiligheid", "Geen werkende rookmelders"),
    hennep: await bevinding(heuvel, "hennep", "Hennepkwekerij met 420 planten op zolder"),
    wav: await bevinding(industrieweg, "wav", "Zes werknemers zonder tewerkstellingsvergunning", ["--partner", "ISZW", "--personen", "6"]),
    brandgevaar: await bevinding(industrieweg, "brandgevaar", "Logies in loods zonder vluchtweg en rookmelders", ["--personen", "9"]),
    alcoholwet: await bevinding(markt, "alcoholwet", "Sterke drank geschonken zonder alcoholvergunning"),
    afval: await bevinding(dorpstraat, "afval", "Bouwafval en banden op het erf"),
  };
  return {
    db,
    avond,
    adres: { kerkstraat, industrieweg, heuvel, markt, dorpstraat },
    betrokkene: { lukasz, flex, popescu, woonstichting, cafe },
    bevinding: b,
  };
}

function scenario(data: LadderData): LadderScenario {
  const { db, avond } = data;
  const sql = (q: string, ...a: unknown[]) => rij<{ id: number }>(db, q, ...a);
  return {
    ...data,
    opvolging(bevindingId, stapOfActie) {
      const r = sql(
        "SELECT id FROM opvolging WHERE bevinding_id = ? AND (stap = ? OR actie = ?) AND status IN ('open','in-behandeling') ORDER BY id LIMIT 1",
        bevindingId,
        stapOfActie,
        stapOfActie,
      );
      if (!r) throw new Error(`geen open opvolging ${stapOfActie} bij bevinding ${bevindingId}`);
      return r.id;
    },
    zaak(bevindingId) {
      return sql("SELECT id FROM handhaving WHERE bevinding_id = ?", bevindingId)!.id;
    },
    async toezichthouder(doel = db) {
      const th = await cliInProcess(doel, ["toezichthouder", "lijst", "--json"]);
      if (
        !ok(th)
          .json()
          .some((t: { nummer: string }) => t.nummer === "TH-4711")
      ) {
        ok(
          await cliInProcess(doel, [
            "toezichthouder",
            "toevoegen",
            "--nummer",
            "TH-4711",
            "--functie",
            "toezichthouder Wonen",
            "--organisatie",
            "Veldhoven",
            "--beediging",
            "ambtseed",
          ]),
        );
      }
    },
    async onderteken(adresId, bevindingen) {
      await this.toezichthouder();
      for (const b of bevindingen) {
        ok(
          await cliInProcess(db, [
            "bevinding",
            "wijzig",
            String(b),
            "--toezichthouder",
            "TH-4711",
            "--methode",
            "visuele waarneming en gesprek met bewoners",
            "--tijdstip",
            "19:40",
          ]),
        );
      }
      const pdf = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "rvb-")), "rapport.pdf");
      ok(
        await cliInProcess(db, [
          "--vandaag",
          "2026-11-06",
          "rapport",
          "bevindingen",
          "--avond",
          String(avond),
          "--adres",
          String(adresId),
          "--pdf",
          pdf,
          "--onderteken",
        ]),
      );
      fs.rmSync(path.dirname(pdf), { recursive: true, force: true });
    },
  };
}

/** The text of a PDF with whitespace flattened: line breaks inside paragraphs do not matter for the checks. */
export async function pdfTekst(file: string): Promise<string> {
  const parser = new PDFParse({ data: fs.readFileSync(file) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, " ");
  } finally {
    await parser.destroy();
  }
}
