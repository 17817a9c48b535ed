import { ContactsPage } from './support/contacts.page';
import { expect, startEmptyWorkspaceWithSuggestions, test } from './support/fixtures';
import { watchHealth } from './support/health';
import { ImportsPage, metaAdsExport } from './support/imports.page';
import { MarketingPage } from './support/marketing.page';
import { ResultsPage } from './support/results.page';
import { SalesPage } from './support/sales.page';
import { SettingsPage } from './support/settings.page';

// A German shop owner's computer, on a Thursday in October.
test.use({ locale: 'de-DE', clock: '2026-10-15T09:00:00Z' });

test('the first week on an empty workspace, in German and euros, leaves no error behind', async ({
  page,
  app,
}) => {
  test.setTimeout(180_000);
  const health = watchHealth(page);
  const marketing = new MarketingPage(page);
  const sales = new SalesPage(page);
  const contacts = new ContactsPage(page);
  const imports = new ImportsPage(page);
  const settings = new SettingsPage(page);
  const results = new ResultsPage(page);

  // First start: the browser's German suggests euros, German formats, Monday and a January fiscal year.
  await app.open();
  await startEmptyWorkspaceWithSuggestions(page, 'Kaffeerösterei Blau', {
    currency: 'EUR',
    locale: 'de-DE',
    weekStart: '1',
    fiscalYearStartMonth: '1',
  });

  // A plan for October, amounts typed the German way.
  await marketing.goto('Plans');
  await marketing.createPlan({
    Name: 'Herbst 2026',
    Period: 'Month',
    'Revenue goal': '10.000',
    'Marketing budget': '1.500',
  });
  await expect(marketing.goal('Revenue')).toContainText('0,00 €');
  await expect(marketing.goal('Revenue')).toContainText('of 10.000,00 €');

  // A campaign in the plan, with the tracking code its Meta ads run under.
  await marketing.createCampaign({
    Name: 'Herbstanzeigen',
    Channel: 'Ads',
    'Budget (EUR)': '1.000',
    'Tracking code': 'herbst-anzeigen',
  });
  const planCampaigns = page.getByRole('table', { name: 'Campaigns in this plan' });
  await expect(planCampaigns.getByRole('row', { name: /Herbstanzeigen/ })).toBeVisible();

  // Spend logged by hand from the invoices: two days the ads report will cover, and one it will not.
  await planCampaigns.getByRole('link', { name: 'Herbstanzeigen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Herbstanzeigen' })).toBeVisible();
  await marketing.logSpend('40', '2026-10-05', 'EUR');
  await marketing.logSpend('40', '2026-10-06', 'EUR');
  await marketing.logSpend('25,50', '2026-10-12', 'EUR');
  await expect(marketing.spendEntries()).toHaveCount(3);
  await expect(marketing.campaignTile('Spent')).toHaveText('105,50 €');

  // A contact, and a lead for her from the campaign.
  await contacts.create(
    {
      'First name': 'Lena',
      'Last name': 'Vogel',
      'E-mail': 'lena@cafe-vogel.example',
      Company: 'Café Vogel',
    },
    'Lena Vogel',
  );
  await sales.newLead({
    title: 'Büro-Kaffee für Café Vogel',
    contact: { search: 'Lena', name: 'Lena Vogel' },
    campaign: 'Herbstanzeigen',
    value: '2.500',
    currency: 'EUR',
    expectedClose: '2026-10-30',
  });
  await expect(sales.column('New')).toContainText('2.500,00 €');

  // A call, with the next follow-up planned.
  const panel = await sales.openLead('Büro-Kaffee für Café Vogel');
  await sales.logCall(panel, {
    subject: 'Erstgespräch',
    notes: 'Möchte eine Verkostung für das ganze Büro',
    nextFollowUp: 'Preisliste schicken',
    due: '2026-10-20',
  });
  await expect(sales.activityHistory(panel)).toContainText('Erstgespräch');
  await expect(sales.followUps(panel)).toContainText('Preisliste schicken');

  // Won: the open follow-up is settled as done, so nothing stale is left in Today.
  await sales.markWon(panel, 'Büro-Kaffee für Café Vogel', { asked: 1, choice: 'Mark them done' });
  await expect(panel.getByText(/✓ Won/)).toBeVisible();
  await expect(panel.getByText('No follow-up planned.')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sales.column('Won').getByText('Büro-Kaffee für Café Vogel')).toBeVisible();
  await sales.goto('Today');
  await expect(page.getByRole('main')).not.toContainText('Preisliste schicken');

  // The won revenue counts for the campaign and for the plan's goal.
  await marketing.openCampaign('Herbstanzeigen');
  await expect(marketing.campaignTile('Won')).toHaveText('1');
  await expect(marketing.campaignTile('Revenue')).toHaveText('2.500,00 €');
  await marketing.goto('Plans');
  await page.getByRole('link', { name: 'Herbst 2026' }).click();
  await expect(marketing.goal('Revenue')).toContainText('2.500,00 €');
  await expect(marketing.goal('Revenue').locator('.attainment')).toHaveText('25 %');

  // A Google Contacts export: recognised, imported, and the people are found.
  await imports.goto();
  await imports.choose('google-contacts.csv');
  await expect(imports.facts()).toContainText('Google Contacts');
  await imports.importButton().click();
  await expect(imports.job('google-contacts.csv').getByRole('status')).toHaveText(/Done/);
  await expect(imports.tile('New contacts')).toContainText('90');
  await expect(imports.tile('Errors')).toContainText('0');
  await contacts.goto();
  await contacts.search('Dubois');
  await expect(contacts.row('Aria Dubois')).toContainText('Pemaquid Coffee House');

  // The Meta ads report for the campaign covers 5 to 7 October, two of the days logged by hand.
  await imports.goto();
  await imports.choose(
    metaAdsExport('meta-herbst.csv', 'EUR', [
      {
        date: '2026-10-05',
        campaign: 'herbst-anzeigen',
        spent: 52.1,
        reach: 3100,
        impressions: 4200,
        linkClicks: 88,
      },
      {
        date: '2026-10-06',
        campaign: 'herbst-anzeigen',
        spent: 48.4,
        reach: 2900,
        impressions: 3900,
        linkClicks: 75,
      },
      {
        date: '2026-10-07',
        campaign: 'herbst-anzeigen',
        spent: 47.5,
        reach: 2800,
        impressions: 3700,
        linkClicks: 69,
      },
    ]),
  );
  await expect(imports.facts()).toContainText('Meta Ads Manager');
  await imports.importButton().click();
  const metaJob = imports.job('meta-herbst.csv');
  await expect(metaJob.getByRole('status')).toHaveText(/Done/);
  // The summary row is left out on purpose, and the rows found the campaign by its tracking code.
  await expect(imports.tile('Skipped')).toContainText('1');
  await expect(imports.tile('Errors')).toContainText('0');
  await expect(metaJob.getByRole('list', { name: 'New campaigns' })).toHaveCount(0);
  // The core sees the overlap: 5 to 7 October imported, 80,00 € logged by hand in those days, imported counts.
  expect(await marketing.invoke('spend.overlaps', {})).toEqual([
    {
      campaignId: expect.any(String),
      campaignName: 'Herbstanzeigen',
      source: 'imported',
      firstDay: '2026-10-05',
      lastDay: '2026-10-07',
      importedMinor: 14_800,
      importedEntries: 3,
      manualMinor: 8_000,
      manualEntries: 2,
    },
  ]);

  // Spend counts once: the report's 148,00 € for 5 to 7 October, plus the 25,50 € logged for the 12th; the
  // 80,00 € logged by hand for the covered days stays in the ledger without being counted again.
  await marketing.openCampaign('Herbstanzeigen');
  await expect(marketing.spendEntries()).toHaveCount(6);
  await expect(marketing.campaignTile('Spent')).toHaveText('173,50 €');

  // Ctrl+Z takes back the last action: the deleted spend of the 12th is back, and counted.
  await page.getByRole('button', { name: 'Delete spend of 25,50 € on 12.10.2026' }).click();
  await expect(marketing.campaignTile('Spent')).toHaveText('148,00 €');
  await page.keyboard.press('Control+z');
  await expect(sales.toasts()).toContainText('Undid: deleted spend of 25,50 € on 12.10.2026');
  await expect(marketing.campaignTile('Spent')).toHaveText('173,50 €');
  await expect(marketing.spendEntries()).toHaveCount(6);

  // Results for October count the same spend once, next to the won revenue.
  await results.goto();
  // (German formats put a no-break space before the €.)
  const cell = async (column: string) => (await results.cell('Herbstanzeigen', column)).replace(/\s/g, ' ');
  expect(await cell('Spend')).toBe('173,50 €');
  expect(await cell('Revenue')).toBe('2.500,00 €');

  // Deleted by mistake, restored from Settings → Trash: the contact is back, and with her the won lead.
  await contacts.goto();
  await contacts.delete('Lena Vogel', { asks: true });
  await expect(contacts.row('Lena Vogel')).toHaveCount(0);
  await settings.goto();
  await expect(settings.trash()).toContainText('Lena Vogel');
  await settings.restore('contact', 'Lena Vogel');
  await expect(settings.emptyTrash()).toBeVisible();
  await contacts.goto();
  await contacts.search('Vogel');
  await expect(contacts.row('Lena Vogel')).toContainText('Café Vogel');
  const lead = await sales.openLead('Büro-Kaffee für Café Vogel');
  await expect(lead.getByRole('link', { name: 'Lena Vogel' })).toBeVisible();

  expect(await health.problems()).toEqual([]);
});

test('deleting a plan, a company, a lead, a contact and a campaign from their own views reads nothing that is gone', async ({
  page,
  app,
}) => {
  const health = watchHealth(page);
  const marketing = new MarketingPage(page);
  const sales = new SalesPage(page);
  const contacts = new ContactsPage(page);
  await app.open();
  await startEmptyWorkspaceWithSuggestions(page, 'Kaffeerösterei Blau', {
    currency: 'EUR',
    locale: 'de-DE',
    weekStart: '1',
    fiscalYearStartMonth: '1',
  });
  await sales.seedLead();
  await sales.invoke('companies.create', { name: 'Harbor Books' });

  await marketing.goto('Plans');
  await marketing.createPlan({ Name: 'Winter 2026', Period: 'Month' });
  await marketing.deletePlan('Winter 2026');

  await contacts.goto();
  await contacts.deleteCompany('Harbor Books');

  const panel = await sales.openLead('Office coffee for Pemaquid');
  await sales.deleteLead(panel, 'Office coffee for Pemaquid');
  await expect(sales.card('Office coffee for Pemaquid')).toHaveCount(0);

  await contacts.goto();
  await contacts.delete('Aria Dubois', { asks: false });
  await expect(contacts.row('Aria Dubois')).toHaveCount(0);

  await marketing.openCampaign('Autumn tasting');
  await marketing.deleteCampaign('Autumn tasting');
  await expect(page.getByRole('heading', { level: 1, name: 'Campaigns' })).toBeVisible();

  // The views closed without asking the core once more for the record they had just deleted.
  expect(await health.problems()).toEqual([]);
});
