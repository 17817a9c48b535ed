import { comparePeriods } from '../src/shared/domain/comparison';
import type { Ctx } from '../src/main/core/context';
import { cachedAttribution } from '../src/main/core/results/attribution-cache';
import { attributeRevenue, totalsOnly } from '../src/main/core/results/attribution-data';
import { revenueConversions } from '../src/main/core/results/conversions';
import { campaignHeads, contentRows } from '../src/main/core/results/dashboard';
import { planGoals } from '../src/main/core/results/goals';
import { createdLeads, openPipeline, stagesById } from '../src/main/core/results/lead-rollups';
import { qualifiedPosition } from '../src/main/core/results/leads';
import {
  LEADS_CLOSED,
  periodFacts,
  REACH,
  SPEND,
  visitsByDay,
  windowOf,
} from '../src/main/core/results/period';
import { cachedReconciliationCounts, cachedRevenueByDay } from '../src/main/core/results/result-days';
import { touchesByContact } from '../src/main/core/results/touches';
import { visitsVsSalesPanel } from '../src/main/core/results/visits-sales';
import { getSettings } from '../src/main/core/settings/service';
import { timeParts } from './figure';

const DAY_MS = 86_400_000;

/**
 * Where one `results.dashboard` call of a quarter spends its time: each part the dashboard is built from,
 * timed on its own (median of `runs` after one warm-up), in the order the dashboard calls them.
 */
export function dashboardBreakdown(
  ctx: Ctx,
  quarter: { from: string; to: string },
  today: string,
  runs: number,
): { part: string; ms: number }[] {
  const settings = getSettings(ctx);
  const cmp = comparePeriods({ startDate: quarter.from, endDate: quarter.to }, 'previous', today);
  const cur = windowOf(cmp.current.startDate, cmp.current.endDate);
  const prev = windowOf(cmp.previous.startDate, cmp.previous.endDate);
  const options = { model: 'position', lookbackDays: 90, lastNonDirect: false } as const;
  const contactsOf = () => {
    const set = new Set<string>();
    for (const c of revenueConversions(ctx, cur, settings.currency, false).conversions)
      if (c.contactId) set.add(c.contactId);
    return set;
  };
  const contacts = contactsOf();
  const attribution = cachedAttribution(ctx, cur, settings.currency, options);
  const touchesFrom = new Date(Date.parse(cur.fromIso) - options.lookbackDays * DAY_MS).toISOString();
  const parts: [string, () => unknown][] = [
    ['current: spend', () => SPEND.all(ctx.sqlite, cur.fromDay, cur.toDay)],
    ['current: reach', () => REACH.all(ctx.sqlite, cur.fromDay, cur.toDay, cur.fromDay, cur.toDay)],
    ['current: leads created', () => createdLeads(ctx, cur, stagesById(ctx), qualifiedPosition(ctx))],
    ['current: leads closed', () => LEADS_CLOSED.all(ctx.sqlite, cur.fromIso, cur.untilIso)],
    ['current: visits', () => visitsByDay(ctx, cur.fromDay, cur.toDay)],
    ['current: period facts (all)', () => periodFacts(ctx, cur)],
    ['current: conversions', () => revenueConversions(ctx, cur, settings.currency, false)],
    ['current: touches', () => touchesByContact(ctx, contacts, touchesFrom, cur.untilIso)],
    ['current: attribution (all)', () => attributeRevenue(ctx, cur, settings.currency, options)],
    // With the content items' leads, which the cache keeps too.
    ['current: attribution from the cache', () => cachedAttribution(ctx, cur, settings.currency, options)],
    ['previous: leads created', () => createdLeads(ctx, prev, stagesById(ctx), qualifiedPosition(ctx))],
    ['previous: pipeline', () => openPipeline(ctx, stagesById(ctx), prev.untilIso.slice(0, 10))],
    ['previous: period facts (all)', () => periodFacts(ctx, prev)],
    ['previous: revenue totals', () => totalsOnly(cachedRevenueByDay(ctx, prev, settings.currency))],
    ['campaign heads', () => campaignHeads(ctx)],
    ['content rows', () => contentRows(ctx, attribution)],
    ['plan goals', () => planGoals(ctx, quarter.from, quarter.to, today, settings.currency)],
    [
      'visits vs sales (365 days)',
      () => visitsVsSalesPanel(ctx, cmp.current.endDate, settings.currency, campaignHeads(ctx)),
    ],
    ['reconciliation counts', () => cachedReconciliationCounts(ctx, cur)],
  ];
  return timeParts(parts, runs);
}
