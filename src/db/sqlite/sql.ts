import type BetterSqlite3 from "better-sqlite3";
import type { Sql, SqlValue } from "../sql.js";

type Statement = BetterSqlite3.Statement<SqlValue[]>;

/** More distinct statement texts than this (IN lists of every length …) and the cache starts over. */
const CACHE_MAX = 500;

/**
 * The Sql executor on a better-sqlite3 connection. Statements are prepared once per text and
 * kept (preparing costs more than running a small query). The driver is synchronous: each call
 * has done its work before the promise is returned, so awaiting costs a microtask, no I/O wait.
 */
export function sqliteSql(db: BetterSqlite3.Database): Sql {
  let sql = executors.get(db);
  if (!sql) {
    sql = executor(db);
    executors.set(db, sql);
  }
  return sql;
}

/** One executor (and statement cache) per connection. */
const executors = new WeakMap<BetterSqlite3.Database, Sql>();

function executor(db: BetterSqlite3.Database): Sql {
  const cache = new Map<string, Statement>();
  const prepare = (text: string): Statement => {
    let s = cache.get(text);
    if (!s) {
      if (cache.size >= CACHE_MAX) cache.clear();
      s = db.prepare<SqlValue[]>(text);
      cache.set(text, s);
    }
    return s;
  };
  return {
    dialect: "sqlite",
    all: async <T>(text: string, ...params: SqlValue[]) => prepare(text).all(...params) as T[],
    get: async <T>(text: string, ...params: SqlValue[]) => prepare(text).get(...params) as T | undefined,
    run: async (text: string, ...params: SqlValue[]) => prepare(text).run(...params).changes,
    insert: async (text: string, ...params: SqlValue[]) => Number((prepare(text).get(...params) as { id: number | bigint }).id),
  };
}
