import { writeFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { errorsCsvText } from '@shared/import/errors-csv';
import { all } from '../db/prepared';
import { jobOptions, jobRow } from './job/store';
import type { importRowErrors } from '../db/schema';
import type { SqlRow, With } from '../db/typed';

/** The job's row errors and notes as the error file, each followed by the row exactly as it was in the file. */
function errorsCsv(sqlite: Database.Database, jobId: string): { text: string; rows: number } {
  const job = jobRow(sqlite, jobId);
  const columns = job ? (jobOptions(job).columns ?? []) : [];
  const rows = all<
    With<
      SqlRow<typeof importRowErrors, 'row' | 'severity' | 'column' | 'message' | 'raw'>,
      { severity: 'error' | 'note' }
    >
  >(
    sqlite,
    'SELECT row, severity, column, message, raw FROM import_row_errors WHERE job_id = ? ORDER BY row, rowid',
    jobId,
  );
  const text = errorsCsvText(
    rows.map((r) => ({ ...r, raw: r.raw ? (JSON.parse(r.raw) as string[]) : [] })),
    columns,
  );
  return { text, rows: rows.length };
}

export function saveErrorsCsv(sqlite: Database.Database, jobId: string, path: string): number {
  const { text, rows } = errorsCsv(sqlite, jobId);
  writeFileSync(path, text, 'utf8');
  return rows;
}
