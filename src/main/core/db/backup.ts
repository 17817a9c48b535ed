import { accessSync, constants, existsSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { fail } from '@shared/contract/result';

export interface BackupOptions {
  /**
   * How long the copy may make no progress (the destination locked by another connection, a lock that is
   * never released) before it fails instead of waiting forever.
   */
  stallMs?: number;
}

export interface BackupResult {
  /** Pages of the source the copy holds: the whole database, checked against the copy's own page count. */
  pages: number;
}

const DEFAULT_STALL_MS = 10_000;
/** The whole database in one step: one consistent snapshot, never restarted by another writer's commit. */
const ALL_PAGES = 0x7fffffff;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Refuses at once when a file cannot be written. SQLite opens a read-only file silently read-only, and a
 * copy from or into it then fails step after step without ever ending.
 */
function checkWritable(source: Database.Database, destination: string): void {
  if (!source.memory && !source.readonly && !writable(source.name))
    fail(
      'conflict',
      `The database file ${source.name} is read-only, so Tandem cannot copy it safely. Make it writable and try again.`,
    );
  const target = existsSync(destination) ? destination : dirname(destination);
  if (!writable(target))
    fail(
      'conflict',
      existsSync(destination)
        ? `${destination} is read-only; Tandem cannot write the backup there.`
        : `The folder ${target} is read-only; Tandem cannot write the backup ${destination} there.`,
    );
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One run of SQLite's backup API that gives up when it stops making progress. */
async function copyOnce(source: Database.Database, destination: string, stallMs: number) {
  let lastRemaining = Number.POSITIVE_INFINITY;
  let lastChange = Date.now();
  return source.backup(destination, {
    progress: ({ remainingPages }) => {
      const now = Date.now();
      if (remainingPages !== lastRemaining) {
        lastRemaining = remainingPages;
        lastChange = now;
        return ALL_PAGES;
      }
      if (now - lastChange > stallMs)
        fail(
          'conflict',
          `The backup to ${destination} made no progress for ${Math.round(stallMs / 1000)} s: another program holds that file locked. Nothing was copied.`,
        );
      // SQLite answered "busy": wait a moment instead of asking again at full speed.
      Atomics.wait(sleeper, 0, 0, 25);
      return ALL_PAGES;
    },
  });
}

/** The copy must be the whole database, intact, and a single self-contained file. */
function verifyCopy(destination: string, pages: number): void {
  const copy = new Database(destination, { fileMustExist: true });
  try {
    const copied = copy.pragma('page_count', { simple: true }) as number;
    if (copied !== pages)
      fail('internal', `The backup ${destination} holds ${copied} pages of ${pages}; it is incomplete.`);
    const integrity = copy.pragma('integrity_check') as { integrity_check: string }[];
    if (integrity.length !== 1 || integrity[0]?.integrity_check !== 'ok')
      fail(
        'internal',
        `The backup ${destination} failed its integrity check: ${integrity
          .slice(0, 3)
          .map((r) => r.integrity_check)
          .join('; ')}`,
      );
    // A backup must not depend on `-wal` or `-shm` companions.
    const mode = copy.pragma('journal_mode = DELETE', { simple: true }) as string;
    if (mode !== 'delete') fail('internal', `The backup ${destination} could not leave WAL mode.`);
  } finally {
    copy.close();
  }
}

/**
 * A consistent copy through SQLite's online backup API (a file copy could catch a half-written WAL),
 * checked before it counts as a backup: every page of the source copied (the API reports success with
 * nothing copied when the destination is busy), `integrity_check` ok, in rollback-journal mode. A failed
 * copy is removed if this call created the file.
 */
export async function backupTo(
  source: Database.Database,
  destination: string,
  options: BackupOptions = {},
): Promise<BackupResult> {
  const stallMs = options.stallMs ?? DEFAULT_STALL_MS;
  checkWritable(source, destination);
  const existed = existsSync(destination);
  const started = Date.now();
  try {
    for (;;) {
      const progress = await copyOnce(source, destination, stallMs);
      const pages = progress.totalPages;
      if (pages > 0 && progress.remainingPages === 0) {
        verifyCopy(destination, pages);
        return { pages };
      }
      // Busy before the first page: the API resolves with `totalPages: 0`. Try again for a while.
      if (Date.now() - started > stallMs)
        fail(
          'conflict',
          `The backup to ${destination} copied nothing: another program holds that file locked. Close it and try again.`,
        );
      await delay(100);
    }
  } catch (error) {
    if (!existed)
      for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(destination + suffix, { force: true });
    throw error;
  }
}
