import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { monthGridRange, weekRange } from '@shared/domain/periods';
import { countRows } from '../db/count';
import { contentItems } from '../db/schema';
import { createTestCore, testClock, type TestCore } from '../testing';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore({ clock: testClock('2026-05-15T12:00:00Z') });
});
afterEach(() => t.dispose());

async function calendar() {
  const mail = await t.client.call('campaigns.create', {
    name: 'Newsletter',
    channel: 'email',
    objective: 'sales',
    trackingCode: 'news',
  });
  const social = await t.client.call('campaigns.create', {
    name: 'Insta',
    channel: 'social',
    objective: 'awareness',
    trackingCode: 'insta',
  });
  const add = (title: string, over: Record<string, unknown>) =>
    t.client.call('content.create', { title, ...over } as never);
  const items = {
    issue: await add('May issue', { campaignId: mail.id, scheduledDate: '2026-05-05', status: 'scheduled' }),
    reel: await add('Roast reel', {
      campaignId: social.id,
      scheduledDate: '2026-05-18',
      link: 'https://harborpine.com/roast',
    }),
    post: await add('Cafe spotlight', { channel: 'social', scheduledDate: '2026-05-31', status: 'draft' }),
    june: await add('June issue', { campaignId: mail.id, scheduledDate: '2026-06-02' }),
    idea: await add('Podcast idea', { channel: 'web' }),
  };
  return { mail, social, items };
}

const titles = (items: { title: string }[]) => items.map((i) => i.title);

describe('content calendar', () => {
  it('returns a month and a week across campaigns, in date order', async () => {
    await calendar();
    const month = monthGridRange('2026-05-15', 1);
    const view = await t.client.call('content.range', {
      from: month.startDate,
      to: month.endDate,
      includeUnscheduled: true,
    });
    expect(titles(view.items)).toEqual(['May issue', 'Roast reel', 'Cafe spotlight']);
    expect(titles(view.unscheduled)).toEqual(['Podcast idea']);
    const week = weekRange('2026-05-18', 1);
    expect(
      titles((await t.client.call('content.range', { from: week.startDate, to: week.endDate })).items),
    ).toEqual(['Roast reel']);
    expect(
      (await t.client.call('content.range', { from: week.startDate, to: week.endDate })).unscheduled,
    ).toEqual([]);
  });

  it('filters by channel and campaign', async () => {
    const { mail } = await calendar();
    const range = { from: '2026-05-01', to: '2026-06-30' };
    expect(titles((await t.client.call('content.range', { ...range, channel: 'social' })).items)).toEqual([
      'Roast reel',
      'Cafe spotlight',
    ]);
    expect(titles((await t.client.call('content.range', { ...range, campaignId: mail.id })).items)).toEqual([
      'May issue',
      'June issue',
    ]);
    expect(titles((await t.client.call('content.range', { ...range, status: 'scheduled' })).items)).toEqual([
      'May issue',
    ]);
  });

  it('takes the channel from the campaign and tags links with utm_content', async () => {
    const { items } = await calendar();
    expect(items.reel).toMatchObject({
      channel: 'social',
      campaignName: 'Insta',
      trackingCode: 'insta',
      utmContent: 'roast-reel',
    });
    expect(items.reel.taggedUrl).toBe(
      'https://harborpine.com/roast?utm_source=social&utm_medium=social&utm_campaign=insta&utm_content=roast-reel',
    );
    expect(items.post).toMatchObject({ campaignId: null, taggedUrl: null });
  });

  it('reschedules an item to another day', async () => {
    const { items } = await calendar();
    const moved = await t.client.call('content.reschedule', { id: items.reel.id, date: '2026-06-03' });
    expect(moved).toMatchObject({ scheduledDate: '2026-06-03', title: 'Roast reel', status: 'idea' });
    const may = await t.client.call('content.range', { from: '2026-05-01', to: '2026-05-31' });
    expect(titles(may.items)).not.toContain('Roast reel');
    const june = await t.client.call('content.range', { from: '2026-06-01', to: '2026-06-30' });
    expect(titles(june.items)).toEqual(['June issue', 'Roast reel']);
    await expect(
      t.client.call('content.reschedule', { id: items.reel.id, date: '2026-06-31' }),
    ).rejects.toMatchObject({ issues: [{ field: 'date' }] });
  });

  it('deletes softly and restores', async () => {
    const { items } = await calendar();
    await t.client.call('content.delete', { id: items.issue.id });
    expect(
      titles((await t.client.call('content.range', { from: '2026-05-01', to: '2026-05-31' })).items),
    ).toEqual(['Roast reel', 'Cafe spotlight']);
    await expect(t.client.call('content.get', { id: items.issue.id })).rejects.toMatchObject({
      code: 'not_found',
    });
    await t.client.call('content.restore', { id: items.issue.id });
    expect((await t.client.call('content.get', { id: items.issue.id })).title).toBe('May issue');
  });

  it('hides the content of a deleted campaign', async () => {
    const { mail } = await calendar();
    await t.client.call('campaigns.delete', { id: mail.id });
    expect(
      titles((await t.client.call('content.range', { from: '2026-05-01', to: '2026-06-30' })).items),
    ).toEqual(['Roast reel', 'Cafe spotlight']);
  });

  it('refuses bad items and ranges naming the field', async () => {
    const { items } = await calendar();
    const cases: [Record<string, unknown>, string][] = [
      [{ title: 'No channel' }, 'channel'],
      [{ title: 'Sched', channel: 'web', status: 'scheduled' }, 'scheduledDate'],
      [{ title: '', channel: 'web' }, 'title'],
      [{ title: 'Bad link', channel: 'web', link: 'mailto:x@y.z' }, 'link'],
      [{ title: 'Bad code', channel: 'web', utmContent: 'Reel 1' }, 'utmContent'],
      [{ title: 'Ghost', campaignId: '0190a6f2-0000-7000-8000-000000000000' }, 'campaignId'],
    ];
    for (const [input, field] of cases) {
      const result = await t.core.dispatch('content.create', input);
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'validation', issues: [expect.objectContaining({ field })] },
      });
    }
    expect(countRows(t.core.connection.db, contentItems)).toBe(5);
    await expect(
      t.client.call('content.update', {
        id: items.post.id,
        patch: { status: 'published', scheduledDate: null },
      }),
    ).rejects.toMatchObject({
      issues: [{ field: 'scheduledDate' }],
    });
    expect(
      (await t.client.call('content.update', { id: items.post.id, patch: { status: 'published' } })).status,
    ).toBe('published');
    await expect(
      t.client.call('content.range', { from: '2026-05-31', to: '2026-05-01' }),
    ).rejects.toMatchObject({ issues: [{ field: 'to' }] });
    await expect(
      t.client.call('content.range', { from: '2026-01-01', to: '2027-12-31' }),
    ).rejects.toMatchObject({ issues: [{ field: 'to' }] });
  });
});

describe('content.search', () => {
  it('finds items by every word typed, in their text or their campaign, latest first', async () => {
    const { items } = await calendar();
    const titles = async (text: string) =>
      (await t.client.call('content.search', { text })).map((i) => i.title);
    expect(await titles('issue')).toEqual(['June issue', 'May issue']);
    expect(await titles('news may')).toEqual(['May issue']);
    expect(await titles('insta')).toEqual(['Roast reel']);
    expect(await titles('podcast')).toEqual(['Podcast idea']);
    expect(await titles('nothing like it')).toEqual([]);
    await t.client.call('content.delete', { id: items.june.id });
    expect(await titles('issue')).toEqual(['May issue']);
  });
});
