import { appendFileSync } from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '@fixtures/import/temp-files';
import { createTestCore, type TestCore } from '../testing';
import { count, importInto, rows } from './testing';

let t: TestCore;
const files = makeTempDir();
beforeEach(async () => {
  t = await createTestCore();
});
afterEach(() => t.dispose());
afterAll(() => files.remove());

const lines = (n: number) => Array.from({ length: n }, (_, i) => `Ann,Lee,ann${i}@example.com`);

describe('files refused whole', () => {
  it('refuses a file of which no row could be imported: failed, rolled back, and the reason given', async () => {
    // An unclosed quote on line 2 makes the rest of the file one value of one bad row.
    const path = files.write(
      'quote.csv',
      ['First Name,Last Name,Email', 'Bob,"Stray,bob@example.com', ...lines(2000)].join('\n') + '\n',
    );
    const job = await importInto(t, path, { kind: 'contacts' });
    expect(job.status).toBe('failed');
    expect(job.message).toMatch(
      /^quote\.csv: no row could be imported \(the only row has a problem; the first, on row 2: .*quoted value is never closed.*\)\. Nothing was imported\.$/,
    );
    expect(count(t, 'contacts')).toBe(0);
    expect(count(t, 'search_refs')).toBe(0);
  });

  it('refuses it through imports.run (the command line) with the database unchanged', async () => {
    const path = files.write('bad-mail.csv', ['Name,Email', 'Ann,not-mail', 'Bo,also not'].join('\n') + '\n');
    await expect(
      t.client.call('imports.run', { path, kind: 'contacts', mapping: { Name: 'fullName', Email: 'email' } }),
    ).rejects.toThrow(/no row could be imported \(all 2 rows have problems; the first, on row 2: /);
    expect(count(t, 'import_jobs')).toBe(0);
    expect(count(t, 'import_row_errors')).toBe(0);
    expect(count(t, 'contacts')).toBe(0);
    // Not even the mapping chosen for it is remembered.
    expect(count(t, 'column_mappings')).toBe(0);
  });

  it('remembers the mapping of a file imported through imports.run once it is not refused', async () => {
    const path = files.write('good-mail.csv', ['Name,Email', 'Ann,ann@example.com'].join('\n') + '\n');
    await t.client.call('imports.run', {
      path,
      kind: 'contacts',
      mapping: { Name: 'fullName', Email: 'email' },
    });
    expect(count(t, 'column_mappings')).toBe(1);
  });

  it('still imports a file where some rows fail', async () => {
    const path = files.write(
      'some.csv',
      ['Name,Email', 'Ann,ann@example.com', 'Bo,not mail'].join('\n') + '\n',
    );
    const job = await importInto(t, path, {
      kind: 'contacts',
      mapping: { Name: 'fullName', Email: 'email' },
    });
    expect(job).toMatchObject({ status: 'done', inserted: 1, error_count: 1 });
  });

  it('names a broken row once, by its row in the file', async () => {
    const path = files.write(
      'ragged.csv',
      [
        'Name,Email,City',
        'Ann,ann@example.com,Oslo',
        'Bo,bo@example.com',
        'Cy,cy@example.com,Bergen,extra',
      ].join('\n') + '\n',
    );
    const job = await importInto(t, path, {
      kind: 'contacts',
      mapping: { Name: 'fullName', Email: 'email', City: 'city' },
    });
    expect(job).toMatchObject({ status: 'done', inserted: 1, error_count: 2 });
    expect(
      rows(t, 'SELECT row, message FROM import_row_errors WHERE job_id = ? ORDER BY row', job.id),
    ).toEqual([
      { row: 3, message: '2 values where the header has 3 columns' },
      { row: 4, message: '4 values where the header has 3 columns' },
    ]);
  });

  it('fails a file that changed while it was imported, rolling back what it wrote', async () => {
    const path = files.write('growing.csv', ['First Name,Last Name,Email', ...lines(10)].join('\n') + '\n');
    let appended = false;
    const job = await importInto(
      t,
      path,
      { kind: 'contacts' },
      {
        batchSize: 2,
        onProgress: () => {
          if (!appended) appendFileSync(path, 'Cy,Dunn,cy@example.com\n');
          appended = true;
        },
      },
    );
    expect(appended).toBe(true);
    expect(job.status).toBe('failed');
    expect(job.message).toMatch(/the file changed while it was being imported .* Nothing was imported\.$/);
    expect(count(t, 'contacts')).toBe(0);
  });

  it('does not speak of a stray double quote for an over-long record without one', async () => {
    const path = files.write('long.csv', `First Name,Last Name,Email\n${'x'.repeat(17 * 1024 * 1024)}`);
    const job = await importInto(t, path, { kind: 'contacts' }).catch((e: unknown) => e as Error);
    const message = 'message' in job ? String(job.message) : '';
    expect(message).toMatch(/longer than 16 MB with no line break/);
    expect(message).not.toMatch(/quote/);
  }, 60_000);
});
