import type { ApiErrorBody } from '@shared/contract/result';
import { ExportResult } from '@shared/api/exports';
import type { HostCore } from './server';

export type ExportDownload =
  { ok: true; path: string; fileName: string } | { ok: false; status: number; error: ApiErrorBody };

const STATUS: Partial<Record<ApiErrorBody['code'], number>> = {
  validation: 400,
  forbidden: 403,
  not_found: 404,
};

/**
 * The browser's "Export CSV": the page sends the export request without a destination, the core writes the
 * file into its own exports folder, and the host streams that file back as a download. The path streamed
 * is the one the core answered with, never one the page named.
 */
export async function exportForDownload(
  core: HostCore,
  body: Record<string, unknown>,
): Promise<ExportDownload> {
  const reply = await core.dispatch('exports.csv', { ...body, destination: { to: 'download' } });
  if (!reply.ok) return { ok: false, status: STATUS[reply.error.code] ?? 500, error: reply.error };
  const result = ExportResult.parse(reply.value);
  return { ok: true, path: result.path, fileName: result.fileName };
}
