import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '@core/app';
import { generateContactsCsv } from '@fixtures/import/generate';

const ROOT = resolve(import.meta.dirname, '../..');
const ROWS = 30_000;
let dir = '';
let csv = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tandem-turns-'));
  csv = join(dir, 'contacts.csv');
  await generateContactsCsv(csv, ROWS, 31, 0);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  out: string;
  err: string;
}

/** `tandem ARGS` as a child process of its own. */
function tandem(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/tandem.js'), ...args], {
    env: { ...process.env, ...env },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((done) => child.once('close', (code) => done({ code, out, err })));
}

interface JobState {
  id: string;
  status: string;
  rows_done: number;
  inserted: number;
  unchanged: number;
  started_at: string;
  finished_at: string;
}

function jobsOf(db: string) {
  const sqlite = new Database(db, { readonly: true });
  try {
    return {
      jobs: sqlite
        .prepare(
          'SELECT id, status, rows_done, inserted, unchanged, started_at, finished_at FROM import_jobs ORDER BY started_at',
        )
        .all() as JobState[],
      contacts: (sqlite.prepare('SELECT count(*) AS n FROM contacts').get() as { n: number }).n,
      integrity: sqlite.pragma('integrity_check', { simple: true }),
    };
  } finally {
    sqlite.close();
  }
}

describe('two imports started together on one database file', () => {
  it('run one after the other: both finish, the second finds every row already there', async () => {
    const db = join(dir, 'together.sqlite');
    (await createCore(db)).close();
    const args = ['--db', db, 'import', csv, '--as', 'contacts', '--json'];
    const [a, b] = await Promise.all([tandem(args), tandem(args)]);

    expect([a.code, b.code]).toEqual([0, 0]);
    const outs = [a, b].map(
      (r) => JSON.parse(r.out) as { status: string; inserted: number; unchanged: number },
    );
    expect(outs.map((o) => o.status)).toEqual(['done', 'done']);
    expect(outs.map((o) => o.inserted).sort()).toEqual([0, ROWS]);
    // The one that went second said it waited, and wrote nothing until the first had finished.
    expect([a.err, b.err].filter((e) => e.includes('waiting for it to finish'))).toHaveLength(1);
    const { jobs, contacts, integrity } = jobsOf(db);
    expect(integrity).toBe('ok');
    expect(contacts).toBe(ROWS);
    expect(jobs.map((j) => [j.status, j.rows_done, j.inserted, j.unchanged])).toEqual([
      ['done', ROWS, ROWS, 0],
      ['done', ROWS, 0, ROWS],
    ]);
    const [first, second] = jobs as [JobState, JobState];
    expect(second.started_at >= first.finished_at).toBe(true);
  }, 120_000);

  it('do not wait for a job that a dead process left running: it becomes resumable', async () => {
    const db = join(dir, 'dead.sqlite');
    const core = await createCore(db);
    core.close();
    // A job row as a killed import leaves it: running, held by a process that no longer exists.
    const sqlite = new Database(db);
    const at = new Date().toISOString();
    sqlite
      .prepare(
        `INSERT INTO import_jobs (id, file_name, file_hash, file_size, file_path, kind, mapping, options, status,
           worker_pid, heartbeat_at, rows_done, created_at, updated_at, started_at)
         VALUES ('0190a000-0000-7000-8000-000000000001', 'old.csv', '', 1, ?, 'contacts', '{}', '{}', 'running', 2147483646, ?, 0, ?, ?, ?)`,
      )
      .run(csv, at, at, at, at);
    sqlite.close();
    const run = await tandem(['--db', db, 'import', csv, '--as', 'contacts', '--json']);
    expect(run.code).toBe(0);
    expect(run.err).not.toContain('waiting');
    const { jobs, contacts } = jobsOf(db);
    expect(contacts).toBe(ROWS);
    expect(jobs.map((j) => j.status).sort()).toEqual(['done', 'interrupted']);
  }, 120_000);
});
