import type Database from 'better-sqlite3';

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * Prepares a statement once per connection. Read queries with a handful of filter combinations are built
 * as text; caching them keeps list, board and search calls from re-parsing SQL on every keystroke.
 */
export function prepared(sqlite: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(sqlite);
  if (!cache) {
    cache = new Map();
    caches.set(sqlite, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = sqlite.prepare(sql);
    if (cache.size > 500) cache.clear();
    cache.set(sql, statement);
  }
  return statement;
}

export function all<T>(sqlite: Database.Database, sql: string, ...params: unknown[]): T[] {
  return prepared(sqlite, sql).all(...params) as T[];
}

export function get<T>(sqlite: Database.Database, sql: string, ...params: unknown[]): T | undefined {
  return prepared(sqlite, sql).get(...params) as T | undefined;
}

export function run(sqlite: Database.Database, sql: string, ...params: unknown[]): Database.RunResult {
  return prepared(sqlite, sql).run(...params);
}
