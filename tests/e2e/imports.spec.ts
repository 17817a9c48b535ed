import { readFileSync } from 'node:fs';
import { ContactsPage } from './support/contacts.page';
import { expect, startEmptyWorkspace, test } from './support/fixtures';
import { csvFile, ImportsPage } from './support/imports.page';

test.use({ clock: '2026-10-15T09:00:00Z' });

test('a HubSpot export is recognised, imported with progress, found in Leads & contacts, and undone from the history', async ({
  page,
  app,
}) => {
  await app.open();
  await startEmptyWorkspace(page);
  const imports = new ImportsPage(page);
  await imports.goto();
  await expect(imports.start()).toContainText('HubSpot or Google contacts, Pipedrive deals, Shopify orders');
  await expect(imports.start().getByRole('button', { name: 'Choose a file…' })).toBeVisible();

  await imports.choose('hubspot-contacts.csv');
  await expect(
    imports.mapping().getByRole('heading', { name: 'Check how hubspot-contacts.csv will be imported' }),
  ).toBeFocused();
  await expect(imports.facts()).toContainText('HubSpot contacts export');
  await expect(imports.facts()).toContainText('376');
  await expect(imports.facts()).toContainText('Comma');
  await expect(imports.facts()).toContainText('UTF-8');
  await expect(imports.mapping().getByLabel('The file holds')).toHaveValue('contacts');
  await expect(imports.mapping().getByRole('row', { name: /^Email/ })).toContainText('E-mail');
  await expect(imports.mapping().getByRole('row', { name: /^Original Source Drill-Down 1/ })).toContainText(
    'Read by the HubSpot contacts rules',
  );
  await expect(imports.mapping().getByRole('region', { name: 'First rows of the file' })).toContainText(
    'kwamefitzgerald68@gmail.com',
  );

  await imports.importButton().click();
  const job = imports.job('hubspot-contacts.csv');
  await expect(job.getByRole('status')).toHaveText(/Done/);
  await expect(imports.progress()).toHaveAttribute('aria-valuetext', '376 of 376 rows');
  await expect(imports.progress()).toHaveAttribute('aria-valuenow', '376');
  await expect(imports.tile('New contacts')).toContainText('376');
  await expect(imports.tile('Errors')).toContainText('0');
  await expect(job.getByRole('list', { name: 'New campaigns' })).toContainText('Spring newsletter');

  // The people are there.
  const contacts = new ContactsPage(page);
  await contacts.goto();
  await page.getByLabel('Search contacts').fill('Kwame');
  await expect(contacts.row('Kwame Fitzgerald')).toContainText('kwamefitzgerald68@gmail.com');

  // Undo from the history takes them away again.
  await imports.goto();
  await expect(imports.historyRow('hubspot-contacts.csv')).toContainText('Done');
  await expect(imports.historyRow('hubspot-contacts.csv')).toContainText('376 new');
  await imports.undo('hubspot-contacts.csv');
  await expect(imports.historyRow('hubspot-contacts.csv')).toContainText('Undone');
  await contacts.goto();
  await expect(page.getByRole('region', { name: 'No contacts yet' })).toBeVisible();
});

const UNUSUAL = [
  'Person;Mail addr;Tel;Firma;Signed up',
  'Anna Berg;anna@fjord.example;+47 912 34 567;Fjord Bakery;03/04/2026',
  'Leo Marsh;leo-at-example;;Marsh Deli;05/06/2026',
  'Zoe Quinn;zoe@quinn.example;555-0100;;07/08/2026',
].join('\n');

test('a file Tandem does not know is mapped by hand, with clear validation, and its row errors can be saved', async ({
  page,
  app,
}) => {
  await app.open();
  await startEmptyWorkspace(page);
  const imports = new ImportsPage(page);
  await imports.goto();
  await imports.choose(csvFile('fair-signups.csv', UNUSUAL));

  const form = imports.mapping();
  await expect(imports.facts()).toContainText('Not a known export');
  await expect(imports.facts()).toContainText('Semicolon');
  await form.getByLabel('The file holds').selectOption({ label: 'Contacts' });
  await imports.mapColumns({ Person: 'Full name', Firma: 'Company', 'Signed up': 'Created' });

  // Nothing that identifies a person: the import explains and does not start.
  await expect(form.getByRole('list', { name: 'Needed fields' })).toContainText(
    'E-mail or Phone: not mapped yet',
  );
  await imports.importButton().click();
  const problems = form.getByRole('alert').filter({ hasText: 'Before importing' });
  await expect(problems).toBeFocused();
  await expect(problems).toContainText('Map a column to E-mail or Phone.');

  // Two columns for one field are pointed out next to the column.
  await imports.mapColumns({ 'Mail addr': 'E-mail', Tel: 'E-mail' });
  await expect(form.getByRole('row', { name: /^Tel/ })).toContainText('Also chosen for “Mail addr”');
  await imports.mapColumns({ Tel: 'Phone' });
  // Every date of the column reads both ways: the user says day first.
  await form.getByLabel('Dates in “Signed up” are written').selectOption('DMY');
  await expect(form.getByRole('list', { name: 'Needed fields' })).toContainText(
    'E-mail or Phone: from “Mail addr”',
  );
  await expect(problems).toBeHidden();
  await imports.importButton().click();

  const job = imports.job('fair-signups.csv');
  await expect(job.getByRole('status')).toHaveText(/Done/);
  await expect(imports.progress()).toHaveAttribute('aria-valuetext', '3 of 3 rows');
  await expect(imports.tile('New contacts')).toContainText('2');
  await expect(imports.tile('Errors')).toContainText('1');
  const error = imports.rowErrors().getByRole('row').filter({ hasText: 'leo-at-example' });
  await expect(error).toContainText('3');
  await expect(error).toContainText('Mail addr');
  await expect(error).toContainText('expected an e-mail address');

  const downloading = page.waitForEvent('download');
  await job.getByRole('button', { name: 'Save errors as CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('fair-signups errors.csv');
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv).toContain('Row,Kind,Column,Problem');
  expect(csv).toContain(
    '3,error,Mail addr,"""leo-at-example"": expected an e-mail address like name@example.com"',
  );

  const contacts = new ContactsPage(page);
  await contacts.goto();
  await expect(contacts.row('Anna Berg')).toContainText('Fjord Bakery');

  // The same layout again: the mapping is remembered and the earlier import is mentioned.
  await imports.goto();
  await imports.choose(csvFile('fair-signups.csv', UNUSUAL));
  await expect(form).toContainText('Mapped the way you chose last time');
  await expect(form).toContainText('You imported this file before');
  await expect(imports.columnSelect('Mail addr')).toHaveValue('email');
  await form.getByRole('button', { name: 'Choose another file' }).click();
  await expect(imports.historyRow('fair-signups.csv')).toContainText('2 new · 1 error');
});

test('a file that cannot be read is refused with its reason and nothing changes', async ({ page, app }) => {
  await app.open();
  await startEmptyWorkspace(page);
  const imports = new ImportsPage(page);
  await imports.goto();

  // Chosen with the keyboard through the "Choose a file…" button: in the browser it opens the file picker.
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
  const choosing = page.waitForEvent('filechooser');
  await imports.start().getByRole('button', { name: 'Choose a file…' }).focus();
  await page.keyboard.press('Enter');
  await (await choosing).setFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
  await expect(imports.rejection()).toContainText('logo.png can’t be imported');
  await expect(imports.rejection()).toContainText('it looks like binary data: a PNG image');
  await expect(imports.mapping()).toBeHidden();
  await expect(imports.history()).toBeHidden();

  await imports.choose(csvFile('empty.csv', ''));
  await expect(imports.rejection()).toContainText('empty.csv can’t be imported');
  await expect(imports.rejection()).toContainText('the file is empty');
  await imports.rejection().getByRole('button', { name: 'Dismiss' }).click();
  await expect(imports.rejection()).toBeHidden();
  await expect(imports.history()).toBeHidden();
});

test('a long import shows its speed and time left, can be cancelled, and resumes where it stopped', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  await app.open();
  await startEmptyWorkspace(page);
  const imports = new ImportsPage(page);
  await imports.goto();
  const lines = ['Name,Email,Company'];
  for (let i = 0; i < 150_000; i++) lines.push(`Person ${i},person${i}@bulk.example,Company ${i % 400}`);
  await imports.choose(csvFile('bulk.csv', lines.join('\n')));
  await expect(imports.facts()).toContainText('150,000');
  await imports.mapping().getByLabel('The file holds').selectOption({ label: 'Contacts' });
  await imports.mapColumns({ Name: 'Full name' });
  await expect(imports.columnSelect('Email')).toHaveValue('email');
  await imports.importButton().click();

  const job = imports.job('bulk.csv');
  await expect(job).toContainText(/[\d,]+ of 150,000 rows · [\d.]+% · [\d,]+ rows\/s · about .+ left/, {
    timeout: 30_000,
  });
  await job.getByRole('button', { name: 'Cancel import' }).click();
  await expect(job.getByRole('status')).toHaveText(/Cancelled/, { timeout: 30_000 });
  const kept = Number(
    (await imports.tile('New contacts').locator('.tile-value').textContent())?.replace(/\D/g, ''),
  );
  expect(kept).toBeGreaterThan(0);
  expect(kept).toBeLessThan(150_000);
  await expect(imports.progress()).toHaveAttribute('aria-valuenow', String(kept));

  await job.getByRole('button', { name: 'Resume' }).click();
  await expect(job.getByRole('status')).toHaveText(/Done/, { timeout: 60_000 });
  await expect(imports.progress()).toHaveAttribute('aria-valuetext', '150,000 of 150,000 rows');
  await imports.goto();
  await expect(imports.historyRow('bulk.csv')).toContainText('150,000 new');
});
