import type Database from 'better-sqlite3';

/**
 * Runs `body` in a write transaction that begins IMMEDIATE. The import worker writes on a second connection;
 * a deferred BEGIN that reads and then writes gets SQLITE_BUSY at once (no busy_timeout wait) when that
 * connection committed in between, whereas BEGIN IMMEDIATE takes the write lock first and waits for it. Every
 * write transaction of the core goes through here (`transactions.test.ts` checks). Nested calls become
 * savepoints, as with better-sqlite3's own transactions.
 */
export function writeTransaction<T>(sqlite: Database.Database, body: () => T): T {
  return sqlite.transaction(body).immediate();
}

/** SQLite's "database is locked" family (SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT, …) as better-sqlite3 raises it. */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/**
 * A write transaction that is begun again when the other connection held the lock for longer than the
 * busy_timeout. Only a BEGIN that failed is retried: once `body` has started, its caches may hold ids of rows
 * a rollback removed, so any later error ends the transaction for good.
 */
export function writeRetrying<T>(sqlite: Database.Database, body: () => T, attempts = 3): T {
  let began: boolean;
  const transaction = sqlite.transaction(() => {
    began = true;
    return body();
  });
  for (let attempt = 1; ; attempt++) {
    began = false;
    try {
      return transaction.immediate();
    } catch (error) {
      if (began || !isBusy(error) || attempt >= attempts) throw error;
    }
  }
}

/**
 * Runs `body` on one read snapshot (a deferred transaction that only reads), so a count and the rows read
 * after it agree even while the import worker commits. Inside a transaction already, `body` just runs.
 */
export function readSnapshot<T>(sqlite: Database.Database, body: () => T): T {
  if (sqlite.inTransaction) return body();
  sqlite.exec('BEGIN DEFERRED');
  try {
    return body();
  } finally {
    if (sqlite.inTransaction) sqlite.exec('COMMIT');
  }
}
