import { resolve } from 'node:path';
import { startDemoWorkspace, startEmptyWorkspace, test } from './support/fixtures';
import { SAMPLES } from './support/imports.page';
import { ResultsPage } from './support/results.page';

test.use({ clock: '2026-10-15T09:00:00Z' });

test('shots demo', async ({ page, app }) => {
  await app.open();
  await startDemoWorkspace(page);
  const r = new ResultsPage(page);
  await r.goto();
  await r.stepPeriod(-1);
  await page.waitForTimeout(1200);
  await page.screenshot({ path: '/tmp/results-top-light.png' });
  await page.getByText('What do the models mean?').click();
  await page.screenshot({ path: '/tmp/results-models-light.png', clip: { x: 600, y: 0, width: 680, height: 600 } });
  await page.getByText('What do the models mean?').click();
  await r.campaigns().locator('tbody tr').first().locator('td').nth(1).click();
  await page.waitForTimeout(600);
  await page.screenshot({ path: '/tmp/results-panel-light.png' });
  await page.getByRole('dialog').getByRole('button', { name: 'Revenue', exact: true }).click();
  await page.waitForTimeout(600);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(600);
  await page.screenshot({ path: '/tmp/results-panel-dark.png' });
});

test('shots samples', async ({ page, app }) => {
  await app.open();
  await startEmptyWorkspace(page);
  const r = new ResultsPage(page);
  for (const file of ['ga4-traffic-daily.csv', 'shopify-orders.csv']) {
    const job = await r.invoke<{ id: string }>('imports.start', { path: resolve(SAMPLES, file) });
    for (let i = 0; i < 60; i++) {
      if ((await r.invoke<{ status: string }>('imports.get', { id: job.id })).status === 'done') break;
      await page.waitForTimeout(500);
    }
  }
  await r.goto();
  await r.periodKind('Quarter');
  await r.stepPeriod(-1);
  await page.setViewportSize({ width: 1280, height: 3600 });
  await page.waitForTimeout(1500);
  await page.screenshot({ path: '/tmp/results-samples-light.png', clip: { x: 232, y: 0, width: 1048, height: 3600 } });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(800);
  await r.visitsVsSales().screenshot({ path: '/tmp/results-vvs-dark.png' });
});
