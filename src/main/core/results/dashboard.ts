import type { z } from 'zod';
import type { ContentRow, Dashboard, DashboardInput } from '@shared/api/results';
import { modelDescription } from '@shared/domain/attribution';
import { comparePeriods } from '@shared/domain/comparison';
import { isoDay } from '@shared/domain/dates';
import { ratio } from '@shared/domain/kpi';
import { fail } from '@shared/contract/result';
import type { Ctx } from '../context';
import { getSettings } from '../settings/service';
import {
  attributeRevenue,
  revenueTotals,
  type AttributedRevenue,
  type ModelOptions,
} from './attribution-data';
import { cachedAttribution } from './attribution-cache';
import { planGoals } from './goals';
import { periodFacts, windowOf, type PeriodFacts } from './period';
import { reconciliationCounts } from './reconcile';
import { campaignRows, channelRows, headline, tiles, type CampaignHead } from './rows';
import { leadCounts, leadsByContent } from './content';
import { buildSeries } from './series';
import { visitsVsSalesPanel } from './visits-sales';

type Input = z.output<typeof DashboardInput>;

interface PeriodResults {
  facts: PeriodFacts;
  revenue: AttributedRevenue;
  visits: number | null;
}

/** Every number of one period, under one model. */
function periodResults(
  ctx: Ctx,
  from: string,
  to: string,
  currency: string,
  options: ModelOptions | null,
  cold: boolean,
): PeriodResults {
  const window = windowOf(from, to);
  const facts = periodFacts(ctx, window);
  // The comparison period shows totals only, so it is not attributed (options null).
  const revenue = !options
    ? revenueTotals(ctx, window, currency)
    : cold
      ? attributeRevenue(ctx, window, currency, options)
      : cachedAttribution(ctx, window, currency, options);
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

function contentRows(
  ctx: Ctx,
  revenue: AttributedRevenue,
  leadsByContent: Map<string, number>,
): ContentRow[] {
  const ids = new Set([...revenue.byContent.keys(), ...leadsByContent.keys()]);
  if (ids.size === 0) return [];
  const stmt = ctx.sqlite.prepare(
    `SELECT ci.id, ci.title, ci.campaign_id AS campaignId, c.name AS campaignName
     FROM content_items ci LEFT JOIN campaigns c ON c.id = ci.campaign_id WHERE ci.id = ?`,
  );
  const rows: ContentRow[] = [];
  for (const id of ids) {
    const item = stmt.get(id) as
      { id: string; title: string; campaignId: string | null; campaignName: string | null } | undefined;
    if (!item) continue;
    rows.push({
      contentId: item.id,
      title: item.title,
      campaignId: item.campaignId,
      campaignName: item.campaignName,
      leads: leadsByContent.get(id) ?? 0,
      revenueMinor: revenue.byContent.get(id) ?? 0,
    });
  }
  return rows.sort(
    (a, b) =>
      b.revenueMinor - a.revenueMinor ||
      b.leads - a.leads ||
      a.title.localeCompare(b.title) ||
      (a.contentId < b.contentId ? -1 : a.contentId > b.contentId ? 1 : 0),
  );
}

/**
 * Every number and series of the Results screen. `cold` attributes the period afresh instead of reading the
 * attribution cache (the reference the cache is tested against).
 */
export function dashboard(ctx: Ctx, input: Input, { cold = false } = {}): Dashboard {
  checkRange(input.from, input.to);
  const settings = getSettings(ctx);
  const today = isoDay(ctx.clock.now());
  const cmp = comparePeriods({ startDate: input.from, endDate: input.to }, input.compare, today);
  const options: ModelOptions = {
    model: input.model,
    lookbackDays: input.lookbackDays,
    lastNonDirect: input.lastNonDirect,
  };
  const cur = periodResults(
    ctx,
    cmp.current.startDate,
    cmp.current.endDate,
    settings.currency,
    options,
    cold,
  );
  const prev = periodResults(
    ctx,
    cmp.previous.startDate,
    cmp.previous.endDate,
    settings.currency,
    null,
    cold,
  );
  const range = { from: input.from, to: input.to };
  const window = windowOf(cmp.current.startDate, cmp.current.endDate);
  const heads = campaignHeads(ctx);

  const curHead = headline(cur.facts, cur.revenue, cur.visits);
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

  const tileList = tiles(curHead, headline(prev.facts, prev.revenue, prev.visits));
  const ordersInPeriod = cur.revenue.conversions - countWonLeads(cur) > 0;
  return {
    range,
    previousRange: { from: cmp.previous.startDate, to: cmp.previous.endDate },
    running: cmp.running,
    elapsedDays: cmp.elapsedDays,
    currency: settings.currency,
    locale: settings.locale,
    model: input.model,
    lookbackDays: input.lookbackDays,
    modelLabel: modelDescription(input.model, input.lookbackDays, input.lastNonDirect),
    tiles: tileList,
    funnel: { steps, largestDropIndex },
    series: buildSeries(range, today, settings.weekStart, cur.facts, cur.revenue),
    channels: channelRows(cur.facts, cur.revenue),
    campaigns: campaignRows(heads, cur.facts, cur.revenue, range),
    content: contentRows(
      ctx,
      cur.revenue,
      leadCounts(leadsByContent(ctx, window.fromIso, window.untilIso, input.lookbackDays)),
    ),
    unattributed: {
      revenueMinor: cur.revenue.unattributed.minor,
      leads: cur.facts.unattributedLeads,
      conversions: cur.revenue.unattributed.count,
    },
    noCampaign: { revenueMinor: cur.revenue.noCampaignMinor, leads: cur.facts.noCampaignLeads },
    lostReasons: [...cur.facts.lostReasons]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    goals: planGoals(ctx, input.from, input.to, today, settings.currency),
    visitsVsSales: visitsVsSalesPanel(ctx, cmp.current.endDate, settings.currency, heads),
    reconciliation: reconciliationCounts(ctx, window),
    otherCurrencyRecords: cur.revenue.otherCurrencyRecords,
    emptyHints: { metrics: !cur.facts.hasMetrics, orders: !ordersInPeriod, visits: cur.visits === null },
  };
}

function countWonLeads(r: PeriodResults): number {
  let n = 0;
  for (const d of r.revenue.byDay.values()) n += d.sales;
  return r.revenue.conversions - n;
}
