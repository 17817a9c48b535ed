import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Lead } from '@shared/api/leads';
import { createTestCore, testClock, type TestCore } from '../testing';
import { makeLead, stageIds } from '../leads/fixtures';

let t: TestCore;
const clock = testClock('2026-10-15T12:00:00Z');
let stages: Record<string, string>;
beforeEach(async () => {
  clock.set('2026-10-15T12:00:00Z');
  t = await createTestCore({ clock });
  stages = await stageIds(t);
});
afterEach(() => t.dispose());

const followUp = async (leadId: string, dueAt = '2026-10-14T09:00:00Z') =>
  (await t.client.call('activities.log', { leadId, type: 'call', subject: 'Call back', dueAt, done: false }))
    .activity;

/** What undo puts back, as the renderer passes it: the lead as it was before the action. */
const placeOf = (l: Lead) => ({
  stageId: l.stageId,
  boardRank: l.boardRank,
  lostReason: l.lostReason,
  closedAt: l.closedAt,
});

describe('undoing and redoing Done', () => {
  it('reopens the follow-up with its old outcome, puts it back in Today, and marks it done again', async () => {
    const lead = await makeLead(t);
    const a = await followUp(lead.id);
    clock.set('2026-10-15T13:00:00Z');
    const done = (await t.client.call('activities.complete', { id: a.id, outcome: 'Interested' })).activity;
    expect((await t.client.call('today.queue', {})).counts.overdue).toBe(0);

    const reopened = await t.client.call('activities.revertDone', {
      id: a.id,
      expect: { doneAt: done.doneAt },
      doneAt: null,
      outcome: null,
    });
    expect(reopened).toMatchObject({ status: 'open', doneAt: null, outcome: null, dueAt: a.dueAt });
    expect((await t.client.call('today.queue', {})).overdue.map((i) => i.id)).toEqual([a.id]);

    const redone = await t.client.call('activities.revertDone', {
      id: a.id,
      expect: { doneAt: null },
      doneAt: done.doneAt,
      outcome: 'Interested',
    });
    expect(redone).toMatchObject({ status: 'done', doneAt: done.doneAt, outcome: 'Interested' });
  });

  it('refuses when the follow-up changed since, writing nothing', async () => {
    const lead = await makeLead(t);
    const a = await followUp(lead.id);
    const done = (await t.client.call('activities.complete', { id: a.id })).activity;
    await t.client.call('activities.reopen', { id: a.id });
    clock.set('2026-10-15T14:00:00Z');
    const again = (await t.client.call('activities.complete', { id: a.id, outcome: 'Ordered' })).activity;
    await expect(
      t.client.call('activities.revertDone', { id: a.id, expect: { doneAt: done.doneAt }, doneAt: null }),
    ).rejects.toThrow(/“Call back” changed since, so it was left as it is/);
    expect(await t.client.call('activities.get', { id: a.id })).toEqual(again);
  });
});

describe('undoing and redoing Snooze', () => {
  it('puts the due time back, and snoozes again', async () => {
    const lead = await makeLead(t);
    const a = await followUp(lead.id, '2026-10-15T16:30:00Z');
    const snoozed = await t.client.call('activities.snooze', { id: a.id, days: 3 });
    expect(snoozed.dueAt).toBe('2026-10-18T16:30:00.000Z');
    const back = await t.client.call('activities.revertDue', {
      id: a.id,
      expect: { dueAt: snoozed.dueAt },
      dueAt: a.dueAt,
    });
    expect(back.dueAt).toBe(a.dueAt);
    expect((await t.client.call('today.queue', {})).today.map((i) => i.id)).toEqual([a.id]);
    const again = await t.client.call('activities.revertDue', {
      id: a.id,
      expect: { dueAt: a.dueAt },
      dueAt: snoozed.dueAt,
    });
    expect(again.dueAt).toBe(snoozed.dueAt);
  });

  it('refuses when someone moved the due date since', async () => {
    const lead = await makeLead(t);
    const a = await followUp(lead.id, '2026-10-15T16:30:00Z');
    const snoozed = await t.client.call('activities.snooze', { id: a.id, days: 1 });
    await t.client.call('activities.snooze', { id: a.id, until: '2026-11-02' });
    await expect(
      t.client.call('activities.revertDue', { id: a.id, expect: { dueAt: snoozed.dueAt }, dueAt: a.dueAt }),
    ).rejects.toThrow(/changed since/);
    expect((await t.client.call('activities.get', { id: a.id })).dueDate).toBe('2026-11-02');
  });
});

describe('undoing and redoing a stage move', () => {
  it('puts the card back in its stage and place and forgets the change from the history', async () => {
    await makeLead(t, { title: 'Other' });
    const lead = await makeLead(t, { title: 'Acme deal' });
    const before = await t.client.call('leads.get', { id: lead.id });
    clock.set('2026-10-16T09:00:00Z');
    const moved = await t.client.call('leads.move', { id: lead.id, stageId: stages.Qualified! });
    clock.set('2026-10-16T09:01:00Z');
    const back = await t.client.call('leads.revertStage', {
      id: lead.id,
      expect: { stageId: moved.stageId },
      to: placeOf(before),
      undo: true,
    });
    expect(back).toMatchObject({ stageId: stages.New, boardRank: before.boardRank });
    const board = await t.client.call('leads.board', {});
    expect(board.columns[0]?.cards.map((c) => c.title)).toEqual(['Acme deal', 'Other']);
    expect((await t.client.call('leads.history', { id: lead.id })).map((h) => h.toStageName)).toEqual([
      'New',
    ]);

    clock.set('2026-10-16T09:02:00Z');
    await t.client.call('leads.revertStage', {
      id: lead.id,
      expect: { stageId: stages.New! },
      to: placeOf(moved),
      undo: false,
    });
    const history = await t.client.call('leads.history', { id: lead.id });
    expect(history.map((h) => [h.toStageName, h.changedAt])).toEqual([
      ['New', '2026-10-15T12:00:00.000Z'],
      ['Qualified', '2026-10-16T09:02:00.000Z'],
    ]);
  });

  it('undoing a close reopens the lead and the follow-ups the close cancelled, and redo closes again', async () => {
    const lead = await makeLead(t, { title: 'Acme deal' });
    const open = await followUp(lead.id);
    const before = await t.client.call('leads.get', { id: lead.id });
    clock.set('2026-10-16T09:00:00Z');
    const won = await t.client.call('leads.close', { id: lead.id, outcome: 'won', followUps: 'cancel' });
    expect(won.openFollowUps).toBe(0);
    const reopened = await t.client.call('leads.revertStage', {
      id: lead.id,
      expect: { stageId: won.stageId },
      to: placeOf(before),
      undo: true,
    });
    expect(reopened).toMatchObject({ outcome: 'open', closedAt: null, openFollowUps: 1 });
    expect((await t.client.call('activities.get', { id: open.id })).status).toBe('open');

    clock.set('2026-10-16T09:05:00Z');
    const again = await t.client.call('leads.revertStage', {
      id: lead.id,
      expect: { stageId: before.stageId },
      to: placeOf(won),
      undo: false,
      followUps: 'cancel',
    });
    expect(again).toMatchObject({ outcome: 'won', closedAt: '2026-10-16T09:05:00.000Z', openFollowUps: 0 });
  });

  it('undoing a close that marked follow-ups done reopens only those', async () => {
    const lead = await makeLead(t);
    const earlier = await followUp(lead.id);
    await t.client.call('activities.complete', { id: earlier.id });
    const open = await followUp(lead.id);
    const before = await t.client.call('leads.get', { id: lead.id });
    clock.set('2026-10-16T09:00:00Z');
    const lost = await t.client.call('leads.close', {
      id: lead.id,
      outcome: 'lost',
      lostReason: 'Price',
      followUps: 'done',
    });
    await t.client.call('leads.revertStage', {
      id: lead.id,
      expect: { stageId: lost.stageId },
      to: placeOf(before),
      undo: true,
    });
    expect((await t.client.call('activities.get', { id: open.id })).status).toBe('open');
    expect((await t.client.call('activities.get', { id: earlier.id })).status).toBe('done');
    expect((await t.client.call('leads.get', { id: lead.id })).lostReason).toBeNull();
  });

  it('refuses when the lead was moved again since', async () => {
    const lead = await makeLead(t, { title: 'Acme deal' });
    const before = await t.client.call('leads.get', { id: lead.id });
    const moved = await t.client.call('leads.move', { id: lead.id, stageId: stages.Qualified! });
    await t.client.call('leads.move', { id: lead.id, stageId: stages.Proposal! });
    await expect(
      t.client.call('leads.revertStage', {
        id: lead.id,
        expect: { stageId: moved.stageId },
        to: placeOf(before),
        undo: true,
      }),
    ).rejects.toThrow(/“Acme deal” changed since/);
    expect((await t.client.call('leads.get', { id: lead.id })).stageName).toBe('Proposal');
    expect((await t.client.call('leads.history', { id: lead.id })).length).toBe(3);
  });
});

describe('undoing a rating', () => {
  it('puts back the stars, note, rater and time, or clears a first rating', async () => {
    const lead = await makeLead(t);
    const first = await t.client.call('leads.rate', {
      id: lead.id,
      rating: 4,
      note: 'Good fit',
      ratedBy: 'Ana',
    });
    clock.set('2026-10-17T08:00:00Z');
    const second = await t.client.call('leads.rate', { id: lead.id, rating: 2, note: 'Went quiet' });
    const back = await t.client.call('leads.revertRating', {
      id: lead.id,
      expect: { rating: 2, note: 'Went quiet' },
      to: { rating: 4, note: 'Good fit', ratedBy: first.ratedBy, ratedAt: first.ratedAt },
    });
    expect(back).toMatchObject({ rating: 4, ratingNote: 'Good fit', ratedBy: 'Ana', ratedAt: first.ratedAt });
    await expect(
      t.client.call('leads.revertRating', {
        id: lead.id,
        expect: { rating: second.rating, note: second.ratingNote },
        to: { rating: null, note: '', ratedBy: null, ratedAt: null },
      }),
    ).rejects.toThrow(/The rating of .* changed since/);
    const cleared = await t.client.call('leads.revertRating', {
      id: lead.id,
      expect: { rating: 4, note: 'Good fit' },
      to: { rating: null, note: '', ratedBy: null, ratedAt: null },
    });
    expect(cleared).toMatchObject({ rating: null, ratingNote: '', ratedBy: null, ratedAt: null });
  });
});
