// Property-based tests of the file reader: whatever bytes a file holds, the reader either reads it into
// well-formed records or refuses it with a FileRejectedError naming the file, and it always ends. Inputs are
// kept small and the run counts low so the whole file runs in a few seconds; the size limits themselves
// (16 MB records, zip bombs) have their own tests in csv-reader.test.ts and xlsx-stream.test.ts.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { makeXlsx, makeZip } from '@fixtures/import/make-xlsx';
import { makeTempDir } from '@fixtures/import/temp-files';
import { detectEncoding, mostlyUtf8 } from './encoding';
import { FileRejectedError, openTable, type RecordBatch, type TableReader } from './index';
import { detectDelimiter, detectNewline, sniffCsv } from './sniff';
import {
  detectDecimalSeparator,
  normalizeEmail,
  parseDate,
  parseDecimal,
  parseInstant,
  splitMulti,
  toMinorUnits,
} from './values';
import { XmlScanner, XmlSyntaxError } from './xml-scan';

const files = makeTempDir('tandem-fuzz-');
afterAll(() => files.remove());

let fileNumber = 0;
const runs = (numRuns: number) => ({
  numRuns,
  seed: process.env.TANDEM_FUZZ_SEED ? Number(process.env.TANDEM_FUZZ_SEED) : undefined,
});

/** Reads a whole table, checking each batch's shape on the way (one expect per batch: expect is slow in loops). */
async function readAll(table: TableReader, batchSize: number): Promise<string[][]> {
  expect(table.columns.every((column) => typeof column === 'string')).toBe(true);
  expect(table.headerLine).toBeGreaterThanOrEqual(1);
  const rows: string[][] = [];
  let lastRecord = 0;
  let lastLine = table.headerLine;
  for await (const batch of table.records({ batchSize })) {
    const problems = batchProblems(batch, batchSize);
    batch.recordNumbers.forEach((record, i) => {
      const line = batch.lines[i] as number;
      if (record !== lastRecord + 1) problems.push(`record ${record} follows ${lastRecord}`);
      if (!(line > lastLine)) problems.push(`line ${line} follows ${lastLine}`);
      lastRecord = record;
      lastLine = line;
    });
    expect(problems).toEqual([]);
    rows.push(...batch.rows);
  }
  return rows;
}

function batchProblems(batch: RecordBatch, batchSize: number): string[] {
  const problems: string[] = [];
  const n = batch.rows.length;
  if (n > batchSize) problems.push(`${n} rows in a batch of ${batchSize}`);
  if (batch.recordNumbers.length !== n || batch.lines.length !== n)
    problems.push('numbering not one per row');
  if (!batch.rows.every((row) => row.every((cell) => typeof cell === 'string')))
    problems.push('a cell is not text');
  const records = new Set(batch.recordNumbers);
  for (const issue of batch.issues) {
    if (!records.has(issue.record)) problems.push(`issue for record ${issue.record} outside the batch`);
    if (issue.message === '') problems.push('issue without a message');
  }
  for (const warning of batch.warnings ?? [])
    if (!records.has(warning.record)) problems.push(`warning for record ${warning.record} outside the batch`);
  if (!Number.isFinite(batch.bytesRead)) problems.push('bytesRead is not a number');
  return problems;
}

/**
 * Writes the bytes to a file and reads it: the outcome is rows, or a FileRejectedError whose message starts
 * with the file's name. Any other exception fails the property.
 */
async function readOrReject(
  bytes: Uint8Array,
  options: { chunkBytes?: number } = {},
): Promise<string[][] | FileRejectedError> {
  const name = `fuzz-${++fileNumber}.csv`;
  const path = files.write(name, bytes);
  try {
    return await readAll(await openTable(path, options), 7);
  } catch (error) {
    if (!(error instanceof FileRejectedError)) throw error;
    expect(error.message.startsWith(`${name}: `)).toBe(true);
    expect(error.message.length).toBeGreaterThan(name.length + 2);
    return error;
  }
}

const PREFIXES: Uint8Array[] = [
  new Uint8Array(),
  Uint8Array.from([0xef, 0xbb, 0xbf]),
  Uint8Array.from([0xff, 0xfe]),
  Uint8Array.from([0xfe, 0xff]),
  Uint8Array.from([0x50, 0x4b, 0x03, 0x04]),
  Uint8Array.from([0x50, 0x4b, 0x05, 0x06]),
  Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  Uint8Array.from([0x89, 0x50, 0x4e, 0x47]),
];

/** Bytes that look a little like text: delimiters, quotes, breaks, NULs, invalid UTF-8 and plain letters. */
const texty = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        ...[',', ';', '\t', '|', '"', '\n', '\r', '\r\n', '#', ' ', 'a', 'Name', 'é'].map((s) =>
          Buffer.from(s),
        ),
      ),
      fc.constantFrom(
        Buffer.from([0]),
        Buffer.from([0xff]),
        Buffer.from([0xc3]),
        Buffer.from([0xe2, 0x82]),
        Buffer.from([0xed, 0xa0, 0x80]),
      ),
      fc.uint8Array({ maxLength: 8 }).map((b) => Buffer.from(b)),
    ),
    { maxLength: 300 },
  )
  .map((parts) => Buffer.concat(parts));

describe('openTable on hostile bytes', () => {
  it('random bytes behind any signature: rows or a FileRejectedError, never another exception', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PREFIXES),
        fc.uint8Array({ maxLength: 2048 }),
        async (prefix, body) => {
          await readOrReject(Buffer.concat([prefix, body]));
        },
      ),
      runs(150),
    );
  });

  it('text-like bytes with NULs, stray quotes and invalid UTF-8, read in tiny chunks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PREFIXES.slice(0, 4)),
        texty,
        fc.integer({ min: 1, max: 64 }),
        async (prefix, body, chunkBytes) => {
          await readOrReject(Buffer.concat([prefix, body]), { chunkBytes });
        },
      ),
      runs(200),
    );
  });

  it('a huge field, a very long line of delimiters and deep quote nesting end in rows or a rejection', async () => {
    const shapes = [
      `Name,Note\nAnn,"${'x'.repeat(300_000)}"\n`,
      `Name,Note\nAnn,${','.repeat(200_000)}\n`,
      `Name,Note\nAnn,"${'"'.repeat(100_001)}\n`,
      `${'#'.repeat(70_000)}\nName,Note\nAnn,1\n`,
      `${'\n'.repeat(100_000)}Name,Note\nAnn,1\n`,
      `Name\n${'a\n'.repeat(50_000)}`,
      `"${'a""'.repeat(50_000)}",b\n1,2\n`,
    ];
    for (const text of shapes) {
      const result = await readOrReject(Buffer.from(text));
      if (!(result instanceof FileRejectedError)) expect(result.length).toBeGreaterThan(0);
    }
  });

  it('reads back exactly what a well-formed CSV holds, in any chunk size', async () => {
    const cell = fc.string({
      unit: fc.oneof(
        fc.constantFrom(',', '"', '\n', '\r', ' ', ';', '\t', '|', '#', 'é', '€', '日', '😀'),
        fc
          .string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 })
          .filter((c) => c >= ' ' && c !== '\x7f'),
      ),
      maxLength: 20,
    });
    const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 20 }),
        fc.constantFrom('\n', '\r\n'),
        fc.integer({ min: 1, max: 50 }),
        async (rows, br, chunkBytes) => {
          const text = ['Name,Email,Note', ...rows.map((r) => r.map(quote).join(','))].join(br) + br;
          const path = files.write(`well-${++fileNumber}.csv`, text);
          const table = await openTable(path, { delimiter: ',', chunkBytes });
          expect(table.columns).toEqual(['Name', 'Email', 'Note']);
          expect(await readAll(table, 3)).toEqual(rows);
        },
      ),
      runs(100),
    );
  });
});

describe('xlsx on hostile bytes', () => {
  const base = makeXlsx([
    {
      name: 'Sheet1',
      rows: [
        ['Name', 'Amount', 'Joined'],
        ['Ann', 3, { date: '2026-02-01' }],
        ['Bea', 1.5, null],
      ],
    },
  ]);

  it('a valid workbook with bytes flipped, cut short or spliced: rows or a FileRejectedError', async () => {
    const mutation = fc.oneof(
      fc
        .array(fc.tuple(fc.nat({ max: base.length - 1 }), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        })
        .map((flips) => (bytes: Buffer) => {
          const copy = Buffer.from(bytes);
          for (const [at, value] of flips) copy[at] = value;
          return copy;
        }),
      fc.nat({ max: base.length - 1 }).map((length) => (bytes: Buffer) => bytes.subarray(0, length)),
      fc.tuple(fc.nat({ max: base.length }), fc.uint8Array({ minLength: 1, maxLength: 64 })).map(
        ([at, junk]) =>
          (bytes: Buffer) =>
            Buffer.concat([bytes.subarray(0, at), junk, bytes.subarray(at)]),
      ),
    );
    await fc.assert(
      fc.asyncProperty(mutation, async (mutate) => {
        await readOrReject(mutate(base));
      }),
      runs(200),
    );
  });

  /** A workbook of hand-written parts around a sheet (and shared strings, styles) whose XML is given. */
  function workbookWith(sheetXml: string, sharedXml?: string, stylesXml?: string): Buffer {
    const parts: Array<[string, Buffer]> = [['xl/worksheets/sheet1.xml', Buffer.from(sheetXml)]];
    let rels = '<Relationship Id="r1" Type="x/worksheet" Target="worksheets/sheet1.xml"/>';
    if (sharedXml !== undefined) {
      rels += '<Relationship Id="r2" Type="x/sharedStrings" Target="sharedStrings.xml"/>';
      parts.push(['xl/sharedStrings.xml', Buffer.from(sharedXml)]);
    }
    if (stylesXml !== undefined) {
      rels += '<Relationship Id="r3" Type="x/styles" Target="styles.xml"/>';
      parts.push(['xl/styles.xml', Buffer.from(stylesXml)]);
    }
    return makeZip([
      [
        'xl/workbook.xml',
        Buffer.from('<workbook><sheets><sheet name="S" sheetId="1" r:id="r1"/></sheets></workbook>'),
      ],
      ['xl/_rels/workbook.xml.rels', Buffer.from(`<Relationships>${rels}</Relationships>`)],
      ...parts,
    ]);
  }
  const DATE_STYLES = '<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>';
  const sheet = (rows: string) => `<worksheet><sheetData>${rows}</sheetData></worksheet>`;

  it('refuses a cell beyond column XFD instead of filling millions of empty cells, and keeps impossible dates as numbers', async () => {
    const far = await readOrReject(
      workbookWith(sheet('<row r="1"><c r="A1"><v>1</v></c><c r="ZZZZZZ1"><v>2</v></c></row>')),
    );
    expect(far).toBeInstanceOf(FileRejectedError);
    expect((far as Error).message).toMatch(/beyond column XFD/);
    const dates = await readOrReject(
      workbookWith(
        sheet(
          '<row r="1"><c t="inlineStr"><is><t>When</t></is></c></row>' +
            '<row r="2"><c s="1"><v>46054</v></c></row><row r="3"><c s="1"><v>1e300</v></c></row>' +
            '<row r="4"><c s="1"><v>-1e9</v></c></row><row r="5"><c t="d"><v>+999999-01-01</v></c></row>',
        ),
        undefined,
        DATE_STYLES,
      ),
    );
    expect(dates).toEqual([['2026-02-01'], ['1' + '0'.repeat(300)], ['-1000000000']]);
  });

  it('numbers rows upwards whatever their r attributes say, and ignores a row end without a row', async () => {
    const table = await openTable(
      files.write(
        'rows.xlsx',
        workbookWith(
          sheet(
            '</row><row r="3"><c t="inlineStr"><is><t>Name</t></is></c></row><row r="2"><c><v>1</v></c></row>' +
              '<row r="x"><c><v>2</v></c></row><row r="-4"><c><v>3</v></c></row><row r="9"><c><v>4</v></c></row>',
          ),
        ),
      ),
    );
    expect(table.headerLine).toBe(3);
    const lines: number[] = [];
    for await (const batch of table.records()) lines.push(...batch.lines);
    expect(lines).toEqual([4, 5, 6, 9]);
  });

  const xmlPiece = fc.oneof(
    fc.constantFrom(
      '<row>',
      '</row>',
      '<row r="2">',
      '<row r="-1">',
      '<row r="99999999999">',
      '<c r="A1" t="s"><v>0</v></c>',
      '<c r="B1" t="inlineStr"><is><t>x</t></is></c>',
      '<c t="s"><v>7</v></c>',
      '<c t="s"><v>-1</v></c>',
      '<c r="XFD1"><v>1</v></c>',
      '<c r="ZZZZZZ9"><v>1</v></c>',
      '<c s="999"><v>1e308</v></c>',
      '<c t="b"><v>2</v></c>',
      '<c t="d"><v>not a date</v></c>',
      '<v>',
      '</v>',
      '<t>',
      '</t>',
      '&amp;',
      '&#0;',
      '&#x110000;',
      '&#99999999999;',
      '&bogus;',
      '&',
      '<!--',
      '-->',
      '<![CDATA[',
      ']]>',
      '<!DOCTYPE x>',
      '<?pi?>',
      '"',
      "'",
      '<',
      '>',
      '/>',
      '\u0000',
      '\uFFFD',
      'é',
    ),
    fc.string({ maxLength: 6 }),
  );
  const randomSheet = fc
    .array(xmlPiece, { maxLength: 60 })
    .map((parts) => `<worksheet><sheetData>${parts.join('')}</sheetData></worksheet>`);

  it('sheets and shared strings of random XML: rows or a FileRejectedError', async () => {
    await fc.assert(
      fc.asyncProperty(
        randomSheet,
        fc.option(
          fc.array(xmlPiece, { maxLength: 30 }).map((p) => `<sst><si><t>Name</t></si>${p.join('')}</sst>`),
          { nil: undefined },
        ),
        fc.option(
          fc.constantFrom(DATE_STYLES, '<styleSheet><cellXfs><xf numFmtId="&#x110000;"/>', '<styleSheet>'),
          { nil: undefined },
        ),
        async (sheetXml, shared, styles) => {
          await readOrReject(workbookWith(sheetXml, shared, styles));
        },
      ),
      runs(200),
    );
  });

  it('deeply nested and very wide sheets end in rows or a rejection', async () => {
    const deep = `<worksheet><sheetData>${'<row>'.repeat(50_000)}${'</row>'.repeat(50_000)}</sheetData></worksheet>`;
    const wide = `<worksheet><sheetData><row r="1">${'<c t="inlineStr"><is><t>h</t></is></c>'.repeat(20_000)}</row></sheetData></worksheet>`;
    const tall = `<worksheet><sheetData>${Array.from({ length: 20_000 }, (_, i) => `<row r="${i + 1}"><c t="inlineStr"><is><t>${i}</t></is></c><c><v>${i}</v></c></row>`).join('')}</sheetData></worksheet>`;
    for (const xml of [deep, wide, tall]) await readOrReject(workbookWith(xml));
  });
});

describe('XmlScanner', () => {
  type Event = [string, string, string | boolean];
  function scan(chunks: string[]): Event[] | XmlSyntaxError {
    const events: Event[] = [];
    const scanner = new XmlScanner({
      open: (name, tag, selfClosing) => events.push(['open', name, `${tag}|${selfClosing}`]),
      close: (name) => events.push(['close', name, '']),
      text: (text) => events.push(['text', text, '']),
    });
    try {
      for (const chunk of chunks) scanner.write(chunk);
      scanner.close();
      return events;
    } catch (error) {
      if (error instanceof XmlSyntaxError) return error;
      throw error;
    }
  }

  const xml = fc
    .array(
      fc.oneof(
        fc.constantFrom(
          '<a>',
          '</a>',
          '<b x="1>2"/>',
          "<c y='<'>",
          '&amp;',
          '&#65;',
          '&#x110000;',
          '&#1114112;',
          '&nope;',
          '<!--c-->',
          '<![CDATA[<]]>',
          '<?p?>',
          '<!DOCTYPE',
          '<',
          '>',
          '"',
          '&',
          '\u0000',
        ),
        fc.string({ maxLength: 5 }),
      ),
      { maxLength: 40 },
    )
    .map((parts) => parts.join(''));

  it('throws only XmlSyntaxError, and gives the same events however the text is cut into chunks', () => {
    fc.assert(
      fc.property(xml, fc.array(fc.nat(), { maxLength: 6 }), (text, cuts) => {
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...points].map((from, i) => text.slice(from, points[i] ?? text.length));
        const whole = scan([text]);
        const pieces = scan(chunks);
        if (whole instanceof XmlSyntaxError) expect(pieces).toBeInstanceOf(XmlSyntaxError);
        else expect(pieces).toEqual(whole);
      }),
      runs(500),
    );
  });
});

describe('encoding and layout detection', () => {
  it('detectEncoding names a decoder for any bytes, and reads any text without NULs written as UTF-8 as UTF-8', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), fc.boolean(), (bytes, complete) => {
        const { encoding } = detectEncoding(bytes, complete);
        expect(() => new TextDecoder(encoding).decode(bytes)).not.toThrow();
        expect(typeof mostlyUtf8(bytes, complete)).toBe('boolean');
      }),
      runs(500),
    );
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 200 }).filter((s) => !s.includes('\u0000')),
        (text) => {
          expect(detectEncoding(Buffer.from(text, 'utf8'), true).encoding).toBe('utf-8');
        },
      ),
      runs(500),
    );
  });

  it('sniffCsv gives a usable layout or a plain refusal for any text; a complete text never asks for more', () => {
    const text = fc.string({
      unit: fc.constantFrom(',', ';', '\t', '|', '"', '\n', '\r', '#', ' ', 'a', 'b', '1', '\u0000'),
      maxLength: 200,
    });
    fc.assert(
      fc.property(
        text,
        fc.boolean(),
        fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
        (t, complete, headerLine) => {
          const result = sniffCsv(t, complete, { headerLine });
          if (complete) expect(result).not.toBe('need-more');
          if (typeof result === 'object') {
            expect([',', ';', '\t', '|']).toContain(result.delimiter);
            expect(result.headerLine).toBeGreaterThanOrEqual(1);
            for (const column of result.columns) expect(typeof column).toBe('string');
          }
          expect([',', ';', '\t', '|']).toContain(detectDelimiter(t, detectNewline(t), complete));
        },
      ),
      runs(500),
    );
  });
});

describe('cell values', () => {
  const hostile = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({
      unit: fc.constantFrom(
        '0',
        '1',
        '9',
        '.',
        ',',
        '-',
        '+',
        '/',
        ':',
        ' ',
        'e',
        'E',
        '%',
        '$',
        '(',
        ')',
        'T',
        'Z',
        'a',
        'p',
        'm',
        'Mar',
        '\u00a0',
        '\u0000',
      ),
      maxLength: 40,
    }),
    // Long runs of one piece: the shape that makes a backtracking pattern take exponential time.
    fc
      .tuple(
        fc.constantFrom('1', ' ', '1 ', '1,', '1.', '12:', 'Mar ', 'a', '-', '0'),
        fc.integer({ min: 1_000, max: 30_000 }),
        fc.constantFrom('', 'x', '!', ' 2026'),
      )
      .map(([piece, n, end]) => piece.repeat(n) + end),
  );

  const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
  const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

  it('parseDate and parseInstant return a real date or instant, or a reason, for any text', () => {
    fc.assert(
      fc.property(
        hostile,
        fc.constantFrom(undefined, 'DMY', 'MDY'),
        fc.option(fc.integer({ min: -14 * 60, max: 14 * 60 }), { nil: undefined }),
        fc.constantFrom(undefined, 'America/New_York', 'Asia/Kolkata', 'Mars/Olympus', ''),
        (text, order, timeZoneOffsetMinutes, timeZone) => {
          const date = parseDate(text, { order });
          if (date.ok) {
            expect(date.value).toMatch(ISO_DATE);
            expect(new Date(`${date.value}T00:00:00Z`).toISOString().slice(0, 10)).toBe(date.value);
          } else expect(date.reason).not.toBe('');
          const instant = parseInstant(text, { order, timeZoneOffsetMinutes, timeZone });
          if (instant.ok) {
            expect(instant.value).toMatch(ISO_INSTANT);
            expect(new Date(instant.value).toISOString()).toBe(instant.value);
          } else expect(instant.reason).not.toBe('');
        },
      ),
      runs(400),
    );
  });

  it('parseDate reads back any calendar date it is given', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          expect(parseDate(iso)).toEqual({ ok: true, value: iso });
        },
      ),
      runs(300),
    );
  });

  it('numbers, money, e-mail and lists: a finite value or a reason, for any text', () => {
    fc.assert(
      fc.property(
        hostile,
        fc.constantFrom(undefined, '.', ','),
        fc.integer({ min: 0, max: 4 }),
        (text, decimalSeparator, decimals) => {
          const number = parseDecimal(text, { decimalSeparator });
          if (number.ok) expect(Number.isFinite(number.value)).toBe(true);
          else expect(number.reason).not.toBe('');
          const money = toMinorUnits(text, decimals, { decimalSeparator });
          if (money.ok) expect(Number.isSafeInteger(money.value)).toBe(true);
          else expect(money.reason).not.toBe('');
          const email = normalizeEmail(text);
          if (email.ok) expect(email.value).toMatch(/^[^\s@]+@[^\s@]+$/);
          for (const part of splitMulti(text)) expect(part).toBe(part.trim());
          expect(['.', ',', 'ambiguous', 'none']).toContain(detectDecimalSeparator([text, text.slice(1)]));
        },
      ),
      runs(400),
    );
  });

  it('plain amounts ("1234.50", "-3") read the same by the quick path as by the general parser', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^-?\d{1,17}(\.\d{1,17})?$/),
        fc.constantFrom(undefined, '.', ','),
        fc.integer({ min: 0, max: 4 }),
        (text, decimalSeparator, decimals) => {
          // Surrounding spaces keep a value off the quick path; the general parser trims them.
          const general = ` ${text} `;
          expect(parseDecimal(text, { decimalSeparator })).toEqual(
            parseDecimal(general, { decimalSeparator }),
          );
          expect(toMinorUnits(text, decimals, { decimalSeparator })).toEqual(
            toMinorUnits(general, decimals, { decimalSeparator }),
          );
        },
      ),
      runs(1000),
    );
  });

  it('toMinorUnits reads back any amount written with two decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (cents) => {
        const text = `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;
        expect(toMinorUnits(text)).toEqual({ ok: true, value: cents });
      }),
      runs(300),
    );
  });
});
