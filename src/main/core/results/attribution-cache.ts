import type { Ctx } from '../context';
import {
  attributeRevenue,
  touchChannel,
  type AttributedRevenue,
  type ModelOptions,
} from './attribution-data';
import type { Window } from './conversions';
import { eachContentLead, leadCounts, leadsByContent } from './content';
import { monthParts, monthsOf, monthWindow } from './months';
import { fillResultMonths, missingResultMonths, readRevenueByDay, readThrough } from './result-days';

/**
 * The dashboard's attribution read from a cache of daily sums (attribution_days, migration 0018) instead of
 * attributing every conversion of the period again. A month is computed the first time it is read under a
 * model, lookback and currency, by the same attributeRevenue the drill-down lists use; triggers forget the
 * months a write to touches, orders, payments, leads or stages can change, so the next read computes them
 * again. The sums are integers, so a period read from the cache equals a fresh attribution to the cent.
 * Each month also keeps its content items' leads (kind `leads`: leads created that day whose contact touched
 * the item within the lookback) and the sums of its days (attribution_month_sums), so a period of whole
 * months reads a few hundred rows.
 */

/** How many model/lookback/currency combinations are kept; the oldest goes when another is read. */
export const MAX_CACHED_KEYS = 8;

/**
 * What a cached month holds: version 2 added the content items' leads and the month sums, so a key cached
 * before (no `v2:` prefix) is never read again, and its rows go when the first key of this version is stored.
 */
const KEY_VERSION = 'v2:';

export const cacheKey = (options: ModelOptions, currency: string): string =>
  // "Last non-direct" changes only the last-touch model.
  `${KEY_VERSION}${options.model}:${options.lookbackDays}:${options.model === 'last' && options.lastNonDirect ? 1 : 0}:${currency}`;

export const CACHED_MONTHS = 'SELECT month FROM attribution_months WHERE key = ? AND month BETWEEN ? AND ?';
const SUMS =
  'kind, campaign_id AS campaignId, channel, content_id AS contentId, sum(minor) AS minor, sum(count) AS n';
const GROUPS = 'GROUP BY kind, campaign_id, channel, content_id';
/** The cached sums of some days, from the covering attribution_days_idx. */
export const CACHED_DAYS = `SELECT ${SUMS} FROM attribution_days WHERE key = ? AND day BETWEEN ? AND ? ${GROUPS}`;
/** The cached sums of some whole months, from the covering attribution_month_sums_idx (added up by the reader). */
export const CACHED_MONTH_SUMS = `
  SELECT kind, campaign_id AS campaignId, channel, content_id AS contentId, minor, count AS n
  FROM attribution_month_sums WHERE key = ? AND month BETWEEN ? AND ?`;

/** What a fresh attribution gives, with the content items' leads: the reference the cache equals. */
export interface CachedAttribution extends AttributedRevenue {
  contentLeads: Map<string, number>;
}

interface DayRow {
  day: string;
  kind: 'credit' | 'unattributed' | 'leads';
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
  const counted = new Set<string>();
  eachContentLead(ctx, w.fromIso, w.untilIso, options.lookbackDays, (contentId, leadId, createdAt) => {
    const pair = `${contentId}\u0000${leadId}`;
    if (counted.has(pair)) return;
    counted.add(pair);
    bump(createdAt.slice(0, 10), 'leads', null, null, contentId, 0);
  });
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
  const sums = new Map<string, Omit<DayRow, 'day'>>();
  for (const r of rows.values()) {
    insert.run(key, r.day, r.kind, r.campaignId, r.channel, r.contentId, r.minor, r.count);
    const id = `${r.kind}\u0000${r.campaignId ?? ''}\u0000${r.channel ?? ''}\u0000${r.contentId ?? ''}`;
    const sum = sums.get(id);
    if (sum) {
      sum.minor += r.minor;
      sum.count += r.count;
    } else sums.set(id, { ...r });
  }
  ctx.sqlite.prepare('DELETE FROM attribution_month_sums WHERE key = ? AND month = ?').run(key, month);
  const insertSum = ctx.sqlite.prepare(
    `INSERT INTO attribution_month_sums (key, month, kind, campaign_id, channel, content_id, minor, count)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const r of sums.values())
    insertSum.run(key, month, r.kind, r.campaignId, r.channel, r.contentId, r.minor, r.count);
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
  const forget = (keys: { key: string }[]) => {
    for (const { key: gone } of keys)
      for (const table of [
        'attribution_days',
        'attribution_month_sums',
        'attribution_months',
        'attribution_keys',
      ])
        ctx.sqlite.prepare(`DELETE FROM ${table} WHERE key = ?`).run(gone);
  };
  forget(
    ctx.sqlite
      .prepare(`SELECT key FROM attribution_keys WHERE substr(key, 1, ${KEY_VERSION.length}) <> ?`)
      .all(KEY_VERSION) as { key: string }[],
  );
  forget(
    ctx.sqlite
      .prepare('SELECT key FROM attribution_keys ORDER BY created_at DESC, rowid DESC LIMIT -1 OFFSET ?')
      .all(MAX_CACHED_KEYS) as { key: string }[],
  );
}

function missingMonths(ctx: Ctx, key: string, months: string[]): string[] {
  const have = new Set(
    (
      ctx.sqlite.prepare(CACHED_MONTHS).all(key, months[0], months[months.length - 1]) as { month: string }[]
    ).map((r) => r.month),
  );
  return months.filter((m) => !have.has(m));
}

type SumRow = Omit<DayRow, 'day' | 'count'> & { n: number };

/** The cached rows of a window: whole months from their sums, the cut months at either end by day. */
function cachedRows(ctx: Ctx, key: string, window: Window): SumRow[] {
  const parts = monthParts(window);
  const whole = parts.filter((p) => p.whole);
  const rows: SumRow[] = [];
  const byDay = ctx.sqlite.prepare(CACHED_DAYS);
  for (const p of parts) if (!p.whole) rows.push(...(byDay.all(key, p.fromDay, p.toDay) as SumRow[]));
  if (whole.length > 0)
    rows.push(
      ...(ctx.sqlite
        .prepare(CACHED_MONTH_SUMS)
        .all(key, whole[0]!.month, whole[whole.length - 1]!.month) as SumRow[]),
    );
  return rows;
}

function readCached(ctx: Ctx, key: string, window: Window, currency: string): CachedAttribution {
  const totals = readRevenueByDay(ctx, window, currency);
  const out: CachedAttribution = {
    totalMinor: totals.totalMinor,
    conversions: totals.conversions,
    byCampaign: new Map(),
    byChannel: new Map(),
    byContent: new Map(),
    noCampaignMinor: 0,
    unattributed: { minor: 0, count: 0 },
    byDay: totals.byDay,
    otherCurrencyRecords: totals.otherCurrencyRecords,
    contentLeads: new Map(),
  };
  const bump = (map: Map<string, number>, id: string, minor: number) =>
    map.set(id, (map.get(id) ?? 0) + minor);
  for (const r of cachedRows(ctx, key, window)) {
    if (r.kind === 'leads') {
      bump(out.contentLeads, r.contentId!, r.n);
      continue;
    }
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

/** The period attributed afresh, with its content items' leads counted from the records. */
export function freshAttribution(
  ctx: Ctx,
  window: Window,
  currency: string,
  options: ModelOptions,
): CachedAttribution {
  return {
    ...attributeRevenue(ctx, window, currency, options),
    contentLeads: leadCounts(leadsByContent(ctx, window.fromIso, window.untilIso, options.lookbackDays)),
  };
}

/**
 * The same numbers as freshAttribution(ctx, window, currency, options), from the cache: months not cached
 * yet (or forgotten by a write) are computed first, in one IMMEDIATE write transaction.
 */
export function cachedAttribution(
  ctx: Ctx,
  window: Window,
  currency: string,
  options: ModelOptions,
): CachedAttribution {
  const key = cacheKey(options, currency);
  const months = monthsOf(window);
  return readThrough(
    ctx,
    () =>
      missingMonths(ctx, key, months).length === 0 && missingResultMonths(ctx, months).length === 0
        ? readCached(ctx, key, window, currency)
        : null,
    () => {
      ensureKey(ctx, key, currency, options);
      for (const month of missingMonths(ctx, key, months)) computeMonth(ctx, key, month, currency, options);
      fillResultMonths(ctx, months);
      return readCached(ctx, key, window, currency);
    },
    () => freshAttribution(ctx, window, currency, options),
  );
}
