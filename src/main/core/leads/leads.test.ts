import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, testClock, type TestCore } from '../testing';
import { insertCampaign, makeLead, rows, stageIds } from './fixtures';

let t: TestCore;
const clock = testClock('2026-10-15T12:00:00Z');
beforeEach(async () => {
  clock.set('2026-10-15T12:00:00Z');
  t = await createTestCore({ clock });
});
afterEach(() => t.dispose());

const count = (table: string) => rows<{ n: number }>(t, `SELECT count(*) AS n FROM ${table}`)[0]?.n;

describe('leads', () => {
  it('creates a lead in the first open stage with its source campaign and channel', async () => {
    const campaign = insertCampaign(t, { name: 'Autumn tasting', channel: 'event' });
    const lead = await makeLead(t, {
      title: 'Espresso program',
      newContact: { firstName: 'Aria', lastName: 'Dubois', companyName: 'Pemaquid Coffee House' },
      campaignId: campaign,
      valueMinor: 120_000,
      expectedCloseDate: '2026-11-30',
      owner: 'Sam',
    });
    expect(lead).toMatchObject({
      title: 'Espresso program',
      contactName: 'Aria Dubois',
      companyName: 'Pemaquid Coffee House',
      campaignName: 'Autumn tasting',
      channel: 'event',
      stageName: 'New',
      outcome: 'open',
      probability: 10,
      valueMinor: 120_000,
      expectedCloseDate: '2026-11-30',
      owner: 'Sam',
      nextActivity: null,
    });
    const history = await t.client.call('leads.history', { id: lead.id });
    expect(history).toEqual([
      expect.objectContaining({
        fromStageId: null,
        toStageName: 'New',
        changedAt: '2026-10-15T12:00:00.000Z',
      }),
    ]);
  });

  it('records an explicit unknown source', async () => {
    const lead = await makeLead(t, { campaignId: null, channel: 'unknown' });
    expect(lead).toMatchObject({ campaignId: null, channel: 'unknown' });
    expect((await makeLead(t)).channel).toBe('unknown');
  });

  it('rejects bad input naming the field and saves nothing', async () => {
    const attempts: [Record<string, unknown>, string][] = [
      [{ title: '  ' }, 'title'],
      [{ title: 'X', valueMinor: -1 }, 'valueMinor'],
      [{ title: 'X', valueMinor: 10.5 }, 'valueMinor'],
      [{ title: 'X', expectedCloseDate: '2026-02-30' }, 'expectedCloseDate'],
      [{ title: 'X', channel: 'carrier-pigeon' }, 'channel'],
      [{ title: 'X', newContact: { firstName: 'Bad', email: 'not-an-email' } }, 'newContact.email'],
    ];
    for (const [input, field] of attempts) {
      const result = await t.core.dispatch('leads.create', input);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('validation');
        expect(result.error.issues?.map((i) => i.field)).toContain(field);
      }
    }
    // A lead with a new contact and a campaign that does not exist: not even the contact is saved.
    const missing = await t.core.dispatch('leads.create', {
      title: 'X',
      newContact: { firstName: 'Half' },
      campaignId: '01900000-0000-7000-8000-000000000000',
    });
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'validation', issues: [{ field: 'campaignId' }] },
    });
    expect([count('leads'), count('contacts')]).toEqual([0, 0]);
  });

  it('refuses to create a lead straight into a lost stage', async () => {
    const stages = await stageIds(t);
    await expect(makeLead(t, { stageId: stages.Lost })).rejects.toMatchObject({
      issues: [{ field: 'stageId' }],
    });
    const won = await makeLead(t, { stageId: stages.Won });
    expect(won).toMatchObject({ outcome: 'won', closedAt: '2026-10-15T12:00:00.000Z' });
  });

  it('updates fields; a new campaign brings its channel', async () => {
    const lead = await makeLead(t);
    const ads = insertCampaign(t, { name: 'Search ads', channel: 'ads' });
    const updated = await t.client.call('leads.update', {
      id: lead.id,
      patch: { title: 'Office coffee', campaignId: ads, valueMinor: 5_000, expectedCloseDate: null },
    });
    expect(updated).toMatchObject({
      title: 'Office coffee',
      campaignName: 'Search ads',
      channel: 'ads',
      valueMinor: 5_000,
    });
    await expect(
      t.client.call('leads.update', { id: lead.id, patch: { valueMinor: -5 } }),
    ).rejects.toMatchObject({ code: 'validation', issues: [{ field: 'patch.valueMinor' }] });
  });

  it('deletes softly and restores', async () => {
    const lead = await makeLead(t);
    await t.client.call('leads.delete', { id: lead.id });
    expect((await t.client.call('leads.list', {})).total).toBe(0);
    await expect(t.client.call('leads.get', { id: lead.id })).rejects.toMatchObject({ code: 'not_found' });
    const back = await t.client.call('leads.restore', { id: lead.id });
    expect(back.id).toBe(lead.id);
    expect((await t.client.call('leads.list', {})).total).toBe(1);
  });

  it('lists with filters, sorting and paging', async () => {
    const email = insertCampaign(t, { name: 'Newsletter', channel: 'email' });
    const values = [500, 100, 300, 200, 400];
    for (const [i, valueMinor] of values.entries()) {
      clock.set(`2026-10-15T12:0${i}:00Z`);
      await makeLead(t, {
        title: `Deal ${i}`,
        valueMinor,
        campaignId: i % 2 === 0 ? email : null,
        owner: i < 2 ? 'Ann' : 'Bo',
      });
    }
    const byValue = await t.client.call('leads.list', { sort: 'value', direction: 'asc', limit: 2 });
    expect(byValue.total).toBe(5);
    expect(byValue.rows.map((r) => r.valueMinor)).toEqual([100, 200]);
    const page2 = await t.client.call('leads.list', { sort: 'value', direction: 'asc', limit: 2, offset: 2 });
    expect(page2.rows.map((r) => r.valueMinor)).toEqual([300, 400]);
    const newest = await t.client.call('leads.list', {});
    expect(newest.rows.map((r) => r.title)).toEqual(['Deal 4', 'Deal 3', 'Deal 2', 'Deal 1', 'Deal 0']);
    const fromEmail = await t.client.call('leads.list', {
      campaignId: email,
      sort: 'title',
      direction: 'asc',
    });
    expect(fromEmail.rows.map((r) => r.title)).toEqual(['Deal 0', 'Deal 2', 'Deal 4']);
    expect((await t.client.call('leads.list', { campaignId: 'none' })).total).toBe(2);
    expect((await t.client.call('leads.list', { channel: 'email', owner: 'Bo' })).total).toBe(2);
    expect((await t.client.call('leads.list', { rating: 'unrated' })).total).toBe(5);
  });

  it('searches the title, the contact and the company by prefix', async () => {
    await makeLead(t, { title: 'Wholesale tasting', newContact: { firstName: 'Noah', lastName: 'Sargent' } });
    await makeLead(t, {
      title: 'Office coffee',
      newContact: { firstName: 'Mia', companyName: 'Harbor & Pine' },
    });
    const find = async (search: string) =>
      (await t.client.call('leads.list', { search, sort: 'title', direction: 'asc' })).rows.map(
        (r) => r.title,
      );
    expect(await find('tast')).toEqual(['Wholesale tasting']);
    expect(await find('sarg')).toEqual(['Wholesale tasting']);
    expect(await find('harb')).toEqual(['Office coffee']);
    expect(await find('"; DROP')).toEqual([]);
  });
});
