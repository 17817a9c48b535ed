import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlanVsActual } from '@shared/api/plans';
import { metricObservations } from '../db/schema';
import { createTestCore, testClock, type TestCore } from '../testing';
import { insertLead, insertOrder, insertPayment, moveLead } from '../results/builders';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore({ clock: testClock('2026-05-15T12:00:00Z') });
  await t.client.call('settings.update', { currency: 'EUR' });
});
afterEach(() => t.dispose());

const goal = (report: PlanVsActual, key: string) => report.goals.find((g) => g.key === key);

/** Q2 2026 plan with one campaign, spend in and out of the period, leads, orders and payments. */
async function scenario() {
  const { ctx } = t.core;
  const plan = await t.client.call('plans.create', {
    name: 'Q2 push',
    periodKind: 'quarter',
    startDate: '2026-05-15',
    goals: { revenueMinor: 10_000_00, leads: 4, qualifiedLeads: 2, budgetMinor: 1_000_00 },
  });
  const campaign = await t.client.call('campaigns.create', {
    planId: plan.id,
    name: 'Spring newsletter',
    channel: 'email',
    objective: 'leads',
    budgetMinor: 600_00,
    trackingCode: 'spring-newsletter',
  });
  for (const [date, amountMinor] of [
    ['2026-03-20', 50_00],
    ['2026-04-10', 300_00],
    ['2026-05-01', 400_00],
  ] as const) {
    await t.client.call('spend.create', { campaignId: campaign.id, date, amountMinor });
  }
  const leads = {
    rated: insertLead(ctx, {
      campaignId: campaign.id,
      rating: 5,
      valueMinor: 3_000_00,
      createdAt: '2026-04-05T09:00:00.000Z',
    }),
    cold: insertLead(ctx, {
      campaignId: campaign.id,
      rating: 2,
      valueMinor: 5_000_00,
      createdAt: '2026-04-20T09:00:00.000Z',
    }),
    staged: insertLead(ctx, {
      stage: 'Qualified',
      valueMinor: 1_000_00,
      createdAt: '2026-05-02T09:00:00.000Z',
    }),
    before: insertLead(ctx, { rating: 5, createdAt: '2026-03-30T09:00:00.000Z' }),
  };
  insertOrder(ctx, { orderedAt: '2026-04-12T10:00:00.000Z', totalMinor: 1_500_00, campaignId: campaign.id });
  insertOrder(ctx, {
    orderedAt: '2026-05-03T10:00:00.000Z',
    totalMinor: 1_000_00,
    refundedMinor: 400_00,
    status: 'partially_refunded',
  });
  insertOrder(ctx, {
    orderedAt: '2026-05-04T10:00:00.000Z',
    totalMinor: 900_00,
    refundedMinor: 900_00,
    status: 'refunded',
  });
  insertOrder(ctx, { orderedAt: '2026-05-05T10:00:00.000Z', totalMinor: 900_00, status: 'pending' });
  insertOrder(ctx, { orderedAt: '2026-05-06T10:00:00.000Z', totalMinor: 900_00, status: 'voided' });
  insertOrder(ctx, { orderedAt: '2026-03-31T23:59:59.000Z', totalMinor: 900_00 });
  insertOrder(ctx, { orderedAt: '2026-05-07T10:00:00.000Z', totalMinor: 900_00, currency: 'USD' });
  insertPayment(ctx, { paidAt: '2026-06-30T22:00:00.000Z', amountMinor: 200_00 });
  insertPayment(ctx, { paidAt: '2026-06-01T10:00:00.000Z', amountMinor: 700_00, status: 'failed' });
  return { plan, campaign, leads };
}

describe('plan against actual', () => {
  it('computes actuals for the period and attainment per goal', async () => {
    const { plan, campaign } = await scenario();
    const report = await t.client.call('plans.actual', { id: plan.id });
    expect(report).toMatchObject({ currency: 'EUR', from: '2026-04-01', to: '2026-06-30' });
    // 1500 paid + (1000 − 400) partially refunded + 200 payment; refunded, pending, voided, March and USD count nothing.
    expect(report.totals.revenueMinor).toBe(2_300_00);
    expect(report.totals.revenue).toEqual({ ordersMinor: 2_100_00, paymentsMinor: 200_00, wonLeadsMinor: 0 });
    expect(report.totals.otherCurrencyRecords).toBe(1);
    expect(report.totals.visits).toBe(0);
    expect(goal(report, 'revenue')).toEqual({
      key: 'revenue',
      unit: 'money',
      goal: 10_000_00,
      actual: 2_300_00,
      attainment: 0.23,
    });
    expect(goal(report, 'leads')).toMatchObject({ goal: 4, actual: 3, attainment: 0.75 });
    expect(goal(report, 'qualifiedLeads')).toMatchObject({ goal: 2, actual: 2, attainment: 1 });
    // Spend in the period only: the March entry belongs to the quarter before.
    expect(goal(report, 'budget')).toMatchObject({ goal: 1_000_00, actual: 700_00, attainment: 0.7 });
    expect(report.overBudget).toBe(false);
    expect(report.totals.costPerLeadMinor).toBe(233_33);
    expect(report.totals.pipelineValueMinor).toBe(9_000_00);
    const [results] = report.campaigns;
    expect(results).toMatchObject({
      campaignId: campaign.id,
      spendMinor: 750_00,
      leads: 2,
      qualifiedLeads: 1,
      revenueMinor: 1_500_00,
      costPerLeadMinor: 375_00,
      overBudget: true,
      overspendMinor: 150_00,
    });
    expect(results?.roi).toBeCloseTo(1, 10);
  });

  it('raises revenue and qualified-lead attainment when a campaign lead is won', async () => {
    const { plan, campaign, leads } = await scenario();
    const before = await t.client.call('plans.actual', { id: plan.id });
    moveLead(t.core.ctx, leads.cold, 'Won', '2026-05-20T15:00:00.000Z');
    const after = await t.client.call('plans.actual', { id: plan.id });
    expect(goal(after, 'revenue')?.actual).toBe(goal(before, 'revenue')!.actual + 5_000_00);
    expect(goal(after, 'revenue')?.attainment).toBe(0.73);
    expect(goal(after, 'qualifiedLeads')).toMatchObject({ actual: 3, attainment: 1.5 });
    expect(after.totals).toMatchObject({ won: 1, lost: 0, winRate: 1, averageDealMinor: 5_000_00 });
    expect(after.totals.pipelineValueMinor).toBe(4_000_00);
    const results = after.campaigns.find((c) => c.campaignId === campaign.id);
    expect(results).toMatchObject({ won: 1, revenueMinor: 6_500_00, qualifiedLeads: 2 });
  });

  it('counts a won lead with its own order once, by the order', async () => {
    const { plan, leads } = await scenario();
    moveLead(t.core.ctx, leads.rated, 'Won', '2026-05-20T15:00:00.000Z');
    insertOrder(t.core.ctx, {
      orderedAt: '2026-05-21T10:00:00.000Z',
      totalMinor: 800_00,
      leadId: leads.rated,
    });
    const report = await t.client.call('plans.actual', { id: plan.id });
    expect(report.totals.revenue).toEqual({ ordersMinor: 2_900_00, paymentsMinor: 200_00, wonLeadsMinor: 0 });
    expect(report.totals.won).toBe(1);
  });

  it('keeps a lead lost after reaching Proposal qualified, but not one lost straight from New', async () => {
    const { plan, leads } = await scenario();
    moveLead(t.core.ctx, leads.staged, 'Proposal', '2026-05-10T10:00:00.000Z');
    moveLead(t.core.ctx, leads.staged, 'Lost', '2026-05-12T10:00:00.000Z');
    moveLead(t.core.ctx, leads.cold, 'Lost', '2026-05-12T10:00:00.000Z');
    const report = await t.client.call('plans.actual', { id: plan.id });
    expect(goal(report, 'qualifiedLeads')?.actual).toBe(2);
    expect(report.totals).toMatchObject({ won: 0, lost: 2, winRate: 0 });
  });

  it('flags spend over the plan budget and has no attainment without goals', async () => {
    const plan = await t.client.call('plans.create', {
      name: 'Lean May',
      periodKind: 'month',
      startDate: '2026-05-01',
      goals: { budgetMinor: 100_00 },
    });
    const c = await t.client.call('campaigns.create', {
      planId: plan.id,
      name: 'Ads',
      channel: 'ads',
      objective: 'sales',
    });
    await t.client.call('spend.create', { campaignId: c.id, date: '2026-05-31', amountMinor: 130_01 });
    const report = await t.client.call('plans.actual', { id: plan.id });
    expect(report).toMatchObject({ overBudget: true, overspendMinor: 30_01 });
    expect(goal(report, 'revenue')).toMatchObject({ goal: null, attainment: null });
    expect(report.totals).toMatchObject({ costPerLeadMinor: null, winRate: null, roi: -1 });
  });
});

describe('period results', () => {
  it('lists totals and the campaigns active in the period', async () => {
    const { campaign } = await scenario();
    const report = await t.client.call('campaigns.results', { from: '2026-04-01', to: '2026-04-30' });
    expect(report.totals).toMatchObject({ spendMinor: 300_00, leads: 2, revenueMinor: 1_500_00 });
    expect(report.campaigns).toEqual([
      expect.objectContaining({ campaignId: campaign.id, spendMinor: 300_00, leads: 2 }),
    ]);
    await expect(
      t.client.call('campaigns.results', { from: '2026-04-30', to: '2026-04-01' }),
    ).rejects.toMatchObject({
      code: 'validation',
      issues: [{ field: 'to' }],
    });
  });

  it('counts site visits, or channel visits when no site total exists, never both', async () => {
    const obs = (date: string, scope: string, value: number) => ({
      date,
      scope,
      metric: 'visits',
      value,
      source: 'test',
      createdAt: '2026-05-01T00:00:00.000Z',
      updatedAt: '2026-05-01T00:00:00.000Z',
    });
    t.core.ctx.db
      .insert(metricObservations)
      .values([
        obs('2026-04-01', 'channel:social', 40),
        obs('2026-04-01', 'channel:email', 12.4),
        obs('2026-04-02', 'campaign:x', 7),
        obs('2026-05-01', 'channel:social', 40),
        obs('2026-05-01', 'site', 100),
        obs('2026-05-02', 'site', 90),
      ])
      .run();
    const april = await t.client.call('campaigns.results', { from: '2026-04-01', to: '2026-04-30' });
    expect(april.totals.visits).toBe(52);
    const may = await t.client.call('campaigns.results', { from: '2026-05-01', to: '2026-05-31' });
    expect(may.totals.visits).toBe(190);
  });
});
