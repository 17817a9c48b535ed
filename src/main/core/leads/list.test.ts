import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../db/ids';
import { createTestCore, testClock, type TestCore } from '../testing';
import { makeLead, stageIds } from './fixtures';

let t: TestCore;
const clock = testClock('2026-10-15T12:00:00Z');
beforeEach(async () => {
  clock.set('2026-10-15T12:00:00Z');
  t = await createTestCore({ clock });
});
afterEach(() => t.dispose());

const titles = async (input: Parameters<TestCore['client']['call']>[1]) =>
  (await t.client.call('leads.list', input as never)).rows.map((r) => r.title);

describe('lead table sorting and paging', () => {
  it('sorts by stage in pipeline order and pages across stage boundaries', async () => {
    const s = await stageIds(t);
    await makeLead(t, { title: 'P1', stageId: s.Proposal });
    await makeLead(t, { title: 'N1' });
    await makeLead(t, { title: 'N2' });
    await makeLead(t, { title: 'Q1', stageId: s.Qualified });
    await makeLead(t, { title: 'W1', stageId: s.Won });
    // Within a stage: board order (newest on top).
    expect(await titles({ sort: 'stage', direction: 'asc' })).toEqual(['N2', 'N1', 'Q1', 'P1', 'W1']);
    expect(await titles({ sort: 'stage', direction: 'asc', offset: 1, limit: 2 })).toEqual(['N1', 'Q1']);
    expect(await titles({ sort: 'stage', direction: 'asc', offset: 3, limit: 5 })).toEqual(['P1', 'W1']);
    expect(await titles({ sort: 'stage', direction: 'desc', limit: 3 })).toEqual(['W1', 'P1', 'Q1']);
    expect(await titles({ sort: 'stage', direction: 'asc', outcome: 'open', offset: 2 })).toEqual([
      'Q1',
      'P1',
    ]);
  });

  it('sorts by contact name with leads without a contact last', async () => {
    const contact = async (firstName: string, lastName: string) =>
      (await t.client.call('contacts.create', { firstName, lastName })).id;
    await makeLead(t, { title: 'to Chen', contactId: await contact('Xia', 'Chen') });
    await makeLead(t, { title: 'to Adams', contactId: await contact('Zoe', 'adams') });
    t.core.connection.sqlite
      .prepare(
        `INSERT INTO leads (id, title, stage_id, created_at, updated_at) VALUES (?, 'no contact', ?, ?, ?)`,
      )
      .run(uuidv7(), (await stageIds(t)).New, '2026-10-01T00:00:00.000Z', '2026-10-01T00:00:00.000Z');
    await makeLead(t, { title: 'to Baker', contactId: await contact('Yann', 'Baker') });
    expect(await titles({ sort: 'contact', direction: 'asc' })).toEqual([
      'to Adams',
      'to Baker',
      'to Chen',
      'no contact',
    ]);
    expect(await titles({ sort: 'contact', direction: 'desc' })).toEqual([
      'to Chen',
      'to Baker',
      'to Adams',
      'no contact',
    ]);
    expect(await titles({ sort: 'contact', direction: 'asc', offset: 2, limit: 1 })).toEqual(['to Chen']);
    expect(await titles({ sort: 'contact', direction: 'asc', offset: 2, limit: 5 })).toEqual([
      'to Chen',
      'no contact',
    ]);
    expect(await titles({ sort: 'contact', direction: 'asc', offset: 3, limit: 5 })).toEqual(['no contact']);
  });

  it('sorts and counts a text search in every sort', async () => {
    const s = await stageIds(t);
    await makeLead(t, { title: 'Tasting B', valueMinor: 300, stageId: s.Qualified });
    await makeLead(t, { title: 'Tasting A', valueMinor: 100 });
    await makeLead(t, { title: 'Other', valueMinor: 200 });
    const page = await t.client.call('leads.list', { search: 'tast', sort: 'value', direction: 'desc' });
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => r.title)).toEqual(['Tasting B', 'Tasting A']);
    expect(await titles({ search: 'tast', sort: 'stage', direction: 'asc' })).toEqual([
      'Tasting A',
      'Tasting B',
    ]);
    expect(await titles({ search: 'tast', sort: 'title', direction: 'asc', offset: 1 })).toEqual([
      'Tasting B',
    ]);
    expect((await t.client.call('leads.list', { search: 'tast', offset: 5 })).total).toBe(2);
  });

  it('gives the same pages for broad filters as for narrow ones', async () => {
    // More matches than the broad-filter threshold, so the page walks the sort index.
    const { sqlite } = t.core.connection;
    const s = await stageIds(t);
    const insert = sqlite.prepare(
      `INSERT INTO leads (id, title, stage_id, channel, value_minor, owner, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const expected: { title: string; value: number; id: string }[] = [];
    sqlite.transaction(() => {
      for (let i = 0; i < 2_600; i++) {
        const id = uuidv7();
        const channel = i % 5 === 0 ? 'ads' : 'email';
        const value = (i * 7919) % 1000;
        insert.run(
          id,
          `L${i}`,
          i % 2 ? s.New : s.Contacted,
          channel,
          value,
          i % 3 ? 'Sam' : 'Ann',
          '2026-10-01T00:00:00.000Z',
          '2026-10-01T00:00:00.000Z',
        );
        if (channel === 'email') expected.push({ title: `L${i}`, value, id });
      }
    })();
    expected.sort((a, b) => b.value - a.value || (b.id < a.id ? -1 : 1));
    const page = await t.client.call('leads.list', {
      channel: 'email',
      sort: 'value',
      direction: 'desc',
      offset: 40,
      limit: 30,
    });
    expect(page.total).toBe(expected.length);
    expect(page.rows.map((r) => r.title)).toEqual(expected.slice(40, 70).map((e) => e.title));
    const narrow = await t.client.call('leads.list', {
      channel: 'ads',
      owner: 'Ann',
      sort: 'value',
      direction: 'desc',
    });
    expect(narrow.total).toBe(174);
    expect(narrow.rows.every((r) => r.channel === 'ads' && r.owner === 'Ann')).toBe(true);
  });
});

describe('deleting with follow-ups', () => {
  it('takes a lead’s follow-ups along and brings back only those on restore', async () => {
    const lead = await makeLead(t, { title: 'Harbor deal' });
    const log = async (subject: string) =>
      (
        await t.client.call('activities.log', {
          leadId: lead.id,
          type: 'call',
          subject,
          dueAt: '2026-10-15',
          done: false,
        })
      ).activity;
    const kept = await log('Call harbor');
    const removedEarlier = await log('Old harbor task');
    clock.set('2026-10-15T12:05:00Z');
    await t.client.call('activities.delete', { id: removedEarlier.id });
    clock.set('2026-10-15T12:10:00Z');
    await t.client.call('leads.delete', { id: lead.id });
    expect((await t.client.call('today.queue', {})).counts.today).toBe(0);
    expect(await t.client.call('search.query', { text: 'harbor' })).toEqual([]);
    await t.client.call('leads.restore', { id: lead.id });
    const open = await t.client.call('activities.list', { leadId: lead.id, status: 'open' });
    expect(open.rows.map((a) => a.id)).toEqual([kept.id]);
    expect((await t.client.call('today.queue', {})).counts.today).toBe(1);
  });

  it('takes a contact’s own follow-ups along, leaving lead follow-ups in place', async () => {
    const c = await t.client.call('contacts.create', { firstName: 'Mia' });
    const lead = await makeLead(t, { contactId: c.id });
    await t.client.call('activities.log', {
      contactId: c.id,
      type: 'task',
      subject: 'Send card',
      dueAt: '2026-10-15',
      done: false,
    });
    await t.client.call('activities.log', {
      leadId: lead.id,
      type: 'call',
      subject: 'Lead call',
      dueAt: '2026-10-15',
      done: false,
    });
    await t.client.call('contacts.delete', { id: c.id, dependents: 'keep' });
    expect((await t.client.call('today.queue', {})).today.map((i) => i.title)).toEqual(['Lead call']);
    await t.client.call('contacts.restore', { id: c.id });
    expect((await t.client.call('today.queue', {})).today.map((i) => i.title).sort()).toEqual([
      'Lead call',
      'Send card',
    ]);
  });
});
