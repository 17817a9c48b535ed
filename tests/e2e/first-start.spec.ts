import { expect, test } from './support/fixtures';
import { invokeApi } from './support/api';

// The browser speaks German, as a shop owner's computer in Germany would.
test.use({ locale: 'de-DE', clock: '2026-10-15T09:00:00Z' });

test('first start suggests euros, Monday and day.month dates from a German browser', async ({
  page,
  app,
}) => {
  await app.open();
  const form = page.getByRole('form', { name: 'Your business' });
  await expect(form.getByLabel('Currency')).toHaveValue('EUR');
  await expect(form.getByLabel('Number and date format')).toHaveValue('de-DE');
  await expect(form.getByLabel('Weeks start on')).toHaveValue('1');
  await expect(form.getByLabel('Fiscal year starts in')).toHaveValue('1');
  await expect(page.getByTestId('format-preview')).toContainText('1.234,56 €');
  await expect(page.getByTestId('format-preview')).toContainText('31.03.2026 (day, month, year)');
});

test('the answers of the first start are the workspace settings', async ({ page, app }) => {
  await app.open();
  const form = page.getByRole('form', { name: 'Your business' });

  // An empty workspace needs a name; nothing is set up without one.
  await page.getByRole('button', { name: /Start with an empty workspace/ }).click();
  await expect(form.getByText('enter the business name')).toBeVisible();
  expect((await invokeApi<{ initialized: boolean }>(page, 'settings.get', {})).initialized).toBe(false);

  await form.getByLabel(/^Business name/).fill('Kaffeerösterei Blau');
  await form.getByLabel('Currency').selectOption('CHF');
  await form.getByLabel('Number and date format').selectOption('en-GB');
  await form.getByLabel('Weeks start on').selectOption({ label: 'Sunday' });
  await form.getByLabel('Fiscal year starts in').selectOption({ label: 'April' });
  await expect(page.getByTestId('format-preview')).toContainText('31 Mar 2026 (day, month, year)');
  await page.getByRole('button', { name: /Start with an empty workspace/ }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

  expect(await invokeApi(page, 'settings.get', {})).toEqual({
    businessName: 'Kaffeerösterei Blau',
    currency: 'CHF',
    previousCurrency: null,
    locale: 'en-GB',
    weekStart: 0,
    fiscalYearStartMonth: 4,
    initialized: true,
  });
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: /^Settings/ })
    .click();
  await expect(page.getByLabel(/^Business name/)).toHaveValue('Kaffeerösterei Blau');
  await expect(page.getByLabel('Fiscal year starts in')).toHaveValue('4');
});
