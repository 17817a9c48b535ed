import { test as base, expect, type Page } from '@playwright/test';
import { startHost, tempWorkspace, type RunningHost } from './host';

export interface App {
  db: string;
  host: RunningHost;
  /** Stops the host and starts a new one on the same database file, then reloads the page from it. */
  restart(): Promise<void>;
  open(path?: string): Promise<void>;
}

export const test = base.extend<{ app: App; clock: string | undefined }>({
  clock: [undefined, { option: true }],
  app: async ({ page, clock }, use) => {
    const workspace = tempWorkspace();
    let host = await startHost(workspace.db, { clock });
    const app: App = {
      db: workspace.db,
      get host() {
        return host;
      },
      async restart() {
        await host.stop();
        host = await startHost(workspace.db, { clock });
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

/** Page object for the first-start choice. */
export async function startEmptyWorkspace(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Start with an empty workspace/ }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

export async function startDemoWorkspace(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Explore the demo business/ }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}
