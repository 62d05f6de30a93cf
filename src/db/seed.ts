import fs from "node:fs";
import path from "node:path";
import { shipped } from "../paths.js";
import type { Tx } from "./audit.js";
import { sleutel } from "../domain/invoer.js";
import { findCategorie, findPartner, insertCategorie, setSetting, upsertGemeente, upsertPartner, type FollowUpRule } from "./referentie.js";

const DATA = shipped("data");

interface TeamFile {
  code: string;
  naam: string;
  gemeenten: string[];
}
interface CategorieFile {
  code: string;
  naam: string;
  partner: string;
  thema: string;
  grondslag: string;
  opvolging: FollowUpRule[];
}

function readData<T>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(DATA, name), "utf8")) as T;
}

export function knownTeams(): TeamFile[] {
  return readData<TeamFile[]>("teams.json");
}

export interface SeedResult {
  team: string | null;
  gemeenten: number;
  partners: number;
  categorieen: number;
}

/**
 * Loads the reference data from data/ (idempotent: what exists is kept, what is
 * missing is added) and the team's own gemeenten.
 */
export function seedReferenceData(tx: Tx, opts: { team?: string; gemeenten?: string[] }): SeedResult {
  const result: SeedResult = { team: null, gemeenten: 0, partners: 0, categorieen: 0 };
  for (const p of readData<{ naam: string; soort: "convenant" | "facultatief" }[]>("partners.json")) {
    if (upsertPartner(tx, p.naam, p.soort).nieuw) result.partners++;
  }
  const teams = knownTeams();
  for (const t of teams) for (const g of t.gemeenten) if (upsertGemeente(tx, g, t.code).nieuw) result.gemeenten++;
  if (opts.team) {
    const known = teams.find((t) => sleutel(t.code) === sleutel(opts.team!) || sleutel(t.naam) === sleutel(opts.team!));
    result.team = known ? `${known.naam} (${known.code})` : opts.team;
    setSetting(tx, "team", result.team);
  }
  for (const g of opts.gemeenten ?? []) if (upsertGemeente(tx, g, opts.team ?? null).nieuw) result.gemeenten++;
  for (const c of readData<CategorieFile[]>("categorieen.json")) {
    if (findCategorie(tx.db, c.code)) continue;
    const owner = findPartner(tx.db, c.partner)!;
    insertCategorie(
      tx,
      { code: c.code, naam: c.naam, partnerId: owner.id, thema: c.thema, grondslag: c.grondslag },
      c.opvolging.map((r) => ({ actie: r.actie, partnerId: findPartner(tx.db, r.partner)!.id, termijn: r.termijn, eenheid: r.eenheid })),
    );
    result.categorieen++;
  }
  return result;
}
