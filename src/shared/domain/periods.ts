import { addDays, daysBetween, startOfWeek } from './dates';

/**
 * Period arithmetic on ISO calendar days (`YYYY-MM-DD`). Everything is done in UTC on whole days, so a
 * period never gains or loses a day to a time-zone or daylight-saving change. Ranges are inclusive.
 */

export const PERIOD_KINDS = ['month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export type CalendarPeriodKind = Exclude<PeriodKind, 'custom'>;

export interface DateRange {
  startDate: string;
  endDate: string;
}

function parts(date: string): { y: number; m: number; d: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) throw new RangeError(`expected a date like 2026-03-31, got "${date}"`);
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

const fromMs = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** A calendar day from year, month (1–12, may overflow either way) and day. */
export function isoDay(y: number, m: number, d: number): string {
  return fromMs(Date.UTC(y, m - 1, d));
}

export function lastDayOfMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Number of days in an inclusive range. */
export function rangeLength(range: DateRange): number {
  return daysBetween(range.startDate, range.endDate) + 1;
}

/**
 * Moves a day by whole months. A day past the end of the target month is clamped (Jan 31 + 1 month =
 * Feb 28), and the last day of a month stays the last day (Feb 28 + 1 month = Mar 31), so a campaign that
 * ends with its month still does after the shift.
 */
export function addMonths(date: string, months: number): string {
  const { y, m, d } = parts(date);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const ty = target.getUTCFullYear();
  const tm = target.getUTCMonth() + 1;
  const last = lastDayOfMonth(ty, tm);
  const day = d === lastDayOfMonth(y, m) ? last : Math.min(d, last);
  return isoDay(ty, tm, day);
}

export function monthsIn(kind: CalendarPeriodKind): number {
  return kind === 'month' ? 1 : kind === 'quarter' ? 3 : 12;
}

function checkFiscalStart(month: number): void {
  if (!Number.isInteger(month) || month < 1 || month > 12)
    throw new RangeError(`expected a month 1–12, got ${month}`);
}

/**
 * The month, quarter or year that contains `date`. Quarters and years follow the workspace's fiscal year,
 * which starts on the first day of `fiscalYearStartMonth` (1 = January); months are calendar months.
 */
export function periodRange(kind: CalendarPeriodKind, date: string, fiscalYearStartMonth = 1): DateRange {
  checkFiscalStart(fiscalYearStartMonth);
  const { y, m } = parts(date);
  if (kind === 'month') return { startDate: isoDay(y, m, 1), endDate: isoDay(y, m, lastDayOfMonth(y, m)) };
  const monthsIntoYear = (m - fiscalYearStartMonth + 12) % 12;
  const size = monthsIn(kind);
  const startOffset = Math.floor(monthsIntoYear / size) * size;
  // Month numbers may run below 1 or above 12 here; Date.UTC carries them into the right year.
  const startMonth = m - monthsIntoYear + startOffset;
  const startDate = isoDay(y, startMonth, 1);
  const endDate = addDays(isoDay(y, startMonth + size, 1), -1);
  return { startDate, endDate };
}

/** The period right after `range`: the next month/quarter/year, or for custom periods one of equal length. */
export function nextPeriod(kind: PeriodKind, range: DateRange, fiscalYearStartMonth = 1): DateRange {
  const startDate = addDays(range.endDate, 1);
  if (kind === 'custom') return { startDate, endDate: addDays(range.endDate, rangeLength(range)) };
  return periodRange(kind, startDate, fiscalYearStartMonth);
}

/**
 * How a day inside `range` moves when its period is copied to the next one: by whole months for calendar
 * periods (so the 5th stays the 5th), by the period's length in days for custom periods.
 */
export function periodShift(kind: PeriodKind, range: DateRange): (date: string) => string {
  if (kind === 'custom') {
    const length = rangeLength(range);
    return (date) => addDays(date, length);
  }
  const months = monthsIn(kind);
  return (date) => addMonths(date, months);
}

/** The fiscal year a day belongs to, named by the calendar year in which that fiscal year ends. */
export function fiscalYear(date: string, fiscalYearStartMonth = 1): number {
  const { y, m } = parts(date);
  return fiscalYearStartMonth === 1 || m < fiscalYearStartMonth ? y : y + 1;
}

/** 1–4 within the fiscal year. */
export function fiscalQuarter(date: string, fiscalYearStartMonth = 1): number {
  const { m } = parts(date);
  return Math.floor(((m - fiscalYearStartMonth + 12) % 12) / 3) + 1;
}

/**
 * A short, language-neutral name for a period: `2026-03`, `Q2 2026`, `2026`; with a fiscal year that does
 * not start in January, `FY2027 Q1` and `FY2027`; custom periods show both ends.
 */
export function periodLabel(kind: PeriodKind, range: DateRange, fiscalYearStartMonth = 1): string {
  const fy = fiscalYear(range.startDate, fiscalYearStartMonth);
  const year = fiscalYearStartMonth === 1 ? String(fy) : `FY${fy}`;
  switch (kind) {
    case 'month':
      return range.startDate.slice(0, 7);
    case 'quarter': {
      const q = `Q${fiscalQuarter(range.startDate, fiscalYearStartMonth)}`;
      return fiscalYearStartMonth === 1 ? `${q} ${year}` : `${year} ${q}`;
    }
    case 'year':
      return year;
    case 'custom':
      return `${range.startDate} – ${range.endDate}`;
  }
}

/** The same as `periodLabel`, usable inside a tracking code: `2026-03`, `2026q2`, `fy2027q1`, `20260301`. */
export function periodTag(kind: PeriodKind, range: DateRange, fiscalYearStartMonth = 1): string {
  if (kind === 'custom') return range.startDate.replaceAll('-', '');
  if (kind === 'month') return range.startDate.slice(0, 7);
  const fy = fiscalYear(range.startDate, fiscalYearStartMonth);
  const year = fiscalYearStartMonth === 1 ? String(fy) : `fy${fy}`;
  return kind === 'year' ? year : `${year}q${fiscalQuarter(range.startDate, fiscalYearStartMonth)}`;
}

/** The week (seven days) containing `date`, starting on `weekStart` (0 = Sunday, 1 = Monday). */
export function weekRange(date: string, weekStart = 1): DateRange {
  const startDate = startOfWeek(date, weekStart);
  return { startDate, endDate: addDays(startDate, 6) };
}

/** The whole weeks a month view shows: from the week holding the 1st to the week holding the last day. */
export function monthGridRange(date: string, weekStart = 1): DateRange {
  const month = periodRange('month', date);
  return {
    startDate: weekRange(month.startDate, weekStart).startDate,
    endDate: weekRange(month.endDate, weekStart).endDate,
  };
}
