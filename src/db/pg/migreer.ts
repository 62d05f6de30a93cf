import { UserError } from "../../errors.js";
import { vertaalPgFout, type Bestemming } from "./fouten.js";
import { BASIS, TABELLEN } from "./schema.js";
import { EIGENAAR, ROLLEN_SQL, TOEGANG_SQL } from "./toegang.js";

/** What the runner needs of a connection: node-postgres' Client fits, and so does a test double. */
export interface Querier {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

/**
 * One PostgreSQL schema version. `rollen` runs as the logged-in administrator (cluster-wide
 * roles need its CREATEROLE), `sql` as the owner role, so every object belongs to it.
 */
export interface PgMigratie {
  rollen?: string;
  sql: string;
}

/**
 * PostgreSQL's own schema history, separate from SQLite's user_version: never edit a released
 * entry, append one. Version 1 (issue 16, unreleased) is SQLite schema v7 complete, with access control.
 */
export const PG_MIGRATIES: readonly PgMigratie[] = [{ rollen: ROLLEN_SQL, sql: [BASIS, TABELLEN, TOEGANG_SQL].join("\n") }];

export const PG_SCHEMA_VERSIE = PG_MIGRATIES.length;
/** The SQLite schema version PG_SCHEMA_VERSIE mirrors (test/pg/schema.test.ts holds them together). */
export const GESPIEGELDE_SQLITE_VERSIE = 7;

/** 'INTV': the advisory lock under which a database is migrated, so two first users migrate once. */
export const MIGRATIE_SLOT = 0x494e5456;

export interface DatabaseStaat {
  /** The schema version, or null: no marker (an empty database, or someone else's). */
  versie: number | null;
  /** Tables, views and sequences in schema public that are not ours (nor an extension's). */
  vreemdeObjecten: number;
  /** May this login migrate: superuser, member of the owner role, or (empty database) CREATEROLE. */
  magMigreren: boolean;
}

export type Oordeel = { actie: "klaar" } | { actie: "migreren"; van: number };

/**
 * What to do with a database, or the one Dutch line why not. Pure: the runner and the
 * connection check (every command) share it.
 */
export function beoordeel(staat: DatabaseStaat, b: Bestemming, doel = PG_SCHEMA_VERSIE): Oordeel {
  const naam = `Database ${b.database}`;
  if (staat.versie === null && staat.vreemdeObjecten > 0) {
    throw new UserError(
      "geen-database",
      `${naam} is geen interventie-database (er staan al tabellen van iets anders in); er is niets gewijzigd`,
    );
  }
  const versie = staat.versie ?? 0;
  if (versie > PG_SCHEMA_VERSIE) {
    throw new UserError(
      "nieuwere-database",
      `${naam} is gemaakt door een nieuwere versie van interventie (schema ${versie}, deze versie kent ${PG_SCHEMA_VERSIE}); werk interventie bij`,
    );
  }
  if (versie >= doel) return { actie: "klaar" };
  if (!staat.magMigreren) {
    throw new UserError(
      versie === 0 ? "database-leeg" : "database-verouderd",
      versie === 0
        ? `${naam} is nog leeg: de beheerder moet eerst \`interventie --db postgres://… init --team …\` draaien`
        : `${naam} heeft schema ${versie} en deze versie van interventie verwacht ${doel}: de beheerder moet de database bijwerken`,
    );
  }
  return { actie: "migreren", van: versie };
}

/** Reads the marker and the caller's rights; run inside the runner's transaction. */
export async function leesStaat(q: Querier): Promise<DatabaseStaat> {
  const { rows } = await q.query<{ gemarkeerd: boolean; vreemd: number; super: boolean; createrole: boolean; eigenaar: boolean }>(
    `SELECT to_regclass('public.interventie_schema') IS NOT NULL AS gemarkeerd,
            (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = 'public' AND c.relkind IN ('r','p','v','m','f','S')
                AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')) AS vreemd,
            r.rolsuper AS super, r.rolcreaterole AS createrole,
            CASE WHEN EXISTS (SELECT 1 FROM pg_roles e WHERE e.rolname = $1) THEN pg_has_role(session_user, $1, 'MEMBER') ELSE false END AS eigenaar
     FROM pg_roles r WHERE r.rolname = session_user`,
    [EIGENAAR],
  );
  const s = rows[0]!;
  let versie: number | null = null;
  if (s.gemarkeerd) {
    const marker = await q.query<{ versie: number }>("SELECT versie FROM interventie_schema");
    versie = marker.rows[0]?.versie ?? 0;
  }
  return {
    versie,
    vreemdeObjecten: s.gemarkeerd ? 0 : s.vreemd,
    magMigreren: s.super || s.eigenaar || (versie === null && s.createrole),
  };
}

/**
 * Brings a database to the current schema in one transaction, under an advisory lock: a second
 * user starting at the same moment waits, then finds the work done. Returns the versions.
 */
export async function migreer(q: Querier, b: Bestemming, doel = PG_SCHEMA_VERSIE): Promise<{ van: number; naar: number }> {
  await q.query("BEGIN");
  try {
    await q.query("SELECT pg_advisory_xact_lock($1)", [MIGRATIE_SLOT]);
    const oordeel = beoordeel(await leesStaat(q), b, doel);
    if (oordeel.actie === "klaar") {
      await q.query("COMMIT");
      return { van: doel, naar: doel };
    }
    for (let v = oordeel.van; v < doel; v++) {
      const m = PG_MIGRATIES[v]!;
      if (m.rollen) await q.query(m.rollen);
      await q.query(`SET LOCAL ROLE ${EIGENAAR}`);
      await q.query(m.sql);
      await q.query("RESET ROLE");
    }
    await q.query(`SET LOCAL ROLE ${EIGENAAR}`);
    await q.query(
      `INSERT INTO interventie_schema (applicatie, versie, bijgewerkt)
       VALUES ('interventie', $1, iso_nu())
       ON CONFLICT (enkel) DO UPDATE SET versie = excluded.versie, bijgewerkt = excluded.bijgewerkt`,
      [doel],
    );
    await q.query("COMMIT");
    return { van: oordeel.van, naar: doel };
  } catch (err) {
    await q.query("ROLLBACK").catch(() => undefined);
    throw vertaalPgFout(err, b);
  }
}
