import {
  accessSync,
  closeSync,
  constants,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { fail } from '@shared/contract/result';
import type { Ctx } from '../context';
import { backupTo } from '../db/backup';
import { otherHolders } from '../db/holders';
import { allowedPath } from '../files';
import { get } from '../db/prepared';
import { countsOf, tableCounts, type TableCounts } from './backup';
import { appliedMigrations, checkCandidate } from './candidate';
import { backupFileName, backupsFolder } from './backups';

function refuse(why: string): never {
  return fail('conflict', `${why} Nothing was changed.`);
}

/** A restore swaps the file; a process still holding the old one would go on writing to a ghost. */
function refuseWhileHeld(file: string): void {
  const holders = otherHolders(file);
  if (holders.length === 0) return;
  const list = holders.map((h) => `process ${h.pid}${h.what ? ` (${h.what})` : ''}`).join(', ');
  refuse(
    `Another Tandem has ${file} open: ${list}. Close it and restore again (if that process is not Tandem, remove ${holders[0]?.note}).`,
  );
}

function refuseWhileImporting(ctx: Ctx): void {
  const job = get<{ name: string }>(
    ctx.sqlite,
    `SELECT file_name AS name FROM import_jobs WHERE status IN ('queued', 'running') LIMIT 1`,
  );
  if (job) refuse(`An import (${job.name}) is running; wait for it to finish or cancel it, then restore.`);
}

/**
 * Makes sure no other connection has the file open: SQLite leaves WAL mode only when it is alone, after
 * writing the log into the file. The check the holder notes cannot make (a program that is not Tandem,
 * a second connection of this process).
 */
function takeSoleHold(sqlite: Database.Database, file: string): void {
  const wait = sqlite.pragma('busy_timeout', { simple: true }) as number;
  sqlite.pragma('busy_timeout = 2000');
  try {
    let mode: unknown;
    try {
      const [checkpoint] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
      mode = checkpoint?.busy ? 'busy' : sqlite.pragma('journal_mode = DELETE', { simple: true });
    } catch {
      mode = 'busy';
    }
    if (mode !== 'delete')
      refuse(
        `Another program is using ${file} (it holds the database open or locked). Close it and restore again.`,
      );
  } finally {
    sqlite.pragma(`busy_timeout = ${wait}`);
  }
}

/** Puts the verified copy in place of the database file in one rename, with no stale log beside it. */
function swapIn(staging: string, file: string): void {
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
  renameSync(staging, file);
  try {
    const dir = openSync(dirname(file), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  } catch {
    // Folders cannot be opened for syncing on every platform; the rename itself is atomic.
  }
}

function sameCounts(a: TableCounts, b: TableCounts): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => a[k] === b[k]);
}

/**
 * Replaces the database with a backup without ever making things worse:
 *
 * 1. the backup is checked (read-only) before anything is touched, and the restore refuses while another
 *    process has the database open or an import runs;
 * 2. a safety copy of the current database goes into the backups folder (unless `keepCurrent` is false);
 * 3. the backup is copied to `<db>.restoring-<pid>` beside the database and checked again (every page,
 *    integrity, the same rows per table as the backup);
 * 4. the core closes its connection, the copy is renamed over the database, and the core opens it again,
 *    migrating an older backup.
 *
 * A refusal or failure before step 4 leaves the database file exactly as it was and no temporary file.
 */
export async function restoreDatabase(
  ctx: Ctx,
  input: { path: string; keepCurrent: boolean },
): Promise<{ path: string; previous: string | null; counts: TableCounts }> {
  if (ctx.sqlite.memory) fail('conflict', 'An in-memory database cannot be restored.');
  const file = resolve(ctx.sqlite.name);
  const replace = ctx.replaceDatabase;
  if (!replace) return fail('conflict', 'This connection cannot reopen its database, so it cannot restore.');
  const candidate = checkCandidate(resolve(input.path), file, appliedMigrations(ctx.sqlite));
  try {
    accessSync(file, constants.W_OK);
    accessSync(dirname(file), constants.W_OK);
  } catch {
    refuse(`The database file ${file} (or its folder) is read-only, so Tandem cannot replace it.`);
  }
  refuseWhileHeld(file);
  refuseWhileImporting(ctx);

  const staging = `${file}.restoring-${process.pid}`;
  const clean = () => {
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(staging + suffix, { force: true });
  };
  let previous: string | null = null;
  let swapped = false;
  clean();
  try {
    if (input.keepCurrent) {
      const folder = backupsFolder(file);
      mkdirSync(folder, { recursive: true });
      previous = join(folder, backupFileName(file, ctx.clock.now(), 'before-restore'));
      await backupTo(ctx.sqlite, previous);
    }
    const source = new Database(candidate.path, { readonly: true, fileMustExist: true });
    try {
      await backupTo(source, staging);
    } finally {
      source.close();
    }
    const copied = countsOf(staging);
    if (!sameCounts(copied, candidate.counts))
      fail(
        'internal',
        `The copy of ${candidate.path} does not hold the same rows as the backup; not restored.`,
      );
    refuseWhileHeld(file);
    takeSoleHold(ctx.sqlite, file);
    await replace(() => {
      swapIn(staging, file);
      swapped = true;
    });
  } catch (error) {
    // The safety copy was made for this restore only; a restore that did not happen leaves nothing behind.
    if (!swapped && previous) rmSync(previous, { force: true });
    throw error;
  } finally {
    clean();
  }
  return { path: file, previous, counts: tableCounts(ctx.sqlite) };
}

/** Restores one of the backups folder's files, named by its id (its file name). */
export function restoreBackup(ctx: Ctx, id: string) {
  if (basename(id) !== id || id.startsWith('.') || !id.endsWith('.sqlite'))
    fail('validation', `${id} is not the name of a backup in the backups folder.`, [
      { field: 'id', message: 'expected a backup file name from the list' },
    ]);
  const path = join(backupsFolder(resolve(ctx.sqlite.name)), id);
  return restoreDatabase(ctx, { path: allowedPath(ctx, path, 'read'), keepCurrent: true });
}
