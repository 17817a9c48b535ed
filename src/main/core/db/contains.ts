import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/**
 * `column` holds `text` anywhere, ignoring case (ASCII), with `%`, `_` and `\` taken literally: SQLite's
 * LIKE treats a backslash as an escape only with an ESCAPE clause, so `fb_re` finds the tracking code
 * `fb_retarget` and nothing else.
 */
export function contains(column: AnyColumn, text: string): SQL {
  const pattern = `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return sql`${column} LIKE ${pattern} ESCAPE '\\'`;
}
