import type Database from 'better-sqlite3';
import Sqlite from 'better-sqlite3';
import { all } from '../../db/prepared';
import { restoreIndexes } from './deferred-indexes';
import { indexJobForSearch } from './search';
import { jobRow, setStatus } from './store';
import type { importJobs } from '../../db/schema';
import type { SqlRow } from '../../db/typed';

/** A job whose process still runs but has not written for this long is taken as dead (a reused pid). */
const STALE_MS = 10 * 60_000;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

type JobHold = SqlRow<typeof importJobs, 'id' | 'status' | 'worker_pid' | 'heartbeat_at'>;

/** Another process (the app, another `tandem import`) holds this job now: it is alive and wrote lately. */
export function heldElsewhere(row: JobHold, now: () => string): boolean {
  const pid = row.worker_pid;
  const fresh = row.heartbeat_at !== null && Date.parse(now()) - Date.parse(row.heartbeat_at) < STALE_MS;
  return pid !== null && pid !== process.pid && processAlive(pid) && fresh;
}

/**
 * Finds jobs left `running` (or `queued`) by a process that is gone (a crash, a kill, a power cut) and marks
 * them interrupted. Their committed batches are whole (each batch is one transaction that also advanced
 * rows_done), so they can be resumed from there or undone. `isLive` names jobs this process is running;
 * `othersOnly` leaves alone every job of this process (an import waiting for its turn judges only the others).
 */
export function recoverJobs(
  sqlite: Database.Database,
  isLive: (jobId: string) => boolean,
  now: () => string,
  othersOnly = false,
): string[] {
  const rows = all<JobHold>(
    sqlite,
    `SELECT id, status, worker_pid, heartbeat_at FROM import_jobs WHERE status IN ('running', 'queued')`,
  );
  const recovered: string[] = [];
  for (const row of rows) {
    if (isLive(row.id) || heldElsewhere(row, now)) continue;
    if (othersOnly && (row.worker_pid === null || row.worker_pid === process.pid)) continue;
    const job = jobRow(sqlite, row.id);
    if (!job) continue;
    if (row.status === 'running') {
      restoreIndexes(sqlite, row.id);
      indexJobForSearch(sqlite, row.id);
    }
    setStatus(
      sqlite,
      row.id,
      'interrupted',
      now(),
      `Tandem stopped while this import was running; the first ${job.rows_done} rows were saved. Resume it to import the rest, or undo it.`,
    );
    recovered.push(row.id);
  }
  return recovered;
}

/**
 * A connection of its own for the import worker: the core's connection stays free for the UI. The schema is
 * already current (the core opened the file first), so no migrations are looked for here.
 */
export function openImportConnection(file: string): Database.Database {
  const sqlite = new Sqlite(file, { fileMustExist: true });
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 10000');
  sqlite.pragma('synchronous = NORMAL');
  tuneForImport(sqlite);
  return sqlite;
}

/**
 * A bigger page cache keeps the indexes being filled in memory across batches (32 MB, within the importer's
 * RSS budget), statement journals stay in memory, and checkpointing every 40 MB rather than every 4 MB stops each batch's commit from also
 * copying the write-ahead log into the database file.
 */
export function tuneForImport(sqlite: Database.Database): void {
  sqlite.pragma('cache_size = -32768');
  // Every insert into a table with triggers opens a statement journal; in memory it costs far less than a file.
  sqlite.pragma('temp_store = MEMORY');
  sqlite.pragma('wal_autocheckpoint = 10000');
  // Test-only: room for this many more pages, so a test meets SQLITE_FULL as on a full disk.
  const room = Number(process.env.TANDEM_TEST_IMPORT_ROOM_PAGES);
  if (room > 0) {
    const pages = Number(sqlite.pragma('page_count', { simple: true }));
    sqlite.pragma(`max_page_count = ${pages + Math.floor(room)}`);
  }
}
