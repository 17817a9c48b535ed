import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeZip } from '@fixtures/import/make-xlsx';
import { makeTempDir } from '@fixtures/import/temp-files';
import { FileRejectedError, openTable, preview } from './index';
import { uniqueColumns } from './open-table';

const files = makeTempDir();
afterAll(() => files.remove());

async function rejection(path: string): Promise<FileRejectedError> {
  const error = await openTable(path).catch((e: unknown) => e);
  if (!(error instanceof FileRejectedError)) throw new Error(`expected a rejection, got ${String(error)}`);
  return error;
}

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d494844520000000100000001080600000000', 'hex'),
]);

describe('files that cannot be imported at all', () => {
  it.each([
    ['hubspot.csv', Buffer.alloc(0), 'empty', 'hubspot.csv: the file is empty'],
    ['blank.csv', '\n\n  \r\n\t\n', 'empty', 'blank.csv: the file has no content (only blank lines)'],
    [
      'bom-only.csv',
      Buffer.from([0xef, 0xbb, 0xbf]),
      'empty',
      'bom-only.csv: the file has no content (only blank lines)',
    ],
    [
      'comments.csv',
      '# Report\n# Start date: 20260101\n\n',
      'no-header',
      'comments.csv: no header row was found (the file has only comments or blank lines)',
    ],
    [
      'photo.png',
      PNG,
      'binary',
      'photo.png: this is not a CSV, TSV or Excel file (it looks like binary data: a PNG image)',
    ],
    [
      'report.csv',
      Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n', 'latin1'),
      'binary',
      'report.csv: this is not a CSV, TSV or Excel file (it looks like binary data: a PDF document)',
    ],
    [
      'legacy.xls',
      Buffer.from('d0cf11e0a1b11ae1000000000000000000000000', 'hex'),
      'binary',
      'legacy.xls: this is an old Excel 97-2003 (.xls) or password-protected workbook; save it as .xlsx or CSV and import that',
    ],
    [
      'noise.csv',
      Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)),
      'binary',
      'noise.csv: this is not a CSV, TSV or Excel file (it looks like binary data)',
    ],
  ] as const)('%s', async (name, content, reason, message) => {
    const error = await rejection(files.write(name, content));
    expect(error.reason).toBe(reason);
    expect(error.fileName).toBe(name);
    expect(error.message).toBe(message);
  });

  it('rejects a ZIP archive that is not an Excel workbook', async () => {
    const error = await rejection(
      files.write('archive.xlsx', makeZip([['notes.txt', Buffer.from('hello')]])),
    );
    expect(error.reason).toBe('binary');
    expect(error.message).toBe(
      'archive.xlsx: this is not a CSV, TSV or Excel file (it looks like binary data: a ZIP archive that is not a readable Excel workbook)',
    );
  });

  it('rejects a missing file and a folder in plain words', async () => {
    expect((await rejection(join(files.dir, 'missing.csv'))).message).toBe(
      'missing.csv: the file could not be found',
    );
    const folder = join(files.dir, 'folder.csv');
    mkdirSync(folder);
    expect((await rejection(folder)).message).toBe('folder.csv: this is a folder, not a file');
  });

  it('accepts a single column without any delimiter', async () => {
    const table = await openTable(files.write('emails.csv', 'email\nana@x.com\nbo@x.com\n'));
    expect(table.columns).toEqual(['email']);
  });

  it('accepts a header without data rows', async () => {
    const p = await preview(files.write('header-only.csv', 'a,b,c\n'));
    expect(p).toMatchObject({ columns: ['a', 'b', 'c'], records: 0, sample: [] });
  });
});

describe('preview', () => {
  it('reports layout, total record count, the first n records and issues', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => (i === 12 ? `${i},x` : `${i},x,y`));
    const path = files.write('preview.csv', `# note\nA,B,C\n${rows.join('\n')}\n`);
    const p = await preview(path, 3);
    expect(p).toMatchObject({
      fileName: 'preview.csv',
      format: 'csv',
      encoding: 'utf-8',
      bom: false,
      delimiter: ',',
      headerLine: 2,
      columns: ['A', 'B', 'C'],
      records: 30,
      sample: [
        ['0', 'x', 'y'],
        ['1', 'x', 'y'],
        ['2', 'x', 'y'],
      ],
      issueCount: 1,
    });
    expect(p.issues[0]).toMatchObject({ kind: 'ragged', record: 13, line: 15, expected: 3, actual: 2 });
  });
});

describe('duplicate header names', () => {
  it('names later columns "Email (2)", "Email (3)", skipping names the file already has', () => {
    expect(uniqueColumns(['Email', 'Name', 'Email', 'Email (2)', 'Email', '', ''])).toEqual([
      'Email',
      'Name',
      'Email (3)',
      'Email (2)',
      'Email (4)',
      '',
      '',
    ]);
  });
});
