import { test as base, expect, type Page } from '@playwright/test';
import { startHost, tempWorkspace, type RunningHost } from './host';

export interface App {
  db: string;
  host: RunningHost;
  /**
   * Stops the host and starts a new one on the same database file (open the page again after it). With
   * `clock`, the new host's clock starts at that instant: "a few days later" for follow-ups and Today.
   */
  restart(options?: { clock?: string }): Promise<void>;
  open(path?: string): Promise<void>;
}

export const test = base.extend<{ app: App; clock: string | undefined }>({
  clock: [undefined, { option: true }],
  app: async ({ page, clock }, use) => {
    const workspace = tempWorkspace();
    let currentClock = clock;
    let host = await startHost(workspace.db, { clock: currentClock });
    const app: App = {
      db: workspace.db,
      get host() {
        return host;
      },
      async restart(options = {}) {
        await host.stop();
        if (options.clock) currentClock = options.clock;
        host = await startHost(workspace.db, { clock: currentClock });
      },
      async open(path = '') {
        await page.goto(`${host.url}#/${path}`);
      },
    };
    await use(app);
    await host.stop();
    workspace.dispose();
  },
});

export { expect };

/**
 * First start, answered as the workspaces these tests were written for: "My business", weeks from Monday,
 * and the suggestions for the browser's en-US otherwise (US dollars, en-US formats, a January fiscal year).
 */
export async function answerFirstStart(page: Page): Promise<void> {
  const form = page.getByRole('form', { name: 'Your business' });
  await form.getByLabel(/^Business name/).fill('My business');
  await form.getByLabel('Weeks start on').selectOption({ label: 'Monday' });
}

/** Page object for the first-start choice. */
export async function startEmptyWorkspace(page: Page): Promise<void> {
  await answerFirstStart(page);
  await page.getByRole('button', { name: /Start with an empty workspace/ }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

/**
 * First start answered with the business name only: every other answer is what Tandem suggested from the
 * browser's language (currency, formats, week start, fiscal year). Returns the first-start form, checked.
 */
export async function startEmptyWorkspaceWithSuggestions(
  page: Page,
  businessName: string,
  expected: { currency: string; locale: string; weekStart: string; fiscalYearStartMonth: string },
): Promise<void> {
  const form = page.getByRole('form', { name: 'Your business' });
  await expect(form.getByLabel('Currency')).toHaveValue(expected.currency);
  await expect(form.getByLabel('Number and date format')).toHaveValue(expected.locale);
  await expect(form.getByLabel('Weeks start on')).toHaveValue(expected.weekStart);
  await expect(form.getByLabel('Fiscal year starts in')).toHaveValue(expected.fiscalYearStartMonth);
  await form.getByLabel(/^Business name/).fill(businessName);
  await page.getByRole('button', { name: /Start with an empty workspace/ }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

export async function startDemoWorkspace(page: Page): Promise<void> {
  await answerFirstStart(page);
  await page.getByRole('button', { name: /Explore the demo business/ }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}
