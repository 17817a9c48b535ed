import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Page } from '@playwright/test';

/**
 * Calls the app's API the way the page does, over the loopback host with its session cookie: for setting the
 * scene of a test (records the flow under test does not create through the UI).
 */
export async function invokeApi<T>(page: Page, method: string, input: unknown): Promise<T> {
  const reply = await page.evaluate(
    async ([m, i]) => {
      const response = await fetch('/api/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ method: m, input: i }),
      });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    },
    [method, input] as const,
  );
  if (!reply.ok) throw new Error(`${method} failed: ${reply.error?.message}`);
  return reply.value as T;
}

/**
 * Imports a file as the browser does: uploaded through `imports.upload` (the host opens no path it is
 * handed), then started from where the upload landed; resolves once the job is done.
 */
export async function importFile(page: Page, path: string): Promise<void> {
  const upload = await invokeApi<{ path: string }>(page, 'imports.upload', {
    name: basename(path),
    contentBase64: readFileSync(path).toString('base64'),
  });
  const job = await invokeApi<{ id: string }>(page, 'imports.start', { path: upload.path });
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { status } = await invokeApi<{ status: string }>(page, 'imports.get', { id: job.id });
    if (status === 'done') return;
    if (status !== 'running' && status !== 'queued')
      throw new Error(`importing ${basename(path)} ended ${status}`);
    if (Date.now() > deadline) throw new Error(`importing ${basename(path)} did not finish in 30 s`);
    await page.waitForTimeout(200);
  }
}
