import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/main';

const ROOT = resolve(import.meta.dirname, '../..');
let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tandem-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `tandem` exactly as a user would after npm install (bin/tandem.js). */
function tandem(...args: string[]) {
  return tandemWithInput(undefined, ...args);
}

function tandemWithInput(input: string | undefined, ...args: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/tandem.js'), ...args], {
    input,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, TANDEM_DB: join(dir, 'default.sqlite') },
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

/** The same command line in this process (faster than a child), with standard input given. */
async function inProcess(argv: string[], stdin = '') {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    out: (text) => (out += text),
    err: (text) => (err += text),
    now: () => new Date('2026-03-31T09:00:00Z'),
    readStdin: () => Promise.resolve(stdin),
  });
  return { code, out, err };
}

// Each test starts the command line several times, each a new Node process: on a busy machine that takes
// seconds a run.
describe('tandem CLI', { timeout: 120_000 }, () => {
  it('lists every command in --help', () => {
    const { code, out } = tandem('--help');
    expect(code).toBe(0);
    for (const command of ['demo', 'backup', 'restore', 'call'])
      expect(out).toMatch(new RegExp(`^  ${command} `, 'm'));
  });

  it('rejects unknown commands and bad arguments with a clear message and a non-zero exit', () => {
    expect(tandem('frobnicate')).toMatchObject({
      code: 2,
      err: expect.stringContaining('Unknown command "frobnicate"'),
    });
    expect(tandem('--db')).toMatchObject({ code: 2, err: expect.stringContaining('--db needs a file name') });
    expect(tandem('--db', join(dir, 'x.sqlite'), 'demo', '--scale', 'lots')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--scale must be a whole number'),
    });
    expect(tandem('--db', join(dir, 'x.sqlite'), 'demo', '--colour')).toMatchObject({
      code: 2,
      err: expect.stringContaining("Unknown option '--colour'"),
    });
    expect(tandem('backup')).toMatchObject({ code: 2, err: expect.stringContaining('--out is required') });
    expect(tandem()).toMatchObject({ code: 2, err: expect.stringContaining('No command given') });
  });

  it('fills a new database with the demo, and refuses to fill one that has data', () => {
    const db = join(dir, 'demo.sqlite');
    const first = tandem('--db', db, 'demo', '--json');
    expect(first.code).toBe(0);
    const counts = JSON.parse(first.out) as Record<string, number>;
    expect(counts.contacts).toBeGreaterThan(50);
    expect(counts.leads).toBeGreaterThan(30);
    expect(tandem('--db', db, 'demo')).toMatchObject({
      code: 1,
      err: expect.stringContaining('already holds records'),
    });
  });

  it('round-trips a database through backup and restore with identical row counts', async () => {
    const db = join(dir, 'shop.sqlite');
    const backup = join(dir, 'shop-backup.sqlite');
    expect((await inProcess(['--db', db, 'demo'])).code).toBe(0);
    const saved = await inProcess(['--db', db, 'backup', '--out', backup, '--json']);
    expect(saved.code).toBe(0);
    const { counts: before } = JSON.parse(saved.out) as { counts: Record<string, number> };
    expect(before.contacts).toBeGreaterThan(0);

    // Restore into a brand-new location and over a database with other content.
    const fresh = await inProcess(['--db', join(dir, 'restored.sqlite'), 'restore', backup, '--json']);
    expect(fresh.code).toBe(0);
    expect((JSON.parse(fresh.out) as { counts: unknown }).counts).toEqual(before);

    const other = join(dir, 'other.sqlite');
    expect((await inProcess(['--db', other, 'demo', '--scale', '2'])).code).toBe(0);
    const over = await inProcess(['--db', other, 'restore', backup, '--json']);
    expect(over.code).toBe(0);
    const restored = JSON.parse(over.out) as { counts: unknown; previous: string };
    expect(restored.counts).toEqual(before);
    expect(restored.previous).toContain(join(dir, 'backups'));
    expect(existsSync(restored.previous)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes('.restoring'))).toEqual([]);
    // The installed command says so in words, naming the safety copy.
    const again = tandem('--db', other, 'restore', backup);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(
      /^Restored .*other\.sqlite\. A safety copy of the database it replaced is .*before-restore/,
    );
  });

  it('refuses to restore a file that is not a Tandem backup with exit 1, and changes nothing', async () => {
    const db = join(dir, 'keep.sqlite');
    expect((await inProcess(['--db', db, 'demo'])).code).toBe(0);
    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, 'this is not a database');
    expect(await inProcess(['--db', db, 'restore', junk])).toMatchObject({
      code: 1,
      err: expect.stringContaining('it is not a SQLite database'),
    });
    expect(await inProcess(['--db', db, 'restore', join(dir, 'missing.sqlite')])).toMatchObject({
      code: 1,
      err: expect.stringContaining('does not exist'),
    });
    expect(await inProcess(['--db', db, 'demo'])).toMatchObject({ code: 1 });
  });

  it('refuses to write a backup over an existing file, and to restore a backup from a newer Tandem', async () => {
    const db = join(dir, 'shop.sqlite');
    const backup = join(dir, 'backup.sqlite');
    expect((await inProcess(['--db', db, 'demo'])).code).toBe(0);
    expect((await inProcess(['--db', db, 'backup', '--out', backup])).code).toBe(0);
    expect(await inProcess(['--db', db, 'backup', '--out', backup])).toMatchObject({
      code: 2,
      err: expect.stringContaining('already exists; choose another file name'),
    });
    const newer = new Database(backup);
    newer.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', 9e12);
    newer.close();
    expect(await inProcess(['--db', db, 'restore', backup])).toMatchObject({
      code: 1,
      err: expect.stringContaining('written by a newer version of Tandem'),
    });
    // Refused before anything was touched: no copy of the current database was needed.
    expect(existsSync(join(dir, 'backups'))).toBe(false);
    const kept = new Database(db, { readonly: true });
    expect(
      kept.prepare('SELECT count(*) AS n FROM __drizzle_migrations WHERE hash = ?').get('future'),
    ).toEqual({
      n: 0,
    });
    kept.close();
  });

  it('refuses to restore while another Tandem process has the database open, and says which', async () => {
    const db = join(dir, 'held.sqlite');
    const backup = join(dir, 'held-backup.sqlite');
    expect((await inProcess(['--db', db, 'backup', '--out', backup])).code).toBe(0);
    const script = `
      const { register } = await import('tsx/esm/api');
      register({ tsconfig: ${JSON.stringify(join(ROOT, 'tsconfig.json'))} });
      const { createCore } = await import(${JSON.stringify(join(ROOT, 'src/main/core/app.ts'))});
      const core = await createCore(${JSON.stringify(db)});
      process.stdout.write('open\\n');
      process.stdin.on('end', () => { core.close(); process.exit(0); });
      process.stdin.resume();`;
    const holder = spawn(process.execPath, ['--input-type=module', '-e', script], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    try {
      await new Promise((resolve) => holder.stdout.once('data', resolve));
      const refused = await inProcess(['--db', db, 'restore', backup]);
      expect(refused.code).toBe(1);
      expect(refused.err).toContain(`Another Tandem has ${db} open: process ${holder.pid}`);
      expect(existsSync(join(dir, 'backups'))).toBe(false);
    } finally {
      const exited = new Promise((resolve) => holder.once('exit', resolve));
      holder.stdin.end();
      await exited;
    }
    expect((await inProcess(['--db', db, 'restore', backup])).code).toBe(0);
    expect(existsSync(`${db}.holders`)).toBe(false);
  });
});

describe('tandem call', { timeout: 120_000 }, () => {
  const call = (db: string, ...args: string[]) => inProcess(['--db', db, 'call', ...args]);

  it('calls any contract method with JSON input and prints its JSON answer', async () => {
    const db = join(dir, 'call.sqlite');
    const update = await call(db, 'settings.update', '{"businessName":"Fjord Roasters"}');
    expect(update).toMatchObject({ code: 0, err: '' });
    expect(update.out).toMatch(/^\{\n {2}"businessName": "Fjord Roasters",/);
    const settings = await inProcess(['--db', db, 'call', 'settings.get']);
    expect(JSON.parse(settings.out)).toMatchObject({ businessName: 'Fjord Roasters', currency: 'USD' });
    const created = await inProcess(
      ['--db', db, 'call', 'contacts.create', '-'],
      JSON.stringify({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' }),
    );
    expect(created.code).toBe(0);
    expect(JSON.parse(created.out)).toMatchObject({ email: 'ada@example.com', duplicates: [] });
  });

  it('validates input like every transport: exit 2 with the field named, the error as JSON on stderr', async () => {
    const db = join(dir, 'call.sqlite');
    const bad = await inProcess(['--db', db, 'call', 'contacts.create', '{"firstName":"A","email":"nope"}']);
    expect(bad).toMatchObject({ code: 2, out: '' });
    expect(JSON.parse(bad.err)).toMatchObject({
      code: 'validation',
      message: expect.stringContaining('email'),
      issues: [{ field: 'email' }],
    });
  });

  it('exits 1 with the error as JSON when the core refuses the call', async () => {
    const db = join(dir, 'call.sqlite');
    const missing = await call(db, 'imports.get', '{"id":"0190f5e1-0000-7000-8000-000000000000"}');
    expect(missing).toMatchObject({ code: 1, out: '' });
    expect(JSON.parse(missing.err)).toEqual({ code: 'not_found', message: 'That import does not exist.' });
  });

  it('exits 2 for an unknown method or input that is not JSON, without creating a database', async () => {
    const db = join(dir, 'never.sqlite');
    expect(await inProcess(['--db', db, 'call', 'contacts.drop'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('unknown method "contacts.drop"'),
    });
    expect(await inProcess(['--db', db, 'call', 'settings.get', '{oops'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('not valid JSON'),
    });
    expect(await inProcess(['--db', db, 'call'])).toMatchObject({ code: 2 });
    expect(existsSync(db)).toBe(false);
  });

  it('reads its input from standard input when it is "-", from the installed command', () => {
    const db = join(dir, 'stdin.sqlite');
    const run = tandemWithInput('{"businessName":"Piped In"}', '--db', db, 'call', 'settings.update', '-');
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(JSON.parse(run.out)).toMatchObject({ businessName: 'Piped In' });
  });

  it('runs the same methods the commands use: the demo through workspace.demo', async () => {
    const db = join(dir, 'demo-call.sqlite');
    const demo = await inProcess(['--db', db, 'call', 'workspace.demo', '{"scale":1}']);
    expect(demo.code).toBe(0);
    expect(JSON.parse(demo.out)).toMatchObject({ contacts: expect.any(Number), leads: expect.any(Number) });
    expect(await inProcess(['--db', db, 'demo'])).toMatchObject({
      code: 1,
      err: expect.stringContaining('already holds records'),
    });
    expect(await inProcess(['--db', db, 'call', 'workspace.demo', '{"scale":0}'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('"field": "scale"'),
    });
  });
});
