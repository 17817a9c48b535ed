import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeXlsx, makeZip } from '@fixtures/import/make-xlsx';
import { SAMPLES_DIR } from '@fixtures/import/samples';
import { makeTempDir } from '@fixtures/import/temp-files';
import { writeXlsx } from '@fixtures/import/xlsx-writer';
import { FileRejectedError, openTable, type TableReader } from './index';
import { openSheet } from './xlsx-reader';
import { columnIndex, sheetRows } from './xlsx-sheet';
import { isDateFormat } from './xlsx-parts';

const files = makeTempDir();
afterAll(() => files.remove());

async function allRows(table: TableReader): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const batch of table.records()) rows.push(...batch.rows);
  return rows;
}

describe('cells', () => {
  it('reads shared and inline strings, dates in both date systems, booleans and sparse cells', async () => {
    for (const date1904 of [false, true]) {
      const path = join(files.dir, `cells-${date1904}.xlsx`);
      await writeXlsx(
        path,
        [
          ['Name', 'Joined', 'Seen at', 'Ok', 'Count'],
          ['Ann', { date: '2026-02-01' }, { date: '2026-02-01 09:05:00' }, true, 3],
          ['Bea', null, null, false, null, 'extra'],
          [null, null, null, null, 7],
          [],
          ['Ann', { date: '1904-03-01' }, null, null, 1e-7],
        ],
        { sharedStrings: !date1904, date1904 },
      );
      const table = await openTable(path);
      expect(table).toMatchObject({ format: 'xlsx', sheet: 'Sheet1', headerLine: 1 });
      expect(table.columns).toEqual(['Name', 'Joined', 'Seen at', 'Ok', 'Count']);
      expect(await allRows(table)).toEqual([
        ['Ann', '2026-02-01', '2026-02-01 09:05:00', 'TRUE', '3'],
        ['Bea', '', '', 'FALSE', '', 'extra'],
        ['', '', '', '', '7'],
        ['Ann', '1904-03-01', '', '', '0.0000001'],
      ]);
    }
  });

  it('reads hand-written SpreadsheetML: prefixes, rich text, phonetic runs, refs left out, entities, formulas', async () => {
    const sheet =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
      '<x:row r="2"><x:c r="B2" t="s"><x:v>0</x:v></x:c><x:c r="D2" t="inlineStr"><x:is><x:t>A&amp;B &#233;</x:t></x:is></x:c></x:row>' +
      '<x:row><x:c t="s"><x:v>1</x:v></x:c><x:c><x:f>1+1</x:f><x:v>2</x:v></x:c><x:c t="str"><x:f>"a"&amp;"b"</x:f><x:v>ab</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c></x:row>' +
      '<x:row r="7"><x:c r="AA7" t="s"><x:v>2</x:v></x:c><x:c r="A7" t="d"><x:v>2026-05-06T07:08:09</x:v></x:c></x:row>' +
      '</x:sheetData></x:worksheet>';
    const sst =
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<si><t>Head</t></si>' +
      '<si><r><rPr><b/></rPr><t>Bold</t></r><r><t xml:space="preserve"> and plain</t></r><rPh sb="0" eb="1"><t>ボ</t></rPh></si>' +
      '<si><t><![CDATA[<cdata>]]></t></si></sst>';
    const rels =
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/data.xml"/>' +
      '<Relationship Id="r2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/></Relationships>';
    const workbook =
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Only" sheetId="1" r:id="r1"/></sheets></workbook>';
    const path = files.write(
      'hand.xlsx',
      makeZip([
        ['xl/workbook.xml', Buffer.from(workbook)],
        ['xl/_rels/workbook.xml.rels', Buffer.from(rels)],
        ['xl/worksheets/data.xml', Buffer.from(sheet)],
        ['xl/strings.xml', Buffer.from(sst)],
      ]),
    );
    const { zip, entry, context } = await openSheet(
      { path, fileName: 'hand.xlsx', size: statSync(path).size },
      0,
    );
    const rows = [];
    for await (const chunk of sheetRows(zip, entry, context)) rows.push(...chunk.rows);
    expect(rows).toEqual([
      { line: 2, cells: ['', 'Head', '', 'A&B é'] },
      // The formula's error value (#N/A) is no value: the row ends with the last cell that has one.
      { line: 3, cells: ['Bold and plain', '2', 'ab'] },
      { line: 7, cells: ['2026-05-06 07:08:09', ...Array<string>(25).fill(''), '<cdata>'] },
    ]);
  });

  it('turns column letters into indexes and tells date formats from number formats', () => {
    expect(['A1', 'Z9', 'AA10', 'XFD1048576', 'b3'].map(columnIndex)).toEqual([0, 25, 26, 16383, 1]);
    expect(
      ['yyyy-mm-dd', 'd/m/yy h:mm', '[$-409]mmm d, yyyy', 'hh:mm:ss', '[h]:mm'].map(isDateFormat),
    ).toEqual([true, true, true, true, true]);
    expect(['0.00', '#,##0', '"Day" 0', '[Red]0.0', 'General', '0.0\\d'].map(isDateFormat)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

/** A zip whose one part declares `size` unpacked bytes for `packed` bytes of (not even valid) data. */
function declaredZip(name: string, packed: Buffer, size: number): Buffer {
  const zip = makeZip([[name, Buffer.from('x')]]);
  const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  const local = Buffer.from(zip.subarray(0, central));
  const dataAt = 30 + name.length;
  const rebuilt = Buffer.concat([local.subarray(0, dataAt), packed]);
  rebuilt.writeUInt32LE(packed.length, 18);
  rebuilt.writeUInt32LE(size, 22);
  const tail = Buffer.from(zip.subarray(central));
  tail.writeUInt32LE(packed.length, 20);
  tail.writeUInt32LE(size, 24);
  const end = tail.length - 22;
  tail.writeUInt32LE(rebuilt.length, end + 16);
  return Buffer.concat([rebuilt, tail]);
}

describe('memory', () => {
  it('opens a workbook for its columns without its shared text, and reads all of it once records are read', async () => {
    const path = join(files.dir, 'many-strings.xlsx');
    const rows = 100_000;
    await writeXlsx(
      path,
      (function* () {
        yield ['Email', 'Name'];
        for (let i = 0; i < rows; i++) yield [`person${i}@example.com`, `Person number ${i}`];
      })(),
      { sharedStrings: true },
    );
    const before = process.memoryUsage().arrayBuffers;
    const table = await openTable(path);
    // The shared text of 200,000 strings is about 13 MB; the header needs two of them.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(3 << 20);
    expect(table.columns).toEqual(['Email', 'Name']);
    const all = await allRows(table);
    expect(all).toHaveLength(rows);
    expect(all[rows - 1]).toEqual([`person${rows - 1}@example.com`, `Person number ${rows - 1}`]);
  });
});

describe('zip bombs and damaged files', () => {
  it('refuses a small zip that declares gigabytes, from its directory alone', async () => {
    const path = files.write(
      'declared.xlsx',
      declaredZip('xl/worksheets/sheet1.xml', Buffer.alloc(24 * 1024 ** 2, 7), 0xfffffff0),
    );
    const error = await openTable(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileRejectedError);
    expect((error as FileRejectedError).reason).toBe('too-large');
    expect((error as Error).message).toBe(
      'declared.xlsx: this workbook would unpack to 4.0 GB of XML, more than the 2.0 GB Tandem reads from one workbook (a zip bomb, or a sheet too large for Excel import); if it is a real workbook, save the sheet as CSV and import that',
    );
    // The part's bytes are not deflate data at all: inflating them would have failed as "damaged".
  });

  it('refuses a real, highly compressible part by its ratio before inflating it', async () => {
    const xml = Buffer.alloc(200 * 1024 ** 2, 0x20);
    const path = files.write(
      'bomb.xlsx',
      makeZip([
        ['xl/workbook.xml', Buffer.from('<workbook/>')],
        ['xl/worksheets/sheet1.xml', xml],
      ]),
    );
    const rss = process.memoryUsage().rss;
    await expect(openTable(path)).rejects.toThrow(
      /^bomb\.xlsx: this workbook looks like a zip bomb: its part xl\/worksheets\/sheet1\.xml would unpack \d+ times its packed size \(1 MB to 200 MB\)/,
    );
    expect(process.memoryUsage().rss - rss).toBeLessThan(100 * 1024 ** 2);
  });

  it('stops a part that unpacks to more than its directory declares', async () => {
    const real = makeXlsx([
      {
        name: 'S',
        rows: [
          ['a', 'b'],
          ['1', '2'],
        ],
      },
    ]);
    const name = 'xl/worksheets/sheet1.xml';
    const at = real.indexOf(Buffer.from(name), real.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])));
    const lying = Buffer.from(real);
    lying.writeUInt32LE(40, at - 46 + 24);
    await expect(openTable(files.write('lying.xlsx', lying))).rejects.toThrow(
      'lying.xlsx: this Excel workbook is damaged or incomplete (the part xl/worksheets/sheet1.xml unpacks to more than its directory declares)',
    );
  });

  it('says a cut-short workbook is incomplete', async () => {
    const whole = readFileSync(join(SAMPLES_DIR, 'linkedin-page-analytics.xlsx'));
    const path = files.write('cut.xlsx', whole.subarray(0, Math.floor(whole.length / 2)));
    await expect(openTable(path)).rejects.toThrow(
      'cut.xlsx: this Excel workbook is damaged or incomplete (its zip directory is missing, as in a file cut short by a download); open it in Excel and save it again, or save the sheet as CSV',
    );
  });

  it('says a workbook with corrupt sheet data is damaged, naming the part', async () => {
    const whole = makeXlsx([{ name: 'S', rows: Array.from({ length: 500 }, (_, i) => [`row ${i}`, i]) }]);
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const local = whole.indexOf(name);
    const corrupt = Buffer.from(whole);
    for (let i = local + name.length + 40; i < local + name.length + 400; i++)
      corrupt[i] = 0xff - (corrupt[i] ?? 0);
    const error = await openTable(files.write('corrupt.xlsx', corrupt)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileRejectedError);
    expect((error as Error).message).toMatch(
      /^corrupt\.xlsx: this Excel workbook is damaged or incomplete \(the part xl\/worksheets\/sheet1\.xml (cannot be unpacked|does not match its checksum|is not well-formed XML)/,
    );
  });

  it('says an encrypted part is password-protected', async () => {
    const real = makeXlsx([{ name: 'S', rows: [['a']] }]);
    const locked = Buffer.from(real);
    const signature = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
    for (let at = locked.indexOf(signature); at >= 0; at = locked.indexOf(signature, at + 4))
      locked.writeUInt16LE(locked.readUInt16LE(at + 8) | 1, at + 8);
    await expect(openTable(files.write('locked.xlsx', locked))).rejects.toThrow(
      'locked.xlsx: this workbook is encrypted (password-protected); remove the password in Excel or save the sheet as CSV',
    );
  });
});
