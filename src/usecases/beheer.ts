import type { PgStore } from "../db/pg/store.js";
import { UserError } from "../errors.js";

/**
 * `beheer gebruiker` works on the team database of PostgreSQL only (a SQLite file has no logins),
 * and only for its administrator (a member of the owner role): the database refuses anyone else
 * too, this says it in one line before anything is asked.
 */
export async function alsBeheerder(store: { soort: "sqlite" | "postgres" }): Promise<PgStore> {
  if (store.soort !== "postgres") {
    throw new UserError(
      "alleen-postgres",
      "beheer gebruiker is voor een PostgreSQL-teamdatabase (--db postgres://…); een databasebestand heeft geen logins",
    );
  }
  const pg = store as PgStore;
  const ik = await pg.ik();
  if (!ik.beheerder) {
    throw new UserError("geen-beheerder", `beheer gebruiker is voor de beheerder van de teamdatabase; login ${ik.login} is dat niet`);
  }
  return pg;
}

/** The shortest password a new login may get (the README's team chapter says why: it guards the team's data). */
export const MIN_WACHTWOORD = 12;

export function controleerWachtwoord(w: string): string {
  if (w.length < MIN_WACHTWOORD) throw new UserError("zwak-wachtwoord", `Het wachtwoord moet minstens ${MIN_WACHTWOORD} tekens hebben`);
  if (/[\r\n]/.test(w)) throw new UserError("zwak-wachtwoord", "Het wachtwoord mag geen regeleinde bevatten");
  return w;
}
