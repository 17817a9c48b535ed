import { describe, expect, it } from 'vitest';
import { dueRuns, nextRun, zonedInstant, type ScheduleRule } from './report-schedule';
import { isTimeZone, zonedDay } from './time-zone';

const MONDAY_8: ScheduleRule = { cadence: 'weekly', weekday: 1, time: '08:00', timeZone: 'Europe/Berlin' };
const MONTHLY_8: ScheduleRule = { cadence: 'monthly', weekday: 1, time: '08:00', timeZone: 'Europe/Berlin' };

describe('zonedInstant', () => {
  it('reads a wall time in winter and in summer time', () => {
    expect(new Date(zonedInstant('2026-01-12', '08:00', 'Europe/Berlin')).toISOString()).toBe(
      '2026-01-12T07:00:00.000Z',
    );
    expect(new Date(zonedInstant('2026-07-13', '08:00', 'Europe/Berlin')).toISOString()).toBe(
      '2026-07-13T06:00:00.000Z',
    );
    expect(new Date(zonedInstant('2026-07-13', '08:00', 'America/New_York')).toISOString()).toBe(
      '2026-07-13T12:00:00.000Z',
    );
    expect(new Date(zonedInstant('2026-07-13', '08:00', 'UTC')).toISOString()).toBe(
      '2026-07-13T08:00:00.000Z',
    );
  });

  it('moves a time skipped by the spring change forward by the jump', () => {
    // Berlin: 2026-03-29 02:00 CET → 03:00 CEST, so 02:30 does not exist and runs at 03:30 CEST.
    expect(new Date(zonedInstant('2026-03-29', '02:30', 'Europe/Berlin')).toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    // New York: 2026-03-08 02:00 EST → 03:00 EDT.
    expect(new Date(zonedInstant('2026-03-08', '02:30', 'America/New_York')).toISOString()).toBe(
      '2026-03-08T07:30:00.000Z',
    );
  });

  it('takes the first of a time that happens twice in the autumn', () => {
    // Berlin: 2026-10-25 03:00 CEST → 02:00 CET, so 02:30 happens at 00:30Z and again at 01:30Z.
    expect(new Date(zonedInstant('2026-10-25', '02:30', 'Europe/Berlin')).toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
  });

  it('refuses a time that is not HH:MM', () => {
    expect(() => zonedInstant('2026-01-12', '8am', 'UTC')).toThrow(/08:00/);
  });
});

describe('zonedDay and isTimeZone', () => {
  it('gives the local calendar day of an instant', () => {
    expect(zonedDay(Date.parse('2026-07-12T23:30:00Z'), 'Europe/Berlin')).toBe('2026-07-13');
    expect(zonedDay(Date.parse('2026-07-13T03:30:00Z'), 'America/New_York')).toBe('2026-07-12');
  });
  it('knows real zones only', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('nextRun', () => {
  it('weekly: the next Monday 08:00 local, covering the whole week before', () => {
    // Wednesday 2026-07-15 → Monday 2026-07-20 08:00 CEST, covering Mon 13 – Sun 19.
    expect(nextRun(MONDAY_8, '2026-07-15T10:00:00.000Z', 1)).toEqual({
      at: '2026-07-20T06:00:00.000Z',
      from: '2026-07-13',
      to: '2026-07-19',
    });
  });

  it('weekly: on the day itself, before the time is today and after it is next week', () => {
    expect(nextRun(MONDAY_8, '2026-07-20T05:59:00.000Z', 1).at).toBe('2026-07-20T06:00:00.000Z');
    expect(nextRun(MONDAY_8, '2026-07-20T06:00:00.000Z', 1).at).toBe('2026-07-27T06:00:00.000Z');
  });

  it('weekly with weeks starting on Sunday covers Sunday to Saturday', () => {
    expect(nextRun(MONDAY_8, '2026-07-15T10:00:00.000Z', 0)).toMatchObject({
      from: '2026-07-12',
      to: '2026-07-18',
    });
  });

  it('weekly across the spring change keeps 08:00 local', () => {
    const before = nextRun(MONDAY_8, '2026-03-20T00:00:00.000Z', 1);
    const after = nextRun(MONDAY_8, before.at, 1);
    expect(before.at).toBe('2026-03-23T07:00:00.000Z');
    expect(after.at).toBe('2026-03-30T06:00:00.000Z');
  });

  it('monthly: the 1st at 08:00, covering the whole month before', () => {
    expect(nextRun(MONTHLY_8, '2026-02-10T00:00:00.000Z', 1)).toEqual({
      at: '2026-03-01T07:00:00.000Z',
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(nextRun(MONTHLY_8, '2026-12-05T00:00:00.000Z', 1)).toEqual({
      at: '2027-01-01T07:00:00.000Z',
      from: '2026-12-01',
      to: '2026-12-31',
    });
  });

  it('a zone east of UTC whose local Monday starts on Sunday in UTC', () => {
    const tokyo: ScheduleRule = { cadence: 'weekly', weekday: 1, time: '07:00', timeZone: 'Asia/Tokyo' };
    // Monday 07:00 in Tokyo is Sunday 22:00 UTC.
    expect(nextRun(tokyo, '2026-07-19T12:00:00.000Z', 1).at).toBe('2026-07-19T22:00:00.000Z');
  });
});

describe('dueRuns', () => {
  it('nothing is due before the first run time', () => {
    expect(dueRuns(MONDAY_8, '2026-07-15T10:00:00.000Z', '2026-07-20T05:00:00.000Z', 1)).toEqual({
      runs: [],
      skipped: 0,
    });
  });

  it('the run due now, once: the last run time itself is not due again', () => {
    const due = dueRuns(MONDAY_8, '2026-07-15T10:00:00.000Z', '2026-07-20T06:00:00.000Z', 1);
    expect(due.runs).toEqual([{ at: '2026-07-20T06:00:00.000Z', from: '2026-07-13', to: '2026-07-19' }]);
    expect(dueRuns(MONDAY_8, '2026-07-20T06:00:00.000Z', '2026-07-20T09:00:00.000Z', 1).runs).toEqual([]);
  });

  it('runs missed while closed come oldest first, each stamped with its own week', () => {
    const due = dueRuns(MONDAY_8, '2026-07-01T00:00:00.000Z', '2026-07-22T12:00:00.000Z', 1);
    expect(due.runs.map((r) => [r.from, r.to])).toEqual([
      ['2026-06-29', '2026-07-05'],
      ['2026-07-06', '2026-07-12'],
      ['2026-07-13', '2026-07-19'],
    ]);
    expect(due.skipped).toBe(0);
  });

  it('a long absence writes only the most recent runs and counts the rest as skipped', () => {
    const due = dueRuns(MONDAY_8, '2026-01-01T00:00:00.000Z', '2026-07-22T12:00:00.000Z', 1, 4);
    expect(due.runs).toHaveLength(4);
    expect(due.runs.at(-1)).toMatchObject({ from: '2026-07-13', to: '2026-07-19' });
    expect(due.runs[0]).toMatchObject({ from: '2026-06-22', to: '2026-06-28' });
    // Mondays from 2026-01-05 to 2026-07-20: 29 runs, 4 written.
    expect(due.skipped).toBe(25);
  });

  it('monthly runs missed across the autumn change stay at 08:00 local', () => {
    const due = dueRuns(MONTHLY_8, '2026-09-15T00:00:00.000Z', '2026-11-02T00:00:00.000Z', 1);
    expect(due.runs).toEqual([
      { at: '2026-10-01T06:00:00.000Z', from: '2026-09-01', to: '2026-09-30' },
      { at: '2026-11-01T07:00:00.000Z', from: '2026-10-01', to: '2026-10-31' },
    ]);
  });
});
