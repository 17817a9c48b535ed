import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ATTRIBUTION_MODELS, type AttributionModel } from '@shared/domain/attribution';
import { createTestCore, testClock, type TestCore } from '../testing';
import { undoJob } from '../import/job/undo';
import { importInto, sample } from '../import/testing';
import { MAX_CACHED_KEYS } from './attribution-cache';
import { insertOrder, moveLead } from './builders';
import { dashboard } from './dashboard';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore({ clock: testClock('2026-10-15T12:00:00Z') });
  await t.client.call('workspace.setup', { mode: 'demo' });
});
afterEach(() => t.dispose());

type Options = { model: AttributionModel; lookbackDays: number; lastNonDirect?: boolean };
const QUARTER = { from: '2026-07-01', to: '2026-09-30' };
const YEAR = { from: '2026-01-01', to: '2026-12-31' };

const input = (
  period: { from: string; to: string },
  o: Options,
  compare: 'previous' | 'year' = 'previous',
) => ({
  ...period,
  compare,
  model: o.model,
  lookbackDays: o.lookbackDays,
  lastNonDirect: o.lastNonDirect ?? false,
});

/** The dashboard read through the cache equals the one attributed afresh, in every number and row. */
function expectCachedEqualsCold(
  period: { from: string; to: string },
  o: Options,
  compare?: 'previous' | 'year',
) {
  const cached = dashboard(t.core.ctx, input(period, o, compare));
  const cold = dashboard(t.core.ctx, input(period, o, compare), { cold: true });
  expect(cached).toEqual(cold);
  return cached;
}

const cachedMonths = () =>
  (t.core.ctx.sqlite.prepare('SELECT count(*) AS n FROM attribution_months').get() as { n: number }).n;
const sql = (text: string, ...params: unknown[]) => t.core.ctx.sqlite.prepare(text).run(...params);
const one = <T>(text: string, ...params: unknown[]) => t.core.ctx.sqlite.prepare(text).get(...params) as T;

describe('the attribution cache', () => {
  it('gives the same dashboard as a fresh attribution, for every model, lookback and period', () => {
    for (const model of ATTRIBUTION_MODELS)
      for (const lookbackDays of [30, 90, 365]) {
        const d = expectCachedEqualsCold(QUARTER, { model, lookbackDays });
        expect(d.campaigns.some((c) => c.revenueMinor > 0)).toBe(true);
        // Read again: now every month comes from the cache.
        expectCachedEqualsCold(QUARTER, { model, lookbackDays });
      }
    expectCachedEqualsCold(YEAR, { model: 'last', lookbackDays: 90, lastNonDirect: true });
    expectCachedEqualsCold(
      { from: '2026-08-10', to: '2026-08-23' },
      { model: 'linear', lookbackDays: 60 },
      'year',
    );
    expectCachedEqualsCold(
      { from: '2026-10-01', to: '2026-12-31' },
      { model: 'time_decay', lookbackDays: 90 },
    );
    expect(cachedMonths()).toBeGreaterThan(0);
    // Only the most recent combinations are kept.
    const keys = one<{ n: number }>('SELECT count(*) AS n FROM attribution_keys').n;
    expect(keys).toBe(MAX_CACHED_KEYS);
    const orphans = one<{ n: number }>(
      'SELECT count(*) AS n FROM attribution_days WHERE key NOT IN (SELECT key FROM attribution_keys)',
    ).n;
    expect(orphans).toBe(0);
  });

  it('follows new orders, refunds, stage changes, links, touch deletes and an undone import', async () => {
    const models: Options[] = [
      { model: 'position', lookbackDays: 90 },
      { model: 'first', lookbackDays: 365 },
      { model: 'last', lookbackDays: 30, lastNonDirect: true },
    ];
    const check = () => {
      for (const o of models) {
        expectCachedEqualsCold(QUARTER, o);
        expectCachedEqualsCold(YEAR, o);
      }
    };
    check();
    const months = cachedMonths();
    const campaign = one<{ id: string; code: string }>(
      'SELECT id, tracking_code AS code FROM campaigns WHERE deleted_at IS NULL ORDER BY name LIMIT 1',
    );
    const contact = one<{ id: string }>(
      `SELECT contact_id AS id FROM orders WHERE contact_id IS NOT NULL AND ordered_at >= '2026-08-01'
       ORDER BY ordered_at LIMIT 1`,
    ).id;

    // A new order with a campaign: a conversion, and a touch for the contact's later conversions.
    insertOrder(t.core.ctx, {
      orderedAt: '2026-07-20T10:00:00.000Z',
      totalMinor: 123_45,
      contactId: contact,
      campaignId: campaign.id,
      utmCampaign: campaign.code,
      currency: (await t.client.call('settings.get', {})).currency,
    });
    expect(cachedMonths()).toBeLessThan(months);
    check();

    // A partial refund, then a full one.
    const paid = one<{ id: string }>(
      `SELECT id FROM orders WHERE status = 'paid' AND contact_id IS NOT NULL AND ordered_at >= '2026-07-01'
       ORDER BY ordered_at LIMIT 1`,
    ).id;
    sql(`UPDATE orders SET status = 'partially_refunded', refunded_minor = 5_00 WHERE id = ?`, paid);
    check();
    sql(`UPDATE orders SET status = 'refunded', refunded_minor = total_minor WHERE id = ?`, paid);
    check();

    // A deal won without an order, then one lost again.
    const open = one<{ id: string }>(
      `SELECT l.id FROM leads l JOIN pipeline_stages s ON s.id = l.stage_id
       WHERE s.outcome = 'open' AND l.contact_id IS NOT NULL AND l.deleted_at IS NULL ORDER BY l.created_at LIMIT 1`,
    ).id;
    sql('UPDATE leads SET value_minor = 777_00 WHERE id = ?', open);
    moveLead(t.core.ctx, open, 'Won', '2026-08-05T09:00:00.000Z');
    check();

    // Linking an order to that won deal makes the deal's own value leave revenue.
    const unlinked = one<{ id: string }>(
      `SELECT id FROM orders WHERE lead_id IS NULL AND status = 'paid' AND ordered_at >= '2026-08-01' LIMIT 1`,
    ).id;
    await t.client.call('reconciliation.resolve', {
      recordKind: 'order',
      id: unlinked,
      action: 'link_lead',
      leadId: open,
    });
    check();

    // A manual touch added, then deleted.
    const touch = await t.client.call('touches.create', {
      contactId: contact,
      at: '2026-07-15',
      campaignId: campaign.id,
      note: 'Met at the market',
    });
    check();
    await t.client.call('touches.delete', { id: touch.id });
    check();

    // An import of orders and payments, then its undo.
    const orders = await importInto(t, sample('shopify-orders.csv'));
    const payments = await importInto(t, sample('stripe-payments.csv'));
    const wide = { from: '2025-01-01', to: '2026-12-31' };
    for (const o of models) expectCachedEqualsCold(wide, o);
    undoJob(t.core.ctx.sqlite, payments.id, t.core.ctx.nowIso);
    undoJob(t.core.ctx.sqlite, orders.id, t.core.ctx.nowIso);
    for (const o of models) expectCachedEqualsCold(wide, o);
    check();

    // Which stage counts as won decides which deals are conversions.
    sql(`UPDATE pipeline_stages SET outcome = 'open' WHERE outcome = 'won'`);
    expect(cachedMonths()).toBe(0);
    check();
  });
});
