import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { backupTo } from '@core/db/backup';
import { openDatabase } from '@core/db/open';
import { UsageError } from './args';

export interface TableCounts {
  [table: string]: number;
}

export function tableCounts(sqlite: Database.Database): TableCounts {
  const tables = sqlite
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' ORDER BY name`,
    )
    .all() as { name: string }[];
  const counts: TableCounts = {};
  for (const { name } of tables) {
    counts[name] = (sqlite.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n;
  }
  return counts;
}

/** A consistent copy through SQLite's online backup API (a file copy could catch a half-written WAL). */
export async function backupDatabase(file: string, out: string): Promise<TableCounts> {
  if (existsSync(out)) throw new UsageError(`backup: ${out} already exists; choose another file name.`);
  mkdirSync(dirname(out), { recursive: true });
  const connection = await openDatabase(file);
  try {
    await backupTo(connection.sqlite, out);
    return tableCounts(connection.sqlite);
  } finally {
    connection.close();
  }
}

function assertTandemDatabase(path: string): void {
  if (!existsSync(path)) throw new UsageError(`restore: ${path} does not exist.`);
  let source: Database.Database | undefined;
  try {
    source = new Database(path, { readonly: true, fileMustExist: true });
    const hasMigrations = source
      .prepare(`SELECT 1 FROM sqlite_master WHERE name = '__drizzle_migrations'`)
      .get();
    if (!hasMigrations)
      throw new UsageError(`restore: ${path} is not a Tandem backup (it has no Tandem schema).`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`restore: ${path} is not a readable SQLite database.`);
  } finally {
    source?.close();
  }
}

/**
 * Replaces the database with a backup. The current database is first backed up beside itself, and the
 * restored file is opened once so an older backup is migrated (and a newer one refused) right away.
 */
export async function restoreDatabase(
  file: string,
  backup: string,
  now: Date,
): Promise<{ counts: TableCounts; previous: string | null }> {
  assertTandemDatabase(backup);
  let previous: string | null = null;
  if (existsSync(file)) {
    previous = `${file}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}.sqlite`;
    const current = new Database(file, { readonly: true });
    try {
      await backupTo(current, previous);
    } finally {
      current.close();
    }
  }
  const staging = `${file}.restoring`;
  copyFileSync(backup, staging);
  const source = new Database(staging, { readonly: true });
  try {
    await source.backup(file);
  } finally {
    source.close();
  }
  const connection = await openDatabase(file);
  try {
    return { counts: tableCounts(connection.sqlite), previous };
  } finally {
    connection.close();
    const { rmSync } = await import('node:fs');
    rmSync(staging, { force: true });
  }
}
