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
    // The demo records visits per channel only: about 90–140 a day over 92 days.
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
});
