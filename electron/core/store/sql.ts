import type Database from 'better-sqlite3';

export type Db = Database.Database;
export type Statement = Database.Statement<unknown[], unknown>;

const caches = new WeakMap<Db, Map<string, Statement>>();

function cached(db: Db, key: string, make: () => Statement): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(key);
  if (!statement) {
    statement = make();
    cache.set(key, statement);
  }
  return statement;
}

/** A prepared statement, compiled once per connection (imports call the same few thousands of times). */
export function stmt(db: Db, sql: string): Statement {
  return cached(db, sql, () => db.prepare(sql));
}

/** Same, returning the first column of each row; kept apart because pluck mode is sticky. */
export function pluckStmt(db: Db, sql: string): Statement {
  return cached(db, `pluck:${sql}`, () => db.prepare(sql).pluck());
}

export const nowIso = (): string => new Date().toISOString();

export function toJson(value: unknown): string {
  return JSON.stringify(value ?? null);
}

export function fromJson(text: string | null | undefined): unknown {
  return text == null ? undefined : (JSON.parse(text) as unknown);
}

/** Lists travel into SQL as one JSON parameter (`IN (SELECT value FROM json_each(?))`), so the
 * statement text, and its cached plan, does not depend on how many values were chosen. */
export function jsonList(values: readonly (string | number)[]): string {
  return JSON.stringify(values);
}
