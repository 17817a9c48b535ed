import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../db/ids';
import { addDays } from '@shared/domain/dates';
import { createTestCore, testClock, type TestCore } from '../testing';
import { insertCampaign } from '../leads/fixtures';
import { insertOrder, insertPayment } from './builders';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore({ clock: testClock('2026-10-15T12:00:00Z') });
  await t.client.call('workspace.setup', { mode: 'empty' });
  await t.client.call('settings.update', { currency: 'EUR' });
});
afterEach(() => t.dispose());

const TO = '2026-09-30';
const sql = () => t.core.connection.sqlite;

function contact(name: string): string {
  const id = uuidv7();
  sql()
    .prepare(`INSERT INTO contacts (id, first_name, created_at, updated_at) VALUES (?, ?, ?, ?)`)
    .run(id, name, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
  return id;
}

function metric(date: string, scope: string, channel: string | null, name: string, value: number) {
  const at = `${date}T00:00:00.000Z`;
  sql()
    .prepare(
      `INSERT INTO metric_observations (id, date, scope, channel, metric, value, source, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'ga4', ?, ?)`,
    )
    .run(uuidv7(), date, scope, channel, name, value, at, at);
}

const salesOn = (daily: { date: string; sales: number }[], day: string) =>
  daily.find((d) => d.date === day)?.sales;

describe('visits against sales for one channel', () => {
  it('counts a sale for its own campaign’s channel, else its customer’s last touch in the lookback', async () => {
    const email = insertCampaign(t, { name: 'Newsletter', channel: 'email', startDate: '2026-08-05' });
    const social = insertCampaign(t, { name: 'Reels', channel: 'social', startDate: '2026-08-06' });
    const ann = contact('Ann');
    const bo = contact('Bo');
    const cy = contact('Cy');
    const di = contact('Di');
    await t.client.call('touches.create', {
      contactId: ann,
      at: '2026-08-01',
      channel: 'email',
      note: 'newsletter',
    });
    await t.client.call('touches.create', {
      contactId: cy,
      at: '2026-05-01',
      channel: 'email',
      note: 'old mail',
    });
    const day = '2026-08-10T10:00:00.000Z';
    insertOrder(t.core.ctx, { orderedAt: day, totalMinor: 100, contactId: ann }); // last touch: e-mail
    insertOrder(t.core.ctx, { orderedAt: day, totalMinor: 100, contactId: bo, campaignId: social }); // own: social
    insertOrder(t.core.ctx, { orderedAt: day, totalMinor: 100, contactId: bo, campaignId: email }); // own: e-mail
    insertOrder(t.core.ctx, { orderedAt: day, totalMinor: 100, contactId: di }); // no touch: no channel
    insertOrder(t.core.ctx, { orderedAt: day, totalMinor: 100, contactId: cy }); // touch 101 days old
    insertOrder(t.core.ctx, { orderedAt: day, totalMinor: 100, contactId: ann, status: 'voided' }); // not a sale
    insertPayment(t.core.ctx, { paidAt: '2026-08-11T09:00:00.000Z', amountMinor: 500, contactId: ann });
    insertPayment(t.core.ctx, {
      paidAt: '2026-08-11T09:30:00.000Z',
      amountMinor: 500,
      contactId: ann,
      status: 'failed',
    });
    for (let d = '2026-08-01'; d <= '2026-08-20'; d = addDays(d, 1)) {
      metric(d, 'channel:email', 'email', 'visits', 30);
      metric(d, 'channel:direct', 'web', 'visits', 50);
      metric(d, 'page:/shop', null, 'page_views', 70);
    }

    const v = await t.client.call('results.visitsVsSales', {
      to: TO,
      scope: { kind: 'channel', channel: 'email' },
    });
    expect(salesOn(v.daily, '2026-08-10')).toBe(2);
    expect(salesOn(v.daily, '2026-08-11')).toBe(1);
    expect(v.daily.find((d) => d.date === '2026-08-03')).toEqual({
      date: '2026-08-03',
      visits: 30,
      sales: 0,
    });
    expect(v.daily.find((d) => d.date === '2026-08-25')).toEqual({
      date: '2026-08-25',
      visits: null,
      sales: 0,
    });
    expect(v.launches.map((l) => l.name)).toEqual(['Newsletter']);
    expect(v.status).toBe('not_enough_history');
    expect(v.sentence).toBe('not enough history yet (need 63 days, have 20)');
    expect(v.r).toBeNull();
    expect(v.caveat).toContain('in the 90 days before');

    const longer = await t.client.call('results.visitsVsSales', {
      to: TO,
      scope: { kind: 'channel', channel: 'email' },
      lookbackDays: 180,
    });
    expect(salesOn(longer.daily, '2026-08-10')).toBe(3);
    expect(longer.caveat).toContain('in the 180 days before');

    const socialSales = await t.client.call('results.visitsVsSales', {
      to: TO,
      scope: { kind: 'channel', channel: 'social' },
    });
    expect(socialSales.status).toBe('no_visits');
    expect(salesOn(socialSales.daily, '2026-08-10')).toBe(1);

    // A page is lined up with every sale of the business.
    const page = await t.client.call('results.visitsVsSales', {
      to: TO,
      scope: { kind: 'page', path: '/shop' },
    });
    expect(salesOn(page.daily, '2026-08-10')).toBe(5);
    expect(page.daily.find((d) => d.date === '2026-08-02')?.visits).toBe(70);
    expect(page.launches.map((l) => l.name)).toEqual(['Newsletter', 'Reels']);

    expect(await t.client.call('results.visitScopes', { to: TO })).toEqual({
      channels: [
        { channel: 'web', days: 20, visits: 1000 },
        { channel: 'email', days: 20, visits: 600 },
      ],
      pages: [{ path: '/shop', days: 20, views: 1400 }],
      morePages: 0,
    });
  });

  it('refuses a channel it does not know and a page without a path', async () => {
    await expect(
      t.client.call('results.visitsVsSales', { to: TO, scope: { kind: 'channel', channel: 'tv' } } as never),
    ).rejects.toThrow(/channel/);
    await expect(
      t.client.call('results.visitsVsSales', { to: TO, scope: { kind: 'page', path: ' ' } }),
    ).rejects.toThrow(/name the page/);
  });
});
