import type { Page } from '@playwright/test';
import { ContactsPage } from './support/contacts.page';
import { expect, startDemoWorkspace, startEmptyWorkspace, test } from './support/fixtures';
import { SalesPage } from './support/sales.page';

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

test('? lists the shortcuts of the screen, quiets them while open, and Escape closes it', async ({
  page,
  app,
}) => {
  await app.open();
  await startEmptyWorkspace(page);
  await new ContactsPage(page).goto();
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole('region', { name: 'Anywhere' })).toContainText(
    'Ctrl KSearch or run a command',
  );
  await expect(sheet.getByRole('region', { name: 'Go to' })).toContainText('g tToday');
  const screen = sheet.getByRole('region', { name: 'Leads & contacts' });
  await expect(screen).toContainText('nNew contact');
  await expect(screen).toContainText('jNext row');

  await page.keyboard.press('n');
  await expect(page.getByRole('dialog', { name: 'New contact' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await page.keyboard.press('n');
  await expect(page.getByRole('dialog', { name: 'New contact' })).toBeVisible();
  await page.keyboard.press('Escape');

  // Another screen lists its own keys, not the contacts screen's.
  await page.keyboard.press('g');
  await page.keyboard.press('q');
  await expect(page.getByRole('heading', { level: 1, name: 'Cadences' })).toBeVisible();
  await page.keyboard.press('?');
  await expect(sheet.getByRole('region', { name: 'Cadences' })).toContainText('nNew cadence');
  await expect(sheet.getByRole('region', { name: 'Leads & contacts' })).toHaveCount(0);
  await page.keyboard.press('?');
  await expect(sheet).toBeHidden();
});

/** The API methods the page calls from now on, in order, as the host sees them. */
function recordCalls(page: Page): string[] {
  const calls: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname !== '/api/invoke') return;
    calls.push((request.postDataJSON() as { method: string }).method);
  });
  return calls;
}

const answered = (page: Page, method: string) =>
  page.waitForResponse(
    (response) =>
      new URL(response.url()).pathname === '/api/invoke' &&
      (response.request().postDataJSON() as { method: string }).method === method,
  );

test('a change refetches only the views that read its domain', async ({ page, app }) => {
  await app.open();
  await startEmptyWorkspace(page);
  const sales = new SalesPage(page);
  const contact = await sales.invoke<{ id: string }>('contacts.create', {
    firstName: 'Aria',
    lastName: 'Dubois',
  });
  await sales.invoke('leads.create', { title: 'Tasting for the shop', contactId: contact.id });
  await sales.goto('Pipeline');
  await expect(sales.card('Tasting for the shop')).toBeVisible();
  const calls = recordCalls(page);

  // A lead written elsewhere (another window, the CLI) reaches the board and Today's count in the sidebar.
  await sales.invoke('leads.create', { title: 'Office coffee', contactId: contact.id });
  await expect(sales.card('Office coffee')).toBeVisible();
  expect(calls).toContain('leads.board');
  expect(calls).toContain('today.queue');
  expect(calls).not.toContain('settings.get');

  // A content item changes Today but not the board: the board's answer stays cached.
  calls.length = 0;
  const today = answered(page, 'today.queue');
  await sales.invoke('content.create', { title: 'Harvest post', channel: 'social' });
  await today;
  expect(calls).toContain('today.queue');
  expect(calls).not.toContain('leads.board');
  expect(calls).not.toContain('settings.get');
});

test('the first Tab reaches a skip link that moves the focus to the main content, keeping the route', async ({
  page,
  app,
}) => {
  await app.open();
  await startDemoWorkspace(page);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Leads & contacts' })
    .click();
  const route = new URL(page.url()).hash;
  // A fresh load of the screen, as a keyboard user arrives at it.
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('button', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
  expect(new URL(page.url()).hash).toBe(route);
  await page.keyboard.press('Tab');
  await expect(page.locator('main#main :focus')).toHaveCount(1);
});

test('the app has a favicon, served by the host', async ({ page, app }) => {
  await app.open();
  const href = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(href).toBeTruthy();
  const icon = await page.request.get(new URL(href ?? '', page.url()).href);
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toContain('image/svg+xml');
  expect(await icon.text()).toContain('<svg');
});
