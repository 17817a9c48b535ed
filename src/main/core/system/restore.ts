import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { ApiError, fail } from '@shared/contract/result';
import type { Ctx } from '../context';
import { backupTo } from '../db/backup';
import { all } from '../db/prepared';
import { badPath, tableCounts, type TableCounts } from './backup';

const MIGRATIONS = '__drizzle_migrations';

function appliedMigrations(sqlite: Database.Database): Set<number> {
  return new Set(
    all<{ at: number }>(sqlite, `SELECT created_at AS at FROM "${MIGRATIONS}"`).map((r) => Number(r.at)),
  );
}

/** Opens the backup read-only and checks it is a Tandem database this version can open. */
function checkBackup(ctx: Ctx, path: string): void {
  if (!existsSync(path)) badPath(`${path} does not exist.`);
  let source: Database.Database | undefined;
  let applied: Set<number>;
  try {
    source = new Database(path, { readonly: true, fileMustExist: true });
    const hasMigrations = source.prepare(`SELECT 1 FROM sqlite_master WHERE name = '${MIGRATIONS}'`).get();
    if (!hasMigrations) badPath(`${path} is not a Tandem backup (it has no Tandem schema).`);
    applied = appliedMigrations(source);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    return badPath(`${path} is not a readable SQLite database.`);
  } finally {
    source?.close();
  }
  // The open database has every migration this version knows; a backup with others is from a newer Tandem.
  const known = appliedMigrations(ctx.sqlite);
  if ([...applied].some((at) => !known.has(at)))
    fail(
      'schema_too_new',
      `${path} was written by a newer version of Tandem; update Tandem to restore it. Nothing was changed.`,
    );
}

/**
 * Replaces the open database's content with a backup's, in place. The file cannot simply be swapped while
 * the core holds it open, so the backup is written *into* it with SQLite's online backup API: the core's
 * connection first checkpoints its write-ahead log and leaves WAL mode, so the file alone is the database
 * and the copy takes SQLite's locks like any writer. A copy of what it replaced is kept beside the file first.
 *
 * Afterwards the connection reads the backup as it was written, which may be an older schema: the caller
 * closes this core and opens a new one, which migrates it (and `tandem restore` does exactly that).
 */
export async function restoreDatabase(
  ctx: Ctx,
  input: { path: string; keepCurrent: boolean },
): Promise<{ path: string; previous: string | null; counts: TableCounts }> {
  const file = ctx.sqlite.name;
  if (ctx.sqlite.memory) fail('conflict', 'An in-memory database cannot be restored.');
  const backup = resolve(input.path);
  checkBackup(ctx, backup);
  let previous: string | null = null;
  if (input.keepCurrent) {
    previous = `${file}.before-restore-${ctx.clock.now().toISOString().replace(/[:.]/g, '-')}.sqlite`;
    await backupTo(ctx.sqlite, previous);
  }
  // A private copy in rollback-journal mode: the user's file is never opened for writing, and the pages
  // copied carry no write-ahead-log flag into the database.
  const staging = `${file}.restoring`;
  copyFileSync(backup, staging);
  try {
    const source = new Database(staging);
    try {
      source.pragma('journal_mode = DELETE');
      ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      ctx.sqlite.pragma('journal_mode = DELETE');
      await source.backup(file);
    } finally {
      source.close();
      ctx.sqlite.pragma('journal_mode = WAL');
    }
  } finally {
    rmSync(staging, { force: true });
  }
  return { path: file, previous, counts: tableCounts(ctx.sqlite) };
}
