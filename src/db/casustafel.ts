import { placeholders, type Sql } from "./sql.js";
import type { Tx } from "./store.js";
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

export async function insertCasustafel(tx: Tx, datum: string, gemeenteIds: number[]): Promise<number> {
  const id = await tx.sql.insert("INSERT INTO casustafel (datum, aangemaakt) VALUES (?, ?) RETURNING id", datum, tx.now);
  for (const g of gemeenteIds) await tx.sql.run("INSERT INTO casustafel_gemeente (casustafel_id, gemeente_id) VALUES (?, ?)", id, g);
  await tx.audit("casustafel", id, "toegevoegd", { gemeenten: gemeenteIds });
  return id;
}

export async function getCasustafel(sql: Sql, id: number): Promise<Casustafel | undefined> {
  const row = await sql.get<{ id: number; datum: string }>("SELECT id, datum FROM casustafel WHERE id = ?", id);
  if (!row) return undefined;
  const gemeenten = await sql.all<{ id: number; naam: string }>(
    "SELECT g.id, g.naam FROM casustafel_gemeente cg JOIN gemeente g ON g.id = cg.gemeente_id WHERE cg.casustafel_id = ? ORDER BY g.naam",
    id,
  );
  return { ...row, gemeenten: gemeenten.map((g) => g.naam), gemeente_ids: gemeenten.map((g) => g.id) };
}

export async function requireCasustafel(sql: Sql, id: number): Promise<Casustafel> {
  const c = await getCasustafel(sql, id);
  if (!c) throw notFound("Casustafel", id);
  return c;
}

/** Newest first, with the number of decisions. */
export async function listCasustafels(sql: Sql): Promise<(Casustafel & { besluiten: number })[]> {
  const rows = await sql.all<{ id: number; besluiten: number }>(
    `SELECT c.id, (SELECT count(*) FROM besluit b WHERE b.casustafel_id = c.id) AS besluiten
     FROM casustafel c ORDER BY c.datum DESC, c.id DESC`,
  );
  const out: (Casustafel & { besluiten: number })[] = [];
  for (const r of rows) out.push({ ...(await requireCasustafel(sql, r.id)), besluiten: r.besluiten });
  return out;
}

/** Insert or replace the decision on one address at one casustafel, with its partners. */
export async function upsertBesluit(
  tx: Tx,
  b: { casustafelId: number; adresId: number; besluit: BesluitSoort; partnerIds: number[]; toelichting: string | null },
): Promise<{ id: number; nieuw: boolean }> {
  const existing = await tx.sql.get<{ id: number }>(
    "SELECT id FROM besluit WHERE casustafel_id = ? AND adres_id = ?",
    b.casustafelId,
    b.adresId,
  );
  let id: number;
  if (existing) {
    id = existing.id;
    await tx.sql.run("UPDATE besluit SET besluit = ?, toelichting = ? WHERE id = ?", b.besluit, b.toelichting, id);
    await tx.sql.run("DELETE FROM besluit_partner WHERE besluit_id = ?", id);
  } else {
    id = await tx.sql.insert(
      "INSERT INTO besluit (casustafel_id, adres_id, besluit, toelichting, aangemaakt) VALUES (?, ?, ?, ?, ?) RETURNING id",
      b.casustafelId,
      b.adresId,
      b.besluit,
      b.toelichting,
      tx.now,
    );
  }
  for (const p of b.partnerIds) await tx.sql.run("INSERT INTO besluit_partner (besluit_id, partner_id) VALUES (?, ?)", id, p);
  await tx.audit("besluit", id, existing ? "gewijzigd" : "toegevoegd", { besluit: b.besluit });
  return { id, nieuw: !existing };
}

export async function listBesluiten(sql: Sql, casustafelId: number): Promise<Besluit[]> {
  const rows = await sql.all<Omit<Besluit, "partners">>(
    `SELECT b.id, b.adres_id, ${ADRES_VELDEN}, g.naam AS gemeente, b.besluit, b.toelichting
     FROM besluit b JOIN adres a ON a.id = b.adres_id JOIN gemeente g ON g.id = a.gemeente_id
     WHERE b.casustafel_id = ? ORDER BY b.id`,
    casustafelId,
  );
  const partners = await partnersPerBesluit(
    sql,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, partners: partners.get(r.id) ?? [] }));
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

/** Facts for ranking: every address with signals in the given gemeenten, up to the given date. */
export async function candidateInputs(sql: Sql, gemeenteIds: number[], totEnMet: string): Promise<CandidateInput[]> {
  if (gemeenteIds.length === 0) return [];
  const adressen = await sql.all<AdresVelden & { id: number; gemeente: string; type: string }>(
    `SELECT DISTINCT a.id, ${ADRES_VELDEN}, g.naam AS gemeente, a.type
     FROM adres a JOIN gemeente g ON g.id = a.gemeente_id JOIN signaal s ON s.adres_id = a.id
     WHERE a.gemeente_id IN (${placeholders(gemeenteIds.length)}) AND s.datum <= ? ORDER BY a.id`,
    ...gemeenteIds,
    totEnMet,
  );
  const out: CandidateInput[] = [];
  for (const { id, ...a } of adressen) {
    out.push({
      ...a,
      adresId: id,
      signalen: await sql.all<CandidateInput["signalen"][number]>(
        `SELECT p.naam AS partner, s.datum, s.thema, s.omschrijving FROM signaal s JOIN partner p ON p.id = s.partner_id
         WHERE s.adres_id = ? AND s.datum <= ? ORDER BY s.datum, s.id`,
        id,
        totEnMet,
      ),
      bevindingenHier: (await sql.get<{ n: number }>(
        "SELECT count(*) AS n FROM bevinding b JOIN avond v ON v.id = b.avond_id WHERE b.adres_id = ? AND v.datum <= ?",
        id,
        totEnMet,
      ))!.n,
      bevindingenElders: await sql.all<CandidateInput["bevindingenElders"][number]>(
        `SELECT ${ADRES_VELDEN}, g.naam AS gemeente, min(mine.rol) AS rol, count(DISTINCT b.id) AS aantal
         FROM betrokkene_adres mine
         JOIN betrokkene_adres other ON other.betrokkene_id = mine.betrokkene_id AND other.adres_id <> mine.adres_id
         JOIN adres a ON a.id = other.adres_id JOIN gemeente g ON g.id = a.gemeente_id
         JOIN bevinding b ON b.adres_id = other.adres_id JOIN avond v ON v.id = b.avond_id
         WHERE mine.adres_id = ? AND v.datum <= ?
         GROUP BY a.id, g.id ORDER BY aantal DESC, a.id`,
        id,
        totEnMet,
      ),
    });
  }
  return out;
}
