import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REVENUE_ORDER_STATUSES, REVENUE_PAYMENT_STATUSES } from '@shared/domain/kpi';
import { createTestCore, type TestCore } from '../testing';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore();
});
afterEach(() => t.dispose());

/**
 * SQL that the migrations wrote with the revenue rule's statuses in it (the `revenue_days` triggers) must
 * name exactly the statuses of shared/domain/kpi: a change to the rule needs a migration that rewrites
 * them and recounts, and this test says so.
 */
describe('the revenue rule in stored SQL', () => {
  it('names the same order and payment statuses as shared/domain/kpi', () => {
    const stored = t.core.ctx.sqlite
      .prepare(
        `SELECT name, tbl_name AS tableName, sql FROM sqlite_master
         WHERE type IN ('trigger', 'view') AND sql LIKE '%status IN (%'`,
      )
      .all() as { name: string; tableName: string; sql: string }[];
    expect(stored.length).toBeGreaterThan(0);
    const rule: Record<string, readonly string[]> = {
      orders: REVENUE_ORDER_STATUSES,
      payments: REVENUE_PAYMENT_STATUSES,
    };
    for (const { name, tableName, sql } of stored) {
      const expected = rule[tableName];
      expect(expected, `${name} is on ${tableName}`).toBeDefined();
      const lists = [...sql.matchAll(/status IN \(([^)]*)\)/g)].map((m) =>
        (m[1] ?? '')
          .split(',')
          .map((s) => s.trim().replace(/^'|'$/g, ''))
          .sort(),
      );
      expect(lists.length).toBeGreaterThan(0);
      for (const list of lists) expect(list, name).toEqual([...(expected ?? [])].sort());
    }
  });
});
