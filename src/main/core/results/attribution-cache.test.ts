import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dashboard } from '@shared/api/results';
import { ATTRIBUTION_MODELS, type AttributionModel } from '@shared/domain/attribution';
import { getSettings } from '../settings/service';
import { createTestCore, testClock, type TestCore } from '../testing';
import { undoJob } from '../import/job/undo';
import { importInto, MAINE, sample } from '../import/testing';
import { importManager } from '../import/worker/manager';
import { MAX_CACHED_KEYS } from './attribution-cache';
import { insertOrder, insertPayment, moveLead, stageId } from './builders';
import { cacheStep } from './cache-support';
import { dashboard } from './dashboard';
import { compareModels } from './models';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore({ clock: testClock('2026-10-15T12:00:00Z') });
  await t.client.call('workspace.setup', { mode: 'demo' });
});
afterEach(() => t.dispose());

type Options = { model: AttributionModel; lookbackDays: number; lastNonDirect?: boolean };
type Period = { from: string; to: string };
const QUARTER = { from: '2026-07-01', to: '2026-09-30' };
const YEAR = { from: '2026-01-01', to: '2026-12-31' };
const WIDE = { from: '2025-01-01', to: '2026-12-31' };

const input = (period: Period, o: Options, compare: 'previous' | 'year' = 'previous') => ({
  ...period,
  compare,
  model: o.model,
  lookbackDays: o.lookbackDays,
  lastNonDirect: o.lastNonDirect ?? false,
});

/** Σ campaign revenue + revenue of touches without a campaign + unattributed = total revenue, to the cent. */
function expectBalanced(d: Dashboard): void {
  const revenue = d.tiles.find((tile) => tile.id === 'revenue')!.value;
  const campaigns = d.campaigns.reduce((sum, c) => sum + c.revenueMinor, 0);
  expect(campaigns + d.noCampaign.revenueMinor + d.unattributed.revenueMinor).toBe(revenue);
}

/** The dashboard read through the cache equals the one attributed afresh, in every number and row. */
function expectCachedEqualsCold(period: Period, o: Options, compare?: 'previous' | 'year'): Dashboard {
  const cached = dashboard(t.core.ctx, input(period, o, compare));
  const cold = dashboard(t.core.ctx, input(period, o, compare), { cold: true });
  expect(cached).toEqual(cold);
  expectBalanced(cached);
  return cached;
}

const MODELS: Options[] = [
  { model: 'position', lookbackDays: 90 },
  { model: 'first', lookbackDays: 365 },
  { model: 'last', lookbackDays: 30, lastNonDirect: true },
  { model: 'time_decay', lookbackDays: 60 },
];
const PERIODS: Period[] = [QUARTER, WIDE];

/** What attribution decides in a dashboard: the money per campaign, channel and content item. */
const attributed = (d: Dashboard) => ({
  campaigns: d.campaigns.map((c) => [c.campaignId, c.revenueMinor]),
  channels: d.channels.map((c) => [c.channel, c.revenueMinor]),
  content: d.content.map((c) => [c.contentId, c.revenueMinor]),
  noCampaign: d.noCampaign.revenueMinor,
  unattributed: d.unattributed,
});

/** Reads every model and period (so each is cached), then returns what attribution gave. */
function checkAll(): unknown[] {
  const out: unknown[] = [];
  for (const o of MODELS) for (const p of PERIODS) out.push(attributed(expectCachedEqualsCold(p, o)));
  return out;
}

/** One kind of write: afterwards every cached dashboard equals a fresh one, and some figure moved. */
const step = cacheStep(checkAll, () => cachedMonths());

const cachedMonths = () =>
  (t.core.ctx.sqlite.prepare('SELECT count(*) AS n FROM attribution_months').get() as { n: number }).n;
const sql = (text: string, ...params: unknown[]) => t.core.ctx.sqlite.prepare(text).run(...params);
const one = <T>(text: string, ...params: unknown[]) => t.core.ctx.sqlite.prepare(text).get(...params) as T;
const currency = () => getSettings(t.core.ctx);

/** A contact with a paid order in the quarter, and a live campaign. */
function buyer(): { contact: string; campaign: { id: string; code: string; channel: string } } {
  const contact = one<{ id: string }>(
    `SELECT contact_id AS id FROM orders WHERE contact_id IS NOT NULL AND status = 'paid' AND deleted_at IS NULL
       AND ordered_at >= '2026-08-01' AND ordered_at < '2026-10-01' ORDER BY ordered_at LIMIT 1`,
  ).id;
  const campaign = one<{ id: string; code: string; channel: string }>(
    `SELECT id, tracking_code AS code, channel FROM campaigns WHERE deleted_at IS NULL ORDER BY name LIMIT 1`,
  );
  return { contact, campaign };
}

// Each write step reads eight dashboards twice over: minutes on a busy machine, not seconds.
describe('the attribution cache', { timeout: 180_000 }, () => {
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

  it('follows orders and payments: new, refunded, moved, relinked, in another currency, deleted', async () => {
    const { contact, campaign } = buyer();
    const cur = currency().currency;
    let order = '';
    // A new order with a campaign: a conversion, and a touch for the contact's later conversions.
    await step(() => {
      order = insertOrder(t.core.ctx, {
        orderedAt: '2026-07-20T10:00:00.000Z',
        totalMinor: 123_45,
        contactId: contact,
        campaignId: campaign.id,
        utmCampaign: campaign.code,
        currency: cur,
      });
    });
    await step(() =>
      sql(`UPDATE orders SET status = 'partially_refunded', refunded_minor = 5_00 WHERE id = ?`, order),
    );
    await step(() =>
      sql(`UPDATE orders SET status = 'refunded', refunded_minor = total_minor WHERE id = ?`, order),
    );
    await step(() =>
      sql(
        `UPDATE orders SET status = 'paid', refunded_minor = 0, ordered_at = ? WHERE id = ?`,
        '2026-09-29T23:00:00.000Z',
        order,
      ),
    );
    await step(() => sql(`UPDATE orders SET currency = 'XXX' WHERE id = ?`, order));
    await step(() => sql(`UPDATE orders SET currency = ?, campaign_id = NULL WHERE id = ?`, cur, order));
    await step(() => sql('UPDATE orders SET contact_id = NULL WHERE id = ?', order));
    await step(() => sql('UPDATE orders SET contact_id = ? WHERE id = ?', contact, order));
    await step(() => sql('UPDATE orders SET deleted_at = ? WHERE id = ?', '2026-10-01T00:00:00.000Z', order));
    await step(() => sql('UPDATE orders SET deleted_at = NULL WHERE id = ?', order));
    await step(() => {
      sql('DELETE FROM order_lines WHERE order_id = ?', order);
      sql('DELETE FROM orders WHERE id = ?', order);
    });
    let payment = '';
    await step(() => {
      payment = insertPayment(t.core.ctx, {
        paidAt: '2026-08-02T10:00:00.000Z',
        amountMinor: 99_00,
        contactId: contact,
        currency: cur,
      });
    });
    await step(() =>
      sql(`UPDATE payments SET refunded_minor = 40_00, status = 'partially_refunded' WHERE id = ?`, payment),
    );
    await step(() => sql('DELETE FROM payments WHERE id = ?', payment));
  });

  it('follows deals won, lost, revalued, relinked and reverted, and stages changing outcome', async () => {
    const open = one<{ id: string; contactId: string }>(
      `SELECT l.id, l.contact_id AS contactId FROM leads l JOIN pipeline_stages s ON s.id = l.stage_id
       WHERE s.outcome = 'open' AND l.contact_id IS NOT NULL AND l.deleted_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.lead_id = l.id)
         AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.lead_id = l.id)
       ORDER BY l.created_at LIMIT 1`,
    );
    sql('UPDATE leads SET value_minor = 777_00 WHERE id = ?', open.id);
    await step(() => moveLead(t.core.ctx, open.id, 'Won', '2026-08-05T09:00:00.000Z'));
    await step(() => sql('UPDATE leads SET value_minor = 1_234_00 WHERE id = ?', open.id));
    await step(() => sql('UPDATE leads SET closed_at = ? WHERE id = ?', '2026-05-05T09:00:00.000Z', open.id));
    // Linking an order to that won deal makes the deal's own value leave revenue.
    const unlinked = one<{ id: string }>(
      `SELECT id FROM orders WHERE lead_id IS NULL AND contact_id IS NOT NULL AND status = 'paid'
         AND ordered_at >= '2026-08-01' LIMIT 1`,
    ).id;
    await step(() =>
      t.client.call('reconciliation.resolve', {
        recordKind: 'order',
        id: unlinked,
        action: 'link_lead',
        leadId: open.id,
      }),
    );
    await step(() => sql('UPDATE orders SET lead_id = NULL WHERE id = ?', unlinked));
    // The deal's contact is the contact of its orders that name none of their own.
    const other = one<{ id: string }>(
      `SELECT id FROM contacts WHERE deleted_at IS NULL AND id <> ? ORDER BY created_at LIMIT 1`,
      open.contactId,
    ).id;
    const linkedOnly = insertOrder(t.core.ctx, {
      orderedAt: '2026-09-03T10:00:00.000Z',
      totalMinor: 55_00,
      leadId: open.id,
      currency: currency().currency,
    });
    await step(() => sql('UPDATE leads SET contact_id = ? WHERE id = ?', other, open.id));
    await step(() => sql('DELETE FROM orders WHERE id = ?', linkedOnly));

    // Through the API: a deal moved to Won, and that move undone.
    const deal = one<{ id: string; stageId: string; boardRank: number }>(
      `SELECT l.id, l.stage_id AS stageId, l.board_rank AS boardRank FROM leads l
       JOIN pipeline_stages s ON s.id = l.stage_id
       WHERE s.outcome = 'open' AND l.contact_id IS NOT NULL AND l.deleted_at IS NULL AND l.value_minor > 0
         AND l.id <> ? AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.lead_id = l.id)
         AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.lead_id = l.id)
       ORDER BY l.created_at LIMIT 1`,
      open.id,
    );
    const won = stageId(t.core.ctx, 'Won');
    await step(() => t.client.call('leads.move', { id: deal.id, stageId: won }));
    await step(() =>
      t.client.call('leads.revertStage', {
        id: deal.id,
        expect: { stageId: won },
        to: { stageId: deal.stageId, boardRank: deal.boardRank, lostReason: null, closedAt: null },
        undo: true,
      }),
    );
    await step(() => t.client.call('leads.close', { id: deal.id, outcome: 'won' }));
    await step(() => t.client.call('leads.delete', { id: deal.id }));
    await step(() => t.client.call('leads.restore', { id: deal.id }));

    // Which stage counts as won decides which deals are conversions.
    // (The API refuses while deals are in the stage; the cache follows the table whoever writes it.)
    await step(() => sql(`UPDATE pipeline_stages SET outcome = 'open' WHERE id = ?`, won));
  });

  it('follows touches: manual ones, logged activities, new leads, campaign channels and content codes', async () => {
    const { contact, campaign } = buyer();
    let touch = '';
    await step(async () => {
      touch = (
        await t.client.call('touches.create', {
          contactId: contact,
          at: '2026-07-15',
          campaignId: campaign.id,
          note: 'Met at the market',
        })
      ).id;
    });
    await step(() => t.client.call('touches.delete', { id: touch }));
    // A meeting the contact attended is an event touch.
    await step(() =>
      t.client.call('activities.log', {
        contactId: contact,
        type: 'meeting',
        subject: 'Tasting',
        done: true,
        doneAt: '2026-07-25T10:00:00.000Z',
        outcome: 'attended the tasting',
      }),
    );
    // A new lead from a campaign is a lead-source touch for the contact's later orders.
    insertOrder(t.core.ctx, {
      orderedAt: '2026-10-15T18:00:00.000Z',
      totalMinor: 80_00,
      contactId: contact,
      currency: currency().currency,
    });
    await step(() =>
      t.client.call('leads.create', { title: 'Wholesale', contactId: contact, campaignId: campaign.id }),
    );
    // A campaign's channel is its touches' channel.
    const channel = campaign.channel === 'email' ? 'event' : 'email';
    await step(() => t.client.call('campaigns.update', { id: campaign.id, patch: { channel } }));
    // An order's content item follows the content item holding its utm_content.
    const item = one<{ id: string; utm: string }>(
      `SELECT ci.id, ci.utm_content AS utm FROM content_items ci
       WHERE ci.deleted_at IS NULL AND ci.utm_content IS NOT NULL
         AND EXISTS (SELECT 1 FROM orders o WHERE o.utm_content = ci.utm_content AND o.contact_id IS NOT NULL
                       AND o.ordered_at >= '2026-01-01')
       LIMIT 1`,
    );
    await step(() =>
      t.client.call('content.update', { id: item.id, patch: { utmContent: `${item.utm}-old` } }),
    );
    await step(() => t.client.call('content.update', { id: item.id, patch: { utmContent: item.utm } }));
    await step(() => t.client.call('content.delete', { id: item.id }));
    await step(() => t.client.call('content.restore', { id: item.id }));
  });

  it('follows contacts merged, trashed, restored and purged, campaigns trashed and the currency', async () => {
    const pair = t.core.ctx.sqlite
      .prepare(
        `SELECT contact_id AS id FROM orders WHERE contact_id IS NOT NULL AND status = 'paid'
           AND ordered_at >= '2026-07-01' AND ordered_at < '2026-10-01'
         GROUP BY contact_id ORDER BY min(ordered_at) LIMIT 2`,
      )
      .all() as { id: string }[];
    const [keep, merged] = [pair[0]!.id, pair[1]!.id];
    await step(() => t.client.call('contacts.merge', { keepId: keep, mergeId: merged }));
    await step(() => t.client.call('contacts.delete', { id: keep, dependents: 'keep' }));
    await step(() => t.client.call('trash.restore', { kind: 'contact', id: keep }));
    // A campaign of its own (the demo's carry imported metrics, which keep them out of the Trash).
    const campaign = await t.client.call('campaigns.create', {
      name: 'Market stall',
      channel: 'event',
      objective: 'sales',
    });
    await t.client.call('touches.create', {
      contactId: keep,
      at: '2026-09-01',
      campaignId: campaign.id,
      note: 'Stopped at the stall',
    });
    await step(() => t.client.call('campaigns.delete', { id: campaign.id }));
    await step(() => t.client.call('trash.restore', { kind: 'campaign', id: campaign.id }));
    await step(async () => {
      await t.client.call('contacts.delete', { id: keep, dependents: 'keep' });
      await t.client.call('trash.purge', { kind: 'contact', id: keep });
    });
    // Other currencies are kept out of every sum: a new workspace currency is another cache.
    const cur = currency().currency;
    await step(() => t.client.call('settings.update', { currency: cur === 'USD' ? 'EUR' : 'USD' }));
    await step(() => t.client.call('settings.update', { currency: cur }));
  });

  it('follows imports of orders and payments, their re-import and undo', async () => {
    let orders = '';
    let payments = '';
    await step(async () => {
      orders = (await importInto(t, sample('shopify-orders.csv'))).id;
    });
    await step(async () => {
      payments = (await importInto(t, sample('stripe-payments.csv'))).id;
    });
    await step(() => undoJob(t.core.ctx.sqlite, payments, t.core.ctx.nowIso));
    await step(() => undoJob(t.core.ctx.sqlite, orders, t.core.ctx.nowIso));
  });

  it('follows an import written by the import worker on its own connection, and its undo', async () => {
    const manager = importManager(t.core.ctx);
    let id = '';
    await step(async () => {
      id = (
        await t.client.call('imports.start', {
          path: sample('shopify-orders.csv'),
          options: { timeZone: MAINE },
        })
      ).id;
      expect(manager.mode).toBe('worker');
      await manager.idle();
    });
    await step(async () => {
      await t.client.call('imports.undo', { id });
      await manager.idle();
    });
  });

  it('never reads a month cached by an older Tandem, which had no content leads or month sums', () => {
    for (const o of MODELS) expectCachedEqualsCold(QUARTER, o);
    // What the cache held before: keys without the version, no month sums, no content leads.
    for (const table of ['attribution_keys', 'attribution_months', 'attribution_days'])
      sql(`UPDATE ${table} SET key = substr(key, 4)`);
    sql('DELETE FROM attribution_month_sums');
    sql(`DELETE FROM attribution_days WHERE kind = 'leads'`);
    const old = one<{ n: number }>('SELECT count(*) AS n FROM attribution_keys').n;
    expect(old).toBeGreaterThan(0);
    const d = expectCachedEqualsCold(QUARTER, MODELS[0]!);
    expect(d.content.some((c) => c.leads > 0 && c.revenueMinor > 0)).toBe(true);
    // The old keys went with their rows when the first key of this version was stored.
    expect(one<{ n: number }>(`SELECT count(*) AS n FROM attribution_keys WHERE key NOT LIKE 'v2:%'`).n).toBe(
      0,
    );
    expect(one<{ n: number }>(`SELECT count(*) AS n FROM attribution_days WHERE key NOT LIKE 'v2:%'`).n).toBe(
      0,
    );
  });

  it('attributes afresh when the database cannot be written, with the same numbers', () => {
    t.core.ctx.sqlite.pragma('query_only = ON');
    try {
      for (const o of MODELS) expectCachedEqualsCold(QUARTER, o);
    } finally {
      t.core.ctx.sqlite.pragma('query_only = OFF');
    }
    expect(cachedMonths()).toBe(0);
  });

  it('gives the model comparison the same ranks as a fresh attribution, before and after a write', () => {
    const compare = () => {
      const cached = compareModels(t.core.ctx, QUARTER.from, QUARTER.to, 90);
      expect(cached).toEqual(compareModels(t.core.ctx, QUARTER.from, QUARTER.to, 90, { cold: true }));
      return cached;
    };
    const before = compare();
    const { contact, campaign } = buyer();
    insertOrder(t.core.ctx, {
      orderedAt: '2026-08-20T10:00:00.000Z',
      totalMinor: 5_000_00,
      contactId: contact,
      campaignId: campaign.id,
      currency: currency().currency,
    });
    expect(compare()).not.toEqual(before);
  });
});
