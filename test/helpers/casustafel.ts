/**
 * A small Kempen scenario for the casustafel/avond tests, built through the CLI
 * where the command exists and with fixtures for earlier evenings and findings.
 */
import { addAdres, cli, ok, type CliResult, TESTADRESSEN } from "./cli.js";
import { insertAvond, insertBevinding, insertOpvolging } from "./fixtures.js";
import { exec } from "./rijen.js";
import { seeded } from "./seed.js";

export interface Scenario {
  kerkstraat: number; // Veldhoven: signals from 3 partners
  industrieweg: number; // Bladel: 3 signals from ISZW only, recent
  markt: number; // Eersel: 1 signal; owner had findings at an address in Helmond
  dorpstraat: number; // Bladel: 1 signal, more recent than Markt, no history
  hoofdstraat: number; // Helmond (outside the casustafel): earlier findings
  eerdereAvond: number;
}

/** A private copy of the scenario, built once per test run on a KIT database. */
export function scenario(): Scenario & { db: string } {
  return seeded("kempen-casustafel", (db) => {
    ok(cli(db, ["init", "--team", "KIT"]));
    return bouw(db);
  });
}

function bouw(db: string): Scenario {
  const kerkstraat = addAdres(db, TESTADRESSEN.kerkstraat);
  const industrieweg = addAdres(db, TESTADRESSEN.industrieweg);
  const markt = addAdres(db, TESTADRESSEN.markt);
  const dorpstraat = addAdres(db, TESTADRESSEN.dorpstraat);
  const hoofdstraat = addAdres(db, {
    postcode: "5701AA",
    huisnummer: "1",
    straat: "Hoofdstraat",
    plaats: "Helmond",
    gemeente: "Helmond",
    type: "woning",
  });
  const signaal = (
    adres: number,
    partner: string,
    datum: string,
    thema: string,
    omschrijving = "Buren melden Jan Janssen en veel bewoners",
  ) =>
    ok(
      cli(db, [
        "signaal",
        "toevoegen",
        "--adres",
        String(adres),
        "--partner",
        partner,
        "--datum",
        datum,
        "--thema",
        thema,
        "--omschrijving",
        omschrijving,
      ]),
    );
  signaal(kerkstraat, "Gemeente", "2026-09-02", "huisvesting");
  signaal(kerkstraat, "Politie", "2026-09-20", "huisvesting");
  signaal(kerkstraat, "Enexis", "2026-10-05", "fraude");
  signaal(industrieweg, "ISZW", "2026-11-01", "arbeid");
  signaal(industrieweg, "ISZW", "2026-11-08", "arbeid");
  signaal(industrieweg, "ISZW", "2026-11-15", "arbeid");
  signaal(markt, "Gemeente", "2026-11-10", "huisvesting");
  signaal(dorpstraat, "Gemeente", "2026-11-12", "huisvesting");
  const eigenaar = ok(
    cli(db, [
      "--json",
      "betrokkene",
      "toevoegen",
      "--naam",
      "Kempen Flex B.V.",
      "--rol",
      "eigenaar",
      "--adres",
      String(markt),
      "--kvk",
      "17012345",
    ]),
  ).json().id;
  ok(cli(db, ["betrokkene", "koppel", String(eigenaar), "--adres", String(hoofdstraat), "--rol", "eigenaar"]));
  const eerdereAvond = insertAvond(db, { datum: "2026-06-04", doel: "Eerdere controle", adressen: [kerkstraat, hoofdstraat] });
  insertBevinding(db, { avond: eerdereAvond, adres: hoofdstraat, categorie: "overbewoning" });
  insertBevinding(db, { avond: eerdereAvond, adres: hoofdstraat, categorie: "brandveiligheid" });
  const bev = insertBevinding(db, { avond: eerdereAvond, adres: kerkstraat, categorie: "adresfraude" });
  insertOpvolging(db, { bevinding: bev, actie: "Hercontrole inschrijvingen", partner: "Gemeente", deadline: "2026-09-01" });
  exec(db, "UPDATE avond SET leerpunten = ? WHERE id = ?", "Eerder beginnen; twee tolken meenemen", eerdereAvond);
  return { kerkstraat, industrieweg, markt, dorpstraat, hoofdstraat, eerdereAvond };
}

/** The steps that make an evening ready; `skip` leaves one out (for the readiness check). */
export type Stap = "teamleider" | "politie" | "tweede-agent" | "risico" | "noodplan" | "enexis";

export function gereedMaken(run: (args: string[]) => CliResult, avond: number, adressen: number[], skip?: Stap): void {
  const id = String(avond);
  const must = (args: string[]) => {
    const r = run(args);
    if (r.code !== 0) throw new Error(`${args.join(" ")}: exit ${r.code}\n${r.stderr}`);
  };
  if (skip !== "teamleider")
    must(["avond", "rol", id, "--rol", "teamleider", "--naam", "Anja de Vries", "--partner", "Gemeente", "--telefoon", "06-12345678"]);
  if (skip !== "politie")
    must(["avond", "rol", id, "--rol", "beveiliging", "--naam", "Agent Jansen", "--partner", "Politie", "--telefoon", "06-11111111"]);
  if (skip !== "politie" && skip !== "tweede-agent")
    must(["avond", "rol", id, "--rol", "beveiliging", "--naam", "Agent Bakker", "--partner", "Politie"]);
  if (skip !== "enexis")
    must(["avond", "rol", id, "--rol", "meteropname", "--naam", "Piet Stroom", "--partner", "Enexis", "--telefoon", "+31 6 2222 3333"]);
  must(["avond", "rol", id, "--rol", "gesprek", "--naam", "Łukasz Wiśniewski", "--partner", "Gemeente"]);
  adressen.forEach((adres, i) => {
    if (skip === "risico" && i === adressen.length - 1) return;
    must([
      "avond",
      "risico",
      id,
      "--adres",
      String(adres),
      "--niveau",
      i === 0 ? "hoog" : "laag",
      "--toelichting",
      i === 0 ? "Honden en twee uitgangen" : "Rustig",
    ]);
  });
  if (skip !== "noodplan") {
    must([
      "avond",
      "noodplan",
      id,
      "--verzamelpunt",
      "Parkeerplaats Kerkplein",
      "--codewoord",
      "Regenboog",
      "--communicatie",
      "Portofoons kanaal 3",
      "--uitrusting",
      "hesjes,portofoons,steekvesten",
    ]);
  }
}
