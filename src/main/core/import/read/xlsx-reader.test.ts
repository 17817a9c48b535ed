import { afterAll, describe, expect, it } from 'vitest';
import { makeXlsx } from '@fixtures/import/make-xlsx';
import { SAMPLES_DIR } from '@fixtures/import/samples';
import { makeTempDir } from '@fixtures/import/temp-files';
import { FileRejectedError, openTable, preview, type RecordsOptions, type TableReader } from './index';
import { expandExponent, plainDecimal } from './plain-decimal';

const LINKEDIN = `${SAMPLES_DIR}/linkedin-page-analytics.xlsx`;
const files = makeTempDir();
afterAll(() => files.remove());

async function readAll(table: TableReader, options?: RecordsOptions) {
  const rows: string[][] = [];
  const lines: number[] = [];
  const records: number[] = [];
  const issues = [];
  for await (const batch of table.records(options)) {
    rows.push(...batch.rows);
    lines.push(...batch.lines);
    records.push(...batch.recordNumbers);
    issues.push(...batch.issues);
  }
  return { rows, lines, records, issues };
}

describe('LinkedIn page analytics export', () => {
  it('reads the first sheet, Metrics, below its title row', async () => {
    const table = await openTable(LINKEDIN);
    expect(table).toMatchObject({
      format: 'xlsx',
      encoding: null,
      delimiter: null,
      sheet: 'Metrics',
      sheets: ['Metrics', 'All posts'],
      headerLine: 2,
    });
    expect(table.columns).toHaveLength(20);
    expect(table.columns.slice(0, 4)).toEqual([
      'Date',
      'Impressions (organic)',
      'Impressions (sponsored)',
      'Impressions (total)',
    ]);
    const { rows, lines, issues } = await readAll(table);
    expect(rows).toHaveLength(273);
    expect(issues).toEqual([]);
    expect(lines[0]).toBe(3);
    expect(rows[0]?.slice(0, 4)).toEqual(['01/01/2026', '32', '0', '32']);
    expect(rows[0]?.[17]).toBe('0.03125');
    expect(rows.at(-1)?.[0]).toBe('09/30/2026');
    expect(rows.every((r) => r.length === 20)).toBe(true);
  });

  it('reads the All posts sheet by name, with empty cells as empty text', async () => {
    const table = await openTable(LINKEDIN, { sheet: 'All posts' });
    expect(table).toMatchObject({ sheet: 'All posts', headerLine: 2 });
    expect(table.columns[0]).toBe('Post title');
    expect(table.columns.at(-1)).toBe('Content Type');
    const { rows } = await readAll(table);
    expect(rows).toHaveLength(66);
    expect(rows[0]).toMatchObject({
      0: 'How Blue Door Café cut milk-drink waste with a better espresso blend',
      2: 'Sponsored',
      3: 'linkedin-wholesale',
      9: '12960',
      10: '',
    });
    expect((await openTable(LINKEDIN, { sheet: 1 })).sheet).toBe('All posts');
    expect((await openTable(LINKEDIN, { sheet: 'all posts' })).sheet).toBe('All posts');
  });

  it('rejects a sheet that does not exist, naming the ones that do', async () => {
    const error = await openTable(LINKEDIN, { sheet: 'Followers' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileRejectedError);
    expect((error as Error).message).toBe(
      'linkedin-page-analytics.xlsx: there is no sheet named "Followers" (sheets: Metrics, All posts)',
    );
  });

  it('resumes after a number of records', async () => {
    const table = await openTable(LINKEDIN);
    const { rows, records, lines } = await readAll(table, { skipRecords: 270, batchSize: 2 });
    expect(records).toEqual([271, 272, 273]);
    expect(lines).toEqual([273, 274, 275]);
    expect(rows.at(-1)?.[0]).toBe('09/30/2026');
  });
});

describe('cell values', () => {
  const path = files.write(
    'built.xlsx',
    makeXlsx([
      {
        name: 'Data',
        rows: [
          undefined,
          ['Orders exported 2026-10-01', null, null, null, null],
          [],
          ['Date', 'Amount', 'When', 'Flag', 'Note'],
          [{ date: '2026-03-10' }, 1234.5, { date: '2026-03-10 09:30:00' }, true, '=SUM(A1)'],
          [{ date: '2024-02-29' }, 1e-7, null, false, '  spaced  '],
          undefined,
          [null, 0.1 + 0.2, null, null, null],
          [{ date: '2026-01-01' }, 1.2345678901234567e19, null, null, null, 'extra'],
          [null, -42, null, null, '+1 617 555 0195'],
        ],
      },
      {
        name: 'Other',
        rows: [
          ['a', 'b'],
          [1, 2],
        ],
      },
    ]),
  );

  it('converts dates, numbers and booleans to text and keeps text exactly', async () => {
    const table = await openTable(path);
    expect(table).toMatchObject({
      sheet: 'Data',
      headerLine: 4,
      columns: ['Date', 'Amount', 'When', 'Flag', 'Note'],
    });
    const { rows, lines, issues } = await readAll(table);
    expect(rows).toEqual([
      ['2026-03-10', '1234.5', '2026-03-10 09:30:00', 'TRUE', '=SUM(A1)'],
      ['2024-02-29', '0.0000001', '', 'FALSE', '  spaced  '],
      ['', '0.3', '', '', ''],
      ['2026-01-01', '12345678901234600000', '', '', '', 'extra'],
      ['', '-42', '', '', '+1 617 555 0195'],
    ]);
    // Blank sheet rows are skipped but line numbers stay those of the sheet.
    expect(lines).toEqual([5, 6, 8, 9, 10]);
    expect(issues).toEqual([
      expect.objectContaining({
        kind: 'ragged',
        record: 4,
        line: 9,
        expected: 5,
        actual: 6,
        message: '6 values where the header has 5 columns',
      }),
    ]);
  });

  it("decodes Excel's _xHHHH_ escapes and reads a formula's error as an empty cell", async () => {
    const escaped = files.write(
      'escaped.xlsx',
      makeXlsx([
        {
          name: 'Contacts',
          rows: [
            ['Name', 'Notes'],
            [{ error: '#N/A' }, 'Line one_x000D_\nLine two'],
            ['Ann', 'a literal _x005F_x000D_ and a tab_x0009_here'],
          ],
        },
      ]),
    );
    const { rows } = await readAll(await openTable(escaped));
    expect(rows).toEqual([
      ['', 'Line one\nLine two'],
      ['Ann', 'a literal _x000D_ and a tab\there'],
    ]);
  });

  it('honours a header row chosen by the user', async () => {
    const table = await openTable(path, { headerLine: 2 });
    expect(table.columns).toEqual(['Orders exported 2026-10-01']);
  });

  it('previews a workbook like a CSV', async () => {
    const p = await preview(path, 1, { sheet: 'Other' });
    expect(p).toMatchObject({
      sheet: 'Other',
      sheets: ['Data', 'Other'],
      columns: ['a', 'b'],
      records: 1,
      sample: [['1', '2']],
    });
  });

  it('rejects an empty sheet', async () => {
    const empty = files.write('empty-sheet.xlsx', makeXlsx([{ name: 'Blank', rows: [] }]));
    await expect(openTable(empty)).rejects.toThrow('empty-sheet.xlsx: the sheet "Blank" is empty');
  });

  it('reads an xlsx saved under a .csv name by its content', async () => {
    const renamed = files.write(
      'renamed.csv',
      makeXlsx([
        {
          name: 'S',
          rows: [
            ['x', 'y'],
            ['1', '2'],
          ],
        },
      ]),
    );
    expect((await openTable(renamed)).format).toBe('xlsx');
  });
});

describe('plainDecimal', () => {
  it.each([
    ['0.30000000000000004', '0.3'],
    ['45.600000000000001', '45.6'],
    ['1.0000000000000001E-7', '0.0000001'],
    ['1E+21', '1000000000000000000000'],
    ['-0', '0'],
    ['123', '123'],
    ['-2.5E-3', '-0.0025'],
  ])('%s → %s', (raw, expected) => {
    expect(plainDecimal(raw)).toBe(expected);
  });

  it('expands exponents exactly', () => {
    expect(expandExponent('1.5e-7')).toBe('0.00000015');
    expect(expandExponent('12.5E2')).toBe('1250');
    expect(expandExponent('0.05e2')).toBe('5');
    expect(expandExponent('0e5')).toBe('0');
    expect(expandExponent('abc')).toBe('abc');
  });
});
