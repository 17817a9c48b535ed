import { expect, type Locator, type Page } from '@playwright/test';
import { invokeApi } from './api';
import type { ContactsPage } from './contacts.page';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Page object for the sales screens: Today, the pipeline board and table, the lead panel and cadences. */
export class SalesPage {
  constructor(readonly page: Page) {}

  async goto(section: 'Today' | 'Pipeline' | 'Cadences'): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: new RegExp(`^${section}`) })
      .click();
    await expect(this.page.getByRole('heading', { level: 1, name: section })).toBeVisible();
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }

  form(name: string | RegExp): Locator {
    return this.page.getByRole('form', { name });
  }

  /** A labelled control; required fields carry a " *" after their label. */
  field(scope: Locator, label: string): Locator {
    return scope.getByLabel(new RegExp(`^${escape(label)}( \\*)?$`));
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

  /** Types a day into a date input key by key (month, day, year in en-US), as a person would. */
  async typeDate(scope: Locator, label: string, mmddyyyy: string): Promise<void> {
    const control = this.field(scope, label);
    await control.focus();
    await this.page.keyboard.type(mmddyyyy);
    await control.blur();
  }

  /** The message shown next to a field. */
  errorFor(scope: Locator, label: string): Locator {
    return this.field(scope, label).locator('xpath=..').locator('.field-error');
  }

  /** Picks an existing contact in the lead form by typing part of the name. */
  async pickContact(form: Locator, search: string, name: string): Promise<void> {
    await form.getByRole('combobox', { name: 'Contact' }).fill(search);
    await form.getByRole('option', { name: new RegExp(`^${escape(name)}`) }).click();
    await expect(form.getByRole('button', { name: `Change contact (now ${name})` })).toBeVisible();
  }

  column(stage: string): Locator {
    return this.page
      .getByRole('list', { name: 'Pipeline board' })
      .getByRole('listitem', { name: new RegExp(`^${escape(stage)}:`) });
  }

  card(title: string): Locator {
    return this.page
      .getByRole('list', { name: 'Pipeline board' })
      .getByRole('button', { name: new RegExp(`^${escape(title)} ?,`) });
  }

  toasts(): Locator {
    return this.page.locator('.toasts');
  }

  bucket(name: 'Overdue' | 'Due today' | 'Upcoming'): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^${name}`) });
  }

  /** A real pointer drag: press, move past the activation distance, travel in steps, release. */
  async drag(source: Locator, target: Locator): Promise<void> {
    const from = await source.boundingBox();
    const to = await target.boundingBox();
    if (!from || !to) throw new Error('drag source or target is not visible');
    await this.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(from.x + from.width / 2 + 12, from.y + from.height / 2 + 4, { steps: 4 });
    await this.page.mouse.move(to.x + to.width / 2, to.y + 80, { steps: 12 });
    await this.page.mouse.up();
  }

  /** Opens the palette, types, and returns the palette dialog. */
  async search(text: string): Promise<Locator> {
    await this.page.keyboard.press('Control+k');
    const palette = this.page.getByRole('dialog', { name: 'Command palette' });
    await expect(palette).toBeVisible();
    await palette.getByRole('combobox').fill(text);
    return palette;
  }

  /** A campaign through the API, then a contact through its form, as the owner would. */
  async createContactInForm(contacts: ContactsPage): Promise<void> {
    await this.invoke('campaigns.create', {
      name: 'Autumn tasting',
      channel: 'event',
      objective: 'leads',
      keyMessage: 'roasted to order and delivered within 48 hours',
    });
    await contacts.goto();
    await contacts.openNewForm();
    await contacts.fill({
      'First name': 'Aria',
      'Last name': 'Dubois',
      'E-mail': 'aria@pemaquid.example',
      Company: 'Pemaquid Coffee House',
    });
    await contacts.submit();
    await expect(contacts.row('Aria Dubois')).toBeVisible();
  }

  /** A lead for Aria from the Autumn tasting campaign, through the form the l key opens on the board. */
  async newLeadInForm(title: string, value: string): Promise<void> {
    await this.goto('Pipeline');
    await this.page.keyboard.press('l');
    const form = this.form('New lead');
    await expect(form).toBeVisible();
    await this.fill(form, { Title: title });
    await this.pickContact(form, 'Aria', 'Aria Dubois');
    await this.fill(form, {
      'Source campaign': 'Autumn tasting',
      'Value (USD)': value,
      'Expected close': '2026-11-30',
    });
    await form.getByRole('button', { name: 'Create lead' }).click();
    await expect(this.dialog('New lead')).toBeHidden();
    await expect(this.card(title)).toBeVisible();
  }

  /**
   * A new lead through the form the l key opens on the board: a contact picked by typing part of the name,
   * the source campaign, and the value typed the way the workspace's number format writes it.
   */
  async newLead(lead: {
    title: string;
    contact: { search: string; name: string };
    campaign: string;
    value: string;
    currency: string;
    expectedClose: string;
  }): Promise<void> {
    await this.goto('Pipeline');
    await this.page.keyboard.press('l');
    const form = this.form('New lead');
    await expect(form).toBeVisible();
    await this.fill(form, { Title: lead.title });
    await this.pickContact(form, lead.contact.search, lead.contact.name);
    await this.fill(form, {
      'Source campaign': lead.campaign,
      [`Value (${lead.currency})`]: lead.value,
      'Expected close': lead.expectedClose,
    });
    await form.getByRole('button', { name: 'Create lead' }).click();
    await expect(this.dialog('New lead')).toBeHidden();
    await expect(this.card(lead.title)).toBeVisible();
  }

  /** Opens a lead's panel from its card on the board. */
  async openLead(title: string): Promise<Locator> {
    await this.goto('Pipeline');
    await this.card(title).click();
    const panel = this.dialog(title);
    await expect(panel).toBeVisible();
    return panel;
  }

  /** Logs a call from the lead's panel (the a key), with the next follow-up due on a day. */
  async logCall(
    panel: Locator,
    call: { subject: string; notes: string; nextFollowUp: string; due: string },
  ): Promise<void> {
    await panel.getByRole('button', { name: /^Log activity/ }).click();
    const log = this.form('Log activity');
    await log.getByRole('radio', { name: 'Call' }).check();
    await this.fill(log, { Subject: call.subject, Notes: call.notes });
    await log.getByLabel('Schedule the next follow-up').check();
    await this.fill(log, { 'Next follow-up': call.nextFollowUp, Due: call.due });
    await log.getByRole('button', { name: 'Log call' }).click();
    await expect(log).toBeHidden();
  }

  /** Deletes the lead from its panel; the panel closes. */
  async deleteLead(panel: Locator, title: string): Promise<void> {
    await panel.getByRole('button', { name: 'Delete lead' }).click();
    await expect(panel).toBeHidden();
    await expect(this.toasts()).toContainText(`Deleted “${title}”.`);
  }

  followUps(panel: Locator): Locator {
    return panel.getByRole('list', { name: 'Open follow-ups' });
  }

  activityHistory(panel: Locator): Locator {
    return panel.getByRole('list', { name: 'Activity history' });
  }

  /**
   * Won from the lead's panel. With open follow-ups the close form asks what becomes of them (Cancel them is
   * the default); `followUps` is the choice to make, and `asked` how many the form says are open.
   */
  async markWon(
    panel: Locator,
    title: string,
    followUps: { asked: number; choice: 'Cancel them' | 'Mark them done' | 'Keep them open' },
  ): Promise<void> {
    await panel.getByRole('button', { name: 'Won', exact: true }).click();
    const form = panel.getByRole('form', { name: `Mark ${title} as won` });
    await expect(form).toContainText(
      followUps.asked === 1
        ? 'This lead has 1 open follow-up.'
        : `This lead has ${followUps.asked} open follow-ups.`,
    );
    await expect(form.getByRole('radio', { name: /Cancel them/ })).toBeChecked();
    await form.getByRole('radio', { name: new RegExp(followUps.choice) }).check();
    await form.getByRole('button', { name: 'Mark as won' }).click();
    await expect(form).toBeHidden();
  }

  /** A campaign, a contact and a lead from that campaign, made through the API to set the scene. */
  async seedLead(
    title = 'Office coffee for Pemaquid',
  ): Promise<{ campaignId: string; contactId: string; leadId: string }> {
    const campaign = await this.invoke<{ id: string }>('campaigns.create', {
      name: 'Autumn tasting',
      channel: 'event',
      objective: 'leads',
      keyMessage: 'roasted to order and delivered within 48 hours',
    });
    const contact = await this.invoke<{ id: string }>('contacts.create', {
      firstName: 'Aria',
      lastName: 'Dubois',
      email: 'aria@pemaquid.example',
    });
    const lead = await this.invoke<{ id: string }>('leads.create', {
      title,
      contactId: contact.id,
      campaignId: campaign.id,
      valueMinor: 120000,
    });
    return { campaignId: campaign.id, contactId: contact.id, leadId: lead.id };
  }

  /**
   * A seeded lead with two open follow-ups in the frozen week: a task overdue since 13 Oct and a call
   * due today (15 Oct).
   */
  async seedFollowUps(): Promise<{ leadId: string }> {
    const { leadId } = await this.seedLead();
    for (const [type, subject, dueAt] of [
      ['task', 'Send samples', '2026-10-13'],
      ['call', 'Confirm tasting date', '2026-10-15'],
    ] as const)
      await this.invoke('activities.log', { leadId, type, subject, dueAt, done: false });
    return { leadId };
  }

  /** Calls the app's API the way the page does, with the host's per-run token. */
  invoke<T>(method: string, input: unknown): Promise<T> {
    return invokeApi<T>(this.page, method, input);
  }
}
