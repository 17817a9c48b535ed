import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeLead } from '../leads/fixtures';
import { createTestCore, testClock, type TestCore } from '../testing';
import { ftsQuery } from './fts';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore({ clock: testClock('2026-10-15T12:00:00Z') });
});
afterEach(() => t.dispose());

const search = (
  text: string,
  extra: { kinds?: ('contact' | 'company' | 'lead' | 'activity')[]; limit?: number } = {},
) => t.client.call('search.query', { text, ...extra });
const kindsAndTitles = async (text: string) => (await search(text)).map((h) => `${h.kind}:${h.title}`);

describe('search', () => {
  it('builds safe prefix queries from typed text', () => {
    expect(ftsQuery('tast')).toBe('"tast"*');
    expect(ftsQuery('Aria  d')).toBe('"Aria" "d"');
    expect(ftsQuery('aria dub')).toBe('"aria" "dub"*');
    expect(ftsQuery('"OR NEAR(* -')).toBe('"OR" "NEAR"*');
    expect(ftsQuery(' -*" ')).toBeNull();
  });

  it('finds contacts, companies, leads and activities by word prefix', async () => {
    const lead = await makeLead(t, {
      title: 'Wholesale tasting program',
      newContact: {
        firstName: 'Aria',
        lastName: 'Dubois',
        email: 'aria@pemaquid.com',
        companyName: 'Pemaquid Coffee House',
      },
    });
    await t.client.call('activities.log', {
      leadId: lead.id,
      type: 'meeting',
      subject: 'Cupping session',
      notes: 'Brought the tasting flight',
    });
    expect(await kindsAndTitles('tast')).toEqual(
      expect.arrayContaining(['lead:Wholesale tasting program', 'activity:Cupping session']),
    );
    expect(await kindsAndTitles('pemaq')).toEqual(
      expect.arrayContaining(['company:Pemaquid Coffee House', 'contact:Aria Dubois']),
    );
    expect(await kindsAndTitles('dubo')).toEqual(['contact:Aria Dubois']);
    expect(await kindsAndTitles('café')).toEqual([]);
    const [hit] = await search('cupping');
    expect(hit).toMatchObject({ kind: 'activity', leadId: lead.id, contactId: lead.contactId });
    expect(hit?.subtitle).toContain('Meeting');
  });

  it('ignores accents and case, needs every word, and filters by kind', async () => {
    await t.client.call('contacts.create', { firstName: 'Zoë', lastName: 'Lefèvre', city: 'Montréal' });
    await t.client.call('contacts.create', { firstName: 'Zoe', lastName: 'Adams' });
    expect(await kindsAndTitles('zoe lef')).toEqual(['contact:Zoë Lefèvre']);
    expect(await kindsAndTitles('zo lefevre')).toEqual([]);
    expect(await kindsAndTitles('MONTREAL')).toEqual(['contact:Zoë Lefèvre']);
    expect((await search('zoe')).length).toBe(2);
    expect(await search('zoe', { kinds: ['lead', 'company'] })).toEqual([]);
    expect((await search('zoe', { limit: 1 })).length).toBe(1);
  });

  it('ranks by relevance: a word in the title beats a mention in the notes', async () => {
    const lead = await makeLead(t, { title: 'Roaster visit' });
    await t.client.call('activities.log', {
      leadId: lead.id,
      type: 'note',
      subject: 'Visit notes',
      notes: 'Talked about the roaster',
    });
    await t.client.call('activities.log', { leadId: lead.id, type: 'call', subject: 'Roaster question' });
    const hits = await kindsAndTitles('roaster');
    expect(hits.slice(0, 2).sort()).toEqual(['activity:Roaster question', 'lead:Roaster visit']);
    expect(hits[2]).toBe('activity:Visit notes');
  });

  it('ranks whole-word matches before longer words that start with it', async () => {
    await t.client.call('companies.create', { name: 'Tasting Room Supply' });
    await t.client.call('companies.create', { name: 'Tast Bakery' });
    expect(await kindsAndTitles('tast')).toEqual(['company:Tast Bakery', 'company:Tasting Room Supply']);
  });

  it('stays in sync after updates, deletes and restores', async () => {
    const c = await t.client.call('contacts.create', { firstName: 'Noah', lastName: 'Sargent' });
    await t.client.call('contacts.update', { id: c.id, patch: { lastName: 'Whitcomb' } });
    expect(await kindsAndTitles('sarg')).toEqual([]);
    expect(await kindsAndTitles('whitc')).toEqual(['contact:Noah Whitcomb']);
    await t.client.call('contacts.delete', { id: c.id });
    expect(await kindsAndTitles('whitc')).toEqual([]);
    await t.client.call('contacts.restore', { id: c.id });
    expect(await kindsAndTitles('whitc')).toEqual(['contact:Noah Whitcomb']);

    const lead = await makeLead(t, { title: 'Harbor blend' });
    const { activity } = await t.client.call('activities.log', {
      leadId: lead.id,
      type: 'call',
      subject: 'Harbor call',
    });
    await t.client.call('leads.update', { id: lead.id, patch: { title: 'Bay blend' } });
    expect(await kindsAndTitles('harb')).toEqual(['activity:Harbor call']);
    await t.client.call('activities.delete', { id: activity.id });
    expect(await kindsAndTitles('harb')).toEqual([]);
    await t.client.call('activities.restore', { id: activity.id });
    await t.client.call('leads.delete', { id: lead.id });
    // The activity itself is not deleted, but it is hidden with its lead.
    expect(await kindsAndTitles('harb')).toEqual([]);
    expect(await kindsAndTitles('bay')).toEqual([]);
    await t.client.call('leads.restore', { id: lead.id });
    expect(await kindsAndTitles('bay')).toEqual(['lead:Bay blend']);
    expect(await kindsAndTitles('harb')).toEqual(['activity:Harbor call']);

    const company = await t.client.call('companies.create', { name: 'Tidewater Cafe' });
    await t.client.call('companies.delete', { id: company.id });
    expect(await kindsAndTitles('tidew')).toEqual([]);
    // A hard delete (e.g. undoing an import) also leaves the index.
    await t.client.call('companies.restore', { id: company.id });
    t.core.connection.sqlite.prepare('DELETE FROM companies WHERE id = ?').run(company.id);
    expect(await kindsAndTitles('tidew')).toEqual([]);
    expect(
      t.core.connection.sqlite
        .prepare('SELECT count(*) AS n FROM search_refs WHERE ref_id = ?')
        .get(company.id),
    ).toEqual({ n: 0 });
  });
});
