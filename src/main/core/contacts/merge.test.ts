import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../db/ids';
import { makeLead, rows } from '../leads/fixtures';
import { createTestCore, testClock, type TestCore } from '../testing';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore({ clock: testClock('2026-10-15T12:00:00Z') });
});
afterEach(() => t.dispose());

function insertSale(table: 'orders' | 'payments', contactId: string, externalId: string) {
  const now = '2026-10-01T10:00:00.000Z';
  const sql =
    table === 'orders'
      ? `INSERT INTO orders (id, source, external_id, ordered_at, currency, total_minor, status, contact_id, created_at, updated_at)
         VALUES (?, 'shop', ?, ?, 'USD', 4200, 'paid', ?, ?, ?)`
      : `INSERT INTO payments (id, source, external_id, paid_at, currency, amount_minor, status, contact_id, created_at, updated_at)
         VALUES (?, 'stripe', ?, ?, 'USD', 4200, 'succeeded', ?, ?, ?)`;
  t.core.connection.sqlite.prepare(sql).run(uuidv7(), externalId, now, contactId, now, now);
}

describe('duplicates', () => {
  it('finds contacts by normalised e-mail or phone in any notation', async () => {
    const aria = await t.client.call('contacts.create', {
      firstName: 'Aria',
      email: 'Aria.Dubois@Pemaquid.com',
      phone: '(617) 555-0136',
    });
    const byEmail = await t.client.call('contacts.findDuplicates', { email: '  aria.dubois@pemaquid.COM ' });
    expect(byEmail).toEqual([{ contact: expect.objectContaining({ id: aria.id }), matchedOn: ['email'] }]);
    const byPhone = await t.client.call('contacts.findDuplicates', { phone: '+1 617.555.0136' });
    expect(byPhone[0]?.matchedOn).toEqual(['phone']);
    const both = await t.client.call('contacts.findDuplicates', {
      email: 'aria.dubois@pemaquid.com',
      phone: '617-555-0136',
    });
    expect(both[0]?.matchedOn).toEqual(['email', 'phone']);
    expect(
      await t.client.call('contacts.findDuplicates', {
        email: 'aria.dubois@pemaquid.com',
        excludeId: aria.id,
      }),
    ).toEqual([]);
    expect(
      await t.client.call('contacts.findDuplicates', { email: 'someone@else.com', phone: '617 555 0199' }),
    ).toEqual([]);
    await expect(t.client.call('contacts.findDuplicates', {})).rejects.toMatchObject({
      issues: [{ field: 'email' }],
    });
  });

  it('warns of the same number with an extension, and saves a number typed with one', async () => {
    const office = await t.client.call('contacts.create', { firstName: 'Ines', phone: '617-555-0195 x204' });
    const matches = await t.client.call('contacts.findDuplicates', { phone: '(617) 555-0195' });
    expect(matches).toEqual([{ contact: expect.objectContaining({ id: office.id }), matchedOn: ['phone'] }]);
    for (const phone of ['+1 617 555 0195 ext. 12', '617-555-0195 #9', '+16175550195;ext=204']) {
      const found = await t.client.call('contacts.findDuplicates', { phone });
      expect({ phone, ids: found.map((m) => m.contact.id) }).toEqual({ phone, ids: [office.id] });
    }
  });

  it('returns possible duplicates when a contact is created', async () => {
    const first = await t.client.call('contacts.create', { firstName: 'Noah', email: 'noah@example.com' });
    expect(first.duplicates).toEqual([]);
    const second = await t.client.call('contacts.create', {
      firstName: 'N.',
      lastName: 'Sargent',
      email: 'NOAH@example.com',
    });
    expect(second.duplicates.map((d) => [d.contact.id, d.matchedOn])).toEqual([[first.id, ['email']]]);
  });
});

describe('merge', () => {
  it('moves leads, activities, orders and payments and soft-deletes the merged contact', async () => {
    const keep = await t.client.call('contacts.create', {
      firstName: 'Aria',
      lastName: 'Dubois',
      email: 'aria@pemaquid.com',
    });
    const dup = await t.client.call('contacts.create', {
      firstName: 'A.',
      lastName: 'Dubois',
      phone: '617 555 0136',
      companyName: 'Pemaquid Coffee House',
      city: 'Bristol',
      notes: 'Met at the fair',
    });
    const lead = await makeLead(t, { contactId: dup.id });
    await t.client.call('activities.log', { contactId: dup.id, type: 'call', subject: 'Intro' });
    await t.client.call('activities.log', { leadId: lead.id, type: 'email', subject: 'Samples' });
    insertSale('orders', dup.id, '#1001');
    insertSale('payments', dup.id, 'ch_1');

    const result = await t.client.call('contacts.merge', { keepId: keep.id, mergeId: dup.id });
    expect(result.moved).toEqual({ leads: 1, activities: 2, orders: 1, payments: 1 });
    expect(result.contact).toMatchObject({
      firstName: 'Aria',
      email: 'aria@pemaquid.com',
      phone: '617 555 0136',
      companyName: 'Pemaquid Coffee House',
      city: 'Bristol',
      notes: 'Met at the fair',
    });
    for (const table of ['leads', 'activities', 'orders', 'payments']) {
      expect(rows(t, `SELECT contact_id AS c FROM ${table} WHERE contact_id = ?`, dup.id)).toEqual([]);
    }
    expect(rows(t, 'SELECT deleted_at AS d, merged_into_id AS m FROM contacts WHERE id = ?', dup.id)).toEqual(
      [{ d: '2026-10-15T12:00:00.000Z', m: keep.id }],
    );
    const detail = await t.client.call('contacts.detail', { id: keep.id });
    expect(detail.leads.map((l) => l.id)).toEqual([lead.id]);
    expect(detail.orders.map((o) => o.externalId)).toEqual(['#1001']);
    expect(detail.activities.map((a) => a.subject).sort()).toEqual(['Intro', 'Samples']);
    expect((await t.client.call('contacts.list', {})).total).toBe(1);
  });

  it('refuses to merge a contact into itself or a missing one, changing nothing', async () => {
    const a = await t.client.call('contacts.create', { firstName: 'Solo' });
    await expect(t.client.call('contacts.merge', { keepId: a.id, mergeId: a.id })).rejects.toMatchObject({
      issues: [{ field: 'mergeId' }],
    });
    await expect(
      t.client.call('contacts.merge', { keepId: a.id, mergeId: '01900000-0000-7000-8000-000000000000' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect((await t.client.call('contacts.list', {})).total).toBe(1);
  });
});

describe('contact detail', () => {
  it('shows leads, follow-ups, orders and one timeline, newest first', async () => {
    const c = await t.client.call('contacts.create', { firstName: 'Mia', email: 'mia@harbor.com' });
    const lead = await makeLead(t, { title: 'Office coffee', contactId: c.id });
    await t.client.call('leads.close', { id: lead.id, outcome: 'won' });
    await t.client.call('activities.log', {
      leadId: lead.id,
      type: 'call',
      subject: 'Kickoff',
      doneAt: '2026-10-14T09:00:00Z',
    });
    await t.client.call('activities.log', {
      leadId: lead.id,
      type: 'task',
      subject: 'Invoice',
      dueAt: '2026-10-20',
      done: false,
    });
    insertSale('orders', c.id, '#2002');
    const detail = await t.client.call('contacts.detail', { id: c.id });
    expect(detail.activities.map((a) => a.subject)).toEqual(['Invoice', 'Kickoff']);
    expect(detail.timeline.map((e) => [e.kind, e.title])).toEqual([
      ['activity', 'Task: Invoice'],
      ['stage', 'Moved to Won'],
      ['lead', 'Lead created: Office coffee'],
      ['activity', 'Call: Kickoff'],
      ['order', 'Order #2002'],
    ]);
  });
});
