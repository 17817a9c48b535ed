import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir, utf16, windows1252 } from '@fixtures/import/temp-files';
import { detectEncoding, looksLikeBinaryText } from './encoding';
import { openTable, type TableReader } from './index';

const files = makeTempDir();
afterAll(() => files.remove());

const TEXT = 'name,city,amount\nJosé,Zürich,€12\nRenée,Málaga,€7\n';
const EXPECTED = [
  ['José', 'Zürich', '€12'],
  ['Renée', 'Málaga', '€7'],
];

async function readAll(table: TableReader): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const batch of table.records()) rows.push(...batch.rows);
  return rows;
}

describe('detectEncoding', () => {
  it('recognises byte-order marks', () => {
    expect(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x61]), true)).toEqual({
      encoding: 'utf-8',
      bom: true,
      undecided: false,
    });
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x61, 0]), true)).toMatchObject({
      encoding: 'utf-16le',
      bom: true,
    });
    expect(detectEncoding(Buffer.from([0xfe, 0xff, 0, 0x61]), true)).toMatchObject({
      encoding: 'utf-16be',
      bom: true,
    });
  });

  it('falls back to Windows-1252 when the bytes are not valid UTF-8', () => {
    expect(detectEncoding(windows1252('café'), true)).toMatchObject({ encoding: 'windows-1252', bom: false });
    expect(detectEncoding(Buffer.from('café', 'utf8'), true)).toMatchObject({
      encoding: 'utf-8',
      bom: false,
    });
  });

  it('does not count a multi-byte character cut off at the end of the head against UTF-8', () => {
    const bytes = Buffer.from('ab€', 'utf8');
    expect(detectEncoding(bytes.subarray(0, 4), false).encoding).toBe('utf-8');
    expect(detectEncoding(bytes.subarray(0, 4), true).encoding).toBe('windows-1252');
  });

  it('leaves a pure-ASCII head undecided unless it is the whole file', () => {
    expect(detectEncoding(Buffer.from('a,b\n1,2\n'), false).undecided).toBe(true);
    expect(detectEncoding(Buffer.from('a,b\n1,2\n'), true).undecided).toBe(false);
  });

  it('spots UTF-16 written without a byte-order mark', () => {
    const le = Buffer.from('name,city\nJosé,Zürich\n', 'utf16le');
    expect(detectEncoding(le, true)).toMatchObject({ encoding: 'utf-16le', bom: false });
    expect(detectEncoding(Buffer.from(le).swap16(), true)).toMatchObject({
      encoding: 'utf-16be',
      bom: false,
    });
  });
});

describe('looksLikeBinaryText', () => {
  it('flags NUL bytes and control-character soup, not ordinary text', () => {
    expect(looksLikeBinaryText('a,b\n1,\u00002')).toBe(true);
    expect(looksLikeBinaryText('\u0001\u0002\u0003\u0004abc'.repeat(20))).toBe(true);
    expect(looksLikeBinaryText('a\tb\r\n1\t2\f\n')).toBe(false);
  });
});

describe('reading files in each encoding', () => {
  it.each([
    ['UTF-8 without BOM', Buffer.from(TEXT, 'utf8'), 'utf-8', false],
    [
      'UTF-8 with BOM',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]),
      'utf-8',
      true,
    ],
    ['UTF-16 LE with BOM', utf16(TEXT, 'le'), 'utf-16le', true],
    ['UTF-16 BE with BOM', utf16(TEXT, 'be'), 'utf-16be', true],
    ['Windows-1252', windows1252(TEXT), 'windows-1252', false],
  ])('%s', async (label, bytes, encoding, bom) => {
    const path = files.write(`${label}.csv`, bytes);
    const table = await openTable(path);
    expect(table).toMatchObject({ encoding, bom, delimiter: ',', headerLine: 1 });
    // The BOM never leaks into the first column name.
    expect(table.columns).toEqual(['name', 'city', 'amount']);
    expect(await readAll(table)).toEqual(EXPECTED);
  });

  it('decodes characters split across read chunks (1-3 byte reads)', async () => {
    for (const [name, bytes] of [
      ['split-utf8.csv', Buffer.from(TEXT, 'utf8')],
      ['split-utf16.csv', utf16(TEXT, 'le')],
    ] as const) {
      const path = files.write(name, bytes);
      for (const chunkBytes of [1, 2, 3]) {
        expect(await readAll(await openTable(path, { chunkBytes }))).toEqual(EXPECTED);
      }
    }
  });

  it('finds Windows-1252 whose first accented letter comes long after the first 64 KiB', async () => {
    const filler = Array.from({ length: 5000 }, (_, i) => `Person ${i},Boston,${i}\n`).join('');
    expect(filler.length).toBeGreaterThan(64 * 1024);
    const path = files.write('late-accent.csv', windows1252(`name,city,amount\n${filler}Renée,Málaga,€7\n`));
    const table = await openTable(path);
    expect(table.encoding).toBe('windows-1252');
    const rows = await readAll(table);
    expect(rows.at(-1)).toEqual(['Renée', 'Málaga', '€7']);
  });

  it('keeps UTF-8 when the late non-ASCII text is valid UTF-8', async () => {
    const filler = 'x,y,1\n'.repeat(20000);
    const path = files.write('late-utf8.csv', `name,city,amount\n${filler}Renée,Málaga,€7\n`);
    const table = await openTable(path);
    expect(table.encoding).toBe('utf-8');
    expect((await readAll(table)).at(-1)).toEqual(['Renée', 'Málaga', '€7']);
  });

  it('lets the user override the detected encoding', async () => {
    const path = files.write('override.csv', Buffer.from(TEXT, 'utf8'));
    const table = await openTable(path, { encoding: 'windows-1252' });
    expect(table.encoding).toBe('windows-1252');
    expect((await readAll(table))[0]?.[0]).toBe('JosÃ©');
  });
});

describe('encoding on evidence', () => {
  // "René" in UTF-8, with one stray Windows-1252 byte (0xE9, "é") pasted into another row.
  const damaged = Buffer.concat([
    Buffer.from('name,city\nRené,Montréal\nZoë,Québec\n', 'utf8'),
    Buffer.from('Ren'),
    Buffer.from([0xe9]),
    Buffer.from(',Lyon\nAnaïs,Paris\n', 'utf8'),
  ]);

  it('keeps a UTF-8 file with a few invalid bytes UTF-8, and warns on the damaged cell only', async () => {
    expect(detectEncoding(damaged, true).encoding).toBe('utf-8');
    const table = await openTable(files.write('damaged.csv', damaged));
    expect(table.encoding).toBe('utf-8');
    const batches = [];
    for await (const batch of table.records()) batches.push(batch);
    expect(batches.flatMap((b) => b.rows)).toEqual([
      ['René', 'Montréal'],
      ['Zoë', 'Québec'],
      ['Ren\uFFFD', 'Lyon'],
      ['Anaïs', 'Paris'],
    ]);
    expect(batches.flatMap((b) => b.warnings ?? [])).toEqual([
      { record: 3, line: 4, column: 0, message: expect.stringContaining('not valid UTF-8') },
    ]);
  });

  it('reads as Windows-1252 only a file that is mostly not valid UTF-8', async () => {
    const legacy = windows1252('name,city\nRené,Montréal\nZoë,Québec\n');
    expect(detectEncoding(legacy, true).encoding).toBe('windows-1252');
    const table = await openTable(files.write('legacy.csv', legacy));
    const rows = await readAll(table);
    expect(rows).toEqual([
      ['René', 'Montréal'],
      ['Zoë', 'Québec'],
    ]);
  });

  it('decides on evidence when the first non-ASCII byte comes after the sniffed head too', async () => {
    const filler = Buffer.from(`name,city\n${'x,y\n'.repeat(20000)}`);
    const path = files.write('late-damaged.csv', Buffer.concat([filler, damaged.subarray(10)]));
    const table = await openTable(path);
    expect(table.encoding).toBe('utf-8');
    expect((await readAll(table)).at(-4)).toEqual(['René', 'Montréal']);
  });
});
