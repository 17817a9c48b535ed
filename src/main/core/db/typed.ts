import type Database from 'better-sqlite3';
import type { Column, Table } from 'drizzle-orm';
import { prepared } from './prepared';

/**
 * Row types for raw SQL, taken from the drizzle schema so that they cannot drift from the tables: a column
 * renamed or retyped in `schema/` changes every row type that names it, and the compiler finds the queries.
 * Raw statements stay raw (prepared once per connection, as fast as better-sqlite3 goes); only their result
 * type is declared, once, next to the SQL.
 *
 *   type Ref = Row<typeof contacts, 'id' | 'companyId'>;               // SELECT id, company_id AS companyId
 *   const byEmail = statement<Ref, [string]>('SELECT id, company_id AS companyId FROM contacts WHERE email_key = ?');
 *   const ref = byEmail.get(ctx.sqlite, key);                         // Ref | undefined
 *   type Job = SqlRow<typeof importJobs>;                              // SELECT * FROM import_jobs
 */

type Columns<T extends Table> = T['_']['columns'];

/** What SQLite hands back for a column: booleans as 0/1 and JSON as its text (drizzle maps them only in its builder). */
export type Stored<C extends Column> =
  | (C['_']['dataType'] extends 'boolean'
      ? 0 | 1
      : C['_']['dataType'] extends 'json'
        ? string
        : C['_']['data'])
  | (C['_']['notNull'] extends true ? never : null);

/**
 * Columns `K` of `table` under their drizzle names, as a raw SELECT returns them when each column is aliased to
 * that name (`company_id AS companyId`). `$inferSelect`'s keys and types, except for booleans and JSON.
 */
export type Row<T extends Table, K extends keyof Columns<T> = keyof Columns<T>> = {
  [P in K]: Stored<Columns<T>[P]>;
};

/** A column's name in SQL (`company_id`). */
export type SqlName<T extends Table> = Columns<T>[keyof Columns<T>]['_']['name'];

/** Columns `K` of `table` under their SQL names, as `SELECT *` or an unaliased column list returns them. */
export type SqlRow<T extends Table, K extends SqlName<T> = SqlName<T>> = {
  [
    P in keyof Columns<T> as Columns<T>[P]['_']['name'] extends K ? Columns<T>[P]['_']['name'] : never
  ]: Stored<Columns<T>[P]>;
};

/**
 * A row whose text columns hold only a fixed set of values (`channel`, `status`…): the writes check them and,
 * under test, so does every method's output schema; the type says which set.
 */
export type With<R, Narrowed extends { [K in keyof R]?: R[K] }> = Omit<R, keyof Narrowed> & Narrowed;

/** `SELECT count(*) AS n`. */
export type Count = { n: number };

/** A SQL text with its row type `R` and parameter types `P` declared once; prepared once per connection. */
export interface Statement<R, P extends unknown[] = unknown[]> {
  readonly sql: string;
  all(sqlite: Database.Database, ...params: P): R[];
  get(sqlite: Database.Database, ...params: P): R | undefined;
  run(sqlite: Database.Database, ...params: P): Database.RunResult;
}

export function statement<R, P extends unknown[] = unknown[]>(sql: string): Statement<R, P> {
  return {
    sql,
    all: (sqlite, ...params) => prepared(sqlite, sql).all(...params) as R[],
    get: (sqlite, ...params) => prepared(sqlite, sql).get(...params) as R | undefined,
    run: (sqlite, ...params) => prepared(sqlite, sql).run(...params),
  };
}
