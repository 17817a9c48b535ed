import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, type Input, type MethodName } from '@shared/api';
import { createTestCore, testClock, type TestCore } from '../testing';

let t: TestCore;
beforeAll(async () => {
  t = await createTestCore({ clock: testClock('2026-10-15T12:00:00Z') });
  await t.client.call('workspace.setup', { mode: 'demo' });
});
afterAll(() => t.dispose());

async function call<K extends MethodName>(method: K, input: Input<K>) {
  const value = await t.client.call(method, input);
  const parsed = api[method].output.safeParse(value);
  expect(parsed.error?.issues ?? [], method).toEqual([]);
  return value;
}

const PERIODS = [
  { from: '2026-07-01', to: '2026-09-30' },
  { from: '2026-09-01', to: '2026-09-30' },
  { from: '2026-01-01', to: '2026-12-31' },
];

describe('Orders and Payments on the demo workspace', () => {
  it('the lists’ totals are the Results revenue from orders and from payments, to the cent', async () => {
    for (const period of PERIODS) {
      const orders = await call('orders.list', { ...period, limit: 1 });
      const payments = await call('payments.list', { ...period, limit: 1 });
      const results = await call('campaigns.results', period);
      const dashboard = await call('results.dashboard', period);
      const revenueTile = dashboard.tiles.find((x) => x.id === 'revenue')!.value;
      expect(orders.total, period.from).toBeGreaterThan(0);
      expect(orders.revenueMinor, period.from).toBe(results.totals.revenue.ordersMinor);
      expect(payments.revenueMinor, period.from).toBe(results.totals.revenue.paymentsMinor);
      expect(orders.revenueMinor + payments.revenueMinor + results.totals.revenue.wonLeadsMinor).toBe(
        revenueTile,
      );
    }
  });

  it('an independent recount in SQL agrees with the list', async () => {
    const period = PERIODS[0]!;
    const page = await call('orders.list', { ...period, limit: 500 });
    const recount = t.core.connection.sqlite
      .prepare(
        `SELECT count(*) AS n, sum(CASE WHEN status IN ('paid', 'partially_refunded') AND currency = ?
                THEN max(0, total_minor - max(0, refunded_minor)) ELSE 0 END) AS minor
         FROM orders WHERE deleted_at IS NULL AND substr(ordered_at, 1, 10) BETWEEN ? AND ?`,
      )
      .get(page.currency, period.from, period.to) as { n: number; minor: number };
    expect({ total: page.total, revenue: page.revenueMinor }).toEqual({
      total: recount.n,
      revenue: recount.minor,
    });
    // The rows' own net amounts add up to the total when every row is on the page and in the currency.
    if (page.rows.length === page.total && page.otherCurrency === 0)
      expect(page.rows.reduce((s, r) => s + r.netMinor, 0)).toBe(page.revenueMinor);
  });

  it('the campaign filter gives each campaign’s orders, and every row of them carries it', async () => {
    const campaigns = await call('campaigns.list', {});
    let seen = 0;
    for (const c of campaigns.slice(0, 6)) {
      const page = await call('orders.list', { campaignId: c.id, limit: 500 });
      seen += page.total;
      for (const row of page.rows) expect(row.campaignId).toBe(c.id);
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('payments filter by status and words and open with their links', async () => {
    const all = await call('payments.list', { limit: 500 });
    expect(all.total).toBeGreaterThan(0);
    const succeeded = await call('payments.list', { status: ['succeeded'], limit: 500 });
    for (const row of succeeded.rows) expect(row.status).toBe('succeeded');
    const first = all.rows.find((r) => r.contactId !== null) ?? all.rows[0]!;
    const found = await call('payments.list', { search: first.externalId });
    expect(found.rows.map((r) => r.id)).toContain(first.id);
    const detail = await call('payments.get', { id: first.id });
    expect(detail.payment).toMatchObject({ id: first.id, amountMinor: first.amountMinor });
    if (first.contactId) expect(detail.contact?.id).toBe(first.contactId);
    const sortedByAmount = await call('payments.list', { sort: 'amount', direction: 'asc', limit: 500 });
    const amounts = sortedByAmount.rows.map((r) => r.amountMinor);
    expect(amounts).toEqual([...amounts].sort((a, b) => a - b));
  });

  it('an order opens with its lines, and its contact is the one the list showed', async () => {
    const page = await call('orders.list', { ...PERIODS[0]!, status: ['paid'], limit: 50 });
    const row = page.rows.find((r) => r.contactId !== null)!;
    const detail = await call('orders.get', { id: row.id });
    expect(detail.lines.length).toBeGreaterThan(0);
    expect(detail.contact?.id).toBe(row.contactId);
    expect(detail.campaign?.id ?? null).toBe(row.campaignId);
  });
});
