import { join } from 'node:path';
import type { ImportKind, ImportOptions } from '@shared/api/imports';
import { SAMPLES_DIR } from '@fixtures/import/samples';
import type { TestCore } from '../testing';
import { runJob, type RunHooks } from './job/runner';
import type { JobRow } from './job/store';
import { createImportJob } from './service';

export const sample = (name: string): string => join(SAMPLES_DIR, name);

/** The samples' business is in Maine: exports without offsets are read in its zone. */
export const MAINE = 'America/New_York';

/** Creates and runs a job on the test core's own connection (no worker thread) and returns its row. */
export async function importInto(
  t: TestCore,
  path: string,
  choice: {
    kind?: ImportKind;
    preset?: string;
    mapping?: Record<string, string>;
    options?: ImportOptions;
  } = {},
  hooks: Partial<RunHooks> = {},
): Promise<JobRow> {
  const id = await createImportJob(t.core.ctx, {
    path,
    ...choice,
    options: { timeZone: MAINE, ...choice.options },
  });
  return runJob(t.core.ctx.sqlite, id, { now: t.core.ctx.nowIso, ...hooks });
}

/** Runs the job until its first batch of `batchSize` rows is written, then cancels it (as the Cancel button does). */
export function runFirstBatch(t: TestCore, jobId: string, batchSize: number): Promise<JobRow> {
  const controller = new AbortController();
  return runJob(t.core.ctx.sqlite, jobId, {
    now: t.core.ctx.nowIso,
    batchSize,
    signal: controller.signal,
    onProgress: () => controller.abort(),
  });
}

/** Rows of a query, for assertions. */
export function rows<T = Record<string, unknown>>(t: TestCore, sql: string, ...params: unknown[]): T[] {
  return t.core.ctx.sqlite.prepare(sql).all(...params) as T[];
}

export function one<T = Record<string, unknown>>(t: TestCore, sql: string, ...params: unknown[]): T {
  const row = t.core.ctx.sqlite.prepare(sql).get(...params) as T | undefined;
  if (row === undefined) throw new Error(`no row for ${sql}`);
  return row;
}

export const count = (t: TestCore, table: string, where = '1'): number =>
  one<{ n: number }>(t, `SELECT count(*) AS n FROM ${table} WHERE ${where}`).n;
