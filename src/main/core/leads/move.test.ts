import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, testClock, type TestCore } from '../testing';
import { makeLead, rows, stageIds } from './fixtures';

let t: TestCore;
const clock = testClock('2026-10-15T12:00:00Z');
let stages: Record<string, string>;
beforeEach(async () => {
  clock.set('2026-10-15T12:00:00Z');
  t = await createTestCore({ clock });
  stages = await stageIds(t);
});
afterEach(() => t.dispose());

const column = async (stage: string) =>
  (await t.client.call('leads.board', { stageId: stages[stage] })).columns
    .find((c) => c.stage.id === stages[stage])
    ?.cards.map((c) => c.title);

describe('moving leads', () => {
  it('records every stage change with its time', async () => {
    const lead = await makeLead(t);
    clock.set('2026-10-16T09:00:00Z');
    await t.client.call('leads.move', { id: lead.id, stageId: stages.Contacted! });
    clock.set('2026-10-20T10:30:00Z');
    await t.client.call('leads.move', { id: lead.id, stageId: stages.Proposal! });
    const history = await t.client.call('leads.history', { id: lead.id });
    expect(history.map((h) => [h.fromStageName, h.toStageName, h.changedAt])).toEqual([
      [null, 'New', '2026-10-15T12:00:00.000Z'],
      ['New', 'Contacted', '2026-10-16T09:00:00.000Z'],
      ['Contacted', 'Proposal', '2026-10-20T10:30:00.000Z'],
    ]);
  });

  it('reorders within a column without writing history', async () => {
    const a = await makeLead(t, { title: 'A' });
    const b = await makeLead(t, { title: 'B' });
    const c = await makeLead(t, { title: 'C' });
    // New leads go to the top of their column.
    expect(await column('New')).toEqual(['C', 'B', 'A']);
    await t.client.call('leads.move', { id: c.id, stageId: stages.New!, beforeId: a.id });
    expect(await column('New')).toEqual(['B', 'C', 'A']);
    await t.client.call('leads.move', { id: b.id, stageId: stages.New! });
    expect(await column('New')).toEqual(['C', 'A', 'B']);
    expect((await t.client.call('leads.history', { id: c.id })).length).toBe(1);
  });

  it('places a card between two others across stages, re-spacing ranks when there is no gap', async () => {
    const [a, b, c] = [
      await makeLead(t, { title: 'A' }),
      await makeLead(t, { title: 'B' }),
      await makeLead(t, { title: 'C' }),
    ];
    for (const lead of [a, b, c])
      await t.client.call('leads.move', { id: lead.id, stageId: stages.Qualified! });
    // Squeeze the ranks so that no integer fits between neighbours.
    t.core.connection.sqlite
      .prepare('UPDATE leads SET board_rank = CASE title WHEN ? THEN 1 WHEN ? THEN 2 ELSE 3 END')
      .run('A', 'B');
    expect(await column('Qualified')).toEqual(['A', 'B', 'C']);
    const d = await makeLead(t, { title: 'D' });
    await t.client.call('leads.move', { id: d.id, stageId: stages.Qualified!, beforeId: b.id });
    expect(await column('Qualified')).toEqual(['A', 'D', 'B', 'C']);
    await expect(
      t.client.call('leads.move', { id: d.id, stageId: stages.Qualified!, beforeId: d.id }),
    ).rejects.toMatchObject({ issues: [{ field: 'beforeId' }] });
    await expect(
      t.client.call('leads.move', { id: d.id, stageId: stages.New!, beforeId: a.id }),
    ).rejects.toMatchObject({ issues: [{ field: 'beforeId' }] });
  });

  it('requires a reason for lost and keeps everything unchanged without one', async () => {
    const lead = await makeLead(t);
    const result = await t.core.dispatch('leads.move', { id: lead.id, stageId: stages.Lost });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'validation', issues: [{ field: 'lostReason' }] },
    });
    expect((await t.client.call('leads.get', { id: lead.id })).stageName).toBe('New');
    expect((await t.client.call('leads.history', { id: lead.id })).length).toBe(1);
    const lost = await t.client.call('leads.move', {
      id: lead.id,
      stageId: stages.Lost!,
      lostReason: 'Chose a cheaper roaster',
    });
    expect(lost).toMatchObject({
      outcome: 'lost',
      lostReason: 'Chose a cheaper roaster',
      closedAt: '2026-10-15T12:00:00.000Z',
    });
  });

  it('sets and clears closing fields when won, lost and reopened', async () => {
    const lead = await makeLead(t);
    clock.set('2026-10-18T08:00:00Z');
    const won = await t.client.call('leads.close', { id: lead.id, outcome: 'won' });
    expect(won).toMatchObject({
      stageName: 'Won',
      outcome: 'won',
      closedAt: '2026-10-18T08:00:00.000Z',
      lostReason: null,
    });
    await expect(t.client.call('leads.close', { id: lead.id, outcome: 'lost' })).rejects.toMatchObject({
      issues: [{ field: 'lostReason' }],
    });
    const lost = await t.client.call('leads.close', {
      id: lead.id,
      outcome: 'lost',
      lostReason: 'Budget cut',
    });
    expect(lost).toMatchObject({ stageName: 'Lost', lostReason: 'Budget cut' });
    const reopened = await t.client.call('leads.move', { id: lead.id, stageId: stages.Proposal! });
    expect(reopened).toMatchObject({ outcome: 'open', closedAt: null, lostReason: null });
    const history = await t.client.call('leads.history', { id: lead.id });
    expect(history.map((h) => h.toStageName)).toEqual(['New', 'Won', 'Lost', 'Proposal']);
  });

  it('refuses a stage that does not exist', async () => {
    const lead = await makeLead(t);
    await expect(
      t.client.call('leads.move', { id: lead.id, stageId: '01900000-0000-7000-8000-000000000000' }),
    ).rejects.toMatchObject({ code: 'validation', issues: [{ field: 'stageId' }] });
    expect(rows(t, 'SELECT * FROM lead_stage_history').length).toBe(1);
  });
});

describe('closing a lead with open follow-ups', () => {
  const openFollowUps = async (leadId: string) => {
    const page = await t.client.call('activities.list', { leadId, status: 'open' });
    return page.rows.map((a) => a.subject).sort();
  };
  const setUp = async () => {
    const lead = await makeLead(t, { title: 'Café Nord' });
    await t.client.call('activities.log', {
      leadId: lead.id,
      type: 'call',
      subject: 'Call about samples',
      dueAt: '2026-10-14',
    });
    await t.client.call('activities.log', {
      leadId: lead.id,
      type: 'task',
      subject: 'Send price list',
      done: false,
    });
    await t.client.call('activities.log', { leadId: lead.id, type: 'note', subject: 'Likes the Ethiopian' });
    return lead;
  };

  it('counts open follow-ups, dated or not, on the lead', async () => {
    const lead = await setUp();
    const got = await t.client.call('leads.get', { id: lead.id });
    expect(got.openFollowUps).toBe(2);
    expect(got.nextActivity?.subject).toBe('Call about samples');
  });

  it('cancels them by default: they leave the lead and Today', async () => {
    const lead = await setUp();
    expect((await t.client.call('today.queue', {})).counts.overdue).toBe(1);
    const won = await t.client.call('leads.close', { id: lead.id, outcome: 'won' });
    expect(won.openFollowUps).toBe(0);
    expect(won.nextActivity).toBeNull();
    expect(await openFollowUps(lead.id)).toEqual([]);
    expect((await t.client.call('today.queue', {})).counts.overdue).toBe(0);
    // Cancelled is not done: nothing was completed that was not.
    const done = await t.client.call('activities.list', { leadId: lead.id, status: 'done' });
    expect(done.rows.map((a) => a.subject)).toEqual(['Likes the Ethiopian']);
  });

  it('marks them done when asked', async () => {
    const lead = await setUp();
    clock.set('2026-10-16T08:00:00Z');
    await t.client.call('leads.move', {
      id: lead.id,
      stageId: stages.Lost!,
      lostReason: 'Closed the shop',
      followUps: 'done',
    });
    expect(await openFollowUps(lead.id)).toEqual([]);
    const done = await t.client.call('activities.list', { leadId: lead.id, status: 'done' });
    expect(
      done.rows
        .filter((a) => a.doneAt === '2026-10-16T08:00:00.000Z')
        .map((a) => a.subject)
        .sort(),
    ).toEqual(['Call about samples', 'Send price list']);
  });

  it('keeps them open when asked, and a move between open stages never touches them', async () => {
    const lead = await setUp();
    await t.client.call('leads.move', { id: lead.id, stageId: stages.Proposal! });
    expect(await openFollowUps(lead.id)).toEqual(['Call about samples', 'Send price list']);
    const won = await t.client.call('leads.close', { id: lead.id, outcome: 'won', followUps: 'keep' });
    expect(won.openFollowUps).toBe(2);
    expect(await openFollowUps(lead.id)).toEqual(['Call about samples', 'Send price list']);
  });

  it('leaves follow-ups alone when a lost lead is refused for want of a reason', async () => {
    const lead = await setUp();
    await expect(t.client.call('leads.move', { id: lead.id, stageId: stages.Lost! })).rejects.toThrow(
      /reason/,
    );
    expect(await openFollowUps(lead.id)).toEqual(['Call about samples', 'Send price list']);
  });
});
