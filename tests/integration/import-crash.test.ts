import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '@core/app';
import { createRandom } from '@core/demo/random';
import { DEFER_INDEXES_BYTES } from '@core/import/job/deferred-indexes';
import { BATCH_SIZE, runJob } from '@core/import/job/runner';
import { undoJob } from '@core/import/job/undo';
import { generateContactsCsv } from '@fixtures/import/generate';
import { writeContactsXlsx } from '@fixtures/import/xlsx-writer';

const ROOT = resolve(import.meta.dirname, '../..');
// Large enough (over DEFER_INDEXES_BYTES) that the job defers its indexes, so kills also land while they are off.
const ROWS = 50_000;
const TRIALS = 12;
// The same contacts as a workbook (shared strings, date-time cells): the streaming XLSX reader under kills.
const XLSX_ROWS = 30_000;
const XLSX_TRIALS = 6;
let dir = '';
let file = '';
let workbook = '';
let baseline = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tandem-crash-'));
  file = join(dir, 'contacts.csv');
  // Every address unique, so each committed row is exactly one contact.
  await generateContactsCsv(file, ROWS, 99, 0);
  expect(statSync(file).size).toBeGreaterThanOrEqual(DEFER_INDEXES_BYTES);
  workbook = join(dir, 'contacts.xlsx');
  expect(await writeContactsXlsx(workbook, XLSX_ROWS, 98, 0)).toBe(XLSX_ROWS);
  baseline = join(dir, 'baseline.sqlite');
  const core = await createCore(baseline, { checkOutput: true });
  core.close();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface JobState {
  id: string;
  status: string;
  rows_done: number;
  inserted: number;
}

function inspectDb(db: string) {
  const sqlite = new Database(db, { readonly: true });
  try {
    const integrity = sqlite.pragma('integrity_check', { simple: true });
    const job = sqlite.prepare('SELECT id, status, rows_done, inserted FROM import_jobs').get() as
      JobState | undefined;
    const contacts = (sqlite.prepare('SELECT count(*) AS n FROM contacts').get() as { n: number }).n;
    return { integrity, job, contacts };
  } finally {
    sqlite.close();
  }
}

/** The contacts indexes a large import builds at its end (job/deferred-indexes.ts): back after any recovery. */
const CONTACT_INDEXES = [
  'contacts_company_idx',
  'contacts_created_idx',
  'contacts_email_key_idx',
  'contacts_name_idx',
  'contacts_phone_key_idx',
  'contacts_sort_name_idx',
  'contacts_touch_idx',
];

function contactIndexes(sqlite: Database.Database): string[] {
  return (
    sqlite
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'contacts' AND name LIKE 'contacts_%' ORDER BY name`,
      )
      .all() as { name: string }[]
  ).map((r) => r.name);
}

function jobProgress(db: string): { status: string; rows: number } | null {
  try {
    const sqlite = new Database(db, { readonly: true, fileMustExist: true });
    try {
      const row = sqlite.prepare('SELECT status, rows_done AS rows FROM import_jobs').get() as
        { status: string; rows: number } | undefined;
      return row ?? null;
    } finally {
      sqlite.close();
    }
  } catch {
    return null; // The database or its tables do not exist yet.
  }
}

/**
 * Kills the importing process outright once its job has committed `atRows` rows (a point past the end lands in
 * the final search indexing, or after the job), plus a little jitter so kills also fall inside a batch.
 */
async function importAndKill(
  db: string,
  path: string,
  atRows: number,
  jitterMs: number,
): Promise<'killed' | 'exited'> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin/tandem.js'), '--db', db, 'import', path, '--as', 'contacts', '--json'],
    { stdio: 'ignore' },
  );
  let exited = false;
  child.once('exit', () => (exited = true));
  for (let waited = 0; waited < 60_000 && !exited; waited += 5) {
    const job = jobProgress(db);
    if (job && job.status !== 'queued' && (job.status !== 'running' || job.rows >= atRows)) break;
    await sleep(5);
  }
  await sleep(jitterMs);
  if (exited) return 'exited';
  child.kill('SIGKILL');
  await new Promise((done) => (exited ? done(null) : child.once('exit', done)));
  return 'killed';
}

/**
 * Kills imports of `path` (`rows` contacts, each address unique) at random points; after each kill the
 * database holds whole batches, and the job resumes to completion (even trials) or undoes to before (odd).
 */
async function killTrials(path: string, rows: number, trials: number, seed: number): Promise<void> {
  const rnd = createRandom(seed);
  const outcomes: string[] = [];
  for (let trial = 0; trial < trials; trial++) {
    const db = join(dir, `trial-${trial}.sqlite`);
    copyFileSync(baseline, db);
    const atRows = rnd.int(0, rows + BATCH_SIZE);
    const jitter = rnd.int(0, 80);
    const how = await importAndKill(db, path, atRows, jitter);

    // Straight after the kill, before any recovery: consistent, and only whole batches.
    const after = inspectDb(db);
    expect(after.integrity).toBe('ok');
    const job = after.job;
    if (!job) throw new Error(`trial ${trial}: the job was never created`);
    expect(after.contacts).toBe(job.rows_done);
    expect(after.contacts % BATCH_SIZE === 0 || after.contacts === rows).toBe(true);
    expect(job.inserted).toBe(job.rows_done);
    outcomes.push(`${how}@${atRows}+${jitter}ms:${job.status}:${job.rows_done}`);

    // Next open marks it interrupted; then resume it (even trials) or undo it (odd trials).
    const core = await createCore(db, { checkOutput: true });
    try {
      const sqlite = core.ctx.sqlite;
      const status = (
        sqlite.prepare('SELECT status FROM import_jobs WHERE id = ?').get(job.id) as { status: string }
      ).status;
      expect(status).toBe(job.status === 'running' || job.status === 'queued' ? 'interrupted' : job.status);
      // Whatever was committed is searchable once the interruption is noticed.
      expect(
        (
          sqlite.prepare(`SELECT count(*) AS n FROM search_refs WHERE kind = 'contact'`).get() as {
            n: number;
          }
        ).n,
      ).toBe(job.rows_done);
      // So are the indexes the job built at its end only.
      expect(contactIndexes(sqlite)).toEqual(CONTACT_INDEXES);
      if (trial % 2 === 0) {
        if (status !== 'done') await runJob(sqlite, job.id, { now: core.ctx.nowIso });
        const final = sqlite
          .prepare(
            'SELECT status, rows_total, rows_done, inserted, error_count FROM import_jobs WHERE id = ?',
          )
          .get(job.id);
        expect(final).toEqual({
          status: 'done',
          rows_total: rows,
          rows_done: rows,
          inserted: rows,
          error_count: 0,
        });
        expect(
          (sqlite.prepare('SELECT count(DISTINCT email_key) AS n FROM contacts').get() as { n: number }).n,
        ).toBe(rows);
        expect(
          (
            sqlite.prepare(`SELECT count(*) AS n FROM search_refs WHERE kind = 'contact'`).get() as {
              n: number;
            }
          ).n,
        ).toBe(rows);
      } else {
        undoJob(sqlite, job.id, core.ctx.nowIso);
        for (const table of ['contacts', 'companies', 'search_refs', 'import_changes']) {
          expect({
            table,
            n: (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
          }).toEqual({ table, n: 0 });
        }
        expect((sqlite.prepare('SELECT status FROM import_jobs').get() as { status: string }).status).toBe(
          'undone',
        );
      }
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(sqlite.pragma('foreign_key_check')).toEqual([]);
      expect(contactIndexes(sqlite)).toEqual(CONTACT_INDEXES);
    } finally {
      core.close();
    }
    rmSync(db, { force: true });
    rmSync(`${db}-wal`, { force: true });
    rmSync(`${db}-shm`, { force: true });
  }
  // The point of the test is kills in the middle of the job, not only before or after it.
  const midJob = outcomes.filter(
    (o) => /^killed@[\d+]+ms:running:[1-9]\d*$/.test(o) && !o.endsWith(`:${rows}`),
  );
  console.log(`crash trials of ${path}: ${outcomes.join(', ')}`);
  expect(midJob.length).toBeGreaterThanOrEqual(trials / 2);
}

describe('an import killed at random points', () => {
  it(`leaves whole batches and a job that resumes to completion or undoes to before (CSV, ${TRIALS} trials)`, async () => {
    await killTrials(file, ROWS, TRIALS, 20261015);
  }, 600_000);

  it(`does the same for a workbook read by the streaming XLSX reader (${XLSX_TRIALS} trials)`, async () => {
    await killTrials(workbook, XLSX_ROWS, XLSX_TRIALS, 20261203);
  }, 600_000);
});
