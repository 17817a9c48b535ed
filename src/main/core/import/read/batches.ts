import type { RecordBatch, RowIssue, RowIssueKind } from './types';

export const DEFAULT_BATCH_SIZE = 2000;

const BAD_BYTES =
  'some bytes of this value are not valid UTF-8 and were read as "\uFFFD"; the file may have been damaged or mixes encodings';

export type QuoteProblem = Exclude<RowIssueKind, 'ragged'>;

/**
 * Numbers data records, skips the ones an earlier run already imported, attaches issues and
 * cuts batches of exactly `batchSize` rows. Shared by the CSV and xlsx readers so both count
 * and report the same way.
 */
export class BatchBuilder {
  private record = 0;
  private current: RecordBatch = emptyBatch();
  private readonly ready: RecordBatch[] = [];

  constructor(
    private readonly columnCount: number,
    private readonly batchSize: number,
    private readonly skip: number,
  ) {
    if (!Number.isInteger(batchSize) || batchSize < 1)
      throw new RangeError('batchSize must be a positive integer');
    if (!Number.isInteger(skip) || skip < 0)
      throw new RangeError('skipRecords must be a non-negative integer');
  }

  add(row: string[], line: number, problem?: QuoteProblem, badBytes = false): void {
    const record = ++this.record;
    if (record <= this.skip) return;
    const batch = this.current;
    batch.rows.push(row);
    batch.recordNumbers.push(record);
    batch.lines.push(line);
    if (row.length !== this.columnCount) {
      batch.issues.push(this.issue('ragged', record, line, row.length));
    }
    if (problem) batch.issues.push(this.issue(problem, record, line, row.length));
    if (badBytes) {
      row.forEach((cell, column) => {
        if (cell.includes('\uFFFD'))
          (batch.warnings ??= []).push({ record, line, column, message: BAD_BYTES });
      });
    }
    if (batch.rows.length >= this.batchSize) {
      this.ready.push(batch);
      this.current = emptyBatch();
    }
  }

  /** Full batches so far. */
  take(): RecordBatch[] {
    return this.ready.splice(0);
  }

  /** Full batches plus the last partial one; call once at the end. */
  finish(): RecordBatch[] {
    if (this.current.rows.length > 0) this.ready.push(this.current);
    this.current = emptyBatch();
    return this.take();
  }

  private issue(kind: RowIssueKind, record: number, line: number, actual: number): RowIssue {
    const expected = this.columnCount;
    // The message names no place: each reader of it puts the row (the file's line, the sheet's row) first.
    const message =
      kind === 'ragged'
        ? `${actual} ${actual === 1 ? 'value' : 'values'} where the header has ${expected} ${expected === 1 ? 'column' : 'columns'}`
        : kind === 'unterminated-quote'
          ? 'a quoted value is never closed, so everything after it was read as one value'
          : 'a quoted value has text after its closing quote';
    return { kind, record, line, expected, actual, message };
  }
}

function emptyBatch(): RecordBatch {
  return { rows: [], recordNumbers: [], lines: [], issues: [], bytesRead: 0 };
}
