import type { Db } from "./connection.js";
import type { Tx } from "./audit.js";

export interface Signaal {
  id: number;
  adres_id: number;
  adres: string;
  gemeente: string;
  partner: string;
  omschrijving: string;
  thema: string | null;
  datum: string;
}

const SELECT = `
  SELECT s.id, s.adres_id,
         a.straat || ' ' || a.huisnummer || a.toevoeging || ', ' || a.plaats AS adres,
         g.naam AS gemeente, p.naam AS partner, s.omschrijving, s.thema, s.datum
  FROM signaal s
  JOIN adres a ON a.id = s.adres_id
  JOIN gemeente g ON g.id = a.gemeente_id
  JOIN partner p ON p.id = s.partner_id`;

export function listSignalen(db: Db, filter: { gemeenteId?: number; adresId?: number; partnerId?: number } = {}): Signaal[] {
  const alle: [string, number | undefined][] = [
    ["a.gemeente_id", filter.gemeenteId],
    ["s.adres_id", filter.adresId],
    ["s.partner_id", filter.partnerId],
  ];
  const gelijk = alle.filter((c): c is [string, number] => c[1] !== undefined);
  const clause = gelijk.length ? `WHERE ${gelijk.map(([kolom]) => `${kolom} = ?`).join(" AND ")}` : "";
  return db.prepare(`${SELECT} ${clause} ORDER BY s.datum DESC, s.id DESC`).all(...gelijk.map(([, id]) => id)) as Signaal[];
}

export function insertSignaal(
  tx: Tx,
  s: { adresId: number; partnerId: number; omschrijving: string; thema: string | null; datum: string },
): number {
  const id = Number(
    tx.db
      .prepare("INSERT INTO signaal (adres_id, partner_id, omschrijving, thema, datum, aangemaakt) VALUES (?, ?, ?, ?, ?, ?)")
      .run(s.adresId, s.partnerId, s.omschrijving, s.thema, s.datum, tx.now).lastInsertRowid,
  );
  tx.audit("signaal", id, "toegevoegd");
  return id;
}
