import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importInto, sample } from '@core/import/testing';
import { createTestCore, testClock, type TestCore } from '@core/testing';

const FILES = [
  'hubspot-contacts.csv',
  'google-contacts.csv',
  'shopify-orders.csv',
  'stripe-payments.csv',
  'ga4-traffic-daily.csv',
  'ga4-pages-daily.csv',
];
const TO = '2026-09-30';

let t: TestCore;
beforeAll(async () => {
  t = await createTestCore({ clock: testClock('2026-10-15T12:00:00Z') });
  await t.client.call('workspace.setup', { mode: 'empty' });
  await t.client.call('settings.update', { currency: 'USD' });
  for (const file of FILES) await importInto(t, sample(file));
}, 120_000);
afterAll(() => t.dispose());

const FORBIDDEN = /\b(caused|cause|causes|drove|drive|drives|due to|because|led to)\b/i;

describe('visits against sales per channel and per page on the imported samples', () => {
  it('lists the channels with GA4 visits and the pages with GA4 views', async () => {
    const scopes = await t.client.call('results.visitScopes', { to: TO });
    expect(scopes.channels.map((c) => c.channel).sort()).toEqual(
      ['ads', 'email', 'other', 'referral', 'social', 'web'].sort(),
    );
    const web = t.core.ctx.sqlite
      .prepare(
        `SELECT round(sum(value)) AS n FROM metric_observations WHERE metric = 'visits' AND channel = 'web'`,
      )
      .get() as { n: number };
    expect(scopes.channels.find((c) => c.channel === 'web')?.visits).toBe(web.n);
    expect(scopes.pages.map((p) => p.path)).toContain('/wholesale');
    expect(scopes.pages).toHaveLength(10);
    expect(scopes.pages.every((p) => p.days === 273)).toBe(true);
  });

  it('social and e-mail visits lead the sales that came through them by a few days', async () => {
    const business = await t.client.call('results.visitsVsSales', { to: TO, scope: { kind: 'business' } });
    for (const channel of ['social', 'email'] as const) {
      const v = await t.client.call('results.visitsVsSales', { to: TO, scope: { kind: 'channel', channel } });
      expect(v.status, channel).toBe('ok');
      expect(v.salesLeadVisits, channel).toBe(false);
      expect(v.significant, channel).toBe(true);
      expect(v.lagDays, channel).toBeGreaterThanOrEqual(2);
      expect(v.lagDays, channel).toBeLessThanOrEqual(4);
      expect(v.sentence).toMatch(
        /^After days with more visits from (social media|e-mail) than usual, sales from/,
      );
      expect(v.sentence).not.toMatch(FORBIDDEN);
      expect(v.caveat).toContain('last touch');
      // A channel's sales are some of the business's sales, day by day.
      const total = new Map(business.daily.map((d) => [d.date, d.sales]));
      for (const d of v.daily) expect(d.sales).toBeLessThanOrEqual(total.get(d.date) ?? 0);
      expect(v.daily.reduce((s, d) => s + d.sales, 0)).toBeGreaterThan(20);
    }
  });

  it('every sale counts for at most one channel', async () => {
    const business = await t.client.call('results.visitsVsSales', { to: TO, scope: { kind: 'business' } });
    const total = business.daily.reduce((s, d) => s + d.sales, 0);
    let perChannel = 0;
    for (const c of (await t.client.call('results.visitScopes', { to: TO })).channels) {
      const v = await t.client.call('results.visitsVsSales', {
        to: TO,
        scope: { kind: 'channel', channel: c.channel },
      });
      perChannel += v.daily.reduce((s, d) => s + d.sales, 0);
    }
    expect(perChannel).toBeGreaterThan(0);
    expect(perChannel).toBeLessThanOrEqual(total);
  });

  it('a page’s daily views lead the business’s sales like its visits do', async () => {
    const v = await t.client.call('results.visitsVsSales', {
      to: TO,
      scope: { kind: 'page', path: '/shop' },
    });
    expect(v).toMatchObject({ status: 'ok', significant: true, salesLeadVisits: false });
    expect(v.lagDays).toBeGreaterThanOrEqual(2);
    expect(v.lagDays).toBeLessThanOrEqual(4);
    expect(v.sentence).toMatch(/^After days with more views of \/shop than usual, sales tended to be higher/);
    expect(v.sentence).not.toMatch(FORBIDDEN);
    const views = t.core.ctx.sqlite
      .prepare(
        `SELECT value FROM metric_observations WHERE metric = 'page_views' AND scope = 'page:/shop' AND date = '2026-05-04'`,
      )
      .get() as { value: number };
    expect(v.daily.find((d) => d.date === '2026-05-04')?.visits).toBe(views.value);
  });

  it('the business scope is the dashboard’s own panel', async () => {
    const d = await t.client.call('results.dashboard', { from: '2026-07-01', to: TO });
    const v = await t.client.call('results.visitsVsSales', { to: TO, scope: { kind: 'business' } });
    const { scope, caveat, ...rest } = v;
    expect(scope).toEqual({ kind: 'business' });
    expect(caveat).toContain('Sales');
    expect(rest).toEqual(d.visitsVsSales);
  });

  it('a page without views says so instead of a coefficient', async () => {
    const v = await t.client.call('results.visitsVsSales', {
      to: TO,
      scope: { kind: 'page', path: '/no-such-page' },
    });
    expect(v.status).toBe('no_visits');
    expect(v.r).toBeNull();
  });
});
