import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dashboard } from '@shared/api/results';
import { createTestCore, testClock, type TestCore } from '../testing';
import { undoJob } from '../import/job/undo';
import { importInto, MAINE, sample } from '../import/testing';
import { importManager } from '../import/worker/manager';
import { insertLead, insertOrder, insertPayment, stageId } from './builders';
import { cacheStep } from './cache-support';
import { dashboard } from './dashboard';
import { forgetOtherRulesMonths, RESULT_RULES } from './result-days';
import { summary, summaryOf } from './summary';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore({ clock: testClock('2026-10-15T12:00:00Z') });
  await t.client.call('workspace.setup', { mode: 'demo' });
});
afterEach(() => t.dispose());

const QUARTER = { from: '2026-07-01', to: '2026-09-30' };
const PERIODS = [QUARTER, { from: '2026-08-10', to: '2026-09-23' }, { from: '2026-01-01', to: '2026-12-31' }];
const input = (period: { from: string; to: string }, lookbackDays = 90) => ({
  ...period,
  compare: 'previous' as const,
  model: 'position' as const,
  lookbackDays,
  lastNonDirect: false,
});

const sql = (text: string, ...params: unknown[]) => t.core.ctx.sqlite.prepare(text).run(...params);
const one = <T>(text: string, ...params: unknown[]) => t.core.ctx.sqlite.prepare(text).get(...params) as T;
const cachedMonths = () => one<{ n: number }>('SELECT count(*) AS n FROM result_months').n;

/** What the result_days cache and the content leads decide in a dashboard. */
const cachedFigures = (d: Dashboard) => ({
  reconciliation: d.reconciliation,
  goals: d.goals,
  contentLeads: d.content.map((c) => [c.contentId, c.leads]),
  visits: d.visitsVsSales.daily.map((day) => [day.date, day.visits, day.sales]),
  previous: d.tiles.map((tile) => [tile.id, tile.previous]),
});

/** Every period read through the caches equals the one counted from the records, in every number and row. */
function checkAll(): unknown[] {
  const out: unknown[] = [];
  for (const period of PERIODS)
    for (const lookbackDays of [30, 90]) {
      const cached = dashboard(t.core.ctx, input(period, lookbackDays));
      expect(cached).toEqual(dashboard(t.core.ctx, input(period, lookbackDays), { cold: true }));
      out.push(cachedFigures(cached));
    }
  return out;
}

/** One kind of write: afterwards every cached dashboard equals a fresh one, and some figure moved. */
const step = cacheStep(checkAll, () => cachedMonths());

/** A lead of the quarter whose contact touched a content item within the lookback before it was created. */
function contentContact(): { contact: string; at: string } {
  return one<{ contact: string; at: string }>(
    `SELECT contact_id AS contact, at FROM touches WHERE content_item_id IS NOT NULL
       AND at >= '2026-07-01' AND at < '2026-09-20' ORDER BY at LIMIT 1`,
  );
}

describe('the result_days cache', { timeout: 180_000 }, () => {
  it('gives the same dashboard and summary as a fresh count, and reads every figure it needs', async () => {
    const [quarter] = checkAll() as ReturnType<typeof cachedFigures>[];
    // The demo has every kind of figure the cache holds, so each comparison above compared something.
    expect(quarter!.goals?.goals.length).toBeGreaterThan(0);
    expect(quarter!.contentLeads.some(([, leads]) => (leads as number) > 0)).toBe(true);
    expect(quarter!.visits.some(([, visits]) => visits !== null)).toBe(true);
    expect(Object.values(quarter!.reconciliation).some((n) => n > 0)).toBe(true);
    expect(cachedMonths()).toBeGreaterThan(0);
    const period = { ...QUARTER, model: 'position' as const, lookbackDays: 90 };
    expect(summary(t.core.ctx, period)).toEqual(
      summaryOf(dashboard(t.core.ctx, input(QUARTER), { cold: true })),
    );
    const dispatched = await t.client.call('results.summary', period);
    expect(dispatched).toEqual(summaryOf(dashboard(t.core.ctx, input(QUARTER), { cold: true })));
  });

  it('follows reconciliation: marks, links to a lead or a campaign, a lead changing campaign', async () => {
    const order = insertOrder(t.core.ctx, { orderedAt: '2026-08-14T10:00:00.000Z', totalMinor: 42_00 });
    const payment = insertPayment(t.core.ctx, { paidAt: '2026-09-02T10:00:00.000Z', amountMinor: 19_00 });
    await step(() =>
      t.client.call('reconciliation.resolve', { recordKind: 'order', id: order, action: 'not_applicable' }),
    );
    await step(() => sql('DELETE FROM reconciliation_marks WHERE record_id = ?', order));
    await step(() =>
      t.client.call('reconciliation.resolve', {
        recordKind: 'payment',
        id: payment,
        action: 'not_applicable',
      }),
    );
    await step(() =>
      sql(`UPDATE reconciliation_marks SET record_id = ? WHERE record_id = ?`, order, payment),
    );
    sql('DELETE FROM reconciliation_marks');
    // A lead without a campaign: linking the order to it gives the order a contact but still no campaign,
    // until the lead gets one.
    const contact = one<{ id: string }>('SELECT id FROM contacts WHERE deleted_at IS NULL LIMIT 1').id;
    const lead = insertLead(t.core.ctx, { createdAt: '2026-08-01T09:00:00.000Z', contactId: contact });
    await step(() =>
      t.client.call('reconciliation.resolve', {
        recordKind: 'order',
        id: order,
        action: 'link_lead',
        leadId: lead,
      }),
    );
    const campaign = one<{ id: string }>('SELECT id FROM campaigns WHERE deleted_at IS NULL LIMIT 1').id;
    await step(() => t.client.call('leads.update', { id: lead, patch: { campaignId: campaign } }));
    await step(() => t.client.call('leads.update', { id: lead, patch: { campaignId: null } }));
    await step(() =>
      t.client.call('reconciliation.resolve', {
        recordKind: 'payment',
        id: payment,
        action: 'link_campaign',
        campaignId: campaign,
      }),
    );
    // A won deal with no order or payment behind it, marked, then given one.
    const won = stageId(t.core.ctx, 'Won');
    const deal = insertLead(t.core.ctx, {
      createdAt: '2026-07-03T09:00:00.000Z',
      stage: 'Won',
      closedAt: '2026-09-10T09:00:00.000Z',
      valueMinor: 640_00,
    });
    expect(one<{ s: string }>('SELECT stage_id AS s FROM leads WHERE id = ?', deal).s).toBe(won);
    await step(() =>
      t.client.call('reconciliation.resolve', { recordKind: 'lead', id: deal, action: 'not_applicable' }),
    );
    await step(() => sql('DELETE FROM reconciliation_marks WHERE record_id = ?', deal));
    await step(() => sql('UPDATE orders SET lead_id = ? WHERE id = ?', deal, order));
    await step(() => sql('UPDATE orders SET deleted_at = ? WHERE id = ?', '2026-10-01T00:00:00.000Z', order));
    await step(() => sql('UPDATE orders SET deleted_at = NULL WHERE id = ?', order));
    await step(() => {
      sql('DELETE FROM order_lines WHERE order_id = ?', order);
      sql('DELETE FROM orders WHERE id = ?', order);
    });
    await step(() => sql('DELETE FROM payments WHERE id = ?', payment));
    // Which stage counts as won decides which deals are in the list at all.
    await step(() => sql(`UPDATE pipeline_stages SET outcome = 'open' WHERE id = ?`, won));
  });

  it('follows leads created, moved, given another contact, trashed, restored and purged', async () => {
    const { contact, at } = contentContact();
    const created = new Date(Date.parse(at) + 86_400_000).toISOString();
    let lead = '';
    await step(() => {
      lead = insertLead(t.core.ctx, { createdAt: created, contactId: contact });
    });
    await step(() => sql('UPDATE leads SET created_at = ? WHERE id = ?', '2026-03-02T09:00:00.000Z', lead));
    await step(() => sql('UPDATE leads SET created_at = ? WHERE id = ?', created, lead));
    // A contact of their own has no touches, so the lead leaves the content rows.
    await t.client.call('contacts.create', { firstName: 'Ada', lastName: 'Quill' });
    const other = one<{ id: string }>(
      `SELECT id FROM contacts WHERE first_name = 'Ada' AND last_name = 'Quill'`,
    );
    await step(() => t.client.call('leads.update', { id: lead, patch: { contactId: other.id } }));
    await step(() => t.client.call('leads.update', { id: lead, patch: { contactId: contact } }));
    await step(() => t.client.call('leads.delete', { id: lead }));
    await step(() => t.client.call('leads.restore', { id: lead }));
    await step(async () => {
      await t.client.call('leads.delete', { id: lead });
      await t.client.call('trash.purge', { kind: 'lead', id: lead });
    });
    await step(() => t.client.call('leads.create', { title: 'Café chain', contactId: contact }));
  });

  it('follows visits: imported, changed, deleted, undone, and written by the import worker', async () => {
    const site = `metric = 'visits' AND scope = 'site'`;
    await step(() =>
      sql(`UPDATE metric_observations SET value = value + 1 WHERE ${site} AND date >= '2026-09-01'`),
    );
    // Without site rows, the day's visits are the sum of its channel rows, which the sample imports.
    await step(() => sql(`DELETE FROM metric_observations WHERE ${site}`));
    let job = '';
    await step(async () => {
      job = (await importInto(t, sample('ga4-traffic-daily.csv'))).id;
    });
    const row = one<{ id: string }>(
      `SELECT id FROM metric_observations WHERE metric = 'visits' AND import_job_id = ? ORDER BY date DESC LIMIT 1`,
      job,
    ).id;
    await step(() => sql('UPDATE metric_observations SET value = value + 5000 WHERE id = ?', row));
    await step(() => sql(`UPDATE metric_observations SET metric = 'sessions_other' WHERE id = ?`, row));
    await step(() => sql(`UPDATE metric_observations SET metric = 'visits' WHERE id = ?`, row));
    await step(() => sql('DELETE FROM metric_observations WHERE id = ?', row));
    await step(() => undoJob(t.core.ctx.sqlite, job, t.core.ctx.nowIso));
    const manager = importManager(t.core.ctx);
    await step(async () => {
      job = (
        await t.client.call('imports.start', {
          path: sample('ga4-traffic-daily.csv'),
          options: { timeZone: MAINE },
        })
      ).id;
      expect(manager.mode).toBe('worker');
      await manager.idle();
    });
    await step(async () => {
      await t.client.call('imports.undo', { id: job });
      await manager.idle();
    });
  });

  it('drops at open the months that other rules computed, and computes them again by its own', () => {
    checkAll();
    const months = cachedMonths();
    expect(months).toBeGreaterThan(0);
    // As a Tandem with other rules would have left it: wrong counts, stamped with its rules.
    sql(
      "UPDATE result_days SET count = count + 7 WHERE kind IN ('won_leads', 'visits', 'ordersWithoutContact')",
    );
    sql("UPDATE result_months SET rules = 'older rules'");
    sql("INSERT INTO result_days (kind, day, count, minor) VALUES ('retired kind', '2026-07-01', 3, 0)");
    expect(dashboard(t.core.ctx, input(QUARTER))).not.toEqual(
      dashboard(t.core.ctx, input(QUARTER), { cold: true }),
    );
    forgetOtherRulesMonths(t.core.ctx);
    expect(cachedMonths()).toBe(0);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM result_days WHERE kind = 'retired kind'").n).toBe(0);
    checkAll();
    expect(
      one<{ n: number }>('SELECT count(*) AS n FROM result_months WHERE rules = ?', RESULT_RULES).n,
    ).toBe(months);
  });

  it('counts afresh when the database cannot be written, with the same numbers', () => {
    t.core.ctx.sqlite.pragma('query_only = ON');
    try {
      checkAll();
    } finally {
      t.core.ctx.sqlite.pragma('query_only = OFF');
    }
    expect(cachedMonths()).toBe(0);
  });
});
