import type { ImportRowError } from '../api/imports';

/** One row error as the error file lists it; `raw` is the row exactly as it was in the file, when known. */
export interface ErrorCsvRow extends ImportRowError {
  raw?: readonly string[];
}

function cell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The error file a user can fix and import again: row number, kind, column and problem first, then the
 * file's own columns with the row as it was (the desktop app knows them; the browser's download has only the
 * first four). CRLF line ends and a BOM so spreadsheets read it as UTF-8.
 */
export function errorsCsvText(rows: readonly ErrorCsvRow[], fileColumns: readonly string[] = []): string {
  const lines = [['Row', 'Kind', 'Column', 'Problem', ...fileColumns].map(cell).join(',')];
  for (const r of rows)
    lines.push([r.row, r.severity, r.column, r.message, ...(r.raw ?? [])].map(cell).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
