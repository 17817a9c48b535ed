import { describe, expect, it } from 'vitest';
import {
  addMonths,
  fiscalYear,
  monthGridRange,
  nextPeriod,
  periodLabel,
  periodRange,
  periodShift,
  periodTag,
  rangeLength,
  weekRange,
} from './periods';

describe('periodRange', () => {
  it('gives the calendar month, including leap February', () => {
    expect(periodRange('month', '2026-03-17')).toEqual({ startDate: '2026-03-01', endDate: '2026-03-31' });
    expect(periodRange('month', '2028-02-10', 4)).toEqual({ startDate: '2028-02-01', endDate: '2028-02-29' });
    expect(periodRange('month', '2026-02-28')).toEqual({ startDate: '2026-02-01', endDate: '2026-02-28' });
  });

  it('gives calendar quarters and years with a January fiscal year', () => {
    expect(periodRange('quarter', '2026-01-01')).toEqual({ startDate: '2026-01-01', endDate: '2026-03-31' });
    expect(periodRange('quarter', '2026-05-15')).toEqual({ startDate: '2026-04-01', endDate: '2026-06-30' });
    expect(periodRange('quarter', '2026-12-31')).toEqual({ startDate: '2026-10-01', endDate: '2026-12-31' });
    expect(periodRange('year', '2026-07-04')).toEqual({ startDate: '2026-01-01', endDate: '2026-12-31' });
  });

  it('follows a fiscal year that starts in April', () => {
    expect(periodRange('year', '2026-03-31', 4)).toEqual({ startDate: '2025-04-01', endDate: '2026-03-31' });
    expect(periodRange('year', '2026-04-01', 4)).toEqual({ startDate: '2026-04-01', endDate: '2027-03-31' });
    expect(periodRange('quarter', '2026-04-01', 4)).toEqual({
      startDate: '2026-04-01',
      endDate: '2026-06-30',
    });
    // The fourth fiscal quarter straddles the calendar year.
    expect(periodRange('quarter', '2027-02-14', 4)).toEqual({
      startDate: '2027-01-01',
      endDate: '2027-03-31',
    });
  });

  it('follows fiscal years starting in odd months, across the year end', () => {
    expect(periodRange('quarter', '2026-01-15', 11)).toEqual({
      startDate: '2025-11-01',
      endDate: '2026-01-31',
    });
    expect(periodRange('quarter', '2026-02-01', 11)).toEqual({
      startDate: '2026-02-01',
      endDate: '2026-04-30',
    });
    expect(periodRange('year', '2026-10-31', 11)).toEqual({ startDate: '2025-11-01', endDate: '2026-10-31' });
    expect(periodRange('year', '2026-12-01', 12)).toEqual({ startDate: '2026-12-01', endDate: '2027-11-30' });
  });

  it('refuses an impossible fiscal start month', () => {
    expect(() => periodRange('year', '2026-01-01', 13)).toThrow(RangeError);
    expect(() => periodRange('year', '2026-01-01', 0)).toThrow(RangeError);
  });
});

describe('next period and shifting', () => {
  it('moves to the next month, quarter and fiscal year', () => {
    expect(nextPeriod('month', periodRange('month', '2026-01-10'))).toEqual({
      startDate: '2026-02-01',
      endDate: '2026-02-28',
    });
    expect(nextPeriod('quarter', periodRange('quarter', '2026-11-01'))).toEqual({
      startDate: '2027-01-01',
      endDate: '2027-03-31',
    });
    expect(nextPeriod('year', periodRange('year', '2026-05-01', 4), 4)).toEqual({
      startDate: '2027-04-01',
      endDate: '2028-03-31',
    });
  });

  it('repeats a custom period with the same length', () => {
    const range = { startDate: '2026-03-10', endDate: '2026-04-08' };
    expect(rangeLength(range)).toBe(30);
    expect(nextPeriod('custom', range)).toEqual({ startDate: '2026-04-09', endDate: '2026-05-08' });
    expect(periodShift('custom', range)('2026-03-10')).toBe('2026-04-09');
  });

  it('shifts calendar periods by whole months, keeping month ends at month ends', () => {
    const shift = periodShift('quarter', periodRange('quarter', '2026-01-01'));
    expect(shift('2026-01-05')).toBe('2026-04-05');
    expect(shift('2026-03-31')).toBe('2026-06-30');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-01-30', 1)).toBe('2026-02-28');
    expect(addMonths('2026-02-28', 1)).toBe('2026-03-31');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
  });
});

describe('labels and tags', () => {
  it('names periods without words of any one language', () => {
    expect(periodLabel('month', periodRange('month', '2026-03-02'))).toBe('2026-03');
    expect(periodLabel('quarter', periodRange('quarter', '2026-05-02'))).toBe('Q2 2026');
    expect(periodLabel('quarter', periodRange('quarter', '2026-05-02', 4), 4)).toBe('FY2027 Q1');
    expect(periodLabel('year', periodRange('year', '2026-05-02', 4), 4)).toBe('FY2027');
    expect(periodLabel('year', periodRange('year', '2026-05-02'))).toBe('2026');
    expect(fiscalYear('2026-03-31', 4)).toBe(2026);
  });

  it('makes tags that are valid tracking-code parts', () => {
    expect(periodTag('quarter', periodRange('quarter', '2026-05-02'))).toBe('2026q2');
    expect(periodTag('quarter', periodRange('quarter', '2026-05-02', 4), 4)).toBe('fy2027q1');
    expect(periodTag('month', periodRange('month', '2026-05-02'))).toBe('2026-05');
    expect(periodTag('custom', { startDate: '2026-05-02', endDate: '2026-05-20' })).toBe('20260502');
  });
});

describe('calendar views', () => {
  it('gives the week starting Monday or Sunday', () => {
    // 2026-03-18 is a Wednesday.
    expect(weekRange('2026-03-18', 1)).toEqual({ startDate: '2026-03-16', endDate: '2026-03-22' });
    expect(weekRange('2026-03-18', 0)).toEqual({ startDate: '2026-03-15', endDate: '2026-03-21' });
    expect(weekRange('2026-03-16', 1).startDate).toBe('2026-03-16');
  });

  it('covers a month with whole weeks', () => {
    // March 2026 starts on a Sunday and ends on a Tuesday.
    expect(monthGridRange('2026-03-10', 1)).toEqual({ startDate: '2026-02-23', endDate: '2026-04-05' });
    expect(monthGridRange('2026-03-10', 0)).toEqual({ startDate: '2026-03-01', endDate: '2026-04-04' });
  });
});
