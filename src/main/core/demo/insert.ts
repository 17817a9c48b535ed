import { getTableColumns } from 'drizzle-orm';
import { getTableConfig, type SQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Statement } from 'better-sqlite3';
import type { Ctx } from '../context';

/**
 * Writes rows with one prepared INSERT per set of given columns. The demo writes some ten thousand rows and
 * building a drizzle query per batch costs several times what SQLite needs to store them; values still go
 * through each column's own mapping (booleans as 0/1) and its default function when left out.
 */
export function insertAll<T extends SQLiteTable>(
  ctx: Ctx,
  table: T,
  rows: readonly T['$inferInsert'][],
): void {
  if (rows.length === 0) return;
  const { name } = getTableConfig(table);
  const columns = Object.entries(getTableColumns(table)) as [string, SQLiteColumn][];
  const statements = new Map<string, { statement: Statement; keys: [string, SQLiteColumn][] }>();
  for (const row of rows) {
    const values = row as Record<string, unknown>;
    const keys = columns.filter(
      ([key, column]) => values[key] !== undefined || column.defaultFn !== undefined,
    );
    const signature = keys.map(([key]) => key).join(',');
    let entry = statements.get(signature);
    if (!entry) {
      const names = keys.map(([, column]) => `"${column.name}"`).join(', ');
      const marks = keys.map(() => '?').join(', ');
      entry = {
        statement: ctx.sqlite.prepare(`INSERT INTO "${name}" (${names}) VALUES (${marks})`),
        keys,
      };
      statements.set(signature, entry);
    }
    entry.statement.run(
      entry.keys.map(([key, column]) => {
        const value = values[key] === undefined ? column.defaultFn?.() : values[key];
        return value === null || value === undefined ? null : column.mapToDriverValue(value);
      }),
    );
  }
}
