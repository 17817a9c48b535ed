import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, testClock, type TestCore } from '../testing';
import {
  ORDER_AMOUNTS,
  ORDER_CONVERSIONS,
  PAYMENT_AMOUNTS,
  PAYMENT_CONVERSIONS,
  ORDER_REVENUE_BY_DAY,
  PAYMENT_REVENUE_BY_DAY,
  REVENUE_DAYS,
  WON_LEAD_AMOUNTS,
  WON_LEAD_CONVERSIONS,
  WON_LEAD_REVENUE_BY_DAY,
} from './conversions';
import { HAS_VISITS, LEADS_CLOSED, REACH, SPEND, VISITS } from './period';
import {
  ALL_STAGES,
  LEAD_CONTRIBUTION_DAYS,
  LEAD_MONTHS,
  LEADS_BY_DAY,
  OPEN_PIPELINE,
  OPEN_PIPELINE_MONTHS_BEFORE,
  PIPELINE_DAYS,
} from './lead-rollups';
import { RECONCILIATION_DAYS_SQL, RECONCILIATION_SQL } from './reconcile';
import { CACHED_DAYS, CACHED_MONTH_SUMS, CACHED_MONTHS } from './attribution-cache';
import { CONTENT_HEADS } from './dashboard';
import { CACHED_RESULT_MONTHS, RESULT_DAYS, RESULT_TOTALS, REVENUE_DAYS_TOTAL } from './result-days';
import { CONTENT_TOUCHES, PERIOD_CONTACT_LEADS } from './content';
import { GOAL_LEADS, GOAL_SPEND } from './goals';
import { TOUCH_LOG_BY_CAMPAIGN, TOUCH_LOG_BY_ID, TOUCHES_BY_TIME } from './touches';
import { DAILY_ORDERS, DAILY_PAYMENTS, DAILY_SALES } from './visits-sales';

let t: TestCore;
beforeAll(async () => {
  t = await createTestCore({ clock: testClock('2026-10-15T12:00:00Z') });
  await t.client.call('workspace.setup', { mode: 'demo' });
});
afterAll(() => t.dispose());

const STATEMENTS: Record<string, string> = {
  ORDER_CONVERSIONS,
  PAYMENT_CONVERSIONS,
  ORDER_AMOUNTS,
  PAYMENT_AMOUNTS,
  WON_LEAD_CONVERSIONS,
  WON_LEAD_AMOUNTS,
  ORDER_REVENUE_BY_DAY,
  PAYMENT_REVENUE_BY_DAY,
  WON_LEAD_REVENUE_BY_DAY,
  REVENUE_DAYS,
  LEADS_CLOSED: LEADS_CLOSED.sql,
  SPEND: SPEND.sql,
  REACH: REACH.sql,
  VISITS: VISITS.sql,
  HAS_VISITS: HAS_VISITS.sql,
  GOAL_SPEND,
  GOAL_LEADS,
  LEAD_MONTHS: LEAD_MONTHS.sql,
  LEAD_CONTRIBUTION_DAYS: LEAD_CONTRIBUTION_DAYS.sql,
  LEADS_BY_DAY: LEADS_BY_DAY.sql,
  ALL_STAGES: ALL_STAGES.sql,
  OPEN_PIPELINE: OPEN_PIPELINE.sql,
  OPEN_PIPELINE_MONTHS_BEFORE: OPEN_PIPELINE_MONTHS_BEFORE.sql,
  PIPELINE_DAYS: PIPELINE_DAYS.sql,
  DAILY_ORDERS,
  DAILY_PAYMENTS,
  DAILY_SALES,
  TOUCHES_BY_TIME,
  CONTENT_TOUCHES,
  PERIOD_CONTACT_LEADS,
  TOUCH_LOG_BY_ID,
  TOUCH_LOG_BY_CAMPAIGN,
  CACHED_MONTHS,
  CACHED_DAYS,
  CACHED_MONTH_SUMS,
  CONTENT_HEADS,
  CACHED_RESULT_MONTHS,
  RESULT_DAYS,
  RESULT_TOTALS,
  REVENUE_DAYS_TOTAL,
  ...RECONCILIATION_SQL,
  ...Object.fromEntries(Object.entries(RECONCILIATION_DAYS_SQL).map(([k, v]) => [`${k} by day`, v])),
};

/**
 * Tables too small to matter: pipeline stages, manual touches, and `touch_log`, the rows the view hands back
 * (each of its branches is checked as a table of its own), and `json_each`, the list of ids or kinds a
 * statement is bound to.
 */
const SMALL = new Set(['s', 'm', 'touch_log', 'pipeline_stages', 'json_each']);
/**
 * Scans allowed in one statement: contacts and activities (whose touch names the lead's campaign only when
 * its channel fits) are scanned only when a campaign's channel changes (TOUCH_LOG_BY_CAMPAIGN), which is rare
 * and not on the dashboard's path; the campaigns (tens of rows) drive the reach read, each reading its own
 * range of metric rows.
 */
const ALSO_SCANNED: Record<string, string[]> = { TOUCH_LOG_BY_CAMPAIGN: ['ct', 'a'], REACH: ['c'] };

/** The dashboard's big reads: their driving table is answered from an index alone, no row lookups. */
const COVERED = [
  'ORDER_AMOUNTS',
  'PAYMENT_AMOUNTS',
  'ORDER_REVENUE_BY_DAY',
  'PAYMENT_REVENUE_BY_DAY',
  'LEAD_CONTRIBUTION_DAYS',
  'LEADS_CLOSED',
  'WON_LEAD_AMOUNTS',
  'WON_LEAD_REVENUE_BY_DAY',
  'wonWithoutPayment',
  'TOUCHES_BY_TIME',
  'CONTENT_TOUCHES',
  'PERIOD_CONTACT_LEADS',
  'GOAL_LEADS',
  'ordersWithoutContact',
  'paymentsWithoutContact',
  'CACHED_MONTHS',
  'CACHED_DAYS',
  'CACHED_MONTH_SUMS',
  'CACHED_RESULT_MONTHS',
  'wonWithoutPayment by day',
  'ordersWithoutContact by day',
  'paymentsWithoutContact by day',
];

describe('query plans of the dashboard', () => {
  it.each(Object.entries(STATEMENTS))('%s reads the big tables through an index', (_name, sql) => {
    const params = (sql.match(/\?/g) ?? []).map(() => '2026-07-01');
    const plan = t.core.connection.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as {
      detail: string;
    }[];
    if (COVERED.includes(_name))
      expect(plan.find((p) => /^SEARCH /.test(p.detail))?.detail).toMatch(/USING COVERING INDEX/);
    const allowed = new Set([...SMALL, ...(ALSO_SCANNED[_name] ?? [])]);
    const scans = plan.map((p) => p.detail).filter((d) => /^SCAN /.test(d) && !allowed.has(d.split(' ')[1]!));
    expect(scans).toEqual([]);
    // Every big table the statement names is searched by an index.
    for (const table of [
      'leads',
      'orders',
      'payments',
      'metric_observations',
      'spend_entries',
      'touches',
      'attribution_days',
      'attribution_month_sums',
      'result_days',
      'revenue_days',
      'content_items',
      'lead_contributions',
      'lead_months',
      'lead_days',
      'lead_stage_months',
    ]) {
      if (!new RegExp(`\\b${table}\\b`).test(sql)) continue;
      expect(plan.some((p) => /^SEARCH /.test(p.detail) && /USING (COVERING )?INDEX/.test(p.detail))).toBe(
        true,
      );
    }
  });
});
