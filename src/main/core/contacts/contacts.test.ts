import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '@shared/contract/result';
import { countRows } from '../db/count';
import { contacts, companies } from '../db/schema';
import { createTestCore, type TestCore } from '../testing';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore();
});
afterEach(() => t.dispose());

describe('contacts', () => {
  it('creates a contact with its company and reads it back', async () => {
    const created = await t.client.call('contacts.create', {
      firstName: 'Aria',
      lastName: 'Dubois',
      email: 'Aria.Dubois@Pemaquid.com',
      phone: '(617) 555-0136',
      companyName: 'Pemaquid Coffee House',
    });
    expect(created.displayName).toBe('Aria Dubois');
    expect(created.companyName).toBe('Pemaquid Coffee House');
    const { duplicates, ...contact } = created;
    expect(duplicates).toEqual([]);
    const again = await t.client.call('contacts.get', { id: created.id });
    expect(again).toEqual(contact);
  });

  it('reuses a company whose name differs only in case and punctuation', async () => {
    await t.client.call('contacts.create', { firstName: 'A', companyName: 'Tidewater Cafe, Inc.' });
    await t.client.call('contacts.create', { firstName: 'B', companyName: 'tidewater cafe' });
    expect(countRows(t.core.connection.db, companies)).toBe(1);
  });

  it('lists with search, sort and paging', async () => {
    for (const [first, last] of [
      ['Zoe', 'Adams'],
      ['Yann', 'Baker'],
      ['Xia', 'Chen'],
      ['Will', 'Baker'],
    ]) {
      await t.client.call('contacts.create', { firstName: first, lastName: last });
    }
    const page = await t.client.call('contacts.list', { sort: 'name', limit: 2 });
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.displayName)).toEqual(['Zoe Adams', 'Will Baker']);
    const next = await t.client.call('contacts.list', { sort: 'name', limit: 2, offset: 2 });
    expect(next.rows.map((r) => r.displayName)).toEqual(['Yann Baker', 'Xia Chen']);
    const found = await t.client.call('contacts.list', { search: 'bak', sort: 'name', direction: 'desc' });
    expect(found.rows.map((r) => r.displayName)).toEqual(['Yann Baker', 'Will Baker']);
  });

  it('updates fields and keeps the rest', async () => {
    const c = await t.client.call('contacts.create', { firstName: 'Noah', email: 'noah@example.com' });
    const updated = await t.client.call('contacts.update', {
      id: c.id,
      patch: { lastName: 'Sargent', city: 'Bath' },
    });
    expect(updated).toMatchObject({
      firstName: 'Noah',
      lastName: 'Sargent',
      city: 'Bath',
      email: 'noah@example.com',
    });
  });

  it('deletes softly and restores', async () => {
    const c = await t.client.call('contacts.create', { firstName: 'Mia' });
    await t.client.call('contacts.delete', { id: c.id });
    expect((await t.client.call('contacts.list', {})).total).toBe(0);
    await expect(t.client.call('contacts.get', { id: c.id })).rejects.toMatchObject({ code: 'not_found' });
    await t.client.call('contacts.restore', { id: c.id });
    expect((await t.client.call('contacts.list', {})).total).toBe(1);
  });

  it('rejects bad input naming the field and writes nothing', async () => {
    const attempts: [unknown, string][] = [
      [{ firstName: 'Bad', email: 'not-an-email' }, 'email'],
      [{ firstName: '', lastName: '', email: '' }, 'firstName'],
      [{ firstName: 42 }, 'firstName'],
      [{ firstName: 'Ok', shoeSize: 44 }, '(input)'],
    ];
    for (const [input, field] of attempts) {
      const result = await t.core.dispatch('contacts.create', input);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('validation');
      expect(result.error.issues?.map((i) => i.field)).toContain(field);
      expect(result.error.message).toContain(field === '(input)' ? 'shoeSize' : field);
    }
    expect(countRows(t.core.connection.db, contacts)).toBe(0);
    expect(countRows(t.core.connection.db, companies)).toBe(0);
  });

  it('refuses an update that would leave a contact with no name and no e-mail', async () => {
    const c = await t.client.call('contacts.create', { firstName: 'Solo' });
    const error = await t.client
      .call('contacts.update', { id: c.id, patch: { firstName: '' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).issueFor('firstName')).toMatch(/name or an e-mail/);
    expect((await t.client.call('contacts.get', { id: c.id })).firstName).toBe('Solo');
  });
});
