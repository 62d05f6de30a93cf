import type { Db } from "./connection.js";
import type { Tx } from "./audit.js";
import type { Casus } from "../domain/bewaartermijn.js";
import { verwijderBewijsVanAdres } from "./bijlage.js";

/**
 * Every address with its case facts: follow-up statuses and the latest activity date. A signal
 * counts at most from the day it was recorded: a (mistyped) future date, which older versions
 * accepted, would otherwise keep its case from ever reaching the retention term.
 */
export function casussen(db: Db): Casus[] {
  const laatste = db
    .prepare(
      `SELECT adres_id, max(d) AS laatste FROM (
         SELECT adres_id, min(substr(datum, 1, 10), substr(aangemaakt, 1, 10)) AS d FROM signaal
         UNION ALL SELECT b.adres_id, substr(c.datum, 1, 10) FROM besluit b JOIN casustafel c ON c.id = b.casustafel_id
         UNION ALL SELECT aa.adres_id, substr(a.datum, 1, 10) FROM avond_adres aa JOIN avond a ON a.id = aa.avond_id
         UNION ALL SELECT b.adres_id, substr(a.datum, 1, 10) FROM bevinding b JOIN avond a ON a.id = b.avond_id
         UNION ALL SELECT b.adres_id, substr(o.gesloten_op, 1, 10) FROM opvolging o JOIN bevinding b ON b.id = o.bevinding_id WHERE o.gesloten_op IS NOT NULL
         UNION ALL SELECT b.adres_id, substr(o.gewijzigd, 1, 10) FROM opvolging o JOIN bevinding b ON b.id = o.bevinding_id
         UNION ALL SELECT adres_id, substr(datum, 1, 10) FROM brief
         UNION ALL SELECT r.adres_id, substr(v.dagtekening, 1, 10) FROM rapport_versie v JOIN rapport r ON r.id = v.rapport_id
       ) GROUP BY adres_id`,
    )
    .all() as { adres_id: number; laatste: string | null }[];
  const statussen = db.prepare("SELECT b.adres_id, o.status FROM opvolging o JOIN bevinding b ON b.id = o.bevinding_id").all() as {
    adres_id: number;
    status: string;
  }[];
  const byAdres = new Map<number, Casus>();
  for (const { id } of db.prepare("SELECT id FROM adres ORDER BY id").all() as { id: number }[]) {
    byAdres.set(id, { adresId: id, opvolgingStatussen: [], laatsteActiviteit: null });
  }
  for (const r of laatste) {
    const c = byAdres.get(r.adres_id);
    if (c) c.laatsteActiviteit = r.laatste;
  }
  for (const r of statussen) byAdres.get(r.adres_id)?.opvolgingStatussen.push(r.status);
  return [...byAdres.values()];
}

export const OPSCHONEN_TABELLEN = [
  "signaal",
  "besluit",
  "besluit_partner",
  "avond_adres",
  "bevinding",
  "opvolging",
  "brief",
  "brief_opvolging",
  "betrokkene_adres",
  "betrokkene",
  "rapport",
  "rapport_versie",
  "bijlage",
] as const;
export type Telling = Record<(typeof OPSCHONEN_TABELLEN)[number], number>;

function ids(db: Db, sql: string, ...args: number[]): number[] {
  return (db.prepare(sql).all(...args) as { id: number }[]).map((r) => r.id);
}

/**
 * Counts (dryRun) or deletes the case of each address. The address rows stay;
 * betrokkenen go only when they are linked to nothing else any more. `bestanden` collects the
 * hashes of stored files (attachments, signed reports) no longer referred to.
 * Audit entries carry ids only, never the deleted content.
 */
export function verwijderCasussen(tx: Tx, adresIds: number[], dryRun: boolean, bestanden: string[] = []): Telling {
  const db = tx.db;
  const telling = Object.fromEntries(OPSCHONEN_TABELLEN.map((t) => [t, 0])) as Telling;
  const reden = { reden: "bewaartermijn" };
  const del = (tabel: "signaal" | "besluit" | "bevinding" | "opvolging" | "brief" | "betrokkene", rows: number[]): void => {
    telling[tabel] += rows.length;
    if (dryRun) return;
    const stmt = db.prepare(`DELETE FROM ${tabel} WHERE id = ?`);
    for (const id of rows) {
      stmt.run(id);
      tx.audit(tabel, id, "verwijderd", reden);
    }
  };
  const delLinks = (
    tabel: "besluit_partner" | "avond_adres" | "brief_opvolging" | "betrokkene_adres",
    where: string,
    adresId: number,
    ...args: number[]
  ): void => {
    const n = (db.prepare(`SELECT count(*) AS n FROM ${tabel} WHERE ${where}`).get(...args) as { n: number }).n;
    telling[tabel] += n;
    if (dryRun || n === 0) return;
    db.prepare(`DELETE FROM ${tabel} WHERE ${where}`).run(...args);
    tx.audit(tabel, null, "verwijderd", { ...reden, adres_id: adresId, aantal: n });
  };

  const losseBetrokkenen = new Set<number>();
  for (const a of adresIds) {
    const bevindingen = ids(db, "SELECT id FROM bevinding WHERE adres_id = ? ORDER BY id", a);
    const opvolgingen = ids(
      db,
      "SELECT o.id FROM opvolging o JOIN bevinding b ON b.id = o.bevinding_id WHERE b.adres_id = ? ORDER BY o.id",
      a,
    );
    const brieven = ids(db, "SELECT id FROM brief WHERE adres_id = ? ORDER BY id", a);
    const besluiten = ids(db, "SELECT id FROM besluit WHERE adres_id = ? ORDER BY id", a);
    for (const b of ids(db, "SELECT DISTINCT betrokkene_id AS id FROM betrokkene_adres WHERE adres_id = ?", a)) losseBetrokkenen.add(b);

    delLinks(
      "brief_opvolging",
      "brief_id IN (SELECT id FROM brief WHERE adres_id = ?) OR opvolging_id IN (SELECT o.id FROM opvolging o JOIN bevinding b ON b.id = o.bevinding_id WHERE b.adres_id = ?)",
      a,
      a,
      a,
    );
    del("brief", brieven);
    // Reports and evidence (issue 13); their files go after the commit (bestanden).
    bestanden.push(...verwijderBewijsVanAdres(tx, a, dryRun, telling));
    del("opvolging", opvolgingen);
    del("bevinding", bevindingen);
    del("signaal", ids(db, "SELECT id FROM signaal WHERE adres_id = ? ORDER BY id", a));
    delLinks("besluit_partner", "besluit_id IN (SELECT id FROM besluit WHERE adres_id = ?)", a, a);
    del("besluit", besluiten);
    delLinks("avond_adres", "adres_id = ?", a, a);
    delLinks("betrokkene_adres", "adres_id = ?", a, a);
  }
  // A betrokkene goes when nothing links to it any more (in a dry run: nothing outside these cases).
  const weg = new Set(adresIds);
  const verweesd = [...losseBetrokkenen]
    .sort((x, y) => x - y)
    .filter((b) => {
      const links = (db.prepare("SELECT adres_id FROM betrokkene_adres WHERE betrokkene_id = ?").all(b) as { adres_id: number }[]).filter(
        (l) => !weg.has(l.adres_id),
      );
      const brieven = (db.prepare("SELECT adres_id FROM brief WHERE betrokkene_id = ?").all(b) as { adres_id: number }[]).filter(
        (l) => !weg.has(l.adres_id),
      );
      return links.length === 0 && brieven.length === 0;
    });
  del("betrokkene", verweesd);
  return telling;
}

/**
 * After a deletion, make sure nothing of it stays readable in the file. secure_delete (set on
 * every connection) zeroes the deleted rows; VACUUM also rebuilds away what a version without
 * secure_delete left in free pages and free space within pages (~0.3 s for 50 MB), and the WAL
 * is checkpointed and truncated so no old frame keeps a copy. The deletion itself is already
 * committed: when another process keeps the database busy this returns false and the next
 * opschonen tries again.
 */
export function wisVrijeRuimte(db: Db): boolean {
  try {
    db.exec("VACUUM");
    const [r] = db.pragma("wal_checkpoint(TRUNCATE)") as { busy: number }[];
    return r?.busy === 0;
  } catch (err) {
    if (/^SQLITE_(BUSY|LOCKED)/.test(String((err as { code?: unknown }).code))) return false;
    throw err;
  }
}
