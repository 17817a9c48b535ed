import { expect, type Page } from '@playwright/test';

/** Page object for Orders (and its Payments tab). */
export class OrdersPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: /^Orders/ })
      .click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible();
  }

  async stepPeriod(direction: -1 | 1): Promise<void> {
    await this.page
      .getByRole('button', { name: direction === -1 ? 'Previous period' : 'Next period' })
      .click();
  }

  summary() {
    return this.page.getByTestId('sales-summary');
  }

  table(name: 'Orders' | 'Payments' = 'Orders') {
    return this.page.getByRole('table', { name });
  }

  rows(name: 'Orders' | 'Payments' = 'Orders') {
    return this.table(name)
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell') });
  }

  async status(label: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Status' }).selectOption({ label });
  }

  panel(name: string | RegExp) {
    return this.page.getByRole('dialog', { name });
  }
}
