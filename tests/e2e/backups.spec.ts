import type { Page } from '@playwright/test';
import { ContactsPage } from './support/contacts.page';
import { expect, startEmptyWorkspace, test } from './support/fixtures';

async function openSettings(page: Page) {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: /Settings/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
}

async function addContact(page: Page, first: string, last: string) {
  const contacts = new ContactsPage(page);
  await contacts.goto();
  await contacts.openNewForm();
  await contacts.fill({ 'First name': first, 'Last name': last });
  await contacts.submit();
  await expect(page.getByRole('status')).toContainText(`Saved ${first} ${last}`);
  await page.keyboard.press('Escape');
}

test('a backup made in Settings brings the old data back when restored', async ({ page, app }) => {
  await app.open();
  await startEmptyWorkspace(page);
  await addContact(page, 'Aria', 'Dubois');

  await openSettings(page);
  const backups = page.getByRole('table', { name: 'Backups' });
  // The app took its automatic backup of the day when it started.
  await expect(backups.getByRole('row').filter({ hasText: 'Automatic' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('status')).toContainText('Backup written.');
  const mine = backups.getByRole('row').filter({ hasText: 'Backed up by you' });
  await expect(mine).toHaveCount(1);
  await expect(mine).toContainText(/\d+(\.\d)? (kB|MB)/);

  // Change things after the backup: a new contact and the business name.
  await page.getByLabel('Business name').fill('Fjord Roasters');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toContainText('Settings saved.');
  await addContact(page, 'Noah', 'Martin');

  await openSettings(page);
  await mine.getByRole('button', { name: /Restore the backup/ }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('keeps a safety copy of the database as it is now');
  await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Restored the backup of');
  await expect(backups.getByRole('row').filter({ hasText: 'Safety copy before a restore' })).toHaveCount(1);
  await expect(page.getByLabel('Business name')).not.toHaveValue('Fjord Roasters');

  const contacts = new ContactsPage(page);
  await contacts.goto();
  await expect(contacts.row('Aria Dubois')).toBeVisible();
  await expect(page.getByText('Noah Martin')).toHaveCount(0);
});
