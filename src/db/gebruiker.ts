import { UserError } from "../errors.js";
import type { Sql } from "./sql.js";

/**
 * The team's logins on PostgreSQL (`beheer gebruiker`), through the database's own functions
 * (src/db/pg/toegang.ts): they create the role, grant its group, map its organisation and write
 * the audit entry, all in the caller's transaction. The password arrives only as a SCRAM verifier.
 */
export interface Teamgebruiker {
  login: string;
  rol: string;
  organisatie: string | null;
  kan_aanmelden: boolean;
}

export async function gebruikerToevoegen(
  sql: Sql,
  g: { login: string; rol: string; organisatie: string | null; verifier: string },
): Promise<void> {
  await eigenFout(() => sql.get("SELECT beheer_gebruiker_toevoegen(?, ?, ?, ?) AS x", g.login, g.rol, g.organisatie, g.verifier));
}

export async function gebruikerIntrekken(sql: Sql, login: string): Promise<void> {
  await eigenFout(() => sql.get("SELECT beheer_gebruiker_intrekken(?) AS x", login));
}

export async function gebruikerLijst(sql: Sql): Promise<Teamgebruiker[]> {
  const rows = await sql.all<Omit<Teamgebruiker, "kan_aanmelden"> & { kan_aanmelden: number }>(
    "SELECT login, rol, organisatie, kan_aanmelden FROM beheer_gebruiker_lijst()",
  );
  return rows.map((r) => ({ ...r, kan_aanmelden: r.kan_aanmelden === 1 }));
}

/** The functions refuse bad input with one Dutch line of their own (invalid_parameter_value, unique_violation). */
async function eigenFout<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const e = err as { code?: unknown; message?: unknown };
    if ((e.code === "22023" || e.code === "23505") && typeof e.message === "string") throw new UserError("ongeldige-invoer", e.message);
    throw err;
  }
}
