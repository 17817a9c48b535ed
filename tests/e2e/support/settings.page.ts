import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for Settings: the workspace's answers and the Trash. */
export class SettingsPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: /^Settings/ })
      .click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  }

  trash(): Locator {
    return this.page.getByRole('table', { name: 'Trash' });
  }

  emptyTrash(): Locator {
    return this.page.getByText('The Trash is empty.');
  }

  /** Restores one record from the Trash, named by its kind and label as the row says them. */
  async restore(kind: string, label: string): Promise<void> {
    await this.trash()
      .getByRole('button', { name: `Restore ${kind} ${label}` })
      .click();
    await expect(this.page.locator('.toasts')).toContainText(`Restored ${kind} “${label}”.`);
  }
}
