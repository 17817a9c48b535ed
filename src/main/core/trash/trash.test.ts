import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertOrder } from '../results/builders';
import { createTestCore, testClock, type TestCore } from '../testing';

let t: TestCore;
const clock = testClock('2026-10-15T12:00:00Z');
beforeEach(async () => {
  clock.set('2026-10-15T12:00:00Z');
  t = await createTestCore({ clock });
});
afterEach(() => t.dispose());

/** Every row of the tables a delete reaches, without the write stamps a restore renews. */
function tables(): Record<string, unknown[]> {
  const sqlite = t.core.connection.sqlite;
  const out: Record<string, unknown[]> = {};
  for (const table of [
    'contacts',
    'companies',
    'leads',
    'activities',
    'campaigns',
    'spend_entries',
    'content_items',
    'manual_touches',
    'unlinked_refs',
  ]) {
    out[table] = (
      sqlite.prepare(`SELECT * FROM ${table} ORDER BY id`).all() as Record<string, unknown>[]
    ).map(({ updated_at: _stamp, ...row }) => row);
  }
  return out;
}

async function scene() {
  const c = t.client;
  const campaign = await c.call('campaigns.create', {
    name: 'Harvest tasting',
    channel: 'event',
    objective: 'leads',
  });
  await c.call('content.create', { title: 'Harvest post', campaignId: campaign.id });
  const spend = await c.call('spend.create', {
    campaignId: campaign.id,
    date: '2026-10-02',
    amountMinor: 120_00,
  });
  const contact = await c.call('contacts.create', {
    firstName: 'Aria',
    lastName: 'Dubois',
    email: 'aria@x.example',
  });
  const lead = await c.call('leads.create', {
    title: 'Office coffee',
    contactId: contact.id,
    campaignId: campaign.id,
  });
  const call = (await c.call('activities.log', { leadId: lead.id, type: 'call', subject: 'Intro call' }))
    .activity;
  const note = (
    await c.call('activities.log', { contactId: contact.id, type: 'note', subject: 'Met at the fair' })
  ).activity;
  return { campaign, spend, contact, lead, call, note };
}

describe('the Trash', () => {
  it('lists what was deleted, newest first, with kind, label and where it belonged', async () => {
    const s = await scene();
    const c = t.client;
    clock.set('2026-10-16T09:00:00Z');
    await c.call('activities.delete', { id: s.call.id });
    clock.set('2026-10-16T10:00:00Z');
    await c.call('spend.delete', { id: s.spend.id });
    clock.set('2026-10-16T11:00:00Z');
    await c.call('contacts.delete', { id: s.contact.id, dependents: 'delete' });
    const trash = await c.call('trash.list', {});
    // The contact's lead and note went with it and come back with it: not listed on their own.
    expect(trash).toEqual({
      total: 3,
      rows: [
        {
          kind: 'contact',
          id: s.contact.id,
          label: 'Aria Dubois',
          detail: 'aria@x.example',
          day: null,
          deletedAt: '2026-10-16T11:00:00.000Z',
        },
        {
          kind: 'spend',
          id: s.spend.id,
          label: 'Spend',
          day: '2026-10-02',
          detail: 'Harvest tasting',
          deletedAt: '2026-10-16T10:00:00.000Z',
        },
        {
          kind: 'activity',
          id: s.call.id,
          label: 'Intro call',
          detail: 'Office coffee',
          day: null,
          deletedAt: '2026-10-16T09:00:00.000Z',
        },
      ],
    });
  });

  it('restores exactly the records a delete took, with their links, and lists them no more', async () => {
    const s = await scene();
    const before = tables();
    clock.set('2026-10-16T11:00:00Z');
    await t.client.call('contacts.delete', { id: s.contact.id, dependents: 'delete' });
    await t.client.call('campaigns.delete', { id: s.campaign.id });
    expect((await t.client.call('trash.list', {})).rows.map((r) => r.kind)).toEqual(['campaign', 'contact']);
    clock.set('2026-10-16T11:05:00Z');
    const back = await t.client.call('trash.restore', { kind: 'contact', id: s.contact.id });
    expect(back).toMatchObject({ kind: 'contact', label: 'Aria Dubois' });
    await t.client.call('trash.restore', { kind: 'campaign', id: s.campaign.id });
    expect(tables()).toEqual(before);
    expect(await t.client.call('trash.list', {})).toEqual({ total: 0, rows: [] });
    expect((await t.client.call('leads.get', { id: s.lead.id })).contactId).toBe(s.contact.id);
  });

  it('lists the follow-ups a won lead cancelled, so one can come back', async () => {
    const lead = await t.client.call('leads.create', { title: 'Big order' });
    const open = (
      await t.client.call('activities.log', {
        leadId: lead.id,
        type: 'task',
        subject: 'Send quote',
        dueAt: '2026-10-20',
      })
    ).activity;
    await t.client.call('leads.close', { id: lead.id, outcome: 'won', followUps: 'cancel' });
    const [entry] = (await t.client.call('trash.list', {})).rows;
    expect(entry).toMatchObject({ kind: 'activity', id: open.id, label: 'Send quote', detail: 'Big order' });
    await t.client.call('trash.restore', { kind: 'activity', id: open.id });
    expect((await t.client.call('activities.get', { id: open.id })).status).toBe('open');
  });

  it('refuses a record that is not in the Trash', async () => {
    const s = await scene();
    await expect(t.client.call('trash.restore', { kind: 'lead', id: s.lead.id })).rejects.toThrow(
      /not in the Trash any more/,
    );
  });
});

describe('deleting for good', () => {
  const count = (sql: string, ...params: unknown[]) =>
    (t.core.connection.sqlite.prepare(sql).get(...params) as { n: number }).n;
  const dangling = () => t.core.connection.sqlite.pragma('foreign_key_check') as unknown[];

  it('removes a contact with what went with it, keeps its orders without the link, and leaves nothing dangling', async () => {
    const s = await scene();
    const order = insertOrder(t.core.ctx, {
      orderedAt: '2026-10-05T10:00:00Z',
      totalMinor: 48_00,
      contactId: s.contact.id,
      leadId: s.lead.id,
    });
    clock.set('2026-10-16T11:00:00Z');
    await t.client.call('contacts.delete', { id: s.contact.id, dependents: 'delete' });
    const gone = await t.client.call('trash.purge', { kind: 'contact', id: s.contact.id });
    expect(gone).toMatchObject({ kind: 'contact', label: 'Aria Dubois' });
    expect(dangling()).toEqual([]);
    expect(count('SELECT count(*) AS n FROM contacts WHERE id = ?', s.contact.id)).toBe(0);
    // Its lead (sent with it), the lead's call and stage history, and its own note are gone too.
    expect(count('SELECT count(*) AS n FROM leads WHERE id = ?', s.lead.id)).toBe(0);
    expect(count('SELECT count(*) AS n FROM activities WHERE id IN (?, ?)', s.call.id, s.note.id)).toBe(0);
    expect(count('SELECT count(*) AS n FROM lead_stage_history WHERE lead_id = ?', s.lead.id)).toBe(0);
    expect(count('SELECT count(*) AS n FROM unlinked_refs')).toBe(0);
    expect(
      t.core.connection.sqlite
        .prepare('SELECT contact_id AS c, lead_id AS l FROM orders WHERE id = ?')
        .get(order),
    ).toEqual({ c: null, l: null });
    expect(await t.client.call('search.query', { text: 'Dubois' })).toEqual([]);
    expect(await t.client.call('trash.list', {})).toEqual({ total: 0, rows: [] });
    // The campaign the lead came from is untouched.
    expect((await t.client.call('campaigns.get', { id: s.campaign.id })).name).toBe('Harvest tasting');
  });

  it('removes a campaign with its spend and content; the lead it brought stays, without it', async () => {
    const s = await scene();
    await t.client.call('campaigns.delete', { id: s.campaign.id });
    await t.client.call('trash.purge', { kind: 'campaign', id: s.campaign.id });
    expect(dangling()).toEqual([]);
    expect(count('SELECT count(*) AS n FROM spend_entries')).toBe(0);
    expect(count('SELECT count(*) AS n FROM content_items')).toBe(0);
    expect((await t.client.call('leads.get', { id: s.lead.id })).campaignId).toBeNull();
    expect(count('SELECT count(*) AS n FROM unlinked_refs')).toBe(0);
  });

  it('a record deleted on its own loses the link to a purged one, and comes back without it', async () => {
    const s = await scene();
    await t.client.call('leads.delete', { id: s.lead.id });
    clock.set('2026-10-16T11:00:00Z');
    await t.client.call('contacts.delete', { id: s.contact.id });
    await t.client.call('trash.purge', { kind: 'contact', id: s.contact.id });
    expect(dangling()).toEqual([]);
    await t.client.call('trash.restore', { kind: 'lead', id: s.lead.id });
    expect((await t.client.call('leads.get', { id: s.lead.id })).contactId).toBeNull();
  });

  it('refuses a record that is not in the Trash, deleting nothing', async () => {
    const s = await scene();
    await expect(t.client.call('trash.purge', { kind: 'contact', id: s.contact.id })).rejects.toThrow(
      /not in the Trash/,
    );
    expect(count('SELECT count(*) AS n FROM contacts')).toBe(1);
  });
});
