import { expect, startDemoWorkspace, test } from './support/fixtures';
import { invokeApi } from './support/api';
import { MarketingPage } from './support/marketing.page';
import { ResultsPage } from './support/results.page';

test.use({ clock: '2026-10-15T09:00:00Z' });

interface Report {
  totals: { leads: number };
  campaigns: { campaignId: string; name: string; leads: number }[];
}

test('the top bar period drives Results, Plans, Campaigns, Calendar and Reports, and is kept after a reload', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  await app.open();
  await startDemoWorkspace(page);
  const r = new ResultsPage(page);
  const m = new MarketingPage(page);
  const covers = page.getByTestId('period-covers');
  // A plan of next year, outside both periods of this test.
  await invokeApi(page, 'plans.create', {
    name: 'Spring 2027',
    periodKind: 'quarter',
    startDate: '2027-04-01',
  });
  const october = await invokeApi<Report>(page, 'campaigns.results', {
    from: '2026-10-01',
    to: '2026-10-31',
  });
  const q3 = await invokeApi<Report>(page, 'campaigns.results', { from: '2026-07-01', to: '2026-09-30' });
  // A campaign whose leads differ between the two periods shows that its row follows the period.
  const moving = q3.campaigns.find(
    (c) => c.leads !== (october.campaigns.find((o) => o.campaignId === c.campaignId)?.leads ?? 0),
  );
  expect(moving).toBeDefined();
  if (!moving) return;

  // Screens without a period have no picker.
  await app.open('pipeline');
  await expect(page.getByLabel('Period length')).toHaveCount(0);
  await app.open('today');
  await expect(page.getByLabel('Period length')).toHaveCount(0);

  await r.goto();
  await expect(r.periodLabel()).toHaveText('October 2026');
  await expect(covers).toHaveText('Figures cover Oct 1 – 31, 2026');
  await expect(r.tileValue('Leads')).toHaveText(october.totals.leads.toLocaleString('en-US'));

  // Last quarter, chosen in the top bar.
  await r.periodKind('Quarter');
  await r.stepPeriod(-1);
  await expect(r.periodLabel()).toHaveText('Q3 2026');
  await expect(covers).toHaveText('Figures cover Jul 1 – Sep 30, 2026');
  await expect(r.tileValue('Leads')).toHaveText(q3.totals.leads.toLocaleString('en-US'));

  await m.goto('Campaigns');
  await expect(covers).toHaveText('Leads and revenue cover Jul 1 – Sep 30, 2026');
  const row = page
    .getByRole('table', { name: 'Campaigns' })
    .getByRole('row')
    .filter({ hasText: moving.name });
  await expect(row.getByRole('cell').nth(6)).toHaveText(String(moving.leads));

  await m.goto('Plans');
  await expect(covers).toHaveText('Plans running in Jul 1 – Sep 30, 2026');
  await expect(page.getByRole('table', { name: 'Plans in this period' })).toContainText(
    'Wholesale growth plan',
  );
  await expect(page.getByRole('table', { name: 'Plans in this period' })).not.toContainText('Spring 2027');
  await expect(page.getByRole('table', { name: 'Plans of other periods' })).toContainText('Spring 2027');

  await m.goto('Calendar');
  await expect(page.locator('.calendar-title')).toHaveText('July 2026');

  await app.open('reports');
  await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
  await expect(covers).toHaveText('The report covers Jul 1 – Sep 30, 2026');
  await expect(page.getByRole('radio', { name: 'Another period' })).toBeChecked();
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview).toContainText('Meeting summary · Jul 1, 2026 – Sep 30, 2026');

  // A quick choice of Reports is the top bar's period too, everywhere.
  await page.getByRole('radio', { name: 'Last month' }).check();
  await expect(r.periodLabel()).toHaveText('September 2026');
  await expect(preview).toContainText('Meeting summary · Sep 1, 2026 – Sep 30, 2026');

  // Kept after the page is loaded again.
  await page.reload();
  await expect(r.periodLabel()).toHaveText('September 2026');
  await r.goto();
  await expect(covers).toHaveText('Figures cover Sep 1 – 30, 2026');
});
