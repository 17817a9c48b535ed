import { expect, type Page } from '@playwright/test';

/** Page object for Leads & contacts. */
export class ContactsPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: /Leads & contacts/ })
      .click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Leads & contacts' })).toBeVisible();
  }

  async openNewForm(): Promise<void> {
    await this.page.getByRole('button', { name: 'New contact' }).first().click();
    await expect(this.page.getByRole('dialog', { name: 'New contact' })).toBeVisible();
  }

  form() {
    return this.page.getByRole('form', { name: /contact/i });
  }

  async fill(fields: Record<string, string>): Promise<void> {
    for (const [label, value] of Object.entries(fields)) {
      await this.form().getByLabel(label, { exact: true }).fill(value);
    }
  }

  async submit(): Promise<void> {
    await this.form()
      .getByRole('button', { name: /Create contact|Save changes/ })
      .click();
  }

  /** A new contact through the form, then found in the list. */
  async create(fields: Record<string, string>, name: string): Promise<void> {
    await this.goto();
    await this.openNewForm();
    await this.fill(fields);
    await this.submit();
    await expect(this.row(name)).toBeVisible();
  }

  /** Narrows the list with its search box (the list shows one screenful of rows at a time). */
  async search(text: string): Promise<void> {
    await this.page.getByLabel('Search contacts').fill(text);
  }

  /**
   * Deletes a contact from its panel. A contact with leads asks what becomes of them (kept by default) and
   * is confirmed with `asks`; one without is deleted at once, with the toast's undo.
   */
  async delete(name: string, { asks }: { asks: boolean }): Promise<void> {
    await this.search(name);
    const panel = await this.open(name);
    await panel.getByRole('button', { name: /^Delete/ }).click();
    if (asks) {
      const confirm = this.page.getByRole('dialog', { name: `Delete “${name}”?` });
      await confirm.getByRole('button', { name: 'Delete' }).click();
      await expect(confirm).toBeHidden();
    }
    await expect(panel).toBeHidden();
    await expect(this.page.locator('.toasts')).toContainText(`Deleted ${name}.`);
  }

  /** Deletes a company from its panel, opened from the Companies tab; one nobody points at goes at once. */
  async deleteCompany(name: string): Promise<void> {
    await this.page.getByRole('tab', { name: 'Companies' }).click();
    await this.page.getByRole('table', { name: 'Companies' }).getByRole('button', { name }).click();
    const panel = this.panel(name);
    await panel.getByRole('button', { name: 'Delete company' }).click();
    await expect(panel).toBeHidden();
    await expect(this.page.locator('.toasts')).toContainText(`Deleted ${name}.`);
    await this.page.getByRole('tab', { name: 'People' }).click();
  }

  rows() {
    return this.page.getByRole('table', { name: 'Contacts' }).getByRole('row');
  }

  row(text: string) {
    return this.rows().filter({ hasText: text });
  }

  /** Opens a contact's panel from its row. */
  async open(name: string) {
    await this.row(name).first().click();
    const panel = this.panel(name);
    await expect(panel).toBeVisible();
    return panel;
  }

  panel(name: string) {
    return this.page.getByRole('dialog', { name });
  }

  /** The duplicate warning in the contact form, with its link to the existing record. */
  duplicateWarning() {
    return this.form().locator('.dup-warning');
  }
}
