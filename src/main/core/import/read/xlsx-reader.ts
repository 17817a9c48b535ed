import { BatchBuilder, DEFAULT_BATCH_SIZE } from './batches';
import { FileRejectedError } from './errors';
import { locateHeader, usedWidth } from './layout';
import type { OpenTableOptions, RecordBatch, RecordsOptions, TableReader } from './types';
import {
  readDateStyles,
  readSharedStrings,
  readWorkbook,
  TextIndexProbe,
  type SheetRef,
  type WorkbookInfo,
} from './xlsx-parts';
import { sheetRows, type SheetContext, type SheetRow } from './xlsx-sheet';
import { openZip, type ZipArchive, type ZipEntry } from './zip-archive';

/** Sheet rows looked at to find the header. */
const HEADER_SCAN_ROWS = 200;

export interface XlsxSource {
  path: string;
  fileName: string;
  size: number;
}

/**
 * Opens a workbook without loading it: the zip directory is checked for sizes no real workbook has, the
 * date styles are read, and the sheet is streamed (once for its header, then once per `records()` call),
 * so memory stays flat whatever the number of rows. The header needs only the first shared strings (a first
 * scan of its rows finds how many); the whole shared text is read at the first `records()` call, so opening a
 * file to learn its columns (creating a job on the core's thread) never holds a million rows' text.
 */
export async function openXlsx(source: XlsxSource, options: OpenTableOptions): Promise<TableReader> {
  const { fileName, size } = source;
  const { zip, sheets, chosen, entry, workbook } = await locateSheet(source, options.sheet);
  const dateStyles = await readDateStyles(zip, workbook.stylesPart);
  const base = { dateStyles, date1904: workbook.date1904 };
  const probe = new TextIndexProbe();
  await headRows(zip, entry, { ...base, strings: probe });
  const headStrings = await readSharedStrings(zip, workbook.sharedStringsPart, probe.highest + 1);
  const head = await headRows(zip, entry, { ...base, strings: headStrings });
  const headerIndex =
    options.headerLine !== undefined
      ? head.findIndex((r) => r.line === options.headerLine)
      : locateHeader(head, usedWidth);
  const headerRow = head[headerIndex];
  if (!headerRow) {
    if (options.headerLine !== undefined && head.length > 0)
      throw new FileRejectedError(
        fileName,
        'no-header',
        `the sheet "${chosen.name}" has no row ${options.headerLine}`,
      );
    const detail =
      head.length === 0
        ? `the sheet "${chosen.name}" is empty`
        : `no header row was found in the sheet "${chosen.name}"`;
    throw new FileRejectedError(fileName, head.length === 0 ? 'empty' : 'no-header', detail);
  }
  const columns = headerRow.cells.slice(0, usedWidth(headerRow.cells));
  let context: Promise<SheetContext> | null = null;
  const fullContext = () =>
    (context ??= readSharedStrings(zip, workbook.sharedStringsPart).then((strings) => ({
      ...base,
      strings,
    })));

  return {
    fileName,
    size,
    format: 'xlsx',
    encoding: null,
    bom: false,
    delimiter: null,
    headerLine: headerRow.line,
    columns,
    sheet: chosen.name,
    sheets,
    records: (recordsOptions?: RecordsOptions) =>
      readRecords(zip, entry, fullContext, headerRow.line, columns.length, recordsOptions ?? {}),
  };
}

export interface OpenSheet {
  zip: ZipArchive;
  sheets: string[];
  chosen: SheetRef;
  entry: ZipEntry;
  context: SheetContext;
}

/** The archive checked, the sheet chosen (first by default) and what its cells need from the workbook. */
export async function openSheet(source: XlsxSource, sheet: string | number | undefined): Promise<OpenSheet> {
  const { zip, sheets, chosen, entry, workbook } = await locateSheet(source, sheet);
  return { zip, sheets, chosen, entry, context: await sheetContext(zip, workbook) };
}

/** The archive checked and the sheet chosen (first by default), its part found. */
async function locateSheet(
  source: XlsxSource,
  sheet: string | number | undefined,
): Promise<Omit<OpenSheet, 'context'> & { workbook: WorkbookInfo }> {
  const { path, fileName, size } = source;
  const zip = await openZip(path, fileName, size);
  const workbook = await readWorkbook(zip);
  if (!workbook || workbook.sheets.length === 0) {
    throw new FileRejectedError(
      fileName,
      'binary',
      'this is not a CSV, TSV or Excel file (it looks like binary data: a ZIP archive that is not a readable Excel workbook)',
    );
  }
  const sheets = workbook.sheets.map((s) => s.name);
  const chosen = pickSheet(workbook.sheets, sheet);
  if (!chosen) {
    const wanted = typeof sheet === 'number' ? `number ${sheet + 1}` : `named "${sheet}"`;
    throw new FileRejectedError(
      fileName,
      'sheet-not-found',
      `there is no sheet ${wanted} (sheets: ${sheets.join(', ')})`,
    );
  }
  const entry = zip.entries.get(chosen.part);
  if (!entry) {
    throw new FileRejectedError(
      fileName,
      'unreadable',
      `this Excel workbook is damaged: the sheet "${chosen.name}" is listed but its part ${chosen.part} is missing`,
    );
  }
  return { zip, sheets, chosen, entry, workbook };
}

async function sheetContext(zip: ZipArchive, workbook: WorkbookInfo): Promise<SheetContext> {
  const dateStyles = await readDateStyles(zip, workbook.stylesPart);
  const strings = await readSharedStrings(zip, workbook.sharedStringsPart);
  return { strings, dateStyles, date1904: workbook.date1904 };
}

function pickSheet(sheets: SheetRef[], wanted: string | number | undefined): SheetRef | undefined {
  if (wanted === undefined) return sheets[0];
  if (typeof wanted === 'number') return sheets[wanted];
  return (
    sheets.find((s) => s.name === wanted) ?? sheets.find((s) => s.name.toLowerCase() === wanted.toLowerCase())
  );
}

/** The first rows written in the sheet, for header detection; reading stops there. */
async function headRows(zip: ZipArchive, entry: ZipEntry, context: SheetContext): Promise<SheetRow[]> {
  const head: SheetRow[] = [];
  for await (const chunk of sheetRows(zip, entry, context)) {
    for (const row of chunk.rows) {
      head.push(row);
      if (head.length >= HEADER_SCAN_ROWS) return head;
    }
  }
  return head;
}

async function* readRecords(
  zip: ZipArchive,
  entry: ZipEntry,
  fullContext: () => Promise<SheetContext>,
  headerLine: number,
  columnCount: number,
  options: RecordsOptions,
): AsyncGenerator<RecordBatch> {
  const builder = new BatchBuilder(
    columnCount,
    options.batchSize ?? DEFAULT_BATCH_SIZE,
    options.skipRecords ?? 0,
  );
  const packedSize = Math.max(1, entry.compressedSize);
  const context = await fullContext();
  for await (const chunk of sheetRows(zip, entry, context)) {
    options.signal?.throwIfAborted();
    for (const row of chunk.rows) {
      if (row.line <= headerLine || row.cells.every((c) => c === '')) continue;
      builder.add(fitToHeader(row.cells, columnCount), row.line);
    }
    const ready = builder.take();
    const bytesRead = Math.min(zip.fileSize, Math.round((zip.fileSize * chunk.packedBytes) / packedSize));
    for (const batch of ready) {
      batch.bytesRead = bytesRead;
      yield batch;
    }
  }
  for (const batch of builder.finish()) {
    batch.bytesRead = zip.fileSize;
    yield batch;
  }
}

/**
 * A sheet pads rows to its widest row, so empty cells past the header are padding, not data.
 * Only a row with values beyond the header keeps its extra cells, and is reported ragged.
 */
function fitToHeader(cells: string[], columnCount: number): string[] {
  const width = usedWidth(cells);
  if (width > columnCount) return cells.slice(0, width);
  if (cells.length === columnCount) return cells;
  const fitted = cells.slice(0, columnCount);
  while (fitted.length < columnCount) fitted.push('');
  return fitted;
}
