import { addDays, isRealDate } from './dates';
import { nameLocale } from './format';
import {
  inRange,
  nextPeriod,
  periodLabel,
  periodRange,
  rangeLength,
  weekRange,
  type DateRange,
  type PeriodKind,
} from './periods';

/**
 * The active period of the top bar, shared by Results, Plans, Campaigns' figures, the Calendar, Orders and
 * Reports. A choice is a kind and a day it contains (its anchor), or a custom range; the range is always
 * worked out again from the choice and the workspace's week start and fiscal-year start, so changing
 * either in Settings moves weeks and quarters with it.
 */

export const ACTIVE_PERIOD_KINDS = ['week', 'month', 'quarter', 'year', 'custom'] as const;
export type ActivePeriodKind = (typeof ACTIVE_PERIOD_KINDS)[number];
type CalendarKind = Exclude<ActivePeriodKind, 'custom'>;

export type PeriodChoice =
  { kind: CalendarKind; anchor: string } | { kind: 'custom'; startDate: string; endDate: string };

export interface PeriodRules {
  /** 0 = Sunday, 1 = Monday. */
  weekStart: number;
  /** 1 = January. */
  fiscalYearStartMonth: number;
}

export function resolvePeriod(choice: PeriodChoice, rules: PeriodRules): DateRange {
  if (choice.kind === 'custom') return { startDate: choice.startDate, endDate: choice.endDate };
  if (choice.kind === 'week') return weekRange(choice.anchor, rules.weekStart);
  return periodRange(choice.kind, choice.anchor, rules.fiscalYearStartMonth);
}

/** The period of the same kind just before (-1) or after (1); a custom range moves by its own length. */
export function stepPeriod(choice: PeriodChoice, direction: -1 | 1, rules: PeriodRules): PeriodChoice {
  const range = resolvePeriod(choice, rules);
  if (choice.kind === 'custom') {
    const length = rangeLength(range) * direction;
    return {
      kind: 'custom',
      startDate: addDays(range.startDate, length),
      endDate: addDays(range.endDate, length),
    };
  }
  if (choice.kind === 'week') return { kind: 'week', anchor: addDays(range.startDate, 7 * direction) };
  const anchor =
    direction === 1
      ? nextPeriod(choice.kind, range, rules.fiscalYearStartMonth).startDate
      : addDays(range.startDate, -1);
  return { kind: choice.kind, anchor };
}

/** "Week", "Quarter"…: the period of that kind holding `today`; "Custom" keeps the days shown now. */
export function choosePeriodKind(
  current: PeriodChoice,
  kind: ActivePeriodKind,
  today: string,
  rules: PeriodRules,
): PeriodChoice {
  if (kind === 'custom') return { kind, ...resolvePeriod(current, rules) };
  return { kind, anchor: today };
}

/**
 * What is remembered between starts. A period that holds today is kept as "the current one", so the month
 * chosen in March is April's month when Tandem opens in April; any other period is kept as it is.
 */
export type StoredPeriod = PeriodChoice | { kind: CalendarKind; anchor: 'today' };

export function storePeriod(choice: PeriodChoice, today: string, rules: PeriodRules): StoredPeriod {
  if (choice.kind !== 'custom' && inRange(today, resolvePeriod(choice, rules)))
    return { kind: choice.kind, anchor: 'today' };
  return choice;
}

const DEFAULT_KIND: CalendarKind = 'month';

/** A remembered period back as a choice; anything unreadable (an older format, a hand edit) is this month. */
export function restorePeriod(stored: unknown, today: string): PeriodChoice {
  const fallback: PeriodChoice = { kind: DEFAULT_KIND, anchor: today };
  if (!stored || typeof stored !== 'object') return fallback;
  let s = stored as Record<string, unknown>;
  // Before 'anchor', the kind was kept with its range.
  const range = s.range as Record<string, unknown> | undefined;
  if (range && typeof range === 'object')
    s = { kind: s.kind, anchor: range.startDate, startDate: range.startDate, endDate: range.endDate };
  const kind = s.kind;
  if (kind === 'custom') {
    const { startDate, endDate } = s;
    if (typeof startDate === 'string' && typeof endDate === 'string' && isRealDate(startDate))
      if (isRealDate(endDate) && startDate <= endDate) return { kind, startDate, endDate };
    return fallback;
  }
  if (kind !== 'week' && kind !== 'month' && kind !== 'quarter' && kind !== 'year') return fallback;
  if (s.anchor === 'today') return { kind, anchor: today };
  return typeof s.anchor === 'string' && isRealDate(s.anchor) ? { kind, anchor: s.anchor } : fallback;
}

/** The short name the picker shows: "October 2026", "Week of Oct 12, 2026", "Q4 2026", "FY2027". */
export function activePeriodLabel(choice: PeriodChoice, rules: PeriodRules, locale: string): string {
  const range = resolvePeriod(choice, rules);
  const names = nameLocale(locale);
  const day = (date: string) =>
    new Intl.DateTimeFormat(names, { dateStyle: 'medium', timeZone: 'UTC' }).format(utc(date));
  switch (choice.kind) {
    case 'month':
      return monthName(range.startDate, locale);
    case 'week':
      return `Week of ${day(range.startDate)}`;
    case 'custom':
      return `${day(range.startDate)} – ${day(range.endDate)}`;
    default:
      return periodLabel(choice.kind, range, rules.fiscalYearStartMonth);
  }
}

/** "October 2026": a month and its year, named in the UI language. */
function monthName(date: string, locale: string): string {
  return new Intl.DateTimeFormat(nameLocale(locale), {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(utc(date));
}

/**
 * A plan's period for people: "March 2026", "Q2 2026", "FY2027", or its days ("Jan 1, 2026 – Jan 13, 2027")
 * for a custom one; never the ISO days of `periodLabel`, which stays the name inside copies and codes.
 */
export function planPeriodText(
  kind: PeriodKind,
  range: DateRange,
  fiscalYearStartMonth: number,
  locale: string,
): string {
  if (kind === 'month') return monthName(range.startDate, locale);
  if (kind === 'custom') return coversText(range, locale);
  return periodLabel(kind, range, fiscalYearStartMonth);
}

/** "1 Oct – 31 Dec 2026" (en-GB), "Oct 1 – Dec 31, 2026" (en-US): the days a figure covers. */
export function coversText(range: DateRange, locale: string): string {
  const format = new Intl.DateTimeFormat(nameLocale(locale), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const text =
    range.startDate === range.endDate
      ? format.format(utc(range.startDate))
      : format.formatRange(utc(range.startDate), utc(range.endDate));
  // ICU puts thin spaces around the dash; plain ones read the same and can be searched for.
  return text.replace(/[\u2009\u202f]/g, ' ');
}

/** The period just before, of the same length, for "compared with" deltas. */
export function previousRange(range: DateRange): DateRange {
  const endDate = addDays(range.startDate, -1);
  return { startDate: addDays(endDate, 1 - rangeLength(range)), endDate };
}

function utc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}
