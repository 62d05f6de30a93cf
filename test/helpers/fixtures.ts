/**
 * Direct-SQL fixtures for the cycle tables (schema v2), for tests of capabilities
 * whose input commands live elsewhere. Prefer the CLI where the command exists.
 */
import Database from "better-sqlite3";
import { sqliteBestand } from "./opslag.js";

const NOW = "2026-11-01T10:00:00.000Z";

function withDb<T>(file: string, fn: (db: Database.Database) => T): T {
  const db = new Database(sqliteBestand(file, "fixtures"));
  db.pragma("foreign_keys = ON");
  try {
    return db.transaction(() => fn(db))();
  } finally {
    db.close();
  }
}

const id = (db: Database.Database, table: string, col: string, value: string): number => {
  // Partners also by alias (ISZW is the Nederlandse Arbeidsinspectie), as the CLI finds them.
  const alias = table === "partner" ? " OR id = (SELECT partner_id FROM partner_alias WHERE alias = ? COLLATE NOCASE)" : "";
  const row = db.prepare(`SELECT id FROM ${table} WHERE ${col} = ? COLLATE NOCASE${alias}`).get(...(alias ? [value, value] : [value])) as
    { id: number } | undefined;
  if (!row) throw new Error(`fixture: ${table} ${value} bestaat niet`);
  return row.id;
};

export function insertCasustafel(file: string, datum: string, gemeenten: string[]): number {
  return withDb(file, (db) => {
    const cid = Number(db.prepare("INSERT INTO casustafel (datum, aangemaakt) VALUES (?, ?)").run(datum, NOW).lastInsertRowid);
    for (const g of gemeenten) db.prepare("INSERT INTO casustafel_gemeente VALUES (?, ?)").run(cid, id(db, "gemeente", "naam", g));
    return cid;
  });
}

export function insertAvond(file: string, a: { datum: string; doel?: string; casustafel?: number; adressen?: number[] }): number {
  return withDb(file, (db) => {
    const aid = Number(
      db
        .prepare("INSERT INTO avond (casustafel_id, datum, starttijd, doel, aangemaakt) VALUES (?, ?, '19:00', ?, ?)")
        .run(a.casustafel ?? null, a.datum, a.doel ?? "Controle huisvesting arbeidsmigranten", NOW).lastInsertRowid,
    );
    (a.adressen ?? []).forEach((adres, i) =>
      db.prepare("INSERT INTO avond_adres (avond_id, adres_id, volgorde) VALUES (?, ?, ?)").run(aid, adres, i + 1),
    );
    return aid;
  });
}

export function insertBevinding(
  file: string,
  b: { avond: number; adres: number; categorie: string; omschrijving?: string; partner?: string; maatregel?: string; personen?: number },
): number {
  return withDb(file, (db) => {
    const cat = db.prepare("SELECT id, partner_id FROM categorie WHERE code = ?").get(b.categorie) as
      { id: number; partner_id: number } | undefined;
    if (!cat) throw new Error(`fixture: categorie ${b.categorie} bestaat niet`);
    return Number(
      db
        .prepare(
          "INSERT INTO bevinding (avond_id, adres_id, categorie_id, partner_id, omschrijving, maatregel, personen, aangemaakt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .run(
          b.avond,
          b.adres,
          cat.id,
          b.partner ? id(db, "partner", "naam", b.partner) : cat.partner_id,
          b.omschrijving ?? "Bevinding",
          b.maatregel ?? null,
          b.personen ?? null,
          NOW,
        ).lastInsertRowid,
    );
  });
}

export function insertOpvolging(
  file: string,
  o: { bevinding: number; actie: string; partner?: string; deadline: string; status?: string; resultaat?: string },
): number {
  return withDb(file, (db) =>
    Number(
      db
        .prepare(
          "INSERT INTO opvolging (bevinding_id, actie, partner_id, deadline, status, resultaat, aangemaakt, gewijzigd) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .run(
          o.bevinding,
          o.actie,
          id(db, "partner", "naam", o.partner ?? "Gemeente"),
          o.deadline,
          o.status ?? "open",
          o.resultaat ?? null,
          NOW,
          NOW,
        ).lastInsertRowid,
    ),
  );
}
