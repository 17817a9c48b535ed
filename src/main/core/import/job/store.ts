import type Database from 'better-sqlite3';
import { uuidv7 } from '../../db/ids';
import type { ImportJob, ImportKind, ImportStatus } from '@shared/api/imports';
import { all, get, run } from '../../db/prepared';
import type { campaigns as campaignsTable, importJobs } from '../../db/schema';
import type { Count, Row, SqlRow, With } from '../../db/typed';
import { presetNamed } from '../presets';
import { writeTransaction } from '../../db/transaction';
import { spendOverlaps } from '../../spend/overlap';

/** What a job was started with, stored as JSON so a resumed job reads the file exactly the same way. */
export interface JobOptions {
  sheet?: string;
  /** Day/month order for every date column (the user's choice); per-column orders win over it. */
  dateOrder?: 'DMY' | 'MDY';
  /** Day/month order per column header: the user's, else decided from the column's values (job/date-scan.ts). */
  dateOrders?: Record<string, 'DMY' | 'MDY'>;
  /** The date columns have been judged (so a resumed job does not judge again). */
  datesSettled?: boolean;
  /** Said on the finished job when a column's order came from the locale. */
  dateNote?: string;
  /**
   * Workspace locale when the job was created: the order of dates and the decimal separator that no value
   * settles. Phone numbers are keyed with the workspace's locale when the job runs.
   */
  locale?: string;
  /** The user's, else decided from the amounts' values (job/decimal-scan.ts). */
  decimalSeparator?: '.' | ',';
  /** The amounts have been judged (so a resumed job does not judge again). */
  decimalSettled?: boolean;
  /** Said on the finished job when the decimal separator came from the locale. */
  decimalNote?: string;
  timeZone: string;
  currency: string;
  source: string;
  /** The file's header, for the error file's columns. */
  columns?: string[];
}

/** The locale a job reads by what the file's values leave open: the workspace's when the job was created. */
export const jobLocale = (options: JobOptions): string => options.locale ?? 'en-US';

/** What the finished job says about the reading it chose where the file left it open (dates, amounts). */
export function jobNote(options: JobOptions): string | null {
  const notes = [options.dateNote, options.decimalNote].filter(Boolean);
  return notes.length > 0 ? notes.join(' ') : null;
}

/** An import_jobs row as `SELECT *` returns it; kind and status hold only the values Tandem writes. */
export type JobRow = Omit<SqlRow<typeof importJobs>, 'kind' | 'status'> & {
  kind: ImportKind;
  status: ImportStatus;
};

export interface NewJob {
  fileName: string;
  fileSize: number;
  filePath: string;
  kind: ImportKind;
  preset: string | null;
  mapping: Record<string, string>;
  options: JobOptions;
}

/** Tables a job writes to, children before parents (the order undo deletes in). */
export const JOB_TABLES = [
  'order_lines',
  'orders',
  'payments',
  'spend_entries',
  'metric_observations',
  'content_items',
  'activities',
  'leads',
  'contacts',
  'companies',
  'campaigns',
] as const;

export function createJob(sqlite: Database.Database, job: NewJob, now: string): string {
  const id = uuidv7();
  run(
    sqlite,
    `INSERT INTO import_jobs (id, file_name, file_hash, file_size, file_path, kind, preset, mapping, options, status,
       worker_pid, heartbeat_at, created_at, updated_at) VALUES (?, ?, '', ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?)`,
    id,
    job.fileName,
    job.fileSize,
    job.filePath,
    job.kind,
    job.preset,
    JSON.stringify(job.mapping),
    JSON.stringify(job.options),
    // A queued job belongs to this process until it runs: another Tandem on the file must not take it as dead.
    process.pid,
    now,
    now,
    now,
  );
  return id;
}

export function jobRow(sqlite: Database.Database, id: string): JobRow | undefined {
  return get<JobRow>(sqlite, 'SELECT * FROM import_jobs WHERE id = ?', id);
}

export function jobOptions(row: JobRow): JobOptions {
  return JSON.parse(row.options ?? '{}') as JobOptions;
}

export function jobMapping(row: JobRow): Record<string, string> {
  return JSON.parse(row.mapping ?? '{}') as Record<string, string>;
}

export function setStatus(
  sqlite: Database.Database,
  id: string,
  status: ImportStatus,
  now: string,
  message: string | null = null,
): void {
  const finished = status === 'running' || status === 'undoing' || status === 'queued' ? null : now;
  run(
    sqlite,
    `UPDATE import_jobs SET status = ?, message = ?, finished_at = coalesce(?, finished_at), updated_at = ?,
       worker_pid = CASE WHEN ? IS NULL THEN worker_pid ELSE NULL END WHERE id = ?`,
    status,
    message,
    finished,
    now,
    finished,
    id,
  );
}

/** The job as the history screen shows it. */
export function toJob(sqlite: Database.Database, row: JobRow): ImportJob {
  const preset = row.preset ? presetNamed(row.preset) : undefined;
  // Campaigns an import creates always get a tracking code (the code is how the import found them).
  const campaigns = all<
    With<Row<typeof campaignsTable, 'id' | 'name' | 'trackingCode' | 'channel'>, { trackingCode: string }>
  >(
    sqlite,
    `SELECT id, name, tracking_code AS trackingCode, channel FROM campaigns WHERE import_job_id = ? AND deleted_at IS NULL AND tracking_code IS NOT NULL ORDER BY name`,
    row.id,
  );
  const s = row.status;
  return {
    id: row.id,
    fileName: row.file_name,
    fileSize: row.file_size,
    kind: row.kind,
    preset: row.preset,
    presetLabel: preset?.label ?? null,
    status: s,
    rowsTotal: row.rows_total,
    rowsDone: row.rows_done,
    inserted: row.inserted,
    updated: row.updated,
    unchanged: row.unchanged,
    skipped: row.skipped,
    errorCount: row.error_count,
    message: row.message,
    newCampaigns: campaigns,
    spendOverlaps: row.kind === 'metrics' ? spendOverlaps(sqlite, { jobId: row.id }) : [],
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    canCancel: s === 'queued' || s === 'running',
    canResume: (s === 'cancelled' || s === 'interrupted' || s === 'failed') && row.file_path !== null,
    canUndo: s === 'done' || s === 'cancelled' || s === 'interrupted' || s === 'failed' || s === 'undoing',
  };
}

export function listJobs(
  sqlite: Database.Database,
  offset: number,
  limit: number,
): { total: number; rows: ImportJob[] } {
  const total = get<Count>(sqlite, 'SELECT count(*) AS n FROM import_jobs')?.n ?? 0;
  const rows = all<JobRow>(
    sqlite,
    'SELECT * FROM import_jobs ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?',
    limit,
    offset,
  );
  return { total, rows: rows.map((r) => toJob(sqlite, r)) };
}

/** A job's row errors or notes as the command line lists them: spreadsheet row, column, reason. */
export function jobProblems(sqlite: Database.Database, jobId: string, severity: 'error' | 'note') {
  return all<{ row: number; column: string | null; message: string }>(
    sqlite,
    'SELECT row, column, message FROM import_row_errors WHERE job_id = ? AND severity = ? ORDER BY row, rowid',
    jobId,
    severity,
  );
}

/** A file rejected midway leaves no trace at all: the job already rolled back its rows, and its record goes too. */
export function forgetJob(sqlite: Database.Database, jobId: string): void {
  writeTransaction(sqlite, () => {
    run(sqlite, 'DELETE FROM import_row_errors WHERE job_id = ?', jobId);
    run(sqlite, 'DELETE FROM import_changes WHERE job_id = ?', jobId);
    run(sqlite, 'DELETE FROM import_jobs WHERE id = ?', jobId);
  });
}
