import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, describe, expect, it } from 'vitest';
import { plainDecimal } from '@core/import/read/plain-decimal';
import { openSheet } from '@core/import/read/xlsx-reader';
import { sheetRows } from '@core/import/read/xlsx-sheet';
import { makeXlsx, type XlsxSheet } from '@fixtures/import/make-xlsx';
import { SAMPLES_DIR } from '@fixtures/import/samples';
import { makeTempDir } from '@fixtures/import/temp-files';
import { writeXlsx } from '@fixtures/import/xlsx-writer';

// read-excel-file, which Tandem read workbooks with before its streaming reader, is kept as a dev
// dependency to check the streaming reader's cells against an independent implementation.

const files = makeTempDir();
afterAll(() => files.remove());

/** Every sheet's written rows as the streaming reader sees them: sheet row → cells without trailing blanks. */
async function streamed(path: string): Promise<Map<string, Map<number, string[]>>> {
  const source = { path, fileName: basename(path), size: statSync(path).size };
  const { sheets } = await openSheet(source, undefined);
  const out = new Map<string, Map<number, string[]>>();
  for (const name of sheets) {
    const { zip, entry, context } = await openSheet(source, name);
    const rows = new Map<number, string[]>();
    for await (const chunk of sheetRows(zip, entry, context))
      for (const row of chunk.rows) if (trim(row.cells).length > 0) rows.set(row.line, trim(row.cells));
    out.set(name, rows);
  }
  return out;
}

/** The same through read-excel-file, with its cells turned to text as Tandem did when it used that library. */
async function oracle(path: string): Promise<Map<string, Map<number, string[]>>> {
  const workbook = await readXlsxFile<{ raw: string }>(path, {
    trim: false,
    parseNumber: (raw) => ({ raw }),
  });
  const out = new Map<string, Map<number, string[]>>();
  for (const sheet of workbook) {
    const rows = new Map<number, string[]>();
    (sheet.data as unknown[][]).forEach((cells, i) => {
      const text = trim(cells.map(oracleText));
      if (text.length > 0) rows.set(i + 1, text);
    });
    out.set(sheet.sheet, rows);
  }
  return out;
}

function oracleText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    const iso = new Date(Math.round(value.getTime() / 1000) * 1000).toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  }
  if (typeof value === 'object' && 'raw' in value) return plainDecimal(String(value.raw));
  return String(value);
}

function trim(cells: string[]): string[] {
  let w = cells.length;
  while (w > 0 && cells[w - 1] === '') w--;
  return cells.slice(0, w);
}

function xlsxFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.xlsx'))
    .map((name) => join(dir, name));
}

const MIXED: XlsxSheet[] = [
  {
    name: 'Mixed',
    rows: [
      ['Name', 'Joined', 'Seen at', 'Active', 'Score', 'Note'],
      ['Zoë Ångström', { date: '2026-03-10' }, { date: '2026-03-10 09:30:00' }, true, 12.5, '<b> & "q"'],
      [null, null, null, null, null, null, 'far'],
      ['Bob', { date: '1999-12-31' }, null, false, -0.000001, ''],
    ],
  },
  { name: 'Second', rows: [undefined, undefined, ['x'], [1, 2, 3]] },
];

describe('the streaming reader agrees with read-excel-file', () => {
  const samples = [...xlsxFiles(SAMPLES_DIR), ...xlsxFiles('/work/shared/samples')];
  const generated = files.write('mixed.xlsx', makeXlsx(MIXED));
  it.each([...samples, generated].map((p) => [p]))('%s', async (path) => {
    const mine = await streamed(path);
    const theirs = await oracle(path);
    expect([...mine.keys()]).toEqual([...theirs.keys()]);
    for (const [sheet, rows] of theirs)
      expect(Object.fromEntries(mine.get(sheet) ?? [])).toEqual(Object.fromEntries(rows));
    expect(samples.length).toBeGreaterThan(0);
  });

  it('on a streamed workbook with shared strings, dates and the 1904 date system', async () => {
    for (const date1904 of [false, true]) {
      const path = join(files.dir, `shared-${date1904}.xlsx`);
      await writeXlsx(
        path,
        [
          ['Name', 'Joined', 'Seen at', 'Ok'],
          ['Ann', { date: '2026-02-01' }, { date: '2026-02-01 09:05:00' }, true],
          ['Bea', { date: '1904-01-02' }, null, false],
          ['Ann', null, { date: '2030-12-31 23:59:59' }],
        ],
        { sharedStrings: true, date1904 },
      );
      expect(Object.fromEntries((await streamed(path)).get('Sheet1') ?? [])).toEqual(
        Object.fromEntries((await oracle(path)).get('Sheet1') ?? []),
      );
    }
  });
});
