import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { phoneKey } from '@shared/domain/phone';
import { loadMigrations } from './migrate';
import { defaultMigrationsFolder, openDatabase } from './open';

const migrations = loadMigrations(defaultMigrationsFolder());
/** The migration that recomputes phone keys: the one before it is where a database with old keys stands. */
const PHONE_KEYS = 6;

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tandem-phone-keys-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the phone-key migration', () => {
  it('is the sixth migration', () => {
    expect(migrations.length).toBeGreaterThanOrEqual(PHONE_KEYS);
  });

  it('recomputes keys stored by the earlier rule, so an extension no longer hides a duplicate', async () => {
    const file = join(dir, 'old.sqlite');
    const before = await openDatabase(file, { migrateUpTo: PHONE_KEYS - 1 });
    const now = '2026-01-05T09:00:00.000Z';
    const insert = before.sqlite.prepare(
      'INSERT INTO contacts (id, first_name, phone, phone_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    // Keys exactly as the earlier rule wrote them: the extension's digits folded into the number.
    insert.run('c1', 'Ines', '617-555-0195 x204', '+6175550195204', now, now);
    insert.run('c2', 'Omar', '+49 (0)30 1234567', '+490301234567', now, now);
    insert.run('c3', 'Lena', '(617) 555-0136', '+16175550136', now, now);
    insert.run('c4', 'Kai', null, null, now, now);
    insert.run('c5', 'Ada', 'n/a', null, now, now);
    before.close();

    const after = await openDatabase(file, { migrateUpTo: PHONE_KEYS });
    const keys = after.sqlite.prepare('SELECT id, phone_key AS key FROM contacts ORDER BY id').all();
    expect(keys).toEqual([
      { id: 'c1', key: phoneKey('(617) 555-0195') },
      { id: 'c2', key: '+49301234567' },
      { id: 'c3', key: '+16175550136' },
      { id: 'c4', key: null },
      { id: 'c5', key: null },
    ]);
    expect(phoneKey('(617) 555-0195')).toBe('+16175550195');
    // Recomputing changes only the key: the row's own timestamp says when the person last changed.
    const c1 = after.sqlite.prepare("SELECT updated_at AS at FROM contacts WHERE id = 'c1'").get();
    expect(c1).toEqual({ at: now });
    after.close();
  });
});
