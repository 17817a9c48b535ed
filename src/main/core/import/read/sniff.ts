import { breakChar, createChunkParser, linesOf, type Newline } from './csv-parser';
import { locateHeader, modeOf, type SampleRecord } from './layout';
import type { Delimiter } from './types';

export interface CsvLayout {
  delimiter: Delimiter;
  newline: Newline;
  headerLine: number;
  columns: string[];
}

/** 'need-more': the head ends before the header and a few records after it could be seen. */
export type SniffResult = CsvLayout | 'need-more' | 'no-header';

export interface SniffOverrides {
  delimiter?: Delimiter;
  headerLine?: number;
}

const SAMPLE_RECORDS = 200;

/** Prefer the rarer character when two delimiters split the sample equally well. */
const CANDIDATES: readonly Delimiter[] = ['\t', '|', ';', ','];

/**
 * Finds delimiter, line break and header row in the decoded head of a file.
 * @param complete true when text is the whole file
 */
export function sniffCsv(text: string, complete: boolean, overrides: SniffOverrides = {}): SniffResult {
  const newline = detectNewline(text);
  const br = breakChar(newline);
  if (overrides.headerLine !== undefined) return headerAt(text, complete, newline, overrides);

  // Leading '#' comments (GA4) and blank lines are removed by physical line before any quote
  // parsing, so a stray quote in a comment cannot swallow the lines after it.
  let start = 0;
  let line = 1;
  let lastComment: { start: number; line: number } | null = null;
  for (;;) {
    const end = text.indexOf(br, start);
    if (end === -1 && !complete) return 'need-more';
    const content = text.slice(start, end === -1 ? text.length : end);
    const isComment = content.startsWith('#');
    if (!isComment && content.trim() !== '') break;
    lastComment = isComment ? { start, line } : null;
    if (end === -1) return 'no-header';
    start = end + 1;
    line++;
  }
  const body = text.slice(start);
  const delimiter = overrides.delimiter ?? detectDelimiter(body, newline, complete);

  const parse = createChunkParser(delimiter, newline, SAMPLE_RECORDS);
  const records = toRecords(parse(body, complete).rows, line, br);

  // "#,Name,Email" is a header whose first column is called "#", not a comment: it is as wide
  // as the table under it.
  if (lastComment && lastComment.line === line - 1) {
    const cells =
      createChunkParser(delimiter, newline, 1)(text.slice(lastComment.start, start), true).rows[0] ?? [];
    const widths = records
      .slice(0, 50)
      .filter((r) => r.cells.some((c) => c !== ''))
      .map((r) => r.cells.length);
    if (cells.length >= 2 && cells.length === modeOf(widths))
      records.unshift({ cells, line: lastComment.line });
  }

  const index = locateHeader(records, (cells) => cells.length);
  if (!complete && (index === -1 || index === records.length - 1)) return 'need-more';
  const header = records[index];
  if (!header) return 'no-header';
  return { delimiter, newline, headerLine: header.line, columns: [...header.cells] };
}

function headerAt(text: string, complete: boolean, newline: Newline, overrides: SniffOverrides): SniffResult {
  const br = breakChar(newline);
  let start = 0;
  for (let line = 1; line < (overrides.headerLine ?? 1); line++) {
    const end = text.indexOf(br, start);
    if (end === -1) return complete ? 'no-header' : 'need-more';
    start = end + 1;
  }
  const body = text.slice(start);
  const delimiter = overrides.delimiter ?? detectDelimiter(body, newline, complete);
  const header = createChunkParser(delimiter, newline, 1)(body, complete).rows[0];
  if (!header) return complete ? 'no-header' : 'need-more';
  return { delimiter, newline, headerLine: overrides.headerLine ?? 1, columns: header };
}

function toRecords(rows: string[][], firstLine: number, br: string): SampleRecord[] {
  let line = firstLine;
  return rows.map((cells) => {
    const record = { cells, line };
    line += linesOf(cells, br);
    return record;
  });
}

/**
 * The delimiter that splits the first records into the same number of fields most often
 * (quotes respected). Field counts of 1 mean the character does not occur: a single-column
 * file has no delimiter to find and reads as ','.
 */
export function detectDelimiter(body: string, newline: Newline, complete: boolean): Delimiter {
  let best: Delimiter = ',';
  let bestScore = 0;
  let bestWidth = 1;
  for (const candidate of CANDIDATES) {
    const rows = createChunkParser(candidate, newline, 30)(body, complete).rows;
    const widths = rows.filter((r) => r.length > 1 || (r[0] ?? '') !== '').map((r) => r.length);
    if (widths.length === 0) continue;
    const width = modeOf(widths);
    if (width < 2) continue;
    const score = widths.filter((w) => w === width).length / widths.length;
    if (score > bestScore || (score === bestScore && width > bestWidth)) {
      best = candidate;
      bestScore = score;
      bestWidth = width;
    }
  }
  return best;
}

/**
 * The first line break decides. Not quote-aware on purpose: a stray quote in a preamble line
 * would otherwise hide every break after it, while a header cell with a line break in it is
 * rarer still.
 */
export function detectNewline(text: string): Newline {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  if (cr === -1 || (lf !== -1 && lf < cr)) return '\n';
  return text.charCodeAt(cr + 1) === 0x0a ? '\r\n' : '\r';
}
