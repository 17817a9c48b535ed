import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../db/ids';
import { createTestCore, testClock, type TestCore } from '../testing';
import { insertCampaign, insertContent } from '../leads/fixtures';
import { insertLead, insertOrder } from './builders';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore({ clock: testClock('2026-10-15T12:00:00Z') });
  await t.client.call('workspace.setup', { mode: 'empty' });
});
afterEach(() => t.dispose());

const Q3 = { from: '2026-07-01', to: '2026-09-30' };

describe('content items in Results', () => {
  it('credits the post named by utm_content, and its drill-down adds up', async () => {
    const ctx = t.core.ctx;
    const { currency } = await t.client.call('settings.get', {});
    const campaign = insertCampaign(t, { name: 'Insta launch', channel: 'social' });
    const post = insertContent(t, {
      title: 'Reel: latte art',
      scheduledDate: '2026-07-01',
      campaignId: campaign,
    });
    t.core.connection.sqlite
      .prepare(`UPDATE content_items SET utm_content = 'latte-reel' WHERE id = ?`)
      .run(post);
    const contact = uuidv7();
    t.core.connection.sqlite
      .prepare(`INSERT INTO contacts (id, first_name, created_at, updated_at) VALUES (?, 'Ann', ?, ?)`)
      .run(contact, '2026-06-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z');
    // The first order came from the reel; a lead follows a week later, then a second order without a tag.
    insertOrder(ctx, {
      contactId: contact,
      orderedAt: '2026-07-02T10:00:00.000Z',
      totalMinor: 3000,
      currency,
      utmContent: 'latte-reel',
    });
    insertLead(ctx, {
      contactId: contact,
      campaignId: campaign,
      channel: 'social',
      createdAt: '2026-07-09T10:00:00.000Z',
    });
    insertOrder(ctx, {
      contactId: contact,
      orderedAt: '2026-07-20T10:00:00.000Z',
      totalMinor: 1001,
      currency,
    });

    const touches = await t.client.call('touches.list', { contactId: contact });
    expect(touches.touches.map((x) => [x.kind, x.contentId])).toEqual([
      ['order', post],
      ['lead_source', null],
    ]);
    const d = await t.client.call('results.dashboard', { ...Q3, model: 'linear' });
    const row = d.content.find((c) => c.contentId === post)!;
    // Linear: the first order has one touch (itself, 30.00); the second has two, 5.01 and 5.00 (largest remainder, earliest first).
    expect(row).toMatchObject({
      title: 'Reel: latte art',
      campaignName: 'Insta launch',
      leads: 1,
      revenueMinor: 3000 + 501,
    });
    const revenue = await t.client.call('results.records', {
      ...Q3,
      model: 'linear',
      metric: 'revenue',
      contentId: post,
    });
    expect(revenue.sumMinor).toBe(row.revenueMinor);
    const leads = await t.client.call('results.records', { ...Q3, metric: 'leads', contentId: post });
    expect(leads.count).toBe(row.leads);
    expect((await t.client.call('results.records', { ...Q3, metric: 'spend', contentId: post })).count).toBe(
      0,
    );
  });
});
