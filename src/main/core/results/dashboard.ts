import type { z } from 'zod';
import type { ContentRow, Dashboard, DashboardInput } from '@shared/api/results';
import { modelDescription } from '@shared/domain/attribution';
import { comparePeriods } from '@shared/domain/comparison';
import { isoDay } from '@shared/domain/dates';
import { ratio } from '@shared/domain/kpi';
import { fail } from '@shared/contract/result';
import type { Ctx } from '../context';
import { getSettings } from '../settings/service';
import { revenueTotals, totalsOnly, type AttributedRevenue, type ModelOptions } from './attribution-data';
import { cachedAttribution, freshAttribution, type CachedAttribution } from './attribution-cache';
import { planGoals } from './goals';
import { periodFacts, windowOf, type PeriodFacts } from './period';
import { reconciliationCounts } from './reconcile';
import { cachedReconciliationCounts, cachedRevenueByDay } from './result-days';
import { campaignRows, channelRows, headline, tiles, type CampaignHead } from './rows';
import { buildSeries } from './series';
import { visitsVsSalesPanel } from './visits-sales';

type Input = z.output<typeof DashboardInput>;

interface PeriodResults<R extends AttributedRevenue = AttributedRevenue> {
  facts: PeriodFacts;
  revenue: R;
  visits: number | null;
}

function periodResults<R extends AttributedRevenue>(
  ctx: Ctx,
  window: ReturnType<typeof windowOf>,
  revenue: R,
): PeriodResults<R> {
  const facts = periodFacts(ctx, window);
  let visits: number | null = null;
  for (const v of facts.visitsByDay.values()) visits = (visits ?? 0) + v;
  return { facts, revenue, visits };
}

export function campaignHeads(ctx: Ctx): CampaignHead[] {
  return ctx.sqlite
    .prepare(
      `SELECT id, name, channel, start_date AS startDate, end_date AS endDate
       FROM campaigns WHERE deleted_at IS NULL ORDER BY name`,
    )
    .all() as CampaignHead[];
}

export function checkRange(from: string, to: string): void {
  if (to < from)
    fail('validation', `The period ends (${to}) before it starts (${from}).`, [
      { field: 'to', message: 'ends before the start' },
    ]);
}

/** The content items of some ids with their campaigns, in one statement. */
export const CONTENT_HEADS = `
  SELECT ci.id, ci.title, ci.campaign_id AS campaignId, c.name AS campaignName
  FROM content_items ci LEFT JOIN campaigns c ON c.id = ci.campaign_id
  WHERE ci.id IN (SELECT value FROM json_each(?))`;

export function contentRows(ctx: Ctx, revenue: CachedAttribution): ContentRow[] {
  const ids = new Set([...revenue.byContent.keys(), ...revenue.contentLeads.keys()]);
  if (ids.size === 0) return [];
  const items = ctx.sqlite.prepare(CONTENT_HEADS).all(JSON.stringify([...ids])) as {
    id: string;
    title: string;
    campaignId: string | null;
    campaignName: string | null;
  }[];
  const rows: ContentRow[] = items.map((item) => ({
    contentId: item.id,
    title: item.title,
    campaignId: item.campaignId,
    campaignName: item.campaignName,
    leads: revenue.contentLeads.get(item.id) ?? 0,
    revenueMinor: revenue.byContent.get(item.id) ?? 0,
  }));
  return rows.sort(
    (a, b) =>
      b.revenueMinor - a.revenueMinor ||
      b.leads - a.leads ||
      a.title.localeCompare(b.title) ||
      (a.contentId < b.contentId ? -1 : a.contentId > b.contentId ? 1 : 0),
  );
}

/** Both periods of a dashboard call: the current one attributed under the model, the previous in totals. */
function periodsOf(ctx: Ctx, input: Input, cold: boolean) {
  checkRange(input.from, input.to);
  const settings = getSettings(ctx);
  const today = isoDay(ctx.clock.now());
  const cmp = comparePeriods({ startDate: input.from, endDate: input.to }, input.compare, today);
  const options: ModelOptions = {
    model: input.model,
    lookbackDays: input.lookbackDays,
    lastNonDirect: input.lastNonDirect,
  };
  const window = windowOf(cmp.current.startDate, cmp.current.endDate);
  const previous = windowOf(cmp.previous.startDate, cmp.previous.endDate);
  const cur = periodResults(
    ctx,
    window,
    (cold ? freshAttribution : cachedAttribution)(ctx, window, settings.currency, options),
  );
  // The comparison period shows totals only, so it is not attributed.
  const prev = periodResults(
    ctx,
    previous,
    cold
      ? revenueTotals(ctx, previous, settings.currency)
      : totalsOnly(cachedRevenueByDay(ctx, previous, settings.currency)),
  );
  const heads = campaignHeads(ctx);
  const curHead = headline(cur.facts, cur.revenue, cur.visits);
  const range = { from: input.from, to: input.to };
  return {
    settings,
    today,
    cmp,
    window,
    cur,
    prev,
    heads,
    curHead,
    range,
    numbers: {
      range,
      previousRange: { from: cmp.previous.startDate, to: cmp.previous.endDate },
      currency: settings.currency,
      model: input.model,
      lookbackDays: input.lookbackDays,
      tiles: tiles(curHead, headline(prev.facts, prev.revenue, prev.visits)),
      campaigns: campaignRows(heads, cur.facts, cur.revenue, range),
      unattributed: {
        revenueMinor: cur.revenue.unattributed.minor,
        leads: cur.facts.unattributedLeads,
        conversions: cur.revenue.unattributed.count,
      },
      visitsVsSales: visitsVsSalesPanel(ctx, cmp.current.endDate, settings.currency, heads, cold),
    },
  };
}

/** What `results.summary` prints: the dashboard's own tiles, campaign rows and panels, nothing else. */
export type DashboardNumbers = ReturnType<typeof periodsOf>['numbers'];

/** The numbers of `dashboard(ctx, input)` that the summary reads, without the rows and series it does not. */
export function dashboardNumbers(ctx: Ctx, input: Input): DashboardNumbers {
  return periodsOf(ctx, input, false).numbers;
}

/**
 * Every number and series of the Results screen. `cold` counts everything from the records instead of
 * reading the attribution cache and result_days (the reference the caches are tested against); the lead
 * rollups, which triggers keep equal to the records, are read either way.
 */
export function dashboard(ctx: Ctx, input: Input, { cold = false } = {}): Dashboard {
  const { settings, today, cmp, window, cur, curHead, range, numbers } = periodsOf(ctx, input, cold);
  const steps = [
    { id: 'visits' as const, label: 'Visits', value: cur.visits },
    { id: 'leads' as const, label: 'Leads', value: curHead.leads },
    { id: 'qualified' as const, label: 'Qualified', value: curHead.qualifiedLeads },
    { id: 'won' as const, label: 'Won', value: curHead.won },
  ].map((step, i, all) => {
    const before = i > 0 ? all[i - 1]!.value : null;
    return {
      ...step,
      rateFromPrevious: before === null || step.value === null ? null : ratio(step.value, before),
    };
  });
  let largestDropIndex: number | null = null;
  steps.forEach((s, i) => {
    if (s.rateFromPrevious === null) return;
    if (largestDropIndex === null || s.rateFromPrevious < steps[largestDropIndex]!.rateFromPrevious!)
      largestDropIndex = i;
  });

  const ordersInPeriod = cur.revenue.conversions - countWonLeads(cur) > 0;
  return {
    range,
    previousRange: numbers.previousRange,
    running: cmp.running,
    elapsedDays: cmp.elapsedDays,
    currency: settings.currency,
    locale: settings.locale,
    model: input.model,
    lookbackDays: input.lookbackDays,
    modelLabel: modelDescription(input.model, input.lookbackDays, input.lastNonDirect),
    tiles: numbers.tiles,
    funnel: { steps, largestDropIndex },
    series: buildSeries(range, today, settings.weekStart, cur.facts, cur.revenue),
    channels: channelRows(cur.facts, cur.revenue),
    campaigns: numbers.campaigns,
    content: contentRows(ctx, cur.revenue),
    unattributed: numbers.unattributed,
    noCampaign: { revenueMinor: cur.revenue.noCampaignMinor, leads: cur.facts.noCampaignLeads },
    lostReasons: [...cur.facts.lostReasons]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    goals: planGoals(ctx, input.from, input.to, today, settings.currency, cold),
    visitsVsSales: numbers.visitsVsSales,
    reconciliation: (cold ? reconciliationCounts : cachedReconciliationCounts)(ctx, window),
    otherCurrencyRecords: cur.revenue.otherCurrencyRecords,
    emptyHints: { metrics: !cur.facts.hasMetrics, orders: !ordersInPeriod, visits: cur.visits === null },
  };
}

function countWonLeads(r: PeriodResults): number {
  let n = 0;
  for (const d of r.revenue.byDay.values()) n += d.sales;
  return r.revenue.conversions - n;
}
