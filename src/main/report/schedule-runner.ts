import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DueRun, ReportRun } from '@shared/api/report-schedule';
import type { ReportRequest } from '@shared/api/reports';
import type { Result } from '@shared/contract/result';

/**
 * Scheduled meeting reports without a server: whenever the app (desktop or browser host) is running, it
 * asks the core which runs are due by the core's clock (missed ones included, at start) and prints each
 * with the printer it already has, writes the PDF into the schedule's folder and records the run. Used by
 * the Electron shell (printToPDF) and the host (Chromium) alike, so it imports neither.
 */

export interface ScheduleRunnerDeps {
  dispatch(method: string, input: unknown): Promise<Result<unknown>>;
  /** Prints a report to PDF bytes with its default file name (business name and period). */
  print(request: ReportRequest): Promise<{ pdf: Uint8Array; fileName: string }>;
  /** How often to ask whether a run is due (default one minute). */
  intervalMs?: number;
  log?(message: string): void;
}

/** A real report is never this small: an empty period still prints a header, a page and its footer. */
const MIN_PDF_BYTES = 1024;

async function call<T>(deps: ScheduleRunnerDeps, method: string, input: unknown): Promise<T> {
  const reply = await deps.dispatch(method, input);
  if (!reply.ok) throw new Error(`${method}: ${reply.error.message}`);
  return reply.value as T;
}

/**
 * Writes the file whole or not at all: a temporary file in the same folder, flushed to disk, then renamed
 * over the name, and its size read back. A reader (or a sync client) never sees half a PDF.
 */
export async function writeFileAtomically(folder: string, name: string, data: Uint8Array): Promise<string> {
  const target = join(folder, name);
  const temp = join(folder, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  const written = (await stat(target)).size;
  if (written !== data.length)
    throw new Error(`${target} holds ${written} bytes after writing, expected ${data.length}`);
  return target;
}

function checkPdf(pdf: Uint8Array): void {
  const head = Buffer.from(pdf.subarray(0, 5)).toString('latin1');
  if (head !== '%PDF-' || pdf.length < MIN_PDF_BYTES)
    throw new Error(`the printer returned ${pdf.length} bytes that are not a whole PDF`);
}

/** Prints, writes and records one run; a failure is recorded with its reason rather than thrown. */
async function runOne(deps: ScheduleRunnerDeps, run: DueRun): Promise<ReportRun> {
  const { from, to } = run.request;
  try {
    const { pdf, fileName } = await deps.print(run.request);
    checkPdf(pdf);
    const path = await writeFileAtomically(run.folder, fileName, pdf);
    return await call<ReportRun>(deps, 'reportSchedule.record', {
      dueAt: run.dueAt,
      from,
      to,
      status: 'written',
      path,
      bytes: pdf.length,
    });
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
    deps.log?.(`[tandem] scheduled report ${from} to ${to} failed: ${reason}`);
    return call<ReportRun>(deps, 'reportSchedule.record', {
      dueAt: run.dueAt,
      from,
      to,
      status: 'failed',
      error: reason,
    });
  }
}

export interface ScheduleRunner {
  /** The check made at start: the runs missed while the app was closed and any due now. */
  started: Promise<ReportRun[]>;
  /** Writes every run due now. */
  check(): Promise<ReportRun[]>;
  stop(): Promise<void>;
}

/**
 * Checks at once and then every `intervalMs`. Checks never overlap. A run that failed is not tried again
 * by this process (it would fail the same way every minute); the next start tries it once more.
 */
export function startScheduleRunner(deps: ScheduleRunnerDeps): ScheduleRunner {
  const failed = new Set<string>();
  let current: Promise<ReportRun[]> | null = null;
  let stopped = false;

  const pass = async (): Promise<ReportRun[]> => {
    const due = await call<{ runs: DueRun[]; skipped: number }>(deps, 'reportSchedule.due', {});
    if (due.skipped > 0)
      deps.log?.(`[tandem] ${due.skipped} older scheduled reports were skipped; the latest are written`);
    const done: ReportRun[] = [];
    for (const run of due.runs) {
      if (stopped) break;
      if (failed.has(run.dueAt)) continue;
      const result = await runOne(deps, run);
      if (result.status === 'failed') failed.add(run.dueAt);
      done.push(result);
    }
    return done;
  };

  const check = (): Promise<ReportRun[]> => {
    current ??= pass().finally(() => (current = null));
    return current;
  };
  const tick = () =>
    void check().catch((error: unknown) =>
      deps.log?.(`[tandem] scheduled reports: ${error instanceof Error ? error.message : String(error)}`),
    );
  const timer = setInterval(tick, deps.intervalMs ?? 60_000);
  timer.unref?.();
  const started = check();
  started.catch((error: unknown) =>
    deps.log?.(`[tandem] scheduled reports: ${error instanceof Error ? error.message : String(error)}`),
  );
  return {
    started,
    check,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await current?.catch(() => undefined);
    },
  };
}
