import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeLead, rows } from '../leads/fixtures';
import { createTestCore, testClock, type TestCore } from '../testing';

let t: TestCore;
const clock = testClock('2026-10-15T12:00:00Z');
beforeEach(async () => {
  clock.set('2026-10-15T12:00:00Z');
  t = await createTestCore({ clock });
});
afterEach(() => t.dispose());

describe('activities', () => {
  it('logs a done call and schedules the next follow-up in the same call', async () => {
    const lead = await makeLead(t);
    const { activity, next } = await t.client.call('activities.log', {
      leadId: lead.id,
      type: 'call',
      subject: 'Intro call',
      outcome: 'Wants samples',
      next: { type: 'email', subject: 'Send samples', dueAt: '2026-10-19' },
    });
    expect(activity).toMatchObject({
      status: 'done',
      doneAt: '2026-10-15T12:00:00.000Z',
      outcome: 'Wants samples',
      contactId: lead.contactId,
      leadTitle: lead.title,
    });
    expect(next).toMatchObject({
      type: 'email',
      status: 'open',
      dueAt: '2026-10-19T00:00:00.000Z',
      dueDate: '2026-10-19',
      overdue: false,
      leadId: lead.id,
      contactId: lead.contactId,
    });
    expect((await t.client.call('leads.get', { id: lead.id })).nextActivity?.subject).toBe('Send samples');
  });

  it('logs every type; notes are done, dated tasks open unless marked done', async () => {
    const lead = await makeLead(t);
    for (const type of ['call', 'email', 'meeting', 'note', 'task', 'linkedin'] as const) {
      const { activity } = await t.client.call('activities.log', {
        leadId: lead.id,
        type,
        subject: `A ${type}`,
      });
      expect(activity.status).toBe('done');
    }
    const task = await t.client.call('activities.log', {
      leadId: lead.id,
      type: 'task',
      subject: 'Quote',
      dueAt: '2026-10-14',
    });
    expect(task.activity).toMatchObject({ status: 'open', overdue: true });
    expect(await t.client.call('activities.list', { leadId: lead.id, status: 'open' })).toMatchObject({
      total: 1,
    });
  });

  it('rejects bad input naming the field and saves nothing', async () => {
    const lead = await makeLead(t);
    const attempts: [Record<string, unknown>, string][] = [
      [{ leadId: lead.id, type: 'call', subject: '' }, 'subject'],
      [{ type: 'call', subject: 'Orphan' }, 'leadId'],
      [{ leadId: lead.id, type: 'fax', subject: 'X' }, 'type'],
      [{ leadId: lead.id, type: 'task', subject: 'X', dueAt: '2026-02-30' }, 'dueAt'],
      [
        { leadId: lead.id, type: 'call', subject: 'X', next: { subject: 'Y', dueAt: '2026-13-01' } },
        'next.dueAt',
      ],
      [{ leadId: '01900000-0000-7000-8000-000000000000', type: 'call', subject: 'X' }, 'leadId'],
    ];
    for (const [input, field] of attempts) {
      const result = await t.core.dispatch('activities.log', input);
      expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
      if (!result.ok) expect(result.error.issues?.map((i) => i.field)).toContain(field);
    }
    expect(rows(t, 'SELECT id FROM activities')).toEqual([]);
  });

  it('completes with an outcome and schedules the next one; refuses to complete twice', async () => {
    const lead = await makeLead(t);
    const { activity } = await t.client.call('activities.log', {
      leadId: lead.id,
      type: 'call',
      subject: 'Call back',
      dueAt: '2026-10-15',
    });
    clock.set('2026-10-15T16:00:00Z');
    const done = await t.client.call('activities.complete', {
      id: activity.id,
      outcome: 'Booked a tasting',
      next: { type: 'meeting', subject: 'Tasting', dueAt: '2026-10-21T10:00:00-04:00' },
    });
    expect(done.activity).toMatchObject({
      status: 'done',
      outcome: 'Booked a tasting',
      doneAt: '2026-10-15T16:00:00.000Z',
    });
    expect(done.next).toMatchObject({ type: 'meeting', dueAt: '2026-10-21T14:00:00.000Z', leadId: lead.id });
    await expect(t.client.call('activities.complete', { id: activity.id })).rejects.toMatchObject({
      code: 'conflict',
    });
    const reopened = await t.client.call('activities.reopen', { id: activity.id });
    expect(reopened).toMatchObject({ status: 'open', doneAt: null });
  });

  it('snoozes by days from today when overdue, from the due day when ahead, or to a date', async () => {
    const lead = await makeLead(t);
    const log = (dueAt: string) =>
      t.client
        .call('activities.log', { leadId: lead.id, type: 'call', subject: 'Call', dueAt })
        .then((r) => r.activity);
    const overdue = await log('2026-10-10T15:00:00Z');
    expect(await t.client.call('activities.snooze', { id: overdue.id, days: 1 })).toMatchObject({
      dueAt: '2026-10-16T15:00:00.000Z',
      overdue: false,
    });
    const ahead = await log('2026-10-20');
    expect((await t.client.call('activities.snooze', { id: ahead.id, days: 7 })).dueDate).toBe('2026-10-27');
    expect((await t.client.call('activities.snooze', { id: ahead.id, until: '2026-11-02' })).dueAt).toBe(
      '2026-11-02T00:00:00.000Z',
    );
    await expect(
      t.client.call('activities.snooze', { id: ahead.id, until: '2026-10-01' }),
    ).rejects.toMatchObject({
      issues: [{ field: 'until' }],
    });
    await expect(t.client.call('activities.snooze', { id: ahead.id })).rejects.toMatchObject({
      issues: [{ field: 'until' }],
    });
  });

  it('updates, deletes softly and restores', async () => {
    const lead = await makeLead(t);
    const { activity } = await t.client.call('activities.log', {
      leadId: lead.id,
      type: 'task',
      subject: 'Quote',
      dueAt: '2026-10-16',
    });
    const updated = await t.client.call('activities.update', {
      id: activity.id,
      patch: { subject: 'Send quote', dueAt: null },
    });
    expect(updated).toMatchObject({ subject: 'Send quote', dueAt: null, dueDate: null });
    await t.client.call('activities.delete', { id: activity.id });
    expect((await t.client.call('activities.list', { leadId: lead.id })).total).toBe(0);
    await t.client.call('activities.restore', { id: activity.id });
    expect((await t.client.call('activities.list', { leadId: lead.id })).total).toBe(1);
  });
});
