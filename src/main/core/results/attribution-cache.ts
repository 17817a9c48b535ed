import { addDays } from '@shared/domain/dates';
import type { Ctx } from '../context';
import { isBusy, readSnapshot, writeTransaction } from '../db/transaction';
import {
  attributeRevenue,
  touchChannel,
  type AttributedRevenue,
  type ModelOptions,
} from './attribution-data';
import { revenueByDay, type Window } from './conversions';
import { windowOf } from './period';

/**
 * The dashboard's attribution read from a cache of daily sums (attribution_days, migration 0018) instead of
 * attributing every conversion of the period again. A month is computed the first time it is read under a
 * model, lookback and currency, by the same attributeRevenue the drill-down lists use; triggers forget the
 * months a write to touches, orders, payments, leads or stages can change, so the next read computes them
 * again. The sums are integers, so a period read from the cache equals a fresh attribution to the cent.
 */

/** How many model/lookback/currency combinations are kept; the oldest goes when another is read. */
export const MAX_CACHED_KEYS = 8;

export const cacheKey = (options: ModelOptions, currency: string): string =>
  // "Last non-direct" changes only the last-touch model.
  `${options.model}:${options.lookbackDays}:${options.model === 'last' && options.lastNonDirect ? 1 : 0}:${currency}`;

/** The calendar months (`YYYY-MM`) a window of days touches. */
export function monthsOf(window: Window): string[] {
  const months: string[] = [];
  let month = window.fromDay.slice(0, 7);
  const last = window.toDay.slice(0, 7);
  while (month <= last) {
    months.push(month);
    const y = Number(month.slice(0, 4));
    const m = Number(month.slice(5, 7));
    month = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  }
  return months;
}

const monthWindow = (month: string): Window => {
  const first = `${month}-01`;
  const nextMonth = monthsOf(windowOf(first, addDays(first, 31)))[1]!;
  return windowOf(first, addDays(`${nextMonth}-01`, -1));
};

export const CACHED_MONTHS = 'SELECT month FROM attribution_months WHERE key = ? AND month BETWEEN ? AND ?';
/** The cached sums of a window, from the covering attribution_days_idx. */
export const CACHED_DAYS = `
  SELECT kind, campaign_id AS campaignId, channel, content_id AS contentId, sum(minor) AS minor, sum(count) AS n
  FROM attribution_days WHERE key = ? AND day BETWEEN ? AND ?
  GROUP BY kind, campaign_id, channel, content_id`;

interface DayRow {
  day: string;
  kind: 'credit' | 'unattributed';
  campaignId: string | null;
  channel: string | null;
  contentId: string | null;
  minor: number;
  count: number;
}

/** Attributes one month afresh and replaces its rows. Runs inside the caller's write transaction. */
function computeMonth(ctx: Ctx, key: string, month: string, currency: string, options: ModelOptions): void {
  const w = monthWindow(month);
  const rows = new Map<string, DayRow>();
  const bump = (
    day: string,
    kind: DayRow['kind'],
    campaignId: string | null,
    channel: string | null,
    contentId: string | null,
    minor: number,
  ) => {
    const id = `${day}\u0000${kind}\u0000${campaignId ?? ''}\u0000${channel ?? ''}\u0000${contentId ?? ''}`;
    let row = rows.get(id);
    if (!row) rows.set(id, (row = { day, kind, campaignId, channel, contentId, minor: 0, count: 0 }));
    row.minor += minor;
    row.count++;
  };
  attributeRevenue(
    ctx,
    w,
    currency,
    options,
    (conversion, allocations) => {
      const day = conversion.at.slice(0, 10);
      if (allocations.length === 0) bump(day, 'unattributed', null, null, null, conversion.valueMinor);
      for (const { touch, minor } of allocations)
        bump(day, 'credit', touch.campaignId, touchChannel(touch.channel), touch.contentId, minor);
    },
    false,
  );
  ctx.sqlite
    .prepare('DELETE FROM attribution_days WHERE key = ? AND day BETWEEN ? AND ?')
    .run(key, w.fromDay, w.toDay);
  const insert = ctx.sqlite.prepare(
    `INSERT INTO attribution_days (key, day, kind, campaign_id, channel, content_id, minor, count)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const r of rows.values())
    insert.run(key, r.day, r.kind, r.campaignId, r.channel, r.contentId, r.minor, r.count);
  ctx.sqlite.prepare('INSERT OR IGNORE INTO attribution_months (key, month) VALUES (?, ?)').run(key, month);
}

function ensureKey(ctx: Ctx, key: string, currency: string, options: ModelOptions): void {
  const known = ctx.sqlite.prepare('SELECT 1 FROM attribution_keys WHERE key = ?').get(key);
  if (known) return;
  ctx.sqlite
    .prepare(
      `INSERT INTO attribution_keys (key, model, lookback_days, last_non_direct, currency, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(key, options.model, options.lookbackDays, options.lastNonDirect ? 1 : 0, currency, ctx.nowIso());
  const old = ctx.sqlite
    .prepare('SELECT key FROM attribution_keys ORDER BY created_at DESC, rowid DESC LIMIT -1 OFFSET ?')
    .all(MAX_CACHED_KEYS) as { key: string }[];
  for (const { key: gone } of old) {
    for (const table of ['attribution_days', 'attribution_months', 'attribution_keys'])
      ctx.sqlite.prepare(`DELETE FROM ${table} WHERE key = ?`).run(gone);
  }
}

function missingMonths(ctx: Ctx, key: string, months: string[]): string[] {
  const have = new Set(
    (
      ctx.sqlite.prepare(CACHED_MONTHS).all(key, months[0], months[months.length - 1]) as { month: string }[]
    ).map((r) => r.month),
  );
  return months.filter((m) => !have.has(m));
}

function readCached(ctx: Ctx, key: string, window: Window, currency: string): AttributedRevenue {
  const totals = revenueByDay(ctx, window, currency);
  const out: AttributedRevenue = {
    totalMinor: totals.totalMinor,
    conversions: totals.conversions,
    byCampaign: new Map(),
    byChannel: new Map(),
    byContent: new Map(),
    noCampaignMinor: 0,
    unattributed: { minor: 0, count: 0 },
    byDay: totals.byDay,
    otherCurrencyRecords: totals.otherCurrencyRecords,
  };
  const bump = (map: Map<string, number>, id: string, minor: number) =>
    map.set(id, (map.get(id) ?? 0) + minor);
  const rows = ctx.sqlite.prepare(CACHED_DAYS).all(key, window.fromDay, window.toDay) as (Omit<
    DayRow,
    'day' | 'count'
  > & { n: number })[];
  for (const r of rows) {
    if (r.kind === 'unattributed') {
      out.unattributed.minor += r.minor;
      out.unattributed.count += r.n;
      continue;
    }
    if (r.campaignId) bump(out.byCampaign, r.campaignId, r.minor);
    else out.noCampaignMinor += r.minor;
    bump(out.byChannel, r.channel!, r.minor);
    if (r.contentId) bump(out.byContent, r.contentId, r.minor);
  }
  return out;
}

/**
 * The same AttributedRevenue as attributeRevenue(ctx, window, currency, options), from the cache: months
 * not cached yet (or forgotten by a write) are computed first, in one IMMEDIATE write transaction.
 */
export function cachedAttribution(
  ctx: Ctx,
  window: Window,
  currency: string,
  options: ModelOptions,
): AttributedRevenue {
  const key = cacheKey(options, currency);
  const months = monthsOf(window);
  // One read snapshot when every month is cached; otherwise the write lock, so no writer can forget a
  // month between computing it and reading it.
  const hit = readSnapshot(ctx.sqlite, () =>
    missingMonths(ctx, key, months).length === 0 ? readCached(ctx, key, window, currency) : null,
  );
  if (hit) return hit;
  try {
    return writeTransaction(ctx.sqlite, () => {
      ensureKey(ctx, key, currency, options);
      for (const month of missingMonths(ctx, key, months)) computeMonth(ctx, key, month, currency, options);
      return readCached(ctx, key, window, currency);
    });
  } catch (error) {
    // A database opened read-only, or a writer that kept the lock past the busy timeout: the same numbers,
    // attributed afresh, rather than no dashboard.
    if (isBusy(error) || isReadOnly(error)) return attributeRevenue(ctx, window, currency, options);
    throw error;
  }
}

function isReadOnly(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_READONLY');
}
