import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, testClock, type TestCore } from '../testing';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore({ clock: testClock('2026-10-15T12:00:00Z') });
  await t.client.call('workspace.setup', { mode: 'empty' });
});
afterEach(() => t.dispose());

function sale(table: 'orders' | 'payments', id: string, currency: string) {
  const at = '2026-05-01T10:00:00.000Z';
  if (table === 'orders')
    t.core.connection.sqlite
      .prepare(
        `INSERT INTO orders (id, source, external_id, ordered_at, currency, total_minor, refunded_minor, status, created_at, updated_at)
         VALUES (?, 'shopify', ?, ?, ?, 1000, 0, 'paid', ?, ?)`,
      )
      .run(id, id, at, currency, at, at);
  else
    t.core.connection.sqlite
      .prepare(
        `INSERT INTO payments (id, source, external_id, paid_at, currency, amount_minor, refunded_minor, status, created_at, updated_at)
         VALUES (?, 'stripe', ?, ?, ?, 1000, 0, 'succeeded', ?, ?)`,
      )
      .run(id, id, at, currency, at, at);
}

describe('changing the currency', () => {
  it('relabels nothing in an empty workspace', async () => {
    expect(await t.client.call('settings.currencyPreview', { currency: 'eur' })).toEqual({
      from: 'USD',
      to: 'EUR',
      campaigns: 0,
      spendEntries: 0,
      leadsWithValue: 0,
      plans: 0,
      relabels: false,
      excludedAfter: [],
      includedAfter: [],
      stillExcluded: [],
    });
  });

  it('counts the money it relabels and the imported sales it counts or leaves out', async () => {
    const budgeted = await t.client.call('campaigns.create', {
      name: 'Ads',
      channel: 'ads',
      objective: 'sales',
      budgetMinor: 500_00,
    });
    await t.client.call('campaigns.create', { name: 'Free', channel: 'social', objective: 'awareness' });
    await t.client.call('campaigns.create', {
      name: 'Target only',
      channel: 'email',
      objective: 'sales',
      targetRevenueMinor: 1_000_00,
    });
    for (const date of ['2026-05-01', '2026-05-02'])
      await t.client.call('spend.create', { campaignId: budgeted.id, date, amountMinor: 10_00 });
    await t.client.call('leads.create', { title: 'Big', newContact: { firstName: 'A' }, valueMinor: 900_00 });
    await t.client.call('leads.create', { title: 'None', newContact: { firstName: 'B' } });
    await t.client.call('plans.create', {
      name: 'Q2',
      periodKind: 'quarter',
      startDate: '2026-04-01',
      goals: { revenueMinor: 5_000_00 },
    });
    await t.client.call('plans.create', { name: 'Q3', periodKind: 'quarter', startDate: '2026-07-01' });
    sale('orders', 'o1', 'USD');
    sale('orders', 'o2', 'usd');
    sale('orders', 'o3', 'EUR');
    sale('payments', 'p1', 'usd');
    sale('payments', 'p2', 'GBP');

    const preview = await t.client.call('settings.currencyPreview', { currency: 'EUR' });
    expect(preview).toEqual({
      from: 'USD',
      to: 'EUR',
      campaigns: 2,
      spendEntries: 2,
      leadsWithValue: 1,
      plans: 1,
      relabels: true,
      excludedAfter: [
        { kind: 'orders', currency: 'USD', count: 2, amountMinor: 20_00 },
        { kind: 'payments', currency: 'USD', count: 1, amountMinor: 10_00 },
      ],
      includedAfter: [{ kind: 'orders', currency: 'EUR', count: 1, amountMinor: 10_00 }],
      stillExcluded: [{ kind: 'payments', currency: 'GBP', count: 1, amountMinor: 10_00 }],
    });
    // The preview changes nothing; the same currency changes nothing either.
    expect((await t.client.call('settings.get', {})).currency).toBe('USD');
    expect(await t.client.call('settings.currencyPreview', { currency: 'USD' })).toMatchObject({
      relabels: false,
      excludedAfter: [],
      includedAfter: [],
    });
  });

  it('keeps the currency it replaced, so the change can be taken back, and amounts keep their numbers', async () => {
    const c = await t.client.call('campaigns.create', {
      name: 'Ads',
      channel: 'ads',
      objective: 'sales',
      budgetMinor: 500_00,
    });
    expect((await t.client.call('settings.get', {})).previousCurrency).toBeNull();
    expect(await t.client.call('settings.update', { currency: 'EUR' })).toMatchObject({
      currency: 'EUR',
      previousCurrency: 'USD',
    });
    expect((await t.client.call('settings.update', { locale: 'de-DE' })).previousCurrency).toBe('USD');
    expect((await t.client.call('campaigns.get', { id: c.id })).budgetMinor).toBe(500_00);
    expect(await t.client.call('settings.update', { currency: 'USD' })).toMatchObject({
      currency: 'USD',
      previousCurrency: 'EUR',
    });
  });

  it('switches back only from the currency the change left, so an undo never overwrites a later change', async () => {
    const c = await t.client.call('campaigns.create', {
      name: 'Ads',
      channel: 'ads',
      objective: 'sales',
      budgetMinor: 500_00,
    });
    await t.client.call('settings.update', { currency: 'EUR' });
    expect(await t.client.call('settings.switchCurrency', { expect: 'EUR', currency: 'USD' })).toMatchObject({
      currency: 'USD',
      previousCurrency: 'EUR',
    });
    // Redo, then a later change to GBP: undoing the EUR change now finds GBP and writes nothing.
    await t.client.call('settings.switchCurrency', { expect: 'USD', currency: 'EUR' });
    await t.client.call('settings.update', { currency: 'GBP' });
    await expect(
      t.client.call('settings.switchCurrency', { expect: 'EUR', currency: 'USD' }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await t.client.call('settings.get', {})).toMatchObject({
      currency: 'GBP',
      previousCurrency: 'EUR',
    });
    expect((await t.client.call('campaigns.get', { id: c.id })).budgetMinor).toBe(500_00);
  });

  it('changes no amount and no currency when only the locale changes', async () => {
    const c = await t.client.call('campaigns.create', {
      name: 'Ads',
      channel: 'ads',
      objective: 'sales',
      budgetMinor: 500_00,
    });
    await t.client.call('spend.create', { campaignId: c.id, date: '2026-05-01', amountMinor: 12_34 });
    const before = await t.client.call('campaigns.detail', { id: c.id });
    expect(await t.client.call('settings.update', { locale: 'de-DE' })).toMatchObject({
      currency: 'USD',
      previousCurrency: null,
      locale: 'de-DE',
    });
    const after = await t.client.call('campaigns.detail', { id: c.id });
    expect(after.budget).toEqual(before.budget);
    expect(after.spend.map((s) => s.amountMinor)).toEqual([12_34]);
    expect(after.currency).toBe('USD');
  });
});
