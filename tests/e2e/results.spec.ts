import { resolve } from 'node:path';
import { importFile } from './support/api';
import { expect, startDemoWorkspace, startEmptyWorkspace, test } from './support/fixtures';
import { SAMPLES } from './support/imports.page';
import { ResultsPage } from './support/results.page';

test.use({ clock: '2026-10-15T09:00:00Z' });
// Each test starts a host and fills the demo business first, which takes a while on a busy machine.
test.describe.configure({ timeout: 120_000 });

const money = (text: string) => Number(text.replace(/[^0-9.-]/g, ''));

test('period, comparison and model change the tiles, the charts and the campaign table', async ({
  page,
  app,
}) => {
  await app.open();
  await startDemoWorkspace(page);
  const r = new ResultsPage(page);
  await r.goto();

  // October 2026 is still running on the 15th: its numbers say "so far" and are compared day for day.
  await expect(r.periodLabel()).toHaveText('October 2026');
  await expect(r.subtitle()).toContainText('so far (15 days)');
  await expect(r.subtitle()).toContainText('previous period, same weekdays, the same 15 days');
  await expect(r.tile('Revenue')).toContainText('so far');
  const octoberRevenue = await r.tileValue('Revenue').innerText();
  const trend = r.chart(/^Revenue and spend by day/);
  const octoberTrend = await trend.getAttribute('aria-label');

  // September is over: no "so far", other numbers, another chart.
  await r.stepPeriod(-1);
  await expect(r.periodLabel()).toHaveText('September 2026');
  await expect(r.subtitle()).not.toContainText('so far');
  await expect(r.tile('Revenue')).not.toContainText('so far');
  await expect(r.tileValue('Revenue')).not.toHaveText(octoberRevenue);
  await expect(trend).not.toHaveAttribute('aria-label', octoberTrend ?? '');
  await expect(r.tile('Revenue').locator('.tile-compare')).toContainText('Aug');

  // The same period a year earlier.
  await r.compare('Same period last year');
  await expect(r.subtitle()).toContainText(
    'compared with Sep 1, 2025 – Sep 30, 2025 (same period last year)',
  );
  await expect(r.tile('Revenue').locator('.tile-compare')).toContainText('Sep 1, 2025 – Sep 30, 2025');
  await expect(r.tile('Revenue').locator('.tile-change')).toContainText('New');

  // A week: daily buckets.
  await r.periodKind('Week');
  await expect(r.periodLabel()).toHaveText('Week of Oct 12, 2026');
  await expect(r.chart(/^Revenue and spend by day/)).toBeVisible();

  // A quarter: weekly buckets.
  await r.compare('Previous period');
  await r.periodKind('Quarter');
  await expect(r.periodLabel()).toHaveText('Q4 2026');
  await expect(r.chart(/^Revenue and spend by week/)).toBeVisible();

  // Another model moves campaign revenue between campaigns; the total stays the same.
  const total = await r.tileValue('Revenue').innerText();
  const channels = r.chart(/^Spend and revenue by channel/);
  const positionChannels = await channels.getAttribute('aria-label');
  const positionRevenue = await r.campaigns().locator('tbody td:nth-child(7)').allInnerTexts();
  await expect(r.campaigns().locator('..')).toContainText('position-based · 90-day lookback');
  await r.model('First touch');
  await expect(page.getByRole('heading', { name: /^Campaigns/ })).toContainText(
    'first touch · 90-day lookback',
  );
  await expect
    .poll(() => r.campaigns().locator('tbody td:nth-child(7)').allInnerTexts())
    .not.toEqual(positionRevenue);
  await expect(channels).not.toHaveAttribute('aria-label', positionChannels ?? '');
  await expect(r.tileValue('Revenue')).toHaveText(total);
  await r.lookback(30);
  await expect(page.getByRole('heading', { name: /^Campaigns/ })).toContainText(
    'first touch · 30-day lookback',
  );

  // The models explained, and why there is no data-driven one.
  await page.getByText('What do the models mean?').click();
  await expect(page.getByText(/There is no data-driven model/)).toBeVisible();

  // Every model side by side.
  const comparison = page.getByRole('table', { name: 'Model comparison' });
  await expect(comparison.getByRole('columnheader')).toHaveText([
    'Campaign',
    'first touch (chosen)',
    'last touch',
    'linear',
    'position-based',
    'time decay',
  ]);
});

test('drilling from a campaign into its leads and orders, and sorting the table by keyboard', async ({
  page,
  app,
}) => {
  await app.open();
  await startDemoWorkspace(page);
  const r = new ResultsPage(page);
  await r.goto();
  await r.periodKind('Quarter');
  await r.stepPeriod(-1);
  await expect(r.periodLabel()).toHaveText('Q3 2026');

  // Sort by leads with the keyboard: the header says so.
  const leadsHeader = r.header('Leads');
  await leadsHeader.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(leadsHeader).toHaveAttribute('aria-sort', 'descending');
  await page.keyboard.press('Enter');
  await expect(leadsHeader).toHaveAttribute('aria-sort', 'ascending');
  await page.keyboard.press('Enter');
  const leadCounts = (await r.campaigns().locator('tbody td:nth-child(4)').allInnerTexts()).map(money);
  expect(leadCounts).toEqual([...leadCounts].sort((a, b) => b - a));

  // The campaign with the most leads: its leads, then the revenue credited to it.
  const first = r.campaigns().locator('tbody tr').first();
  const name = (await first.locator('th').innerText()).trim();
  const leads = await r.cell(name, 'Leads');
  const revenue = await r.cell(name, 'Revenue');
  const spend = await r.cell(name, 'Spend');
  await first.locator('td').nth(1).click();
  const panel = r.panel(name);
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId('records-count')).toHaveText(leads);
  await expect(panel.getByRole('table', { name: 'Leads records' }).locator('tbody tr')).toHaveCount(
    Math.min(500, money(leads)),
  );
  await panel.getByRole('button', { name: 'Revenue', exact: true }).click();
  await expect(panel.getByTestId('records-sum')).toHaveText(revenue);
  const credited = (
    await panel
      .getByRole('table', { name: 'Revenue records' })
      .locator('tbody td:nth-child(4)')
      .allInnerTexts()
  ).map(money);
  expect(Math.round(credited.reduce((s, v) => s + v, 0) * 100)).toBe(Math.round(money(revenue) * 100));
  await expect(panel.getByRole('table', { name: 'Revenue records' })).toContainText('Order');
  await panel.getByRole('button', { name: 'Spend', exact: true }).click();
  await expect(panel.getByTestId('records-sum')).toHaveText(spend);
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();

  // A tile opens the records behind it too.
  const won = await r.tileValue('Won').innerText();
  await r.tile('Won').getByRole('button').click();
  await expect(r.panel('Won').getByTestId('records-count')).toHaveText(won);
  await page.keyboard.press('Escape');
  const total = await r.tileValue('Revenue').innerText();
  await r.tile('Revenue').getByRole('button').click();
  await expect(r.panel('Revenue').getByTestId('records-sum')).toHaveText(total);
  await page.keyboard.press('Escape');

  // Reconciliation: an order with no contact is linked to a lead, another is marked not applicable.
  const recon = page.getByRole('region', { name: 'Reconciliation' });
  const noContact = recon.getByRole('button', { name: /orders with no contact/ });
  const before = money(await noContact.locator('.recon-count').innerText());
  expect(before).toBeGreaterThanOrEqual(2);
  await noContact.click();
  const list = r.panel('Orders with no contact');
  await expect(list.getByTestId('recon-total')).toHaveText(String(before));
  await list.getByRole('listitem').first().getByRole('button', { name: 'Link to a lead' }).click();
  await expect(list.getByPlaceholder('Type a lead, contact or company…')).toBeFocused();
  await list.getByRole('option').first().click();
  await expect(page.locator('.toasts')).toContainText('Linked to the lead.');
  await expect(list.getByTestId('recon-total')).toHaveText(String(before - 1));
  await list.getByRole('listitem').first().getByRole('button', { name: 'Not applicable' }).click();
  await expect(list.getByTestId('recon-total')).toHaveText(String(before - 2));
  await page.keyboard.press('Escape');
  await expect(noContact.locator('.recon-count')).toHaveText(String(before - 2));
});

test('visits against sales on the imported GA4 and Shopify samples', async ({ page, app }) => {
  await app.open();
  await startEmptyWorkspace(page);
  const r = new ResultsPage(page);
  for (const file of ['ga4-traffic-daily.csv', 'shopify-orders.csv']) {
    await importFile(page, resolve(SAMPLES, file));
  }
  await r.goto();
  await r.periodKind('Quarter');
  await r.stepPeriod(-1);
  await expect(r.periodLabel()).toHaveText('Q3 2026');

  const panel = r.visitsVsSales();
  await expect(panel.locator('.vvs-sentence')).toContainText(
    /after days with more visits than usual, sales tended to be higher \d+ days? later/i,
  );
  await expect(panel.locator('.vvs-sentence')).toContainText(
    /r = 0\.\d+ on week-over-week changes, n = \d+ days/,
  );
  await expect(panel.locator('.vvs-sentence')).not.toContainText(/caused|drove|due to/);
  await expect(panel).toContainText('Correlation, not causation');
  await expect(panel.getByRole('img', { name: /^Daily visits and sales over \d+ days/ })).toBeVisible();
  await expect(r.tileValue('Revenue')).not.toHaveText('$0.00');

  // Early in the year there is too little overlap for a coefficient.
  await r.periodKind('Month');
  await page.getByLabel('Period length').selectOption({ label: 'Custom' });
  await page.getByLabel('Period from').fill('2026-01-01');
  await page.getByLabel('Period to').fill('2026-02-15');
  await expect(r.periodLabel()).toHaveText('Jan 1, 2026 – Feb 15, 2026');
  await expect(panel).toContainText('Not enough history yet (need 63 days, have 46)');
  await expect(panel.locator('.vvs-sentence')).not.toContainText('r =');
});

test('the visits-vs-sales panel switches between the business, a channel and a page', async ({
  page,
  app,
}) => {
  await app.open();
  await startEmptyWorkspace(page);
  const r = new ResultsPage(page);
  for (const file of ['ga4-traffic-daily.csv', 'ga4-pages-daily.csv', 'shopify-orders.csv']) {
    await importFile(page, resolve(SAMPLES, file));
  }
  await r.goto();
  await r.periodKind('Quarter');
  await r.stepPeriod(-1);
  await expect(r.periodLabel()).toHaveText('Q3 2026');

  const panel = r.visitsVsSales();
  const sentence = panel.locator('.vvs-sentence');
  const chart = panel.getByRole('img', { name: /^Daily / });
  await expect(sentence).toContainText(/^After days with more visits than usual/);
  const businessChart = await chart.getAttribute('aria-label');

  // One channel: its own visits against the sales that came through it (last touch), the rule said below.
  const picker = panel.getByLabel('Visits of');
  await picker.selectOption({ label: 'Social media' });
  await expect(sentence).toContainText(
    /after days with more visits from social media than usual, sales from social media tended to be higher \d+ days? later/i,
  );
  await expect(panel.locator('.vvs-caveat')).toContainText('last touch');
  await expect(chart).toHaveAttribute(
    'aria-label',
    /^Daily visits from social media and sales from social media over/,
  );
  await expect(chart).not.toHaveAttribute('aria-label', businessChart ?? '');

  // One page: its daily views against the business's sales.
  await picker.selectOption({ label: '/wholesale' });
  await expect(sentence).toContainText(/views of \/wholesale than usual, sales tended to be/);
  await expect(panel.locator('.vvs-caveat')).toContainText('page views of /wholesale');
  await expect(chart).toHaveAttribute('aria-label', /^Daily views of \/wholesale and sales over/);
  for (const text of await sentence.allInnerTexts()) expect(text).not.toMatch(/caused|drove|due to/);
  await expect(panel).toContainText('Correlation, not causation');

  // Back to the whole business: the dashboard's own sentence again.
  await picker.selectOption({ label: 'The whole business' });
  await expect(sentence).toContainText(/^After days with more visits than usual/);
  await expect(chart).toHaveAttribute('aria-label', businessChart ?? '');
});
