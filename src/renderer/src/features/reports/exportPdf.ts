import type { ReportRequest } from '@shared/api/reports';
import { ApiError } from '@shared/contract/result';
import { client } from '../../lib/client';

export type ExportOutcome =
  { kind: 'saved'; path: string } | { kind: 'cancelled' } | { kind: 'downloaded'; name: string };

/**
 * The desktop app prints in a hidden window and saves where the user chooses. In the browser the host
 * prints the same route with its Chromium and the page downloads the file it answers with.
 */
export async function exportReportPdf(request: ReportRequest, fallbackName: string): Promise<ExportOutcome> {
  const reply = await client.call('reports.exportPdf', request);
  if (reply.supported) return reply.path ? { kind: 'saved', path: reply.path } : { kind: 'cancelled' };
  const response = await fetch('/api/report.pdf', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new ApiError({
      code: 'internal',
      message: body?.error?.message ?? `The PDF could not be made (HTTP ${response.status}).`,
    });
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fallbackName;
  // Kept out of the document: a download is not navigation, so the link guard need not hear of it.
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { kind: 'downloaded', name: fallbackName };
}
