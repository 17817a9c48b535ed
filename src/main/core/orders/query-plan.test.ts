import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../db/ids';
import { createTestCore, type TestCore } from '../testing';
import { orderStatements } from './orders';
import { paymentStatements } from './payments';
import type { Filter } from './query';

let t: TestCore;
beforeAll(async () => {
  t = await createTestCore();
  await t.client.call('workspace.setup', { mode: 'empty' });
});
afterAll(() => t.dispose());

/** Plan lines of a statement, with dummy values for its parameters. */
function plan(sql: string, params: unknown[]): string[] {
  const rows = t.core.connection.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as {
    detail: string;
  }[];
  return rows.map((r) => r.detail);
}

const ID = uuidv7();
const FILTERS: [string, Filter][] = [
  ['a period', { from: '2026-07-01', to: '2026-09-30' }],
  ['a period and a status', { from: '2026-07-01', to: '2026-09-30', status: ['paid', 'refunded'] }],
  ['a period and a campaign', { from: '2026-07-01', to: '2026-09-30', campaignId: ID }],
  ['a period and no campaign', { from: '2026-07-01', to: '2026-09-30', campaignId: 'none' }],
  ['a period and a contact', { from: '2026-07-01', to: '2026-09-30', contactId: ID }],
  ['a period and words', { from: '2026-07-01', to: '2026-09-30', search: 'ada' }],
  ['a start only', { from: '2026-07-01' }],
];

describe('query plans of the Orders and Payments lists', () => {
  for (const [name, filter] of FILTERS) {
    it(`reads orders and payments by date for ${name}, never scanning the table`, () => {
      for (const [table, build, sorts] of [
        ['orders', orderStatements, ['orderedAt', 'total', 'customer']],
        ['payments', paymentStatements, ['paidAt', 'amount']],
      ] as const) {
        for (const sort of sorts) {
          const s = build(filter, sort, 'desc');
          const params = ['USD', 'USD', ...s.where.params];
          const totals = plan(s.totals, params);
          const page = plan(s.page, [...s.where.params, 100, 0]);
          for (const lines of [totals, page]) {
            const alias = table === 'orders' ? 'o' : 'p';
            expect(lines.join('\n'), `${table} ${sort}`).toMatch(
              new RegExp(`SEARCH ${alias} USING (COVERING )?INDEX ${table}_revenue_day_idx \\(`),
            );
            expect(lines.filter((l) => new RegExp(`^SCAN ${alias}\\b`).test(l))).toEqual([]);
          }
          // The totals of a period with a status read the index alone.
          if (!filter.campaignId && !filter.contactId && !filter.search)
            expect(totals.join('\n')).toContain(`COVERING INDEX ${table}_revenue_day_idx`);
        }
      }
    });
  }

  it('looks a contact’s orders up by index when no period is given', () => {
    const s = orderStatements({ contactId: ID }, 'orderedAt', 'desc');
    const lines = plan(s.page, [...s.where.params, 100, 0]).join('\n');
    expect(lines).toMatch(/orders_contact_idx \(contact_id=\?\)/);
    // The orders of the contact's leads come by lead, not by walking every order without a contact.
    expect(lines).toMatch(/orders_lead_idx \(lead_id=\?( AND deleted_at=\?)?\)/);
    expect(lines).not.toMatch(/^SCAN o\b/m);
  });
});
