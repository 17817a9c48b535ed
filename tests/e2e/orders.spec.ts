import { resolve } from 'node:path';
import { importFile, invokeApi } from './support/api';
import { expect, startDemoWorkspace, startEmptyWorkspace, test } from './support/fixtures';
import { SAMPLES } from './support/imports.page';
import { OrdersPage } from './support/orders.page';
import { ResultsPage } from './support/results.page';

test.use({ clock: '2026-10-15T09:00:00Z' });
// Each test starts a host and imports or fills a workspace first, which takes a while on a busy machine.
test.describe.configure({ timeout: 180_000 });

test('imported Shopify orders: filter by period and status, open one, see its lines and its contact', async ({
  page,
  app,
}) => {
  await app.open();
  await startEmptyWorkspace(page);
  const orders = new OrdersPage(page);
  await orders.goto();
  // Before any import the screen says which import fills it.
  await expect(page.getByRole('region', { name: 'No orders yet' })).toContainText('Shopify');

  await importFile(page, resolve(SAMPLES, 'hubspot-contacts.csv'));
  await importFile(page, resolve(SAMPLES, 'shopify-orders.csv'));
  await orders.goto();
  await expect(page.locator('.period-label')).toHaveText('October 2026');
  await orders.stepPeriod(-1);
  await expect(page.locator('.period-label')).toHaveText('September 2026');
  // 19 orders were placed in September (three pending); revenue counts paid ones net of refunds.
  await expect(orders.summary()).toContainText('19 orders in September 2026');
  const septemberRevenue = (await orders.summary().innerText()).replace(/^.*revenue /, '');

  await orders.status('Partially refunded');
  await expect(orders.summary()).toHaveText('1 order in September 2026 · revenue $6.95');
  await expect(orders.rows()).toHaveCount(1);
  const row = orders.rows().first();
  await expect(row).toContainText('#1334');
  await expect(row).toContainText('Olivia Moore');
  await expect(row).toContainText('Partially refunded');
  await expect(row).toContainText('$22.95');

  await row.click();
  const panel = orders.panel('Order #1334');
  await expect(panel).toBeVisible();
  const lines = panel.getByRole('table', { name: 'Order lines' });
  await expect(lines).toContainText('Harbor Blend - 12oz / Ground');
  await expect(lines).toContainText('$16.00');
  const totals = panel.getByRole('definition');
  await expect(totals.filter({ hasText: '$22.95' })).toHaveCount(1);
  await expect(totals.filter({ hasText: '−$16.00' })).toHaveCount(1);
  // Total less the refund is what Results counts.
  await expect(panel.getByTestId('order-net')).toHaveText('$6.95');

  // The contact matched by e-mail opens from the order.
  await panel.getByRole('link', { name: 'Olivia Moore' }).click();
  await expect(page).toHaveURL(/#\/contacts\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('dialog')).toContainText('omoore@maine.rr.com');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Results count the same September revenue (no payments or won deals were imported).
  const results = new ResultsPage(page);
  await results.goto();
  await expect(results.periodLabel()).toHaveText('September 2026');
  await expect(results.tileValue('Revenue')).toHaveText(septemberRevenue);
});

test('demo workspace: campaign filter, payments tab, and linking an order to a lead', async ({
  page,
  app,
}) => {
  await app.open();
  await startDemoWorkspace(page);
  const orders = new OrdersPage(page);
  await orders.goto();
  await orders.stepPeriod(-1);
  await expect(orders.rows().first()).toBeVisible();

  // A campaign's orders are its own or its leads'; every row names the campaign.
  const campaignSelect = page.getByRole('combobox', { name: 'Campaign' });
  await campaignSelect.selectOption({ index: 2 });
  const campaign = await campaignSelect.evaluate(
    (el: HTMLSelectElement) => el.selectedOptions[0]?.textContent ?? '',
  );
  await expect(orders.rows().first()).toContainText(campaign);

  // An order that counts as revenue with no campaign is linked to a lead from its panel.
  await campaignSelect.selectOption('none');
  await orders.status('Counts as revenue');
  await page.getByRole('checkbox', { name: /^Only / }).uncheck();
  await expect(orders.summary()).toContainText('orders · revenue');
  const before = Number(
    (await orders.summary().innerText()).replace(/ orders? .*$/, '').replace(/[^0-9]/g, ''),
  );
  await orders.rows().first().click();
  const panel = orders.panel(/^Order /);
  await panel.getByRole('button', { name: 'Link to a lead' }).click();
  const { rows: open } = await invokeApi<{ rows: { title: string }[] }>(page, 'leads.list', {
    outcome: 'open',
    limit: 1,
  });
  const leadTitle = open[0]!.title;
  await panel.getByPlaceholder('Type a lead, contact or company…').fill(leadTitle);
  // The option's name is the lead's title and its contact and stage.
  await panel.getByRole('option', { name: leadTitle }).first().click();
  await expect(page.locator('.toasts')).toContainText('Linked to the lead.');
  await expect(panel.getByRole('link', { name: leadTitle })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Link to a lead' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  // Through its lead the order now has a campaign (when the lead has one), so the "no campaign" list is
  // never longer than before.
  await expect(orders.summary()).toContainText('orders · revenue');
  const after = Number(
    (await orders.summary().innerText()).replace(/ orders? .*$/, '').replace(/[^0-9]/g, ''),
  );
  expect(after).toBeLessThanOrEqual(before);

  await page.getByRole('tab', { name: 'Payments' }).click();
  await expect(page).toHaveURL(/#\/orders\/payments$/);
  await campaignSelect.selectOption('');
  await expect(orders.summary()).toContainText('payments · revenue');
  await orders.rows('Payments').first().click();
  await expect(orders.panel(/^Payment /)).toContainText('Counts as revenue');
});
