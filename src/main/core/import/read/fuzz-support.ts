// What the reader's property-based tests share: run counts (TANDEM_FUZZ_SEED replays a failure), a
// temporary folder, and reading a file to rows or a FileRejectedError with every batch's shape checked.
import fc from 'fast-check';
import { afterAll, expect } from 'vitest';
import { makeTempDir } from '@fixtures/import/temp-files';
import { FileRejectedError, openTable, type RecordBatch, type TableReader } from './index';

export const runs = (numRuns: number) => ({
  numRuns,
  seed: process.env.TANDEM_FUZZ_SEED ? Number(process.env.TANDEM_FUZZ_SEED) : undefined,
});

/** Reads a whole table, checking each batch's shape on the way (one expect per batch: expect is slow in loops). */
export async function readAll(table: TableReader, batchSize: number): Promise<string[][]> {
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

/** A temporary folder for one test file's inputs, removed after its tests. */
export function fuzzFiles() {
  const files = makeTempDir('tandem-fuzz-');
  afterAll(() => files.remove());
  let fileNumber = 0;
  return {
    /** Writes the bytes under a new name ending in `extension`; returns the path. */
    write: (bytes: Uint8Array | string, extension = 'csv') =>
      files.write(`fuzz-${++fileNumber}.${extension}`, bytes),
    /**
     * Writes the bytes to a file and reads it: the outcome is rows, or a FileRejectedError whose message
     * starts with the file's name. Any other exception fails the property.
     */
    async readOrReject(
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
    },
  };
}

export const PREFIXES: Uint8Array[] = [
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
export const texty = fc
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
