import { expect, type Locator, type Page } from '@playwright/test';
import { invokeApi } from './api';

/** Page object for Results: the controls, KPI tiles, charts, the campaign table and the records panel. */
export class ResultsPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: /^Results/ })
      .click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible();
    await expect(this.tiles()).toBeVisible();
  }

  controls(): Locator {
    return this.page.getByRole('group', { name: 'How the numbers are counted' });
  }

  tiles(): Locator {
    return this.page.getByRole('group', { name: 'Key numbers' });
  }

  tile(label: string): Locator {
    return this.tiles().getByRole('region', { name: label, exact: true });
  }

  tileValue(label: string): Locator {
    return this.tile(label).locator('.tile-value');
  }

  /** Chooses the top bar's period length ("Month", "Quarter"…) and steps back or forward. */
  async periodKind(label: string): Promise<void> {
    await this.page.getByLabel('Period length').selectOption({ label });
  }

  async stepPeriod(direction: -1 | 1): Promise<void> {
    await this.page
      .getByRole('button', { name: direction === -1 ? 'Previous period' : 'Next period' })
      .click();
  }

  periodLabel(): Locator {
    return this.page.locator('.period-label');
  }

  async compare(label: 'Previous period' | 'Same period last year'): Promise<void> {
    await this.controls().getByLabel('Compare with').selectOption({ label });
  }

  async model(label: string): Promise<void> {
    await this.controls().getByLabel('Attribution model').selectOption({ label });
  }

  async lookback(days: number): Promise<void> {
    await this.controls()
      .getByLabel('Lookback')
      .selectOption({ label: `${days} days` });
  }

  subtitle(): Locator {
    return this.page.locator('.results-subtitle');
  }

  chart(name: string | RegExp): Locator {
    return this.page.getByRole('img', { name });
  }

  campaigns(): Locator {
    return this.page.getByRole('table', { name: 'Campaign results' });
  }

  campaignRow(name: string): Locator {
    return this.campaigns()
      .locator('tbody tr')
      .filter({ has: this.page.getByRole('button', { name, exact: true }) });
  }

  /** Cells of one campaign row by column header. */
  async cell(name: string, column: string): Promise<string> {
    const headers = await this.campaigns().locator('thead th').allInnerTexts();
    const index = headers.findIndex((h) => h.replace(/[↑↓]/g, '').trim() === column);
    if (index < 0) throw new Error(`no column ${column} in ${headers.join(', ')}`);
    return (await this.campaignRow(name).locator('th, td').nth(index).innerText()).trim();
  }

  header(column: string): Locator {
    return this.campaigns().getByRole('columnheader', { name: new RegExp(`^${column}`) });
  }

  panel(title: string): Locator {
    return this.page.getByRole('dialog', { name: title });
  }

  visitsVsSales(): Locator {
    return this.page.getByRole('region', { name: 'Website visits and sales' });
  }

  invoke<T>(method: string, input: unknown): Promise<T> {
    return invokeApi<T>(this.page, method, input);
  }
}
