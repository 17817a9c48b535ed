import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api, type Input, type MethodName } from '@shared/api';
import { monthGridRange } from '@shared/domain/periods';
import { createTestCore, testClock, type TestCore } from '../testing';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore({ clock: testClock('2026-10-15T12:00:00Z') });
  await t.client.call('workspace.setup', { mode: 'demo' });
});
afterEach(() => t.dispose());

/** Calls a method and checks the reply against the declared output schema, as a strict client would. */
async function call<K extends MethodName>(method: K, input: Input<K>) {
  const value = await t.client.call(method, input);
  const parsed = api[method].output.safeParse(value);
  expect(parsed.error?.issues ?? [], method).toEqual([]);
  return value;
}

describe('marketing views on the demo business', () => {
  it('answers every read with data that matches the contract', async () => {
    const [plan] = await call('plans.list', {});
    expect(plan).toBeDefined();
    const actual = await call('plans.actual', { id: plan!.id });
    expect(actual.totals.revenueMinor).toBeGreaterThan(0);
    expect(actual.totals.leads).toBeGreaterThan(0);
    expect(actual.totals.qualifiedLeads).toBeGreaterThan(0);
    expect(actual.totals.qualifiedLeads).toBeLessThanOrEqual(actual.totals.leads);
    expect(actual.campaigns.length).toBeGreaterThan(3);
    expect(actual.goals.every((g) => g.attainment === null || Number.isFinite(g.attainment))).toBe(true);
    await call('plans.get', { id: plan!.id });

    const campaigns = await call('campaigns.list', {});
    expect(campaigns.some((c) => c.overBudget)).toBe(true);
    for (const c of campaigns) {
      const detail = await call('campaigns.detail', { id: c.id });
      expect(detail.results.spendMinor).toBe(c.spentMinor);
      // The campaign page reads only its own records; it must agree with the plan page's full pass.
      const fromPlan = actual.campaigns.find((r) => r.campaignId === c.id);
      if (fromPlan) expect(detail.results).toEqual(fromPlan);
      await call('campaigns.links', { id: c.id, url: 'https://harborpine.example/' });
    }
    const q3 = await call('campaigns.results', { from: '2026-07-01', to: '2026-09-30' });
    // The site's visits (the sum of the channel rows, never added to them): about 95–150 a day and more
    // after launches, over 92 days.
    expect(q3.totals.visits).toBeGreaterThan(92 * 80);
    expect(q3.totals.visits).toBeLessThan(92 * 400);
    const budget = await call('spend.budget', { planId: plan!.id });
    expect(budget.channels.some((ch) => ch.overBudget)).toBe(true);
    await call('spend.list', { planId: plan!.id });
    const month = monthGridRange('2026-10-15', 1);
    await call('content.range', { from: month.startDate, to: month.endDate, includeUnscheduled: true });
    const year = await call('content.range', { from: '2026-01-01', to: '2026-12-31' });
    expect(year.items.length).toBeGreaterThan(10);
  });

  it('copies the demo plan to the period after it', async () => {
    const [plan] = await call('plans.list', {});
    const copy = await call('plans.copyToNext', { id: plan!.id });
    expect(copy.campaignCount).toBe(plan!.campaignCount);
    expect(copy.startDate > plan!.endDate).toBe(true);
    const codes = (await call('campaigns.list', {})).map((c) => c.trackingCode);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('fills every panel of the Results screen for the current quarter', async () => {
    const d = await call('results.dashboard', { from: '2026-10-01', to: '2026-12-31' });
    expect(d.running).toBe(true);
    for (const id of ['spend', 'reach', 'impressions', 'visits', 'leads', 'revenue', 'pipelineValue'])
      expect(d.tiles.find((tile) => tile.id === id)?.value, id).toBeGreaterThan(0);
    expect(d.funnel.steps.every((step) => (step.value ?? 0) > 0)).toBe(true);
    expect(d.series.points.some((p) => p.revenueMinor > 0 && p.spendMinor > 0 && (p.visits ?? 0) > 0)).toBe(
      true,
    );
    expect(d.channels.filter((c) => c.revenueMinor > 0).length).toBeGreaterThan(2);
    expect(d.campaigns.some((c) => c.leads > 0 && c.reach > 0 && c.impressions > 0)).toBe(true);
    expect(d.content.some((c) => c.revenueMinor > 0)).toBe(true);
    expect(d.goals?.goals.map((g) => g.id)).toEqual(['revenue', 'leads', 'budget']);
    expect(d.goals?.goals.every((g) => g.actual > 0 && g.expectedByToday !== null)).toBe(true);
    expect(d.emptyHints).toEqual({ metrics: false, orders: false, visits: false });
    expect(d.reconciliation.ordersWithoutContact).toBeGreaterThan(0);
    expect(d.reconciliation.ordersWithoutCampaign).toBeGreaterThan(0);
  });

  it('has a year of leads, ratings, lost reasons, payments and unmatched records to measure', async () => {
    const year = await call('results.dashboard', { from: '2026-01-01', to: '2026-12-31' });
    const tile = (id: string) => year.tiles.find((x) => x.id === id)?.value ?? null;
    expect(tile('leads')).toBeGreaterThanOrEqual(250);
    expect(tile('won')).toBeGreaterThan(30);
    expect(tile('lost')).toBeGreaterThan(30);
    expect(tile('averageRating')).not.toBeNull();
    expect(year.lostReasons.length).toBeGreaterThanOrEqual(4);
    // Sales' ratings tell the campaigns apart: the trade show's leads are rated better than Instagram's.
    const rating = (name: string) => year.campaigns.find((c) => c.name === name)?.averageRating ?? null;
    expect(rating('CoffeeFest booth')).toBeGreaterThan((rating('Instagram launch') ?? 5) + 1);
    expect(year.unattributed.revenueMinor).toBeGreaterThan(0);
    expect(year.reconciliation.paymentsWithoutContact).toBeGreaterThan(0);
    expect(year.reconciliation.wonWithoutPayment).toBeGreaterThan(0);
    const { sqlite } = t.core.connection;
    const span = sqlite
      .prepare(
        `SELECT min(at) AS first, max(at) AS last, count(*) AS n FROM (
           SELECT ordered_at AS at FROM orders UNION ALL SELECT paid_at FROM payments)`,
      )
      .get() as { first: string; last: string; n: number };
    expect(span.first < '2026-02-01' && span.last >= '2026-10-14').toBe(true);
    expect(span.n).toBeGreaterThan(1000);
  });

  it('records site and channel visits every day, and sales follow visit spikes three days later', async () => {
    const { sqlite } = t.core.connection;
    const days = sqlite
      .prepare(
        `SELECT date, sum(scope = 'site') AS site, sum(scope LIKE 'channel:%') AS channels,
                sum(CASE WHEN scope = 'site' THEN value END) AS total,
                sum(CASE WHEN scope LIKE 'channel:%' THEN value END) AS parts
         FROM metric_observations WHERE metric = 'visits' GROUP BY date ORDER BY date`,
      )
      .all() as { date: string; site: number; channels: number; total: number; parts: number }[];
    expect(days.length).toBeGreaterThan(250);
    expect(days.every((d) => d.site === 1 && d.channels === 7 && d.total === d.parts)).toBe(true);
    const d = await call('results.dashboard', { from: '2026-07-01', to: '2026-09-30' });
    expect(d.visitsVsSales).toMatchObject({ status: 'ok', lagDays: 3, significant: true });
    expect(d.visitsVsSales.days).toBeGreaterThanOrEqual(63);
    expect(d.visitsVsSales.launches.length).toBeGreaterThan(3);
  });

  it('is the same business every time: the seed decides every number', async () => {
    const other = await createTestCore({ clock: testClock('2026-10-15T12:00:00Z') });
    try {
      await other.client.call('workspace.setup', { mode: 'demo' });
      const fingerprint = (core: TestCore) =>
        core.core.connection.sqlite
          .prepare(
            `SELECT (SELECT count(*) || ':' || sum(total_minor) || ':' || group_concat(substr(ordered_at, 1, 10), '') FROM orders) AS orders,
                    (SELECT count(*) || ':' || sum(amount_minor) FROM payments) AS payments,
                    (SELECT count(*) || ':' || sum(value) FROM metric_observations) AS metrics,
                    (SELECT count(*) || ':' || sum(coalesce(rating, 0)) || ':' || sum(value_minor) FROM leads) AS leads`,
          )
          .get();
      expect(fingerprint(other)).toEqual(fingerprint(t));
    } finally {
      other.dispose();
    }
  });
});
