import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { CsvOptions } from '@shared/api/exports';
import { cellText, quoted, type CellValue, type ColumnType } from './cells';
import { encoderFor, UnencodableError, type Encoder } from './encoding';

/** Text gathered before it is encoded and written: large enough for few writes, small enough to stay flat. */
const CHUNK_CHARS = 256 * 1024;

export interface CsvColumn {
  header: string;
  type: ColumnType;
}

/**
 * Writes a CSV file row by row: cells are formatted, quoted and encoded in chunks, so the file is never
 * whole in memory. Everything goes to a temporary file beside the destination that `finish` flushes and
 * renames into place, so a failed or refused export leaves no half-written file and the old file intact.
 */
export class CsvFileWriter {
  private readonly fd: number;
  private readonly temp: string;
  private readonly encoder: Encoder;
  private readonly delimiter: string;
  private chunk = '';
  private closed = false;
  private headerFlushed = false;
  private flushedRows = 0;
  rows = 0;
  bytes = 0;

  constructor(
    readonly path: string,
    private readonly columns: readonly CsvColumn[],
    options: CsvOptions,
  ) {
    this.delimiter = options.delimiter;
    this.encoder = encoderFor(options.encoding, options.unencodable === 'replace');
    this.temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
    this.fd = openSync(this.temp, 'wx');
    this.put(this.encoder.preamble);
    this.chunk = columns.map((c) => quoted(c.header, this.delimiter)).join(this.delimiter) + '\r\n';
  }

  get replaced(): number {
    return this.encoder.replaced;
  }

  /** One record; `values` are in the columns' order. */
  write(values: readonly CellValue[]): void {
    let line = '';
    for (let i = 0; i < this.columns.length; i++) {
      const column = this.columns[i] as CsvColumn;
      if (i > 0) line += this.delimiter;
      line += quoted(cellText(values[i] ?? null, column.type), this.delimiter);
    }
    this.chunk += line + '\r\n';
    this.rows++;
    if (this.chunk.length >= CHUNK_CHARS) this.flush();
  }

  /** Writes what is left, syncs the file to disk and renames it over the destination. */
  finish(): void {
    this.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.closed = true;
    renameSync(this.temp, this.path);
  }

  /** Drops the temporary file; the destination is untouched. */
  abort(): void {
    if (!this.closed) closeSync(this.fd);
    this.closed = true;
    rmSync(this.temp, { force: true });
  }

  private flush(): void {
    if (this.chunk === '') return;
    const text = this.chunk;
    this.chunk = '';
    try {
      this.put(this.encoder.encode(text));
    } catch (error) {
      if (error instanceof UnencodableError)
        throw new UnencodableRowError(error, this.rowOf(text, error.offset));
      throw error;
    }
    this.headerFlushed = true;
    this.flushedRows = this.rows;
  }

  /** The data row (1 = the first under the header) a character of the chunk just flushed belongs to. */
  private rowOf(chunk: string, offset: number): number {
    let ends = 0;
    for (let i = chunk.indexOf('\r\n'); i !== -1 && i < offset; i = chunk.indexOf('\r\n', i + 2)) ends++;
    return this.flushedRows === 0 && !this.headerFlushed ? ends : this.flushedRows + ends + 1;
  }

  private put(buffer: Buffer): void {
    let done = 0;
    while (done < buffer.length) done += writeSync(this.fd, buffer, done, buffer.length - done);
    this.bytes += buffer.length;
  }
}

/** windows-1252 was asked for and a cell holds a character it has no byte for. */
export class UnencodableRowError extends Error {
  override readonly name = 'UnencodableRowError';
  constructor(
    readonly unencodable: UnencodableError,
    readonly row: number,
  ) {
    super(
      `row ${row} holds ${unencodable.message}, which windows-1252 cannot store: export as UTF-8, or let Tandem write "?" instead`,
    );
  }
}
