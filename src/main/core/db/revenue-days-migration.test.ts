import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadMigrations } from './migrate';
import { defaultMigrationsFolder, openDatabase } from './open';

const migrations = loadMigrations(defaultMigrationsFolder());
/** The migration that adds the revenue_days rollup, by its place in the journal. */
const REVENUE_DAYS =
  migrations.findIndex((m) => m.sql.some((s) => s.includes('revenue_days_orders_insert'))) + 1;

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tandem-revenue-days-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the revenue-days migration', () => {
  it('rolls up the orders and payments written before it, and keeps following them', async () => {
    expect(REVENUE_DAYS).toBeGreaterThan(0);
    const file = join(dir, 'old.sqlite');
    const before = await openDatabase(file, { migrateUpTo: REVENUE_DAYS - 1 });
    const now = '2026-05-05T09:00:00.000Z';
    const order = before.sqlite.prepare(
      `INSERT INTO orders (id, source, external_id, ordered_at, currency, total_minor, refunded_minor, status,
         deleted_at, created_at, updated_at)
       VALUES (?, 'shopify', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const payment = before.sqlite.prepare(
      `INSERT INTO payments (id, source, external_id, paid_at, currency, amount_minor, refunded_minor, status,
         created_at, updated_at)
       VALUES (?, 'stripe', ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    order.run('o1', '#1', '2026-05-01T10:00:00.000Z', 'usd', 40_00, 0, 'paid', null, now, now);
    order.run(
      'o2',
      '#2',
      '2026-05-01T23:00:00.000Z',
      'USD',
      60_00,
      25_00,
      'partially_refunded',
      null,
      now,
      now,
    );
    order.run('o3', '#3', '2026-05-01T12:00:00.000Z', 'USD', 99_00, 0, 'pending', null, now, now);
    order.run('o4', '#4', '2026-05-02T12:00:00.000Z', 'USD', 10_00, 0, 'paid', now, now, now);
    order.run(
      'o5',
      '#5',
      '2026-05-02T12:00:00.000Z',
      'EUR',
      15_00,
      20_00,
      'partially_refunded',
      null,
      now,
      now,
    );
    payment.run('p1', 'ch_1', '2026-05-01T08:00:00.000Z', 'USD', 300_00, 0, 'succeeded', now, now);
    payment.run('p2', 'ch_2', '2026-05-03T08:00:00.000Z', 'USD', 50_00, 0, 'failed', now, now);
    before.close();

    const after = await openDatabase(file, { migrateUpTo: REVENUE_DAYS });
    const rollup = () =>
      after.sqlite
        .prepare(
          `SELECT day, source, currency, count, net_minor AS netMinor FROM revenue_days
           ORDER BY day, source, currency`,
        )
        .all();
    expect(rollup()).toEqual([
      { day: '2026-05-01', source: 'order', currency: 'USD', count: 2, netMinor: 75_00 },
      { day: '2026-05-01', source: 'payment', currency: 'USD', count: 1, netMinor: 300_00 },
      { day: '2026-05-02', source: 'order', currency: 'EUR', count: 1, netMinor: 0 },
    ]);
    after.sqlite.prepare(`UPDATE orders SET status = 'paid' WHERE id = 'o3'`).run();
    after.sqlite.prepare(`UPDATE orders SET deleted_at = ? WHERE id = 'o5'`).run(now);
    after.sqlite.prepare(`UPDATE payments SET status = 'succeeded' WHERE id = 'p2'`).run();
    expect(rollup()).toEqual([
      { day: '2026-05-01', source: 'order', currency: 'USD', count: 3, netMinor: 174_00 },
      { day: '2026-05-01', source: 'payment', currency: 'USD', count: 1, netMinor: 300_00 },
      { day: '2026-05-03', source: 'payment', currency: 'USD', count: 1, netMinor: 50_00 },
    ]);
    after.close();
  });
});
