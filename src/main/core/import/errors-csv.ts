import { writeFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { all } from '../db/prepared';
import { jobOptions, jobRow } from './job/store';
import type { importRowErrors } from '../db/schema';
import type { SqlRow } from '../db/typed';

function cell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The job's row errors and notes as a CSV the user can fix and import again: row number, column and problem
 * first, then the row exactly as it was in the file. Written with a BOM so Excel reads it as UTF-8.
 */
export function errorsCsv(sqlite: Database.Database, jobId: string): { text: string; rows: number } {
  const job = jobRow(sqlite, jobId);
  const columns = job ? (jobOptions(job).columns ?? []) : [];
  const rows = all<SqlRow<typeof importRowErrors, 'row' | 'severity' | 'column' | 'message' | 'raw'>>(
    sqlite,
    'SELECT row, severity, column, message, raw FROM import_row_errors WHERE job_id = ? ORDER BY row, rowid',
    jobId,
  );
  const lines = [['Row', 'Kind', 'Column', 'Problem', ...columns].map(cell).join(',')];
  for (const r of rows) {
    const raw = r.raw ? (JSON.parse(r.raw) as string[]) : [];
    lines.push([r.row, r.severity, r.column, r.message, ...raw].map(cell).join(','));
  }
  return { text: `\ufeff${lines.join('\r\n')}\r\n`, rows: rows.length };
}

export function saveErrorsCsv(sqlite: Database.Database, jobId: string, path: string): number {
  const { text, rows } = errorsCsv(sqlite, jobId);
  writeFileSync(path, text, 'utf8');
  return rows;
}
