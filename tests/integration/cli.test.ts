import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tandem-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `tandem` exactly as a user would after npm install (bin/tandem.js). */
function tandem(...args: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/tandem.js'), ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, TANDEM_DB: join(dir, 'default.sqlite') },
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('tandem CLI', () => {
  it('lists every command in --help', () => {
    const { code, out } = tandem('--help');
    expect(code).toBe(0);
    for (const command of ['demo', 'backup', 'restore'])
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

  it('round-trips a database through backup and restore with identical row counts', () => {
    const db = join(dir, 'shop.sqlite');
    const backup = join(dir, 'shop-backup.sqlite');
    expect(tandem('--db', db, 'demo').code).toBe(0);
    const saved = tandem('--db', db, 'backup', '--out', backup, '--json');
    expect(saved.code).toBe(0);
    const { counts: before } = JSON.parse(saved.out) as { counts: Record<string, number> };
    expect(before.contacts).toBeGreaterThan(0);

    // Restore into a brand-new location and over a database with other content.
    const fresh = tandem('--db', join(dir, 'restored.sqlite'), 'restore', backup, '--json');
    expect(fresh.code).toBe(0);
    expect((JSON.parse(fresh.out) as { counts: unknown }).counts).toEqual(before);

    const other = join(dir, 'other.sqlite');
    expect(tandem('--db', other, 'demo', '--scale', '2').code).toBe(0);
    const over = tandem('--db', other, 'restore', backup, '--json');
    expect(over.code).toBe(0);
    const restored = JSON.parse(over.out) as { counts: unknown; previous: string };
    expect(restored.counts).toEqual(before);
    expect(existsSync(restored.previous)).toBe(true);
  });

  it('refuses to restore a file that is not a Tandem backup, and changes nothing', () => {
    const db = join(dir, 'keep.sqlite');
    expect(tandem('--db', db, 'demo').code).toBe(0);
    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, 'this is not a database');
    expect(tandem('--db', db, 'restore', junk)).toMatchObject({
      code: 2,
      err: expect.stringContaining('not a readable SQLite database'),
    });
    expect(tandem('--db', db, 'restore', join(dir, 'missing.sqlite'))).toMatchObject({
      code: 2,
      err: expect.stringContaining('does not exist'),
    });
    expect(tandem('--db', db, 'demo')).toMatchObject({ code: 1 });
  });
});
