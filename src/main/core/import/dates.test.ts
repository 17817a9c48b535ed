import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, utf16 } from '@fixtures/import/temp-files';
import { createTestCore, testClock, type TestCore } from '../testing';
import { openTable } from './read';
import { importInto, one, rows, sample } from './testing';

let t: TestCore;
const files = makeTempDir();
beforeEach(async () => {
  t = await createTestCore({ clock: testClock('2026-10-15T12:00:00Z') });
});
afterEach(() => t.dispose());
afterAll(() => files.remove());

const MAPPING = { Name: 'fullName', Email: 'email', Created: 'createdAt' };
function people(name: string, dates: string[]): string {
  const lines = dates.map((d, i) => `Person ${String.fromCharCode(65 + i)}x,p${i}@example.com,${d}`);
  return files.write(name, ['Name,Email,Created', ...lines].join('\n') + '\n');
}
const created = () =>
  rows<{ created_at: string }>(t, 'SELECT created_at FROM contacts ORDER BY email').map((r) => r.created_at);
const options = (id: string) =>
  JSON.parse(
    one<{ options: string }>(t, 'SELECT options FROM import_jobs WHERE id = ?', id).options,
  ) as Record<string, unknown>;

describe('dates as people write them: the order is decided per column from all its values', () => {
  it('reads a US Excel column without an error once one value has a second part over 12, even in a later batch', async () => {
    const path = people('us.csv', ['2/1/2026 9:05', '3/3/2026 8:00', '4/5/2026 10:00', '2/13/2026 14:30']);
    const job = await importInto(
      t,
      path,
      { kind: 'contacts', mapping: MAPPING, options: { timeZone: 'UTC' } },
      { batchSize: 1 },
    );
    expect(job).toMatchObject({ status: 'done', inserted: 4, error_count: 0, message: null });
    expect(created()).toEqual([
      '2026-02-01T09:05:00.000Z',
      '2026-03-03T08:00:00.000Z',
      '2026-04-05T10:00:00.000Z',
      '2026-02-13T14:30:00.000Z',
    ]);
    // Kept on the job, so a resumed job reads the column the same way.
    expect(options(job.id)).toMatchObject({ dateOrders: { Created: 'MDY' }, datesSettled: true });
  });

  it('reads a day-first column day first', async () => {
    const path = people('eu.csv', ['1/2/2026', '13/2/2026', '3/3/2026']);
    const job = await importInto(t, path, {
      kind: 'contacts',
      mapping: MAPPING,
      options: { timeZone: 'UTC' },
    });
    expect(job).toMatchObject({ error_count: 0 });
    expect(created()).toEqual([
      '2026-02-01T00:00:00.000Z',
      '2026-02-13T00:00:00.000Z',
      '2026-03-03T00:00:00.000Z',
    ]);
  });

  it("reads a column ambiguous in every value in the workspace locale's order, with one note on the job", async () => {
    const path = people('both.csv', ['3/4/2026', '5/6/2026', '7/7/2026']);
    const us = await importInto(t, path, {
      kind: 'contacts',
      mapping: MAPPING,
      options: { timeZone: 'UTC' },
    });
    expect(us).toMatchObject({ inserted: 3, error_count: 0 });
    expect(us.message).toMatch(/^Every date in "Created" reads both ways .* read month first, .*\(en-US\)/);
    expect(rows(t, 'SELECT * FROM import_row_errors')).toEqual([]);
    expect(created()).toEqual([
      '2026-03-04T00:00:00.000Z',
      '2026-05-06T00:00:00.000Z',
      '2026-07-07T00:00:00.000Z',
    ]);

    const gb = await createTestCore();
    await gb.client.call('settings.update', { locale: 'en-GB' });
    const job = await importInto(gb, path, {
      kind: 'contacts',
      mapping: MAPPING,
      options: { timeZone: 'UTC' },
    });
    expect(job.message).toMatch(/read day first, .*\(en-GB\)/);
    expect(
      rows<{ created_at: string }>(gb, 'SELECT created_at FROM contacts ORDER BY email').map(
        (r) => r.created_at,
      ),
    ).toEqual(['2026-04-03T00:00:00.000Z', '2026-06-05T00:00:00.000Z', '2026-07-07T00:00:00.000Z']);
    gb.dispose();
  });

  it('tells the mapping screen how each column writes its dates, from all its values (not just the preview rows)', async () => {
    const many = Array.from({ length: 300 }, () => '3/4/2026');
    const path = people('late.csv', [...many, '2/13/2026']);
    const inspection = await t.client.call('imports.inspect', { path });
    expect(inspection.dateColumns).toEqual({ Created: 'MDY' });
    const both = await t.client.call('imports.inspect', {
      path: people('both2.csv', ['3/4/2026', '1/1/2026']),
    });
    expect(both.dateColumns).toEqual({ Created: 'ambiguous' });
    expect(both.options).toEqual({});
  });

  it('takes the order the user chose for the column on the mapping screen, without a note', async () => {
    const path = people('flip.csv', ['3/4/2026', '5/6/2026']);
    const job = await importInto(t, path, {
      kind: 'contacts',
      mapping: MAPPING,
      options: { timeZone: 'UTC', dateOrders: { Created: 'DMY' } },
    });
    expect(job).toMatchObject({ error_count: 0, message: null });
    expect(created()).toEqual(['2026-04-03T00:00:00.000Z', '2026-06-05T00:00:00.000Z']);
  });

  it('imports an Excel "Unicode Text" save of a US contact list with errors only for rows really wrong', async () => {
    // Excel writes UTF-16LE with a BOM, tabs between fields, no quotes, and dates as the US locale shows them.
    const csv = await openTable(sample('hubspot-contacts.csv'));
    const lines = [csv.columns.join('\t')];
    const excelDate = (v: string) =>
      v.replace(
        /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/,
        (_, y, m, d, h, mi) => `${+m}/${+d}/${y} ${+h}:${mi}`,
      );
    const email = csv.columns.indexOf('Email');
    let n = 0;
    for await (const batch of csv.records())
      for (const row of batch.rows) {
        const cells = row.map(excelDate);
        if (++n === 7) cells[email] = 'not an address';
        lines.push(cells.join('\t'));
      }
    const path = files.write('hubspot-unicode.txt', utf16(`${lines.join('\r\n')}\r\n`, 'le'));

    const job = await importInto(t, path);
    expect(job).toMatchObject({ status: 'done', preset: 'hubspot-contacts', rows_total: 376, inserted: 375 });
    expect(rows(t, 'SELECT row, column FROM import_row_errors')).toEqual([{ row: 8, column: 'Email' }]);
    expect(options(job.id)).toMatchObject({ dateOrders: { 'Create Date': 'MDY' } });
    const plain = await createTestCore();
    await importInto(plain, sample('hubspot-contacts.csv'));
    const byId = (c: TestCore) =>
      rows<{ external_id: string; created_at: string }>(
        c,
        `SELECT external_id, created_at FROM contacts WHERE email NOT LIKE '%not an address%' ORDER BY external_id`,
      );
    const expected = byId(plain).filter((r) => byId(t).some((o) => o.external_id === r.external_id));
    expect(byId(t)).toEqual(expected);
    plain.dispose();
  });
});
