import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '@fixtures/import/temp-files';
import {
  FileRejectedError,
  openTable,
  type RecordBatch,
  type RecordsOptions,
  type TableReader,
} from './index';

const files = makeTempDir();
afterAll(() => files.remove());

async function collect(table: TableReader, options?: RecordsOptions) {
  const batches: RecordBatch[] = [];
  for await (const batch of table.records(options)) batches.push(batch);
  return {
    batches,
    rows: batches.flatMap((b) => b.rows),
    records: batches.flatMap((b) => b.recordNumbers),
    lines: batches.flatMap((b) => b.lines),
    issues: batches.flatMap((b) => b.issues),
  };
}

const open = (name: string, text: string, chunkBytes?: number) =>
  openTable(files.write(name, text), { chunkBytes });

describe('RFC 4180 parsing', () => {
  const text =
    'id,note,amount\n' +
    '1,"line one\nline two",10\n' +
    '2,"say ""hi"", then go",20\n' +
    '3,"a, b; c",30\n' +
    '4,"",\n' +
    '5,"three\r\nline\r\nnote",50\n';

  it('reads quoted fields with delimiters, doubled quotes, line breaks and empty values', async () => {
    const { rows, records, lines, issues } = await collect(await open('quoted.csv', text));
    expect(rows).toEqual([
      ['1', 'line one\nline two', '10'],
      ['2', 'say "hi", then go', '20'],
      ['3', 'a, b; c', '30'],
      ['4', '', ''],
      ['5', 'three\r\nline\r\nnote', '50'],
    ]);
    expect(records).toEqual([1, 2, 3, 4, 5]);
    // Physical start line of each record: record 1 spans lines 2-3.
    expect(lines).toEqual([2, 4, 5, 6, 7]);
    expect(issues).toEqual([]);
  });

  it('gives the same rows, numbers and lines however the file is cut into chunks', async () => {
    const whole = await collect(await open('quoted-whole.csv', text));
    for (const chunkBytes of [1, 2, 3, 5, 7, 11, 16]) {
      const cut = await collect(await open(`quoted-${chunkBytes}.csv`, text, chunkBytes));
      expect({ rows: cut.rows, lines: cut.lines, records: cut.records }).toEqual({
        rows: whole.rows,
        lines: whole.lines,
        records: whole.records,
      });
    }
  });

  it('reads CRLF files and keeps line numbers right', async () => {
    const { rows, lines } = await collect(await open('crlf.csv', 'a,b\r\n1,"x\r\ny"\r\n2,z\r\n'));
    expect(rows).toEqual([
      ['1', 'x\r\ny'],
      ['2', 'z'],
    ]);
    expect(lines).toEqual([2, 4]);
  });

  it('reads semicolon and tab files', async () => {
    expect((await collect(await open('semi.csv', 'a;b\n1,5;"x;y"\n'))).rows).toEqual([['1,5', 'x;y']]);
    expect((await collect(await open('tab.tsv', 'a\tb\n1\t"x\ty"\n'))).rows).toEqual([['1', 'x\ty']]);
  });

  it('does not turn a trailing empty line at EOF into a row, and skips blank lines', async () => {
    const { rows, lines } = await collect(await open('blank.csv', 'a,b\n1,2\n\n3,4\n\n'));
    expect(rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(lines).toEqual([2, 4]);
    expect((await collect(await open('no-eol.csv', 'a,b\n1,2'))).rows).toEqual([['1', '2']]);
  });

  it('keeps formula-looking text exactly as written', async () => {
    const cells = ['=SUM(A1:A9)', '+1 617 555 0195', '-12', '@mention', '=HYPERLINK("http://x")', ' =1+1'];
    const csv = `a,b,c,d,e,f\n${cells.map((c) => (c.includes('"') ? `"${c.replace(/"/g, '""')}"` : c)).join(',')}\n`;
    expect((await collect(await open('formulas.csv', csv))).rows).toEqual([cells]);
  });

  it('keeps surrounding spaces and leading zeros', async () => {
    expect((await collect(await open('spaces.csv', 'zip,name\n02134, Ana \n'))).rows).toEqual([
      ['02134', ' Ana '],
    ]);
  });
});

describe('ragged rows', () => {
  it('reports rows with more or fewer fields than the header, keeping them as written', async () => {
    const { rows, issues } = await collect(
      await open('ragged.csv', 'a,b,c\n1,2,3\n4,5\n6,7,8,9\n"x\ny",1,2\n'),
    );
    expect(rows).toEqual([
      ['1', '2', '3'],
      ['4', '5'],
      ['6', '7', '8', '9'],
      ['x\ny', '1', '2'],
    ]);
    expect(issues).toEqual([
      {
        kind: 'ragged',
        record: 2,
        line: 3,
        expected: 3,
        actual: 2,
        message: '2 values where the header has 3 columns',
      },
      {
        kind: 'ragged',
        record: 3,
        line: 4,
        expected: 3,
        actual: 4,
        message: '4 values where the header has 3 columns',
      },
    ]);
  });

  it('reports an unclosed quote at the end of the file on its record', async () => {
    const { rows, issues } = await collect(await open('unclosed.csv', 'a,b\n1,2\n3,"never closed\n4,5\n'));
    expect(rows).toEqual([
      ['1', '2'],
      ['3', 'never closed\n4,5\n'],
    ]);
    expect(issues.map((i) => [i.kind, i.record, i.line])).toEqual([['unterminated-quote', 2, 3]]);
  });

  it('reports text after a closing quote (the value then runs on to the next proper closing quote)', async () => {
    const { rows, issues } = await collect(await open('bad-quote.csv', 'a,b\n1,"x"y\n2,"3"\n'));
    expect(rows).toEqual([['1', 'x"y\n2,"3']]);
    expect(issues.map((i) => [i.kind, i.record, i.line])).toEqual([['malformed-quotes', 1, 2]]);
  });

  it('keeps a quote inside an unquoted value as a literal character', async () => {
    const { rows, issues } = await collect(await open('inner-quote.csv', 'a,b\n1,x"y"z\n3,4\n'));
    expect(rows).toEqual([
      ['1', 'x"y"z'],
      ['3', '4'],
    ]);
    expect(issues).toEqual([]);
  });

  it('rejects the file when a quote is left open for megabytes instead of loading it all', async () => {
    const body = 'n,text\n1,"starts here\n' + 'more text without quotes\n'.repeat(800_000);
    const table = await open('runaway.csv', body);
    const error = await collect(table).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileRejectedError);
    expect((error as FileRejectedError).message).toBe(
      'runaway.csv: the quoted value that starts on line 2 never ends; look for a stray double quote on that line',
    );
  });
});

describe('batches, preamble and resume', () => {
  const rowsText = Array.from({ length: 25 }, (_, i) => `${i + 1},name ${i + 1}`).join('\n');
  const text = `# exported 2026-10-01\n#\nid,name\n${rowsText}\n`;

  it('cuts batches of the requested size, numbering records after the preamble and header', async () => {
    const table = await open('batches.csv', text, 16);
    expect(table.headerLine).toBe(3);
    const { batches, records, lines } = await collect(table, { batchSize: 10 });
    expect(batches.map((b) => b.rows.length)).toEqual([10, 10, 5]);
    expect(records).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(lines[0]).toBe(4);
    expect(lines.at(-1)).toBe(28);
    expect(batches.at(-1)?.bytesRead).toBe(table.size);
  });

  it('resumes after a number of records already imported', async () => {
    const table = await open('resume.csv', text, 16);
    const { rows, records, lines } = await collect(table, { skipRecords: 18, batchSize: 4 });
    expect(records).toEqual([19, 20, 21, 22, 23, 24, 25]);
    expect(rows[0]).toEqual(['19', 'name 19']);
    expect(lines[0]).toBe(22);
    expect((await collect(table, { skipRecords: 25 })).rows).toEqual([]);
    expect((await collect(table, { skipRecords: 99 })).rows).toEqual([]);
  });

  it('can be read again, and stopped early', async () => {
    const table = await open('again.csv', text);
    for await (const batch of table.records({ batchSize: 5 })) {
      expect(batch.recordNumbers[0]).toBe(1);
      break;
    }
    expect((await collect(table)).rows).toHaveLength(25);
  });

  it('stops with the abort reason when cancelled', async () => {
    const table = await open('cancel.csv', text, 8);
    const controller = new AbortController();
    const seen: number[] = [];
    const run = (async () => {
      for await (const batch of table.records({ batchSize: 5, signal: controller.signal })) {
        seen.push(...batch.recordNumbers);
        controller.abort(new Error('cancelled by user'));
      }
    })();
    await expect(run).rejects.toThrow('cancelled by user');
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });

  it('rejects invalid batch options', async () => {
    const table = await open('options.csv', text);
    await expect(collect(table, { batchSize: 0 })).rejects.toThrow(RangeError);
    await expect(collect(table, { skipRecords: -1 })).rejects.toThrow(RangeError);
  });
});

describe('large files', () => {
  it('streams: a batch arrives after reading only the start of the file, and memory stays flat', async () => {
    const line = '12345,"Some Name","some.person@example.com","+1 617 555 0195",1234.56,"note, with comma"\n';
    const path = files.write('large.csv', 'id,name,email,phone,amount,note\n' + line.repeat(400_000));
    const table = await openTable(path);
    expect(table.size).toBeGreaterThan(35_000_000);
    let rows = 0;
    let firstBatchBytes = -1;
    let peak = 0;
    const base = process.memoryUsage().heapUsed;
    for await (const batch of table.records()) {
      if (firstBatchBytes < 0) firstBatchBytes = batch.bytesRead;
      rows += batch.rows.length;
      peak = Math.max(peak, process.memoryUsage().heapUsed - base);
    }
    expect(rows).toBe(400_000);
    expect(firstBatchBytes).toBeLessThan(512 * 1024);
    // Holding all parsed rows of this file takes about 150 MB; streaming peaks near 16 MB.
    expect(peak).toBeLessThan(64 * 1024 * 1024);
  });
});
