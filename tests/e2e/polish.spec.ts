import type { Locator, Page } from '@playwright/test';
import { ContactsPage } from './support/contacts.page';
import { expect, startEmptyWorkspace, test } from './support/fixtures';
import { SalesPage } from './support/sales.page';

// A Thursday.
test.use({ clock: '2026-10-15T09:00:00Z' });

const ISO_DAY = /\d{4}-\d{2}-\d{2}/;

/** True when `inner` lies wholly inside `outer` on screen (a column or card not cut off by scrolling). */
async function shownWithin(inner: Locator, outer: Locator): Promise<boolean> {
  const a = await inner.boundingBox();
  const b = await outer.boundingBox();
  if (!a || !b) return false;
  return a.x >= b.x - 1 && a.x + a.width <= b.x + b.width + 1;
}

test('keyboard: the board fits Won and Lost at 1440 px or shows a cue, a moved card comes into view, closing a panel gives focus back', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await app.open();
  await startEmptyWorkspace(page);
  const sales = new SalesPage(page);
  await sales.seedLead('Office coffee for Pemaquid');
  await sales.goto('Pipeline');
  const board = page.getByRole('list', { name: 'Pipeline board' });
  await expect(sales.card('Office coffee for Pemaquid')).toBeVisible();
  expect(await shownWithin(sales.column('Won'), board)).toBe(true);
  expect(await shownWithin(sales.column('Lost'), board)).toBe(true);
  await expect(page.getByText('More stages →')).toBeHidden();

  // Narrower, the board scrolls and says so.
  await page.setViewportSize({ width: 1100, height: 900 });
  await expect(page.getByText('More stages →')).toBeVisible();
  expect(await shownWithin(sales.column('Lost'), board)).toBe(false);

  // Moved by keyboard to Won, off screen, the card is scrolled into view with the focus.
  const card = sales.card('Office coffee for Pemaquid');
  await card.focus();
  for (const stage of ['Contacted', 'Qualified', 'Proposal', 'Won']) {
    await page.keyboard.press(']');
    await expect(sales.column(stage).getByText('Office coffee for Pemaquid')).toBeVisible();
  }
  await expect(card).toBeFocused();
  await expect.poll(() => shownWithin(card, board)).toBe(true);
  await expect(page.getByText('← More stages')).toBeVisible();

  // Enter opens the lead; Escape closes it and the card has the focus again, as after a click.
  await page.keyboard.press('Enter');
  await expect(sales.dialog('Office coffee for Pemaquid')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sales.dialog('Office coffee for Pemaquid')).toBeHidden();
  await expect(card).toBeFocused();
  await card.click();
  await expect(sales.dialog('Office coffee for Pemaquid')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(card).toBeFocused();

  // The same in a table: the row that opened the panel.
  const contacts = new ContactsPage(page);
  await contacts.goto();
  await contacts.row('Aria Dubois').click();
  await expect(page.getByRole('dialog', { name: 'Aria Dubois' })).toBeVisible();
  await page.getByRole('dialog', { name: 'Aria Dubois' }).getByRole('button', { name: 'Close' }).click();
  await expect(contacts.row('Aria Dubois')).toBeFocused();
});

test('the palette finds content items and tracking codes, in words and dates; an empty search says so', async ({
  page,
  app,
}) => {
  await app.open();
  await startEmptyWorkspace(page);
  const sales = new SalesPage(page);
  const { leadId } = await sales.seedLead();
  const campaign = await sales.invoke<{ id: string }>('campaigns.create', {
    name: 'Retargeting',
    channel: 'ads',
    objective: 'sales',
    trackingCode: 'fb_retarget',
  });
  await sales.invoke('content.create', {
    title: 'Roast reel teaser',
    campaignId: campaign.id,
    scheduledDate: '2026-10-20',
    status: 'draft',
  });
  await sales.invoke('plans.create', {
    name: 'Winter push',
    periodKind: 'custom',
    startDate: '2026-11-01',
    endDate: '2027-01-15',
  });
  await sales.invoke('activities.log', {
    leadId,
    type: 'call',
    subject: 'Pricing call',
    dueAt: '2026-10-19T14:00:00.000Z',
  });
  await sales.goto('Today');

  const palette = await sales.search('fb_ret');
  await expect(palette.getByRole('option', { name: /^Retargeting/ })).toContainText('fb_retarget');
  await palette.getByRole('combobox').fill('winter');
  await expect(palette.getByRole('option', { name: /^Winter push/ })).toContainText(
    'Plan · Nov 1, 2026 – Jan 15, 2027',
  );
  await palette.getByRole('combobox').fill('pricing');
  const call = palette.getByRole('option', { name: /^Pricing call/ });
  await expect(call).toContainText('Oct 19, 2026');
  await expect(call).not.toContainText(ISO_DAY);
  await palette.getByRole('combobox').fill('teaser roast');
  const item = palette.getByRole('option', { name: /^Roast reel teaser/ });
  await expect(item).toContainText('Content · Retargeting · Draft · Oct 20, 2026');
  await palette.getByRole('combobox').fill('zzqxw');
  await expect(palette).toContainText('Nothing found for “zzqxw”.');
  await palette.getByRole('combobox').fill('teaser');
  await expect(item).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Roast reel teaser' })).toBeVisible();
  await expect(page.locator('.calendar-title')).toHaveText('October 2026');
  await page.keyboard.press('Escape');

  const again = await sales.search('fb_retarget');
  await again.getByRole('option', { name: /^Retargeting/ }).click();
  await expect(page.getByRole('heading', { name: 'Retargeting', level: 1 })).toBeVisible();

  // Lists say when a search finds nothing, instead of showing an empty table.
  const contacts = new ContactsPage(page);
  await contacts.goto();
  await expect(page.locator('.table-foot')).toHaveText('1 contact');
  await page.getByRole('searchbox').first().fill('zzqxw');
  await expect(page.getByRole('status').filter({ hasText: 'No contacts match “zzqxw”' })).toBeVisible();
  await page.getByRole('tab', { name: 'Companies' }).click();
  await expect(page.getByRole('main')).toContainText('No companies match “zzqxw”.');
});

test('a content item due shows in Today and is marked done there, with undo', async ({ page, app }) => {
  await app.open();
  await startEmptyWorkspace(page);
  const sales = new SalesPage(page);
  const item = await sales.invoke<{ id: string }>('content.create', {
    title: 'Autumn blend post',
    channel: 'social',
    scheduledDate: '2026-10-15',
    status: 'draft',
  });
  await sales.goto('Today');
  const today = sales.bucket('Due today');
  await expect(today.getByRole('listitem', { name: 'Autumn blend post' })).toBeVisible();
  await today.getByRole('button', { name: 'Done: Autumn blend post' }).click();
  await expect(sales.toasts()).toContainText('Published: “Autumn blend post”.');
  await expect(page.getByRole('listitem', { name: 'Autumn blend post' })).toBeHidden();
  expect((await sales.invoke<{ status: string }>('content.get', { id: item.id })).status).toBe('published');

  await page.keyboard.press('Control+z');
  await expect(sales.toasts()).toContainText('Undid: marked “Autumn blend post” published');
  await expect(today.getByRole('listitem', { name: 'Autumn blend post' })).toBeVisible();
  expect((await sales.invoke<{ status: string }>('content.get', { id: item.id })).status).toBe('draft');
});

test('a campaign due to start shows in Today and is marked launched there, with undo', async ({
  page,
  app,
}) => {
  await app.open();
  await startEmptyWorkspace(page);
  const sales = new SalesPage(page);
  const campaign = await sales.invoke<{ id: string }>('campaigns.create', {
    name: 'Autumn market',
    channel: 'event',
    objective: 'leads',
    startDate: '2026-10-15',
    status: 'planned',
  });
  await sales.goto('Today');
  const today = sales.bucket('Due today');
  await expect(today.getByRole('listitem', { name: 'Launch Autumn market' })).toBeVisible();
  await today.getByRole('button', { name: 'Launched: Launch Autumn market' }).click();
  await expect(sales.toasts()).toContainText('Launched: “Autumn market”.');
  await expect(page.getByRole('listitem', { name: 'Launch Autumn market' })).toBeHidden();
  expect((await sales.invoke<{ status: string }>('campaigns.get', { id: campaign.id })).status).toBe(
    'active',
  );

  await page.keyboard.press('Control+z');
  await expect(sales.toasts()).toContainText('Undid: marked “Autumn market” launched');
  await expect(today.getByRole('listitem', { name: 'Launch Autumn market' })).toBeVisible();
  expect((await sales.invoke<{ status: string }>('campaigns.get', { id: campaign.id })).status).toBe(
    'planned',
  );
});

/** Which of the five stars of the rating are lit: drawn in another colour than an unlit one. */
function litStars(panel: Locator, unlit: string): Promise<boolean[]> {
  return panel
    .locator('.sales-stars label')
    .evaluateAll((labels, off) => labels.map((l) => getComputedStyle(l).color !== off), unlit);
}

test('the stars light up to the one under the pointer, and one rating gives one toast', async ({
  page,
  app,
}) => {
  await app.open();
  await startEmptyWorkspace(page);
  const sales = new SalesPage(page);
  const { leadId } = await sales.seedLead();
  await sales.goto('Pipeline');
  await sales.card('Office coffee for Pemaquid').click();
  const panel = sales.dialog('Office coffee for Pemaquid');
  const unlit = await panel
    .locator('.sales-stars label')
    .first()
    .evaluate((l) => getComputedStyle(l).color);
  await panel.locator('.sales-stars label').nth(2).hover();
  await expect.poll(() => litStars(panel, unlit)).toEqual([true, true, true, false, false]);
  await panel.locator('.sales-stars label').nth(4).hover();
  await expect.poll(() => litStars(panel, unlit)).toEqual([true, true, true, true, true]);
  await panel.getByLabel('Quality note').hover();
  await expect.poll(() => litStars(panel, unlit)).toEqual([false, false, false, false, false]);

  await panel.getByRole('radio', { name: '2 stars – weak' }).click();
  await expect(sales.toasts().locator('.toast')).toHaveCount(1);
  await sales.toasts().getByRole('button', { name: 'Dismiss' }).click();
  await expect(sales.toasts().locator('.toast')).toHaveCount(0);

  // A note typed, then a new star: one save, one toast, the note with it.
  await panel.getByLabel('Quality note').fill('Owner wants a tasting for the office');
  await panel.locator('.sales-stars label').nth(3).click();
  await expect(sales.toasts()).toContainText('Rated 4 of 5.');
  await expect
    .poll(async () => (await sales.invoke<{ ratingNote: string }>('leads.get', { id: leadId })).ratingNote)
    .toBe('Owner wants a tasting for the office');
  await expect(sales.toasts().locator('.toast')).toHaveCount(1);
  await expect(panel.getByText(/Rated 4 of 5 by/)).toBeVisible();
});

test('Settings previews the format as it is chosen, and month names stay in the UI language', async ({
  page,
  app,
}) => {
  await app.open();
  await startEmptyWorkspace(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const form = page.getByRole('form', { name: 'Workspace settings' });
  const preview = form.getByTestId('format-preview');
  await expect(preview).toHaveText('Money shows like $1,234.56; dates like Mar 31, 2026.');
  await form.getByLabel('Number and date format').selectOption('de-DE');
  await expect(preview).toHaveText('Money shows like 1.234,56 $; dates like 31.03.2026.');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.locator('.toasts')).toContainText('Settings saved.');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: /^Today/ })
    .click();
  await expect(page.getByRole('main')).toContainText('15.10.2026');
  // The calendar's month and weekdays are named in English, not in German.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' }).click();
  await expect(page.locator('.calendar-title')).toHaveText('October 2026');
  await expect(page.getByRole('main')).toContainText('Mon');
  await expect(page.getByRole('main')).not.toContainText(/Oktober|Mo\./);
});

/** Controls of the filter bar whose chosen text is wider than the room the control gives it. */
function clippedFilters(page: Page): Promise<string[]> {
  return page.getByRole('group', { name: 'Filter leads' }).evaluate((group) => {
    const canvas = document.createElement('canvas').getContext('2d');
    if (!canvas) return ['no canvas'];
    const out: string[] = [];
    for (const control of group.querySelectorAll<HTMLSelectElement | HTMLInputElement>('select, input')) {
      const style = getComputedStyle(control);
      canvas.font = style.font;
      const text =
        control instanceof HTMLSelectElement
          ? (control.selectedOptions[0]?.text ?? '')
          : control.value || control.placeholder;
      // A select keeps about 20 px for its arrow, a search box about as much for its clear button.
      const room = control.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
      if (canvas.measureText(text).width > room) out.push(control.getAttribute('aria-label') ?? text);
    }
    return out;
  });
}

test('the pipeline table shows its dates, amounts, follow-ups and stars whole, and its filters too', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1280, height: 820 });
  await app.open();
  await startEmptyWorkspace(page);
  const sales = new SalesPage(page);
  const { leadId } = await sales.seedLead('Office coffee for Pemaquid and the whole Portland office park');
  await sales.invoke('leads.update', {
    id: leadId,
    patch: { expectedCloseDate: '2026-11-13', valueMinor: 123_456_700 },
  });
  await sales.invoke('leads.rate', { id: leadId, rating: 5, note: '' });
  await sales.invoke('activities.log', {
    leadId,
    type: 'call',
    subject: 'Pricing call',
    dueAt: '2026-10-12T14:00:00.000Z',
  });
  await sales.goto('Pipeline');
  await page.getByRole('tab', { name: 'Table' }).click();
  const row = page.getByRole('table', { name: 'Leads' }).getByRole('row').nth(1);
  await expect(row).toContainText('Overdue');
  const cut = await row
    .getByRole('cell')
    .evaluateAll((cells) =>
      cells
        .filter((c) => c.scrollWidth > c.clientWidth + 1 && c.getAttribute('title') !== c.textContent)
        .map((c) => c.textContent ?? ''),
    );
  expect(cut).toEqual([]);
  // The long title is cut, and whole in its tooltip.
  await expect(row.getByRole('cell').nth(1)).toHaveAttribute(
    'title',
    'Office coffee for Pemaquid and the whole Portland office park',
  );
  expect(await clippedFilters(page)).toEqual([]);
});
