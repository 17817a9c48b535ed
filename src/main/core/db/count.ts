import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from './open';

export function countRows(db: Db, table: SQLiteTable, where?: SQL): number {
  const query = db.select({ n: sql<number>`count(*)` }).from(table);
  return (where ? query.where(where) : query).get()?.n ?? 0;
}
