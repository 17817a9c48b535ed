import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, type Input, type MethodName } from '@shared/api';
import type { Dashboard } from '@shared/api/results';
import { createTestCore, testClock, type TestCore } from '../testing';

let t: TestCore;
beforeAll(async () => {
  t = await createTestCore({ clock: testClock('2026-10-15T12:00:00Z') });
  await t.client.call('workspace.setup', { mode: 'demo' });
});
afterAll(() => t.dispose());

async function call<K extends MethodName>(method: K, input: Input<K>) {
  const value = await t.client.call(method, input);
  const parsed = api[method].output.safeParse(value);
  expect(parsed.error?.issues ?? [], method).toEqual([]);
  return value;
}

const Q3 = { from: '2026-07-01', to: '2026-09-30' };
const tile = (d: Dashboard, id: string) => d.tiles.find((x) => x.id === id)!.value;

describe('Results on the demo workspace', () => {
  it('the dashboard, the summary and the plan page agree to the cent', async () => {
    const d = await call('results.dashboard', Q3);
    const s = await call('results.summary', Q3);
    const old = await call('campaigns.results', Q3);
    expect(Math.round(s.totals.revenue * 100)).toBe(tile(d, 'revenue'));
    expect(tile(d, 'revenue')).toBe(old.totals.revenueMinor);
    expect(tile(d, 'spend')).toBe(old.totals.spendMinor);
    expect(tile(d, 'leads')).toBe(old.totals.leads);
    expect(tile(d, 'qualifiedLeads')).toBe(old.totals.qualifiedLeads);
    expect(tile(d, 'won')).toBe(old.totals.won);
    expect(tile(d, 'lost')).toBe(old.totals.lost);
    const split =
      d.campaigns.reduce((sum, c) => sum + c.revenueMinor, 0) +
      d.noCampaign.revenueMinor +
      d.unattributed.revenueMinor;
    expect(split).toBe(tile(d, 'revenue'));
    expect(d.series.points.length).toBeGreaterThan(10);
    expect(d.goals?.goals.length).toBeGreaterThan(0);
    expect(JSON.stringify(d)).not.toMatch(/NaN|Infinity/);
  });

  it('drilling into each campaign gives its revenue, spend and leads', async () => {
    const d = await call('results.dashboard', Q3);
    for (const c of d.campaigns) {
      const revenue = await call('results.records', { ...Q3, metric: 'revenue', campaignId: c.campaignId });
      const spend = await call('results.records', { ...Q3, metric: 'spend', campaignId: c.campaignId });
      const leads = await call('results.records', { ...Q3, metric: 'leads', campaignId: c.campaignId });
      expect({ id: c.name, revenue: revenue.sumMinor, spend: spend.sumMinor, leads: leads.count }).toEqual({
        id: c.name,
        revenue: c.revenueMinor,
        spend: c.spendMinor,
        leads: c.leads,
      });
    }
  });

  it('payback and model comparison answer for every campaign', async () => {
    const d = await call('results.dashboard', Q3);
    const models = await call('results.models', Q3);
    expect(models.models).toHaveLength(5);
    for (const c of d.campaigns.slice(0, 3)) {
      const p = await call('results.payback', { campaignId: c.campaignId });
      expect(p.weeks.length).toBeGreaterThan(0);
      const last = p.weeks.at(-1)!;
      expect(last.cumulativeSpendMinor).toBe(p.weeks.reduce((s, w) => s + w.spendMinor, 0));
    }
  });
});
