import { expect, type Locator, type Page } from '@playwright/test';
import { invokeApi } from './api';

/** Page object for the marketing screens: plans, campaigns, spend and the content calendar. */
export class MarketingPage {
  constructor(private readonly page: Page) {}

  async goto(section: 'Plans' | 'Campaigns' | 'Calendar'): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: new RegExp(`^${section}`) })
      .click();
    await expect(this.page.getByRole('heading', { level: 1, name: section })).toBeVisible();
  }

  dialog(name: string): Locator {
    return this.page.getByRole('dialog', { name });
  }

  form(name: string | RegExp): Locator {
    return this.page.getByRole('form', { name });
  }

  /** A labelled control; required fields carry a " *" after their label. */
  field(scope: Locator, label: string): Locator {
    const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return scope.getByLabel(new RegExp(`^${escaped}( \\*)?$`));
  }

  /** Fills labelled fields: text and dates with fill, selects by their option label. */
  async fill(scope: Locator, fields: Record<string, string>): Promise<void> {
    for (const [label, value] of Object.entries(fields)) {
      const control = this.field(scope, label);
      const tag = await control.evaluate((el) => el.tagName);
      if (tag === 'SELECT') await control.selectOption({ label: value });
      else await control.fill(value);
    }
  }

  /** The message shown next to a field. */
  errorFor(scope: Locator, label: string): Locator {
    return this.field(scope, label).locator('xpath=..').locator('.field-error');
  }

  async createPlan(fields: Record<string, string>): Promise<void> {
    await this.page.getByRole('button', { name: 'New plan' }).first().click();
    const form = this.form('New plan');
    await this.fill(form, fields);
    await form.getByRole('button', { name: 'Create plan' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: fields.Name })).toBeVisible();
  }

  async createCampaign(fields: Record<string, string>): Promise<void> {
    await this.page.getByRole('button', { name: 'New campaign' }).first().click();
    const form = this.form('New campaign');
    await this.fill(form, fields);
    await form.getByRole('button', { name: 'Create campaign' }).click();
    await expect(this.dialog('New campaign')).toBeHidden();
  }

  goal(label: string): Locator {
    return this.page.getByRole('region', { name: `${label} goal` });
  }

  /** Logs spend by hand on a campaign's page; the amount's label carries the workspace currency. */
  async logSpend(amount: string, date: string, currency = 'USD'): Promise<void> {
    const form = this.form('Log spend');
    await this.fill(form, { Date: date, [`Amount (${currency})`]: amount });
    await form.getByRole('button', { name: 'Log spend' }).click();
    await expect(this.field(form, `Amount (${currency})`)).toHaveValue('');
  }

  /** Opens a campaign's page from the Campaigns list. */
  async openCampaign(name: string): Promise<void> {
    await this.goto('Campaigns');
    await this.page.getByRole('table', { name: 'Campaigns' }).getByRole('link', { name }).click();
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
  }

  /** Deletes the plan whose page is open (one without campaigns goes at once); back to the list of plans. */
  async deletePlan(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(this.page.locator('.toasts')).toContainText(`Deleted ${name}.`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Plans' })).toBeVisible();
  }

  /** Deletes the campaign whose page is open; Tandem goes back to the list (or the campaign's plan). */
  async deleteCampaign(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Delete campaign' }).click();
    await expect(this.page.locator('.toasts')).toContainText(`Deleted ${name}.`);
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeHidden();
  }

  /** A tile of a campaign's "Results so far" (Spent, Leads, Won, Revenue…): its figure. */
  campaignTile(label: string): Locator {
    return this.page
      .getByRole('group', { name: 'Results so far' })
      .getByRole('region', { name: label, exact: true })
      .locator('.tile-value');
  }

  spendEntries(): Locator {
    return this.page.getByRole('table', { name: 'Spend entries' }).locator('tbody').getByRole('row');
  }

  day(label: string): Locator {
    return this.page.getByRole('group', { name: label, exact: true });
  }

  chip(title: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^${title} ?— `) });
  }

  /** A real pointer drag: press, move past the activation distance, travel in steps, release. */
  async drag(source: Locator, target: Locator): Promise<void> {
    const from = await source.boundingBox();
    const to = await target.boundingBox();
    if (!from || !to) throw new Error('drag source or target is not visible');
    await this.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(from.x + from.width / 2 + 12, from.y + from.height / 2 + 4, { steps: 4 });
    await this.page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
    await this.page.mouse.up();
  }

  /** Calls the app's API the way the page does, with the host's per-run token. */
  invoke<T>(method: string, input: unknown): Promise<T> {
    return invokeApi<T>(this.page, method, input);
  }
}
