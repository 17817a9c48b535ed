import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@core/db/open';
import { DatabaseRefusedError } from '@core/db/migrate';

const ROOT = resolve(import.meta.dirname, '../..');
let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tandem-foreign-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function tandem(...args: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/tandem.js'), ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

/** Another program's SQLite file: a table of its own, rollback journal, no Tandem tables. */
function foreignDatabase(name: string): string {
  const file = join(dir, name);
  const sqlite = new Database(file);
  sqlite.exec(
    `CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT); INSERT INTO recipes (title) VALUES ('bread')`,
  );
  sqlite.close();
  return file;
}

describe('--db naming a file that is not a Tandem database', () => {
  it('refuses another program’s SQLite file with exit 1 naming it, and leaves it byte-identical', () => {
    const file = foreignDatabase('recipes.sqlite');
    const before = sha256(file);
    const run = tandem('--db', file, 'call', 'settings.get');
    expect(run.code).toBe(1);
    expect(run.err).toContain(`${file} is another program's database (tables recipes)`);
    expect(run.err).not.toMatch(/\n\s+at /);
    expect(sha256(file)).toBe(before);
    expect(existsSync(`${file}-wal`)).toBe(false);
    const sqlite = new Database(file, { readonly: true });
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('delete');
    sqlite.close();
  }, 60_000);

  it('refuses a file that is not SQLite at all, unchanged', async () => {
    const file = join(dir, 'notes.sqlite');
    writeFileSync(file, 'shopping list: beans, milk\n'.repeat(200));
    const before = sha256(file);
    await expect(openDatabase(file)).rejects.toThrow(`${file} is not a SQLite database`);
    expect(sha256(file)).toBe(before);
  });

  it('refuses in the core with DatabaseRefusedError, the base of the schema-too-new refusal', async () => {
    const file = foreignDatabase('core.sqlite');
    const before = sha256(file);
    await expect(openDatabase(file)).rejects.toBeInstanceOf(DatabaseRefusedError);
    expect(sha256(file)).toBe(before);
  });

  it('still creates a Tandem database in an empty file or at a new path', async () => {
    const empty = join(dir, 'empty.sqlite');
    writeFileSync(empty, '');
    for (const file of [empty, join(dir, 'new', 'fresh.sqlite')]) {
      const connection = await openDatabase(file);
      expect(connection.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(connection.sqlite.prepare(`SELECT count(*) AS n FROM import_jobs`).get()).toEqual({ n: 0 });
      connection.close();
      // …and opens it again as its own.
      (await openDatabase(file)).close();
    }
  });
});
