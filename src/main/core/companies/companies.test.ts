import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeLead } from '../leads/fixtures';
import { createTestCore, testClock, type TestCore } from '../testing';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore({ clock: testClock('2026-10-15T12:00:00Z') });
});
afterEach(() => t.dispose());

describe('companies', () => {
  it('creates, edits and refuses a second company with the same name', async () => {
    const co = await t.client.call('companies.create', {
      name: 'Tidewater Cafe, Inc.',
      website: 'tidewater.cafe',
    });
    expect(co).toMatchObject({
      name: 'Tidewater Cafe, Inc.',
      website: 'tidewater.cafe',
      contactCount: 0,
      openLeadCount: 0,
    });
    await expect(t.client.call('companies.create', { name: 'tidewater cafe' })).rejects.toMatchObject({
      code: 'conflict',
      issues: [{ field: 'name' }],
    });
    const edited = await t.client.call('companies.update', {
      id: co.id,
      patch: { name: 'Tidewater Café', phone: '207 555 0100' },
    });
    expect(edited).toMatchObject({
      name: 'Tidewater Café',
      phone: '207 555 0100',
      website: 'tidewater.cafe',
    });
  });

  it('rejects bad input naming the field', async () => {
    for (const [input, field] of [
      [{ name: '' }, 'name'],
      [{ name: 'X', website: 'not a site' }, 'website'],
      [{ name: 'X', phone: 'call me' }, 'phone'],
    ] as const) {
      const result = await t.core.dispatch('companies.create', input);
      expect(result).toMatchObject({ ok: false, error: { code: 'validation', issues: [{ field }] } });
    }
    expect((await t.client.call('companies.list', {})).total).toBe(0);
  });

  it('lists with counts, search, sorting and paging', async () => {
    for (const name of ['Harbor & Pine', 'Bay Roasters', 'Anchor Bakery'])
      await t.client.call('companies.create', { name });
    await t.client.call('contacts.create', { firstName: 'A', companyName: 'Bay Roasters' });
    const b = await t.client.call('contacts.create', { firstName: 'B', companyName: 'Bay Roasters' });
    await makeLead(t, { contactId: b.id });
    const page = await t.client.call('companies.list', { limit: 2 });
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => r.name)).toEqual(['Anchor Bakery', 'Bay Roasters']);
    expect(page.rows[1]).toMatchObject({ contactCount: 2, openLeadCount: 1 });
    const byContacts = await t.client.call('companies.list', {
      sort: 'contacts',
      direction: 'desc',
      limit: 1,
    });
    expect(byContacts.rows[0]?.name).toBe('Bay Roasters');
    expect((await t.client.call('companies.list', { search: 'harb' })).rows.map((r) => r.name)).toEqual([
      'Harbor & Pine',
    ]);
  });

  it('shows contacts, leads and a timeline on its page; deletes softly and restores', async () => {
    const c = await t.client.call('contacts.create', { firstName: 'Mia', companyName: 'Harbor & Pine' });
    const lead = await makeLead(t, { title: 'Office coffee', contactId: c.id });
    await t.client.call('activities.log', { leadId: lead.id, type: 'call', subject: 'Intro' });
    const detail = await t.client.call('companies.detail', { id: c.companyId! });
    expect(detail.contacts.map((x) => x.firstName)).toEqual(['Mia']);
    expect(detail.leads.map((l) => l.title)).toEqual(['Office coffee']);
    expect(detail.timeline.map((e) => e.title)).toEqual(['Call: Intro', 'Lead created: Office coffee']);
    await t.client.call('companies.delete', { id: c.companyId! });
    expect((await t.client.call('companies.list', {})).total).toBe(0);
    await expect(t.client.call('companies.get', { id: c.companyId! })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect((await t.client.call('companies.restore', { id: c.companyId! })).contactCount).toBe(1);
  });
});
