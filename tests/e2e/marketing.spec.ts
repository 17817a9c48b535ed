import { expect, startEmptyWorkspace, test } from './support/fixtures';
import { MarketingPage } from './support/marketing.page';

test.use({ clock: '2026-10-15T09:00:00Z' });

test('a plan with goals and SWOT, two campaigns, spend past budget, content dragged on the calendar, attainment moving with a won lead', async ({
  page,
  app,
}) => {
  await app.open();
  await startEmptyWorkspace(page);
  const m = new MarketingPage(page);

  await m.goto('Plans');
  await expect(page.getByRole('region', { name: 'No plans yet' })).toBeVisible();
  await m.createPlan({
    Name: 'Autumn push',
    Period: 'Month',
    'Revenue goal': '10000',
    'Leads goal': '20',
    'Marketing budget': '1500',
  });
  await expect(page.getByRole('main').getByText('October 2026', { exact: true })).toBeVisible();
  await expect(m.goal('Revenue')).toContainText('$0.00');
  await expect(m.goal('Revenue')).toContainText('of $10,000.00');

  await page.getByLabel('Strengths', { exact: true }).fill('Roasted fresh every week, in town');
  await page.getByLabel('Threats', { exact: true }).fill('A chain café opening on Main Street');

  await m.createCampaign({ Name: 'Autumn newsletter', Channel: 'E-mail', 'Budget (USD)': '1000' });
  await m.createCampaign({
    Name: 'Instagram ads',
    Channel: 'Ads',
    'Budget (USD)': '500',
    'Tracking code': 'insta-autumn',
  });
  const planCampaigns = page.getByRole('table', { name: 'Campaigns in this plan' });
  await expect(planCampaigns.getByRole('row')).toHaveCount(3);

  // Spend past one budget: the campaign page warns in words, and so does the plan.
  await planCampaigns.getByRole('link', { name: 'Instagram ads' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Instagram ads' })).toBeVisible();
  await m.logSpend('300', '2026-10-05');
  await expect(page.getByRole('table', { name: 'Spend entries' }).getByRole('row')).toHaveCount(3);
  await expect(page.getByText(/Over budget/)).toHaveCount(0);
  await m.logSpend('250', '2026-10-12');
  await expect(page.locator('.meter-warning')).toHaveText('⚠ Over budget by $50.00');
  await page.getByRole('button', { name: 'Delete spend of $250.00 on Oct 12, 2026' }).click();
  await expect(page.locator('.meter-warning')).toHaveCount(0);
  await page.locator('.toasts').getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.meter-warning')).toHaveText('⚠ Over budget by $50.00');
  await page.getByRole('link', { name: 'Autumn push' }).click();
  await expect(planCampaigns.getByRole('row', { name: /Instagram ads/ })).toContainText(
    'Over budget by $50.00',
  );
  await expect(planCampaigns.getByRole('row', { name: /Autumn newsletter/ })).not.toContainText(
    'Over budget',
  );

  // Schedule content and drag it to another day.
  await m.goto('Calendar');
  await expect(page.getByRole('heading', { level: 2, name: 'October 2026' })).toBeVisible();
  await page.getByRole('button', { name: 'New content item' }).click();
  const contentForm = m.form('New content item');
  await m.fill(contentForm, { Title: 'Autumn blend post', Campaign: 'Instagram ads', Date: '2026-10-20' });
  await expect(contentForm.getByLabel('Status', { exact: true })).toHaveValue('scheduled');
  await contentForm.getByRole('button', { name: 'Create content item' }).click();
  const from = m.day('Tuesday, October 20, 2026');
  const to = m.day('Thursday, October 22, 2026');
  await expect(from.getByText('Autumn blend post')).toBeVisible();
  await m.drag(m.chip('Autumn blend post'), to);
  await expect(to.getByText('Autumn blend post')).toBeVisible();
  await expect(from.getByText('Autumn blend post')).toHaveCount(0);
  await expect(page.locator('.toasts')).toContainText(
    'Moved “Autumn blend post” to Thursday, October 22, 2026',
  );
  await page.reload();
  await expect(m.day('Thursday, October 22, 2026').getByText('Autumn blend post')).toBeVisible();

  // The SWOT was saved as typed; a lead from the campaign is won and the revenue attainment moves live.
  await m.goto('Plans');
  await page.getByRole('link', { name: 'Autumn push' }).click();
  await expect(page.getByLabel('Strengths', { exact: true })).toHaveValue(
    'Roasted fresh every week, in town',
  );
  await expect(page.getByLabel('Threats', { exact: true })).toHaveValue(
    'A chain café opening on Main Street',
  );
  await expect(m.goal('Revenue').locator('.attainment')).toHaveText('0%');
  const campaigns = await m.invoke<{ id: string; name: string }[]>('campaigns.list', {});
  const insta = campaigns.find((c) => c.name === 'Instagram ads');
  expect(insta).toBeDefined();
  const lead = await m.invoke<{ id: string }>('leads.create', {
    title: 'Lumière wholesale',
    campaignId: insta?.id,
    valueMinor: 250_000,
  });
  await expect(m.goal('Leads').locator('.attainment')).toHaveText('5%');
  await m.invoke('leads.close', { id: lead.id, outcome: 'won' });
  await expect(m.goal('Revenue').locator('.attainment')).toHaveText('25%');
  await expect(m.goal('Revenue')).toContainText('$2,500.00');
  await expect(planCampaigns.getByRole('row', { name: /Instagram ads/ })).toContainText('$2,500.00');
});

test('bad input is explained next to the field and nothing is saved', async ({ page, app }) => {
  await app.open();
  await startEmptyWorkspace(page);
  const m = new MarketingPage(page);

  await m.goto('Plans');
  await page.getByRole('button', { name: 'New plan' }).first().click();
  const planForm = m.form('New plan');
  await m.fill(planForm, {
    Name: 'Trade fair',
    Period: 'Custom dates',
    'Start date': '2026-11-10',
    'End date': '2026-11-01',
  });
  await planForm.getByRole('button', { name: 'Create plan' }).click();
  await expect(m.errorFor(planForm, 'End date')).toHaveText('the end date is before the start date');
  await expect(planForm.getByLabel('End date', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: 'No plans yet' })).toBeVisible();

  await m.goto('Campaigns');
  await m.createCampaign({ Name: 'Spring sale', 'Tracking code': 'spring-sale', 'Budget (USD)': '400' });
  await expect(page.getByRole('heading', { level: 1, name: 'Spring sale' })).toBeVisible();
  await m.goto('Campaigns');
  await page.getByRole('button', { name: 'New campaign' }).click();
  const form = m.form('New campaign');
  await m.fill(form, {
    Name: 'Spring again',
    'Start date': '2026-10-10',
    'End date': '2026-10-01',
    'Budget (USD)': '-50',
    'Tracking code': 'spring-sale',
  });
  await form.getByRole('button', { name: 'Create campaign' }).click();
  await expect(m.errorFor(form, 'End date')).toHaveText('the end date is before the start date');
  await expect(m.errorFor(form, 'Budget (USD)')).toHaveText('must not be negative');
  await m.fill(form, { 'End date': '2026-10-31', 'Budget (USD)': '50' });
  await form.getByRole('button', { name: 'Create campaign' }).click();
  await expect(m.errorFor(form, 'Tracking code')).toHaveText(
    '"spring-sale" is already used by the campaign "Spring sale"',
  );
  await m.fill(form, { 'Tracking code': 'Spring Again' });
  await form.getByRole('button', { name: 'Create campaign' }).click();
  await expect(m.errorFor(form, 'Tracking code')).toHaveText(/no spaces allowed/);
  await page.keyboard.press('Escape');
  const table = page.getByRole('table', { name: 'Campaigns' });
  await expect(table.getByRole('row')).toHaveCount(2);

  // Saved as you leave a field: a refused field keeps the text, shows why, and the campaign is unchanged.
  await table.getByRole('link', { name: 'Spring sale' }).click();
  const details = page.getByRole('group', { name: 'Campaign details' });
  await m.fill(details, { 'Start date': '2026-10-10' });
  await details.getByLabel('Budget (USD)', { exact: true }).focus();
  await expect(page.getByText('All changes saved.')).toBeVisible();
  await m.fill(details, { 'End date': '2026-10-02' });
  await details.getByLabel('Budget (USD)', { exact: true }).focus();
  await expect(m.errorFor(details, 'End date')).toHaveText('the end date is before the start date');
  const spend = m.form('Log spend');
  await m.fill(spend, { Date: '2026-10-12', 'Amount (USD)': '-20' });
  await spend.getByRole('button', { name: 'Log spend' }).click();
  await expect(m.errorFor(spend, 'Amount (USD)')).toHaveText('enter an amount above zero');
  await page.reload();
  await expect(
    page.getByRole('group', { name: 'Campaign details' }).getByLabel('End date', { exact: true }),
  ).toHaveValue('');
  await expect(page.getByRole('table', { name: 'Spend entries' })).toHaveCount(0);
});

test('tagged links copy, content moves by keyboard in the week view, and a plan copies to the next period', async ({
  page,
  app,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.open();
  await startEmptyWorkspace(page);
  const m = new MarketingPage(page);

  await m.goto('Plans');
  await m.createPlan({ Name: 'Holiday push', Period: 'Quarter', 'Revenue goal': '8000' });
  await expect(page.getByRole('main').getByText('Q4 2026', { exact: true })).toBeVisible();
  await m.createCampaign({
    Name: 'Gift boxes',
    'Tracking code': 'gift-boxes',
    'Landing page': 'https://harborpine.example/gifts?ref=home',
  });
  await page
    .getByRole('table', { name: 'Campaigns in this plan' })
    .getByRole('link', { name: 'Gift boxes' })
    .click();

  const link =
    'https://harborpine.example/gifts?ref=home&utm_source=social&utm_medium=social&utm_campaign=gift-boxes';
  await expect(page.getByLabel('Campaign link', { exact: true })).toHaveValue(link);
  await page.getByRole('button', { name: 'Copy campaign link' }).click();
  await expect(page.locator('.toasts')).toContainText('Link copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

  await page.getByRole('button', { name: 'New content item' }).click();
  const form = m.form('New content item');
  await m.fill(form, { Title: 'Gift guide post', Date: '2026-10-14' });
  await form.getByRole('button', { name: 'Create content item' }).click();
  await expect(page.getByRole('table', { name: 'Content items' })).toContainText('Gift guide post');
  await expect(page.getByLabel('Link for Gift guide post', { exact: true })).toHaveValue(
    /utm_campaign=gift-boxes&utm_content=gift-guide-post$/,
  );

  await m.goto('Calendar');
  await page.getByRole('radio', { name: 'Week' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Oct 12 – 18, 2026' })).toBeVisible();
  await expect(m.day('Wednesday, October 14, 2026').getByText('Gift guide post')).toBeVisible();
  const live = page.locator('[id^="DndLiveRegion"]');
  await m.chip('Gift guide post').focus();
  await page.keyboard.press('Space');
  await expect(live).toHaveText('Gift guide post is over Wednesday, October 14, 2026.');
  await page.keyboard.press('ArrowRight');
  await expect(live).toHaveText('Gift guide post is over Thursday, October 15, 2026.');
  await page.keyboard.press('ArrowRight');
  await expect(live).toHaveText('Gift guide post is over Friday, October 16, 2026.');
  await page.keyboard.press('Space');
  await expect(m.day('Friday, October 16, 2026').getByText('Gift guide post')).toBeVisible();
  await expect(m.day('Wednesday, October 14, 2026').getByText('Gift guide post')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(m.day('Wednesday, October 14, 2026').getByText('Gift guide post')).toBeVisible();

  await m.goto('Plans');
  await page.getByRole('link', { name: 'Holiday push' }).click();
  await page.getByRole('button', { name: 'Copy to next period' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Holiday push (Q1 2027)' })).toBeVisible();
  await expect(page.getByRole('main').getByText('Q1 2027', { exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Campaigns in this plan' })).toContainText('Gift boxes');
  await expect(page.getByRole('table', { name: 'Campaigns in this plan' })).toContainText('Draft');
});

test('the New menu and the palette open the marketing forms and find campaigns', async ({ page, app }) => {
  await app.open();
  await startEmptyWorkspace(page);
  const m = new MarketingPage(page);
  const openNew = async (item: string) => {
    await page.getByRole('button', { name: '+ New' }).click();
    await page.getByRole('menuitem', { name: item, exact: true }).click();
  };

  await openNew('Plan');
  await expect(m.dialog('New plan')).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#/plans');
  await page.keyboard.press('Escape');
  await openNew('Campaign');
  await m.fill(m.form('New campaign'), {
    Name: 'Farmers market stand',
    Channel: 'Events',
    'Budget (USD)': '120',
  });
  await m.form('New campaign').getByRole('button', { name: 'Create campaign' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Farmers market stand' })).toBeVisible();

  await openNew('Spend');
  await m.fill(m.form('Log spend'), {
    Campaign: 'Farmers market stand',
    Date: '2026-10-03',
    'Amount (USD)': '150',
  });
  await m.form('Log spend').getByRole('button', { name: 'Log spend' }).click();
  await expect(page.locator('.toasts')).toContainText('Logged $150.00 for Farmers market stand.');
  await expect(
    page.getByRole('table', { name: 'Campaigns' }).getByRole('row', { name: /Farmers market stand/ }),
  ).toContainText('Over budget');

  await openNew('Content item');
  await expect(m.dialog('New content item')).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#/calendar');
  await expect(m.field(m.form('New content item'), 'Date')).toHaveValue('2026-10-15');
  await page.keyboard.press('Escape');

  await page.keyboard.press('Control+k');
  await page.getByRole('dialog', { name: 'Command palette' }).getByRole('combobox').fill('farmers');
  await page.getByRole('option', { name: /Farmers market stand/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Farmers market stand' })).toBeVisible();
});
