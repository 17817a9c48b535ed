import type { ImportRowError } from '@shared/api/imports';
import { client } from '../../lib/client';

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
