// Property-based tests of the workbook reader: a valid workbook with bytes flipped, cut or spliced, random
// XML in its parts, and sheets nested or wide beyond reason end in rows or a FileRejectedError naming the
// file. Zip bombs have their own tests in xlsx-stream.test.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeXlsx, makeZip } from '@fixtures/import/make-xlsx';
import { fuzzFiles, runs } from './fuzz-support';
import { FileRejectedError, openTable } from './index';

const files = fuzzFiles();

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
        await files.readOrReject(mutate(base));
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
    const far = await files.readOrReject(
      workbookWith(sheet('<row r="1"><c r="A1"><v>1</v></c><c r="ZZZZZZ1"><v>2</v></c></row>')),
    );
    expect(far).toBeInstanceOf(FileRejectedError);
    expect((far as Error).message).toMatch(/beyond column XFD/);
    const dates = await files.readOrReject(
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
        workbookWith(
          sheet(
            '</row><row r="3"><c t="inlineStr"><is><t>Name</t></is></c></row><row r="2"><c><v>1</v></c></row>' +
              '<row r="x"><c><v>2</v></c></row><row r="-4"><c><v>3</v></c></row><row r="9"><c><v>4</v></c></row>',
          ),
        ),
        'xlsx',
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
          await files.readOrReject(workbookWith(sheetXml, shared, styles));
        },
      ),
      runs(200),
    );
  });

  it('deeply nested and very wide sheets end in rows or a rejection', async () => {
    const deep = `<worksheet><sheetData>${'<row>'.repeat(50_000)}${'</row>'.repeat(50_000)}</sheetData></worksheet>`;
    const wide = `<worksheet><sheetData><row r="1">${'<c t="inlineStr"><is><t>h</t></is></c>'.repeat(20_000)}</row></sheetData></worksheet>`;
    const tall = `<worksheet><sheetData>${Array.from({ length: 20_000 }, (_, i) => `<row r="${i + 1}"><c t="inlineStr"><is><t>${i}</t></is></c><c><v>${i}</v></c></row>`).join('')}</sheetData></worksheet>`;
    for (const xml of [deep, wide, tall]) await files.readOrReject(workbookWith(xml));
  });
});
