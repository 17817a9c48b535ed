import { createReadStream } from 'node:fs';
import { decideAsciiHeadEncoding } from './ascii-scan';
import { BatchBuilder, DEFAULT_BATCH_SIZE, type QuoteProblem } from './batches';
import { breakChar, countChar, createChunkParser, linesOf, type ParsedChunk } from './csv-parser';
import { detectEncoding, looksLikeBinaryText, SNIFF_BYTES } from './encoding';
import { FileRejectedError } from './errors';
import { readHead } from './file-head';
import { sniffCsv, type CsvLayout } from './sniff';
import type { OpenTableOptions, RecordBatch, RecordsOptions, TableReader, TextEncodingName } from './types';

/** 64 KiB reads measured fastest: larger chunks cost more in string building and GC. */
const DEFAULT_CHUNK_BYTES = 64 * 1024;
/** Heads tried in turn when a long preamble or huge first records hide the header. */
const HEAD_SIZES = [SNIFF_BYTES, 1024 * 1024, 16 * 1024 * 1024];
/** No real record is this long; an unclosed quote would otherwise pull the whole file into memory. */
const MAX_RECORD_CHARS = 16 * 1024 * 1024;
/** Above this, a tail that is inside a quote is only re-parsed once a chunk brings a quote. */
const LONG_TAIL = 1024 * 1024;

export interface CsvSource {
  path: string;
  fileName: string;
  size: number;
  head: Buffer;
}

export async function openCsv(source: CsvSource, options: OpenTableOptions): Promise<TableReader> {
  const { path, fileName, size } = source;
  const detected = detectEncoding(source.head, source.head.length === size);
  let encoding = options.encoding ?? detected.encoding;
  if (!options.encoding && detected.undecided)
    encoding = await decideAsciiHeadEncoding(path, source.head.length);

  const layout = await sniffFile(source, encoding, options);
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  return {
    fileName,
    size,
    format: 'csv',
    encoding,
    bom: detected.bom,
    delimiter: layout.delimiter,
    headerLine: layout.headerLine,
    columns: layout.columns,
    sheet: null,
    sheets: [],
    records: (recordsOptions?: RecordsOptions) =>
      readRecords({ path, fileName, encoding, layout, chunkBytes }, recordsOptions ?? {}),
  };
}

async function sniffFile(
  source: CsvSource,
  encoding: TextEncodingName,
  options: OpenTableOptions,
): Promise<CsvLayout> {
  const { fileName, size } = source;
  for (const [attempt, bytes] of HEAD_SIZES.entries()) {
    const head = attempt === 0 ? source.head : await readHead(source.path, bytes);
    const complete = head.length >= size;
    const text = new TextDecoder(encoding).decode(head, { stream: !complete });
    if (attempt === 0 && looksLikeBinaryText(text)) {
      throw new FileRejectedError(
        fileName,
        'binary',
        'this is not a CSV, TSV or Excel file (it looks like binary data)',
      );
    }
    if (complete && text.trim() === '') {
      throw new FileRejectedError(fileName, 'empty', 'the file has no content (only blank lines)');
    }
    // On the last try the head is judged as it is, so a quote left open in the first records
    // is reported by the record reader (with its line) rather than as a missing header.
    const last = attempt === HEAD_SIZES.length - 1;
    const result = sniffCsv(text, complete || last, options);
    if (result === 'no-header') {
      throw new FileRejectedError(
        fileName,
        'no-header',
        'no header row was found (the file has only comments or blank lines)',
      );
    }
    if (result !== 'need-more') return result;
    if (complete) break;
  }
  throw new FileRejectedError(fileName, 'no-header', 'no header row was found near the top of the file');
}

interface ReadPlan {
  path: string;
  fileName: string;
  encoding: TextEncodingName;
  layout: CsvLayout;
  chunkBytes: number;
}

async function* readRecords(plan: ReadPlan, options: RecordsOptions): AsyncGenerator<RecordBatch> {
  const { path, fileName, encoding, chunkBytes } = plan;
  const { delimiter, newline, headerLine, columns } = plan.layout;
  const builder = new BatchBuilder(
    columns.length,
    options.batchSize ?? DEFAULT_BATCH_SIZE,
    options.skipRecords ?? 0,
  );
  const decoder = new TextDecoder(encoding);
  const parse = createChunkParser(delimiter, newline);
  const br = breakChar(newline);

  let linesToSkip = headerLine - 1;
  let headerSeen = false;
  let line = headerLine;
  let tail = '';
  let tailInQuote = false;

  const consume = (input: string, { rows, errors, consumed }: ParsedChunk, final: boolean): void => {
    const problems = errors.length > 0 ? problemsByRow(errors) : undefined;
    // Bytes that are not valid UTF-8 decode to U+FFFD: such rows are kept, with a warning per cell.
    const badBytes = encoding === 'utf-8' && input.includes('\uFFFD');
    // Each row ends with one line break (the last row of the file may not). Breaks beyond
    // those are inside quoted values; rows are scanned field by field for them (the costliest
    // step after parsing) only until all of them have been found.
    const terminators = final ? rows.length - 1 : rows.length;
    let inside = input.includes('"') ? countChar(input, br, consumed) - terminators : 0;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as string[];
      const start = line;
      const lines = inside > 0 ? linesOf(row, br) : 1;
      inside -= lines - 1;
      line += lines;
      if (!headerSeen) {
        headerSeen = true;
        continue;
      }
      if (row.length === 1 && row[0] === '') continue; // blank line, including the one before EOF
      builder.add(row, start, problems?.get(i), badBytes);
    }
  };

  const stream = createReadStream(path, { highWaterMark: chunkBytes });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      options.signal?.throwIfAborted();
      let text = decoder.decode(chunk, { stream: true });
      if (linesToSkip > 0) {
        [text, linesToSkip] = dropLines(text, linesToSkip, br);
        if (text === '') continue;
      }
      if (tailInQuote && !text.includes('"')) {
        tail += text;
        if (tail.length > MAX_RECORD_CHARS) throw overLong(fileName, line, tail);
        continue;
      }
      const input = tail + text;
      const parsed = parse(input, false);
      consume(input, parsed, false);
      tail = input.slice(parsed.consumed);
      if (tail.length > MAX_RECORD_CHARS) throw overLong(fileName, line, tail);
      tailInQuote = tail.length > LONG_TAIL && countChar(tail, '"') % 2 === 1;
      yield* withProgress(builder.take(), stream.bytesRead);
    }
    options.signal?.throwIfAborted();
    const input = tail + decoder.decode();
    consume(input, parse(input, true), true);
    yield* withProgress(builder.finish(), stream.bytesRead);
  } finally {
    stream.destroy();
  }
}

function withProgress(batches: RecordBatch[], bytesRead: number): RecordBatch[] {
  for (const batch of batches) batch.bytesRead = bytesRead;
  return batches;
}

function problemsByRow(errors: ParsedChunk['errors']): Map<number, QuoteProblem> {
  const map = new Map<number, QuoteProblem>();
  for (const e of errors) {
    // An unclosed quote outweighs a malformed one on the same row: it swallowed the rest of the file.
    if (e.code === 'MissingQuotes' || !map.has(e.row)) {
      map.set(e.row, e.code === 'MissingQuotes' ? 'unterminated-quote' : 'malformed-quotes');
    }
  }
  return map;
}

/** Drops preamble lines (already sniffed) by physical line, without parsing them. */
function dropLines(text: string, count: number, br: string): [string, number] {
  let start = 0;
  while (count > 0) {
    const end = text.indexOf(br, start);
    if (end === -1) return ['', count];
    start = end + 1;
    count--;
  }
  return [text.slice(start), 0];
}

/** A record over the limit: an unclosed quote when it holds one, else a file without line breaks. */
function overLong(fileName: string, line: number, tail: string): FileRejectedError {
  if (!tail.includes('"'))
    return new FileRejectedError(
      fileName,
      'unreadable',
      `the record that starts on line ${line} is longer than 16 MB with no line break: this does not look like a CSV or TSV export`,
    );
  return new FileRejectedError(
    fileName,
    'unbalanced-quote',
    `the quoted value that starts on line ${line} never ends; look for a stray double quote on that line`,
  );
}
