import type { z } from 'zod';
import type {
  VisitScopesOut,
  VisitsScope,
  VisitsVsSalesInput,
  VisitsVsSalesScoped,
} from '@shared/api/visits';
import type { SeriesNames } from '@shared/domain/correlation';
import { addDays, isoDay } from '@shared/domain/dates';
import { REVENUE_ORDER_STATUSES, REVENUE_PAYMENT_STATUSES } from '@shared/domain/kpi';
import { saleChannel } from '@shared/domain/sale-channel';
import { CHANNELS, type Channel } from '@shared/domain/utm';
import type { Ctx } from '../context';
import { getSettings } from '../settings/service';
import { campaignHeads } from './dashboard';
import { windowOf } from './period';
import { touchesByContact } from './touches';
import { analyse, dailySales, HISTORY_DAYS, visitsVsSalesPanel, type DailyPair } from './visits-sales';

type Input = z.output<typeof VisitsVsSalesInput>;

/** How a channel reads inside a sentence: "after days with more visits from e-mail than usual…". */
const CHANNEL_PHRASES: Record<Channel, string> = {
  social: 'social media',
  email: 'e-mail',
  web: 'search and direct',
  ads: 'ads',
  event: 'events',
  referral: 'referrals',
  other: 'other channels',
};

/** GA4 sessions per channel group, summed into our channel (the import stores both, see the GA4 preset). */
const CHANNEL_VISITS = `
  SELECT date, sum(value) AS value FROM metric_observations
  WHERE metric = 'visits' AND scope LIKE 'channel:%' AND channel = ? AND date BETWEEN ? AND ?
  GROUP BY date`;

/** One page's views from every source that reports it (`page:<path>`, see the GA4 pages preset). */
const PAGE_VIEWS = `
  SELECT date, sum(value) AS value FROM metric_observations
  WHERE metric = 'page_views' AND scope = ? AND date BETWEEN ? AND ? GROUP BY date`;

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
/** Every paid order and succeeded payment with what names its channel: its own campaign, else its customer. */
const SALES_WITH_CHANNEL = `
  SELECT o.ordered_at AS at, o.contact_id AS contactId, c.channel AS ownChannel FROM orders o
  LEFT JOIN campaigns c ON c.id = o.campaign_id
  WHERE o.deleted_at IS NULL AND o.status IN (${list(REVENUE_ORDER_STATUSES)})
    AND o.ordered_at >= @since AND o.ordered_at < @until AND upper(o.currency) = @currency
  UNION ALL
  SELECT p.paid_at, p.contact_id, c.channel FROM payments p
  LEFT JOIN campaigns c ON c.id = p.campaign_id
  WHERE p.deleted_at IS NULL AND p.status IN (${list(REVENUE_PAYMENT_STATUSES)})
    AND p.paid_at >= @since AND p.paid_at < @until AND upper(p.currency) = @currency`;

const CHANNELS_WITH_VISITS = `
  SELECT channel, count(DISTINCT date) AS days, sum(value) AS visits FROM metric_observations
  WHERE metric = 'visits' AND scope LIKE 'channel:%' AND channel IS NOT NULL AND date BETWEEN ? AND ?
  GROUP BY channel ORDER BY visits DESC, channel`;

const PAGES_WITH_VIEWS = `
  SELECT substr(scope, 6) AS path, count(DISTINCT date) AS days, sum(value) AS views FROM metric_observations
  WHERE metric = 'page_views' AND scope LIKE 'page:%' AND date BETWEEN ? AND ?
  GROUP BY scope ORDER BY views DESC, scope`;

/** Pages offered in the scope picker; a site with hundreds of pages lists its most viewed. */
const MAX_PAGES = 100;

const isChannel = (value: string): value is Channel => (CHANNELS as readonly string[]).includes(value);

/** The last day the panel looks at: the period's end, cut at today while the period is running. */
function lastDay(ctx: Ctx, to: string): string {
  const today = isoDay(ctx.clock.now());
  return to > today ? today : to;
}

const historyFrom = (to: string) => addDays(to, -(HISTORY_DAYS - 1));

function dailyValues(ctx: Ctx, sql: string, key: string, from: string, to: string): Map<string, number> {
  const rows = ctx.sqlite.prepare(sql).all(key, from, to) as { date: string; value: number }[];
  return new Map(rows.map((r) => [r.date, Math.round(r.value)]));
}

/** Sales per day that came through `channel` under the rule of shared/domain/sale-channel (last touch). */
function channelSales(
  ctx: Ctx,
  channel: Channel,
  from: string,
  to: string,
  currency: string,
  lookbackDays: number,
): Map<string, number> {
  const w = windowOf(from, to);
  const sales = ctx.sqlite
    .prepare(SALES_WITH_CHANNEL)
    .all({ since: w.fromIso, until: w.untilIso, currency }) as {
    at: string;
    contactId: string | null;
    ownChannel: string | null;
  }[];
  const customers = new Set<string>();
  for (const s of sales) if (!s.ownChannel && s.contactId) customers.add(s.contactId);
  const touchesFrom = new Date(Date.parse(w.fromIso) - lookbackDays * 86_400_000).toISOString();
  const touches = touchesByContact(ctx, customers, touchesFrom, w.untilIso);
  const out = new Map<string, number>();
  for (const s of sales) {
    const log = (s.contactId && touches.get(s.contactId)) || [];
    if (saleChannel(s, log, lookbackDays) !== channel) continue;
    const day = s.at.slice(0, 10);
    out.set(day, (out.get(day) ?? 0) + 1);
  }
  return out;
}

/** Every day from the first with either figure to `to`; visits stay missing where there is no figure. */
function pairUp(visits: Map<string, number>, sales: Map<string, number>, to: string): DailyPair[] {
  const days: DailyPair[] = [];
  const first = [...visits.keys(), ...sales.keys()].sort()[0];
  if (!first) return days;
  for (let day = first; day <= to; day = addDays(day, 1))
    days.push({ date: day, visits: visits.get(day) ?? null, sales: sales.get(day) ?? 0 });
  return days;
}

function caveatOf(scope: VisitsScope, lookbackDays: number): string {
  if (scope.kind === 'business')
    return 'Visits: the whole site per day (or its channels added up). Sales: paid orders and succeeded payments per day.';
  if (scope.kind === 'page')
    return `Views: daily page views of ${scope.path} (a GA4 Pages and screens export with the Date dimension). Sales: all paid orders and succeeded payments per day.`;
  const name = CHANNEL_PHRASES[scope.channel];
  return (
    `Visits: GA4 sessions of the channel groups counted as ${name}. Sales from ${name} (last touch): ` +
    `orders and payments whose own campaign runs on ${name}, else whose customer’s last touch with a ` +
    `channel in the ${lookbackDays} days before came through it; sales with no such touch count for no channel.`
  );
}

/** Daily visits against daily sales for the business, a channel or a page, said the same careful way. */
export function scopedVisitsVsSales(ctx: Ctx, input: Input): VisitsVsSalesScoped {
  const { currency } = getSettings(ctx);
  const to = lastDay(ctx, input.to);
  const scope = input.scope;
  const caveat = caveatOf(scope, input.lookbackDays);
  const heads = campaignHeads(ctx);
  // The business is the dashboard's own panel, so the two never disagree.
  if (scope.kind === 'business') return { ...visitsVsSalesPanel(ctx, to, currency, heads), scope, caveat };
  const from = historyFrom(to);
  let daily: DailyPair[];
  let names: SeriesNames;
  let launching = heads;
  if (scope.kind === 'channel') {
    const visits = dailyValues(ctx, CHANNEL_VISITS, scope.channel, from, to);
    daily = pairUp(visits, channelSales(ctx, scope.channel, from, to, currency, input.lookbackDays), to);
    const name = CHANNEL_PHRASES[scope.channel];
    names = { visits: `visits from ${name}`, sales: `sales from ${name}` };
    launching = heads.filter((c) => c.channel === scope.channel);
  } else {
    const views = dailyValues(ctx, PAGE_VIEWS, `page:${scope.path}`, from, to);
    daily = pairUp(views, dailySales(ctx, from, to, currency), to);
    names = { visits: `views of ${scope.path}`, sales: 'sales' };
  }
  const start = daily[0]?.date ?? to;
  const launches = launching
    .filter((c) => c.startDate !== null && c.startDate >= start && c.startDate <= to)
    .map((c) => ({ date: c.startDate!, campaignId: c.id, name: c.name }));
  return { ...analyse(daily, launches, names), scope, caveat };
}

/** The channels and pages with daily figures in the panel's year, most visited first. */
export function visitScopes(ctx: Ctx, to: string): VisitScopesOut {
  const end = lastDay(ctx, to);
  const from = historyFrom(end);
  const channels = (
    ctx.sqlite.prepare(CHANNELS_WITH_VISITS).all(from, end) as {
      channel: string;
      days: number;
      visits: number;
    }[]
  ).flatMap((c) =>
    isChannel(c.channel) ? [{ ...c, channel: c.channel, visits: Math.round(c.visits) }] : [],
  );
  const pages = ctx.sqlite.prepare(PAGES_WITH_VIEWS).all(from, end) as {
    path: string;
    days: number;
    views: number;
  }[];
  return {
    channels,
    pages: pages.slice(0, MAX_PAGES).map((p) => ({ ...p, views: Math.round(p.views) })),
    morePages: Math.max(0, pages.length - MAX_PAGES),
  };
}
