import { expect, startEmptyWorkspace, test } from './support/fixtures';
import { SalesPage } from './support/sales.page';

// A Thursday.
test.use({ clock: '2026-10-15T09:00:00Z' });

test('Ctrl+Z puts a moved card back and Ctrl+Shift+Z moves it again, but not while typing in a field', async ({
  page,
  app,
}) => {
  await app.open();
  await startEmptyWorkspace(page);
  const sales = new SalesPage(page);
  await sales.seedLead();
  await sales.goto('Pipeline');
  const card = () => sales.card('Office coffee for Pemaquid');
  await card().focus();
  await page.keyboard.press(']');
  await expect(sales.column('Contacted').getByText('Office coffee for Pemaquid')).toBeVisible();

  await page.keyboard.press('Control+z');
  await expect(sales.toasts()).toContainText('Undid: moved “Office coffee for Pemaquid” to Contacted');
  await expect(sales.column('New').getByText('Office coffee for Pemaquid')).toBeVisible();
  await expect(sales.column('Contacted')).not.toContainText('Office coffee for Pemaquid');

  await page.keyboard.press('Control+Shift+z');
  await expect(sales.toasts()).toContainText('Redid: moved “Office coffee for Pemaquid” to Contacted');
  await expect(sales.column('Contacted').getByText('Office coffee for Pemaquid')).toBeVisible();

  // In a text field Ctrl+Z edits the text, and leaves the board alone.
  await card().click();
  const panel = sales.dialog('Office coffee for Pemaquid');
  await panel.getByLabel('Quality note').fill('Wants a tasting');
  await panel.getByLabel('Quality note').press('Control+z');
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(sales.column('Contacted').getByText('Office coffee for Pemaquid')).toBeVisible();

  // Ctrl+Y redoes too: undo, then redo with it.
  await page.keyboard.press('Control+z');
  await expect(sales.column('New').getByText('Office coffee for Pemaquid')).toBeVisible();
  await page.keyboard.press('Control+y');
  await expect(sales.column('Contacted').getByText('Office coffee for Pemaquid')).toBeVisible();
});

test('Done and Snooze on Today are undone with Ctrl+Z and redone with Ctrl+Shift+Z', async ({
  page,
  app,
}) => {
  await app.open();
  await startEmptyWorkspace(page);
  const sales = new SalesPage(page);
  await sales.seedFollowUps();
  await sales.goto('Today');
  await expect(sales.bucket('Overdue')).toContainText('Send samples');

  await page.getByRole('button', { name: 'Snooze Send samples' }).click();
  await page.getByRole('menuitem', { name: /^3 days/ }).click();
  await expect(sales.bucket('Overdue')).toContainText('Nothing overdue.');
  await page.keyboard.press('Control+z');
  await expect(sales.toasts()).toContainText('Undid: snoozed “Send samples” to Oct 18, 2026');
  await expect(sales.bucket('Overdue')).toContainText('Send samples');
  await expect(sales.bucket('Overdue')).toContainText('2 days late');
  await page.keyboard.press('Control+Shift+z');
  await expect(sales.toasts()).toContainText('Redid: snoozed “Send samples” to Oct 18, 2026');
  await expect(sales.bucket('Overdue')).toContainText('Nothing overdue.');
  await expect(sales.bucket('Upcoming')).toContainText('Send samples');

  await page.getByRole('button', { name: 'Done: Confirm tasting date' }).click();
  const done = sales.form('Complete Confirm tasting date');
  await sales.fill(done, { Outcome: 'Booked for Tuesday' });
  await done.getByRole('button', { name: 'Mark done' }).click();
  await expect(sales.bucket('Due today')).not.toContainText('Confirm tasting date');
  await page.keyboard.press('Control+z');
  await expect(sales.toasts()).toContainText('Undid: marked “Confirm tasting date” done');
  await expect(sales.bucket('Due today')).toContainText('Confirm tasting date');
  await page.keyboard.press('Control+Shift+z');
  await expect(sales.toasts()).toContainText('Redid: marked “Confirm tasting date” done');
  await expect(sales.bucket('Due today')).not.toContainText('Confirm tasting date');

  // The toast's own Undo takes back the same step.
  await sales.toasts().getByRole('button', { name: 'Undo' }).last().click();
  await expect(sales.bucket('Due today')).toContainText('Confirm tasting date');
});

test('a deleted contact is listed in Settings → Trash and Restore brings it back with its lead', async ({
  page,
  app,
}) => {
  await app.open();
  await startEmptyWorkspace(page);
  const sales = new SalesPage(page);
  const { contactId } = await sales.seedLead();
  await page.goto(`${new URL(page.url()).origin}/#/contacts/${contactId}`);
  const panel = sales.dialog('Aria Dubois');
  await panel.getByRole('button', { name: /^Delete/ }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete “Aria Dubois”?' });
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(sales.toasts()).toContainText('Deleted Aria Dubois.');

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: /^Settings/ })
    .click();
  const trash = page.getByRole('table', { name: 'Trash' });
  await expect(trash.getByRole('row')).toHaveCount(2);
  await expect(trash).toContainText('Contact');
  await expect(trash).toContainText('Aria Dubois');
  await expect(trash).toContainText('aria@pemaquid.example');
  await trash.getByRole('button', { name: 'Restore contact Aria Dubois' }).click();
  await expect(sales.toasts()).toContainText('Restored contact “Aria Dubois”.');
  await expect(page.getByText('The Trash is empty.')).toBeVisible();

  await sales.goto('Pipeline');
  await sales.card('Office coffee for Pemaquid').click();
  const lead = sales.dialog('Office coffee for Pemaquid');
  await expect(lead.getByText('Aria Dubois')).toBeVisible();

  // Deleted for good from the Trash, after a confirmation: gone, and nothing points at it.
  await lead.getByRole('button', { name: 'Delete lead' }).click();
  await expect(lead).toBeHidden();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: /^Settings/ })
    .click();
  await trash.getByRole('button', { name: 'Delete lead Office coffee for Pemaquid for good' }).click();
  await page
    .getByRole('alertdialog', { name: 'Delete “Office coffee for Pemaquid” for good?' })
    .getByRole('button', { name: 'Delete for good' })
    .click();
  await expect(sales.toasts()).toContainText('Deleted “Office coffee for Pemaquid” for good.');
  await expect(page.getByText('The Trash is empty.')).toBeVisible();
  await page.goto(`${new URL(page.url()).origin}/#/contacts/${contactId}`);
  await expect(sales.dialog('Aria Dubois')).not.toContainText('Office coffee for Pemaquid');
});
