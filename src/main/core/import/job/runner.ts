import type Database from 'better-sqlite3';
import type { ImportKind } from '@shared/api/imports';
import { uuidv7 } from '../../db/ids';
import { prepared, run } from '../../db/prepared';
import { createPlan, type Plan } from '../plan';
import { presetNamed } from '../presets';
import { presetFits } from '../presets/types';
import { FileRejectedError, openTable, type CellWarning, type RowIssue } from '../read';
import type { AnyRecord, RowError, SourceRow } from '../records';
import { createWriteContext, emptyCounts, type WriteContext } from '../write/context';
import { ContactKeyMap } from '../write/key-map';
import { settleDateOrders } from './date-scan';
import { settleDecimalSeparator } from './decimal-scan';
import {
  CONTACT_KEY_INDEXES,
  deferIndexes,
  deferrableIndexes,
  DEFER_INDEXES_BYTES,
  restoreIndexes,
} from './deferred-indexes';
import { fileHash } from './hash';
import { ProgressMeter, type Progress } from './progress';
import { indexJobForSearch } from './search';
import { jobMapping, jobNote, jobOptions, jobRow, setStatus, type JobOptions, type JobRow } from './store';
import { waitForTurn } from './turn';
import { workspaceCallingCode } from '../../settings/calling-code';
import { undoWrites } from './undo';
import { isBusy, writeRetrying, writeTransaction } from '../../db/transaction';

/** Ends the message of a job whose file turned out unreadable midway (its rows were rolled back). */
export const NOTHING_IMPORTED = 'Nothing was imported.';

/**
 * The page cache of a large job (KiB, negative as SQLite takes it). Its cache mostly held the indexes it now
 * builds at the end, and the sorts that build them take as much memory again as the cache: 8 MB instead of
 * 32 MB kept a 200k-contact import's peak RSS 40 MB lower at the same speed.
 */
const LARGE_JOB_CACHE_KB = -8192;

/** Rows per write transaction: large enough to amortise the commit, small enough to keep memory flat. */
export const BATCH_SIZE = 5000;

export interface RunHooks {
  signal?: AbortSignal;
  onProgress?(progress: Progress): void;
  batchSize?: number;
  /** Files from this size on are imported as large ones (DEFER_INDEXES_BYTES); tests lower it. */
  largeFrom?: number;
  /** The core's clock (`ctx.nowIso`), or in the import worker the same clock carried across by its offset. */
  now(): string;
}

interface Row extends SourceRow {
  record: number;
  issue?: RowIssue;
  warnings?: CellWarning[];
}

const RUNNABLE = new Set(['queued', 'cancelled', 'interrupted', 'failed']);

/** Thrown for jobs that cannot run now; the message is for the user. */
export class JobStateError extends Error {
  override readonly name = 'JobStateError';
}

function saveProblems(w: WriteContext, problems: readonly RowError[]): void {
  const insert = prepared(
    w.sqlite,
    `INSERT INTO import_row_errors (id, job_id, row, severity, column, message, raw, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const at = w.now();
  for (const p of problems)
    insert.run(uuidv7(), w.jobId, p.line, p.severity, p.column, p.message, JSON.stringify(p.cells), at, at);
}

/** A totals row's label, as reports write it in its first cell: `Total`, `Grand total`, `Totals:`, `Gesamt`. */
const TOTALS = /^(grand )?totals?:?$|^(summe|gesamt|gesamtsumme|total général|totale)$/i;

/** Kinds of numbers a report sums in a totals row; a company or a person may be called "Total". */
const SUMMED: ReadonlySet<ImportKind> = new Set(['orders', 'payments', 'metrics', 'spend']);

/** Why a row is left out without being an error: it holds nothing, or it sums the rows around it. */
function leftOut(kind: ImportKind, cells: readonly string[]): string | null {
  const first = cells.find((c) => c.trim() !== '');
  if (first === undefined) return 'an empty row';
  return SUMMED.has(kind) && TOTALS.test(first.trim())
    ? `a totals row ("${first.trim()}"), which sums the other rows`
    : null;
}

/** Turns rows into records (grouping an order's consecutive rows) and collects their problems. */
function transformRows(
  plan: Plan,
  rows: readonly Row[],
  errors: RowError[],
  notes: RowError[],
  remarks: RowError[],
): AnyRecord[] {
  const records: AnyRecord[] = [];
  const g = plan.groupColumn;
  for (let i = 0; i < rows.length;) {
    const row = rows[i] as Row;
    const left = leftOut(plan.kind, row.cells);
    if (left && !row.issue) {
      notes.push({ line: row.line, column: null, message: left, severity: 'note', cells: row.cells });
      i++;
      continue;
    }
    if (row.issue) {
      errors.push({
        line: row.line,
        column: null,
        message: row.issue.message,
        severity: 'error',
        cells: row.cells,
      });
      i++;
      continue;
    }
    let j = i + 1;
    const key = g >= 0 ? (row.cells[g] ?? '').trim() : '';
    if (key !== '')
      while (j < rows.length && !rows[j]?.issue && (rows[j]?.cells[g] ?? '').trim() === key) j++;
    const record = plan.transform(j === i + 1 ? [row] : rows.slice(i, j), errors, notes, remarks);
    if (record) records.push(record);
    i = j;
  }
  return records;
}

/**
 * A file of which no row could be imported (an unclosed quote on its first data line swallowing the rest)
 * is refused whole, like an unreadable one: rolled back, failed with the first problem as the reason.
 */
function refuseIfNothingImported(sqlite: Database.Database, jobId: string, fileName: string): void {
  const done = jobRow(sqlite, jobId);
  if (!done || done.error_count === 0 || done.inserted + done.updated + done.unchanged + done.skipped > 0)
    return;
  const first = prepared(
    sqlite,
    `SELECT row, message FROM import_row_errors WHERE job_id = ? AND severity = 'error' ORDER BY row LIMIT 1`,
  ).get(jobId) as { row: number; message: string } | undefined;
  throw new FileRejectedError(
    fileName,
    'unreadable',
    `no row could be imported (${done.error_count === 1 ? 'the only row has a problem' : `all ${done.error_count} rows have problems`}; the first, on row ${first?.row ?? '?'}: ${first?.message ?? 'unknown'})`,
  );
}

/** The writer's notes as row notes, naming the file's column and keeping the row for the error file. */
function writerNotes(w: WriteContext, plan: Plan, rows: readonly Row[]): RowError[] {
  if (w.notes.length === 0) return [];
  const byLine = new Map(rows.map((r) => [r.line, r.cells]));
  const header = (field: string | null) =>
    field === null ? null : (Object.entries(plan.mapping).find(([, f]) => f === field)?.[0] ?? null);
  return w.notes.map((n) => ({
    line: n.line,
    column: header(n.field),
    message: n.message,
    severity: n.error ? 'error' : 'note',
    cells: byLine.get(n.line) ?? [],
  }));
}

/** The reader's warnings about cells it read (not valid UTF-8) as row notes naming the column. */
function cellWarnings(rows: readonly Row[], columns: readonly string[]): RowError[] {
  const out: RowError[] = [];
  for (const row of rows) {
    if (!row.warnings || row.issue) continue;
    for (const w of row.warnings)
      out.push({
        line: w.line,
        column: columns[w.column] ?? null,
        message: w.message,
        severity: 'note',
        cells: row.cells,
      });
  }
  return out;
}

function startRunning(
  sqlite: Database.Database,
  job: JobRow,
  options: JobOptions,
  columns: string[],
  hash: string,
  now: string,
  optionsChanged: boolean,
): void {
  writeTransaction(sqlite, () => {
    if (!options.columns || optionsChanged) {
      options.columns ??= columns;
      run(sqlite, 'UPDATE import_jobs SET options = ? WHERE id = ?', JSON.stringify(options), job.id);
    }
    run(
      sqlite,
      `UPDATE import_jobs SET status = 'running', message = NULL, file_hash = ?, worker_pid = ?, heartbeat_at = ?,
         started_at = coalesce(started_at, ?), finished_at = NULL, updated_at = ? WHERE id = ?`,
      hash,
      process.pid,
      now,
      now,
      now,
      job.id,
    );
  });
}

/**
 * Runs (or resumes) an import job on this connection: streams the file from the first record not yet
 * committed, writes a transaction per batch that also advances the job's `rows_done` (so a crash leaves
 * whole batches and a resume point), reports progress, and stops after the current batch when cancelled.
 * Used by the import worker, the CLI and tests alike.
 */
export async function runJob(sqlite: Database.Database, jobId: string, hooks: RunHooks): Promise<JobRow> {
  const now = hooks.now;
  const job = jobRow(sqlite, jobId);
  if (!job) throw new JobStateError('That import does not exist.');
  if (!RUNNABLE.has(job.status))
    throw new JobStateError(`This import is ${job.status}; it cannot be started again.`);
  if (!job.file_path) throw new JobStateError('This import does not know which file it came from.');
  const options = jobOptions(job);
  const preset = job.preset ? (presetNamed(job.preset) ?? null) : null;
  const progress = new ProgressMeter(jobId, job.file_size, job.rows_done);
  const report = (status: string, rows: number, bytes: number, force = false) => {
    const p = progress.next(status, rows, bytes, force);
    if (p) hooks.onProgress?.(p);
  };
  let cursor = job.rows_done;
  let started = false;
  const cacheSize = Number(sqlite.pragma('cache_size', { simple: true }));
  try {
    const hash = await fileHash(job.file_path);
    if (job.file_hash && job.file_hash !== hash) {
      throw new JobStateError(
        `${job.file_name} has changed since this import started, so it cannot be resumed; import it again instead.`,
      );
    }
    const table = await openTable(job.file_path, { sheet: options.sheet });
    if (preset && !presetFits(preset, table.columns))
      throw new FileRejectedError(
        job.file_name,
        'no-header',
        `the columns are not those of a ${preset.label} export`,
      );
    const mapping = jobMapping(job);
    const datesSettled = await settleDateOrders(table, mapping, options, preset?.dateOrder, hooks.signal);
    const decimalSettled = await settleDecimalSeparator(table, mapping, options, preset, hooks.signal);
    const settled = datesSettled || decimalSettled;
    // Another import on this database (the app, another `tandem import`) goes first: this one stays queued.
    await waitForTurn(sqlite, jobId, {
      now,
      signal: hooks.signal,
      onWait: () => report('queued', cursor, 0, true),
      start: () => startRunning(sqlite, job, options, table.columns, hash, now(), settled),
    });
    started = true;
    const large = job.file_size >= (hooks.largeFrom ?? DEFER_INDEXES_BYTES);
    // A large contacts import keeps its dedupe keys in memory, so their indexes wait for the end as well.
    const contactKeys = large && job.kind === 'contacts' ? ContactKeyMap.load(sqlite) : null;
    if (large) sqlite.pragma(`cache_size = ${LARGE_JOB_CACHE_KB}`);
    if (large)
      deferIndexes(sqlite, jobId, [
        ...deferrableIndexes(job.kind),
        ...(contactKeys ? CONTACT_KEY_INDEXES : []),
      ]);
    const plan = createPlan(job.kind, preset, mapping, table.columns, {
      dateOrder: preset?.dateOrder ?? options.dateOrder,
      dateOrders: preset?.dateOrder ? undefined : options.dateOrders,
      decimalSeparator: options.decimalSeparator,
      timeZone: preset?.timeZone ?? options.timeZone,
      currency: options.currency,
      // Phones meet the stored contacts as they are keyed now, by the workspace's locale: a locale changed since
      // the job was made has re-keyed them (and cannot change while the job runs).
      callingCode: workspaceCallingCode({ sqlite }),
      source: preset?.source ?? options.source,
    });
    // One timestamp per batch: rows of one transaction were written at the same moment.
    let batchNow = now();
    const w = createWriteContext(sqlite, jobId, plan.options.source, () => batchNow);
    if (contactKeys) w.contactKeys = contactKeys;
    const commit = (rows: readonly Row[], bytes: number) => {
      batchNow = now();
      const errors: RowError[] = [];
      const notes: RowError[] = [];
      const remarks: RowError[] = [];
      const records = transformRows(plan, rows, errors, notes, remarks);
      const last = rows[rows.length - 1];
      if (!last) return;
      w.counts = emptyCounts();
      // The core's own connection writes meanwhile (the user's edits): a batch waits for it, then retries.
      writeRetrying(sqlite, () => {
        w.notes = [];
        plan.write(records, w);
        saveProblems(w, errors);
        saveProblems(w, notes);
        saveProblems(w, remarks);
        const written = writerNotes(w, plan, rows);
        saveProblems(w, written);
        saveProblems(w, cellWarnings(rows, table.columns));
        run(
          sqlite,
          `UPDATE import_jobs SET rows_done = ?, inserted = inserted + ?, updated = updated + ?, unchanged = unchanged + ?,
             skipped = skipped + ?, error_count = error_count + ?, heartbeat_at = ?, updated_at = ? WHERE id = ?`,
          last.record,
          w.counts.inserted,
          w.counts.updated,
          w.counts.unchanged,
          notes.length,
          errors.length + written.filter((n) => n.severity === 'error').length,
          now(),
          now(),
          jobId,
        );
      });
      cursor = last.record;
      report('running', cursor, bytes);
    };

    let held: Row[] = [];
    let bytes = 0;
    for await (const batch of table.records({
      skipRecords: cursor,
      batchSize: hooks.batchSize ?? BATCH_SIZE,
      signal: hooks.signal,
    })) {
      const issues = new Map(batch.issues.map((i) => [i.record, i]));
      const warned = new Map<number, CellWarning[]>();
      for (const warning of batch.warnings ?? []) {
        const list = warned.get(warning.record);
        if (list) list.push(warning);
        else warned.set(warning.record, [warning]);
      }
      const rows: Row[] = held;
      batch.rows.forEach((cells, i) => {
        const record = batch.recordNumbers[i] ?? 0;
        const row: Row = { cells, line: batch.lines[i] ?? 0, record, issue: issues.get(record) };
        const warnings = warned.get(record);
        if (warnings) row.warnings = warnings;
        rows.push(row);
      });
      bytes = batch.bytesRead;
      // The last order may go on in the next batch: keep its rows back until it is complete.
      let cut = rows.length;
      if (plan.groupColumn >= 0) {
        const key = (rows[cut - 1]?.cells[plan.groupColumn] ?? '').trim();
        while (key !== '' && cut > 0 && (rows[cut - 1]?.cells[plan.groupColumn] ?? '').trim() === key) cut--;
      }
      held = rows.slice(cut);
      if (cut > 0) commit(cut === rows.length ? rows : rows.slice(0, cut), bytes);
      hooks.signal?.throwIfAborted();
    }
    commit(held, job.file_size);
    delete w.contactKeys;
    // A file still being written (a download in progress) would end "done" with part of it.
    if ((await fileHash(job.file_path).catch(() => null)) !== hash)
      throw new FileRejectedError(
        job.file_name,
        'unreadable',
        'the file changed while it was being imported (is it still downloading or being saved?); wait until it is complete, then import it again',
      );
    refuseIfNothingImported(sqlite, jobId, job.file_name);
    restoreIndexes(sqlite, jobId);
    indexJobForSearch(sqlite, jobId);
    writeTransaction(sqlite, () => {
      run(sqlite, 'UPDATE import_jobs SET rows_total = ? WHERE id = ?', cursor, jobId);
      setStatus(sqlite, jobId, 'done', now(), jobNote(options));
    });
    report('done', cursor, job.file_size, true);
  } catch (error) {
    const status = finish(sqlite, jobId, error, hooks.signal, now, !started && job.rows_done === 0);
    report(status, cursor, job.file_size, true);
    // A full disk or a lock held too long is the user's to act on (the job's message says how); others are bugs.
    const expected =
      error instanceof FileRejectedError || error instanceof JobStateError || isFull(error) || isBusy(error);
    if (status === 'failed' && !expected) throw error;
  } finally {
    sqlite.pragma(`cache_size = ${cacheSize}`);
  }
  return jobRow(sqlite, jobId) as JobRow;
}

/** SQLite could not grow the file: the disk (or a size limit) is full. */
function isFull(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'SQLITE_FULL';
}

/** What stopped the job, what of it is kept and what the user can do: the job's message. */
function stoppedMessage(sqlite: Database.Database, jobId: string, error: unknown): string {
  if (error instanceof JobStateError) return error.message;
  const reason = isFull(error)
    ? 'the disk is full'
    : isBusy(error)
      ? 'another program kept the database locked'
      : error instanceof Error
        ? error.message
        : String(error);
  const kept = jobRow(sqlite, jobId)?.rows_done ?? 0;
  if (kept === 0) return `The import stopped before its first batch: ${reason}. Nothing was imported.`;
  return (
    `The import stopped after ${kept} rows: ${reason}. Those ${kept} rows are kept, whole batches only; ` +
    `${isFull(error) ? 'free some space, then ' : ''}resume the import to add the rest, or undo it.`
  );
}

/** Records how a job stopped early. A file found unreadable midway is rolled back: it changes nothing. */
function finish(
  sqlite: Database.Database,
  jobId: string,
  error: unknown,
  signal: AbortSignal | undefined,
  now: () => string,
  untouched: boolean,
): 'cancelled' | 'failed' {
  restoreIndexes(sqlite, jobId);
  if (signal?.aborted && untouched) {
    setStatus(sqlite, jobId, 'cancelled', now(), 'Cancelled before it started; nothing was imported.');
    return 'cancelled';
  }
  if (signal?.aborted) {
    indexJobForSearch(sqlite, jobId);
    setStatus(
      sqlite,
      jobId,
      'cancelled',
      now(),
      'Cancelled; the rows imported so far are kept (undo or resume the import).',
    );
    return 'cancelled';
  }
  if (error instanceof FileRejectedError) {
    undoWrites(sqlite, jobId, now);
    setStatus(sqlite, jobId, 'failed', now(), `${error.message}. ${NOTHING_IMPORTED}`);
    return 'failed';
  }
  // With the disk full, making the kept rows searchable may fail too: resume or recovery does it later.
  if (!isFull(error)) indexJobForSearch(sqlite, jobId);
  setStatus(sqlite, jobId, 'failed', now(), stoppedMessage(sqlite, jobId, error));
  return 'failed';
}
