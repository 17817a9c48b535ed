import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeReadOnly, makeWritable, otherProcess } from '@fixtures/backup/files';
import { createTestCore, type TestCore } from '../testing';
import { countsOf, tableCounts } from '../system/backup';
import { backupTo } from './backup';

let t: TestCore;
const unlock: string[] = [];
beforeEach(async () => {
  t = await createTestCore();
  for (let i = 0; i < 30; i++) await t.client.call('contacts.create', { firstName: `Ada ${i}` });
});
afterEach(() => {
  for (const path of unlock.splice(0)) makeWritable(path);
  t.dispose();
});

describe('backupTo', () => {
  it('writes a whole, intact, self-contained copy', async () => {
    const out = join(t.dir, 'copy.sqlite');
    const { pages } = await backupTo(t.core.connection.sqlite, out);
    const copy = new Database(out, { readonly: true });
    expect(copy.pragma('page_count', { simple: true })).toBe(pages);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(tableCounts(copy)).toEqual(tableCounts(t.core.connection.sqlite));
    copy.close();
    expect(existsSync(`${out}-wal`)).toBe(false);
  });

  it('refuses at once a read-only database file, naming it', { timeout: 5000 }, async () => {
    const source = join(t.dir, 'source.sqlite');
    await backupTo(t.core.connection.sqlite, source);
    makeReadOnly(source);
    unlock.push(source);
    const db = new Database(source);
    try {
      await expect(backupTo(db, join(t.dir, 'out.sqlite'))).rejects.toThrow(
        `The database file ${source} is read-only`,
      );
    } finally {
      db.close();
    }
    expect(existsSync(join(t.dir, 'out.sqlite'))).toBe(false);
  });

  it(
    'refuses at once a read-only folder or file as the destination, naming it',
    { timeout: 5000 },
    async () => {
      const folder = join(t.dir, 'locked');
      mkdirSync(folder);
      makeReadOnly(folder);
      unlock.push(folder);
      await expect(backupTo(t.core.connection.sqlite, join(folder, 'b.sqlite'))).rejects.toThrow(
        `The folder ${folder} is read-only`,
      );
      const file = join(t.dir, 'taken.sqlite');
      writeFileSync(file, '');
      makeReadOnly(file);
      unlock.push(file);
      await expect(backupTo(t.core.connection.sqlite, file)).rejects.toThrow(`${file} is read-only`);
    },
  );

  it('fails instead of reporting success when another process holds the destination locked', async () => {
    const file = join(t.dir, 'busy.sqlite');
    const other = await otherProcess(file);
    try {
      await other.exec('CREATE TABLE y (z); BEGIN EXCLUSIVE; INSERT INTO y VALUES (1);');
      await expect(backupTo(t.core.connection.sqlite, file, { stallMs: 500 })).rejects.toThrow(
        `The backup to ${file} copied nothing`,
      );
    } finally {
      await other.stop();
    }
    // The other program's file is left as it was.
    const kept = new Database(file, { readonly: true });
    expect(kept.prepare('SELECT count(*) AS n FROM y').get()).toEqual({ n: 0 });
    kept.close();
  });
});

describe('system.backup', () => {
  it("reports the backup's own counts, read from the copy", async () => {
    const out = join(t.dir, 'b.sqlite');
    const answer = await t.client.call('system.backup', { path: out });
    expect(answer.counts).toEqual(countsOf(out));
    expect(answer.counts.contacts).toBe(30);
  });
});
