import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultMigrationsFolder, openDatabase } from './open';
import { loadMigrations, SchemaTooNewError } from './migrate';
import { populateEveryTable, rowCounts } from './populate';

const migrations = loadMigrations(defaultMigrationsFolder());
let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tandem-migrate-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migrations', () => {
  it('ships at least the initial migration, and a new database gets them all', async () => {
    expect(migrations.length).toBeGreaterThan(0);
    const c = await openDatabase(join(dir, 'new.sqlite'));
    const applied = c.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number };
    expect(applied.n).toBe(migrations.length);
    expect(c.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(c.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(c.backupPath).toBeNull();
    c.close();
  });

  // Each migration runs on a database stepped to the version before it and filled with rows in every
  // table: no row may be lost (the cascade-on-rebuild trap of SQLite table rebuilds).
  for (let step = 1; step <= migrations.length; step++) {
    it(`migration ${step} keeps every row of a populated database`, async () => {
      const file = join(dir, `step-${step}.sqlite`);
      const before = await openDatabase(file, { migrateUpTo: step - 1 });
      if (step > 1) populateEveryTable(before.sqlite, 25);
      const counts = rowCounts(before.sqlite);
      before.close();

      const after = await openDatabase(file, { migrateUpTo: step });
      const countsAfter = rowCounts(after.sqlite);
      for (const [table, n] of Object.entries(counts))
        expect({ table, n: countsAfter[table] }).toEqual({ table, n });
      expect(after.sqlite.pragma('foreign_key_check')).toEqual([]);
      expect(after.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      if (step > 1) expect(after.backupPath).not.toBeNull();
      after.close();
    });
  }

  it('backs up an existing database with the backup API before migrating it', async () => {
    const file = join(dir, 'old.sqlite');
    const c = await openDatabase(file);
    populateEveryTable(c.sqlite, 5);
    c.close();
    // A build that knows one more migration than the database has applied.
    const newer = join(dir, 'migrations');
    cpSync(defaultMigrationsFolder(), newer, { recursive: true });
    const journalFile = join(newer, 'meta/_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as {
      entries: { idx: number; when: number; tag: string; version: string; breakpoints: boolean }[];
    };
    const last = journal.entries[journal.entries.length - 1];
    journal.entries.push({
      idx: journal.entries.length,
      version: last?.version ?? '6',
      when: (last?.when ?? 0) + 1000,
      tag: '9999_test_column',
      breakpoints: true,
    });
    writeFileSync(journalFile, JSON.stringify(journal));
    writeFileSync(join(newer, '9999_test_column.sql'), 'ALTER TABLE contacts ADD COLUMN test_note text;');

    const upgraded = await openDatabase(file, { migrationsFolder: newer });
    expect(upgraded.backupPath).not.toBeNull();
    expect(rowCounts(upgraded.sqlite).contacts).toBe(5);
    upgraded.close();
    expect(readdirSync(join(dir, 'backups'))).toEqual([basename(upgraded.backupPath ?? '')]);
    const backup = new Database(upgraded.backupPath ?? '', { readonly: true });
    expect(rowCounts(backup).contacts).toBe(5);
    expect((backup.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n).toBe(
      migrations.length,
    );
    backup.close();
  });

  it('refuses a database written by a newer Tandem and leaves it untouched', async () => {
    const file = join(dir, 'newer.sqlite');
    const c = await openDatabase(file);
    c.sqlite
      .prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)')
      .run('future', Date.now() + 10 ** 10);
    c.close();
    await expect(openDatabase(file)).rejects.toBeInstanceOf(SchemaTooNewError);
    const raw = new Database(file, { readonly: true });
    expect((raw.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n).toBe(
      migrations.length + 1,
    );
    raw.close();
  });
});
