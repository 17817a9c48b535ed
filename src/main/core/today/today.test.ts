import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertCampaign, insertContent, makeLead } from '../leads/fixtures';
import { createTestCore, testClock, type TestCore } from '../testing';

let t: TestCore;
// Thursday, 23:30 UTC: still the 15th in UTC terms even where it is already the 16th locally.
const clock = testClock('2026-10-15T23:30:00Z');
beforeEach(async () => {
  clock.set('2026-10-15T23:30:00Z');
  t = await createTestCore({ clock });
});
afterEach(() => t.dispose());

async function followUp(leadId: string, subject: string, dueAt: string) {
  return (await t.client.call('activities.log', { leadId, type: 'call', subject, dueAt, done: false }))
    .activity;
}

const titles = (items: { title: string }[]) => items.map((i) => i.title);

describe('Today', () => {
  it('puts open follow-ups into overdue, today and the next 7 days by UTC day', async () => {
    const lead = await makeLead(t);
    await followUp(lead.id, 'Last week', '2026-10-08T09:00:00Z');
    await followUp(lead.id, 'Yesterday', '2026-10-14T23:59:00Z');
    await followUp(lead.id, 'This morning', '2026-10-15T00:00:00Z');
    await followUp(lead.id, 'Tonight', '2026-10-15T23:00:00Z');
    await followUp(lead.id, 'Tomorrow', '2026-10-16T00:00:00Z');
    await followUp(lead.id, 'In a week', '2026-10-22T18:00:00Z');
    await followUp(lead.id, 'Too far', '2026-10-23T00:00:00Z');
    const done = await followUp(lead.id, 'Done already', '2026-10-15T10:00:00Z');
    await t.client.call('activities.complete', { id: done.id });

    const q = await t.client.call('today.queue', {});
    expect(q).toMatchObject({ date: '2026-10-15', weekStart: '2026-10-12', horizon: '2026-10-22' });
    expect(titles(q.overdue)).toEqual(['Last week', 'Yesterday']);
    expect(titles(q.today)).toEqual(['This morning', 'Tonight']);
    expect(titles(q.upcoming)).toEqual(['Tomorrow', 'In a week']);
    expect(q.counts).toEqual({ overdue: 2, today: 2, upcoming: 2 });
    expect(q.overdue[0]).toMatchObject({
      kind: 'activity',
      hat: 'sales',
      daysLate: 7,
      leadId: lead.id,
      type: 'call',
    });
    expect(q.overdue[0]?.subtitle).toContain(lead.title);
  });

  it('follows the injected clock and the week start setting', async () => {
    const lead = await makeLead(t);
    await followUp(lead.id, 'Friday', '2026-10-16T09:00:00Z');
    clock.set('2026-10-18T08:00:00Z');
    await t.client.call('settings.update', { weekStart: 0 });
    const q = await t.client.call('today.queue', {});
    expect(q).toMatchObject({ date: '2026-10-18', weekStart: '2026-10-18' });
    expect(q.overdue[0]).toMatchObject({ title: 'Friday', daysLate: 2 });
  });

  it('snoozing and completing take items out of today', async () => {
    const lead = await makeLead(t);
    const a = await followUp(lead.id, 'Call A', '2026-10-15T09:00:00Z');
    const b = await followUp(lead.id, 'Call B', '2026-10-12T09:00:00Z');
    await t.client.call('activities.snooze', { id: a.id, days: 2 });
    await t.client.call('activities.complete', {
      id: b.id,
      outcome: 'Voicemail',
      next: { subject: 'Try again', dueAt: '2026-10-15' },
    });
    const q = await t.client.call('today.queue', {});
    expect(titles(q.overdue)).toEqual([]);
    expect(titles(q.today)).toEqual(['Try again']);
    expect(titles(q.upcoming)).toEqual(['Call A']);
  });

  it('includes marketing tasks and filters by hat', async () => {
    const lead = await makeLead(t);
    await followUp(lead.id, 'Sales call', '2026-10-15T14:00:00Z');
    const fair = insertCampaign(t, {
      name: 'Trade fair',
      channel: 'event',
      status: 'planned',
      startDate: '2026-10-15',
    });
    insertCampaign(t, { name: 'Late launch', status: 'draft', startDate: '2026-10-10' });
    insertCampaign(t, { name: 'Running', status: 'active', startDate: '2026-10-01' });
    insertCampaign(t, { name: 'Next month', status: 'planned', startDate: '2026-11-10' });
    insertCampaign(t, { name: 'Deleted', status: 'planned', startDate: '2026-10-15', deleted: true });
    insertContent(t, { title: 'Fair teaser post', scheduledDate: '2026-10-15', campaignId: fair });
    insertContent(t, { title: 'Old draft', scheduledDate: '2026-10-13', status: 'draft' });
    insertContent(t, { title: 'Recap post', scheduledDate: '2026-10-19', status: 'idea' });
    insertContent(t, { title: 'Already out', scheduledDate: '2026-10-15', status: 'published' });
    insertContent(t, { title: 'Unscheduled', scheduledDate: null, status: 'idea' });

    const both = await t.client.call('today.queue', { hat: 'both' });
    expect(titles(both.overdue)).toEqual(['Launch Late launch', 'Old draft']);
    expect(titles(both.today)).toEqual(['Launch Trade fair', 'Fair teaser post', 'Sales call']);
    expect(titles(both.upcoming)).toEqual(['Recap post']);
    expect(both.counts).toEqual({ overdue: 2, today: 3, upcoming: 1 });
    expect(both.today.find((i) => i.kind === 'launch')).toMatchObject({
      hat: 'marketing',
      campaignId: fair,
      type: 'event',
    });
    expect(both.today.find((i) => i.kind === 'content')?.subtitle).toContain('Trade fair');

    const sales = await t.client.call('today.queue', { hat: 'sales' });
    expect([...sales.overdue, ...sales.today, ...sales.upcoming].map((i) => i.hat)).toEqual(['sales']);
    const marketing = await t.client.call('today.queue', { hat: 'marketing' });
    expect(marketing.counts).toEqual({ overdue: 2, today: 2, upcoming: 1 });
  });

  it('hides follow-ups of deleted leads and caps each list while counting everything', async () => {
    const lead = await makeLead(t);
    const gone = await makeLead(t);
    for (let i = 0; i < 5; i++) await followUp(lead.id, `Overdue ${i}`, `2026-10-0${i + 1}T09:00:00Z`);
    await followUp(gone.id, 'Of a deleted lead', '2026-10-15T09:00:00Z');
    await t.client.call('leads.delete', { id: gone.id });
    const q = await t.client.call('today.queue', { limit: 2 });
    expect(titles(q.overdue)).toEqual(['Overdue 0', 'Overdue 1']);
    expect(q.counts).toEqual({ overdue: 5, today: 0, upcoming: 0 });
  });
});
