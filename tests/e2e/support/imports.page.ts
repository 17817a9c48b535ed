import { resolve } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

export const SAMPLES = resolve(import.meta.dirname, '../../fixtures/samples');

/** A file made up by a test: name and content, as the page's file input receives it. */
export interface MadeFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export const csvFile = (name: string, text: string): MadeFile => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(text, 'utf8'),
});

/** Page object for Imports: the start panel, the mapping screen, one job's view and the history. */
export class ImportsPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: /^Imports/ })
      .click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Imports' })).toBeVisible();
  }

  /** Browser mode: the file goes through the page's file input and is uploaded to the core. */
  async choose(file: string | MadeFile): Promise<void> {
    await this.page
      .getByLabel('File to import')
      .setInputFiles(typeof file === 'string' ? resolve(SAMPLES, file) : file);
  }

  start(): Locator {
    return this.page.getByRole('region', {
      name: /Bring in the exports you already have|Import another file/,
    });
  }

  rejection(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'can’t be imported' });
  }

  mapping(): Locator {
    return this.page.getByRole('form', { name: 'Import settings' });
  }

  facts(): Locator {
    return this.page.getByRole('region', { name: 'What Tandem found in the file' });
  }

  columnSelect(column: string): Locator {
    return this.mapping().getByLabel(`Import column ${column} as`, { exact: true });
  }

  async mapColumns(mapping: Record<string, string>): Promise<void> {
    for (const [column, field] of Object.entries(mapping))
      await this.columnSelect(column).selectOption({ label: field });
  }

  importButton(): Locator {
    return this.mapping().getByRole('button', { name: /^Import [\d,]+ rows?$/ });
  }

  /** One job's view, named by its file. */
  job(fileName: string): Locator {
    return this.page.getByRole('article', { name: fileName });
  }

  progress(): Locator {
    return this.page.getByRole('progressbar', { name: 'Import progress' });
  }

  tile(label: string): Locator {
    return this.page
      .getByRole('region', { name: 'Result' })
      .locator('.tile')
      .filter({ has: this.page.getByText(label, { exact: true }) });
  }

  rowErrors(): Locator {
    return this.page.getByRole('table', { name: 'Row errors' });
  }

  history(): Locator {
    return this.page.getByRole('table', { name: 'Import history' });
  }

  historyRow(fileName: string): Locator {
    return this.history()
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name: fileName, exact: true }) });
  }

  /** Undo from the history, through its confirmation. */
  async undo(fileName: string): Promise<void> {
    await this.history()
      .getByRole('button', { name: `Undo the import of ${fileName}` })
      .click();
    const dialog = this.page.getByRole('alertdialog', { name: `Undo the import of ${fileName}?` });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Undo import' }).click();
    await expect(dialog).toBeHidden();
  }
}

/** One day of a campaign in a Meta Ads Manager report: spend in major units, as the export writes it. */
export interface MetaAdsDay {
  date: string;
  campaign: string;
  spent: number;
  reach: number;
  impressions: number;
  linkClicks: number;
}

/**
 * A Meta Ads Manager campaigns report with Breakdown: Day, exported as CSV in an account's currency: the
 * summary row of the whole range first, then a row per campaign and day of delivery, quoted as Meta quotes.
 */
export function metaAdsExport(name: string, currency: string, days: MetaAdsDay[]): MadeFile {
  const header = [
    '"Reporting starts"',
    '"Reporting ends"',
    '"Campaign name"',
    '"Campaign delivery"',
    '"Attribution setting"',
    'Results',
    '"Result indicator"',
    'Reach',
    'Frequency',
    '"Cost per results"',
    `"Amount spent (${currency})"`,
    'Impressions',
    `"CPM (cost per 1,000 impressions) (${currency})"`,
    '"Link clicks"',
    `"CPC (cost per link click) (${currency})"`,
    '"CTR (link click-through rate)"',
    '"Clicks (all)"',
    '"CTR (all)"',
    `"CPC (all) (${currency})"`,
    '"Landing page views"',
    `"Cost per landing page view (${currency})"`,
    'Ends',
  ].join(',');
  const ratio = (a: number, b: number) => (b === 0 ? '' : String(Math.round((a / b) * 1e6) / 1e6));
  const line = (d: Omit<MetaAdsDay, 'campaign'> & { campaign: string; ends: string }, summary: boolean) =>
    [
      d.date,
      d.ends,
      d.campaign,
      summary ? '' : 'active',
      summary ? '' : '"7-day click or 1-day view"',
      '',
      '',
      d.reach,
      ratio(d.impressions, d.reach),
      '',
      d.spent.toFixed(2),
      d.impressions,
      ratio(d.spent * 1000, d.impressions),
      d.linkClicks,
      ratio(d.spent, d.linkClicks),
      ratio(d.linkClicks * 100, d.impressions),
      d.linkClicks,
      ratio(d.linkClicks * 100, d.impressions),
      ratio(d.spent, d.linkClicks),
      '',
      '',
      summary ? '' : '2026-12-31',
    ].join(',');
  const sum = (pick: (d: MetaAdsDay) => number) => days.reduce((total, d) => total + pick(d), 0);
  const dates = days.map((d) => d.date).sort();
  const summary = line(
    {
      date: dates[0] ?? '',
      ends: dates[dates.length - 1] ?? '',
      campaign: '',
      spent: sum((d) => d.spent),
      reach: sum((d) => d.reach),
      impressions: sum((d) => d.impressions),
      linkClicks: sum((d) => d.linkClicks),
    },
    true,
  );
  const rows = days.map((d) => line({ ...d, ends: d.date }, false));
  return csvFile(name, [header, summary, ...rows].join('\n') + '\n');
}
