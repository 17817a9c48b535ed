import Database from 'better-sqlite3';

/**
 * A consistent copy through SQLite's online backup API (a file copy could catch a half-written WAL),
 * turned into a single self-contained file: a backup must not depend on `-wal` or `-shm` companions.
 */
export async function backupTo(sqlite: Database.Database, destination: string): Promise<void> {
  await sqlite.backup(destination);
  const copy = new Database(destination);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}
