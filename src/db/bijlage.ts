import type { Db } from "./connection.js";
import type { Tx } from "./audit.js";
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

export function bijlagenVan(db: Db, bevindingId: number): Bijlage[] {
  return db.prepare(`${SELECT} WHERE bb.bevinding_id = ? ORDER BY bb.aangemaakt, j.id`).all(bevindingId) as Bijlage[];
}

/** Links a stored content to a finding; an existing link is left as it is (idempotent). */
export function koppelBijlage(
  tx: Tx,
  b: { bevindingId: number; sha256: string; soort: BijlageSoort; grootte: number; bijschrift: string | null; bestandsnaam: string },
): { id: number; nieuweInhoud: boolean; nieuweKoppeling: boolean } {
  let id = tx.db.prepare("SELECT id FROM bijlage WHERE sha256 = ?").pluck().get(b.sha256) as number | undefined;
  const nieuweInhoud = id === undefined;
  if (id === undefined) {
    id = Number(
      tx.db
        .prepare("INSERT INTO bijlage (sha256, soort, grootte, aangemaakt) VALUES (?, ?, ?, ?)")
        .run(b.sha256, b.soort, b.grootte, tx.now).lastInsertRowid,
    );
    tx.audit("bijlage", id, "toegevoegd", { sha256: b.sha256, soort: b.soort, grootte: b.grootte });
  }
  const bestaat = tx.db.prepare("SELECT 1 FROM bevinding_bijlage WHERE bevinding_id = ? AND bijlage_id = ?").get(b.bevindingId, id);
  if (bestaat) return { id, nieuweInhoud, nieuweKoppeling: false };
  tx.db
    .prepare("INSERT INTO bevinding_bijlage (bevinding_id, bijlage_id, bijschrift, bestandsnaam, aangemaakt) VALUES (?, ?, ?, ?, ?)")
    .run(b.bevindingId, id, b.bijschrift, b.bestandsnaam, tx.now);
  tx.audit("bevinding_bijlage", b.bevindingId, "toegevoegd", { bijlage: id, sha256: b.sha256 });
  return { id, nieuweInhoud, nieuweKoppeling: true };
}

/** Every hash the store must hold: attachments and the PDFs of signed reports. */
export function opgeslagenHashes(db: Db): { sha256: string; wat: string }[] {
  return db
    .prepare(
      `SELECT sha256, 'bijlage ' || id AS wat FROM bijlage
       UNION ALL
       SELECT v.pdf_sha256, 'rapport ' || r.kenmerk || ' versie ' || v.versie FROM rapport_versie v JOIN rapport r ON r.id = v.rapport_id
       ORDER BY 2`,
    )
    .all() as { sha256: string; wat: string }[];
}

/** Hashes that nothing in the database refers to any more (after a retention run). */
export function onbekendeHashes(db: Db, kandidaten: string[]): string[] {
  const stmt = db.prepare("SELECT 1 FROM bijlage WHERE sha256 = ? UNION ALL SELECT 1 FROM rapport_versie WHERE pdf_sha256 = ? LIMIT 1");
  return kandidaten.filter((h) => stmt.get(h, h) === undefined);
}

/**
 * Retention: the reports and evidence of the given addresses. Reports (and their versions) go;
 * attachment contents go when no remaining finding links to them. Returns the hashes whose files
 * may be removed once the deletion is committed.
 */
export function verwijderBewijsVanAdres(
  tx: Tx,
  adresId: number,
  dryRun: boolean,
  telling: { bijlage: number; rapport: number; rapport_versie: number },
): string[] {
  const db = tx.db;
  const reden = { reden: "bewaartermijn" };
  const rapporten = db.prepare("SELECT id FROM rapport WHERE adres_id = ? ORDER BY id").pluck().all(adresId) as number[];
  const versies = db
    .prepare("SELECT v.id, v.pdf_sha256 FROM rapport_versie v JOIN rapport r ON r.id = v.rapport_id WHERE r.adres_id = ? ORDER BY v.id")
    .all(adresId) as { id: number; pdf_sha256: string }[];
  const inhoud = db
    .prepare(
      `SELECT DISTINCT j.id, j.sha256 FROM bijlage j JOIN bevinding_bijlage bb ON bb.bijlage_id = j.id JOIN bevinding b ON b.id = bb.bevinding_id
       WHERE b.adres_id = ?
         AND NOT EXISTS (SELECT 1 FROM bevinding_bijlage x JOIN bevinding y ON y.id = x.bevinding_id
                         WHERE x.bijlage_id = j.id AND y.adres_id <> ?)
       ORDER BY j.id`,
    )
    .all(adresId, adresId) as { id: number; sha256: string }[];
  telling.rapport += rapporten.length;
  telling.rapport_versie += versies.length;
  telling.bijlage += inhoud.length;
  if (dryRun) return [];
  for (const id of rapporten) {
    db.prepare("DELETE FROM rapport WHERE id = ?").run(id); // versions and their links cascade
    tx.audit("rapport", id, "verwijderd", reden);
  }
  db.prepare("DELETE FROM bevinding_bijlage WHERE bevinding_id IN (SELECT id FROM bevinding WHERE adres_id = ?)").run(adresId);
  for (const j of inhoud) {
    db.prepare("DELETE FROM bijlage WHERE id = ?").run(j.id);
    tx.audit("bijlage", j.id, "verwijderd", { ...reden, sha256: j.sha256 });
  }
  return [...versies.map((v) => v.pdf_sha256), ...inhoud.map((j) => j.sha256)];
}
