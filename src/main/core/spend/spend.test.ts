import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countRows } from '../db/count';
import { spendEntries } from '../db/schema';
import { createTestCore, testClock, type TestCore } from '../testing';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore({ clock: testClock('2026-05-15T12:00:00Z') });
});
afterEach(() => t.dispose());

const campaign = (over: Record<string, unknown> = {}) =>
  t.client.call('campaigns.create', {
    name: 'Search ads',
    channel: 'ads',
    objective: 'sales',
    ...over,
  } as never);

describe('spend ledger', () => {
  it('adds, edits, deletes and restores entries, keeping the total exact', async () => {
    const c = await campaign();
    const entries = [];
    // Ten entries of 0.10 would not add up to 1.00 in floating point; in minor units they do.
    for (let day = 1; day <= 10; day++) {
      entries.push(
        await t.client.call('spend.create', {
          campaignId: c.id,
          date: `2026-05-${String(day).padStart(2, '0')}`,
          amountMinor: 10,
        }),
      );
    }
    let page = await t.client.call('spend.list', { campaignId: c.id });
    expect(page).toMatchObject({ currency: 'USD', total: 10, totalMinor: 100 });
    expect(page.rows[0]?.date).toBe('2026-05-10');
    const edited = await t.client.call('spend.update', {
      id: entries[0]!.id,
      patch: { amountMinor: 2_50, note: 'Corrected' },
    });
    expect(edited).toMatchObject({
      amountMinor: 2_50,
      note: 'Corrected',
      campaignName: 'Search ads',
      channel: 'ads',
      imported: false,
    });
    await t.client.call('spend.delete', { id: entries[1]!.id });
    page = await t.client.call('spend.list', { campaignId: c.id });
    expect(page).toMatchObject({ total: 9, totalMinor: 330 });
    await expect(
      t.client.call('spend.update', { id: entries[1]!.id, patch: { amountMinor: 5 } }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await t.client.call('spend.restore', { id: entries[1]!.id });
    expect((await t.client.call('spend.list', { campaignId: c.id })).totalMinor).toBe(340);
    expect((await t.client.call('spend.list', { from: '2026-05-03', to: '2026-05-04' })).total).toBe(2);
  });

  it('refuses bad entries naming the field and saves nothing', async () => {
    const c = await campaign();
    const cases: [Record<string, unknown>, string][] = [
      [{ amountMinor: 0 }, 'amountMinor'],
      [{ amountMinor: -500 }, 'amountMinor'],
      [{ amountMinor: 1.5 }, 'amountMinor'],
      [{ date: '2026-02-30' }, 'date'],
      [{ campaignId: '0190a6f2-0000-7000-8000-000000000000' }, 'campaignId'],
    ];
    for (const [over, field] of cases) {
      const result = await t.core.dispatch('spend.create', {
        campaignId: c.id,
        date: '2026-05-01',
        amountMinor: 100,
        ...over,
      });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'validation', issues: [expect.objectContaining({ field })] },
      });
    }
    expect(countRows(t.core.connection.db, spendEntries)).toBe(0);
  });
});

describe('budget against spend', () => {
  it('flags overspend per campaign and per channel in the workspace currency', async () => {
    await t.client.call('settings.update', { currency: 'JPY' });
    const plan = await t.client.call('plans.create', {
      name: 'Q2',
      periodKind: 'quarter',
      startDate: '2026-04-01',
      goals: { budgetMinor: 100_000 },
    });
    await t.client.call('plans.saveChannels', {
      planId: plan.id,
      channels: [
        { channel: 'ads', plannedBudgetMinor: 60_000 },
        { channel: 'event', plannedBudgetMinor: 30_000 },
      ],
    });
    const search = await campaign({ planId: plan.id, budgetMinor: 40_000 });
    const social = await campaign({ planId: plan.id, name: 'Social ads', budgetMinor: 30_000 });
    const mail = await campaign({ planId: plan.id, name: 'Mail', channel: 'email', budgetMinor: 10_000 });
    await campaign({ name: 'Not in plan', budgetMinor: 1 });
    await t.client.call('spend.create', { campaignId: search.id, date: '2026-04-03', amountMinor: 45_001 });
    await t.client.call('spend.create', { campaignId: social.id, date: '2026-04-03', amountMinor: 20_000 });
    await t.client.call('spend.create', { campaignId: mail.id, date: '2026-04-03', amountMinor: 9_999 });

    const report = await t.client.call('spend.budget', { planId: plan.id });
    expect(report.currency).toBe('JPY');
    const byName = Object.fromEntries(report.campaigns.map((c) => [c.name, c]));
    expect(byName['Search ads']).toMatchObject({
      budgetMinor: 40_000,
      spentMinor: 45_001,
      overBudget: true,
      overspendMinor: 5_001,
      remainingMinor: 0,
    });
    expect(byName['Social ads']).toMatchObject({
      overBudget: false,
      overspendMinor: 0,
      remainingMinor: 10_000,
    });
    expect(byName['Not in plan']).toBeUndefined();
    const byChannel = Object.fromEntries(report.channels.map((c) => [c.channel, c]));
    expect(byChannel.ads).toMatchObject({
      budgetSource: 'plan',
      plannedMinor: 60_000,
      campaignBudgetMinor: 70_000,
      budgetMinor: 60_000,
      spentMinor: 65_001,
      overBudget: true,
      overspendMinor: 5_001,
    });
    expect(byChannel.email).toMatchObject({
      budgetSource: 'campaigns',
      plannedMinor: null,
      budgetMinor: 10_000,
      spentMinor: 9_999,
      overBudget: false,
    });
    expect(byChannel.event).toMatchObject({ budgetMinor: 30_000, spentMinor: 0, remainingMinor: 30_000 });
    expect(report.total).toMatchObject({
      budgetMinor: 100_000,
      spentMinor: 75_000,
      overBudget: false,
      remainingMinor: 25_000,
    });

    const everything = await t.client.call('spend.budget', {});
    expect(everything.campaigns).toHaveLength(4);
    expect(everything.total).toMatchObject({ budgetMinor: 80_001, spentMinor: 75_000 });
  });

  it('drops deleted spend from the budget and brings it back on restore', async () => {
    const c = await campaign({ budgetMinor: 100 });
    const entry = await t.client.call('spend.create', {
      campaignId: c.id,
      date: '2026-05-01',
      amountMinor: 150,
    });
    expect((await t.client.call('spend.budget', {})).campaigns[0]).toMatchObject({
      overBudget: true,
      overspendMinor: 50,
    });
    await t.client.call('spend.delete', { id: entry.id });
    expect((await t.client.call('spend.budget', {})).campaigns[0]).toMatchObject({
      overBudget: false,
      spentMinor: 0,
    });
    await t.client.call('spend.restore', { id: entry.id });
    expect((await t.client.call('spend.budget', {})).campaigns[0]).toMatchObject({ overBudget: true });
  });
});
