import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '@fixtures/import/temp-files';
import { createTestCore, testClock, type TestCore } from '../testing';
import { visitsIn } from '../results/totals';
import { count, importInto, one, rows, sample } from './testing';

let t: TestCore;
const files = makeTempDir();
beforeEach(async () => {
  t = await createTestCore({ clock: testClock('2026-10-15T12:00:00Z') });
});
afterEach(() => t.dispose());
afterAll(() => files.remove());

const PAGES = sample('ga4-pages-daily.csv');
const YEAR = { startDate: '2026-01-01', endDate: '2026-12-31' };

/** The sample's data rows as cells, read without Tandem's reader: skip the `#` preamble and the header. */
function sampleRows(): string[][] {
  const lines = readFileSync(PAGES, 'utf8').split('\n');
  return lines
    .filter((line) => line !== '' && !line.startsWith('#'))
    .slice(1)
    .map((line) => line.split(','));
}

/** "123.47" → 12347 without floating-point sums. */
const cents = (text: string) => {
  const [whole = '0', fraction = ''] = text.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
};

describe('GA4 pages and screens (daily)', () => {
  it('stores views, active users, key events and checkout revenue per page and day', async () => {
    const job = await importInto(t, PAGES);
    expect(job).toMatchObject({ status: 'done', preset: 'ga4-pages', rows_total: 2730, inserted: 2730 });
    expect(job.error_count).toBe(0);

    const cells = sampleRows();
    const sum = (i: number) => cells.reduce((s, row) => s + Number(row[i]), 0);
    const metric = (name: string) =>
      one<{ v: number; n: number }>(
        t,
        `SELECT sum(value) AS v, count(*) AS n FROM metric_observations WHERE metric = ?`,
        name,
      );
    expect(metric('page_views')).toEqual({ v: sum(2), n: 2730 });
    expect(metric('active_users')).toEqual({ v: sum(3), n: 2730 });
    expect(metric('conversions').v).toBe(sum(7));
    const paid = cells.filter((row) => cents(row[8] ?? '0') > 0);
    expect(metric('revenue_minor')).toEqual({
      v: paid.reduce((s, row) => s + cents(row[8] ?? '0'), 0),
      n: paid.length,
    });
    // Revenue is taken on the checkout only.
    expect(rows(t, `SELECT DISTINCT scope FROM metric_observations WHERE metric = 'revenue_minor'`)).toEqual([
      { scope: 'page:/checkout' },
    ]);
    expect(
      rows(
        t,
        `SELECT metric, value, channel, campaign_id AS campaignId, source FROM metric_observations
         WHERE scope = 'page:/checkout' AND date = '2026-01-13' ORDER BY metric`,
      ),
    ).toEqual([
      { metric: 'active_users', value: 27, channel: null, campaignId: null, source: 'ga4' },
      { metric: 'conversions', value: 16, channel: null, campaignId: null, source: 'ga4' },
      { metric: 'page_views', value: 36, channel: null, campaignId: null, source: 'ga4' },
      { metric: 'revenue_minor', value: 12347, channel: null, campaignId: null, source: 'ga4' },
    ]);
    expect(
      rows(t, `SELECT DISTINCT scope FROM metric_observations ORDER BY scope`).map(
        (r) => (r as { scope: string }).scope,
      ),
    ).toEqual([
      'page:/',
      'page:/blog/brewing-guide',
      'page:/cart',
      'page:/checkout',
      'page:/events/coffeefest',
      'page:/shop',
      'page:/shop/house-blend',
      'page:/shop/single-origin-ethiopia',
      'page:/subscriptions',
      'page:/wholesale',
    ]);
  });

  it('page views are not visits: the period’s visits stay those of the traffic report', async () => {
    await importInto(t, PAGES);
    expect(count(t, 'metric_observations', `metric = 'visits'`)).toBe(0);
    expect(visitsIn(t.core.ctx, YEAR)).toBe(0);
    await importInto(t, sample('ga4-traffic-daily.csv'));
    expect(visitsIn(t.core.ctx, YEAR)).toBe(55103);
    const results = await t.client.call('campaigns.results', { from: '2026-01-01', to: '2026-09-30' });
    expect(results.totals.visits).toBe(55103);
  });

  it('a re-import updates in place: the same file changes nothing, a corrected export replaces values', async () => {
    await importInto(t, PAGES);
    const before = count(t, 'metric_observations');
    const again = await importInto(t, PAGES);
    expect(again).toMatchObject({ inserted: 0, updated: 0, error_count: 0 });
    expect(count(t, 'metric_observations')).toBe(before);

    const corrected = readFileSync(PAGES, 'utf8').replace(
      '/checkout,20260113,36,27,1.333,48.608,181,16,123.47',
      '/checkout,20260113,40,27,1.481,48.608,190,17,150.00',
    );
    const job = await importInto(t, files.write('pages-corrected.csv', corrected));
    expect(job).toMatchObject({ inserted: 0, updated: 1, error_count: 0 });
    expect(count(t, 'metric_observations')).toBe(before);
    expect(
      rows(
        t,
        `SELECT metric, value FROM metric_observations WHERE scope = 'page:/checkout' AND date = '2026-01-13' ORDER BY metric`,
      ),
    ).toEqual([
      { metric: 'active_users', value: 27 },
      { metric: 'conversions', value: 17 },
      { metric: 'page_views', value: 40 },
      { metric: 'revenue_minor', value: 15000 },
    ]);
  });

  it('a row without a page path is an error naming the column', async () => {
    const header = 'Page path and screen class,Date,Views,Active users,Key events,Total revenue';
    const path = files.write('no-page.csv', `${header}\n,20260101,5,3,0,0\n/shop,20260101,7,4,0,0\n`);
    const job = await importInto(t, path);
    expect(job).toMatchObject({ preset: 'ga4-pages', inserted: 1, error_count: 1 });
    expect(rows(t, 'SELECT row, column, message FROM import_row_errors')).toEqual([
      { row: 2, column: 'Page path and screen class', message: expect.stringContaining('no page path') },
    ]);
  });
});
