import type { ExportInput, ExportSelection } from '@shared/api/exports';
import { ApiError } from '@shared/contract/result';
import { client } from '../../lib/client';

export type CsvOutcome =
  | { kind: 'saved'; path: string; rows: number }
  | { kind: 'cancelled' }
  | { kind: 'downloaded'; name: string };

/** `contacts 2026-03-01.csv`: what the save dialog proposes (the core names downloads the same way). */
export function defaultCsvName(kind: string, today: string): string {
  return `${kind} ${today}.csv`;
}

/**
 * The desktop app asks where to save with its dialog (which grants that path) and the core writes there. In
 * the browser the host has the core write into its own folder and streams the file back as a download.
 */
export async function exportCsv(
  selection: ExportSelection,
  today: string,
  period?: ExportInput['period'],
): Promise<CsvOutcome> {
  const chosen = await client.call('exports.chooseFile', {
    defaultName: defaultCsvName(selection.kind, today),
  });
  if (chosen.supported) {
    if (!chosen.path) return { kind: 'cancelled' };
    const result = await client.call('exports.csv', {
      selection,
      ...(period ? { period } : {}),
      destination: { to: 'file', path: chosen.path },
    });
    return { kind: 'saved', path: result.path, rows: result.rows };
  }
  const response = await fetch('/api/export.csv', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ selection, ...(period ? { period } : {}) }),
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new ApiError({
      code: 'internal',
      message: body?.error?.message ?? `The CSV could not be made (HTTP ${response.status}).`,
    });
  }
  const name =
    fileNameOf(response.headers.get('content-disposition')) ?? defaultCsvName(selection.kind, today);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  // Kept out of the document: a download is not navigation, so the link guard need not hear of it.
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { kind: 'downloaded', name };
}

function fileNameOf(disposition: string | null): string | null {
  const match = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}
