import { addDays } from '@shared/domain/dates';
import type { Window } from './conversions';
import { windowOf } from './period';

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

/** The window of one whole calendar month. */
export const monthWindow = (month: string): Window => {
  const first = `${month}-01`;
  const nextMonth = monthsOf(windowOf(first, addDays(first, 31)))[1]!;
  return windowOf(first, addDays(`${nextMonth}-01`, -1));
};

/**
 * A window cut at month ends: each month it touches, with the part of it inside the window and whether
 * that is the whole month (so a cache can read the month's sum instead of its days).
 */
export function monthParts(
  window: Window,
): { month: string; fromDay: string; toDay: string; whole: boolean }[] {
  return monthsOf(window).map((month) => {
    const m = monthWindow(month);
    const fromDay = m.fromDay < window.fromDay ? window.fromDay : m.fromDay;
    const toDay = m.toDay > window.toDay ? window.toDay : m.toDay;
    return { month, fromDay, toDay, whole: fromDay === m.fromDay && toDay === m.toDay };
  });
}
