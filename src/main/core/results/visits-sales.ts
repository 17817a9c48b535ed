import type { VisitsVsSalesOut } from '@shared/api/visits';
import {
  MIN_OVERLAP_DAYS,
  visitsVsSales,
  type DailySeries,
  type SeriesNames,
  type VisitsVsSales,
} from '@shared/domain/correlation';
import { addDays, dayMs, isoDay } from '@shared/domain/dates';
import { REVENUE_ORDER_STATUSES, REVENUE_PAYMENT_STATUSES } from '@shared/domain/kpi';
import type { Ctx } from '../context';
import { visitsByDay } from './period';
import { cachedVisitsByDay } from './result-days';
import type { CampaignHead } from './rows';

/** Days of history the visits-vs-sales panel looks at, ending with the period's last day. */
export const HISTORY_DAYS = 365;
const NEED_DAYS = MIN_OVERLAP_DAYS;

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
export const DAILY_ORDERS = `
  SELECT substr(ordered_at, 1, 10) AS day, count(*) AS n FROM orders
  WHERE deleted_at IS NULL AND status IN (${list(REVENUE_ORDER_STATUSES)})
    AND ordered_at >= ? AND ordered_at < ? AND upper(currency) = ? GROUP BY day`;
export const DAILY_PAYMENTS = `
  SELECT substr(paid_at, 1, 10) AS day, count(*) AS n FROM payments
  WHERE deleted_at IS NULL AND status IN (${list(REVENUE_PAYMENT_STATUSES)})
    AND paid_at >= ? AND paid_at < ? AND upper(currency) = ? GROUP BY day`;
/**
 * Sales per day from the revenue_days rollup: the counts of DAILY_ORDERS plus DAILY_PAYMENTS (the reference
 * the rollup is tested against), bound to the first day, the last day and the currency.
 */
export const DAILY_SALES = `
  SELECT day, sum(count) AS n FROM revenue_days WHERE day BETWEEN ? AND ? AND currency = ? GROUP BY day`;

/** Paid orders plus succeeded payments per day of `[from, to]` in the workspace's currency. */
export function dailySales(ctx: Ctx, from: string, to: string, currency: string): Map<string, number> {
  const rows = ctx.sqlite.prepare(DAILY_SALES).all(from, to, currency) as { day: string; n: number }[];
  return new Map(rows.map((r) => [r.day, r.n]));
}

export interface DailyPair {
  date: string;
  visits: number | null;
  sales: number;
}

/**
 * Daily visits (site rows, else channel rows; missing days stay missing) against daily sales — the number
 * of paid orders plus succeeded payments that day — over the year ending `to`. Counts, not money: one big
 * order should not weigh like a busy day.
 */
function dailyVisitsAndSales(ctx: Ctx, to: string, currency: string, cold: boolean): DailyPair[] {
  const from = addDays(to, -(HISTORY_DAYS - 1));
  const visits = cold ? visitsByDay(ctx, from, to) : cachedVisitsByDay(ctx, from, to);
  const sales = dailySales(ctx, from, to, currency);
  const days: DailyPair[] = [];
  const first = [...visits.keys(), ...sales.keys()].sort()[0];
  if (!first) return days;
  for (let ms = dayMs(first), last = dayMs(to); ms <= last; ms += DAY_MS) {
    const day = isoDay(ms);
    days.push({ date: day, visits: visits.get(day) ?? null, sales: sales.get(day) ?? 0 });
  }
  return days;
}

const DAY_MS = 86_400_000;
/** How many analyses are kept, by their exact input (see `analysisOf`). */
const RECENT_ANALYSES = 8;
const recentAnalyses = new Map<string, VisitsVsSales>();

/**
 * visitsVsSales of the two series, remembered for its exact input: the year of days behind a panel changes
 * only when a write does, while every dashboard read would otherwise run the same 29 correlations again. The
 * result is only read (the panel copies what it shows), so handing the same one out again is safe.
 */
export function analysisOf(visits: DailySeries, sales: DailySeries, names?: SeriesNames): VisitsVsSales {
  const key = JSON.stringify([visits, sales, names ?? null]);
  const known = recentAnalyses.get(key);
  if (known) {
    recentAnalyses.delete(key);
    recentAnalyses.set(key, known);
    return known;
  }
  const result = visitsVsSales(visits, sales, names ? { names } : {});
  recentAnalyses.set(key, result);
  if (recentAnalyses.size > RECENT_ANALYSES) recentAnalyses.delete(recentAnalyses.keys().next().value!);
  return result;
}

export function visitsVsSalesPanel(
  ctx: Ctx,
  to: string,
  currency: string,
  heads: readonly CampaignHead[],
  cold = false,
): VisitsVsSalesOut {
  const daily = dailyVisitsAndSales(ctx, to, currency, cold);
  const from = daily[0]?.date ?? to;
  const launches = heads
    .filter((c) => c.startDate !== null && c.startDate >= from && c.startDate <= to)
    .map((c) => ({ date: c.startDate!, campaignId: c.id, name: c.name }));
  return analyse(daily, launches);
}

/** The panel's answer for any pair of daily series (the business, a channel, a page). */
export function analyse(
  daily: DailyPair[],
  launches: VisitsVsSalesOut['launches'],
  names?: SeriesNames,
): VisitsVsSalesOut {
  const visits: DailySeries = {};
  const sales: DailySeries = {};
  for (const d of daily) {
    if (d.visits !== null) visits[d.date] = d.visits;
    sales[d.date] = d.sales;
  }
  const haveVisits = Object.keys(visits).length;
  const haveSales = daily.some((d) => d.sales > 0);
  const empty = {
    needDays: NEED_DAYS,
    haveDays: haveVisits,
    lagDays: null,
    r: null,
    rRaw: null,
    spearman: null,
    days: 0,
    significant: false,
    threshold: null,
    salesLeadVisits: false,
    lags: [],
    daily,
    launches,
  };
  if (haveVisits === 0)
    return {
      ...empty,
      status: 'no_visits',
      sentence: 'no daily visits imported yet: import a web-analytics export with a Date column',
    };
  if (!haveSales)
    return { ...empty, status: 'no_sales', sentence: 'no paid orders or payments in this time yet' };
  const result = analysisOf(visits, sales, names);
  if (result.status === 'insufficient')
    return { ...empty, status: 'not_enough_history', sentence: result.sentence };
  return {
    ...empty,
    status: 'ok',
    lagDays: result.lagDays,
    r: result.r,
    rRaw: result.rRaw,
    spearman: result.spearman,
    days: result.days,
    significant: result.significant,
    threshold: result.threshold,
    salesLeadVisits: result.salesLead,
    sentence: result.sentence,
    lags: result.lags.map((l) => ({ lagDays: l.lag, r: l.r, rRaw: l.rRaw })),
  };
}
