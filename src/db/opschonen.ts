import type { Sql } from "./sql.js";
import type { Tx } from "./store.js";
import type { Casus } from "../domain/bewaartermijn.js";
import { deleteBewijsVanAdres } from "./bijlage.js";

/**
 * Every address with its case facts: follow-up statuses and the latest activity date. A signal
 * counts at most from the day it was recorded: a (mistyped) future date, which older versions
 * accepted, would otherwise keep its case from ever reaching the retention term.
 */
export async function listCasussen(sql: Sql): Promise<Casus[]> {
  const laatste = await sql.all<{ adres_id: number; laatste: string | null }>(
    `SELECT adres_id, max(d) AS laatste FROM (
       SELECT adres_id, CASE WHEN substr(datum, 1, 10) < substr(aangemaakt, 1, 10) THEN substr(datum, 1, 10)
                             ELSE substr(aangemaakt, 1, 10) END AS d FROM signaal
       UNION ALL SELECT b.adres_id, substr(c.datum, 1, 10) FROM besluit b JOIN casustafel c ON c.id = b.casustafel_id
       UNION ALL SELECT aa.adres_id, substr(a.datum, 1, 10) FROM avond_adres aa JOIN avond a ON a.id = aa.avond_id
       UNION ALL SELECT b.adres_id, substr(a.datum, 1, 10) FROM bevinding b JOIN avond a ON a.id = b.avond_id
       UNION ALL SELECT b.adres_id, substr(o.gesloten_op, 1, 10) FROM opvolging o JOIN bevinding b ON b.id = o.bevinding_id WHERE o.gesloten_op IS NOT NULL
       UNION ALL SELECT b.adres_id, substr(o.gewijzigd, 1, 10) FROM opvolging o JOIN bevinding b ON b.id = o.bevinding_id
       UNION ALL SELECT adres_id, substr(datum, 1, 10) FROM brief
       UNION ALL SELECT r.adres_id, substr(v.dagtekening, 1, 10) FROM rapport_versie v JOIN rapport r ON r.id = v.rapport_id
     ) activiteit GROUP BY adres_id`,
  );
  const statussen = await sql.all<{ adres_id: number; status: string }>(
    "SELECT b.adres_id, o.status FROM opvolging o JOIN bevinding b ON b.id = o.bevinding_id",
  );
  const byAdres = new Map<number, Casus>();
  for (const { id } of await sql.all<{ id: number }>("SELECT id FROM adres ORDER BY id")) {
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

async function ids(sql: Sql, query: string, ...args: number[]): Promise<number[]> {
  return (await sql.all<{ id: number }>(query, ...args)).map((r) => r.id);
}

/**
 * Counts (without `tx`: a dry run) or deletes the case of each address. The address rows stay;
 * betrokkenen go only when they are linked to nothing else any more. `bestanden` collects the
 * hashes of stored files (attachments, signed reports) no longer referred to.
 * Audit entries carry ids only, never the deleted content.
 */
export async function deleteCasussen(sql: Sql, tx: Tx | undefined, adresIds: number[], bestanden: string[] = []): Promise<Telling> {
  const telling = Object.fromEntries(OPSCHONEN_TABELLEN.map((t) => [t, 0])) as Telling;
  const reden = { reden: "bewaartermijn" };
  const del = async (tabel: "signaal" | "besluit" | "bevinding" | "opvolging" | "brief" | "betrokkene", rows: number[]) => {
    telling[tabel] += rows.length;
    if (!tx) return;
    for (const id of rows) {
      await tx.sql.run(`DELETE FROM ${tabel} WHERE id = ?`, id);
      await tx.audit(tabel, id, "verwijderd", reden);
    }
  };
  const delLinks = async (
    tabel: "besluit_partner" | "avond_adres" | "brief_opvolging" | "betrokkene_adres",
    where: string,
    adresId: number,
    ...args: number[]
  ) => {
    const n = (await sql.get<{ n: number }>(`SELECT count(*) AS n FROM ${tabel} WHERE ${where}`, ...args))!.n;
    telling[tabel] += n;
    if (!tx || n === 0) return;
    await tx.sql.run(`DELETE FROM ${tabel} WHERE ${where}`, ...args);
    await tx.audit(tabel, null, "verwijderd", { ...reden, adres_id: adresId, aantal: n });
  };

  const losseBetrokkenen = new Set<number>();
  for (const a of adresIds) {
    const bevindingen = await ids(sql, "SELECT id FROM bevinding WHERE adres_id = ? ORDER BY id", a);
    const opvolgingen = await ids(
      sql,
      "SELECT o.id FROM opvolging o JOIN bevinding b ON b.id = o.bevinding_id WHERE b.adres_id = ? ORDER BY o.id",
      a,
    );
    const brieven = await ids(sql, "SELECT id FROM brief WHERE adres_id = ? ORDER BY id", a);
    const besluiten = await ids(sql, "SELECT id FROM besluit WHERE adres_id = ? ORDER BY id", a);
    for (const b of await ids(sql, "SELECT DISTINCT betrokkene_id AS id FROM betrokkene_adres WHERE adres_id = ?", a))
      losseBetrokkenen.add(b);

    await delLinks(
      "brief_opvolging",
      "brief_id IN (SELECT id FROM brief WHERE adres_id = ?) OR opvolging_id IN (SELECT o.id FROM opvolging o JOIN bevinding b ON b.id = o.bevinding_id WHERE b.adres_id = ?)",
      a,
      a,
      a,
    );
    await del("brief", brieven);
    // Reports and evidence (issue 13); their files go after the commit (bestanden).
    bestanden.push(...(await deleteBewijsVanAdres(sql, tx, a, telling)));
    await del("opvolging", opvolgingen);
    await del("bevinding", bevindingen);
    await del("signaal", await ids(sql, "SELECT id FROM signaal WHERE adres_id = ? ORDER BY id", a));
    await delLinks("besluit_partner", "besluit_id IN (SELECT id FROM besluit WHERE adres_id = ?)", a, a);
    await del("besluit", besluiten);
    await delLinks("avond_adres", "adres_id = ?", a, a);
    await delLinks("betrokkene_adres", "adres_id = ?", a, a);
  }
  // A betrokkene goes when nothing links to it any more (in a dry run: nothing outside these cases).
  const weg = new Set(adresIds);
  const verweesd: number[] = [];
  for (const b of [...losseBetrokkenen].sort((x, y) => x - y)) {
    const links = (await sql.all<{ adres_id: number }>("SELECT adres_id FROM betrokkene_adres WHERE betrokkene_id = ?", b)).filter(
      (l) => !weg.has(l.adres_id),
    );
    const brieven = (await sql.all<{ adres_id: number }>("SELECT adres_id FROM brief WHERE betrokkene_id = ?", b)).filter(
      (l) => !weg.has(l.adres_id),
    );
    if (links.length === 0 && brieven.length === 0) verweesd.push(b);
  }
  await del("betrokkene", verweesd);
  return telling;
}
