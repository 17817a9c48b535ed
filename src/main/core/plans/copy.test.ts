import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { cadences, cadenceSteps } from '../db/schema';
import { createTestCore, testClock, type TestCore } from '../testing';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore({ clock: testClock('2026-03-20T12:00:00Z') });
});
afterEach(() => t.dispose());

async function q1Plan() {
  const plan = await t.client.call('plans.create', {
    name: 'Growth Q1 2026',
    periodKind: 'quarter',
    startDate: '2026-01-01',
    status: 'active',
    goals: { revenueMinor: 40_000_00, leads: 30, qualifiedLeads: 10, budgetMinor: 5_000_00 },
    situation: { strengths: 'Fresh' },
    positioning: 'Local roaster',
  });
  await t.client.call('plans.saveSegments', {
    planId: plan.id,
    segments: [{ name: 'Cafes', isTarget: true }, { name: 'Homes' }],
  });
  await t.client.call('plans.saveChannels', {
    planId: plan.id,
    channels: [{ channel: 'email', plannedBudgetMinor: 1_000_00 }],
  });
  const withTasks = await t.client.call('plans.get', { id: plan.id });
  for (const task of withTasks.tasks.slice(0, 4))
    await t.client.call('plans.updateTask', { id: task.id, patch: { done: true } });
  const a = await t.client.call('campaigns.create', {
    planId: plan.id,
    name: 'Newsletter',
    channel: 'email',
    objective: 'sales',
    status: 'active',
    startDate: '2026-01-05',
    endDate: '2026-03-31',
    budgetMinor: 300_00,
    trackingCode: 'newsletter-2026q1',
    keyMessage: 'Roasted this week',
  });
  const b = await t.client.call('campaigns.create', {
    planId: plan.id,
    name: 'Fest',
    channel: 'event',
    objective: 'leads',
    trackingCode: 'fest',
    startDate: '2026-02-28',
  });
  await t.client.call('campaigns.create', {
    name: 'Someone else',
    channel: 'ads',
    objective: 'sales',
    trackingCode: 'fest-2026q2',
  });
  await t.client.call('spend.create', { campaignId: a.id, date: '2026-01-10', amountMinor: 100_00 });
  const now = '2026-01-01T00:00:00.000Z';
  const { db } = t.core.ctx;
  const cadence = db
    .insert(cadences)
    .values({ name: 'Cafe follow-up', planId: plan.id, createdAt: now, updatedAt: now })
    .returning()
    .get();
  db.insert(cadenceSteps)
    .values([
      {
        cadenceId: cadence.id,
        position: 0,
        dayOffset: 0,
        type: 'email',
        instruction: 'Thank {{first_name}}',
        createdAt: now,
        updatedAt: now,
      },
      {
        cadenceId: cadence.id,
        position: 1,
        dayOffset: 3,
        type: 'call',
        instruction: 'Call',
        createdAt: now,
        updatedAt: now,
      },
    ])
    .run();
  db.insert(cadences).values({ name: 'Unrelated', createdAt: now, updatedAt: now }).run();
  return { plan, a, b };
}

describe('copy a plan to the next period', () => {
  it('copies goals, segments, channels and an unticked checklist into the next quarter', async () => {
    const { plan } = await q1Plan();
    const copy = await t.client.call('plans.copyToNext', { id: plan.id });
    expect(copy).toMatchObject({
      name: 'Growth Q2 2026',
      periodKind: 'quarter',
      startDate: '2026-04-01',
      endDate: '2026-06-30',
      status: 'draft',
      copiedFromId: plan.id,
      goals: { revenueMinor: 40_000_00, leads: 30, qualifiedLeads: 10, budgetMinor: 5_000_00 },
      situation: { strengths: 'Fresh' },
      positioning: 'Local roaster',
      channelBudgetTotalMinor: 1_000_00,
      campaignCount: 2,
    });
    expect(copy.segments.map((s) => [s.name, s.isTarget])).toEqual([
      ['Cafes', true],
      ['Homes', false],
    ]);
    expect(copy.targetSegmentId).not.toBe(
      (await t.client.call('plans.get', { id: plan.id })).targetSegmentId,
    );
    expect(copy.tasks).toHaveLength(9);
    expect(copy.progress.done).toBe(0);
    expect((await t.client.call('plans.get', { id: plan.id })).progress.done).toBe(4);
  });

  it('copies campaigns as drafts, one period later, with unique tracking codes', async () => {
    const { plan } = await q1Plan();
    const copy = await t.client.call('plans.copyToNext', { id: plan.id });
    const copied = await t.client.call('campaigns.list', { planId: copy.id });
    expect(
      copied.map((c) => [
        c.name,
        c.status,
        c.startDate,
        c.endDate,
        c.trackingCode,
        c.budgetMinor,
        c.spentMinor,
      ]),
    ).toEqual([
      ['Newsletter', 'draft', '2026-04-05', '2026-06-30', 'newsletter-2026q2', 300_00, 0],
      ['Fest', 'draft', '2026-05-31', null, 'fest-2026q2-2', 0, 0],
    ]);
    expect(copied[0]?.keyMessage).toBe('Roasted this week');
    const again = await t.client.call('plans.copyToNext', { id: plan.id, name: 'Second try' });
    const codes = (await t.client.call('campaigns.list', { planId: again.id })).map((c) => c.trackingCode);
    expect(codes).toEqual(['newsletter-2026q2-2', 'fest-2026q2-3']);
    expect((await t.client.call('campaigns.list', { planId: plan.id })).map((c) => c.status)).toEqual([
      'active',
      'draft',
    ]);
  });

  it('copies the cadences that belong to the plan, with their steps', async () => {
    const { plan } = await q1Plan();
    const copy = await t.client.call('plans.copyToNext', { id: plan.id });
    const { db } = t.core.ctx;
    const copied = db.select().from(cadences).where(eq(cadences.planId, copy.id)).all();
    expect(copied.map((c) => c.name)).toEqual(['Cafe follow-up']);
    const steps = db.select().from(cadenceSteps).where(eq(cadenceSteps.cadenceId, copied[0]!.id)).all();
    expect(steps.map((s) => [s.position, s.dayOffset, s.type, s.instruction])).toEqual([
      [0, 0, 'email', 'Thank {{first_name}}'],
      [1, 3, 'call', 'Call'],
    ]);
    expect(db.select().from(cadences).all()).toHaveLength(3);
  });

  it('repeats custom periods and month plans by their length', async () => {
    const custom = await t.client.call('plans.create', {
      name: 'Launch',
      periodKind: 'custom',
      startDate: '2026-03-10',
      endDate: '2026-04-08',
    });
    await t.client.call('campaigns.create', {
      planId: custom.id,
      name: 'Launch ads',
      channel: 'ads',
      objective: 'sales',
      startDate: '2026-03-15',
      endDate: '2026-03-20',
    });
    const next = await t.client.call('plans.copyToNext', { id: custom.id });
    expect(next).toMatchObject({
      name: 'Launch (2026-04-09 – 2026-05-08)',
      startDate: '2026-04-09',
      endDate: '2026-05-08',
    });
    const [moved] = await t.client.call('campaigns.list', { planId: next.id });
    expect(moved).toMatchObject({
      startDate: '2026-04-14',
      endDate: '2026-04-19',
      trackingCode: 'launch-ads-20260409',
    });
    const jan = await t.client.call('plans.create', {
      name: 'January 2026-01',
      periodKind: 'month',
      startDate: '2026-01-20',
    });
    expect(await t.client.call('plans.copyToNext', { id: jan.id })).toMatchObject({
      name: 'January 2026-02',
      startDate: '2026-02-01',
      endDate: '2026-02-28',
    });
  });

  it('refuses to copy a plan that does not exist', async () => {
    await expect(
      t.client.call('plans.copyToNext', { id: '0190a6f2-0000-7000-8000-000000000000' }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
