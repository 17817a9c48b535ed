import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, testClock, type TestCore } from '../testing';
import { importInto, sample } from '../import/testing';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore({ clock: testClock('2026-10-15T12:00:00Z') });
});
afterEach(() => t.dispose());

/** fb-retarget in meta-ads.csv: 86 days from 2026-04-06 to 2026-06-30, $3,445.45 in all. */
const IMPORTED = 3_445_45;
const HAND_INSIDE = 1_000_00 + 1_800_00;
const HAND_OUTSIDE = 100_00;
/** The file's other campaign, coffeefest-2026, which nobody logged by hand: in the plan's spend, always whole. */
const OTHER_CAMPAIGN = 321_30;

async function handLoggedThenImported() {
  const plan = await t.client.call('plans.create', {
    name: 'Q2',
    periodKind: 'quarter',
    startDate: '2026-04-01',
    goals: { budgetMinor: 10_000_00 },
  });
  const campaign = await t.client.call('campaigns.create', {
    name: 'Retargeting',
    channel: 'ads',
    objective: 'sales',
    trackingCode: 'fb-retarget',
    planId: plan.id,
    budgetMinor: 5_000_00,
  });
  for (const [date, amountMinor] of [
    ['2026-04-02', HAND_OUTSIDE],
    ['2026-04-10', 1_000_00],
    ['2026-05-15', 1_800_00],
  ] as const)
    await t.client.call('spend.create', { campaignId: campaign.id, date, amountMinor });
  const job = await importInto(t, sample('meta-ads.csv'));
  expect(job.status).toBe('done');
  return { plan, campaign };
}

/** The campaign's spend as every screen that shows it reads it. */
async function figures(planId: string, campaignId: string) {
  const period = { from: '2026-04-01', to: '2026-06-30' };
  const list = await t.client.call('campaigns.list', {});
  const detail = await t.client.call('campaigns.detail', { id: campaignId });
  const budget = await t.client.call('spend.budget', { planId });
  const ledger = await t.client.call('spend.list', { campaignId });
  const dashboard = await t.client.call('results.dashboard', period);
  const actual = await t.client.call('plans.actual', { id: planId });
  const summary = await t.client.call('results.summary', period);
  return {
    list: list.find((c) => c.id === campaignId)?.spentMinor,
    page: detail.results.spendMinor,
    pageBudget: detail.budget.spentMinor,
    budget: budget.campaigns.find((c) => c.campaignId === campaignId)?.spentMinor,
    ledger: ledger.totalMinor,
    results: dashboard.campaigns.find((c) => c.campaignId === campaignId)?.spendMinor,
    plan: actual.campaigns.find((c) => c.campaignId === campaignId)?.spendMinor,
    // The plan's budget goal is met by all spend of its period, the other campaign's too.
    planBudgetGoal: actual.goals.find((g) => g.key === 'budget')?.actual,
    summary: Math.round((summary.campaigns.find((c) => c.name === 'Retargeting')?.spend ?? 0) * 100),
  };
}

const everywhere = (minor: number) => ({
  list: minor,
  page: minor,
  pageBudget: minor,
  budget: minor,
  ledger: minor,
  results: minor,
  plan: minor,
  planBudgetGoal: minor + OTHER_CAMPAIGN,
  summary: minor,
});

describe('imported spend against spend logged by hand', () => {
  it('counts the overlapping days once, from the import by default, and everywhere the same', async () => {
    const { plan, campaign } = await handLoggedThenImported();
    // Without the rule the campaign showed 100 + 2,800 + 3,445.45.
    expect(await figures(plan.id, campaign.id)).toEqual(everywhere(IMPORTED + HAND_OUTSIDE));
    expect(await t.client.call('spend.overlaps', {})).toEqual([
      {
        campaignId: campaign.id,
        campaignName: 'Retargeting',
        source: 'imported',
        firstDay: '2026-04-06',
        lastDay: '2026-06-30',
        importedMinor: IMPORTED,
        importedEntries: 86,
        manualMinor: HAND_INSIDE,
        manualEntries: 2,
      },
    ]);
    const detail = await t.client.call('campaigns.detail', { id: campaign.id });
    expect(detail.spendOverlap).toMatchObject({ source: 'imported', manualEntries: 2 });
    const ledger = await t.client.call('spend.list', { campaignId: campaign.id });
    expect(ledger.uncountedMinor).toBe(HAND_INSIDE);
    const left = ledger.rows.filter((r) => !r.counted).map((r) => [r.date, r.imported]);
    expect(left).toEqual([
      ['2026-05-15', false],
      ['2026-04-10', false],
    ]);
  });

  it('counts the hand-logged spend instead when the user keeps it, and back', async () => {
    const { plan, campaign } = await handLoggedThenImported();
    const kept = await t.client.call('spend.setSource', { campaignId: campaign.id, source: 'manual' });
    expect(kept.overlap).toMatchObject({ source: 'manual', manualMinor: HAND_INSIDE });
    expect(await figures(plan.id, campaign.id)).toEqual(everywhere(HAND_INSIDE + HAND_OUTSIDE));
    expect((await t.client.call('spend.list', { campaignId: campaign.id })).uncountedMinor).toBe(IMPORTED);
    await t.client.call('spend.setSource', { campaignId: campaign.id, source: 'imported' });
    expect(await figures(plan.id, campaign.id)).toEqual(everywhere(IMPORTED + HAND_OUTSIDE));
  });

  it('counts everything when nothing overlaps, whichever side is kept', async () => {
    const { plan, campaign } = await handLoggedThenImported();
    const ledger = await t.client.call('spend.list', { campaignId: campaign.id });
    for (const entry of ledger.rows.filter((r) => !r.imported && r.date !== '2026-04-02'))
      await t.client.call('spend.delete', { id: entry.id });
    expect(await t.client.call('spend.overlaps', {})).toEqual([]);
    await t.client.call('spend.setSource', { campaignId: campaign.id, source: 'manual' });
    expect(await figures(plan.id, campaign.id)).toEqual(everywhere(IMPORTED + HAND_OUTSIDE));
  });

  it('shows on the campaign page the reach, impressions and clicks the import brought', async () => {
    const { campaign } = await handLoggedThenImported();
    const detail = await t.client.call('campaigns.detail', { id: campaign.id });
    // Sums of the file's daily Reach, Impressions and Link clicks for fb-retarget.
    expect(detail.metrics).toEqual({
      reach: 191_552,
      impressions: 290_150,
      clicks: 3_904,
      days: 86,
      firstDay: '2026-04-06',
      lastDay: '2026-06-30',
      sources: ['meta'],
    });
  });

  it('lists the overlapping campaigns in the summary of the import that brought the spend', async () => {
    const { campaign } = await handLoggedThenImported();
    const [job] = (await t.client.call('imports.list', {})).rows;
    expect(job?.spendOverlaps).toEqual([
      expect.objectContaining({ campaignId: campaign.id, manualMinor: HAND_INSIDE, importedMinor: IMPORTED }),
    ]);
  });
});
