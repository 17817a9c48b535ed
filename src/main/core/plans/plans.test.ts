import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countRows } from '../db/count';
import { plans, planSegments } from '../db/schema';
import { createTestCore, testClock, type TestCore } from '../testing';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore({ clock: testClock('2026-05-15T12:00:00Z') });
});
afterEach(() => t.dispose());

const create = (over: Record<string, unknown> = {}) =>
  t.client.call('plans.create', {
    name: 'Plan',
    periodKind: 'quarter',
    startDate: '2026-05-15',
    ...over,
  } as never);

describe('plans', () => {
  it('widens month, quarter and year plans to the whole period, following the fiscal year', async () => {
    expect(await create({ periodKind: 'month' })).toMatchObject({
      startDate: '2026-05-01',
      endDate: '2026-05-31',
      periodLabel: '2026-05',
    });
    expect(await create()).toMatchObject({
      startDate: '2026-04-01',
      endDate: '2026-06-30',
      periodLabel: 'Q2 2026',
    });
    await t.client.call('settings.update', { fiscalYearStartMonth: 4 });
    expect(await create({ periodKind: 'year' })).toMatchObject({
      startDate: '2026-04-01',
      endDate: '2027-03-31',
      periodLabel: 'FY2027',
    });
    expect(await create({ periodKind: 'quarter', startDate: '2026-03-01' })).toMatchObject({
      startDate: '2026-01-01',
      endDate: '2026-03-31',
      periodLabel: 'FY2026 Q4',
    });
  });

  it('keeps custom periods as given and checks their end', async () => {
    expect(
      await create({ periodKind: 'custom', startDate: '2026-05-10', endDate: '2026-07-20' }),
    ).toMatchObject({ startDate: '2026-05-10', endDate: '2026-07-20' });
    await expect(create({ periodKind: 'custom', startDate: '2026-05-10' })).rejects.toMatchObject({
      code: 'validation',
      issues: [{ field: 'endDate' }],
    });
    await expect(
      create({ periodKind: 'custom', startDate: '2026-05-10', endDate: '2026-05-01' }),
    ).rejects.toMatchObject({ issues: [{ field: 'endDate' }] });
    expect(countRows(t.core.connection.db, plans)).toBe(1);
  });

  it('stores goals, situation and positioning, and updates them in part', async () => {
    const plan = await create({
      goals: { revenueMinor: 50_000_00, leads: 40 },
      situation: { strengths: 'Fresh roasts', threats: 'Chains' },
      positioning: 'The local roaster for independent cafes',
    });
    expect(plan.goals).toEqual({
      revenueMinor: 50_000_00,
      leads: 40,
      qualifiedLeads: null,
      budgetMinor: null,
    });
    const updated = await t.client.call('plans.update', {
      id: plan.id,
      patch: {
        goals: { qualifiedLeads: 15, leads: null },
        situation: { weaknesses: 'Tiny budget' },
        status: 'active',
      },
    });
    expect(updated.goals).toEqual({
      revenueMinor: 50_000_00,
      leads: null,
      qualifiedLeads: 15,
      budgetMinor: null,
    });
    expect(updated.situation).toEqual({
      strengths: 'Fresh roasts',
      weaknesses: 'Tiny budget',
      opportunities: '',
      threats: 'Chains',
    });
    expect(updated.status).toBe('active');
    await expect(
      t.client.call('plans.update', { id: plan.id, patch: { goals: { revenueMinor: -1 } } }),
    ).rejects.toMatchObject({
      issues: [{ field: 'patch.goals.revenueMinor' }],
    });
  });

  it('moves a plan to another period', async () => {
    const plan = await create();
    const moved = await t.client.call('plans.update', {
      id: plan.id,
      patch: { periodKind: 'month', startDate: '2026-07-09' },
    });
    expect(moved).toMatchObject({ periodKind: 'month', startDate: '2026-07-01', endDate: '2026-07-31' });
  });

  it('saves segments with exactly one target', async () => {
    const plan = await create();
    const saved = await t.client.call('plans.saveSegments', {
      planId: plan.id,
      segments: [
        { name: 'Independent cafes', isTarget: true },
        { name: 'Home brewers', description: 'Subscriptions' },
      ],
    });
    expect(saved.segments.map((s) => [s.name, s.isTarget, s.position])).toEqual([
      ['Independent cafes', true, 0],
      ['Home brewers', false, 1],
    ]);
    expect(saved.targetSegmentId).toBe(saved.segments[0]?.id);
    const [cafes, home] = saved.segments;
    const switched = await t.client.call('plans.saveSegments', {
      planId: plan.id,
      segments: [
        { id: home!.id, name: 'Home brewers', isTarget: true },
        { id: cafes!.id, name: 'Cafes' },
      ],
    });
    expect(switched.targetSegmentId).toBe(home!.id);
    expect(switched.segments.map((s) => s.id)).toEqual([home!.id, cafes!.id]);
    for (const segments of [
      [{ name: 'A' }, { name: 'B' }],
      [
        { name: 'A', isTarget: true },
        { name: 'B', isTarget: true },
      ],
    ]) {
      await expect(t.client.call('plans.saveSegments', { planId: plan.id, segments })).rejects.toMatchObject({
        code: 'validation',
        issues: [{ field: 'segments', message: expect.stringMatching(/target segment/) }],
      });
    }
    expect(countRows(t.core.connection.db, planSegments)).toBe(2);
    expect((await t.client.call('plans.saveSegments', { planId: plan.id, segments: [] })).segments).toEqual(
      [],
    );
  });

  it('saves the channel mix with a planned budget per channel', async () => {
    const plan = await create();
    const saved = await t.client.call('plans.saveChannels', {
      planId: plan.id,
      channels: [
        { channel: 'email', plannedBudgetMinor: 300_00 },
        { channel: 'ads', plannedBudgetMinor: 1_200_50, note: 'Search only' },
      ],
    });
    expect(saved.channels.map((c) => [c.channel, c.plannedBudgetMinor])).toEqual([
      ['ads', 1_200_50],
      ['email', 300_00],
    ]);
    expect(saved.channelBudgetTotalMinor).toBe(1_500_50);
    await expect(
      t.client.call('plans.saveChannels', {
        planId: plan.id,
        channels: [
          { channel: 'ads', plannedBudgetMinor: 1 },
          { channel: 'ads', plannedBudgetMinor: 2 },
        ],
      }),
    ).rejects.toMatchObject({ issues: [{ field: 'channels.1.channel' }] });
    await expect(
      t.client.call('plans.saveChannels', {
        planId: plan.id,
        channels: [{ channel: 'ads', plannedBudgetMinor: -5 }],
      }),
    ).rejects.toMatchObject({
      issues: [{ field: 'channels.0.plannedBudgetMinor', message: 'must not be negative' }],
    });
  });

  it('tracks checklist progress per phase and overall', async () => {
    const plan = await create({ defaultTasks: false });
    expect(plan.progress).toEqual({
      done: 0,
      total: 0,
      phases: ['research', 'plan', 'execute', 'measure'].map((phase) => ({ phase, done: 0, total: 0 })),
    });
    await t.client.call('plans.addTask', { planId: plan.id, phase: 'measure', title: 'Monthly review' });
    await t.client.call('plans.addTask', { planId: plan.id, phase: 'research', title: 'Interview cafes' });
    let p = await t.client.call('plans.addTask', {
      planId: plan.id,
      phase: 'research',
      title: 'Read last year',
    });
    expect(p.tasks.map((task) => task.title)).toEqual([
      'Interview cafes',
      'Read last year',
      'Monthly review',
    ]);
    const first = p.tasks[0]!;
    p = await t.client.call('plans.updateTask', { id: first.id, patch: { done: true } });
    expect(p.tasks[0]).toMatchObject({ done: true, doneAt: '2026-05-15T12:00:00.000Z' });
    expect(p.progress).toMatchObject({ done: 1, total: 3 });
    expect(p.progress.phases[0]).toEqual({ phase: 'research', done: 1, total: 2 });
    p = await t.client.call('plans.updateTask', { id: first.id, patch: { done: false } });
    expect(p.progress.done).toBe(0);
    p = await t.client.call('plans.deleteTask', { id: first.id });
    expect(p.progress.total).toBe(2);
    const standard = await create();
    expect(standard.progress.phases.every((ph) => ph.total > 0)).toBe(true);
  });

  it('lists plans, finds the one for a day, and deletes and restores', async () => {
    const q2 = await create({ name: 'Q2' });
    await create({ name: 'Q3', startDate: '2026-08-01' });
    expect((await t.client.call('plans.list', {})).map((p) => p.name)).toEqual(['Q3', 'Q2']);
    expect((await t.client.call('plans.list', { containing: '2026-06-30' })).map((p) => p.name)).toEqual([
      'Q2',
    ]);
    await t.client.call('plans.delete', { id: q2.id });
    expect((await t.client.call('plans.list', {})).map((p) => p.name)).toEqual(['Q3']);
    await expect(t.client.call('plans.get', { id: q2.id })).rejects.toMatchObject({ code: 'not_found' });
    await t.client.call('plans.restore', { id: q2.id });
    expect((await t.client.call('plans.get', { id: q2.id })).name).toBe('Q2');
  });
});
