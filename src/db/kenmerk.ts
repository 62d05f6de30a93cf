import type { Sql } from "./sql.js";
import type { Tx } from "./store.js";

/**
 * Kenmerk numbers: one counter per series and year, one mechanism for both series. Letters
 * (INT-2026-000012) and rapporten van bevindingen (RVB-2026-000001) are numbered apart, each series
 * in its own table (kenmerk_teller of issue 12, rapport_teller of issue 13): merging the tables would
 * migrate a released schema for no change in behaviour. A number is never handed out twice, also
 * after opschonen removed the letters or reports that carried it.
 */
const TELLER = { brief: "kenmerk_teller", rapport: "rapport_teller" } as const;
export type Reeks = keyof typeof TELLER;

/** The last number handed out in a series this year (0: none yet); what a concept or a provisional letter counts on. */
export async function getLaatsteNummer(sql: Sql, reeks: Reeks, jaar: number): Promise<number> {
  return (await sql.get<{ laatste: number }>(`SELECT laatste FROM ${TELLER[reeks]} WHERE jaar = ?`, jaar))?.laatste ?? 0;
}

/** Hands out the next `aantal` numbers of a series (in the write transaction); returns the last of them. */
export async function reserveNummers(tx: Tx, reeks: Reeks, jaar: number, aantal = 1): Promise<number> {
  const tabel = TELLER[reeks];
  const r = await tx.sql.get<{ laatste: number }>(
    `INSERT INTO ${tabel} (jaar, laatste) VALUES (?, ?)
     ON CONFLICT (jaar) DO UPDATE SET laatste = ${tabel}.laatste + excluded.laatste RETURNING laatste`,
    jaar,
    aantal,
  );
  return r!.laatste;
}
