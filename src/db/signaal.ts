import type { Sql } from "./sql.js";
import type { Tx } from "./store.js";
import type { AdresVelden } from "../domain/adres.js";
import { ADRES_VELDEN } from "./adres.js";

export interface Signaal extends AdresVelden {
  id: number;
  adres_id: number;
  gemeente: string;
  partner: string;
  omschrijving: string;
  thema: string | null;
  datum: string;
}

const SELECT = `
  SELECT s.id, s.adres_id, ${ADRES_VELDEN}, g.naam AS gemeente, p.naam AS partner, s.omschrijving, s.thema, s.datum
  FROM signaal s
  JOIN adres a ON a.id = s.adres_id
  JOIN gemeente g ON g.id = a.gemeente_id
  JOIN partner p ON p.id = s.partner_id`;

/** Newest first. */
export function listSignalen(sql: Sql, filter: { gemeenteId?: number; adresId?: number; partnerId?: number } = {}): Promise<Signaal[]> {
  const alle: [string, number | undefined][] = [
    ["a.gemeente_id", filter.gemeenteId],
    ["s.adres_id", filter.adresId],
    ["s.partner_id", filter.partnerId],
  ];
  const gelijk = alle.filter((c): c is [string, number] => c[1] !== undefined);
  const clause = gelijk.length ? `WHERE ${gelijk.map(([kolom]) => `${kolom} = ?`).join(" AND ")}` : "";
  return sql.all<Signaal>(`${SELECT} ${clause} ORDER BY s.datum DESC, s.id DESC`, ...gelijk.map(([, id]) => id));
}

export async function insertSignaal(
  tx: Tx,
  s: { adresId: number; partnerId: number; omschrijving: string; thema: string | null; datum: string },
): Promise<number> {
  const id = await tx.sql.insert(
    "INSERT INTO signaal (adres_id, partner_id, omschrijving, thema, datum, aangemaakt) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
    s.adresId,
    s.partnerId,
    s.omschrijving,
    s.thema,
    s.datum,
    tx.now,
  );
  await tx.audit("signaal", id, "toegevoegd");
  return id;
}
