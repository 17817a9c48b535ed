import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { expect, startDemoWorkspace, test } from './support/fixtures';

test.use({ clock: '2026-10-15T09:00:00Z' });

test('the Reports screen previews the meeting summary, remembers the notes and downloads the PDF in the browser', async ({
  page,
  app,
}, testInfo) => {
  test.setTimeout(180_000);
  await app.open();
  await startDemoWorkspace(page);
  await app.open('reports');
  await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();

  await page.getByRole('radio', { name: 'Last month' }).check();
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview).toContainText('Meeting summary · Sep 1, 2026 – Sep 30, 2026');
  await expect(preview).toContainText('Filters: period Sep 1, 2026 to Sep 30, 2026');

  await page.getByRole('checkbox', { name: 'Top sources' }).uncheck();
  await expect(preview.getByRole('heading', { name: 'Top sources' })).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Meeting notes' }).fill('Move the tasting budget to wholesale');
  await expect(preview).toContainText('Move the tasting budget to wholesale');

  // Notes belong to their period: another period starts blank, and September's come back.
  await page.getByRole('radio', { name: 'This quarter' }).check();
  await expect(page.getByRole('textbox', { name: 'Meeting notes' })).toHaveValue('');
  await page.getByRole('radio', { name: 'Last month' }).check();
  await expect(page.getByRole('textbox', { name: 'Meeting notes' })).toHaveValue(
    'Move the tasting budget to wholesale',
  );
  // Kept in the database: they are there after the page is loaded again.
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Meeting notes' })).toHaveValue(
    'Move the tasting budget to wholesale',
  );

  const downloading = page.waitForEvent('download', { timeout: 150_000 });
  await page.getByRole('button', { name: 'Export PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Harbor & Pine Coffee Roasters – 2026-09-01 to 2026-09-30.pdf');
  const file = testInfo.outputPath('report.pdf');
  await download.saveAs(file);
  expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('Harbor & Pine Coffee Roasters');
  expect(text).toContain('Move the tasting budget to wholesale');
  expect(text).toContain('Page 1 of');
  expect(text).not.toContain('Top sources');
  await expect(page.getByText(/Report downloaded as/)).toBeVisible();
});

test('a weekly report schedule shows its next run, stays after a reload and can be cleared', async ({
  page,
  app,
}, testInfo) => {
  const folder = testInfo.outputPath('scheduled');
  mkdirSync(folder, { recursive: true });
  await app.open();
  await startDemoWorkspace(page);
  await app.open('reports');
  const schedule = page.getByRole('region', { name: 'Schedule' });
  await schedule.getByRole('button', { name: 'Set a schedule' }).click();
  const form = schedule.getByRole('form', { name: 'Report schedule' });
  await form.getByLabel('Repeat').selectOption('weekly');
  await form.getByLabel('Day').selectOption({ label: 'Monday' });
  await form.getByLabel('Time', { exact: true }).fill('08:00');
  await form.getByLabel('Time zone').fill('UTC');
  await form.getByLabel('Folder').fill(`${folder}/missing`);
  await form.getByRole('button', { name: 'Save schedule' }).click();
  await expect(form.getByRole('alert')).toContainText('does not exist');
  await form.getByLabel('Folder').fill(folder);
  await form.getByRole('button', { name: 'Save schedule' }).click();

  // Thursday 15 October: the next run is Monday 19 October 08:00, covering the week of 12–18 October.
  await expect(schedule).toContainText('Every Monday at 08:00 (UTC), covering the last week');
  await expect(schedule.getByTestId('report-next-run')).toContainText('Oct 19, 2026');
  await expect(schedule.getByTestId('report-next-run')).toContainText('(covers Oct 12 – 18, 2026)');
  await page.reload();
  await expect(schedule.getByTestId('report-next-run')).toContainText('(covers Oct 12 – 18, 2026)');
  await expect(schedule).toContainText(folder);

  await schedule.getByRole('button', { name: 'Clear schedule' }).click();
  await expect(schedule.getByTestId('report-next-run')).toHaveCount(0);
  await expect(schedule.getByRole('button', { name: 'Set a schedule' })).toBeVisible();
});
