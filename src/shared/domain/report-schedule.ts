import { addDays, dayOfWeek } from './dates';
import { periodRange, weekRange } from './periods';
import { wallTimeToUtc, zonedDay } from './time-zone';

/**
 * When a scheduled meeting report is due, and which period each run covers. A schedule is a wall-clock
 * time in a time zone ("every Monday 08:00 in Europe/Berlin"), so a run stays at 08:00 local time across
 * daylight-saving changes; the instants it yields are UTC like every instant in Tandem.
 */

export const SCHEDULE_CADENCES = ['weekly', 'monthly'] as const;
export type ScheduleCadence = (typeof SCHEDULE_CADENCES)[number];

export interface ScheduleRule {
  /** weekly: on `weekday`, covering the last whole week; monthly: on the 1st, covering last month. */
  cadence: ScheduleCadence;
  /** 0 = Sunday … 6 = Saturday (weekly only). */
  weekday: number;
  /** Local wall time `HH:MM`. */
  time: string;
  /** IANA zone, e.g. `Europe/Berlin`. */
  timeZone: string;
}

export interface ScheduledRun {
  /** The instant the run was due (UTC ISO). */
  at: string;
  /** The period it covers, inclusive calendar days. */
  from: string;
  to: string;
}

/**
 * At most this many missed runs are written when Tandem starts after being closed: the most recent ones
 * (a month of weekly meetings, a third of a year of monthly ones). Older periods are skipped, not queued:
 * a pile of stale PDFs helps nobody, and each one would hold the printer for seconds.
 */
export const MAX_CATCH_UP_RUNS = 4;

function parseTime(time: string): { h: number; m: number } {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw new RangeError(`expected a time like 08:00, got "${time}"`);
  return { h: Number(match[1]), m: Number(match[2]) };
}

/**
 * The instant the wall clock in `timeZone` reads `day` `time`. A time skipped by a spring-forward change
 * (02:30 on the night clocks jump 02:00 → 03:00) runs as late as the jump (03:30); a time that happens twice
 * in the autumn runs at the first of the two.
 */
export function zonedInstant(day: string, time: string, timeZone: string): number {
  const { h, m } = parseTime(time);
  const [y, mo, d] = day.split('-').map(Number);
  return wallTimeToUtc(Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h, m), timeZone);
}

/** Whether the schedule runs on this local calendar day. */
function runsOn(rule: ScheduleRule, day: string): boolean {
  return rule.cadence === 'weekly' ? dayOfWeek(day) === rule.weekday : day.endsWith('-01');
}

/** The period a run on local day `day` covers: the whole week before its week, or the month before. */
export function coveredPeriod(
  rule: ScheduleRule,
  day: string,
  weekStart: number,
): { from: string; to: string } {
  const range =
    rule.cadence === 'weekly'
      ? weekRange(addDays(day, -7), weekStart)
      : periodRange('month', addDays(periodRange('month', day).startDate, -1));
  return { from: range.startDate, to: range.endDate };
}

function runOn(rule: ScheduleRule, day: string, weekStart: number): ScheduledRun {
  const at = new Date(zonedInstant(day, rule.time, rule.timeZone)).toISOString();
  return { at, ...coveredPeriod(rule, day, weekStart) };
}

/** The first run strictly after `afterIso`. */
export function nextRun(rule: ScheduleRule, afterIso: string, weekStart: number): ScheduledRun {
  const after = Date.parse(afterIso);
  // The day before covers a run whose local day starts before the UTC instant (zones east of UTC).
  for (let day = addDays(zonedDay(after, rule.timeZone), -1), i = 0; i < 64; i++, day = addDays(day, 1)) {
    if (!runsOn(rule, day)) continue;
    const run = runOn(rule, day, weekStart);
    if (Date.parse(run.at) > after) return run;
  }
  throw new Error(`no run of the ${rule.cadence} schedule within two months of ${afterIso}`);
}

/**
 * The runs due in (`sinceIso`, `nowIso`]: those missed while Tandem was closed and the one due now, oldest
 * first, at most `limit` of them (the most recent), with how many older ones were skipped.
 */
export function dueRuns(
  rule: ScheduleRule,
  sinceIso: string,
  nowIso: string,
  weekStart: number,
  limit = MAX_CATCH_UP_RUNS,
): { runs: ScheduledRun[]; skipped: number } {
  const since = Date.parse(sinceIso);
  const now = Date.parse(nowIso);
  const runs: ScheduledRun[] = [];
  let skipped = 0;
  // Walked back from now so the most recent runs are the ones kept.
  const first = addDays(zonedDay(since, rule.timeZone), -1);
  for (let day = addDays(zonedDay(now, rule.timeZone), 1); day >= first; day = addDays(day, -1)) {
    if (!runsOn(rule, day)) continue;
    const run = runOn(rule, day, weekStart);
    const at = Date.parse(run.at);
    if (at <= since || at > now) continue;
    if (runs.length < limit) runs.push(run);
    else skipped++;
  }
  return { runs: runs.reverse(), skipped };
}
