import type { DateEvidence } from '@shared/import/date-order';

/** Text encodings the reader can detect; names are WHATWG TextDecoder labels. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Field delimiters the sniffer chooses between. */
export type Delimiter = ',' | ';' | '\t' | '|';

export type TableFormat = 'csv' | 'xlsx';

/** What the reader learned about a file before reading its records. */
export interface TableInfo {
  /** Base name of the file, used in every message shown to the user. */
  fileName: string;
  /** File size in bytes; with RecordBatch.bytesRead it gives a progress fraction. */
  size: number;
  format: TableFormat;
  /** Text encoding of a CSV/TSV file; null for xlsx (its XML is always Unicode). */
  encoding: TextEncodingName | null;
  /** True when the file starts with a byte-order mark. */
  bom: boolean;
  /** Null for xlsx. A single-column CSV reports ',' (nothing to split on). */
  delimiter: Delimiter | null;
  /** 1-based physical line (CSV) or sheet row (xlsx) of the header. */
  headerLine: number;
  /** Header cells exactly as written (BOM removed, never trimmed or renamed). */
  columns: string[];
  /** Sheet that is read (xlsx only). */
  sheet: string | null;
  /** Every sheet name in the workbook (xlsx only; empty for CSV). */
  sheets: string[];
}

export type RowIssueKind = 'ragged' | 'unterminated-quote' | 'malformed-quotes';

/** A problem with one record: reported to the caller, never repaired silently. */
export interface RowIssue {
  kind: RowIssueKind;
  /** 1-based record number (first record after the header is 1). */
  record: number;
  /** 1-based physical line (or sheet row) where the record starts. */
  line: number;
  /** Header column count and the record's field count (ragged rows). */
  expected: number;
  actual: number;
  /** Plain-language sentence for the error list. */
  message: string;
}

/** A value read, but not exactly as the file meant it. */
export interface CellWarning {
  record: number;
  line: number;
  /** 0-based column index. */
  column: number;
  message: string;
}

export interface RecordBatch {
  /** Field values exactly as in the file; a ragged row keeps its own length. */
  rows: string[][];
  /** 1-based record number of each row (same index as rows). */
  recordNumbers: number[];
  /** 1-based physical line (or sheet row) where each row starts. */
  lines: number[];
  /** Issues for rows of this batch. */
  issues: RowIssue[];
  /** Cells of this batch's rows that are imported but deserve a word (bytes that were not valid UTF-8). */
  warnings?: CellWarning[];
  /** File bytes read when the batch was cut, for progress reporting. */
  bytesRead: number;
}

export interface RecordsOptions {
  /** Records to pass over before the first batch, to resume an interrupted import. */
  skipRecords?: number;
  /** Rows per batch (default 2000): one write transaction per batch. */
  batchSize?: number;
  signal?: AbortSignal;
}

export interface TableReader extends TableInfo {
  /** Streams the data records; each call starts again from the top of the file. */
  records(options?: RecordsOptions): AsyncIterable<RecordBatch>;
}

export interface OpenTableOptions {
  /** Override detection when the user picked an encoding by hand. */
  encoding?: TextEncodingName;
  /** Override detection when the user picked a delimiter by hand. */
  delimiter?: Delimiter;
  /** Override header detection (1-based line or sheet row). */
  headerLine?: number;
  /** Sheet name or 0-based index (xlsx only); default the first sheet. */
  sheet?: string | number;
  /** Read size in bytes; small values let tests split records across chunks. */
  chunkBytes?: number;
}

export interface TablePreview extends TableInfo {
  /** Number of data records in the whole file. */
  records: number;
  /** The first n records. */
  sample: string[][];
  /** How many issues the records have in all, and the first few of them. */
  issueCount: number;
  issues: RowIssue[];
  /** Per column, what all its values say about day/month order (see src/shared/import/date-order.ts). */
  dateEvidence: DateEvidence[];
}
