import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../db/ids';
import { api, type Input, type MethodName } from '@shared/api';
import { createTestCore, testClock, type TestCore } from '../testing';
import { insertCampaign } from '../leads/fixtures';
import { insertLead, insertOrder, insertPayment } from '../results/builders';

let t: TestCore;
let currency = '';
async function call<K extends MethodName>(method: K, input: Input<K>) {
  const value = await t.client.call(method, input);
  const parsed = api[method].output.safeParse(value);
  expect(parsed.error?.issues ?? [], method).toEqual([]);
  return value;
}

function insertContact(first: string, last: string, email: string | null = null): string {
  const id = uuidv7();
  const at = '2026-01-01T00:00:00.000Z';
  t.core.connection.sqlite
    .prepare(
      'INSERT INTO contacts (id, first_name, last_name, email, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    )
    .run(id, first, last, email, at, at);
  return id;
}

function insertLines(orderId: string, lines: { name: string; quantity: number; unitPriceMinor: number }[]) {
  const insert = t.core.connection.sqlite.prepare(
    `INSERT INTO order_lines (id, order_id, position, name, sku, quantity, unit_price_minor, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
  );
  lines.forEach((l, i) => insert.run(uuidv7(), orderId, i, l.name, `SKU-${i}`, l.quantity, l.unitPriceMinor));
}

const SEPT = { from: '2026-09-01', to: '2026-09-30' };

/**
 * September 2026, by hand:
 *   #A paid 123.45 (Alpha on the order, contact Ada)                       → 123.45
 *   #B partially refunded 300.00 − 100.01 (no campaign; lead L of Beta, Bo) → 199.99
 *   #C refunded 50.00 in full (Alpha)                                       → 0
 *   #D pending 80.00 (no contact, no campaign)                              → 0
 *   #E paid 99.00 in SEK (Alpha): another currency, left out               → 0, otherCurrency 1
 *   #F paid 10.00 on 30 Sep 23:59:59Z                                       → 10.00
 *   revenue 333.44; outside: #G paid 1.00 on 1 Oct 00:00Z, #H on 31 Aug 23:59:59.999Z; #Z deleted.
 */
let alpha = '';
let beta = '';
let ada = '';
let bo = '';
let leadId = '';
const ids: Record<string, string> = {};
beforeEach(async () => {
  t = await createTestCore({ clock: testClock('2026-10-15T12:00:00Z') });
  await t.client.call('workspace.setup', { mode: 'empty' });
  currency = (await t.client.call('settings.get', {})).currency;
  const ctx = t.core.ctx;
  alpha = insertCampaign(t, { name: 'Alpha ads', channel: 'ads' });
  beta = insertCampaign(t, { name: 'Beta social', channel: 'social' });
  ada = insertContact('Ada', 'Lovelace', 'ada@example.com');
  bo = insertContact('Bo', 'Brandt', 'bo@example.com');
  leadId = insertLead(ctx, { createdAt: '2026-08-01T00:00:00.000Z', contactId: bo, campaignId: beta });
  const order = (key: string, over: Parameters<typeof insertOrder>[1]) =>
    (ids[key] = insertOrder(ctx, { externalId: `#${key}`, currency, ...over }));
  order('A', {
    orderedAt: '2026-09-05T10:00:00.000Z',
    totalMinor: 12345,
    contactId: ada,
    campaignId: alpha,
    customerEmail: 'ada@example.com',
    customerName: 'Ada L.',
    discountCode: 'AUTUMN10',
    utmSource: 'google',
    utmMedium: 'cpc',
    utmCampaign: 'alpha',
    subtotalMinor: 13000,
    discountMinor: 1300,
    shippingMinor: 645,
  });
  insertLines(ids.A!, [
    { name: 'Espresso 1 kg', quantity: 2, unitPriceMinor: 4000 },
    { name: 'Filter 250 g', quantity: 1, unitPriceMinor: 5000 },
  ]);
  order('B', {
    orderedAt: '2026-09-10T10:00:00.000Z',
    totalMinor: 30000,
    refundedMinor: 10001,
    status: 'partially_refunded',
    leadId,
    customerEmail: 'bo@example.com',
  });
  order('C', {
    orderedAt: '2026-09-11T10:00:00.000Z',
    totalMinor: 5000,
    refundedMinor: 5000,
    status: 'refunded',
    campaignId: alpha,
  });
  order('D', {
    orderedAt: '2026-09-12T10:00:00.000Z',
    totalMinor: 8000,
    status: 'pending',
    customerName: '100% Coffee_Co',
  });
  order('E', { orderedAt: '2026-09-13T10:00:00.000Z', totalMinor: 9900, currency: 'SEK', campaignId: alpha });
  order('F', { orderedAt: '2026-09-30T23:59:59.000Z', totalMinor: 1000 });
  order('G', { orderedAt: '2026-10-01T00:00:00.000Z', totalMinor: 100 });
  order('H', { orderedAt: '2026-08-31T23:59:59.999Z', totalMinor: 100 });
  order('Z', {
    orderedAt: '2026-09-15T00:00:00.000Z',
    totalMinor: 777,
    deletedAt: '2026-09-16T00:00:00.000Z',
  });
});
afterEach(() => t.dispose());

const numbers = (page: { rows: { externalId: string }[] }) => page.rows.map((r) => r.externalId).sort();

describe('orders.list', () => {
  it('counts the period by the order date, with the revenue rule’s total to the cent', async () => {
    const page = await call('orders.list', SEPT);
    expect(numbers(page)).toEqual(['#A', '#B', '#C', '#D', '#E', '#F']);
    expect(page.total).toBe(6);
    expect(page.revenueMinor).toBe(12345 + 19999 + 1000);
    expect(page.otherCurrency).toBe(1);
    expect(page.currency).toBe(currency);
    const net = Object.fromEntries(page.rows.map((r) => [r.externalId, r.netMinor]));
    expect(net).toEqual({ '#A': 12345, '#B': 19999, '#C': 0, '#D': 0, '#E': 9900, '#F': 1000 });
  });

  it('equals the Results revenue from orders for the same period', async () => {
    const page = await call('orders.list', SEPT);
    const results = await call('campaigns.results', SEPT);
    expect(page.revenueMinor).toBe(results.totals.revenue.ordersMinor);
    expect(page.otherCurrency).toBe(results.totals.otherCurrencyRecords);
  });

  it('filters by status, campaign (the order’s own or its lead’s), contact and words', async () => {
    expect(
      numbers(await call('orders.list', { ...SEPT, status: ['refunded', 'partially_refunded'] })),
    ).toEqual(['#B', '#C']);
    const revenueOnly = await call('orders.list', { ...SEPT, status: ['paid', 'partially_refunded'] });
    expect(revenueOnly.revenueMinor).toBe(33344);
    expect(numbers(await call('orders.list', { ...SEPT, campaignId: alpha }))).toEqual(['#A', '#C', '#E']);
    expect(numbers(await call('orders.list', { ...SEPT, campaignId: beta }))).toEqual(['#B']);
    expect(numbers(await call('orders.list', { ...SEPT, campaignId: 'none' }))).toEqual(['#D', '#F']);
    expect(numbers(await call('orders.list', { contactId: bo }))).toEqual(['#B']);
    expect(numbers(await call('orders.list', { ...SEPT, contactId: 'none' }))).toEqual([
      '#C',
      '#D',
      '#E',
      '#F',
    ]);
    expect(numbers(await call('orders.list', { search: 'ada@' }))).toEqual(['#A']);
    expect(numbers(await call('orders.list', { search: 'brandt' }))).toEqual(['#B']);
    expect(numbers(await call('orders.list', { search: '#d' }))).toEqual(['#D']);
    // The user's % and _ are letters, not wildcards.
    expect(numbers(await call('orders.list', { search: '100%' }))).toEqual(['#D']);
    expect(numbers(await call('orders.list', { search: 'f_e' }))).toEqual([]);
    const none = await call('orders.list', { ...SEPT, search: 'nobody' });
    expect({ total: none.total, revenue: none.revenueMinor, rows: none.rows }).toEqual({
      total: 0,
      revenue: 0,
      rows: [],
    });
  });

  it('shows the customer and campaign through the lead when the order has none of its own', async () => {
    const page = await call('orders.list', { ...SEPT, search: '#B' });
    expect(page.rows[0]).toMatchObject({
      customer: 'Bo Brandt',
      contactId: bo,
      leadId,
      campaignId: beta,
      campaignName: 'Beta social',
    });
    const d = (await call('orders.list', { ...SEPT, search: '#D' })).rows[0];
    expect(d).toMatchObject({ customer: '100% Coffee_Co', contactId: null, campaignId: null });
  });

  it('pages a long list without gaps or repeats, in every sort', async () => {
    // 230 more in July; with #A–#F and #H (31 August), 237 in the quarter.
    for (let i = 0; i < 230; i++)
      insertOrder(t.core.ctx, {
        externalId: `#${1000 + i}`,
        orderedAt: `2026-07-${String(1 + (i % 28)).padStart(2, '0')}T08:00:00.000Z`,
        totalMinor: 100 + (i % 7),
        currency,
      });
    const Q3 = { from: '2026-07-01', to: '2026-09-30' };
    for (const sort of ['orderedAt', 'number', 'customer', 'status', 'total'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const seen: string[] = [];
        let total = 0;
        for (let offset = 0; offset < 300; offset += 100) {
          const page = await call('orders.list', { ...Q3, sort, direction, offset, limit: 100 });
          total = page.total;
          seen.push(...page.rows.map((r) => r.id));
        }
        expect(total, sort).toBe(237);
        expect(new Set(seen).size, `${sort} ${direction}`).toBe(237);
      }
    }
    const byTotal = await call('orders.list', { ...Q3, sort: 'total', direction: 'desc', limit: 3 });
    expect(byTotal.rows.map((r) => r.totalMinor)).toEqual([30000, 12345, 9900]);
    const byNumber = await call('orders.list', { ...Q3, sort: 'number', direction: 'asc', limit: 2 });
    expect(byNumber.rows.map((r) => r.externalId)).toEqual(['#A', '#B']);
    const newest = await call('orders.list', { ...Q3, limit: 1 });
    expect(newest.rows[0]?.externalId).toBe('#F');
  });

  it('refuses a period that ends before it starts and a status that is not one', async () => {
    await expect(t.client.call('orders.list', { from: '2026-09-30', to: '2026-09-01' })).rejects.toThrow(
      /ends before it starts/,
    );
    await expect(t.client.call('orders.list', { status: ['Paid; DROP'] })).rejects.toThrow(
      /expected a status/,
    );
    await expect(t.client.call('orders.list', { campaignId: 'alpha' })).rejects.toThrow(
      /campaignId: expected an id/,
    );
  });
});

describe('orders.get', () => {
  it('has the lines, amounts, tags and links of the order', async () => {
    const a = await call('orders.get', { id: ids.A! });
    expect(a.order).toMatchObject({
      externalId: '#A',
      subtotalMinor: 13000,
      discountMinor: 1300,
      shippingMinor: 645,
      totalMinor: 12345,
      netMinor: 12345,
      discountCode: 'AUTUMN10',
      utmSource: 'google',
      utmMedium: 'cpc',
      utmCampaign: 'alpha',
      countsAsRevenue: true,
    });
    expect(a.lines.map((l) => [l.name, l.quantity, l.lineTotalMinor])).toEqual([
      ['Espresso 1 kg', 2, 8000],
      ['Filter 250 g', 1, 5000],
    ]);
    expect(a.contact).toEqual({ id: ada, name: 'Ada Lovelace', email: 'ada@example.com', via: 'record' });
    expect(a.lead).toBeNull();
    expect(a.campaign).toMatchObject({ id: alpha, name: 'Alpha ads', via: 'record' });
    expect(a.reconciliation).toEqual({ noContact: false, noCampaign: false, notApplicable: false });

    const b = await call('orders.get', { id: ids.B! });
    expect(b.contact).toMatchObject({ id: bo, via: 'lead' });
    expect(b.lead).toMatchObject({ id: leadId, stageName: 'New', outcome: 'open' });
    expect(b.campaign).toMatchObject({ id: beta, via: 'lead' });
    expect(b.order.netMinor).toBe(19999);
  });

  it('says what reconciliation lacks, and follows a link to a lead made there', async () => {
    const f = await call('orders.get', { id: ids.F! });
    expect(f.reconciliation).toEqual({ noContact: true, noCampaign: true, notApplicable: false });
    // A pending order is not revenue, so it needs nothing.
    const d = await call('orders.get', { id: ids.D! });
    expect(d.reconciliation).toEqual({ noContact: false, noCampaign: false, notApplicable: false });

    await t.client.call('reconciliation.resolve', {
      recordKind: 'order',
      id: ids.F!,
      action: 'link_lead',
      leadId,
    });
    const linked = await call('orders.get', { id: ids.F! });
    expect(linked.lead?.id).toBe(leadId);
    expect(linked.contact).toMatchObject({ id: bo });
    expect(linked.campaign).toMatchObject({ id: beta, via: 'lead' });
    expect(linked.reconciliation).toEqual({ noContact: false, noCampaign: false, notApplicable: false });
    expect(numbers(await call('orders.list', { ...SEPT, campaignId: beta }))).toEqual(['#B', '#F']);
  });

  it('answers not found for a deleted or unknown order', async () => {
    await expect(t.client.call('orders.get', { id: ids.Z! })).rejects.toThrow(/does not exist/);
    await expect(t.client.call('orders.get', { id: uuidv7() })).rejects.toThrow(/does not exist/);
  });
});

describe('payments.list', () => {
  it('totals succeeded payments net of refunds, by the payment date, like Results', async () => {
    const ctx = t.core.ctx;
    const pay = (externalId: string, over: Partial<Parameters<typeof insertPayment>[1]>) =>
      insertPayment(ctx, {
        externalId,
        currency,
        paidAt: '2026-09-03T09:00:00.000Z',
        amountMinor: 0,
        ...over,
      });
    pay('ch_1', { amountMinor: 1234, contactId: ada, description: 'Wholesale September' });
    pay('ch_2', { amountMinor: 10000, refundedMinor: 1, status: 'partially_refunded', leadId });
    pay('ch_3', { amountMinor: 5000, refundedMinor: 5000, status: 'refunded' });
    pay('ch_4', { amountMinor: 7000, status: 'failed' });
    pay('ch_5', { amountMinor: 7000, currency: 'SEK' });
    pay('ch_6', { amountMinor: 999, paidAt: '2026-10-01T00:00:00.000Z' });
    const page = await call('payments.list', SEPT);
    expect(page.total).toBe(5);
    expect(page.revenueMinor).toBe(1234 + 9999);
    expect(page.otherCurrency).toBe(1);
    const results = await call('campaigns.results', SEPT);
    expect(page.revenueMinor).toBe(results.totals.revenue.paymentsMinor);

    expect(
      (await call('payments.list', { ...SEPT, status: ['failed'] })).rows.map((r) => r.externalId),
    ).toEqual(['ch_4']);
    const wholesale = await call('payments.list', { search: 'wholesale' });
    expect(wholesale.rows.map((r) => [r.externalId, r.customer])).toEqual([['ch_1', 'Ada Lovelace']]);
    const viaLead = await call('payments.list', { campaignId: beta });
    expect(viaLead.rows.map((r) => [r.externalId, r.netMinor, r.customer])).toEqual([
      ['ch_2', 9999, 'Bo Brandt'],
    ]);
    const detail = await call('payments.get', { id: viaLead.rows[0]!.id });
    expect(detail.lead?.id).toBe(leadId);
    expect(detail.campaign).toMatchObject({ id: beta, via: 'lead' });
    expect(detail.payment.countsAsRevenue).toBe(true);
  });
});
