import { describe, expect, it } from 'vitest';
import {
  addDays,
  cadenceStepDay,
  daysBetween,
  isRealDate,
  isoDay,
  nextWeekday,
  startOfWeek,
  toDueInstant,
} from './dates';

describe('dates', () => {
  it('knows which days exist', () => {
    expect(isRealDate('2026-02-28')).toBe(true);
    expect(isRealDate('2028-02-29')).toBe(true);
    expect(isRealDate('2026-02-29')).toBe(false);
    expect(isRealDate('2026-02-30')).toBe(false);
    expect(isRealDate('2026-13-01')).toBe(false);
    expect(isRealDate('26-1-1')).toBe(false);
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-03-01', '2026-02-22')).toBe(-7);
  });

  it('takes the UTC day of an instant', () => {
    expect(isoDay(new Date('2026-10-15T23:59:59-05:00'))).toBe('2026-10-16');
  });

  it('moves weekend days to Monday', () => {
    // 2026-10-17 is a Saturday.
    expect(nextWeekday('2026-10-17')).toBe('2026-10-19');
    expect(nextWeekday('2026-10-18')).toBe('2026-10-19');
    expect(nextWeekday('2026-10-16')).toBe('2026-10-16');
  });

  it('places cadence steps by offset, optionally skipping weekends', () => {
    // Thursday 2026-10-15: +2 is Saturday, +3 Sunday, +4 Monday.
    expect(cadenceStepDay('2026-10-15', 0, true)).toBe('2026-10-15');
    expect(cadenceStepDay('2026-10-15', 2, true)).toBe('2026-10-19');
    expect(cadenceStepDay('2026-10-15', 3, true)).toBe('2026-10-19');
    expect(cadenceStepDay('2026-10-15', 2, false)).toBe('2026-10-17');
    expect(cadenceStepDay('2026-10-15', 7, true)).toBe('2026-10-22');
  });

  it('finds the start of the week for either week start', () => {
    expect(startOfWeek('2026-10-15', 1)).toBe('2026-10-12');
    expect(startOfWeek('2026-10-15', 0)).toBe('2026-10-11');
    expect(startOfWeek('2026-10-11', 1)).toBe('2026-10-05');
  });

  it('normalises due dates to UTC instants', () => {
    expect(toDueInstant('2026-03-04')).toBe('2026-03-04T00:00:00.000Z');
    expect(toDueInstant('2026-03-04T15:30:00+02:00')).toBe('2026-03-04T13:30:00.000Z');
  });
});
