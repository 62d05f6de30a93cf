import type { Db } from "./connection.js";
import type { Sql, SqlValue } from "./sql.js";

/**
 * Moving a team from its SQLite file to PostgreSQL (`interventie overzetten`, issue 16): every
 * table row for row, ids kept, in the caller's one transaction, parents before children (the
 * foreign keys are checked on every insert), the identity sequences moved past the copied ids, and
 * the counts compared table by table before the caller commits.
 */

/**
 * Tables of PostgreSQL alone: the schema marker, the logins' mapping (made by `beheer gebruiker`)
 * and the evidence's bytes (SQLite keeps them as files; copied by kopieerBewijs).
 */
export const ALLEEN_POSTGRES = new Set(["interventie_schema", "gebruiker", "gebruiker_gemeente", "bestand_inhoud"]);

/** The most parameters PostgreSQL takes in one statement is 65535; stay well below. */
const MAX_PARAMETERS = 30_000;

interface Kolom {
  tabel: string;
  kolom: string;
  identity: boolean;
}

/** The tables to copy, parents first, with their columns (PostgreSQL's, which mirror SQLite's). */
export async function doelTabellen(sql: Sql): Promise<{ tabel: string; kolommen: string[]; identity: string | null }[]> {
  const kolommen = await sql.all<Kolom>(
    `SELECT c.table_name AS tabel, c.column_name AS kolom, (c.is_identity = 'YES') AS identity
     FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
     WHERE c.table_schema = 'public' ORDER BY c.table_name, c.ordinal_position`,
  );
  const fk = await sql.all<{ kind: string; ouder: string }>(
    `SELECT conrelid::regclass::text AS kind, confrelid::regclass::text AS ouder
     FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace`,
  );
  const tabellen = new Map<string, { kolommen: string[]; identity: string | null }>();
  for (const k of kolommen) {
    if (ALLEEN_POSTGRES.has(k.tabel)) continue;
    const t = tabellen.get(k.tabel) ?? { kolommen: [], identity: null };
    t.kolommen.push(k.kolom);
    if (Number(k.identity) === 1) t.identity = k.kolom;
    tabellen.set(k.tabel, t);
  }
  return oudersEerst([...tabellen.keys()].sort(), fk).map((tabel) => ({ tabel, ...tabellen.get(tabel)! }));
}

/** A topological order of the tables by their foreign keys (a table's own references aside). */
export function oudersEerst(tabellen: string[], fk: { kind: string; ouder: string }[]): string[] {
  const klaar = new Set<string>();
  const volgorde: string[] = [];
  const bezig = new Set<string>();
  const bezoek = (t: string) => {
    if (klaar.has(t) || bezig.has(t)) return;
    bezig.add(t);
    for (const f of fk) if (f.kind === t && f.ouder !== t && tabellen.includes(f.ouder)) bezoek(f.ouder);
    bezig.delete(t);
    klaar.add(t);
    volgorde.push(t);
  };
  for (const t of tabellen) bezoek(t);
  return volgorde;
}

/** The first table of the target that holds rows (the target must be new and empty), or undefined. */
export async function eersteGevuldeTabel(sql: Sql, tabellen: string[]): Promise<{ tabel: string; n: number } | undefined> {
  for (const tabel of tabellen) {
    const r = await sql.get<{ n: number }>(`SELECT count(*) AS n FROM "${tabel}"`);
    if (r && r.n > 0) return { tabel, n: r.n };
  }
  return undefined;
}

/** The SQLite tables and their columns, to compare with the target's. */
export function bronKolommen(bron: Db): Map<string, string[]> {
  const uit = new Map<string, string[]>();
  const tabellen = bron.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
    name: string;
  }[];
  for (const { name } of tabellen) {
    uit.set(
      name,
      (bron.prepare(`PRAGMA table_info("${name}")`).all() as { name: string }[]).map((c) => c.name),
    );
  }
  return uit;
}

/** Copies one table in multi-row INSERTs (never a round trip per row); returns the rows copied. */
export async function kopieerTabel(bron: Db, sql: Sql, tabel: string, kolommen: string[], identity: string | null): Promise<number> {
  const lijst = kolommen.map((k) => `"${k}"`).join(", ");
  const volgorde = identity ? ` ORDER BY "${identity}"` : "";
  const perKeer = Math.max(1, Math.min(1000, Math.floor(MAX_PARAMETERS / kolommen.length)));
  const rij = `(${kolommen.map(() => "?").join(", ")})`;
  let buffer: SqlValue[] = [];
  let inBuffer = 0;
  let totaal = 0;
  const schrijf = async () => {
    if (inBuffer === 0) return;
    await sql.run(`INSERT INTO "${tabel}" (${lijst}) VALUES ${Array(inBuffer).fill(rij).join(", ")}`, ...buffer);
    totaal += inBuffer;
    buffer = [];
    inBuffer = 0;
  };
  for (const r of bron.prepare(`SELECT ${lijst} FROM "${tabel}"${volgorde}`).raw().iterate() as IterableIterator<unknown[]>) {
    buffer.push(...(r as SqlValue[]));
    if (++inBuffer === perKeer) await schrijf();
  }
  await schrijf();
  if (identity && totaal > 0) {
    await sql.get(`SELECT setval(pg_get_serial_sequence(?, ?), (SELECT max("${identity}") FROM "${tabel}")) AS n`, tabel, identity);
  }
  return totaal;
}

/** The number of rows of a table, on either store. */
export async function telRijen(sql: Sql, tabel: string): Promise<number> {
  return (await sql.get<{ n: number }>(`SELECT count(*) AS n FROM "${tabel}"`))!.n;
}

/** Keeps the names of the copied audit log (the trigger otherwise writes the login that copies). */
export async function behoudNamen(sql: Sql): Promise<void> {
  await sql.get("SELECT set_config('interventie.overzetten', 'aan', true) AS x");
}
