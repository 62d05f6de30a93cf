/**
 * Direct-SQL fixtures for the cycle tables, for states the CLI cannot reach quickly (an evening in
 * the past, findings at an address outside the casustafel). Prefer the CLI where the command
 * exists. Store-neutral (test/helpers/rijen.ts): the same fixture on SQLite and PostgreSQL.
 */
import { exec, insert, rij } from "./rijen.js";

const NOW = "2026-11-01T10:00:00.000Z";

/** The id of a row by its name (NOCASE columns on both stores) (partners also by alias: ISZW is the Arbeidsinspectie). */
function id(db: string, table: "gemeente" | "partner", value: string): number {
  const alias = table === "partner" ? " OR id = (SELECT partner_id FROM partner_alias WHERE alias = ?)" : "";
  const row = rij<{ id: number }>(db, `SELECT id FROM ${table} WHERE naam = ?${alias}`, ...(alias ? [value, value] : [value]));
  if (!row) throw new Error(`fixture: ${table} ${value} bestaat niet`);
  return row.id;
}

export function insertAvond(db: string, a: { datum: string; doel?: string; casustafel?: number; adressen?: number[] }): number {
  const aid = insert(
    db,
    "INSERT INTO avond (casustafel_id, datum, starttijd, doel, aangemaakt) VALUES (?, ?, '19:00', ?, ?) RETURNING id",
    a.casustafel ?? null,
    a.datum,
    a.doel ?? "Controle huisvesting arbeidsmigranten",
    NOW,
  );
  (a.adressen ?? []).forEach((adres, i) =>
    exec(db, "INSERT INTO avond_adres (avond_id, adres_id, volgorde) VALUES (?, ?, ?)", aid, adres, i + 1),
  );
  return aid;
}

export function insertBevinding(
  db: string,
  b: { avond: number; adres: number; categorie: string; omschrijving?: string; partner?: string; maatregel?: string; personen?: number },
): number {
  const cat = rij<{ id: number; partner_id: number }>(db, "SELECT id, partner_id FROM categorie WHERE code = ?", b.categorie);
  if (!cat) throw new Error(`fixture: categorie ${b.categorie} bestaat niet`);
  return insert(
    db,
    "INSERT INTO bevinding (avond_id, adres_id, categorie_id, partner_id, omschrijving, maatregel, personen, aangemaakt) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    b.avond,
    b.adres,
    cat.id,
    b.partner ? id(db, "partner", b.partner) : cat.partner_id,
    b.omschrijving ?? "Bevinding",
    b.maatregel ?? null,
    b.personen ?? null,
    NOW,
  );
}

export function insertOpvolging(
  db: string,
  o: { bevinding: number; actie: string; partner?: string; deadline: string; status?: string; resultaat?: string },
): number {
  return insert(
    db,
    "INSERT INTO opvolging (bevinding_id, actie, partner_id, deadline, status, resultaat, aangemaakt, gewijzigd) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    o.bevinding,
    o.actie,
    id(db, "partner", o.partner ?? "Gemeente"),
    o.deadline,
    o.status ?? "open",
    o.resultaat ?? null,
    NOW,
    NOW,
  );
}
