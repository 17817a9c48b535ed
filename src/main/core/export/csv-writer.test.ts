import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CsvOptions } from '@shared/api/exports';
import { cellText, majorUnits, neutralise } from './cells';
import { CsvFileWriter, type CsvColumn } from './csv-writer';
import type { CellValue } from './cells';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tandem-csv-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const UTF8: CsvOptions = { delimiter: ',', encoding: 'utf-8', unencodable: 'refuse' };

function write(columns: CsvColumn[], rows: CellValue[][], options: Partial<CsvOptions> = {}): Buffer {
  const path = join(dir, 'out.csv');
  const writer = new CsvFileWriter(path, columns, { ...UTF8, ...options });
  for (const row of rows) writer.write(row);
  writer.finish();
  expect(writer.rows).toBe(rows.length);
  const bytes = readFileSync(path);
  expect(writer.bytes).toBe(bytes.length);
  return bytes;
}

const text = (header: string): CsvColumn => ({ header, type: 'text' });

describe('cells', () => {
  it('neutralises text that a spreadsheet would run, per OWASP', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(neutralise(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(neutralise('=HYPERLINK("http://evil.example","click")')).toBe(
      `'=HYPERLINK("http://evil.example","click")`,
    );
    expect(neutralise('plain')).toBe('plain');
    expect(neutralise("it's")).toBe("it's");
    // Already quoted formula text gets one more quote, so the reader's one dropped quote restores it.
    expect(neutralise("'=x")).toBe("''=x");
  });

  it('keeps real numbers numbers and neutralises the same text in a text column', () => {
    expect(cellText(-5, 'number')).toBe('-5');
    expect(cellText({ minor: -500, currency: 'USD' }, 'money')).toBe('-5.00');
    expect(cellText('-5 text', 'text')).toBe("'-5 text");
    expect(cellText('-5', 'text')).toBe("'-5");
    expect(cellText(-5, 'text')).toBe("'-5");
    expect(cellText(null, 'number')).toBe('');
  });

  it('writes money as decimal major units of its currency', () => {
    expect(majorUnits(123450, 'USD')).toBe('1234.50');
    expect(majorUnits(5, 'EUR')).toBe('0.05');
    expect(majorUnits(-1, 'EUR')).toBe('-0.01');
    expect(majorUnits(1500, 'JPY')).toBe('1500');
    expect(majorUnits(1234, 'BHD')).toBe('1.234');
  });
});

describe('CsvFileWriter', () => {
  it('starts UTF-8 with a BOM by default and ends records with CRLF', () => {
    const bytes = write([text('Name'), { header: 'n', type: 'number' }], [['Zoë', 3]]);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe('Name,n\r\nZoë,3\r\n');
  });

  it('quotes per RFC 4180: delimiters, quotes and line breaks', () => {
    const bytes = write(
      [text('a'), text('b'), text('c'), text('d')],
      [['x,y', 'say "hi"', 'two\nlines', 'plain']],
      { encoding: 'utf-8-no-bom' },
    );
    expect(bytes.toString('utf8')).toBe('a,b,c,d\r\n"x,y","say ""hi""","two\nlines",plain\r\n');
  });

  it('writes semicolon and tab delimiters, quoting only what holds the delimiter', () => {
    const semi = write([text('a'), text('b')], [['1,5', 'x;y']], {
      delimiter: ';',
      encoding: 'utf-8-no-bom',
    });
    expect(semi.toString('utf8')).toBe('a;b\r\n1,5;"x;y"\r\n');
    const tab = write([text('a'), text('b')], [['x y', 'p\tq']], {
      delimiter: '\t',
      encoding: 'utf-8-no-bom',
    });
    expect(tab.toString('utf8')).toBe('a\tb\r\nx y\t"p\tq"\r\n');
  });

  it('neutralises formula cells and keeps a negative amount a number', () => {
    const bytes = write(
      [text('note'), { header: 'amount', type: 'money' }, { header: 'count', type: 'number' }],
      [
        ['=HYPERLINK("http://evil.example","x")', { minor: -500, currency: 'USD' }, -5],
        ['-5 text', { minor: 0, currency: 'USD' }, 0],
      ],
      { encoding: 'utf-8-no-bom' },
    );
    expect(bytes.toString('utf8')).toBe(
      `note,amount,count\r\n"'=HYPERLINK(""http://evil.example"",""x"")",-5.00,-5\r\n'-5 text,0.00,0\r\n`,
    );
  });

  it('writes UTF-16LE with its BOM (Excel "Unicode text")', () => {
    const bytes = write([text('Name')], [['Zoë 😀']], { encoding: 'utf-16le', delimiter: '\t' });
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(bytes.subarray(2).toString('utf16le')).toBe('Name\r\nZoë 😀\r\n');
  });

  it('writes windows-1252 bytes, € and curly quotes included', () => {
    const bytes = write([text('Name')], [['Café € “ok”']], { encoding: 'windows-1252' });
    expect([...bytes]).toEqual([
      ...Buffer.from('Name\r\nCaf', 'latin1'),
      0xe9,
      0x20,
      0x80,
      0x20,
      0x93,
      ...Buffer.from('ok', 'latin1'),
      0x94,
      0x0d,
      0x0a,
    ]);
  });

  it('refuses a character windows-1252 cannot hold, naming the row, and leaves no file', () => {
    const path = join(dir, 'out.csv');
    writeFileSync(path, 'old');
    const writer = new CsvFileWriter(path, [text('Name')], { ...UTF8, encoding: 'windows-1252' });
    writer.write(['fine']);
    writer.write(['Łódź']);
    expect(() => writer.finish()).toThrow(/row 2 holds "Ł" \(U\+0141\), which windows-1252 cannot store/);
    writer.abort();
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('replaces what windows-1252 cannot hold with ? when asked, and counts it', () => {
    const path = join(dir, 'out.csv');
    const writer = new CsvFileWriter(path, [text('Name')], {
      ...UTF8,
      encoding: 'windows-1252',
      unencodable: 'replace',
    });
    writer.write(['Łódź 😀']);
    writer.finish();
    expect(readFileSync(path, 'latin1')).toBe('Name\r\n?\xf3d? ?\r\n');
    expect(writer.replaced).toBe(3);
  });

  it('streams large files in chunks through a temporary file renamed at the end', () => {
    const path = join(dir, 'big.csv');
    const writer = new CsvFileWriter(path, [text('a'), { header: 'n', type: 'number' }], UTF8);
    for (let i = 0; i < 50_000; i++) writer.write([`row ${i}`, i]);
    // Chunks are on disk in the temporary file already; the destination appears only on finish.
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(dir)).toHaveLength(1);
    writer.finish();
    const lines = readFileSync(path, 'utf8').split('\r\n');
    expect(lines).toHaveLength(50_002);
    expect(lines[50_000]).toBe('row 49999,49999');
    expect(readdirSync(dir)).toEqual(['big.csv']);
  });
});
