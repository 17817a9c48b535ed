import type { ImportRowError } from '@shared/api/imports';
import { client } from '../../lib/client';

function cell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The same columns the desktop app's error file starts with; a BOM so spreadsheets read it as UTF-8. */
export function errorsCsv(rows: readonly ImportRowError[]): string {
  const lines = [['Row', 'Kind', 'Column', 'Problem'].map(cell).join(',')];
  for (const r of rows) lines.push([r.row, r.severity, r.column, r.message].map(cell).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

export async function allErrors(id: string): Promise<ImportRowError[]> {
  const rows: ImportRowError[] = [];
  for (;;) {
    const page = await client.call('imports.errors', { id, offset: rows.length, limit: 1000 });
    rows.push(...page.rows);
    if (page.rows.length === 0 || rows.length >= page.total) return rows;
  }
}

/** "shop.csv" → "shop errors.csv": the error file sits next to (or is named after) the file it is about. */
export function errorsFileName(fileName: string): string {
  return `${fileName.replace(/\.[^.]+$/, '')} errors.csv`;
}

/**
 * A download made by the page itself (a same-origin object URL), for browser mode where the core has no save
 * dialog. The link stays out of the document: it is not navigation, so the link guard need not hear of it.
 */
export function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
