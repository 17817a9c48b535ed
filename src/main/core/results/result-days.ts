import { createHash } from 'node:crypto';
import type { ReconciliationCounts } from '@shared/api/results';
import type { Ctx } from '../context';
import { isBusy, readSnapshot, writeTransaction } from '../db/transaction';
import {
  addRevenueRows,
  emptyRevenueByDay,
  REVENUE_DAYS,
  revenueByDay,
  WON_LEAD_REVENUE_BY_DAY,
  type RevenueByDay,
  type Window,
} from './conversions';
import { leadCount } from './lead-rollups';
import { monthsOf, monthWindow } from './months';
import { VISITS, visitsByDay, windowOf } from './period';
import { RECONCILIATION_DAYS_SQL, reconciliationCounts } from './reconcile';

/**
 * Counts and sums per day that the Results screen adds up over quarters and years, cached by month in
 * result_days (migration 0021): computed the first time a month is read, by the same statements that give
 * them fresh, and forgotten by triggers whenever a write can change them, so a read equals a fresh count.
 */

type ReconciliationKind = keyof ReconciliationCounts;
const RECONCILIATION_KINDS = Object.keys(RECONCILIATION_DAYS_SQL) as ReconciliationKind[];
export type DayKind = 'won_leads' | 'visits' | ReconciliationKind;
const DAY_KINDS: readonly DayKind[] = ['won_leads', 'visits', ...RECONCILIATION_KINDS];

export const CACHED_RESULT_MONTHS = 'SELECT month FROM result_months WHERE month BETWEEN ? AND ?';
export const RESULT_DAYS = `
  SELECT day, count AS n, minor FROM result_days WHERE kind = ? AND day BETWEEN ? AND ? ORDER BY day`;
/** Net revenue of orders and payments over some days in one currency: REVENUE_DAYS summed. */
export const REVENUE_DAYS_TOTAL = `
  SELECT coalesce(sum(net_minor), 0) AS minor FROM revenue_days WHERE day BETWEEN ? AND ? AND currency = ?`;
export const RESULT_TOTALS = `
  SELECT kind, sum(count) AS n, sum(minor) AS minor FROM result_days
  WHERE kind IN (SELECT value FROM json_each(?)) AND day BETWEEN ? AND ? GROUP BY kind`;

/**
 * What computes a cached month: the statements below, and REVISION for the rules written in code around them
 * (bump it when one changes, such as visits preferring site rows to channel rows). A database last used by a
 * Tandem with other rules drops those months when it opens, so they are computed again by these.
 */
const REVISION = 1;
export const RESULT_RULES = createHash('sha256')
  .update(JSON.stringify([REVISION, WON_LEAD_REVENUE_BY_DAY, VISITS.sql, RECONCILIATION_DAYS_SQL]))
  .digest('hex')
  .slice(0, 16);

/**
 * Drops the cached months that other rules computed (see RESULT_RULES) and the rows of kinds no longer kept;
 * a read-only database keeps them.
 */
export function forgetOtherRulesMonths(ctx: Ctx): void {
  try {
    const dropped = ctx.sqlite.prepare('DELETE FROM result_months WHERE rules <> ?').run(RESULT_RULES);
    // Kinds these rules no longer keep (leads per day moved to the lead rollup) go with other rules' months:
    // only then, so an ordinary start reads the month list alone, never the day rows.
    if (dropped.changes > 0)
      ctx.sqlite
        .prepare('DELETE FROM result_days WHERE kind NOT IN (SELECT value FROM json_each(?))')
        .run(JSON.stringify(DAY_KINDS));
  } catch (error) {
    if (!isReadOnly(error)) throw error;
  }
}

/** The months of `months` whose facts are not cached (never read, or forgotten by a write). */
export function missingResultMonths(ctx: Ctx, months: readonly string[]): string[] {
  if (months.length === 0) return [];
  const have = new Set(
    (
      ctx.sqlite.prepare(CACHED_RESULT_MONTHS).all(months[0], months[months.length - 1]) as {
        month: string;
      }[]
    ).map((r) => r.month),
  );
  return months.filter((m) => !have.has(m));
}

/** Computes one month afresh and replaces its rows. Runs inside the caller's write transaction. */
function computeMonth(ctx: Ctx, month: string): void {
  const w = monthWindow(month);
  const rows: { kind: DayKind; day: string; count: number; minor: number }[] = [];
  const won = ctx.sqlite.prepare(WON_LEAD_REVENUE_BY_DAY).all('', w.fromIso, w.untilIso) as {
    day: string;
    n: number;
    minor: number;
  }[];
  for (const r of won) rows.push({ kind: 'won_leads', day: r.day, count: r.n, minor: r.minor });
  for (const [day, n] of visitsByDay(ctx, w.fromDay, w.toDay))
    rows.push({ kind: 'visits', day, count: n, minor: 0 });
  for (const kind of RECONCILIATION_KINDS) {
    const counts = ctx.sqlite.prepare(RECONCILIATION_DAYS_SQL[kind]).all(w.fromIso, w.untilIso) as {
      day: string;
      n: number;
    }[];
    for (const r of counts) rows.push({ kind, day: r.day, count: r.n, minor: 0 });
  }
  // Kind by kind, so each delete reads its range of the primary key.
  const clear = ctx.sqlite.prepare('DELETE FROM result_days WHERE kind = ? AND day BETWEEN ? AND ?');
  for (const kind of DAY_KINDS) clear.run(kind, w.fromDay, w.toDay);
  const insert = ctx.sqlite.prepare('INSERT INTO result_days (kind, day, count, minor) VALUES (?, ?, ?, ?)');
  for (const r of rows) insert.run(r.kind, r.day, r.count, r.minor);
  ctx.sqlite
    .prepare(
      'INSERT INTO result_months (month, rules) VALUES (?, ?) ON CONFLICT (month) DO UPDATE SET rules = excluded.rules',
    )
    .run(month, RESULT_RULES);
}

/** Computes the months of `months` that are not cached. Runs inside the caller's write transaction. */
export function fillResultMonths(ctx: Ctx, months: readonly string[]): void {
  for (const month of missingResultMonths(ctx, months)) computeMonth(ctx, month);
}

export function isReadOnly(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_READONLY');
}

/**
 * A read through a cache of derived rows: `hit` on one read snapshot, which answers null when something is
 * missing; then `fill` under the write lock, so no writer can forget a month between computing and reading
 * it. A database opened read-only, or a writer that kept the lock past the busy timeout, gets `fresh`: the
 * same numbers computed from the records.
 */
export function readThrough<T>(ctx: Ctx, hit: () => T | null, fill: () => T, fresh: () => T): T {
  const cached = readSnapshot(ctx.sqlite, hit);
  if (cached !== null) return cached;
  try {
    return writeTransaction(ctx.sqlite, fill);
  } catch (error) {
    if (isBusy(error) || isReadOnly(error)) return fresh();
    throw error;
  }
}

/** `read` once every month of `window` is cached. */
function withResultDays<T>(ctx: Ctx, window: Window, read: () => T, fresh: () => T): T {
  const months = monthsOf(window);
  return readThrough(
    ctx,
    () => (missingResultMonths(ctx, months).length === 0 ? read() : null),
    () => {
      fillResultMonths(ctx, months);
      return read();
    },
    fresh,
  );
}

/** Totals of some kinds over a window, from cached months only. */
function totalsOf(
  ctx: Ctx,
  kinds: readonly DayKind[],
  window: Window,
): Map<DayKind, { n: number; minor: number }> {
  const rows = ctx.sqlite.prepare(RESULT_TOTALS).all(JSON.stringify(kinds), window.fromDay, window.toDay) as {
    kind: DayKind;
    n: number;
    minor: number;
  }[];
  return new Map(rows.map((r) => [r.kind, { n: r.n, minor: r.minor }]));
}

/** The day rows of one kind over a window, from cached months only. */
function daysOf(ctx: Ctx, kind: DayKind, window: Window): { day: string; n: number; minor: number }[] {
  return ctx.sqlite.prepare(RESULT_DAYS).all(kind, window.fromDay, window.toDay) as {
    day: string;
    n: number;
    minor: number;
  }[];
}

/** revenueByDay of conversions.ts with the won deals read from cached months (which must be cached). */
export function readRevenueByDay(ctx: Ctx, window: Window, currency: string): RevenueByDay {
  const out = emptyRevenueByDay();
  addRevenueRows(out, ctx.sqlite.prepare(REVENUE_DAYS).all(currency, window.fromDay, window.toDay), true);
  addRevenueRows(
    out,
    daysOf(ctx, 'won_leads', window).map((r) => ({ ...r, same: 1 })),
    false,
  );
  return out;
}

/** The same RevenueByDay as revenueByDay(ctx, window, currency), the won deals from the cache. */
export function cachedRevenueByDay(ctx: Ctx, window: Window, currency: string): RevenueByDay {
  return withResultDays(
    ctx,
    window,
    () => readRevenueByDay(ctx, window, currency),
    () => revenueByDay(ctx, window, currency),
  );
}

/** The same counts as reconciliationCounts(ctx, window), from the cache. */
export function cachedReconciliationCounts(ctx: Ctx, window: Window): ReconciliationCounts {
  return withResultDays(
    ctx,
    window,
    () => {
      const totals = totalsOf(ctx, RECONCILIATION_KINDS, window);
      const out = {} as ReconciliationCounts;
      for (const kind of RECONCILIATION_KINDS) out[kind] = totals.get(kind)?.n ?? 0;
      return out;
    },
    () => reconciliationCounts(ctx, window),
  );
}

/** The plan goals' sums over a plan's window: live leads created (from the lead rollup) and revenue (cached). */
export function cachedGoalSums(
  ctx: Ctx,
  window: Window,
  currency: string,
  fresh: () => { leads: number; revenueMinor: number },
): { leads: number; revenueMinor: number } {
  return withResultDays(
    ctx,
    window,
    () => {
      const totals = totalsOf(ctx, ['won_leads'], window);
      const sales = ctx.sqlite.prepare(REVENUE_DAYS_TOTAL).get(window.fromDay, window.toDay, currency) as {
        minor: number;
      };
      return {
        // Leads come from the lead rollup, which triggers keep equal to the records.
        leads: leadCount(ctx, window),
        revenueMinor: sales.minor + (totals.get('won_leads')?.minor ?? 0),
      };
    },
    fresh,
  );
}

/** visitsByDay of period.ts over a long range, from the cache. */
export function cachedVisitsByDay(ctx: Ctx, fromDay: string, toDay: string): Map<string, number> {
  const window = windowOf(fromDay, toDay);
  return withResultDays(
    ctx,
    window,
    () => new Map(daysOf(ctx, 'visits', window).map((r) => [r.day, r.n])),
    () => visitsByDay(ctx, fromDay, toDay),
  );
}
