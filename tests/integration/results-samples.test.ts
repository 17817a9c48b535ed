import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard, Summary } from '@shared/api/results';
import { undoJob } from '@core/import/job/undo';
import { importInto, one, rows, sample } from '@core/import/testing';
import { createTestCore, testClock, type TestCore } from '@core/testing';

const ROOT = resolve(import.meta.dirname, '../..');
const FILES = [
  'hubspot-contacts.csv',
  'google-contacts.csv',
  'pipedrive-deals.csv',
  'shopify-orders.csv',
  'stripe-payments.csv',
  'ga4-traffic-daily.csv',
  'mailchimp-campaigns.csv',
  'meta-ads.csv',
  'linkedin-page-analytics.xlsx',
];
const PERIOD = { from: '2026-01-01', to: '2026-09-30' };

let t: TestCore;
const jobs = new Map<string, string>();
beforeAll(async () => {
  t = await createTestCore({ clock: testClock('2026-10-15T12:00:00Z') });
  await t.client.call('workspace.setup', { mode: 'empty' });
  await t.client.call('settings.update', { currency: 'USD' });
  for (const file of FILES) jobs.set(file, (await importInto(t, sample(file))).id);
}, 120_000);
afterAll(() => t.dispose());

const tile = (d: Dashboard, id: string) => d.tiles.find((x) => x.id === id)!.value;

/** The REVENUE rule of shared/domain/kpi written again as one plain SQL statement. */
function recount(from: string, to: string) {
  const until = `${to}T99`;
  return one<{ revenue: number; leads: number; won: number; lost: number; spend: number }>(
    t,
    `SELECT
       (SELECT coalesce(sum(max(0, total_minor - max(0, refunded_minor))), 0) FROM orders
         WHERE deleted_at IS NULL AND status IN ('paid', 'partially_refunded') AND upper(currency) = 'USD'
           AND ordered_at >= @since AND ordered_at < @until)
     + (SELECT coalesce(sum(max(0, amount_minor - max(0, refunded_minor))), 0) FROM payments
         WHERE deleted_at IS NULL AND status IN ('succeeded', 'partially_refunded') AND upper(currency) = 'USD'
           AND paid_at >= @since AND paid_at < @until)
     + (SELECT coalesce(sum(l.value_minor), 0) FROM leads l JOIN pipeline_stages s ON s.id = l.stage_id
         WHERE l.deleted_at IS NULL AND s.outcome = 'won' AND l.closed_at >= @since AND l.closed_at < @until
           AND l.id NOT IN (SELECT lead_id FROM orders WHERE lead_id IS NOT NULL AND deleted_at IS NULL)
           AND l.id NOT IN (SELECT lead_id FROM payments WHERE lead_id IS NOT NULL AND deleted_at IS NULL)) AS revenue,
       (SELECT count(*) FROM leads WHERE deleted_at IS NULL AND created_at >= @since AND created_at < @until) AS leads,
       (SELECT count(*) FROM leads l JOIN pipeline_stages s ON s.id = l.stage_id
         WHERE l.deleted_at IS NULL AND s.outcome = 'won' AND l.closed_at >= @since AND l.closed_at < @until) AS won,
       (SELECT count(*) FROM leads l JOIN pipeline_stages s ON s.id = l.stage_id
         WHERE l.deleted_at IS NULL AND s.outcome = 'lost' AND l.closed_at >= @since AND l.closed_at < @until) AS lost,
       (SELECT coalesce(sum(amount_minor), 0) FROM spend_entries WHERE deleted_at IS NULL AND date BETWEEN @fromDay AND @toDay) AS spend`,
    { since: from, until, fromDay: from, toDay: to },
  );
}

describe('measured results on the imported sample exports', () => {
  it('the dashboard agrees with a plain-SQL recount', async () => {
    const d = await t.client.call('results.dashboard', PERIOD);
    const r = recount(PERIOD.from, PERIOD.to);
    expect(r.revenue).toBeGreaterThan(0);
    expect({
      revenue: tile(d, 'revenue'),
      leads: tile(d, 'leads'),
      won: tile(d, 'won'),
      lost: tile(d, 'lost'),
      spend: tile(d, 'spend'),
    }).toEqual(r);
    // Visits: GA4 reports per channel only, so the daily visits are the channel rows summed.
    const visits = one<{ n: number }>(
      t,
      `SELECT sum(v) AS n FROM (SELECT round(sum(value)) AS v FROM metric_observations
         WHERE metric = 'visits' AND scope LIKE 'channel:%' AND date BETWEEN ? AND ? GROUP BY date)`,
      PERIOD.from,
      PERIOD.to,
    ).n;
    expect(tile(d, 'visits')).toBe(visits);
    for (const model of ['first', 'last', 'linear', 'position', 'time_decay'] as const) {
      const m = await t.client.call('results.dashboard', { ...PERIOD, model });
      const split =
        m.campaigns.reduce((s, c) => s + c.revenueMinor, 0) +
        m.noCampaign.revenueMinor +
        m.unattributed.revenueMinor;
      expect({ model, split }).toEqual({ model, split: r.revenue });
    }
    expect(d.campaigns.filter((c) => c.revenueMinor > 0).length).toBeGreaterThan(3);
  });

  it('the sample GA4 visits lead the Shopify and Stripe sales by a few days', async () => {
    const d = await t.client.call('results.dashboard', PERIOD);
    const v = d.visitsVsSales;
    expect(v.status).toBe('ok');
    expect(v.salesLeadVisits).toBe(false);
    expect(v.lagDays).toBeGreaterThanOrEqual(2);
    expect(v.lagDays).toBeLessThanOrEqual(4);
    expect(v.significant).toBe(true);
    expect(v.sentence).not.toMatch(/caused|drove|due to/i);
  });

  it('tandem summary --json prints the dashboard numbers to the cent', async () => {
    const run = spawnSync(
      process.execPath,
      [
        join(ROOT, 'bin/tandem.js'),
        '--db',
        t.file,
        'summary',
        '--from',
        PERIOD.from,
        '--to',
        PERIOD.to,
        '--json',
      ],
      { encoding: 'utf8', timeout: 90_000 },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const s = JSON.parse(run.stdout) as Summary;
    const d = await t.client.call('results.dashboard', PERIOD);
    const cents = (major: number | null) => (major === null ? null : Math.round(major * 100));
    expect(cents(s.totals.revenue)).toBe(tile(d, 'revenue'));
    expect(cents(s.totals.spend)).toBe(tile(d, 'spend'));
    expect(cents(s.totals.costPerLead)).toBe(tile(d, 'costPerLead'));
    expect(cents(s.totals.pipelineValue)).toBe(tile(d, 'pipelineValue'));
    expect(s.totals.leads).toBe(tile(d, 'leads'));
    expect(s.totals.visits).toBe(tile(d, 'visits'));
    expect(cents(s.totals.revenue)).toBe(recount(PERIOD.from, PERIOD.to).revenue);
    expect(s.campaigns.map((c) => [c.name, cents(c.revenue), cents(c.spend), c.leads])).toEqual(
      d.campaigns.map((c) => [c.name, c.revenueMinor, c.spendMinor, c.leads]),
    );
    expect(cents(s.unattributed.revenue)).toBe(d.unattributed.revenueMinor);
    expect(s.previous).toMatchObject({ from: d.previousRange.from, to: d.previousRange.to });
    expect(s.visitsVsSales).toMatchObject({ lagDays: d.visitsVsSales.lagDays, significant: true });
    const bad = spawnSync(
      process.execPath,
      [
        join(ROOT, 'bin/tandem.js'),
        '--db',
        t.file,
        'summary',
        '--from',
        PERIOD.from,
        '--to',
        PERIOD.to,
        '--model',
        'data_driven',
      ],
      { encoding: 'utf8', timeout: 90_000 },
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--model must be one of');
  }, 120_000);

  it('touches follow an import and its undo', async () => {
    const shopifyTouches = () =>
      one<{ n: number }>(t, `SELECT count(*) AS n FROM touch_log WHERE source_table = 'orders'`).n;
    const hubspotSources = one<{ n: number }>(
      t,
      `SELECT count(*) AS n FROM touch_log WHERE kind = 'original_source'`,
    ).n;
    expect(hubspotSources).toBeGreaterThan(0);
    const before = shopifyTouches();
    expect(before).toBeGreaterThan(0);
    const contact = rows<{ id: string }>(
      t,
      `SELECT contact_id AS id FROM touch_log WHERE source_table = 'orders' LIMIT 1`,
    )[0]!.id;
    const listed = await t.client.call('touches.list', { contactId: contact });
    expect(listed.touches.some((x) => x.kind === 'order')).toBe(true);
    undoJob(t.core.ctx.sqlite, jobs.get('shopify-orders.csv')!, t.core.ctx.nowIso);
    expect(shopifyTouches()).toBe(0);
    const d = await t.client.call('results.dashboard', PERIOD);
    expect(tile(d, 'revenue')).toBe(recount(PERIOD.from, PERIOD.to).revenue);
  });
});
