import { createHash } from 'node:crypto';
import {
  existsSync,
  readdirSync,
  readFileSync,
  truncateSync,
  writeFileSync,
  openSync,
  writeSync,
  closeSync,
} from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '@shared/contract/result';
import { makeReadOnly, makeWritable, otherProcess } from '@fixtures/backup/files';
import { createTestCore, type TestCore } from '../testing';
import { countsOf } from './backup';

let t: TestCore;
let backup = '';

async function addContacts(prefix: string, n: number) {
  for (let i = 0; i < n; i++) await t.client.call('contacts.create', { firstName: `${prefix} ${i}` });
}

const contactCount = () =>
  (t.core.connection.sqlite.prepare('SELECT count(*) AS n FROM contacts').get() as { n: number }).n;

/** The live database as bytes on disk: the file and its write-ahead log. */
function fingerprint(): string {
  const hash = createHash('sha256');
  for (const suffix of ['', '-wal'])
    if (existsSync(t.file + suffix)) hash.update(readFileSync(t.file + suffix));
  return hash.digest('hex');
}

/** Files beside the database other than it, its log and the backups folder: what a restore must not leave. */
function litter(): string[] {
  return readdirSync(t.dir).filter((f) => f.includes('.restoring'));
}

const safetyCopies = () =>
  existsSync(join(t.dir, 'backups'))
    ? readdirSync(join(t.dir, 'backups')).filter((f) => f.includes('before-restore'))
    : [];

/** A copy of the backup changed by `change`, for the refusal cases. */
function variant(name: string, change: (db: Database.Database) => void): string {
  const path = join(t.dir, name);
  writeFileSync(path, readFileSync(backup));
  const db = new Database(path);
  change(db);
  db.close();
  return path;
}

async function refusal(path: string): Promise<ApiError> {
  const before = fingerprint();
  const error = await t.client.call('system.restore', { path }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  expect(fingerprint()).toBe(before);
  expect(litter()).toEqual([]);
  expect(safetyCopies()).toEqual([]);
  return error as ApiError;
}

beforeEach(async () => {
  t = await createTestCore();
  await addContacts('Kept', 5);
  backup = join(t.dir, 'saved.sqlite');
  await t.client.call('system.backup', { path: backup });
  await addContacts('Later', 3);
});
afterEach(() => t.dispose());

describe('system.restore', () => {
  it('brings the backup back, keeps a safety copy of what it replaced, and leaves nothing behind', async () => {
    expect(contactCount()).toBe(8);
    const restored = await t.client.call('system.restore', { path: backup });
    expect(contactCount()).toBe(5);
    expect(restored.counts.contacts).toBe(5);
    expect(restored.previous).toContain(join(t.dir, 'backups'));
    expect(countsOf(restored.previous ?? '').contacts).toBe(8);
    expect(litter()).toEqual([]);
    // The reopened core works as before: it writes, and the file is intact.
    await addContacts('After', 1);
    expect(contactCount()).toBe(6);
    expect(t.core.connection.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(t.core.connection.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('makes calls made during a restore wait for it, so no write falls between the copy and the swap', async () => {
    const restore = t.client.call('system.restore', { path: backup });
    const during = t.client.call('contacts.create', { firstName: 'During' });
    const list = t.client.call('system.backups.list', {});
    const [restored] = await Promise.all([restore, during, list]);
    expect(countsOf(restored.previous ?? '').contacts).toBe(8);
    expect(contactCount()).toBe(6);
  });

  it('refuses a backup from a newer Tandem, naming both versions', async () => {
    const newer = variant('newer.sqlite', (db) =>
      db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', 9e12),
    );
    const known = (
      t.core.connection.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as {
        n: number;
      }
    ).n;
    const error = await refusal(newer);
    expect(error.code).toBe('schema_too_new');
    expect(error.message).toContain(`schema ${known + 1}; this version knows up to ${known}`);
  });

  it('refuses a file with damaged pages', async () => {
    const damaged = variant('damaged.sqlite', () => undefined);
    const db = new Database(damaged, { readonly: true });
    const { root } = db
      .prepare(`SELECT rootpage AS root FROM sqlite_master WHERE name = 'contacts'`)
      .get() as {
      root: number;
    };
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    const fd = openSync(damaged, 'r+');
    writeSync(fd, Buffer.alloc(64, 0xee), 0, 64, (root - 1) * pageSize);
    closeSync(fd);
    expect((await refusal(damaged)).message).toContain('it is damaged');
    expect(contactCount()).toBe(8);
  });

  it('refuses a SQLite file holding only an empty migrations table', async () => {
    const empty = join(t.dir, 'empty.sqlite');
    const db = new Database(empty);
    db.exec(
      'CREATE TABLE __drizzle_migrations (id INTEGER PRIMARY KEY, hash text NOT NULL, created_at numeric)',
    );
    db.close();
    expect((await refusal(empty)).message).toContain(
      'it is not a Tandem database (no workspace_settings, contacts, leads, campaigns tables)',
    );
    const unversioned = variant('unversioned.sqlite', (d) => d.exec('DELETE FROM __drizzle_migrations'));
    expect((await refusal(unversioned)).message).toContain('it has no schema version');
    expect(contactCount()).toBe(8);
  });

  it('refuses a file that is not SQLite, random bytes and a truncated backup', async () => {
    const text = join(t.dir, 'notes.sqlite');
    writeFileSync(text, 'this is not a database\n'.repeat(100));
    expect((await refusal(text)).message).toContain('it is not a SQLite database');
    const random = join(t.dir, 'random.sqlite');
    writeFileSync(random, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919 + 13) % 256)));
    expect((await refusal(random)).message).toContain('it is not a SQLite database');
    const truncated = variant('truncated.sqlite', () => undefined);
    truncateSync(truncated, Math.floor(readFileSync(truncated).length / 2));
    expect((await refusal(truncated)).message).toContain('it is truncated');
    const missing = await refusal(join(t.dir, 'missing.sqlite'));
    expect(missing.message).toContain('does not exist');
    expect(contactCount()).toBe(8);
  });

  it('refuses while another program holds the write lock, and leaves the database as it was', async () => {
    const other = await otherProcess(t.file);
    try {
      await other.exec('BEGIN IMMEDIATE;');
      const error = await t.client.call('system.restore', { path: backup }).then(
        () => null,
        (e: unknown) => e as ApiError,
      );
      expect(error?.message).toContain(`Another program is using ${t.file}`);
      expect(error?.message).toContain('Nothing was changed');
      await other.exec('ROLLBACK;');
    } finally {
      await other.stop();
    }
    expect(contactCount()).toBe(8);
    expect(litter()).toEqual([]);
    expect(safetyCopies()).toEqual([]);
    // Once the other program has gone, the same restore completes.
    await t.client.call('system.restore', { path: backup });
    expect(contactCount()).toBe(5);
  });

  it(
    'refuses at once to restore over a read-only database file, naming it',
    { timeout: 10_000 },
    async () => {
      makeReadOnly(t.file);
      try {
        const error = await refusal(backup);
        expect(error.message).toContain(`The database file ${t.file} (or its folder) is read-only`);
      } finally {
        makeWritable(t.file);
      }
      expect(contactCount()).toBe(8);
    },
  );

  it('refuses while an import runs', async () => {
    const now = new Date().toISOString();
    t.core.connection.sqlite
      .prepare(
        `INSERT INTO import_jobs (id, created_at, updated_at, file_name, file_hash, file_size, kind, status)
         VALUES ('job-1', ?, ?, 'contacts.csv', 'h', 1, 'contacts', 'running')`,
      )
      .run(now, now);
    const error = await refusal(backup);
    expect(error.message).toContain('An import (contacts.csv) is running');
  });

  it('restores a backup of the backups folder by its id, which must name a file there', async () => {
    const granted = await createTestCore({ fileAccess: 'granted' });
    try {
      for (let i = 0; i < 2; i++) await granted.client.call('contacts.create', { firstName: `G ${i}` });
      const made = await granted.client.call('system.backups.create', {});
      expect(made.kind).toBe('manual');
      await granted.client.call('contacts.create', { firstName: 'After' });
      const restored = await granted.client.call('system.backups.restore', { id: made.id });
      expect(restored.counts.contacts).toBe(2);
      const listed = await granted.client.call('system.backups.list', {});
      expect(listed.backups.map((b) => b.kind).sort()).toEqual(['before-restore', 'manual']);
      await expect(granted.client.call('system.backups.restore', { id: '../tandem.sqlite' })).rejects.toThrow(
        'is not the name of a backup',
      );
      // Outside the backups folder the app reads only files the user chose.
      await expect(granted.client.call('system.restore', { path: backup })).rejects.toMatchObject({
        code: 'forbidden',
      });
      // A file chosen before a restore stays chosen after the database was reopened.
      granted.core.grantFile(backup, 'read');
      await granted.client.call('system.backups.restore', { id: made.id });
      const again = await granted.client.call('system.restore', { path: backup });
      const copy = new Database(backup, { readonly: true });
      const inBackup = copy.prepare('SELECT count(*) AS n FROM contacts').get() as { n: number };
      copy.close();
      expect(again.counts.contacts).toBe(inBackup.n);
    } finally {
      granted.dispose();
    }
  });
});
