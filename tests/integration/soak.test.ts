// Soak: two processes on one database file, each creating and editing contacts, importing small files,
// writing backups and reading summaries at random (soak-child.ts). Each logs what the core said was
// committed; afterwards every logged record must be in the database and `integrity_check` must say ok.
// Then processes are killed with SIGKILL at random points of that load, again and again, while the other
// keeps working: no committed row may be lost. A restore tried under the load refuses (exit 1, the
// database not replaced); once the load has stopped it completes, verified.
//
// `npm test` runs a short soak (TANDEM_SOAK_SECONDS, default 3; TANDEM_SOAK_KILLS, default 20);
// `npm run soak` runs it for minutes.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '@core/app';
import { createRandom } from '@core/demo/random';

const ROOT = resolve(import.meta.dirname, '../..');
const SECONDS = Number(process.env.TANDEM_SOAK_SECONDS ?? 3);
const KILLS = Number(process.env.TANDEM_SOAK_KILLS ?? 20);
const SEED = Number(process.env.TANDEM_SOAK_SEED ?? Date.now() % 1_000_000);

let dir = '';
let db = '';
let logNumber = 0;
const logs: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tandem-soak-'));
  db = join(dir, 'tandem.sqlite');
  const core = await createCore(db);
  core.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Child {
  process: ChildProcess;
  log: string;
  exited: Promise<number | null>;
}

/** Starts one soak process through tsx, as bin/tandem.js runs the command line, for `ms` of work. */
function startChild(name: string, seed: number, ms: number): Child {
  const log = join(dir, `${name}-${++logNumber}.log`);
  logs.push(log);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'tests/integration/soak-child.ts'), db, log, String(seed), String(ms)],
    {
      cwd: ROOT,
      env: { ...process.env, TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.json') },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { process: child, log, exited };
}

const lines = (log: string): string[] =>
  existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];

async function ready(child: Child): Promise<void> {
  for (let waited = 0; waited < 30_000; waited += 20) {
    if (lines(child.log).includes('ready')) return;
    await sleep(20);
  }
  throw new Error(`${child.log}: the soak process did not start`);
}

/**
 * Every record the logs name is in the database, and the database (and every logged backup) passes
 * integrity_check. Returns how many records were checked.
 */
function verify(only: string[] = logs): { records: number; backups: number } {
  const sqlite = new Database(db, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  let records = 0;
  let backups = 0;
  const problems: string[] = [];
  try {
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    const contact = sqlite.prepare('SELECT email, title FROM contacts WHERE id = ? AND deleted_at IS NULL');
    const imported = sqlite
      .prepare('SELECT count(*) FROM contacts WHERE email LIKE ? AND deleted_at IS NULL')
      .pluck();
    const job = sqlite.prepare('SELECT status FROM import_jobs WHERE id = ?').pluck();
    const lastEdit = new Map<string, number>();
    for (const log of only) {
      for (const line of lines(log)) {
        const [kind, a = '', b = '', c = ''] = line.split(' ');
        if (kind === 'error') problems.push(`${log}: ${line}`);
        else if (kind === 'contact') {
          const row = contact.get(a) as { email: string } | undefined;
          if (row?.email !== b) problems.push(`${log}: contact ${a} (${b}) is missing`);
          records++;
        } else if (kind === 'edit') lastEdit.set(a, Math.max(lastEdit.get(a) ?? 0, Number(b)));
        else if (kind === 'import') {
          if (job.get(a) !== 'done') problems.push(`${log}: import ${a} is not done`);
          const count = imported.get(`${b}%`) as number;
          if (count !== Number(c)) problems.push(`${log}: import ${a} has ${count} of its ${c} contacts`);
          records += Number(c);
        } else if (kind === 'backup') {
          const copy = new Database(a, { readonly: true, fileMustExist: true });
          try {
            if (copy.pragma('integrity_check', { simple: true }) !== 'ok')
              problems.push(`${log}: backup ${a} is damaged`);
          } finally {
            copy.close();
          }
          backups++;
        }
      }
    }
    for (const [id, version] of lastEdit) {
      // The edit in flight when a process was killed may have committed after the last one logged.
      const title = (contact.get(id) as { title: string } | undefined)?.title ?? '';
      if (!(Number(title.slice(1)) >= version))
        problems.push(`contact ${id} has title "${title}", not v${version} or later`);
      records++;
    }
  } finally {
    sqlite.close();
  }
  expect(problems).toEqual([]);
  return { records, backups };
}

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/tandem.js'), '--db', db, ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('exit', (code) => done({ code, stdout, stderr }));
  });
}

const contactIds = (): string[] => {
  const sqlite = new Database(db, { readonly: true });
  try {
    return sqlite.prepare('SELECT id FROM contacts ORDER BY id').pluck().all() as string[];
  } finally {
    sqlite.close();
  }
};

describe(`soak: two processes on one database (seed ${SEED})`, () => {
  let backup = '';

  it(
    `keeps every committed record through ${SECONDS} s of parallel imports, edits, backups and summaries, and refuses a restore meanwhile`,
    async () => {
      const first = await cli(['backup', '--out', join(dir, 'before-load.sqlite'), '--json']);
      expect(first.code).toBe(0);
      backup = join(dir, 'before-load.sqlite');

      const children = [startChild('a', SEED, 120_000), startChild('b', SEED + 1, 120_000)];
      await Promise.all(children.map(ready));
      const started = Date.now();
      // A restore while both are working: refused with exit 1, and nothing they committed is lost by it.
      const beforeRestore = contactIds();
      const restore = await cli(['restore', backup]);
      const afterRestore = new Set(contactIds());
      expect(lines(children[0]?.log ?? '')).not.toContain('done');
      expect(beforeRestore.filter((id) => !afterRestore.has(id))).toEqual([]);
      await sleep(Math.max(0, started + SECONDS * 1000 - Date.now()));
      for (const child of children) writeFileSync(`${child.log}.stop`, '');
      expect(restore.code).toBe(1);
      expect(restore.stderr).toContain('Another Tandem has');
      expect(await Promise.all(children.map((c) => c.exited))).toEqual([0, 0]);
      for (const child of children) expect(lines(child.log).at(-1)).toBe('done');
      const { records, backups } = verify();
      expect(records).toBeGreaterThan(0);
      expect(backups).toBeGreaterThanOrEqual(0);
    },
    60_000 + SECONDS * 1000,
  );

  it(
    `loses no committed row when processes are killed with SIGKILL at random points of the load (${KILLS} kills)`,
    async () => {
      const rnd = createRandom(SEED);
      let kills = 0;
      const slot = async (name: string): Promise<void> => {
        while (kills < KILLS) {
          kills++;
          const child = startChild(name, rnd.int(1, 1_000_000), 60_000);
          await ready(child);
          await sleep(rnd.int(20, 600));
          child.process.kill('SIGKILL');
          expect(await child.exited).toBeNull();
          // Straight after the kill, with the other process still at work: its log is all there.
          verify([child.log]);
        }
      };
      await Promise.all([slot('k'), slot('l')]);
      expect(kills).toBeGreaterThanOrEqual(KILLS);
      verify();
    },
    120_000 + KILLS * 5_000,
  );

  it('restores a backup once the load has stopped, verified, with a safety copy of what it replaced', async () => {
    const expected = new Database(backup, { readonly: true });
    const count = expected.prepare('SELECT count(*) FROM contacts').pluck().get();
    expected.close();
    const restore = await cli(['restore', backup, '--json']);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    const { previous } = JSON.parse(restore.stdout) as { previous: string };
    const sqlite = new Database(db, { readonly: true });
    try {
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(sqlite.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(count);
    } finally {
      sqlite.close();
    }
    // What the restore replaced is kept whole: every record the soak committed is in the safety copy.
    const current = db;
    db = previous;
    try {
      verify();
    } finally {
      db = current;
    }
  }, 60_000);
});
