import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { rowColumns } from './columns';

/** One run of one file. Every row an import writes carries the job's id so a whole job can be undone. */
export const importJobs = sqliteTable(
  'import_jobs',
  {
    ...rowColumns(),
    fileName: text('file_name').notNull(),
    fileHash: text('file_hash').notNull(),
    fileSize: integer('file_size').notNull(),
    /** Where the file was read from, so an interrupted job can be resumed from the same file. */
    filePath: text('file_path'),
    kind: text('kind').notNull(),
    preset: text('preset'),
    /** JSON: target field per source column. */
    mapping: text('mapping', { mode: 'json' }).$type<Record<string, string>>(),
    /** JSON: reader and value options the job was started with (sheet, date order, time zone...). */
    options: text('options', { mode: 'json' }).$type<Record<string, unknown>>(),
    /** queued, running, done, failed, cancelled, interrupted, undoing, undone */
    status: text('status').notNull(),
    rowsTotal: integer('rows_total'),
    /**
     * File records whose effects are committed: written in the same transaction as each batch, so it is the
     * resume point after a crash or a cancel.
     */
    rowsDone: integer('rows_done').notNull().default(0),
    inserted: integer('inserted').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    /** Records found again with nothing new in them (a re-import of the same file). */
    unchanged: integer('unchanged').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    message: text('message'),
    startedAt: text('started_at'),
    finishedAt: text('finished_at'),
    /** Process running the job and its last sign of life: a `running` job without either is interrupted. */
    workerPid: integer('worker_pid'),
    heartbeatAt: text('heartbeat_at'),
  },
  (t) => [index('import_jobs_hash_idx').on(t.fileHash)],
);

export const importRowErrors = sqliteTable(
  'import_row_errors',
  {
    ...rowColumns(),
    jobId: text('job_id')
      .notNull()
      .references(() => importJobs.id),
    row: integer('row').notNull(),
    /** `error` (the row was not imported) or `note` (skipped on purpose, e.g. an export's summary row). */
    severity: text('severity').notNull().default('error'),
    column: text('column'),
    message: text('message').notNull(),
    raw: text('raw'),
  },
  (t) => [index('import_row_errors_job_idx').on(t.jobId, t.row)],
);

/**
 * What an import changed in existing records, so undo restores them rather than only deleting inserts.
 * `before` is the row as it was (JSON), null for an insert.
 */
export const importChanges = sqliteTable(
  'import_changes',
  {
    ...rowColumns(),
    jobId: text('job_id')
      .notNull()
      .references(() => importJobs.id),
    tableName: text('table_name').notNull(),
    recordId: text('record_id').notNull(),
    action: text('action').notNull(),
    before: text('before', { mode: 'json' }),
  },
  (t) => [index('import_changes_job_idx').on(t.jobId), index('import_changes_record_idx').on(t.recordId)],
);

/** The user's column mapping, remembered per header signature (hash of the normalised header). */
export const columnMappings = sqliteTable(
  'column_mappings',
  {
    ...rowColumns(),
    headerSignature: text('header_signature').notNull(),
    kind: text('kind').notNull(),
    mapping: text('mapping', { mode: 'json' }).$type<Record<string, string>>().notNull(),
  },
  (t) => [uniqueIndex('column_mappings_signature_idx').on(t.headerSignature)],
);
