import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import type Database from 'better-sqlite3';
import { writeTransaction } from './transaction';

/** Same table drizzle-kit's own migrator uses, so `drizzle-kit` tooling keeps understanding our databases. */
export const MIGRATIONS_TABLE = '__drizzle_migrations';

/** Tandem will not open this file as its database, and has not changed it; the message says why. */
export class DatabaseRefusedError extends Error {
  override readonly name: string = 'DatabaseRefusedError';
}

export class SchemaTooNewError extends DatabaseRefusedError {
  override readonly name = 'SchemaTooNewError';
  constructor(
    readonly databaseVersion: number,
    readonly knownVersion: number,
  ) {
    super(
      `This database was written by a newer version of Tandem (schema ${databaseVersion}; ` +
        `this version knows up to ${knownVersion}). Update Tandem to open it; the file was not changed.`,
    );
  }
}

export interface MigrationState {
  /** All migrations shipped with this build, oldest first. */
  known: MigrationMeta[];
  /** How many of them the database has already applied. */
  applied: number;
}

export function loadMigrations(folder: string): MigrationMeta[] {
  return readMigrationFiles({ migrationsFolder: folder });
}

function ensureTable(sqlite: Database.Database): void {
  sqlite.exec(
    `CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (id INTEGER PRIMARY KEY AUTOINCREMENT, hash text NOT NULL, created_at numeric)`,
  );
}

/** Reads which migrations a database has, refusing one written by a newer schema than this build knows. */
export function migrationState(sqlite: Database.Database, known: MigrationMeta[]): MigrationState {
  ensureTable(sqlite);
  const rows = sqlite
    .prepare(`SELECT created_at AS at FROM "${MIGRATIONS_TABLE}" ORDER BY created_at`)
    .all() as {
    at: number;
  }[];
  const knownTimes = new Set(known.map((m) => m.folderMillis));
  const unknown = rows.filter((r) => !knownTimes.has(Number(r.at)));
  if (unknown.length > 0) {
    throw new SchemaTooNewError(rows.length, known.length);
  }
  return { known, applied: rows.length };
}

/**
 * Applies migrations one by one. Foreign keys are switched off *outside* each migration's transaction
 * (inside one SQLite ignores the pragma, and a drizzle-kit table rebuild would then cascade-delete child
 * rows), and `foreign_key_check` must come back clean before the migration commits.
 */
export function applyMigrations(sqlite: Database.Database, state: MigrationState, upTo?: number): number {
  const target = Math.min(upTo ?? state.known.length, state.known.length);
  const record = sqlite.prepare(`INSERT INTO "${MIGRATIONS_TABLE}" (hash, created_at) VALUES (?, ?)`);
  let ran = 0;
  for (let i = state.applied; i < target; i++) {
    const migration = state.known[i];
    if (!migration) break;
    sqlite.pragma('foreign_keys = OFF');
    try {
      writeTransaction(sqlite, () => {
        for (const statement of migration.sql) {
          if (statement.trim()) sqlite.exec(statement);
        }
        const broken = sqlite.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) {
          throw new Error(
            `Migration ${i} would leave ${broken.length} rows with broken references; not applied.`,
          );
        }
        record.run(migration.hash, migration.folderMillis);
      });
    } finally {
      sqlite.pragma('foreign_keys = ON');
    }
    ran++;
  }
  return ran;
}
