import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '@fixtures/import/temp-files';
import { createTestCore, testClock, type TestCore } from '../testing';
import { count, importInto, one, rows, sample } from './testing';

let t: TestCore;
const files = makeTempDir();
beforeEach(async () => {
  t = await createTestCore({ clock: testClock('2026-10-15T12:00:00Z') });
});
afterEach(() => t.dispose());
afterAll(() => files.remove());

const HEADER = 'Day,Campaign,Channel,Visits,Clicks,Cost';
const MAPPING = {
  Day: 'date',
  Campaign: 'campaign',
  Channel: 'channel',
  Visits: 'visits',
  Clicks: 'clicks',
  Cost: 'spend',
};
const metrics = (name: string, lines: string[], batchSize = 5000) =>
  importInto(
    t,
    files.write(name, `${[HEADER, ...lines].join('\n')}\n`),
    { kind: 'metrics', mapping: MAPPING, options: { source: 'sheet', dateOrder: 'DMY' } },
    { batchSize },
  );

describe('metrics (generic mapping)', () => {
  it('writes daily numbers by campaign, channel or site; repeats within a file add up, also across batches', async () => {
    const lines = [
      '01/03/2026,Spring Sale,,100,10,25.50',
      '01/03/2026,,Social,40,4,',
      '01/03/2026,,,500,,',
      '01/03/2026,Spring Sale,,20,2,4.50',
    ];
    const job = await metrics('day.csv', lines, 2);
    expect(job).toMatchObject({ status: 'done', rows_total: 4, inserted: 3, updated: 1, error_count: 0 });
    const campaign = one<{ id: string; tracking_code: string; status: string }>(
      t,
      'SELECT id, tracking_code, status FROM campaigns',
    );
    expect(campaign).toMatchObject({ tracking_code: 'spring-sale', status: 'draft' });
    expect(
      rows(t, 'SELECT date, scope, metric, value FROM metric_observations ORDER BY scope, metric'),
    ).toEqual([
      { date: '2026-03-01', scope: `campaign:${campaign.id}`, metric: 'clicks', value: 12 },
      { date: '2026-03-01', scope: `campaign:${campaign.id}`, metric: 'visits', value: 120 },
      { date: '2026-03-01', scope: 'channel:social', metric: 'clicks', value: 4 },
      { date: '2026-03-01', scope: 'channel:social', metric: 'visits', value: 40 },
      { date: '2026-03-01', scope: 'site', metric: 'visits', value: 500 },
    ]);
    expect(one(t, 'SELECT amount_minor, source_key FROM spend_entries')).toEqual({
      amount_minor: 3000,
      source_key: `sheet:2026-03-01:${campaign.id}`,
    });
    // The same file again: the sums are what is stored, nothing changes.
    const again = await metrics('day-again.csv', lines, 2);
    expect(again).toMatchObject({ inserted: 0, error_count: 0 });
    expect(
      one(t, `SELECT value FROM metric_observations WHERE metric = 'visits' AND scope LIKE 'campaign:%'`)
        .value,
    ).toBe(120);
    expect(one(t, 'SELECT amount_minor FROM spend_entries').amount_minor).toBe(3000);
  });

  it('needs a date, and a campaign for spend', async () => {
    const job = await metrics('bad.csv', [',Spring Sale,,1,,', '02/03/2026,,,5,,9.99', '31/02/2026,,,1,,']);
    expect(job).toMatchObject({ inserted: 0, error_count: 3 });
    expect(rows(t, 'SELECT row, column, message FROM import_row_errors ORDER BY row')).toEqual([
      { row: 2, column: 'Day', message: 'the row has no date' },
      { row: 3, column: 'Campaign', message: 'spend needs a campaign to be booked on' },
      { row: 4, column: 'Day', message: expect.stringContaining('is not a real date') },
    ]);
    expect(count(t, 'metric_observations')).toBe(0);
  });
});

describe('spend in the currency its header names', () => {
  const metaIn = (code: string) => {
    const text = readFileSync(sample('meta-ads.csv'), 'utf8').replaceAll('(USD)', `(${code})`);
    return files.write(`meta-${code}.csv`, text);
  };

  it('refuses spend a Meta report gives in another currency than the workspace’s', async () => {
    const job = await importInto(t, metaIn('EUR'));
    expect(job.error_count).toBeGreaterThan(0);
    expect(count(t, 'spend_entries')).toBe(0);
    expect(
      one(
        t,
        `SELECT "column", message FROM import_row_errors WHERE job_id = ? AND severity = 'error' LIMIT 1`,
        job.id,
      ),
    ).toEqual({
      column: 'Amount spent (EUR)',
      message: expect.stringMatching(
        /^the column "Amount spent \(EUR\)" is spend in EUR, but spend is kept in USD/,
      ),
    });
  });

  it('books it in a workspace kept in that currency', async () => {
    await t.client.call('settings.update', { currency: 'EUR' });
    const job = await importInto(t, metaIn('EUR'));
    expect(job).toMatchObject({ status: 'done', error_count: 0 });
    expect(count(t, 'spend_entries')).toBeGreaterThan(0);
  });
});

describe('rows that are not records', () => {
  it('leaves out empty rows and a report’s totals row with a note, not an error', async () => {
    const job = await metrics('totals.csv', [
      'Grand total,,,22,5,',
      '2026-03-01,,,10,2,',
      ',,,,,',
      '2026-03-02,,,12,3,',
      'Total,,,22,5,',
    ]);
    expect(job).toMatchObject({ status: 'done', inserted: 2, skipped: 3, error_count: 0 });
    expect(
      rows(t, `SELECT row, severity, message FROM import_row_errors WHERE job_id = ? ORDER BY row`, job.id),
    ).toEqual([
      { row: 2, severity: 'note', message: 'a totals row ("Grand total"), which sums the other rows' },
      { row: 4, severity: 'note', message: 'an empty row' },
      { row: 6, severity: 'note', message: 'a totals row ("Total"), which sums the other rows' },
    ]);
  });

  it('keeps a company called Total', async () => {
    const job = await importInto(t, files.write('companies.csv', 'Name,Website\nTotal,total.example\n'), {
      kind: 'companies',
      mapping: { Name: 'name', Website: 'website' },
    });
    expect(job).toMatchObject({ status: 'done', inserted: 1, skipped: 0 });
  });
});
