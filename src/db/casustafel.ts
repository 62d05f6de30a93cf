import type { Db } from "./connection.js";
import { placeholders, type Sql } from "./sql.js";
import type { Tx } from "./audit.js";
import type { CandidateInput } from "../domain/ranking.js";
import type { AdresVelden } from "../domain/adres.js";
import { ADRES_VELDEN } from "./adres.js";
import { notFound } from "../errors.js";

export const BESLUITEN = ["controle", "mono", "meer-info", "afgewezen"] as const;
export type BesluitSoort = (typeof BESLUITEN)[number];

export interface Casustafel {
  id: number;
  datum: string;
  gemeenten: string[];
  gemeente_ids: number[];
}

export interface Besluit extends AdresVelden {
  id: number;
  adres_id: number;
  gemeente: string;
  besluit: BesluitSoort;
  partners: string[];
  toelichting: string | null;
}

export function insertCasustafel(tx: Tx, datum: string, gemeenteIds: number[]): number {
  const id = Number(tx.db.prepare("INSERT INTO casustafel (datum, aangemaakt) VALUES (?, ?)").run(datum, tx.now).lastInsertRowid);
  const link = tx.db.prepare("INSERT INTO casustafel_gemeente (casustafel_id, gemeente_id) VALUES (?, ?)");
  for (const g of gemeenteIds) link.run(id, g);
  tx.audit("casustafel", id, "toegevoegd", { gemeenten: gemeenteIds });
  return id;
}

export function getCasustafel(db: Db, id: number): Casustafel | undefined {
  const row = db.prepare("SELECT id, datum FROM casustafel WHERE id = ?").get(id) as { id: number; datum: string } | undefined;
  if (!row) return undefined;
  const gemeenten = db
    .prepare(
      "SELECT g.id, g.naam FROM casustafel_gemeente cg JOIN gemeente g ON g.id = cg.gemeente_id WHERE cg.casustafel_id = ? ORDER BY g.naam",
    )
    .all(id) as { id: number; naam: string }[];
  return { ...row, gemeenten: gemeenten.map((g) => g.naam), gemeente_ids: gemeenten.map((g) => g.id) };
}

export function requireCasustafel(db: Db, id: number): Casustafel {
  const c = getCasustafel(db, id);
  if (!c) throw notFound("Casustafel", id);
  return c;
}

export function listCasustafels(db: Db): (Casustafel & { besluiten: number })[] {
  const ids = db.prepare("SELECT id FROM casustafel ORDER BY datum DESC, id DESC").all() as { id: number }[];
  const count = db.prepare("SELECT count(*) AS n FROM besluit WHERE casustafel_id = ?");
  return ids.map(({ id }) => ({ ...getCasustafel(db, id)!, besluiten: (count.get(id) as { n: number }).n }));
}

/** Insert or replace the decision on one address at one casustafel, with its partners. */
export function upsertBesluit(
  tx: Tx,
  b: { casustafelId: number; adresId: number; besluit: BesluitSoort; partnerIds: number[]; toelichting: string | null },
): { id: number; nieuw: boolean } {
  const existing = tx.db.prepare("SELECT id FROM besluit WHERE casustafel_id = ? AND adres_id = ?").get(b.casustafelId, b.adresId) as
    { id: number } | undefined;
  let id: number;
  if (existing) {
    id = existing.id;
    tx.db.prepare("UPDATE besluit SET besluit = ?, toelichting = ? WHERE id = ?").run(b.besluit, b.toelichting, id);
    tx.db.prepare("DELETE FROM besluit_partner WHERE besluit_id = ?").run(id);
  } else {
    id = Number(
      tx.db
        .prepare("INSERT INTO besluit (casustafel_id, adres_id, besluit, toelichting, aangemaakt) VALUES (?, ?, ?, ?, ?)")
        .run(b.casustafelId, b.adresId, b.besluit, b.toelichting, tx.now).lastInsertRowid,
    );
  }
  const link = tx.db.prepare("INSERT INTO besluit_partner (besluit_id, partner_id) VALUES (?, ?)");
  for (const p of b.partnerIds) link.run(id, p);
  tx.audit("besluit", id, existing ? "gewijzigd" : "toegevoegd", { besluit: b.besluit });
  return { id, nieuw: !existing };
}

export function listBesluiten(db: Db, casustafelId: number): Besluit[] {
  const rows = db
    .prepare(
      `SELECT b.id, b.adres_id, ${ADRES_VELDEN}, g.naam AS gemeente, b.besluit, b.toelichting,
              (SELECT group_concat(p.naam, '|') FROM besluit_partner bp JOIN partner p ON p.id = bp.partner_id WHERE bp.besluit_id = b.id) AS partners
       FROM besluit b JOIN adres a ON a.id = b.adres_id JOIN gemeente g ON g.id = a.gemeente_id
       WHERE b.casustafel_id = ? ORDER BY b.id`,
    )
    .all(casustafelId) as (Omit<Besluit, "partners"> & { partners: string | null })[];
  return rows.map((r) => ({ ...r, partners: r.partners ? r.partners.split("|").sort() : [] }));
}

/** Facts for ranking: every address with signals in the given gemeenten, up to the given date. */
export function candidateInputs(db: Db, gemeenteIds: number[], totEnMet: string): CandidateInput[] {
  if (gemeenteIds.length === 0) return [];
  const marks = gemeenteIds.map(() => "?").join(",");
  const adressen = db
    .prepare(
      `SELECT DISTINCT a.id, ${ADRES_VELDEN}, g.naam AS gemeente, a.type
       FROM adres a JOIN gemeente g ON g.id = a.gemeente_id JOIN signaal s ON s.adres_id = a.id
       WHERE a.gemeente_id IN (${marks}) AND s.datum <= ? ORDER BY a.id`,
    )
    .all(...gemeenteIds, totEnMet) as (AdresVelden & { id: number; gemeente: string; type: string })[];
  const signalen = db.prepare(
    "SELECT p.naam AS partner, s.datum, s.thema, s.omschrijving FROM signaal s JOIN partner p ON p.id = s.partner_id WHERE s.adres_id = ? AND s.datum <= ? ORDER BY s.datum, s.id",
  );
  const hier = db.prepare("SELECT count(*) AS n FROM bevinding b JOIN avond v ON v.id = b.avond_id WHERE b.adres_id = ? AND v.datum <= ?");
  const elders = db.prepare(
    `SELECT ${ADRES_VELDEN}, g.naam AS gemeente, min(mine.rol) AS rol, count(DISTINCT b.id) AS aantal
     FROM betrokkene_adres mine
     JOIN betrokkene_adres other ON other.betrokkene_id = mine.betrokkene_id AND other.adres_id <> mine.adres_id
     JOIN adres a ON a.id = other.adres_id JOIN gemeente g ON g.id = a.gemeente_id
     JOIN bevinding b ON b.adres_id = other.adres_id JOIN avond v ON v.id = b.avond_id
     WHERE mine.adres_id = ? AND v.datum <= ?
     GROUP BY a.id, g.id ORDER BY aantal DESC, a.id`,
  );
  return adressen.map(({ id, ...a }) => ({
    ...a,
    adresId: id,
    type: a.type,
    signalen: signalen.all(id, totEnMet) as CandidateInput["signalen"],
    bevindingenHier: (hier.get(id, totEnMet) as { n: number }).n,
    bevindingenElders: elders.all(id, totEnMet) as CandidateInput["bevindingenElders"],
  }));
}

/** The partners of each decision, by name in alphabetical order (aggregated here: group_concat is SQLite's). */
export async function partnersPerBesluit(sql: Sql, besluitIds: number[]): Promise<Map<number, string[]>> {
  const per = new Map<number, string[]>();
  if (besluitIds.length === 0) return per;
  const rows = await sql.all<{ besluit_id: number; naam: string }>(
    `SELECT bp.besluit_id, p.naam FROM besluit_partner bp JOIN partner p ON p.id = bp.partner_id
     WHERE bp.besluit_id IN (${placeholders(besluitIds.length)}) ORDER BY bp.besluit_id, p.naam`,
    ...besluitIds,
  );
  for (const r of rows) per.set(r.besluit_id, [...(per.get(r.besluit_id) ?? []), r.naam]);
  return per;
}
