import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '@fixtures/import/temp-files';
import { createTestCore, testClock, type TestCore } from '../testing';
import { undoJob } from '../import/job/undo';
import { importInto, MAINE, sample } from '../import/testing';
import { importManager } from '../import/worker/manager';
import { insertOrder, insertPayment } from './builders';
import {
  ORDER_REVENUE_BY_DAY,
  PAYMENT_REVENUE_BY_DAY,
  revenueByDay,
  WON_LEAD_REVENUE_BY_DAY,
} from './conversions';
import { windowOf } from './period';
import { dailySales, DAILY_ORDERS, DAILY_PAYMENTS } from './visits-sales';

let t: TestCore;
const files = makeTempDir();
beforeEach(async () => {
  t = await createTestCore({ clock: testClock('2026-10-15T12:00:00Z') });
});
afterEach(() => t.dispose());
afterAll(() => files.remove());

const sql = (text: string, ...params: unknown[]) => t.core.ctx.sqlite.prepare(text).run(...params);

/** The rollup as it is stored. */
const stored = () =>
  t.core.ctx.sqlite
    .prepare(
      `SELECT day, source, currency, count, net_minor AS netMinor FROM revenue_days ORDER BY day, source, currency`,
    )
    .all();

/** The same figures counted from scratch out of orders and payments, by the REVENUE rule of kpi.ts. */
const recount = () =>
  t.core.ctx.sqlite
    .prepare(
      `SELECT day, source, currency, count(*) AS count, sum(net) AS netMinor FROM (
         SELECT substr(ordered_at, 1, 10) AS day, 'order' AS source, upper(currency) AS currency,
                max(0, total_minor - max(0, refunded_minor)) AS net
         FROM orders WHERE deleted_at IS NULL AND status IN ('paid', 'partially_refunded')
         UNION ALL
         SELECT substr(paid_at, 1, 10), 'payment', upper(currency), max(0, amount_minor - max(0, refunded_minor))
         FROM payments WHERE deleted_at IS NULL AND status IN ('succeeded', 'partially_refunded'))
       GROUP BY day, source, currency ORDER BY day, source, currency`,
    )
    .all();

/**
 * What the dashboard reads from the rollup equals what the statements that read orders and payments
 * themselves return (the reference implementation), for a window and for the visits-vs-sales counts.
 */
function expectReadsAgree(from: string, to: string, currency: string): void {
  const w = windowOf(from, to);
  const reference = { totalMinor: 0, conversions: 0, otherCurrencyRecords: 0, byDay: new Map() };
  for (const [text, sales] of [
    [ORDER_REVENUE_BY_DAY, true],
    [PAYMENT_REVENUE_BY_DAY, true],
    [WON_LEAD_REVENUE_BY_DAY, false],
  ] as const) {
    const rows = t.core.ctx.sqlite.prepare(text).all(currency, w.fromIso, w.untilIso) as {
      day: string;
      same: number;
      n: number;
      minor: number;
    }[];
    for (const r of rows) {
      if (!r.same) {
        reference.otherCurrencyRecords += r.n;
        continue;
      }
      reference.totalMinor += r.minor;
      reference.conversions += r.n;
      const d = reference.byDay.get(r.day) ?? { revenueMinor: 0, sales: 0 };
      d.revenueMinor += r.minor;
      if (sales) d.sales += r.n;
      reference.byDay.set(r.day, d);
    }
  }
  const fast = revenueByDay(t.core.ctx, w, currency);
  expect({ ...fast, byDay: Object.fromEntries(fast.byDay) }).toEqual({
    ...reference,
    byDay: Object.fromEntries(reference.byDay),
  });

  const sales = new Map<string, number>();
  for (const text of [DAILY_ORDERS, DAILY_PAYMENTS]) {
    const rows = t.core.ctx.sqlite.prepare(text).all(w.fromIso, w.untilIso, currency) as {
      day: string;
      n: number;
    }[];
    for (const r of rows) sales.set(r.day, (sales.get(r.day) ?? 0) + r.n);
  }
  expect(Object.fromEntries(dailySales(t.core.ctx, from, to, currency))).toEqual(Object.fromEntries(sales));
}

describe('the revenue_days rollup', () => {
  it('follows inserts, status changes, refunds, moves, currency changes, soft and hard deletes', () => {
    const ctx = t.core.ctx;
    const a = insertOrder(ctx, { orderedAt: '2026-07-01T00:00:00.000Z', totalMinor: 50_00 });
    const b = insertOrder(ctx, {
      orderedAt: '2026-07-01T23:59:59.999Z',
      totalMinor: 20_00,
      status: 'pending',
    });
    const c = insertOrder(ctx, { orderedAt: '2026-07-02T10:00:00.000Z', totalMinor: 30_00, currency: 'usd' });
    const p = insertPayment(ctx, { paidAt: '2026-07-01T09:00:00.000Z', amountMinor: 100_00 });
    insertPayment(ctx, { paidAt: '2026-07-03T09:00:00.000Z', amountMinor: 10_00, status: 'failed' });
    expect(stored()).toEqual(recount());
    expect(stored()).toEqual([
      { day: '2026-07-01', source: 'order', currency: 'EUR', count: 1, netMinor: 50_00 },
      { day: '2026-07-01', source: 'payment', currency: 'EUR', count: 1, netMinor: 100_00 },
      { day: '2026-07-02', source: 'order', currency: 'USD', count: 1, netMinor: 30_00 },
    ]);

    sql(`UPDATE orders SET status = 'paid' WHERE id = ?`, b);
    sql(`UPDATE orders SET status = 'partially_refunded', refunded_minor = 15_00 WHERE id = ?`, a);
    sql(`UPDATE orders SET currency = 'EUR', ordered_at = '2026-07-05T08:00:00.000Z' WHERE id = ?`, c);
    sql(`UPDATE payments SET refunded_minor = 120_00, status = 'partially_refunded' WHERE id = ?`, p);
    expect(stored()).toEqual(recount());
    expectReadsAgree('2026-07-01', '2026-07-31', 'EUR');

    sql(`UPDATE orders SET status = 'refunded', refunded_minor = total_minor WHERE id = ?`, b);
    sql(`UPDATE orders SET deleted_at = '2026-08-01T00:00:00.000Z' WHERE id = ?`, c);
    expect(stored()).toEqual(recount());
    // A day whose last sale left has no row, as a day that never had one.
    expect(stored()).not.toContainEqual(expect.objectContaining({ day: '2026-07-05' }));
    sql(`UPDATE orders SET deleted_at = NULL WHERE id = ?`, c);
    sql('DELETE FROM order_lines WHERE order_id = ?', a);
    sql('DELETE FROM orders WHERE id = ?', a);
    sql('DELETE FROM payments WHERE id = ?', p);
    expect(stored()).toEqual(recount());
    expectReadsAgree('2026-06-01', '2026-09-30', 'EUR');
  });

  it('follows imports, their re-imports and their undo', async () => {
    const orders = await importInto(t, sample('shopify-orders.csv'));
    const payments = await importInto(t, sample('stripe-payments.csv'));
    expect(stored().length).toBeGreaterThan(10);
    expect(stored()).toEqual(recount());
    expectReadsAgree('2025-01-01', '2026-12-31', 'USD');

    // A newer export with an order refunded and one more paid order changes the rollup through the import.
    const header = 'Order,Date,Email,Status,Total,Refunded,Product,Qty,Price';
    const mapping = {
      Order: 'externalId',
      Date: 'orderedAt',
      Email: 'email',
      Status: 'status',
      Total: 'total',
      Refunded: 'refunded',
      Product: 'lineName',
      Qty: 'lineQuantity',
      Price: 'linePrice',
    };
    const webshop = (name: string, lines: string[]) =>
      importInto(t, files.write(name, `${[header, ...lines].join('\n')}\n`), {
        kind: 'orders',
        mapping,
        options: { source: 'webshop' },
      });
    const first = await webshop('v1.csv', [
      'W-1,2026-05-01,e@example.com,paid,45.00,,Beans,1,45.00',
      'W-2,2026-05-02,f@example.com,paid,10.00,,Filter,1,10.00',
    ]);
    const second = await webshop('v2.csv', [
      'W-1,2026-05-01,e@example.com,partially_refunded,45.00,15.00,Beans,1,45.00',
      'W-2,2026-05-03,f@example.com,paid,10.00,,Filter,1,10.00',
      'W-3,2026-05-03,g@example.com,paid,12.00,,Mug,1,12.00',
    ]);
    expect(second).toMatchObject({ inserted: 1, updated: 2 });
    expect(stored()).toEqual(recount());
    expectReadsAgree('2026-05-01', '2026-05-31', 'USD');

    for (const job of [second, first, payments, orders]) {
      undoJob(t.core.ctx.sqlite, job.id, t.core.ctx.nowIso);
      expect(stored()).toEqual(recount());
    }
    expect(stored()).toEqual([]);
  });

  it('follows an import written by the import worker on its own connection, and its undo through the API', async () => {
    const started = await t.client.call('imports.start', {
      path: sample('shopify-orders.csv'),
      options: { timeZone: MAINE },
    });
    const manager = importManager(t.core.ctx);
    expect(manager.mode).toBe('worker');
    await manager.idle();
    expect(stored().length).toBeGreaterThan(10);
    expect(stored()).toEqual(recount());
    await t.client.call('imports.undo', { id: started.id });
    await manager.idle();
    expect(stored()).toEqual([]);
    expect(recount()).toEqual([]);
  });

  it('agrees with a recount on the demo workspace', async () => {
    await t.client.call('workspace.setup', { mode: 'demo' });
    const currency = (await t.client.call('settings.get', {})).currency;
    expect(stored().length).toBeGreaterThan(30);
    expect(stored()).toEqual(recount());
    expectReadsAgree('2026-01-01', '2026-12-31', currency);
    expectReadsAgree('2026-07-01', '2026-09-30', currency);
  });
});
