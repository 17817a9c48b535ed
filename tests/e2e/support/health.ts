import type { Page } from '@playwright/test';

/**
 * Everything that went wrong under the hood while a page was driven: console errors, uncaught exceptions,
 * requests that failed, answers of 400 or more, and calls to the app's API that the core refused (those are
 * answered 200 with `ok: false`, so the status alone would not show them). Start it before the first
 * navigation; a clean run ends with `problems()` empty.
 */
export interface PageHealth {
  problems(): Promise<string[]>;
}

export function watchHealth(page: Page): PageHealth {
  const problems: string[] = [];
  const pending: Promise<void>[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) =>
    problems.push(`request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText})`),
  );
  page.on('response', (response) => {
    const request = response.request();
    if (response.status() >= 400) {
      problems.push(`HTTP ${response.status()}: ${request.method()} ${response.url()}`);
      return;
    }
    if (!new URL(response.url()).pathname.startsWith('/api/invoke')) return;
    pending.push(
      response
        .json()
        .then((reply: { ok?: boolean; error?: { code?: string; message?: string } }) => {
          if (reply.ok === false) {
            const method = (request.postDataJSON() as { method?: string } | null)?.method;
            problems.push(`${method} refused: ${reply.error?.code} ${reply.error?.message}`);
          }
        })
        .catch(() => undefined),
    );
  });
  return {
    async problems() {
      await Promise.all(pending);
      return [...problems];
    },
  };
}
