/**
 * Calendar-day arithmetic on ISO dates (`YYYY-MM-DD`). Every day here is a UTC day: "today" is the UTC date of
 * the injected clock, and a date-only due date is stored as midnight UTC of that day. One convention everywhere
 * means a follow-up never lands on two different days depending on which process computed it.
 */

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTC calendar day of an instant. */
export function isoDay(at: Date | number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** True only for days that exist: `2026-02-30` and `2026-13-01` are not dates. */
export function isRealDate(value: string): boolean {
  const m = ISO_DAY.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() === Number(m[2]) - 1 &&
    d.getUTCDate() === Number(m[3])
  );
}

/** Midnight UTC of a day, in milliseconds; throws for a day that does not exist. */
export function dayMs(day: string): number {
  if (!isRealDate(day)) throw new RangeError(`not a calendar day: ${day}`);
  return Date.parse(`${day}T00:00:00.000Z`);
}

export function addDays(day: string, days: number): string {
  return isoDay(dayMs(day) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayMs(to) - dayMs(from)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(day: string): number {
  return new Date(dayMs(day)).getUTCDay();
}

/** Saturday and Sunday move forward to Monday; weekdays stay. */
export function nextWeekday(day: string): string {
  const d = dayOfWeek(day);
  if (d === 6) return addDays(day, 2);
  if (d === 0) return addDays(day, 1);
  return day;
}

/** First day of the week containing `day`; `weekStart` 0 = Sunday, 1 = Monday (workspace setting). */
export function startOfWeek(day: string, weekStart: number): string {
  const back = (dayOfWeek(day) - weekStart + 7) % 7;
  return addDays(day, -back);
}

/** Midnight UTC of a day as an instant string, the stored form of a date-only due date. */
export function dayStartIso(day: string): string {
  return `${day}T00:00:00.000Z`;
}

/**
 * A cadence step's day: the start day plus the step's offset; with `skipWeekends` a step that lands on
 * Saturday or Sunday moves to the Monday after (offsets count calendar days, not working days).
 */
export function cadenceStepDay(start: string, dayOffset: number, skipWeekends: boolean): string {
  const day = addDays(start, dayOffset);
  return skipWeekends ? nextWeekday(day) : day;
}

/**
 * Normalises a due date typed as a day (`2026-03-04`) or an instant (`2026-03-04T15:30:00+02:00`) to the
 * stored instant form (`toISOString()`, UTC), so stored values compare correctly as strings.
 */
export function toDueInstant(value: string): string {
  if (ISO_DAY.test(value)) return dayStartIso(value);
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new RangeError(`not a date or instant: ${value}`);
  return new Date(ms).toISOString();
}
