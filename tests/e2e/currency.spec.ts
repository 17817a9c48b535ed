import { resolve } from 'node:path';
import { importFile, invokeApi } from './support/api';
import { seriousFindingsInBothSchemes } from './support/axe';
import { expect, startEmptyWorkspace, test } from './support/fixtures';
import { SAMPLES } from './support/imports.page';

test.use({ clock: '2026-10-15T09:00:00Z' });

test('changing the currency asks first, says what keeps its numbers and what is left out, and undoes with Ctrl+Z', async ({
  page,
  app,
}) => {
  await app.open();
  await startEmptyWorkspace(page);
  const campaign = await invokeApi<{ id: string }>(page, 'campaigns.create', {
    name: 'Autumn ads',
    channel: 'ads',
    objective: 'sales',
    budgetMinor: 500_00,
  });
  await importFile(page, resolve(SAMPLES, 'shopify-orders.csv'));

  await app.open('settings');
  const form = page.getByRole('form', { name: 'Workspace settings' });
  // A locale change alone asks nothing and leaves amounts as they are.
  await form.getByLabel('Number and date format').selectOption('en-GB');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.locator('.toasts')).toContainText('Settings saved.');
  await expect(page.getByRole('dialog')).toBeHidden();

  await form.getByLabel('Currency').selectOption('EUR');
  await form.getByRole('button', { name: 'Save settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change the currency from USD to EUR?' });
  await expect(dialog).toContainText('Amounts keep their numbers; nothing is converted.');
  await expect(dialog.getByRole('list', { name: 'Keeps its numbers' })).toContainText(
    '1 campaign with a budget or revenue target',
  );
  await expect(dialog).toContainText('Imported sales in USD stay in USD and are left out of revenue:');
  await expect(dialog).toContainText(/337 orders in USD \(US\$[\d,.]+\)/);
  expect(await seriousFindingsInBothSchemes(page, 'currency dialog')).toEqual([]);

  // Cancelling changes nothing.
  await dialog.getByRole('button', { name: 'Keep USD' }).click();
  await expect(dialog).toBeHidden();
  expect((await invokeApi<{ currency: string }>(page, 'settings.get', {})).currency).toBe('USD');

  await form.getByLabel('Currency').selectOption('EUR');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await dialog.getByRole('button', { name: 'Change to EUR' }).click();
  await expect(page.locator('.toasts')).toContainText('The currency is EUR now; amounts kept their numbers.');
  await expect(page.getByRole('note')).toContainText('Changed from USD');
  const detail = await invokeApi<{ currency: string; campaign: { budgetMinor: number } }>(
    page,
    'campaigns.detail',
    { id: campaign.id },
  );
  expect(detail).toMatchObject({ currency: 'EUR', campaign: { budgetMinor: 500_00 } });

  await page.locator('body').click();
  await page.keyboard.press('Control+z');
  await expect(page.locator('.toasts')).toContainText('Undid: changed the currency from USD to EUR');
  await expect(form.getByLabel('Currency')).toHaveValue('USD');
  await page.keyboard.press('Control+Shift+z');
  await expect(page.locator('.toasts')).toContainText('Redid: changed the currency from USD to EUR');
  await expect(form.getByLabel('Currency')).toHaveValue('EUR');

  // The change can also be taken back later, from Settings.
  await page.getByRole('button', { name: 'Switch back to USD' }).click();
  await expect(form.getByLabel('Currency')).toHaveValue('USD');
  expect(
    (await invokeApi<{ campaign: { budgetMinor: number } }>(page, 'campaigns.detail', { id: campaign.id }))
      .campaign.budgetMinor,
  ).toBe(500_00);
});
