import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '@fixtures/import/temp-files';
import { createTestCore, type TestCore } from '../../testing';
import { count, importInto, one, rows } from '../testing';
import { ContactKeyMap } from './key-map';

let t: TestCore;
const files = makeTempDir();
beforeEach(async () => {
  t = await createTestCore();
});
afterEach(() => t.dispose());
afterAll(() => files.remove());

const addContact = (email: string | null, phone: string | null, deleted = false) =>
  Number(
    t.core.ctx.sqlite
      .prepare(
        `INSERT INTO contacts (id, email, email_key, phone_key, created_at, updated_at, deleted_at)
         VALUES (lower(hex(randomblob(16))), ?, ?, ?, '2026-01-01', '2026-01-01', ?)`,
      )
      .run(email, email, phone, deleted ? '2026-01-02' : null).lastInsertRowid,
  );

describe('the contact key map of a large import', () => {
  it('finds the row of every key among its candidates, across growth, and leaves out deleted contacts', () => {
    const sqlite = t.core.ctx.sqlite;
    const expected = new Map<string, number>();
    sqlite.transaction(() => {
      for (let i = 0; i < 6000; i++)
        expected.set(`p${i}@example.com`, addContact(`p${i}@example.com`, `+1${i}`));
    })();
    const gone = addContact('gone@example.com', '+1999', true);
    const map = ContactKeyMap.load(sqlite);
    if (!map) throw new Error('no map');
    // One expect for all: expect in a loop of thousands is slow.
    const missing = [...expected].filter(
      ([key, rowid]) => !map.candidates('email_key', [key]).includes(rowid),
    );
    expect(missing).toEqual([]);
    expect(map.candidates('phone_key', ['+17'])).toContain(expected.get('p7@example.com'));
    expect(map.candidates('email_key', ['gone@example.com'])).not.toContain(gone);
    // Candidates are few: a lookup reads a handful of rows, not the table.
    expect(map.candidates('email_key', [...expected.keys()].slice(0, 100)).length).toBeLessThan(110);
  });

  it('picks up contacts added after it was filled, and keys the job gives to a contact', () => {
    const sqlite = t.core.ctx.sqlite;
    const first = addContact('a@example.com', null);
    const map = ContactKeyMap.load(sqlite);
    if (!map) throw new Error('no map');
    const later = addContact('b@example.com', '+12075550101');
    expect(map.candidates('email_key', ['b@example.com'])).not.toContain(later);
    map.catchUp(sqlite);
    expect(map.candidates('email_key', ['b@example.com'])).toContain(later);
    expect(map.candidates('phone_key', ['+12075550101'])).toContain(later);
    map.add(first, null, '+12075550199');
    expect(map.candidates('phone_key', ['+12075550199'])).toEqual([first]);
  });

  it('merges a row into a contact someone added while the import ran, between its batches', async () => {
    const path = files.write(
      'big.csv',
      'First name,Last name,Email\nAnn,Able,ann@example.com\nBea,Baker,bea@example.com\nBea,,BEA@example.com\n',
    );
    let added = false;
    let keyIndexDuringJob: number | null = null;
    const job = await importInto(
      t,
      path,
      { kind: 'contacts' },
      {
        largeFrom: 0,
        batchSize: 1,
        onProgress: (p) => {
          if (added || p.status !== 'running') return;
          added = true;
          keyIndexDuringJob = count(t, 'sqlite_master', `name = 'contacts_email_key_idx'`);
          addContact('bea@example.com', null);
        },
      },
    );
    expect(added).toBe(true);
    // The key indexes were off while the job ran, and are back.
    expect(keyIndexDuringJob).toBe(0);
    expect(count(t, 'sqlite_master', `name = 'contacts_email_key_idx'`)).toBe(1);
    expect(job).toMatchObject({ inserted: 1, updated: 1, unchanged: 1 });
    expect(count(t, 'contacts')).toBe(2);
    expect(rows(t, 'SELECT first_name, last_name, email_key FROM contacts ORDER BY rowid')).toEqual([
      { first_name: 'Ann', last_name: 'Able', email_key: 'ann@example.com' },
      { first_name: 'Bea', last_name: 'Baker', email_key: 'bea@example.com' },
    ]);
    expect(one(t, `SELECT import_job_id FROM contacts WHERE email_key = 'bea@example.com'`)).toEqual({
      import_job_id: null,
    });
  });
});
