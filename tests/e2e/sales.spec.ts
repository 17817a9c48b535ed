import { ContactsPage } from './support/contacts.page';
import { expect, startEmptyWorkspace, test } from './support/fixtures';
import { SalesPage } from './support/sales.page';

// A Thursday; the follow-up is due the Tuesday after.
test.use({ clock: '2026-10-15T09:00:00Z' });

test('a lead from a campaign is rated, moved by drag and by keyboard, and its follow-up comes up in Today on its day', async ({
  page,
  app,
}) => {
  await app.open();
  await startEmptyWorkspace(page);
  const sales = new SalesPage(page);
  await sales.createContactInForm(new ContactsPage(page));
  await sales.newLeadInForm('Office coffee for Pemaquid', '1,200');
  await expect(sales.column('New')).toContainText('$1,200.00');
  await expect(sales.card('Office coffee for Pemaquid')).toContainText('No follow-up planned');

  // Rate its quality for marketing.
  await sales.card('Office coffee for Pemaquid').click();
  const panel = sales.dialog('Office coffee for Pemaquid');
  await expect(panel.getByText('Autumn tasting')).toBeVisible();
  await expect(panel.getByText('Events', { exact: true })).toBeVisible();
  await panel.getByRole('radio', { name: '4 stars – good' }).check();
  await expect(panel.getByText(/Rated 4 of 5 by You on Oct 15, 2026/)).toBeVisible();
  await panel.getByLabel('Quality note').fill('Owner wants a tasting for the whole office');
  await panel.getByLabel('Quality note').press('Tab');
  await expect(sales.toasts()).toContainText('Rated 4 of 5');
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();

  // Drag to the next stage, then two more by keyboard.
  await sales.drag(sales.card('Office coffee for Pemaquid'), sales.column('Contacted'));
  await expect(sales.column('Contacted').getByText('Office coffee for Pemaquid')).toBeVisible();
  await expect(sales.column('New')).toContainText('$0.00');
  await sales.card('Office coffee for Pemaquid').focus();
  await page.keyboard.press(']');
  await expect(sales.column('Qualified').getByText('Office coffee for Pemaquid')).toBeVisible();
  await expect(
    page.getByText('Moved “Office coffee for Pemaquid” to Qualified, position 1 of 1.'),
  ).toBeAttached();
  await expect(sales.card('Office coffee for Pemaquid')).toBeFocused();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(sales.column('Proposal').getByText('Office coffee for Pemaquid')).toBeVisible();
  await expect(sales.card('Office coffee for Pemaquid')).toBeFocused();

  // The stage history has every move with its time; log a call and schedule the next follow-up in one go.
  await page.keyboard.press('Enter');
  await expect(panel).toBeVisible();
  const history = panel.getByRole('list', { name: 'Stage history' });
  await expect(history.getByRole('listitem')).toHaveCount(4);
  await expect(history.getByRole('listitem').first()).toContainText('Qualified → Proposal');
  await expect(history.getByRole('listitem').last()).toContainText('Created in New');
  await page.keyboard.press('a');
  const log = sales.form('Log activity');
  await expect(log.getByLabel('Subject *')).toBeFocused();
  await log.getByRole('radio', { name: 'Call' }).check();
  await sales.fill(log, {
    Subject: 'Intro call',
    Notes: 'Talked through the espresso blend for their lobby',
  });
  await log.getByLabel('Schedule the next follow-up').check();
  await sales.fill(log, { 'Next follow-up': 'Send the price list', Due: '2026-10-20' });
  await log.getByRole('button', { name: 'Log call' }).click();
  await expect(log).toBeHidden();
  const followUps = panel.getByRole('list', { name: 'Open follow-ups' });
  await expect(followUps).toContainText('Send the price list');
  await expect(followUps).toContainText('Due Oct 20, 2026');
  await expect(panel.getByRole('list', { name: 'Activity history' })).toContainText('Intro call');
  await page.keyboard.press('Escape');
  await expect(sales.card('Office coffee for Pemaquid')).toContainText('Oct 20, 2026 · Send the price list');

  // Not in Today's due list before its day…
  await sales.goto('Today');
  await expect(sales.bucket('Upcoming')).toContainText('Send the price list');
  await expect(sales.bucket('Due today')).not.toContainText('Send the price list');

  // …due today when its day comes…
  await app.restart({ clock: '2026-10-20T08:30:00Z' });
  await app.open('today');
  await expect(sales.bucket('Due today')).toContainText('Send the price list');
  await expect(sales.bucket('Due today')).toContainText('Office coffee for Pemaquid');

  // …and overdue, marked with an icon and words, and counted in the sidebar, after it.
  await app.restart({ clock: '2026-10-22T08:30:00Z' });
  await app.open('today');
  const overdue = sales.bucket('Overdue');
  await expect(
    overdue.getByRole('listitem', { name: 'Send the price list, overdue by 2 days' }),
  ).toContainText('2 days late');
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Today/ }),
  ).toContainText('1 overdue');
  await sales.goto('Pipeline');
  await expect(sales.card('Office coffee for Pemaquid')).toContainText('Overdue · Send the price list');
});

test('a cadence becomes follow-ups on the right days, previewed with the lead and its campaign key message', async ({
  page,
  app,
}) => {
  await app.open();
  await startEmptyWorkspace(page);
  const sales = new SalesPage(page);
  const { leadId } = await sales.seedLead();
  await sales.invoke('leads.create', { title: 'Retail shelf for Back Cove', valueMinor: 50000 });
  await sales.goto('Cadences');
  await page.getByRole('button', { name: 'Create your first cadence' }).click();
  const form = sales.form('New cadence');
  await sales.fill(form, { Name: 'After a tasting' });
  await expect(form.getByRole('group', { name: 'Step 2', exact: true })).toContainText(
    'Example: E-mail Sam: roasted to order, delivered within 48 hours',
  );
  await form.getByRole('button', { name: 'Create cadence' }).click();
  const cadence = sales.dialog('After a tasting');
  await cadence.getByRole('combobox', { name: 'Lead' }).fill('office');
  await cadence.getByRole('option', { name: /^Office coffee for Pemaquid/ }).click();
  const preview = cadence.getByRole('region', { name: /^Steps for Office coffee for Pemaquid/ });
  await expect(preview).toContainText('E-mail Aria: roasted to order and delivered within 48 hours');
  // Day 2 is a Saturday: with weekends skipped it lands on Monday.
  await expect(preview.getByRole('listitem').nth(1)).toContainText('Oct 19, 2026');
  await page.keyboard.press('Escape');

  // Enrol from the lead's panel: the steps are its follow-ups now.
  await app.open(`pipeline/${leadId}`);
  const panel = sales.dialog('Office coffee for Pemaquid');
  await panel.getByRole('button', { name: 'Enrol in cadence' }).click();
  const enrol = sales.form('Enrol in cadence');
  await expect(enrol.getByRole('region', { name: 'Preview for Aria Dubois' })).toContainText(
    'Call Aria about Office coffee for Pemaquid',
  );
  await enrol.getByRole('button', { name: 'Enrol lead' }).click();
  const steps = panel.getByRole('list', { name: 'Steps of After a tasting' }).getByRole('listitem');
  await expect(steps).toHaveCount(3);
  await expect(steps.nth(0)).toContainText('Due today');
  await expect(steps.nth(1)).toContainText('Due Oct 19, 2026');
  await expect(steps.nth(2)).toContainText('Due Oct 20, 2026');
  await expect(panel.getByRole('list', { name: 'Open follow-ups' })).toContainText(
    'E-mail Aria: roasted to order and delivered within 48 hours',
  );
  await panel.getByRole('button', { name: 'Stop After a tasting' }).click();
  await expect(panel.getByRole('listitem', { name: 'After a tasting cadence' })).toContainText(
    'Stopped (by you)',
  );
  await expect(panel.getByText('No follow-up planned.')).toBeVisible();
  await page.keyboard.press('Escape');

  // Enrol many at once from the table.
  await page.getByRole('tab', { name: 'Table' }).click();
  await page
    .getByRole('table', { name: 'Leads' })
    .getByRole('checkbox', { name: 'Select all loaded leads' })
    .check();
  await page
    .getByRole('region', { name: 'Selected leads' })
    .getByRole('button', { name: 'Enrol in cadence' })
    .click();
  await sales.form('Enrol in cadence').getByRole('button', { name: 'Enrol 2 leads' }).click();
  await expect(sales.toasts()).toContainText('Enrolled 2 leads in After a tasting.');

  // Deleting a cadence with leads in it says what happens to them first; the delete can be undone.
  await sales.goto('Cadences');
  await page.getByRole('button', { name: /^After a tasting/ }).click();
  await cadence.getByRole('button', { name: 'Delete cadence' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete “After a tasting”?' });
  await expect(confirm).toContainText('2 leads in it leave it; open steps are cancelled.');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('region', { name: 'No cadences yet' })).toBeVisible();
  await sales.toasts().getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('button', { name: /^After a tasting/ })).toBeVisible();
});

test('a word from a note finds the lead in the palette; j/k walk the leads; deletes can be undone', async ({
  page,
  app,
}) => {
  await app.open();
  await startEmptyWorkspace(page);
  const sales = new SalesPage(page);
  const { leadId } = await sales.seedLead();
  await sales.invoke('leads.create', { title: 'Retail shelf for Back Cove', valueMinor: 50000 });
  await sales.invoke('activities.log', {
    leadId,
    type: 'meeting',
    subject: 'Tasting visit',
    notes: 'They love the Guatemalan single origin',
  });
  await sales.goto('Today');
  const palette = await sales.search('guatemalan');
  await expect(palette.getByRole('option', { name: /^Tasting visit/ })).toContainText(
    'Office coffee for Pemaquid',
  );
  await page.keyboard.press('Enter');
  const panel = sales.dialog('Office coffee for Pemaquid');
  await expect(panel).toBeVisible();
  expect(new URL(page.url()).hash).toBe(`#/pipeline/${leadId}`);

  // k and j go to the previous and next lead of the board (newest on top) without closing the panel.
  await expect(panel.getByText('2 of 2')).toBeVisible();
  await page.keyboard.press('k');
  await expect(sales.dialog('Retail shelf for Back Cove')).toBeVisible();
  await page.keyboard.press('j');
  await expect(panel).toBeVisible();

  const history = panel.getByRole('list', { name: 'Activity history' });
  await history.getByRole('listitem').filter({ hasText: 'Tasting visit' }).hover();
  await history.getByRole('button', { name: 'Delete Tasting visit' }).click();
  await expect(panel.getByText('Nothing logged yet.')).toBeVisible();
  await sales.toasts().getByRole('button', { name: 'Undo' }).click();
  await expect(history).toContainText('They love the Guatemalan single origin');

  await panel.getByRole('button', { name: 'Delete lead' }).click();
  await expect(panel).toBeHidden();
  await expect(sales.card('Office coffee for Pemaquid')).toBeHidden();
  await sales.toasts().getByRole('button', { name: 'Undo' }).last().click();
  await expect(sales.card('Office coffee for Pemaquid')).toBeVisible();
});

test('bad input in the lead form is explained next to each field and nothing is saved', async ({
  page,
  app,
}) => {
  await app.open();
  await startEmptyWorkspace(page);
  const sales = new SalesPage(page);
  await sales.goto('Pipeline');
  await expect(page.getByRole('region', { name: 'No leads yet' })).toBeVisible();
  await page.getByRole('button', { name: 'Add your first lead' }).click();
  const form = sales.form('New lead');
  await sales.fill(form, { 'Value (USD)': '-50' });
  await sales.typeDate(form, 'Expected close', '02302026');
  await form.getByRole('button', { name: 'Create lead' }).click();
  await expect(sales.errorFor(form, 'Title')).toHaveText('enter a title');
  await expect(sales.errorFor(form, 'Value (USD)')).toHaveText('the value cannot be negative');
  await expect(sales.errorFor(form, 'Expected close')).toHaveText(
    'that date does not exist — check the day and the month',
  );
  await expect(sales.field(form, 'Title')).toHaveAttribute('aria-invalid', 'true');

  // A new contact with an e-mail that is not one: neither the lead nor the contact is saved.
  await sales.fill(form, { Title: 'Café corner', 'Value (USD)': '300', 'Expected close': '2026-11-30' });
  await form.getByRole('button', { name: 'enter a new contact' }).click();
  await sales.fill(form, { 'First name': 'Noah', 'E-mail': 'noah-at-example' });
  await form.getByRole('button', { name: 'Create lead' }).click();
  await expect(sales.errorFor(form, 'E-mail')).toHaveText(/expected an e-mail address/);
  await expect(sales.errorFor(form, 'Title')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: 'No leads yet' })).toBeVisible();
  const contacts = new ContactsPage(page);
  await contacts.goto();
  await expect(page.getByRole('region', { name: 'No contacts yet' })).toBeVisible();
});

test('a duplicate e-mail is flagged in the contact form, and merging moves the leads to the kept contact', async ({
  page,
  app,
}) => {
  await app.open();
  await startEmptyWorkspace(page);
  const sales = new SalesPage(page);
  await sales.seedLead();
  const contacts = new ContactsPage(page);
  await contacts.goto();
  await contacts.openNewForm();
  await contacts.fill({ 'First name': 'Aria', 'Last name': 'D.', 'E-mail': ' ARIA@Pemaquid.example' });
  await expect(contacts.duplicateWarning()).toContainText('Aria Dubois already has this e-mail');
  await expect(contacts.duplicateWarning().getByRole('link', { name: 'Aria Dubois' })).toBeVisible();
  await contacts.submit();
  await expect(contacts.row('Aria D.')).toBeVisible();

  const kept = await contacts.open('Aria D.');
  await expect(kept.getByText('No leads yet.')).toBeVisible();
  const duplicates = kept.getByRole('region', { name: 'Possible duplicates' });
  await expect(duplicates).toContainText('same e-mail');
  await duplicates.getByRole('button', { name: 'Merge into this contact' }).click();
  await duplicates
    .getByRole('group', { name: 'Confirm merge' })
    .getByRole('button', { name: 'Merge' })
    .click();
  await expect(sales.toasts()).toContainText('Merged Aria Dubois into Aria D.: moved 1 lead');
  await expect(kept.getByRole('region', { name: 'Leads' })).toContainText('Office coffee for Pemaquid');
  await expect(kept.getByRole('region', { name: 'Timeline' })).toContainText(
    'Lead created: Office coffee for Pemaquid',
  );
  await page.keyboard.press('Escape');
  await expect(contacts.rows()).toHaveCount(2);
});

test('Today: one queue for both hats, snooze, and done with an outcome that schedules the next step', async ({
  page,
  app,
}) => {
  await app.open();
  await startEmptyWorkspace(page);
  const sales = new SalesPage(page);
  await sales.seedFollowUps();
  await sales.invoke('content.create', {
    title: 'Harvest post',
    channel: 'social',
    scheduledDate: '2026-10-15',
    status: 'scheduled',
  });
  await sales.goto('Today');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: /^Today/ })).toContainText('1 overdue');
  await expect(sales.bucket('Overdue')).toContainText('2 days late');
  await expect(sales.bucket('Due today')).toContainText('Harvest post');

  await page.getByRole('radio', { name: 'Sales' }).check();
  await expect(sales.bucket('Due today')).not.toContainText('Harvest post');
  await expect(sales.bucket('Due today')).toContainText('Confirm tasting date');
  await page.getByRole('radio', { name: 'Marketing' }).check();
  await expect(sales.bucket('Due today')).toContainText('Harvest post');
  await expect(sales.bucket('Due today')).not.toContainText('Confirm tasting date');
  await page.getByRole('radio', { name: 'Both hats' }).check();

  // Snooze the overdue one by three days: nothing is late any more.
  await page.getByRole('button', { name: 'Snooze Send samples' }).click();
  await page.getByRole('menuitem', { name: /^3 days/ }).click();
  await expect(sales.toasts()).toContainText('Snoozed “Send samples” to Oct 18, 2026.');
  await expect(sales.bucket('Overdue')).toContainText('Nothing overdue.');
  await expect(nav.getByRole('link', { name: /^Today/ })).not.toContainText('overdue');

  // Done with an outcome, and the next step planned in the same form.
  await page.getByRole('button', { name: 'Done and schedule next: Confirm tasting date' }).click();
  const done = sales.form('Complete Confirm tasting date');
  await sales.fill(done, { Outcome: 'Booked for Tuesday', 'Next follow-up': 'Run the tasting' });
  await done.getByRole('button', { name: 'Next week' }).click();
  await done.getByRole('button', { name: 'Mark done' }).click();
  await expect(sales.toasts()).toContainText('Done. Next: “Run the tasting” on Oct 19, 2026.');
  await expect(sales.bucket('Upcoming')).toContainText('Run the tasting');
  await expect(sales.bucket('Due today')).not.toContainText('Confirm tasting date');

  // j walks the queue; Enter opens the lead with the outcome in its history.
  await page.keyboard.press('j');
  await expect(page.getByRole('button', { name: 'Harvest post', exact: true })).toBeFocused();
  await page.getByRole('button', { name: 'Run the tasting', exact: true }).click();
  await expect(
    sales.dialog('Office coffee for Pemaquid').getByRole('list', { name: 'Activity history' }),
  ).toContainText('Outcome: Booked for Tuesday');
});

test('closing a lead settles its open follow-ups: cancelled by default when won, kept when asked', async ({
  page,
  app,
}) => {
  await app.open();
  await startEmptyWorkspace(page);
  const sales = new SalesPage(page);
  await sales.seedFollowUps();
  const other = await sales.invoke<{ id: string }>('leads.create', { title: 'Espresso for Harbor Books' });
  await sales.invoke('activities.log', {
    leadId: other.id,
    type: 'call',
    subject: 'Ask about the grinder',
    dueAt: '2026-10-15',
    done: false,
  });

  // Won by keyboard on the board, one stage at a time: the dialog asks about both follow-ups, Cancel is
  // the default.
  await sales.goto('Pipeline');
  await sales.card('Office coffee for Pemaquid').focus();
  for (const stage of ['Contacted', 'Qualified', 'Proposal']) {
    await page.keyboard.press('Alt+ArrowRight');
    await expect(sales.column(stage).getByText('Office coffee for Pemaquid')).toBeVisible();
  }
  await page.keyboard.press('Alt+ArrowRight');
  const won = page.getByRole('dialog', { name: 'Won “Office coffee for Pemaquid”' });
  await expect(won).toContainText('This lead has 2 open follow-ups.');
  await expect(won.getByRole('radio', { name: /Cancel them/ })).toBeChecked();
  await won.getByRole('button', { name: 'Mark as won' }).click();
  await expect(won).toBeHidden();
  await expect(sales.column('Won').getByText('Office coffee for Pemaquid')).toBeVisible();

  // Lost from the lead's page, keeping its one follow-up.
  await sales.card('Espresso for Harbor Books').click();
  const panel = sales.dialog('Espresso for Harbor Books');
  await panel.getByRole('button', { name: 'Lost…' }).click();
  const lost = panel.getByRole('form', { name: 'Mark Espresso for Harbor Books as lost' });
  await expect(lost).toContainText('This lead has 1 open follow-up.');
  await lost.getByLabel('Lost reason').fill('Bought a machine elsewhere');
  await lost.getByRole('radio', { name: /Keep them open/ }).check();
  await lost.getByRole('button', { name: 'Mark as lost' }).click();
  await expect(sales.toasts()).toContainText('Marked “Espresso for Harbor Books” as lost.');
  await page.keyboard.press('Escape');

  await sales.goto('Today');
  await expect(sales.bucket('Due today')).toContainText('Ask about the grinder');
  await expect(page.getByText('Send samples')).toHaveCount(0);
  await expect(page.getByText('Confirm tasting date')).toHaveCount(0);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: /^Today/ })).not.toContainText('overdue');
});

test('deleting a contact with a lead asks what becomes of the lead, and the lead never points at nothing', async ({
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
  await expect(confirm.getByRole('radio', { name: 'Keep it, without this contact' })).toBeChecked();
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(sales.toasts()).toContainText('Deleted Aria Dubois.');

  await sales.goto('Pipeline');
  await sales.card('Office coffee for Pemaquid').click();
  const lead = sales.dialog('Office coffee for Pemaquid');
  await expect(lead.getByText('No contact')).toBeVisible();
  await expect(page.getByText('Contact not found')).toHaveCount(0);
});
