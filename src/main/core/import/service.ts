import { resolve } from 'node:path';
import type { ImportInspection, ImportJob, ImportKind, ImportStart } from '@shared/api/imports';
import { fail } from '@shared/contract/result';
import type { Ctx } from '../context';
import { all, get } from '../db/prepared';
import { getSettings } from '../settings/service';
import { noDateEvidence, orderFromEvidence, type DateEvidence } from '@shared/import/date-order';
import { kindCatalogue } from '@shared/import/kinds';
import { guessMapping } from '@shared/import/mapping';
import { fileHash } from './job/hash';
import { recoverJobs } from './job/recover';
import { isAmountField } from './job/decimal-scan';
import { NOTHING_IMPORTED } from './job/runner';
import {
  createJob,
  forgetJob,
  jobMapping,
  jobOptions,
  jobProblems,
  jobRow,
  setStatus,
  toJob,
  type JobRow,
} from './job/store';
import { detectPreset, presetInfo, presetMapping, presetNamed, PRESETS } from './presets';
import { detectDecimalSeparator, FileRejectedError, openTable, preview } from './read';
import { isTimeZone } from '@shared/domain/time-zone';
import {
  headerSignature,
  jobOptionsFor,
  rememberedMapping,
  rememberMapping,
  resolveSetup,
  SetupError,
} from './setup';
import { importManager } from './worker/manager';
import { writeTransaction } from '../db/transaction';
import type { importRowErrors } from '../db/schema';
import type { Count, SqlRow, With } from '../db/typed';

/** Rows read for the preview and for suggesting date order and decimal separator. */
const SAMPLE_ROWS = 200;
const SHOWN_ROWS = 20;

function rejectAsValidation(error: unknown): never {
  if (error instanceof FileRejectedError || error instanceof SetupError) fail('validation', error.message);
  throw error;
}

/** Marks jobs of dead processes interrupted; run before anything reads the history. */
export function recover(ctx: Ctx): void {
  const manager = importManager(ctx);
  recoverJobs(ctx.sqlite, (id) => manager.isActive(id), ctx.nowIso);
}

function jobOrFail(ctx: Ctx, id: string): JobRow {
  const row = jobRow(ctx.sqlite, id);
  return row ?? fail('not_found', 'That import does not exist.');
}

export function getJob(ctx: Ctx, id: string): ImportJob {
  recover(ctx);
  return toJob(ctx.sqlite, jobOrFail(ctx, id));
}

/** Options a mapping screen should offer preselected, judged from the sample's mapped columns. */
function suggestOptions(
  kind: ImportKind | null,
  mapping: Record<string, string>,
  columns: readonly string[],
  sample: string[][],
) {
  if (!kind) return {};
  const valuesOf = (test: (field: string) => boolean) =>
    Object.entries(mapping)
      .filter(([, field]) => test(field))
      .flatMap(([column]) => sample.map((row) => row[columns.indexOf(column)] ?? ''));
  const separator = detectDecimalSeparator(valuesOf(isAmountField));
  return {
    ...(separator === '.' || separator === ',' ? { decimalSeparator: separator } : {}),
  };
}

function dateColumns(columns: readonly string[], evidence: readonly DateEvidence[]) {
  const out: Record<string, 'DMY' | 'MDY' | 'ambiguous'> = {};
  columns.forEach((column, i) => {
    const order = orderFromEvidence(evidence[i] ?? noDateEvidence());
    if (order !== 'none') out[column] = order;
  });
  return out;
}

export async function inspectFile(ctx: Ctx, path: string, sheet?: string): Promise<ImportInspection> {
  const absolute = resolve(path);
  const table = await preview(absolute, SAMPLE_ROWS, { sheet }).catch(rejectAsValidation);
  const hash = await fileHash(absolute);
  const preset = detectPreset(table.columns);
  const signature = headerSignature(table.columns);
  const remembered = preset ? null : rememberedMapping(ctx.sqlite, signature);
  const kind = preset?.kind ?? remembered?.kind ?? null;
  const mapping = preset
    ? presetMapping(preset, table.columns)
    : (remembered?.mapping ?? (kind ? guessMapping(kind, table.columns) : {}));
  recover(ctx);
  const previous = all<JobRow>(
    ctx.sqlite,
    'SELECT * FROM import_jobs WHERE file_hash = ? ORDER BY created_at DESC LIMIT 10',
    hash,
  );
  return {
    path: absolute,
    fileName: table.fileName,
    size: table.size,
    format: table.format,
    encoding: table.encoding,
    bom: table.bom,
    delimiter: table.delimiter,
    headerLine: table.headerLine,
    sheet: table.sheet,
    sheets: table.sheets,
    columns: table.columns,
    records: table.records,
    sample: table.sample.slice(0, SHOWN_ROWS),
    issueCount: table.issueCount,
    issues: table.issues.map((i) => ({ row: i.record, line: i.line, message: i.message })),
    preset: preset ? presetInfo(preset) : null,
    kind,
    mapping,
    mappingSource: preset ? 'preset' : remembered ? 'remembered' : 'guessed',
    headerSignature: signature,
    options: preset ? {} : suggestOptions(kind, mapping, table.columns, table.sample),
    dateColumns: dateColumns(table.columns, table.dateEvidence),
    kinds: kindCatalogue(),
    presets: PRESETS.map(presetInfo),
    previousImports: previous.map((r) => toJob(ctx.sqlite, r)),
  };
}

/**
 * Checks the file and the mapping and creates a queued job; nothing is written when the file cannot be read
 * at all or the mapping is incomplete (FileRejectedError / SetupError, with the reason).
 */
export async function createImportJob(ctx: Ctx, input: ImportStart): Promise<string> {
  const job = await newImportJob(ctx, input, true);
  return job.id;
}

/**
 * Creates the job; the mapping the user chose is remembered with it, or (`rememberNow` false) by `remember`
 * once the caller knows the file was not refused, so a refusal leaves the database as it was.
 */
async function newImportJob(
  ctx: Ctx,
  input: ImportStart,
  rememberNow: boolean,
): Promise<{ id: string; remember(): void }> {
  const path = resolve(input.path);
  const options = input.options;
  if (options?.timeZone && !isTimeZone(options.timeZone))
    throw new SetupError(`"${options.timeZone}" is not a known time zone.`);
  const table = await openTable(path, { sheet: options?.sheet });
  const setup = resolveSetup(ctx.sqlite, table.fileName, table.columns, input);
  const now = ctx.nowIso();
  const remember = () => {
    if (setup.remember)
      rememberMapping(ctx.sqlite, headerSignature(table.columns), setup.kind, setup.mapping, now);
  };
  const id = writeTransaction(ctx.sqlite, () => {
    if (rememberNow) remember();
    return createJob(
      ctx.sqlite,
      {
        fileName: table.fileName,
        fileSize: table.size,
        filePath: path,
        kind: setup.kind,
        preset: setup.preset?.name ?? null,
        mapping: setup.mapping,
        options: {
          ...jobOptionsFor(options, setup.preset, getSettings(ctx)),
          ...(table.sheet ? { sheet: table.sheet } : {}),
        },
      },
      now,
    );
  });
  return { id, remember: () => writeTransaction(ctx.sqlite, remember) };
}

export async function startImport(ctx: Ctx, input: ImportStart): Promise<ImportJob> {
  const id = await createImportJob(ctx, input).catch(rejectAsValidation);
  importManager(ctx).enqueue(id, 'run');
  return getJob(ctx, id);
}

/**
 * Runs a job to its end through the same import manager as `imports.start`, for callers that wait for the
 * outcome (the command line). A file that turns out unreadable midway is refused like one unreadable at once.
 */
export async function runImport(ctx: Ctx, input: ImportStart) {
  const { id, remember } = await newImportJob(ctx, input, false).catch(rejectAsValidation);
  const manager = importManager(ctx);
  manager.enqueue(id, 'run');
  await manager.whenDone(id);
  const row = jobOrFail(ctx, id);
  if (row.status === 'failed' && (row.message ?? '').endsWith(NOTHING_IMPORTED)) {
    forgetJob(ctx.sqlite, id);
    fail('validation', row.message ?? NOTHING_IMPORTED);
  }
  // Stopped before its first batch committed (cancelled while waiting its turn, a full disk at once): no
  // record of the job stays either, so a refusal leaves the database as it was.
  if ((row.status === 'failed' || row.status === 'cancelled') && row.rows_done === 0) {
    forgetJob(ctx.sqlite, id);
    fail('conflict', `${row.message ?? 'The import stopped.'} The database is unchanged.`);
  }
  remember();
  const mapping = jobMapping(row);
  // A preset reads its numbered columns past the mapped ones too (Google's `Phone 3 - Value`).
  const further = Object.values((row.preset ? presetNamed(row.preset) : null)?.further ?? {});
  const read = (column: string) => Object.hasOwn(mapping, column) || further.some((p) => p.test(column));
  return {
    job: toJob(ctx.sqlite, row),
    errors: jobProblems(ctx.sqlite, id, 'error'),
    notes: jobProblems(ctx.sqlite, id, 'note'),
    mapping,
    leftOut: (jobOptions(row).columns ?? []).filter((column) => !read(column)),
  };
}

export function cancelImport(ctx: Ctx, id: string): ImportJob {
  const row = jobOrFail(ctx, id);
  const outcome = importManager(ctx).cancel(id);
  if (outcome === 'dequeued' || (!outcome && row.status === 'queued')) {
    setStatus(ctx.sqlite, id, 'cancelled', ctx.nowIso(), 'Cancelled before it started.');
  } else if (!outcome) {
    fail('conflict', `This import is ${row.status}; only a queued or running import can be cancelled.`);
  }
  return toJob(ctx.sqlite, jobOrFail(ctx, id));
}

export function undoImport(ctx: Ctx, id: string): ImportJob {
  recover(ctx);
  const job = toJob(ctx.sqlite, jobOrFail(ctx, id));
  if (!job.canUndo) fail('conflict', `This import is ${job.status}; it cannot be undone now.`);
  if (importManager(ctx).isActive(id)) fail('conflict', 'This import is still busy; wait until it stops.');
  setStatus(ctx.sqlite, id, 'undoing', ctx.nowIso());
  importManager(ctx).enqueue(id, 'undo');
  return getJob(ctx, id);
}

export function resumeImport(ctx: Ctx, id: string): ImportJob {
  recover(ctx);
  const job = toJob(ctx.sqlite, jobOrFail(ctx, id));
  if (!job.canResume)
    fail(
      'conflict',
      `This import is ${job.status}; only a cancelled, interrupted or failed import can be resumed.`,
    );
  importManager(ctx).enqueue(id, 'run');
  return getJob(ctx, id);
}

export function listErrors(ctx: Ctx, id: string, offset: number, limit: number) {
  jobOrFail(ctx, id);
  const total =
    get<Count>(ctx.sqlite, 'SELECT count(*) AS n FROM import_row_errors WHERE job_id = ?', id)?.n ?? 0;
  const rows = all<
    With<
      SqlRow<typeof importRowErrors, 'row' | 'column' | 'message' | 'severity'>,
      { severity: 'error' | 'note' }
    >
  >(
    ctx.sqlite,
    'SELECT row, column, message, severity FROM import_row_errors WHERE job_id = ? ORDER BY row, rowid LIMIT ? OFFSET ?',
    id,
    limit,
    offset,
  );
  return { total, rows };
}
