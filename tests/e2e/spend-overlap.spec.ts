import { invokeApi } from './support/api';
import { seriousFindingsInBothSchemes } from './support/axe';
import { expect, startEmptyWorkspace, test } from './support/fixtures';
import { ImportsPage } from './support/imports.page';

test.use({ clock: '2026-10-15T09:00:00Z' });

test('a Meta import over spend logged by hand shows the overlap, counts one side, and the user keeps the other', async ({
  page,
  app,
}) => {
  await app.open();
  await startEmptyWorkspace(page);
  const campaign = await invokeApi<{ id: string }>(page, 'campaigns.create', {
    name: 'Retargeting',
    channel: 'ads',
    objective: 'sales',
    trackingCode: 'fb-retarget',
    budgetMinor: 5_000_00,
  });
  await invokeApi(page, 'spend.create', {
    campaignId: campaign.id,
    date: '2026-04-10',
    amountMinor: 2_800_00,
  });

  const imports = new ImportsPage(page);
  await imports.goto();
  await imports.choose('meta-ads.csv');
  await imports.importButton().click();
  const job = imports.job('meta-ads.csv');
  await expect(job.getByRole('status')).toHaveText(/Done/);
  const overlaps = job.getByRole('list', { name: 'Spend overlaps' });
  await expect(overlaps).toContainText(
    'Retargeting, Apr 6, 2026 – Jun 30, 2026: $3,445.45 imported (86 entries); $2,800.00 logged by hand (1 entry).',
  );
  await expect(overlaps).toContainText('Counting the imported $3,445.45');
  // The summary offers the other side, and says so at once when it is kept; Ctrl+Z takes it back.
  await overlaps.getByRole('button', { name: 'Keep the spend logged by hand' }).click();
  await expect(overlaps).toContainText(
    'Counting the $2,800.00 logged by hand; the imported $3,445.45 is left out.',
  );
  await page.locator('body').click();
  await page.keyboard.press('Control+z');
  await expect(overlaps).toContainText('Counting the imported $3,445.45');

  await overlaps.getByRole('link', { name: 'Retargeting' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Retargeting' })).toBeVisible();
  const card = page.getByRole('region', { name: 'Imported spend overlaps spend logged by hand' });
  await expect(card).toContainText('On Apr 6, 2026 – Jun 30, 2026');
  await expect(card.getByRole('radio', { name: 'Keep the imported spend ($3,445.45)' })).toBeChecked();
  const tiles = page.getByRole('group', { name: 'Results so far' });
  await expect(tiles).toContainText('$3,445.45');
  await expect(page.getByRole('table', { name: 'Spend entries' }).getByText('Not counted')).toHaveCount(1);

  // What the import brought beyond spend.
  const metrics = page.getByRole('region', { name: 'Reach, impressions and clicks' });
  await expect(metrics).toContainText('Reach191,552');
  await expect(metrics).toContainText('Impressions290,150');
  await expect(metrics).toContainText('Clicks3,904');
  await expect(metrics).toContainText('Imported from Meta, Apr 6, 2026 – Jun 30, 2026 (86 days)');
  expect(await seriousFindingsInBothSchemes(page, 'spend overlap')).toEqual([]);

  await card.getByRole('radio', { name: 'Keep the spend logged by hand ($2,800.00)' }).click();
  await expect(page.locator('.toasts')).toContainText('Retargeting now counts the spend logged by hand.');
  await expect(card).toContainText(
    'Counting the $2,800.00 logged by hand; the imported $3,445.45 is left out.',
  );
  await expect(card.getByRole('radio', { name: 'Keep the spend logged by hand ($2,800.00)' })).toBeChecked();
  await expect(tiles).toContainText('$2,800.00');
  await expect(page.getByRole('table', { name: 'Spend entries' }).getByText('Not counted')).toHaveCount(86);

  await page.locator('body').click();
  await page.keyboard.press('Control+z');
  await expect(page.locator('.toasts')).toContainText('Undid: kept the hand-logged spend of “Retargeting”');
  await expect(card.getByRole('radio', { name: 'Keep the imported spend ($3,445.45)' })).toBeChecked();
  await expect(tiles).toContainText('$3,445.45');
});
