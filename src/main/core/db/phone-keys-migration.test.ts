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
/** The migration that keys national numbers with the workspace locale's calling code. */
const LOCALE_KEYS = 26;

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

/**
 * A database as the migration before LOCALE_KEYS left it: a workspace of `locale` and contacts with the keys
 * the earlier rules stored ([id, first name, phone, key]).
 */
async function workspaceBefore(
  name: string,
  locale: string,
  people: [string, string, string | null, string | null][],
) {
  const file = join(dir, name);
  const before = await openDatabase(file, { migrateUpTo: LOCALE_KEYS - 1 });
  before.sqlite
    .prepare(
      `INSERT INTO workspace_settings (id, business_name, currency, locale, fiscal_year_start_month, week_start,
         created_at, updated_at) VALUES ('workspace', 'Shop', 'EUR', ?, 1, 1, ?, ?)`,
    )
    .run(locale, AT, AT);
  const insert = before.sqlite.prepare(
    'INSERT INTO contacts (id, first_name, phone, phone_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const [id, name, phone, key] of people) insert.run(id, name, phone, key, AT, AT);
  before.close();
  return openDatabase(file, { migrateUpTo: LOCALE_KEYS });
}

const AT = '2026-01-05T09:00:00.000Z';

describe('the locale phone-key migration', () => {
  it('is the twenty-sixth migration', () => {
    expect(migrations.length).toBeGreaterThanOrEqual(LOCALE_KEYS);
  });

  it("re-keys a workspace's national numbers with its locale's calling code; scientific notation gets no key", async () => {
    // Keys as the earlier rules wrote them: national numbers got North America's +1, and an earlier locale
    // change gave a number whose digits a spreadsheet lost a key.
    const after = await workspaceBefore('german.sqlite', 'de-DE', [
      ['c1', 'Jana', '030 1234567', '+1301234567'],
      ['c2', 'Omar', '+49 30 1234567', '+49301234567'],
      ['c3', 'Lena', '+1 617 555 0136', '+16175550136'],
      ['c4', 'Kai', '0049 89 7654321', '+49897654321'],
      ['c5', 'Ada', '4.93012E+10', null],
      ['c6', 'Bo', null, null],
      ['c7', 'Cem', '4.93012E+10', '+4949301210'],
    ]);
    expect(after.sqlite.prepare('SELECT id, phone_key AS key FROM contacts ORDER BY id').all()).toEqual([
      { id: 'c1', key: '+49301234567' },
      { id: 'c2', key: '+49301234567' },
      { id: 'c3', key: '+16175550136' },
      { id: 'c4', key: '+49897654321' },
      { id: 'c5', key: null },
      { id: 'c6', key: null },
      { id: 'c7', key: null },
    ]);
    // Recomputing changes only the key: the row's own timestamp says when the person last changed.
    expect(after.sqlite.prepare("SELECT updated_at AS at FROM contacts WHERE id = 'c1'").get()).toEqual({
      at: AT,
    });
    after.close();
  });

  it("keeps the 0 of an Italian workspace's numbers, which belongs to the number", async () => {
    // As a locale change keyed them before: Rome's 06 lost its 0, so it never met +39 06.
    const after = await workspaceBefore('italian.sqlite', 'it-IT', [
      ['c1', 'Gio', '06 6982 1234', '+39669821234'],
      ['c2', 'Lia', '+39 06 6982 1234', '+390669821234'],
    ]);
    expect(after.sqlite.prepare('SELECT id, phone_key AS key FROM contacts ORDER BY id').all()).toEqual([
      { id: 'c1', key: '+390669821234' },
      { id: 'c2', key: '+390669821234' },
    ]);
    after.close();
  });

  it('leaves the keys of a North American workspace as they are', async () => {
    const after = await workspaceBefore('american.sqlite', 'en-US', [
      ['c1', 'Ann', '(617) 555-0100', '+16175550100'],
    ]);
    expect(after.sqlite.prepare('SELECT phone_key AS key FROM contacts').get()).toEqual({
      key: '+16175550100',
    });
    after.close();
  });
});
