import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '@core/app';
import { BATCH_SIZE } from '@core/import/job/runner';
import { generateContactsCsv } from '@fixtures/import/generate';

const ROOT = resolve(import.meta.dirname, '../..');
const ROWS = 30_000;
/** About 8,000 pages of 4 KiB hold the 30,000 contacts with their search index: room for a few batches. */
const ROOM_PAGES = 3000;
let dir = '';
let csv = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tandem-full-'));
  csv = join(dir, 'contacts.csv');
  await generateContactsCsv(csv, ROWS, 47, 0);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `tandem ARGS` in a child process; `room` makes its import connection meet SQLITE_FULL as on a full disk. */
function tandem(args: string[], room?: number): Promise<{ code: number | null; out: string; err: string }> {
  const env = { ...process.env, TANDEM_TEST_IMPORT_ROOM_PAGES: room === undefined ? '' : String(room) };
  const child = spawn(process.execPath, [join(ROOT, 'bin/tandem.js'), ...args], { env });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((done) => child.once('close', (code) => done({ code, out, err })));
}

function state(db: string) {
  const sqlite = new Database(db, { readonly: true });
  const count = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n;
  try {
    return {
      jobs: sqlite.prepare('SELECT id, status, rows_done AS rowsDone FROM import_jobs').all() as {
        id: string;
        status: string;
        rowsDone: number;
      }[],
      contacts: count('SELECT count(*) AS n FROM contacts'),
      searchable: count(`SELECT count(*) AS n FROM search_refs WHERE kind = 'contact'`),
      integrity: sqlite.pragma('integrity_check', { simple: true }),
    };
  } finally {
    sqlite.close();
  }
}

describe('an import that fills the disk', () => {
  it('keeps whole batches, exits 3 naming how to resume or undo, and either completes the job', async () => {
    const db = join(dir, 'full.sqlite');
    (await createCore(db)).close();
    const run = await tandem(['--db', db, 'import', csv, '--as', 'contacts'], ROOM_PAGES);

    expect(run.code).toBe(3);
    const after = state(db);
    expect(after.integrity).toBe('ok');
    const [job] = after.jobs;
    if (!job) throw new Error('the job was not kept');
    expect(job.status).toBe('failed');
    expect(job.rowsDone).toBeGreaterThan(0);
    expect(job.rowsDone).toBeLessThan(ROWS);
    expect(job.rowsDone % BATCH_SIZE).toBe(0);
    expect(after.contacts).toBe(job.rowsDone);
    expect(run.err).toContain(`The import stopped after ${job.rowsDone} rows: the disk is full.`);
    expect(run.err).toContain(`import --resume ${job.id}`);
    expect(run.err).toContain(`import --undo ${job.id}`);
    expect(run.err).not.toMatch(/\n\s+at /); // no stack trace
    copyFileSync(db, join(dir, 'undo.sqlite'));

    // With room again, resuming imports the rest, searchable.
    const resumed = await tandem(['--db', db, 'import', '--resume', job.id]);
    expect(resumed).toMatchObject({ code: 0, err: '' });
    expect(resumed.out).toContain('done. 30000 rows: 30000 new');
    const done = state(db);
    expect(done.jobs).toEqual([{ id: job.id, status: 'done', rowsDone: ROWS }]);
    expect([done.contacts, done.searchable, done.integrity]).toEqual([ROWS, ROWS, 'ok']);
  }, 180_000);

  it('…or undoes it to the database before', async () => {
    const db = join(dir, 'undo.sqlite');
    const [job] = state(db).jobs;
    if (!job) throw new Error('the first test did not leave its job');
    const undone = await tandem(['--db', db, 'import', '--undo', job.id]);
    expect(undone.code).toBe(0);
    expect(undone.out).toContain(': undone.');
    const after = state(db);
    expect(after.jobs).toEqual([{ id: job.id, status: 'undone', rowsDone: job.rowsDone }]);
    expect([after.contacts, after.searchable, after.integrity]).toEqual([0, 0, 'ok']);
  }, 120_000);

  it('exits 1 with the database unchanged when not even the first batch fits', async () => {
    const db = join(dir, 'none.sqlite');
    (await createCore(db)).close();
    const run = await tandem(['--db', db, 'import', csv, '--as', 'contacts'], 20);
    expect(run.code).toBe(1);
    expect(run.err).toContain('The import stopped before its first batch: the disk is full.');
    expect(run.err).toContain('Nothing was imported.');
    expect(state(db)).toMatchObject({ jobs: [], contacts: 0, integrity: 'ok' });
  }, 120_000);
});
