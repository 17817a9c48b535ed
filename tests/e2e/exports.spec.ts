import { readFileSync } from 'node:fs';
import { invokeApi } from './support/api';
import { ContactsPage } from './support/contacts.page';
import { expect, startEmptyWorkspace, test } from './support/fixtures';

test.use({ clock: '2026-10-15T09:00:00Z' });

test('the filtered contacts list downloads as a CSV holding exactly the rows shown', async ({
  page,
  app,
}) => {
  await app.open();
  await startEmptyWorkspace(page);
  const people = [
    { firstName: 'Ada', lastName: 'Baker', email: 'ada@bakery.example' },
    { firstName: 'Ben', lastName: 'Baker', email: 'ben@bakery.example' },
    { firstName: '=HYPERLINK("http://evil.example")', lastName: 'Baker', email: 'evil@bakery.example' },
    { firstName: 'Cy', lastName: 'Young', email: 'cy@young.example' },
  ];
  for (const person of people) await invokeApi(page, 'contacts.create', person);
  const contacts = new ContactsPage(page);
  await contacts.goto();
  await page.getByRole('searchbox', { name: 'Search contacts' }).fill('baker');
  await expect(contacts.row('Young')).toHaveCount(0);
  await expect(contacts.rows().filter({ hasText: 'Baker' })).toHaveCount(3);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('contacts 2026-10-15.csv');
  const file = await download.path();
  const text = readFileSync(file, 'utf8');
  expect(text.startsWith('\uFEFFTandem contact ID,First name,Last name,Email,')).toBe(true);
  const emails = text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter((line) => line !== '')
    .slice(1)
    .map((line) => /,([^,@]+@[^,]+),/.exec(line)?.[1]);
  expect(emails.sort()).toEqual(['ada@bakery.example', 'ben@bakery.example', 'evil@bakery.example']);
  // The formula is written as text a spreadsheet will not run.
  expect(text).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
  await expect(page.getByText('Downloaded contacts 2026-10-15.csv.')).toBeVisible();
});
