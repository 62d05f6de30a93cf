import { onDialect, type Sql } from "./sql.js";
import type { Tx } from "./store.js";
import type { BijlageSoort } from "../domain/bijlage.js";

/** Evidence rows: one per distinct content (bijlage), linked to findings (bevinding_bijlage). */
export interface Bijlage {
  id: number;
  bevinding_id: number;
  sha256: string;
  soort: BijlageSoort;
  grootte: number;
  bijschrift: string | null;
  bestandsnaam: string | null;
  toegevoegd: string;
}

const SELECT = `
  SELECT j.id, bb.bevinding_id, j.sha256, j.soort, j.grootte, bb.bijschrift, bb.bestandsnaam, bb.aangemaakt AS toegevoegd
  FROM bevinding_bijlage bb JOIN bijlage j ON j.id = bb.bijlage_id`;

export function listBijlagenVan(sql: Sql, bevindingId: number): Promise<Bijlage[]> {
  return sql.all<Bijlage>(`${SELECT} WHERE bb.bevinding_id = ? ORDER BY bb.aangemaakt, j.id`, bevindingId);
}

/** What an attachment is evidence of: a finding, or the record of a hercontrole (migration v6). */
export type BijlageDoel = { soort: "bevinding"; id: number } | { soort: "hercontrole"; id: number };

const KOPPELING = {
  bevinding: { tabel: "bevinding_bijlage", kolom: "bevinding_id" },
  hercontrole: { tabel: "hercontrole_bijlage", kolom: "opvolging_id" },
} as const;

/** Links a stored content to a finding or hercontrole; an existing link is left as it is (idempotent). */
export async function insertBijlage(
  tx: Tx,
  b: { doel: BijlageDoel; sha256: string; soort: BijlageSoort; grootte: number; bijschrift: string | null; bestandsnaam: string },
): Promise<{ id: number; nieuweInhoud: boolean; nieuweKoppeling: boolean }> {
  const { tabel, kolom } = KOPPELING[b.doel.soort];
  let id = await zoekBijlage(tx.sql, b.sha256);
  const nieuweInhoud = id === undefined;
  if (id === undefined) {
    await tx.sql.run("INSERT INTO bijlage (sha256, soort, grootte, aangemaakt) VALUES (?, ?, ?, ?)", b.sha256, b.soort, b.grootte, tx.now);
    id = (await zoekBijlage(tx.sql, b.sha256))!; // not RETURNING: on PostgreSQL a row is readable once linked
    await tx.audit("bijlage", id, "toegevoegd", { sha256: b.sha256, soort: b.soort, grootte: b.grootte });
  }
  if (await tx.sql.get(`SELECT 1 AS ja FROM ${tabel} WHERE ${kolom} = ? AND bijlage_id = ?`, b.doel.id, id)) {
    return { id, nieuweInhoud, nieuweKoppeling: false };
  }
  await tx.sql.run(
    `INSERT INTO ${tabel} (${kolom}, bijlage_id, bijschrift, bestandsnaam, aangemaakt) VALUES (?, ?, ?, ?, ?)`,
    b.doel.id,
    id,
    b.bijschrift,
    b.bestandsnaam,
    tx.now,
  );
  await tx.audit(tabel, b.doel.id, "toegevoegd", { bijlage: id, sha256: b.sha256 });
  return { id, nieuweInhoud, nieuweKoppeling: true };
}

/**
 * The attachment row of a content, by its hash. On PostgreSQL through bijlage_zoek (toegang.ts): a
 * login reads only the rows linked to its own findings, but the same photo attached in another
 * gemeente is still stored once.
 */
async function zoekBijlage(sql: Sql, sha256: string): Promise<number | undefined> {
  const r = await sql.get<{ id: number | null }>(
    onDialect(sql, { sqlite: "SELECT id FROM bijlage WHERE sha256 = ?", postgres: "SELECT bijlage_zoek(?) AS id" }),
    sha256,
  );
  return r?.id ?? undefined;
}

/**
 * Every hash the store must hold: attachments and the PDFs of signed reports. `gekoppeld`: only
 * attachments linked to a finding or hercontrole — on PostgreSQL the links, not the hash rows all
 * gemeenten share, say whose evidence a login may read (`controleer`); backup and `overzetten`
 * copy every row's content.
 */
export function listOpgeslagenHashes(sql: Sql, opts: { gekoppeld?: boolean } = {}): Promise<{ sha256: string; wat: string }[]> {
  const gekoppeld = !opts.gekoppeld
    ? ""
    : "WHERE id IN (SELECT bijlage_id FROM bevinding_bijlage UNION SELECT bijlage_id FROM hercontrole_bijlage)";
  return sql.all(
    `SELECT sha256, 'bijlage ' || id AS wat FROM bijlage ${gekoppeld}
     UNION ALL
     SELECT v.pdf_sha256, 'rapport ' || r.kenmerk || ' versie ' || v.versie FROM rapport_versie v JOIN rapport r ON r.id = v.rapport_id
     UNION ALL
     SELECT v.pdf_sha256, 'rapport ' || h.kenmerk || ' versie ' || v.versie || ' (hercontrole ' || h.opvolging_id || ')'
     FROM hercontrole_versie v JOIN hercontrole h ON h.opvolging_id = v.opvolging_id
     ORDER BY 2`,
  );
}

/** Hashes that nothing in the database refers to any more (after a retention run). */
export async function listOnbekendeHashes(sql: Sql, kandidaten: string[]): Promise<string[]> {
  const onbekend: string[] = [];
  for (const h of kandidaten) {
    const bekend = await sql.get(
      "SELECT 1 AS ja FROM bijlage WHERE sha256 = ? UNION ALL SELECT 1 FROM rapport_versie WHERE pdf_sha256 = ? UNION ALL SELECT 1 FROM hercontrole_versie WHERE pdf_sha256 = ?",
      h,
      h,
      h,
    );
    if (!bekend) onbekend.push(h);
  }
  return onbekend;
}

/** Attachments linked to findings or hercontroles of addresses other than `?` (twice: findings, hercontroles). */
const BIJLAGEN_VAN_ADRES = `
  SELECT x.bijlage_id FROM bevinding_bijlage x JOIN bevinding y ON y.id = x.bevinding_id WHERE y.adres_id <> ?
  UNION SELECT x.bijlage_id FROM hercontrole_bijlage x JOIN opvolging o ON o.id = x.opvolging_id JOIN bevinding y ON y.id = o.bevinding_id
  WHERE y.adres_id <> ?`;

/**
 * Retention: the reports and evidence of one address. Reports (and their versions) go;
 * attachment contents go when no remaining finding links to them. Without `tx` only counts (a
 * dry run). Returns the hashes whose files may be removed once the deletion is committed.
 */
export async function deleteBewijsVanAdres(
  sql: Sql,
  tx: Tx | undefined,
  adresId: number,
  telling: { bijlage: number; rapport: number; rapport_versie: number },
): Promise<string[]> {
  const reden = { reden: "bewaartermijn" };
  const rapporten = (await sql.all<{ id: number }>("SELECT id FROM rapport WHERE adres_id = ? ORDER BY id", adresId)).map((r) => r.id);
  // Hercontroles (migration v6) count as reports too: their record, versions, authors and links go with them.
  const hercontroles = await sql.all<{ id: number; kenmerk: string | null }>(
    "SELECT h.opvolging_id AS id, h.kenmerk FROM hercontrole h JOIN opvolging o ON o.id = h.opvolging_id JOIN bevinding b ON b.id = o.bevinding_id WHERE b.adres_id = ? ORDER BY 1",
    adresId,
  );
  const versies = await sql.all<{ id: number; pdf_sha256: string }>(
    `SELECT v.id, v.pdf_sha256 FROM rapport_versie v JOIN rapport r ON r.id = v.rapport_id WHERE r.adres_id = ?
     UNION ALL
     SELECT v.id, v.pdf_sha256 FROM hercontrole_versie v JOIN opvolging o ON o.id = v.opvolging_id JOIN bevinding b ON b.id = o.bevinding_id
     WHERE b.adres_id = ? ORDER BY 1`,
    adresId,
    adresId,
  );
  const inhoud = await sql.all<{ id: number; sha256: string }>(
    `SELECT DISTINCT j.id, j.sha256 FROM bijlage j WHERE j.id IN (${BIJLAGEN_VAN_ADRES.replaceAll("<>", "=")})
       AND j.id NOT IN (${BIJLAGEN_VAN_ADRES})
     ORDER BY j.id`,
    adresId,
    adresId,
    adresId,
    adresId,
  );
  telling.rapport += rapporten.length + hercontroles.filter((h) => h.kenmerk !== null).length; // a record is a report once signed
  telling.rapport_versie += versies.length;
  telling.bijlage += inhoud.length;
  if (!tx) return [];
  for (const id of rapporten) {
    await tx.sql.run("DELETE FROM rapport WHERE id = ?", id); // versions and their links cascade
    await tx.audit("rapport", id, "verwijderd", reden);
  }
  for (const { id } of hercontroles) {
    await tx.sql.run("DELETE FROM hercontrole WHERE opvolging_id = ?", id); // versions, authors and links cascade
    await tx.audit("hercontrole", id, "verwijderd", reden);
  }
  await tx.sql.run("DELETE FROM bevinding_bijlage WHERE bevinding_id IN (SELECT id FROM bevinding WHERE adres_id = ?)", adresId);
  for (const j of inhoud) {
    await tx.sql.run("DELETE FROM bijlage WHERE id = ?", j.id);
    await tx.audit("bijlage", j.id, "verwijderd", { ...reden, sha256: j.sha256 });
  }
  return [...versies.map((v) => v.pdf_sha256), ...inhoud.map((j) => j.sha256)];
}
