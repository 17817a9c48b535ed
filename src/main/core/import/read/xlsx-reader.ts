import readXlsxFile from 'read-excel-file/node';
import { BatchBuilder, DEFAULT_BATCH_SIZE } from './batches';
import { FileRejectedError } from './errors';
import { locateHeader, usedWidth } from './layout';
import { plainDecimal } from './plain-decimal';
import type { OpenTableOptions, RecordBatch, RecordsOptions, TableReader } from './types';

/**
 * read-excel-file unpacks a whole sheet into memory, so a very large workbook would take the
 * app down with it; such a file is better saved as CSV, which is streamed.
 */
export const MAX_XLSX_BYTES = 64 * 1024 * 1024;

/** Marks numeric cells so they are told apart from text cells that merely look numeric. */
class SheetNumber {
  constructor(readonly raw: string) {}
}

export interface XlsxSource {
  path: string;
  fileName: string;
  size: number;
}

export async function openXlsx(source: XlsxSource, options: OpenTableOptions): Promise<TableReader> {
  const { path, fileName, size } = source;
  if (size > MAX_XLSX_BYTES) {
    const mb = Math.round(size / (1024 * 1024));
    throw new FileRejectedError(
      fileName,
      'too-large',
      `this Excel file is too large to import directly (${mb} MB); save the sheet as CSV and import that`,
    );
  }
  const workbook = await loadWorkbook(path, fileName);
  const sheets = workbook.map((s) => s.sheet);
  const chosen = pickSheet(workbook, options.sheet);
  if (!chosen) {
    const wanted =
      typeof options.sheet === 'number' ? `number ${options.sheet + 1}` : `named "${options.sheet}"`;
    throw new FileRejectedError(
      fileName,
      'sheet-not-found',
      `there is no sheet ${wanted} (sheets: ${sheets.join(', ')})`,
    );
  }

  const rows = chosen.data as unknown[][];
  const headerIndex =
    options.headerLine !== undefined
      ? options.headerLine - 1
      : locateHeader(
          rows.slice(0, 200).map((cells, i) => ({ cells: cells.map(cellText), line: i + 1 })),
          usedWidth,
        );
  const headerRow = rows[headerIndex];
  if (headerIndex < 0 || !headerRow) {
    const detail =
      rows.length === 0
        ? `the sheet "${chosen.sheet}" is empty`
        : `no header row was found in the sheet "${chosen.sheet}"`;
    throw new FileRejectedError(fileName, rows.length === 0 ? 'empty' : 'no-header', detail);
  }
  const headerCells = headerRow.map(cellText);
  const columns = headerCells.slice(0, usedWidth(headerCells));

  return {
    fileName,
    size,
    format: 'xlsx',
    encoding: null,
    bom: false,
    delimiter: null,
    headerLine: headerIndex + 1,
    columns,
    sheet: chosen.sheet,
    sheets,
    records: (recordsOptions?: RecordsOptions) =>
      readRows(rows, headerIndex, columns.length, size, recordsOptions ?? {}),
  };
}

async function loadWorkbook(path: string, fileName: string) {
  try {
    return await readXlsxFile<SheetNumber>(path, { trim: false, parseNumber: (raw) => new SheetNumber(raw) });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EPERM' || code === 'EISDIR') throw error;
    const detail =
      code === 'XLS_FILE_NOT_SUPPORTED'
        ? 'this is an old Excel 97-2003 (.xls) or password-protected workbook; save it as .xlsx or CSV and import that'
        : 'this is not a CSV, TSV or Excel file (it looks like binary data: a ZIP archive that is not a readable Excel workbook)';
    throw new FileRejectedError(fileName, 'binary', detail, { cause: error });
  }
}

function pickSheet<T extends { sheet: string }>(
  workbook: T[],
  wanted: string | number | undefined,
): T | undefined {
  if (wanted === undefined) return workbook[0];
  if (typeof wanted === 'number') return workbook[wanted];
  return (
    workbook.find((s) => s.sheet === wanted) ??
    workbook.find((s) => s.sheet.toLowerCase() === wanted.toLowerCase())
  );
}

async function* readRows(
  rows: unknown[][],
  headerIndex: number,
  columnCount: number,
  size: number,
  options: RecordsOptions,
): AsyncGenerator<RecordBatch> {
  const builder = new BatchBuilder(
    columnCount,
    options.batchSize ?? DEFAULT_BATCH_SIZE,
    options.skipRecords ?? 0,
    'sheet row',
  );
  for (let i = headerIndex + 1; i < rows.length; i++) {
    options.signal?.throwIfAborted();
    const cells = (rows[i] ?? []).map(cellText);
    if (cells.every((c) => c === '')) continue;
    builder.add(fitToHeader(cells, columnCount), i + 1);
    const ready = builder.take();
    const bytesRead = Math.round((size * (i + 1)) / rows.length);
    for (const batch of ready) {
      batch.bytesRead = bytesRead;
      yield batch;
    }
  }
  for (const batch of builder.finish()) {
    batch.bytesRead = size;
    yield batch;
  }
}

/**
 * A sheet pads every row to its widest row, so empty cells past the header are padding, not
 * data. Only a row with values beyond the header keeps its extra cells, and is reported ragged.
 */
function fitToHeader(cells: string[], columnCount: number): string[] {
  const width = usedWidth(cells);
  if (width > columnCount) return cells.slice(0, width);
  if (cells.length === columnCount) return cells;
  const fitted = cells.slice(0, columnCount);
  while (fitted.length < columnCount) fitted.push('');
  return fitted;
}

/** Cell value as the text a person sees, in the import's conventions (ISO dates). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (value instanceof SheetNumber) return plainDecimal(value.raw);
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return plainDecimal(String(value));
  return String(value);
}

/**
 * Sheet dates are day counts read as UTC wall time. A whole day becomes YYYY-MM-DD; a time of
 * day is kept as local wall time "YYYY-MM-DD HH:MM:SS", rounded to the second because the day
 * fraction rarely lands on an exact millisecond.
 */
function dateText(date: Date): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return '';
  const iso = new Date(Math.round(ms / 1000) * 1000).toISOString();
  const time = iso.slice(11, 19);
  return time === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}
