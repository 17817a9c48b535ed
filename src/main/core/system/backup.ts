import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { fail } from '@shared/contract/result';
import type { Ctx } from '../context';
import { backupTo } from '../db/backup';
import { all, get } from '../db/prepared';

export type TableCounts = Record<string, number>;

/** Rows in every table of the file (search-index shadow tables left out): what a backup or restore carried. */
export function tableCounts(sqlite: Database.Database): TableCounts {
  const tables = all<{ name: string }>(
    sqlite,
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' ORDER BY name`,
  );
  const counts: TableCounts = {};
  for (const { name } of tables)
    counts[name] = get<{ n: number }>(sqlite, `SELECT count(*) AS n FROM "${name}"`)?.n ?? 0;
  return counts;
}

/** What a database file holds, read from the file itself (a backup reports its own rows, not the live ones). */
export function countsOf(file: string): TableCounts {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return tableCounts(db);
  } finally {
    db.close();
  }
}

/** A field-level refusal: the command line reports it as a usage error naming the file. */
export function badPath(message: string): never {
  return fail('validation', message, [{ field: 'path', message }]);
}

/** A consistent copy of the open database through SQLite's online backup API, to a file that must be new. */
export async function backupDatabase(ctx: Ctx, path: string): Promise<{ path: string; counts: TableCounts }> {
  const out = resolve(path);
  if (existsSync(out)) badPath(`${out} already exists; choose another file name.`);
  mkdirSync(dirname(out), { recursive: true });
  await backupTo(ctx.sqlite, out);
  return { path: out, counts: countsOf(out) };
}
