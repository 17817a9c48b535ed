import { ContactsPage } from './support/contacts.page';
import { expect, startDemoWorkspace, startEmptyWorkspace, test } from './support/fixtures';

test('a contact created in the form is still there after the app restarts on the same file', async ({
  page,
  app,
}) => {
  await app.open();
  await startEmptyWorkspace(page);
  const contacts = new ContactsPage(page);
  await contacts.goto();
  await expect(page.getByRole('region', { name: 'No contacts yet' })).toBeVisible();

  await contacts.openNewForm();
  await contacts.fill({
    'First name': 'Aria',
    'Last name': 'Dubois',
    'E-mail': 'aria@pemaquid.example',
    Company: 'Pemaquid Coffee House',
  });
  await contacts.submit();
  await expect(page.getByRole('status')).toContainText('Saved Aria Dubois');
  await expect(contacts.row('Aria Dubois')).toContainText('Pemaquid Coffee House');

  await app.restart();
  await app.open('contacts');
  await expect(contacts.row('Aria Dubois')).toContainText('aria@pemaquid.example');
});

test('bad input is explained next to the field and nothing is saved', async ({ page, app }) => {
  await app.open();
  await startEmptyWorkspace(page);
  const contacts = new ContactsPage(page);
  await contacts.goto();
  await contacts.openNewForm();
  await contacts.fill({ 'First name': 'Noah', 'E-mail': 'noah-at-example' });
  await contacts.submit();
  const email = contacts.form().getByLabel('E-mail', { exact: true });
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(contacts.form().getByRole('alert')).toHaveText(/expected an e-mail address/);

  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: 'No contacts yet' })).toBeVisible();
});

test('navigation to an outside page is refused', async ({ page, app }) => {
  const outside: string[] = [];
  await page.route('https://example.com/**', (route) => {
    outside.push(route.request().url());
    return route.abort();
  });
  await app.open();
  await startEmptyWorkspace(page);
  const before = page.url();
  // A link as user content can hold it (a campaign's landing page, a contact's website).
  await page.evaluate(() => {
    const link = document.createElement('a');
    link.href = 'https://example.com/landing';
    link.textContent = 'Landing page';
    document.querySelector('main')?.append(link);
  });
  await page.getByRole('link', { name: 'Landing page' }).click();
  await expect(page.getByRole('status')).toContainText('does not leave the app');
  expect(page.url()).toBe(before);
  expect(outside).toEqual([]);
});

test('the demo workspace fills every screen that exists, and the contacts table sorts', async ({
  page,
  app,
}) => {
  await app.open();
  await startDemoWorkspace(page);
  await expect(page.getByRole('navigation', { name: 'Main' })).toContainText('Harbor & Pine Coffee Roasters');
  const contacts = new ContactsPage(page);
  await contacts.goto();
  await expect(page.getByText(/^480 contacts$/)).toBeVisible();
  await page.getByRole('columnheader', { name: 'Name' }).getByRole('button').click();
  await expect(page.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'descending');
});

test('settings are saved and change how money is shown', async ({ page, app }) => {
  await app.open();
  await startEmptyWorkspace(page);
  await page.keyboard.press('g');
  await page.keyboard.press('s');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await page.getByLabel('Business name').fill('Café Lumière');
  await page.getByLabel('Currency').selectOption('EUR');
  await page.getByLabel('Number and date format').selectOption('de-DE');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toContainText('Settings saved');
  await expect(page.getByText(/Money shows like 1\.234,56\s€/)).toBeVisible();
  await app.restart();
  await app.open('settings');
  await expect(page.getByLabel('Business name')).toHaveValue('Café Lumière');
});

test('the palette jumps to any screen and the New menu opens a form', async ({ page, app }) => {
  await app.open();
  await startEmptyWorkspace(page);
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette).toBeVisible();
  await palette.getByRole('combobox').fill('setti');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  await page.getByRole('button', { name: '+ New' }).click();
  await page.getByRole('menuitem', { name: /Contact/ }).click();
  await expect(page.getByRole('dialog', { name: 'New contact' })).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#/contacts');
});
