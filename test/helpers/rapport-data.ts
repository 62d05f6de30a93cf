/**
 * A small team year with KNOWN answers for the report tests. The numbers below are
 * worked out by hand (see the comments), not computed by the code under test.
 *
 * Addresses: A1, A2 woning Veldhoven · A3 loods Bladel · A4 horeca Eersel ·
 * A5 chalet Eersel · A6 woning Best (visited, nothing found).
 * Evenings: E0 2026-02-28 (day before the March period) · E1 2026-03-01 · E2 2026-03-15 ·
 * E3 2026-03-31 · E4 2026-04-01 (day after) · E5 2025-12-10 (other year).
 * March 2026 (E1..E3): 28 findings in 12 categories:
 *   overbewoning 5 · adresfraude 4 · brandveiligheid 4 · energiefraude 3 · strijdig-gebruik 3 ·
 *   asbest 2 · wav 2 · hennep 1 · milieu 1 · arbeidstijdenwet 1 · waadi 1 · wml 1.
 * Outside March: hennep on E0 (A1) and E4 (A2); 2 × wml on E5 (A4, 2025).
 */
import { addAdres, cli, ok, TESTADRESSEN } from "./cli.js";
import { seeded } from "./seed.js";
import { insertAvond, insertBevinding, insertOpvolging } from "./fixtures.js";

export const VANDAAG = "2026-06-01";

export interface RapportData {
  db: string;
  adres: Record<"A1" | "A2" | "A3" | "A4" | "A5" | "A6", number>;
}

/** A private copy of the team year, built once per test run. */
export function seedRapportData(): RapportData {
  return seeded("rapport-jaar", (db) => {
    ok(cli(db, ["init", "--team", "KIT"]));
    return { adres: bouw(db) };
  });
}

function bouw(db: string): RapportData["adres"] {
  const adres = {
    A1: addAdres(db, { postcode: "5504AB", huisnummer: "1", gemeente: "Veldhoven", plaats: "Veldhoven", type: "woning" }),
    A2: addAdres(db, { postcode: "5504AB", huisnummer: "2", gemeente: "Veldhoven", plaats: "Veldhoven", type: "woning" }),
    A3: addAdres(db, TESTADRESSEN.industrieweg),
    A4: addAdres(db, TESTADRESSEN.markt),
    A5: addAdres(db, {
      postcode: "5524RS",
      huisnummer: "41",
      straat: "Recreatiepark",
      gemeente: "Eersel",
      plaats: "Steensel",
      type: "chalet",
    }),
    A6: addAdres(db, { postcode: "5684PD", huisnummer: "88", straat: "Boslaan", gemeente: "Best", plaats: "Best", type: "woning" }),
  };
  const { A1, A2, A3, A4, A5, A6 } = adres;
  const E0 = insertAvond(db, { datum: "2026-02-28", adressen: [A1] });
  const E1 = insertAvond(db, { datum: "2026-03-01", adressen: [A1, A2, A3] });
  const E2 = insertAvond(db, { datum: "2026-03-15", adressen: [A3, A4, A6] });
  const E3 = insertAvond(db, { datum: "2026-03-31", adressen: [A5, A1] });
  const E4 = insertAvond(db, { datum: "2026-04-01", adressen: [A2] });
  const E5 = insertAvond(db, { datum: "2025-12-10", adressen: [A4] });

  const b = (avond: number, adresId: number, categorie: string, extra: { partner?: string; maatregel?: string; personen?: number } = {}) =>
    insertBevinding(db, { avond, adres: adresId, categorie, ...extra });
  const times = (k: number, f: () => number) => Array.from({ length: k }, f);

  // Outside the March period.
  b(E0, A1, "hennep");
  const f6 = b(E4, A2, "hennep");
  times(2, () => b(E5, A4, "wml"));

  // E1 2026-03-01 (= van): A1 4, A2 2, A3 4 → 10.
  const f2 = b(E1, A1, "overbewoning", { personen: 12 });
  b(E1, A1, "overbewoning");
  const f1 = b(E1, A1, "adresfraude");
  b(E1, A1, "adresfraude");
  b(E1, A2, "overbewoning", { personen: 6 });
  b(E1, A2, "brandveiligheid");
  const f3 = b(E1, A3, "wav");
  b(E1, A3, "wav");
  b(E1, A3, "arbeidstijdenwet");
  b(E1, A3, "wml");

  // E2 2026-03-15: A3 3, A4 4 → 7. One brandveiligheid finding is owned by ISZW, not the Veiligheidsregio.
  b(E2, A3, "brandveiligheid", { maatregel: "pand gesloten" });
  b(E2, A3, "brandveiligheid", { partner: "ISZW" });
  b(E2, A3, "energiefraude");
  b(E2, A4, "strijdig-gebruik");
  const f4 = b(E2, A4, "asbest");
  b(E2, A4, "asbest");
  b(E2, A4, "milieu");

  // E3 2026-03-31 (= tot): A5 4, A1 7 → 11.
  b(E3, A5, "strijdig-gebruik", { personen: 4 });
  b(E3, A5, "strijdig-gebruik");
  b(E3, A5, "waadi");
  const f5 = b(E3, A5, "hennep", { maatregel: "Pand gesloten" });
  times(2, () => b(E3, A1, "overbewoning"));
  times(2, () => b(E3, A1, "adresfraude"));
  b(E3, A1, "brandveiligheid");
  b(E3, A1, "energiefraude", { maatregel: "Stroom afgesloten" });
  b(E3, A1, "energiefraude");

  // Follow-up, judged on VANDAAG = 2026-06-01.
  const o = (bevinding: number, partner: string, status: string, deadline: string) =>
    insertOpvolging(db, { bevinding, actie: "actie", partner, status, deadline });
  o(f1, "Gemeente", "afgerond", "2026-04-01"); // f1 closed
  o(f1, "Belastingdienst", "afgerond", "2026-04-15");
  o(f2, "Gemeente", "open", "2026-05-01"); // overdue
  o(f3, "ISZW", "doodgelopen", "2026-04-01"); // f3 closed
  o(f4, "Omgevingsdienst", "in-behandeling", "2026-07-01"); // not overdue
  o(f4, "Gemeente", "afgerond", "2026-04-01");
  o(f5, "Politie", "afgerond", "2026-04-30");
  o(f5, "Gemeente", "open", "2026-05-31"); // overdue (before 1 June)
  o(f6, "Politie", "open", "2026-06-01"); // due today: not overdue
  return adres;
}
