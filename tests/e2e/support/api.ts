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
