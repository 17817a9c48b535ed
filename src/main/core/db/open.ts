import { existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';
import {
  applyMigrations,
  DatabaseRefusedError,
  loadMigrations,
  MIGRATIONS_TABLE,
  migrationState,
} from './migrate';
import { backupTo } from './backup';
import { holdDatabase } from './holders';
import { registerSqlFunctions } from './sql-functions';

export type Db = BetterSQLite3Database<typeof schema>;

export interface Connection {
  sqlite: Database.Database;
  db: Db;
  file: string;
  /** Path of the backup taken before migrating an existing database, if one was needed. */
  backupPath: string | null;
  close(): void;
}

export interface OpenOptions {
  migrationsFolder?: string;
  /** Where pre-migration backups go; defaults to a `backups` folder beside the database. */
  backupDir?: string;
  /** Apply migrations only up to this count (migration tests step a database forward one at a time). */
  migrateUpTo?: number;
  readonly?: boolean;
}

/** Finds `resources/migrations` above this module: works from source (tsx, vitest) and from the bundle. */
export function defaultMigrationsFolder(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'resources', 'migrations');
    if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('Tandem cannot find its database migrations (resources/migrations).');
}

function configure(sqlite: Database.Database, inMemory: boolean): void {
  if (!inMemory) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  // Long enough to outwait the import worker's longest transaction (a batch, an index build) on a busy machine.
  sqlite.pragma('busy_timeout = 15000');
  sqlite.pragma('synchronous = NORMAL');
  registerSqlFunctions(sqlite);
}

function backupName(file: string, at: Date): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  return `${basename(file).replace(/\.[^.]+$/, '')}.before-migration-${stamp}.sqlite`;
}

/** A table every Tandem schema has had since its first migration. */
const CORE_TABLE = 'import_jobs';

/**
 * Refuses, before anything writes to it (no WAL switch, no migrations table), an existing file that is not a
 * Tandem database: not SQLite at all, or SQLite with tables but without Tandem's migrations table and core
 * tables (another program's database, pointed at by a mistyped `--db`). A file with no tables yet is Tandem's.
 */
function refuseForeign(file: string): void {
  let tables: string[];
  try {
    const probe = new Database(file, { readonly: true, fileMustExist: true });
    try {
      tables = (
        probe
          .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
          .all() as { name: string }[]
      ).map((t) => t.name);
      // Another program that also uses drizzle has the migrations table, with its own migrations in it.
      if (tables.includes(MIGRATIONS_TABLE) && !tables.includes(CORE_TABLE)) {
        const applied = probe.prepare(`SELECT count(*) AS n FROM "${MIGRATIONS_TABLE}"`).get() as {
          n: number;
        };
        if (applied.n === 0) tables = [];
      }
    } finally {
      probe.close();
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')
      throw new DatabaseRefusedError(`${file} is not a SQLite database; Tandem did not change it.`);
    throw error;
  }
  if (tables.length === 0) return;
  if (!tables.includes(MIGRATIONS_TABLE) || !tables.includes(CORE_TABLE))
    throw new DatabaseRefusedError(
      `${file} is another program's database (tables ${tables.slice(0, 5).join(', ')}${tables.length > 5 ? ', …' : ''}), ` +
        'not a Tandem database; Tandem did not change it. Name a new file or a Tandem database with --db.',
    );
}

/**
 * Opens (creating if needed) a Tandem database and brings its schema up to date. An existing database
 * with pending migrations is first copied with SQLite's online backup API, so a failed migration never
 * costs the user their data; a database from a newer Tandem is refused untouched.
 */
export async function openDatabase(file: string, options: OpenOptions = {}): Promise<Connection> {
  const inMemory = file === ':memory:';
  const existed = !inMemory && existsSync(file) && statSync(file).size > 0;
  if (existed) refuseForeign(file);
  if (!inMemory) mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file, { readonly: options.readonly ?? false });
  try {
    configure(sqlite, inMemory);
    const known = loadMigrations(options.migrationsFolder ?? defaultMigrationsFolder());
    const state = migrationState(sqlite, known);
    const target = options.migrateUpTo ?? known.length;
    let backupPath: string | null = null;
    if (existed && state.applied > 0 && state.applied < target) {
      const dir = options.backupDir ?? join(dirname(file), 'backups');
      mkdirSync(dir, { recursive: true });
      backupPath = join(dir, backupName(file, new Date()));
      await backupTo(sqlite, backupPath);
    }
    applyMigrations(sqlite, state, target);
    const db = drizzle(sqlite, { schema });
    // Says this process has the file open, so a restore from another process refuses (see holders.ts).
    const release = inMemory || options.readonly ? () => undefined : holdDatabase(resolve(file));
    return {
      sqlite,
      db,
      file,
      backupPath,
      close: () => {
        sqlite.close();
        release();
      },
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
