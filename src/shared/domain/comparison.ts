import { addDays, daysBetween } from './dates';
import { type DateRange, inRange, isoDay, lastDayOfMonth, rangeLength } from './periods';

/**
 * Period-over-period comparison in the style of Plausible: the numbers of a period next to the period before
 * it (or the same period a year earlier), over the same number of days so far, with the change shown as a
 * percentage for counts and money and as percentage points for rates.
 */

export type CompareMode = 'previous' | 'year';

export const COMPARE_LABELS: Record<CompareMode, string> = {
  previous: 'previous period',
  year: 'same period last year',
};

export interface Comparison {
  /** The period measured, cut at today while it is still running. */
  current: DateRange;
  /** The period it is compared with, covering as many days as `current`. */
  previous: DateRange;
  /** Today lies inside the period. */
  running: boolean;
  /** Days of the period measured so far (today counts); the whole length once it is over, 0 before it starts. */
  elapsedDays: number;
  /** 'previous period' | 'same period last year'; the renderer adds the dates. */
  label: string;
}

function dayParts(date: string): { y: number; m: number; d: number } {
  return { y: Number(date.slice(0, 4)), m: Number(date.slice(5, 7)), d: Number(date.slice(8, 10)) };
}

/** The same calendar day a year earlier; 29 February becomes 28 February. */
export function sameDayLastYear(date: string): string {
  const { y, m, d } = dayParts(date);
  return isoDay(y - 1, m, Math.min(d, lastDayOfMonth(y - 1, m)));
}

/** A month's last day a year earlier stays the month's last day, so February 2025 meets all of February 2024. */
function endLastYear(date: string): string {
  const { y, m, d } = dayParts(date);
  return d === lastDayOfMonth(y, m) ? isoDay(y - 1, m, lastDayOfMonth(y - 1, m)) : sameDayLastYear(date);
}

/**
 * The period to compare `range` with.
 *
 * `previous`: a period of equal length just before, moved back by the length rounded up to whole weeks, so
 * Mondays meet Mondays (a 31-day month is compared with the 31 days starting 35 days earlier).
 * `year`: the same calendar dates a year earlier (29 February → 28 February; a period ending on a month's last
 * day ends on that month's last day).
 *
 * While today is inside the period, `current` ends today and the comparison covers the same number of days
 * from its own start, so a month half gone is compared with the first half of the other month — not with a
 * whole one. (For `year` the comparison ends on today's date last year, which is one day shorter or longer
 * only when the days so far cross a 29 February.) A period that has not started yet has `elapsedDays` 0 and
 * is compared in full.
 */
export function comparePeriods(range: DateRange, mode: CompareMode, today: string): Comparison {
  const length = rangeLength(range);
  if (length < 1)
    throw new RangeError(`period ends (${range.endDate}) before it starts (${range.startDate})`);
  const running = inRange(today, range);
  const elapsedDays = running
    ? daysBetween(range.startDate, today) + 1
    : today < range.startDate
      ? 0
      : length;
  const current: DateRange = running ? { startDate: range.startDate, endDate: today } : { ...range };
  const span = running ? elapsedDays : length;
  let previous: DateRange;
  if (mode === 'previous') {
    const startDate = addDays(range.startDate, -Math.ceil(length / 7) * 7);
    previous = { startDate, endDate: addDays(startDate, span - 1) };
  } else {
    const startDate = sameDayLastYear(range.startDate);
    previous = { startDate, endDate: running ? sameDayLastYear(today) : endLastYear(range.endDate) };
  }
  return { current, previous, running, elapsedDays, label: COMPARE_LABELS[mode] };
}

export type DeltaKind = 'count' | 'money' | 'rate';

export type Delta =
  | { kind: 'new' }
  | { kind: 'none' }
  | {
      kind: 'change';
      /** current − previous, in the number's own unit (minor units for money, a fraction for rates). */
      absolute: number;
      /** Relative change as a fraction like every ratio in Tandem (0.2 = +20 %); null for rates. */
      percent: number | null;
      /** Rates only: the change in percentage points (5 = +5 points). */
      points?: number;
    };

const isZeroOrNull = (value: number | null): boolean => value === null || value === 0;

/**
 * How a number moved from the comparison period. Counts and money: the difference and the percentage of the
 * previous value as a fraction (of its size, so a loss shrinking from −100 to −50 is +0.5). Rates (0.25 = 25 %): the
 * difference in percentage points and no percentage, since "+20 % of a conversion rate" reads as points.
 * Nothing on either side is `none`; something from nothing is `new`. A rate only becomes `new` when there
 * was no rate before (null) — a rate rising from 0 % to 5 % is +5 points. An unknown current rate is `none`;
 * an unknown current count or sum counts as zero.
 */
export function delta(current: number | null, previous: number | null, kind: DeltaKind): Delta {
  if (isZeroOrNull(current) && isZeroOrNull(previous)) return { kind: 'none' };
  if (kind === 'rate') {
    if (current === null) return { kind: 'none' };
    if (previous === null) return { kind: 'new' };
    const absolute = current - previous;
    return { kind: 'change', absolute, percent: null, points: absolute * 100 };
  }
  const now = current ?? 0;
  const before = previous ?? 0;
  if (before === 0) return now > 0 ? { kind: 'new' } : { kind: 'change', absolute: now, percent: null };
  return { kind: 'change', absolute: now - before, percent: (now - before) / Math.abs(before) };
}

/**
 * Where a goal says the period should be by today, assuming an even pace: goal × the share of days gone
 * (today counts as gone, so on the last day the whole goal is expected). Before the period starts nothing is
 * expected; after it ends, everything. Without a goal there is no pace.
 */
export function pace(
  goal: number | null,
  actual: number,
  range: DateRange,
  today: string,
): { expected: number | null; ahead: boolean | null; fractionElapsed: number } {
  const length = rangeLength(range);
  if (length < 1)
    throw new RangeError(`period ends (${range.endDate}) before it starts (${range.startDate})`);
  const elapsed = Math.min(length, Math.max(0, daysBetween(range.startDate, today) + 1));
  const fractionElapsed = elapsed / length;
  if (goal === null) return { expected: null, ahead: null, fractionElapsed };
  const expected = goal * fractionElapsed;
  return { expected, ahead: actual >= expected, fractionElapsed };
}
