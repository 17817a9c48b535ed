import { closeSync, existsSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { fail } from '@shared/contract/result';
import { all } from '../db/prepared';
import { tableCounts, type TableCounts } from './backup';

const MIGRATIONS = '__drizzle_migrations';
/** Tables every Tandem database has had since its first migration: a file without them is not Tandem's. */
const CORE_TABLES = ['workspace_settings', 'contacts', 'leads', 'campaigns'];
const HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export interface Candidate {
  path: string;
  /** Migrations the file has applied: its schema version. */
  applied: number;
  counts: TableCounts;
}

/** The migrations a database has applied, by their drizzle-kit timestamps. */
export function appliedMigrations(sqlite: Database.Database): number[] {
  return all<{ at: number }>(sqlite, `SELECT created_at AS at FROM "${MIGRATIONS}" ORDER BY created_at`).map(
    (r) => Number(r.at),
  );
}

function refuse(path: string, why: string): never {
  return fail('conflict', `${path} cannot be restored: ${why} Nothing was changed.`);
}

/** The file's first 100 bytes say whether it is SQLite and how long it claims to be. */
function checkHeader(path: string): void {
  const size = statSync(path).size;
  const head = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (size < 100 || !head.subarray(0, 16).equals(HEADER))
    refuse(path, 'it is not a SQLite database (not a Tandem backup).');
  const raw = head.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  const pages = head.readUInt32BE(28);
  // The header's page count is valid when its change counter matches the one it was written with.
  const valid = head.readUInt32BE(24) === head.readUInt32BE(92);
  if (valid && pages > 0 && size < pages * pageSize)
    refuse(path, `it is truncated (${size} of ${pages * pageSize} bytes).`);
}

/**
 * Checks a file before a restore touches anything: a SQLite database (not truncated), intact by
 * `integrity_check`, holding Tandem's tables, with migrations this version knows. Opened read-only, so
 * the file is never changed. `known` is the migrations this version has applied to its own database.
 */
export function checkCandidate(path: string, live: string, known: number[]): Candidate {
  if (!existsSync(path)) fail('not_found', `${path} does not exist. Nothing was changed.`);
  if (!statSync(path).isFile()) refuse(path, 'it is not a file.');
  if (realpathSync(path) === realpathSync(live)) refuse(path, 'it is the database Tandem has open.');
  checkHeader(path);
  let source: Database.Database;
  try {
    source = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    return refuse(path, `it is not a readable SQLite database (${(error as Error).message}).`);
  }
  try {
    let integrity: string[];
    try {
      integrity = (source.pragma('integrity_check') as { integrity_check: string }[]).map(
        (r) => r.integrity_check,
      );
    } catch (error) {
      return refuse(path, `it is damaged (${(error as Error).message}).`);
    }
    if (integrity.length !== 1 || integrity[0] !== 'ok')
      refuse(path, `it is damaged (integrity check: ${integrity.slice(0, 3).join('; ')}).`);
    const tables = new Set(
      all<{ name: string }>(source, `SELECT name FROM sqlite_master WHERE type = 'table'`).map((r) => r.name),
    );
    const missing = CORE_TABLES.filter((name) => !tables.has(name));
    if (!tables.has(MIGRATIONS) || missing.length > 0)
      refuse(
        path,
        `it is not a Tandem database (${missing.length > 0 ? `no ${missing.join(', ')} tables` : 'no schema version'}).`,
      );
    const applied = appliedMigrations(source);
    if (applied.length === 0) refuse(path, 'it is not a Tandem database (it has no schema version).');
    const knownSet = new Set(known);
    if (applied.some((at) => !knownSet.has(at)))
      fail(
        'schema_too_new',
        `${path} was written by a newer version of Tandem (schema ${applied.length}; this version knows up to ${known.length}). Update Tandem to restore it. Nothing was changed.`,
      );
    return { path, applied: applied.length, counts: tableCounts(source) };
  } finally {
    source.close();
  }
}
