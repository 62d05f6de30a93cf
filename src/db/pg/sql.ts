import type { Sql, SqlValue } from "../sql.js";

/** What the executor needs of a node-postgres client (a test double fits too). */
export interface PgClient {
  query(config: { text: string; values: SqlValue[]; types?: unknown }): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

/** More distinct statement texts than this and the translation cache starts over. */
const CACHE_MAX = 500;

/**
 * The Sql executor on a PostgreSQL connection: the repositories' `?` placeholders become `$1, $2, …`
 * (once per text), and rows come back as from SQLite: ids, counts and sums as numbers (the
 * connection parses int8 and numeric), and booleans (`a = b AS x`, EXISTS) as 1 and 0 — `typen` is
 * the connection's type parser with that one change, given per query.
 */
export function pgSql(client: PgClient, typen: unknown, fout: (err: unknown) => unknown): Sql {
  const cache = new Map<string, string>();
  const tekst = (sql: string): string => {
    let t = cache.get(sql);
    if (t === undefined) {
      if (cache.size >= CACHE_MAX) cache.clear();
      t = dollarPlaceholders(sql);
      cache.set(sql, t);
    }
    return t;
  };
  const query = async (sql: string, values: SqlValue[]) => {
    try {
      return await client.query({ text: tekst(sql), values, types: typen });
    } catch (err) {
      throw fout(err);
    }
  };
  return {
    dialect: "postgres",
    all: async <T>(text: string, ...params: SqlValue[]) => (await query(text, params)).rows as T[],
    get: async <T>(text: string, ...params: SqlValue[]) => (await query(text, params)).rows[0] as T | undefined,
    run: async (text: string, ...params: SqlValue[]) => (await query(text, params)).rowCount ?? 0,
    insert: async (text: string, ...params: SqlValue[]) => Number(((await query(text, params)).rows[0] as { id: number }).id),
  };
}

/**
 * `?` → `$n`, outside string literals, quoted identifiers and comments (a `?` typed in a literal
 * stays a question mark). Pure; the repositories' SQL never uses PostgreSQL's own `?` operators.
 */
export function dollarPlaceholders(sql: string): string {
  let out = "";
  let n = 0;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      const eind = sluit(sql, i, c);
      out += sql.slice(i, eind);
      i = eind - 1;
    } else if (c === "-" && sql[i + 1] === "-") {
      const eind = sql.indexOf("\n", i);
      const tot = eind === -1 ? sql.length : eind;
      out += sql.slice(i, tot);
      i = tot - 1;
    } else if (c === "/" && sql[i + 1] === "*") {
      const eind = sql.indexOf("*/", i + 2);
      const tot = eind === -1 ? sql.length : eind + 2;
      out += sql.slice(i, tot);
      i = tot - 1;
    } else if (c === "?") {
      out += `$${++n}`;
    } else {
      out += c;
    }
  }
  return out;
}

/** The index just past the literal that opens at `begin` ('' and "" escape the quote). */
function sluit(sql: string, begin: number, quote: string): number {
  for (let i = begin + 1; i < sql.length; i++) {
    if (sql[i] !== quote) continue;
    if (sql[i + 1] === quote) i++;
    else return i + 1;
  }
  return sql.length;
}
