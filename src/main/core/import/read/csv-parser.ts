import Papa from 'papaparse';
import type { Delimiter } from './types';

export type Newline = '\n' | '\r\n' | '\r';

export interface ParsedChunk {
  rows: string[][];
  /** Quote problems, by index into rows. */
  errors: Array<{ code: 'MissingQuotes' | 'InvalidQuotes'; row: number }>;
  /** Characters of the input that belong to complete rows; the rest must be fed again. */
  consumed: number;
}

interface PapaResult {
  data: string[][];
  errors: Array<{ code: string; row?: number }>;
  meta: { cursor: number };
}

/**
 * RFC 4180 parser fed one chunk of text at a time. papaparse's core parser is used directly,
 * as its own streamers do: with `ignoreLastRow` it stops before the last, possibly incomplete
 * row and reports how far it got, so the caller carries that tail over into the next chunk.
 * This keeps the read loop pull-based (no event plumbing) and as fast as Papa's streamers.
 */
export function createChunkParser(delimiter: Delimiter, newline: Newline, preview = 0) {
  const parser = new Papa.Parser({ delimiter, newline, quoteChar: '"', preview });
  return (text: string, final: boolean): ParsedChunk => {
    const result = parser.parse(text, 0, !final) as PapaResult;
    const rows = result.data;
    const errors: ParsedChunk['errors'] = [];
    for (const e of result.errors) {
      // Errors about the unfinished row are dropped: that row is parsed again with the next chunk.
      if (
        (e.code === 'MissingQuotes' || e.code === 'InvalidQuotes') &&
        e.row !== undefined &&
        e.row < rows.length
      ) {
        errors.push({ code: e.code, row: e.row });
      }
    }
    return { rows, errors, consumed: final ? text.length : result.meta.cursor };
  };
}

/** Line-break character counted for physical line numbers (CRLF files are counted by LF). */
export function breakChar(newline: Newline): '\n' | '\r' {
  return newline === '\r' ? '\r' : '\n';
}

/** Occurrences of `ch` in text[0, end). */
export function countChar(text: string, ch: string, end = text.length): number {
  let n = 0;
  let i = text.indexOf(ch);
  while (i !== -1 && i < end) {
    n++;
    i = text.indexOf(ch, i + 1);
  }
  return n;
}

/** Physical lines a record occupies: one plus the line breaks inside its quoted fields. */
export function linesOf(row: readonly string[], ch: string): number {
  let lines = 1;
  for (const field of row) if (field.includes(ch)) lines += countChar(field, ch);
  return lines;
}
