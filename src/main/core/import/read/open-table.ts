import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { addDateEvidence, noDateEvidence, type DateEvidence } from '@shared/import/date-order';
import { openCsv } from './csv-reader';
import { binarySignature, isOleCompound, isZip, SNIFF_BYTES } from './encoding';
import { FileRejectedError, rejectIoError } from './errors';
import { readHead } from './file-head';
import { openXlsx } from './xlsx-reader';
import type { OpenTableOptions, RowIssue, TablePreview, TableReader } from './types';

/** Issues kept in a preview; the count covers all of them. */
const PREVIEW_ISSUES = 20;

/**
 * Opens a CSV/TSV or xlsx file for reading. The format is taken from the file's bytes, not its
 * name, since exports are often renamed or saved with the wrong extension.
 *
 * @throws FileRejectedError when the file cannot be imported at all
 */
export async function openTable(path: string, options: OpenTableOptions = {}): Promise<TableReader> {
  const fileName = basename(path);
  let size: number;
  let head: Buffer;
  try {
    const info = await stat(path);
    if (info.isDirectory()) rejectIoError(fileName, Object.assign(new Error('EISDIR'), { code: 'EISDIR' }));
    size = info.size;
    head = await readHead(path, SNIFF_BYTES);
  } catch (error) {
    if (error instanceof FileRejectedError) throw error;
    rejectIoError(fileName, error);
  }
  if (size === 0) throw new FileRejectedError(fileName, 'empty', 'the file is empty');

  if (isZip(head)) return withUniqueColumns(await openXlsx({ path, fileName, size }, options));
  if (isOleCompound(head)) {
    throw new FileRejectedError(
      fileName,
      'binary',
      'this is an old Excel 97-2003 (.xls) or password-protected workbook; save it as .xlsx or CSV and import that',
    );
  }
  const signature = binarySignature(head);
  if (signature) {
    throw new FileRejectedError(
      fileName,
      'binary',
      `this is not a CSV, TSV or Excel file (it looks like binary data: ${signature})`,
    );
  }
  return withUniqueColumns(await openCsv({ path, fileName, size, head }, options));
}

/**
 * Columns are mapped by header, so two columns named alike ("Email", "Email") would share one mapping and
 * the second would be lost: later ones are named "Email (2)", "Email (3)", each mappable on its own.
 */
export function uniqueColumns(columns: readonly string[]): string[] {
  const taken = new Set(columns.map((c) => c.trim()));
  const seen = new Set<string>();
  // The next number to try per name, so a header of thousands of alike names takes linear time.
  const next = new Map<string, number>();
  return columns.map((column) => {
    const key = column.trim();
    if (key === '' || !seen.has(key)) {
      seen.add(key);
      return column;
    }
    let n = next.get(key) ?? 2;
    while (taken.has(`${key} (${n})`)) n++;
    next.set(key, n + 1);
    const name = `${key} (${n})`;
    taken.add(name);
    return name;
  });
}

function withUniqueColumns(table: TableReader): TableReader {
  table.columns = uniqueColumns(table.columns);
  return table;
}

/** What the `inspect` command and the mapping screen show: layout, first rows and counts. */
export async function preview(path: string, n = 20, options: OpenTableOptions = {}): Promise<TablePreview> {
  const table = await openTable(path, options);
  const sample: string[][] = [];
  const issues: RowIssue[] = [];
  let records = 0;
  let issueCount = 0;
  const dateEvidence = table.columns.map(noDateEvidence);
  for await (const batch of table.records({ batchSize: 5000 })) {
    records += batch.rows.length;
    for (const row of batch.rows) {
      if (sample.length < n) sample.push(row);
      for (let i = 0; i < dateEvidence.length; i++) {
        const value = row[i];
        if (value) addDateEvidence(dateEvidence[i] as DateEvidence, value);
      }
    }
    issueCount += batch.issues.length;
    for (const issue of batch.issues) {
      if (issues.length >= PREVIEW_ISSUES) break;
      issues.push(issue);
    }
  }
  const { fileName, size, format, encoding, bom, delimiter, headerLine, columns, sheet, sheets } = table;
  return {
    fileName,
    size,
    format,
    encoding,
    bom,
    delimiter,
    headerLine,
    columns,
    sheet,
    sheets,
    records,
    sample,
    issueCount,
    issues,
    dateEvidence,
  };
}
