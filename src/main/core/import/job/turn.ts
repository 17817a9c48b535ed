import type Database from 'better-sqlite3';
import { setTimeout as sleep } from 'node:timers/promises';
import { all, run } from '../../db/prepared';
import { writeTransaction } from '../../db/transaction';
import type { importJobs } from '../../db/schema';
import type { SqlRow } from '../../db/typed';
import { heldElsewhere, recoverJobs } from './recover';

/** How often a job waiting for its turn looks again, and how often it says it is still alive while it waits. */
const POLL_MS = 250;
const HEARTBEAT_MS = 30_000;

type Holder = SqlRow<typeof importJobs, 'id' | 'status' | 'worker_pid' | 'heartbeat_at' | 'file_name'>;

/**
 * One import runs at a time on a database, whichever process started it: two at once would interleave their
 * batches, fight over the deferred indexes and each dedupe against the other's half-written file. The claim
 * is a write transaction that begins IMMEDIATE, so of two processes claiming together exactly one sees no
 * other job running and marks its own `running` (`start`, inside the same transaction); the other gets the
 * holder back and nothing of it is written.
 */
export function claimTurn(sqlite: Database.Database, jobId: string, now: () => string, start: () => void) {
  return writeTransaction(sqlite, (): Holder | null => {
    const running = all<Holder>(
      sqlite,
      `SELECT id, status, worker_pid, heartbeat_at, file_name FROM import_jobs WHERE status = 'running' AND id <> ?`,
      jobId,
    );
    const holder = running.find((row) => heldElsewhere(row, now));
    if (holder) return holder;
    start();
    return null;
  });
}

/**
 * The import running on this database now, in this process or another live one; null when none is. A job that
 * a dead process left `running` is not running.
 */
export function runningImport(sqlite: Database.Database, now: () => string): Holder | null {
  const running = all<Holder>(
    sqlite,
    `SELECT id, status, worker_pid, heartbeat_at, file_name FROM import_jobs WHERE status = 'running'`,
  );
  return running.find((row) => row.worker_pid === process.pid || heldElsewhere(row, now)) ?? null;
}

/**
 * Waits until this job holds the database's import turn and is marked running (`start`). A job that a dead
 * process left `running` is marked interrupted on the way (its whole batches are kept, resumable or undoable)
 * and does not hold the turn. `onWait` hears once that another import goes first; cancelling while waiting
 * throws the signal's reason, before this job wrote anything.
 */
export async function waitForTurn(
  sqlite: Database.Database,
  jobId: string,
  options: { now: () => string; signal?: AbortSignal; onWait?: (holder: Holder) => void; start: () => void },
): Promise<void> {
  let waited = false;
  let beat = performance.now();
  for (;;) {
    recoverJobs(sqlite, (id) => id === jobId, options.now, true);
    const holder = claimTurn(sqlite, jobId, options.now, options.start);
    if (!holder) return;
    if (!waited) options.onWait?.(holder);
    waited = true;
    if (performance.now() - beat >= HEARTBEAT_MS) {
      beat = performance.now();
      writeTransaction(sqlite, () =>
        run(sqlite, 'UPDATE import_jobs SET heartbeat_at = ? WHERE id = ?', options.now(), jobId),
      );
    }
    await sleep(POLL_MS, undefined, { signal: options.signal });
  }
}
