import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../db/ids';
import { api, type Input, type MethodName } from '@shared/api';
import type { Dashboard } from '@shared/api/results';
import { createTestCore, testClock, type TestCore } from '../testing';
import { insertCampaign } from '../leads/fixtures';
import { insertLead, insertOrder, insertPayment, moveLead } from './builders';

let t: TestCore;
async function call<K extends MethodName>(method: K, input: Input<K>) {
  const value = await t.client.call(method, input);
  const parsed = api[method].output.safeParse(value);
  expect(parsed.error?.issues ?? [], method).toEqual([]);
  return value;
}

function insertContact(name: string, at = '2026-01-01T00:00:00.000Z'): string {
  const id = uuidv7();
  t.core.connection.sqlite
    .prepare(
      'INSERT INTO contacts (id, first_name, last_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
    )
    .run(id, name, 'Test', at, at);
  return id;
}

const tile = (d: Dashboard, id: string) => d.tiles.find((x) => x.id === id)!;
const Q3 = { from: '2026-07-01', to: '2026-09-30' };

/**
 * A small business with hand-computed numbers for Q3 2026:
 *   c1: lead L1 (campaign A, 5 Jul), won 1 Aug for 500.00, no order → 500.00 to A.
 *   c2: lead L2 (campaign B, 10 Jul, rated 5); order O1 300.00 with 100.00 refunded (10 Aug, campaign A)
 *       → 200.00 net, two touches B then A → 100.00 each under position-based.
 *   O2: 45.00, three lines, no contact → unattributed.  O3: fully refunded → nothing.
 *   c4: lead L4 (campaign B, 1 Apr) won 30 Jul for 70.00: its only touch is 120 days old.
 *   c3: payment P1 12.34 with no touch → unattributed.
 *   L5: no campaign, channel email, lost from New ("Price") → No campaign lead, not qualified.
 *   L6: no campaign, no channel → unattributed lead.
 *   Spend: A 100.00 in Q3; B none.
 */
let A = '';
let B = '';
beforeEach(async () => {
  t = await createTestCore({ clock: testClock('2026-10-15T12:00:00Z') });
  await t.client.call('workspace.setup', { mode: 'empty' });
  const ctx = t.core.ctx;
  const { currency } = await t.client.call('settings.get', {});
  A = insertCampaign(t, { name: 'Alpha ads', channel: 'ads', startDate: '2026-07-01' });
  B = insertCampaign(t, { name: 'Beta social', channel: 'social', startDate: '2026-03-01' });
  t.core.connection.sqlite
    .prepare(
      `INSERT INTO spend_entries (id, campaign_id, date, amount_minor, created_at, updated_at)
       VALUES (?, ?, '2026-07-15', 6000, ?, ?), (?, ?, '2026-08-15', 4000, ?, ?)`,
    )
    .run(uuidv7(), A, ctx.nowIso(), ctx.nowIso(), uuidv7(), A, ctx.nowIso(), ctx.nowIso());
  const c1 = insertContact('One');
  const c2 = insertContact('Two');
  const c3 = insertContact('Three');
  const c4 = insertContact('Four');
  const l1 = insertLead(ctx, {
    contactId: c1,
    campaignId: A,
    channel: 'ads',
    valueMinor: 50000,
    createdAt: '2026-07-05T10:00:00.000Z',
  });
  moveLead(ctx, l1, 'Won', '2026-08-01T10:00:00.000Z');
  insertLead(ctx, {
    contactId: c2,
    campaignId: B,
    channel: 'social',
    rating: 5,
    createdAt: '2026-07-10T10:00:00.000Z',
  });
  insertOrder(ctx, {
    contactId: c2,
    campaignId: A,
    orderedAt: '2026-08-10T10:00:00.000Z',
    totalMinor: 30000,
    refundedMinor: 10000,
    status: 'partially_refunded',
    currency,
  });
  const o2 = insertOrder(ctx, { orderedAt: '2026-09-02T10:00:00.000Z', totalMinor: 4500, currency });
  t.core.connection.sqlite
    .prepare(
      `INSERT INTO order_lines (id, order_id, position, name, quantity, unit_price_minor, created_at, updated_at)
       VALUES (?, ?, 1, 'Beans', 2, 1500, ?, ?), (?, ?, 2, 'Mug', 1, 1000, ?, ?), (?, ?, 3, 'Filter', 1, 500, ?, ?)`,
    )
    .run(
      uuidv7(),
      o2,
      ctx.nowIso(),
      ctx.nowIso(),
      uuidv7(),
      o2,
      ctx.nowIso(),
      ctx.nowIso(),
      uuidv7(),
      o2,
      ctx.nowIso(),
      ctx.nowIso(),
    );
  insertOrder(ctx, {
    contactId: c1,
    orderedAt: '2026-09-03T10:00:00.000Z',
    totalMinor: 9999,
    refundedMinor: 9999,
    status: 'refunded',
    currency,
    campaignId: A,
  });
  const l4 = insertLead(ctx, {
    contactId: c4,
    campaignId: B,
    channel: 'social',
    valueMinor: 7000,
    createdAt: '2026-04-01T10:00:00.000Z',
  });
  moveLead(ctx, l4, 'Won', '2026-07-30T10:00:00.000Z');
  insertPayment(ctx, { contactId: c3, paidAt: '2026-09-10T10:00:00.000Z', amountMinor: 1234, currency });
  const l5 = insertLead(ctx, { channel: 'email', createdAt: '2026-07-20T10:00:00.000Z' });
  moveLead(ctx, l5, 'Lost', '2026-07-25T10:00:00.000Z');
  t.core.connection.sqlite.prepare(`UPDATE leads SET lost_reason = 'Price' WHERE id = ?`).run(l5);
  insertLead(ctx, { createdAt: '2026-08-20T10:00:00.000Z' });
});
afterEach(() => t.dispose());

describe('results.dashboard on hand-computed data', () => {
  it('counts every number of the period as worked out by hand', async () => {
    const d = await call('results.dashboard', Q3);
    expect(d.running).toBe(false);
    expect(d.modelLabel).toBe('position-based · 90-day lookback');
    expect(tile(d, 'revenue').value).toBe(82734);
    expect(tile(d, 'spend').value).toBe(10000);
    expect(tile(d, 'leads').value).toBe(4);
    expect(tile(d, 'qualifiedLeads').value).toBe(2);
    expect(tile(d, 'qualifiedShare').value).toBe(0.5);
    expect(tile(d, 'averageRating').value).toBe(5);
    expect(tile(d, 'costPerLead').value).toBe(2500);
    expect(tile(d, 'costPerQualifiedLead').value).toBe(5000);
    expect(tile(d, 'won').value).toBe(2);
    expect(tile(d, 'lost').value).toBe(1);
    expect(tile(d, 'winRate').value).toBeCloseTo(2 / 3, 10);
    expect(tile(d, 'averageDeal').value).toBe(28500);
    expect(tile(d, 'roi').value).toBeCloseTo((82734 - 10000) / 10000, 10);
    expect(tile(d, 'visits').value).toBeNull();
    expect(d.emptyHints).toEqual({ metrics: false, orders: false, visits: true });
    expect(d.lostReasons).toEqual([{ reason: 'Price', count: 1 }]);

    const a = d.campaigns.find((c) => c.campaignId === A)!;
    const b = d.campaigns.find((c) => c.campaignId === B)!;
    expect(a).toMatchObject({
      spendMinor: 10000,
      leads: 1,
      won: 1,
      revenueMinor: 60000,
      costPerLeadMinor: 10000,
      roi: 5,
      roas: 6,
    });
    expect(b).toMatchObject({
      spendMinor: 0,
      leads: 1,
      qualifiedLeads: 1,
      won: 1,
      revenueMinor: 10000,
      roi: null,
      roas: null,
      costPerLeadMinor: 0,
    });
    expect(d.unattributed).toEqual({ revenueMinor: 4500 + 7000 + 1234, leads: 1, conversions: 3 });
    expect(d.noCampaign).toEqual({ revenueMinor: 0, leads: 1 });
    // To the cent: campaigns + No campaign + Unattributed = revenue.
    const sum =
      d.campaigns.reduce((s, c) => s + c.revenueMinor, 0) +
      d.noCampaign.revenueMinor +
      d.unattributed.revenueMinor;
    expect(sum).toBe(82734);
    expect(d.channels.reduce((s, c) => s + c.revenueMinor, 0) + d.unattributed.revenueMinor).toBe(82734);
    expect(d.reconciliation).toEqual({
      ordersWithoutContact: 1,
      ordersWithoutCampaign: 1,
      paymentsWithoutContact: 0,
      paymentsWithoutCampaign: 1,
      wonWithoutPayment: 2,
    });
    expect(d.funnel.steps.map((s) => s.value)).toEqual([null, 4, 2, 2]);
    expect(d.funnel.largestDropIndex).toBe(2);
    expect(d.series.bucket).toBe('week');
    expect(d.series.points.reduce((s, p) => s + p.revenueMinor, 0)).toBe(82734);
    expect(d.series.points.reduce((s, p) => s + p.spendMinor, 0)).toBe(10000);
    expect(d.series.points.some((p) => p.partial)).toBe(false);
  });

  it('a deal whose only touch is 120 days old is unattributed at 90 days and attributed at 180', async () => {
    const at90 = await call('results.dashboard', { ...Q3, lookbackDays: 90 });
    const at180 = await call('results.dashboard', { ...Q3, lookbackDays: 180 });
    expect(at90.campaigns.find((c) => c.campaignId === B)!.revenueMinor).toBe(10000);
    expect(at180.campaigns.find((c) => c.campaignId === B)!.revenueMinor).toBe(17000);
    expect(at180.unattributed.revenueMinor).toBe(4500 + 1234);
  });

  it('every model splits revenue to the cent', async () => {
    for (const model of ['first', 'last', 'linear', 'position', 'time_decay'] as const) {
      const d = await call('results.dashboard', { ...Q3, model });
      const sum =
        d.campaigns.reduce((s, c) => s + c.revenueMinor, 0) +
        d.noCampaign.revenueMinor +
        d.unattributed.revenueMinor;
      expect({ model, sum }).toEqual({ model, sum: 82734 });
    }
    const first = await call('results.dashboard', { ...Q3, model: 'first' });
    expect(first.campaigns.find((c) => c.campaignId === B)!.revenueMinor).toBe(20000);
  });

  it('compares with the previous period of whole weeks and says what is new', async () => {
    const d = await call('results.dashboard', Q3);
    expect(d.previousRange).toEqual({ from: '2026-03-25', to: '2026-06-24' });
    expect(tile(d, 'leads').previous).toBe(1);
    expect(tile(d, 'spend').previous).toBe(0);
    expect(tile(d, 'spend').delta).toEqual({ kind: 'new' });
    expect(tile(d, 'roi').previous).toBeNull();
  });

  it('an empty period has zeros and nulls, never NaN', async () => {
    const d = await call('results.dashboard', { from: '2025-01-01', to: '2025-01-31' });
    expect(tile(d, 'revenue').value).toBe(0);
    expect(tile(d, 'leads').value).toBe(0);
    expect(tile(d, 'costPerLead').value).toBeNull();
    expect(tile(d, 'roi').value).toBeNull();
    expect(tile(d, 'winRate').value).toBeNull();
    expect(d.series.bucket).toBe('day');
    expect(d.series.points).toHaveLength(31);
    expect(JSON.stringify(d)).not.toMatch(/NaN|Infinity/);
    expect(d.emptyHints).toEqual({ metrics: true, orders: true, visits: true });
  });

  it('a running period is cut at today and its last bucket is partial', async () => {
    const d = await call('results.dashboard', { from: '2026-10-01', to: '2026-10-31' });
    expect(d.running).toBe(true);
    expect(d.elapsedDays).toBe(15);
    expect(d.series.points).toHaveLength(15);
    expect(d.series.points.at(-1)).toMatchObject({ start: '2026-10-15', partial: true });
  });

  it('rejects a period that ends before it starts', async () => {
    await expect(
      t.client.call('results.dashboard', { from: '2026-09-30', to: '2026-07-01' }),
    ).rejects.toMatchObject({ code: 'validation' });
  });
});

describe('records behind the numbers', () => {
  it('count and sum equal the tile or row for every metric and filter', async () => {
    const d = await call('results.dashboard', Q3);
    const rec = (input: Omit<Input<'results.records'>, 'from' | 'to'>) =>
      call('results.records', { ...Q3, ...input });
    for (const metric of ['leads', 'qualifiedLeads', 'won', 'lost'] as const) {
      expect({ metric, n: (await rec({ metric })).count }).toEqual({ metric, n: tile(d, metric).value });
    }
    const revenue = await rec({ metric: 'revenue' });
    expect(revenue.sumMinor).toBe(tile(d, 'revenue').value);
    expect(revenue.count).toBe(5);
    expect((await rec({ metric: 'spend' })).sumMinor).toBe(tile(d, 'spend').value);
    for (const row of d.campaigns) {
      const id = row.campaignId;
      expect((await rec({ metric: 'revenue', campaignId: id })).sumMinor).toBe(row.revenueMinor);
      expect((await rec({ metric: 'spend', campaignId: id })).sumMinor).toBe(row.spendMinor);
      expect((await rec({ metric: 'leads', campaignId: id })).count).toBe(row.leads);
      expect((await rec({ metric: 'qualifiedLeads', campaignId: id })).count).toBe(row.qualifiedLeads);
      expect((await rec({ metric: 'won', campaignId: id })).count).toBe(row.won);
    }
    for (const row of d.channels) {
      const channel = row.channel;
      expect((await rec({ metric: 'revenue', channel })).sumMinor).toBe(row.revenueMinor);
      expect((await rec({ metric: 'leads', channel })).count).toBe(row.leads);
      expect((await rec({ metric: 'spend', channel })).sumMinor).toBe(row.spendMinor);
    }
    const un = await rec({ metric: 'revenue', unattributed: true });
    expect({ count: un.count, sum: un.sumMinor }).toEqual({
      count: d.unattributed.conversions,
      sum: d.unattributed.revenueMinor,
    });
    expect((await rec({ metric: 'leads', unattributed: true })).count).toBe(d.unattributed.leads);
    expect((await rec({ metric: 'leads', campaignId: null })).count).toBe(d.noCampaign.leads);
    expect((await rec({ metric: 'revenue', campaignId: null })).sumMinor).toBe(d.noCampaign.revenueMinor);
    const orders = await rec({ metric: 'orders' });
    expect(orders.rows.every((r) => r.kind === 'order' || r.kind === 'payment')).toBe(true);
    expect(orders.sumMinor).toBe(20000 + 4500 + 1234);
  });
});

describe('touch log', () => {
  it('lists touches from records, adds and deletes manual ones, and follows deletes of records', async () => {
    const sqlite = t.core.connection.sqlite;
    const c2 = (sqlite.prepare(`SELECT id FROM contacts WHERE first_name = 'Two'`).get() as { id: string })
      .id;
    const before = await call('touches.list', { contactId: c2 });
    expect(before.touches.map((x) => [x.kind, x.campaignId])).toEqual([
      ['lead_source', B],
      ['order', A],
    ]);
    const manual = await call('touches.create', {
      contactId: c2,
      at: '2026-08-05',
      note: 'Met at CoffeeFest',
      channel: 'event',
    });
    expect(manual).toMatchObject({
      manual: true,
      label: 'Met at CoffeeFest',
      channel: 'event',
      at: '2026-08-05T00:00:00.000Z',
    });
    // Three touches now: position-based gives 40/20/40 of the 200.00 order.
    const d = await call('results.dashboard', Q3);
    expect(d.noCampaign.revenueMinor).toBe(4000);
    const order = before.touches.find((x) => x.kind === 'order')!;
    await expect(t.client.call('touches.delete', { id: order.id })).rejects.toMatchObject({
      code: 'conflict',
    });
    await call('touches.delete', { id: manual.id });
    sqlite
      .prepare('UPDATE orders SET deleted_at = ? WHERE id = ?')
      .run(t.core.ctx.nowIso(), order.source!.id);
    expect((await call('touches.list', { contactId: c2 })).touches.map((x) => x.kind)).toEqual([
      'lead_source',
    ]);
  });
});

describe('model comparison, payback and reconciliation', () => {
  it('ranks campaigns under every model', async () => {
    const m = await call('results.models', Q3);
    expect(m.models.map((x) => x.model)).toEqual(['first', 'last', 'linear', 'position', 'time_decay']);
    for (const model of m.models) expect(model.rows.reduce((s, r) => s + r.revenueMinor, 0)).toBe(82734);
    const first = m.models.find((x) => x.model === 'first')!;
    expect(first.rows[0]).toMatchObject({ campaignId: A, revenueMinor: 50000, rank: 1 });
  });

  it('pays back in the week cumulative revenue passes cumulative spend', async () => {
    const p = await call('results.payback', { campaignId: A });
    expect(p.weeks[0]!.start).toBe('2026-07-01');
    // 60.00 spent in week 3 (15 Jul); 500.00 won on 1 Aug (week 5).
    expect(p.weeks[2]!.cumulativeSpendMinor).toBe(6000);
    expect(p.paybackWeek).toBe(5);
    expect(p.weeks.at(-1)!.cumulativeRevenueMinor).toBe(60000);
  });

  it('lists and resolves reconciliation items', async () => {
    const list = await call('results.reconciliation', { kind: 'ordersWithoutContact' });
    expect(list.total).toBe(1);
    expect(list.rows[0]!.amountMinor).toBe(4500);
    await call('reconciliation.resolve', {
      recordKind: 'order',
      id: list.rows[0]!.id,
      action: 'not_applicable',
    });
    expect((await call('results.reconciliation', { kind: 'ordersWithoutContact' })).total).toBe(0);
    const pay = await call('results.reconciliation', {
      kind: 'paymentsWithoutCampaign',
      from: '2026-07-01',
      to: '2026-09-30',
    });
    await call('reconciliation.resolve', {
      recordKind: 'payment',
      id: pay.rows[0]!.id,
      action: 'link_campaign',
      campaignId: A,
    });
    const d = await call('results.dashboard', Q3);
    expect(d.reconciliation.paymentsWithoutCampaign).toBe(0);
    // The payment now carries a campaign: its touch credits A.
    expect(d.campaigns.find((c) => c.campaignId === A)!.revenueMinor).toBe(60000 + 1234);
  });
});
