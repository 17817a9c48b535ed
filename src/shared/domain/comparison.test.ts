import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparePeriods, delta, pace, sameDayLastYear } from './comparison';
import { addDays, dayOfWeek } from './dates';
import { rangeLength } from './periods';

const range = (startDate: string, endDate: string) => ({ startDate, endDate });

describe('comparePeriods: previous period', () => {
  it('a finished 31-day month meets the 31 days starting five weeks earlier, weekday for weekday', () => {
    const c = comparePeriods(range('2026-03-01', '2026-03-31'), 'previous', '2026-04-15');
    expect(c).toEqual({
      current: range('2026-03-01', '2026-03-31'),
      previous: range('2026-01-25', '2026-02-24'),
      running: false,
      elapsedDays: 31,
      label: 'previous period',
    });
    expect(dayOfWeek(c.previous.startDate)).toBe(dayOfWeek(c.current.startDate));
  });

  it('a 28-day February meets the four weeks right before it', () => {
    const c = comparePeriods(range('2026-02-01', '2026-02-28'), 'previous', '2026-03-02');
    expect(c.previous).toEqual(range('2026-01-04', '2026-01-31'));
  });

  it('a quarter of 90 days moves back 13 weeks', () => {
    const c = comparePeriods(range('2026-01-01', '2026-03-31'), 'previous', '2026-05-01');
    expect(c.previous).toEqual(range('2025-10-02', '2025-12-30'));
    expect(rangeLength(c.previous)).toBe(90);
  });

  it('a running month is cut at today and compared over as many days', () => {
    const c = comparePeriods(range('2026-03-01', '2026-03-31'), 'previous', '2026-03-10');
    expect(c.current).toEqual(range('2026-03-01', '2026-03-10'));
    expect(c.previous).toEqual(range('2026-01-25', '2026-02-03'));
    expect(c.running).toBe(true);
    expect(c.elapsedDays).toBe(10);
  });

  it('the first and last days of a period count as running', () => {
    expect(comparePeriods(range('2026-03-01', '2026-03-31'), 'previous', '2026-03-01')).toMatchObject({
      running: true,
      elapsedDays: 1,
      current: range('2026-03-01', '2026-03-01'),
      previous: range('2026-01-25', '2026-01-25'),
    });
    expect(comparePeriods(range('2026-03-01', '2026-03-31'), 'previous', '2026-03-31')).toMatchObject({
      running: true,
      elapsedDays: 31,
      previous: range('2026-01-25', '2026-02-24'),
    });
  });

  it('a period that has not started is compared in full with nothing elapsed', () => {
    const c = comparePeriods(range('2026-03-01', '2026-03-31'), 'previous', '2026-02-20');
    expect(c).toMatchObject({ running: false, elapsedDays: 0, current: range('2026-03-01', '2026-03-31') });
    expect(c.previous).toEqual(range('2026-01-25', '2026-02-24'));
  });

  it('property: the same length, the same weekdays, entirely before the period', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: -50, max: 500 }),
        (offset, length, todayOffset) => {
          const startDate = addDays('2020-01-01', offset);
          const r = range(startDate, addDays(startDate, length - 1));
          const c = comparePeriods(r, 'previous', addDays(startDate, todayOffset));
          expect(rangeLength(c.previous)).toBe(rangeLength(c.current));
          expect(dayOfWeek(c.previous.startDate)).toBe(dayOfWeek(startDate));
          expect(c.previous.endDate < startDate).toBe(true);
          expect(c.elapsedDays).toBe(Math.max(0, Math.min(length, todayOffset + 1)));
        },
      ),
    );
  });
});

describe('comparePeriods: same period last year', () => {
  it('same calendar dates a year earlier', () => {
    expect(comparePeriods(range('2026-03-01', '2026-03-31'), 'year', '2026-05-01')).toEqual({
      current: range('2026-03-01', '2026-03-31'),
      previous: range('2025-03-01', '2025-03-31'),
      running: false,
      elapsedDays: 31,
      label: 'same period last year',
    });
    expect(comparePeriods(range('2026-04-01', '2026-06-30'), 'year', '2026-07-01').previous).toEqual(
      range('2025-04-01', '2025-06-30'),
    );
  });

  it('a running month is compared with the same dates so far', () => {
    const c = comparePeriods(range('2026-03-01', '2026-03-31'), 'year', '2026-03-10');
    expect(c.current).toEqual(range('2026-03-01', '2026-03-10'));
    expect(c.previous).toEqual(range('2025-03-01', '2025-03-10'));
  });

  it('leap day: 29 February becomes 28 February; whole Februaries meet whole Februaries', () => {
    expect(sameDayLastYear('2024-02-29')).toBe('2023-02-28');
    expect(sameDayLastYear('2025-02-28')).toBe('2024-02-28');
    expect(comparePeriods(range('2024-02-01', '2024-02-29'), 'year', '2024-06-01').previous).toEqual(
      range('2023-02-01', '2023-02-28'),
    );
    expect(comparePeriods(range('2025-02-01', '2025-02-28'), 'year', '2025-06-01').previous).toEqual(
      range('2024-02-01', '2024-02-29'),
    );
    expect(comparePeriods(range('2024-02-29', '2024-03-06'), 'year', '2024-06-01').previous).toEqual(
      range('2023-02-28', '2023-03-06'),
    );
    // Running on the leap day itself: the comparison ends on 28 February.
    expect(comparePeriods(range('2028-02-01', '2028-02-29'), 'year', '2028-02-29')).toMatchObject({
      running: true,
      elapsedDays: 29,
      previous: range('2027-02-01', '2027-02-28'),
    });
  });

  it('rejects a period that ends before it starts', () => {
    expect(() => comparePeriods(range('2026-03-02', '2026-03-01'), 'year', '2026-03-01')).toThrow(
      /before it starts/,
    );
  });
});

describe('delta', () => {
  it('counts and money: absolute change and percent of the previous value', () => {
    expect(delta(120, 100, 'count')).toEqual({ kind: 'change', absolute: 20, percent: 0.2 });
    expect(delta(50_000, 80_000, 'money')).toEqual({ kind: 'change', absolute: -30_000, percent: -0.375 });
    expect(delta(0, 40, 'count')).toEqual({ kind: 'change', absolute: -40, percent: -1 });
    expect(delta(null, 40, 'count')).toEqual({ kind: 'change', absolute: -40, percent: -1 });
    expect(delta(7, 7, 'count')).toEqual({ kind: 'change', absolute: 0, percent: 0 });
  });

  it('a loss that shrinks is a positive change', () => {
    expect(delta(-50, -100, 'money')).toEqual({ kind: 'change', absolute: 50, percent: 0.5 });
  });

  it('something from nothing is new; nothing on both sides is none', () => {
    expect(delta(5, 0, 'count')).toEqual({ kind: 'new' });
    expect(delta(5, null, 'money')).toEqual({ kind: 'new' });
    expect(delta(0, 0, 'count')).toEqual({ kind: 'none' });
    expect(delta(null, null, 'money')).toEqual({ kind: 'none' });
    expect(delta(0, null, 'rate')).toEqual({ kind: 'none' });
    expect(delta(-300, 0, 'money')).toEqual({ kind: 'change', absolute: -300, percent: null });
  });

  it('rates change in percentage points, without a percent', () => {
    const d = delta(0.25, 0.2, 'rate');
    expect(d.kind).toBe('change');
    if (d.kind !== 'change') return;
    expect(d.percent).toBeNull();
    expect(d.absolute).toBeCloseTo(0.05, 12);
    expect(d.points).toBeCloseTo(5, 10);
    expect(delta(0.05, 0, 'rate')).toMatchObject({ kind: 'change', percent: null, points: 5 });
    expect(delta(0.1, null, 'rate')).toEqual({ kind: 'new' });
    expect(delta(null, 0.3, 'rate')).toEqual({ kind: 'none' });
  });
});

describe('delta properties', () => {
  it('property: a change always leads from previous to current', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: -1e9, max: 1e9 }), { nil: null }),
        fc.option(fc.integer({ min: -1e9, max: 1e9 }), { nil: null }),
        fc.constantFrom('count' as const, 'money' as const),
        (current, previous, kind) => {
          const d = delta(current, previous, kind);
          if (d.kind === 'none') expect(current ?? 0).toBe(0);
          if (d.kind === 'none') expect(previous ?? 0).toBe(0);
          if (d.kind === 'new') expect([current! > 0, previous ?? 0]).toEqual([true, 0]);
          if (d.kind !== 'change') return;
          expect((previous ?? 0) + d.absolute).toBe(current ?? 0);
          if (d.percent !== null) expect(d.percent * Math.abs(previous!)).toBeCloseTo(d.absolute, 3);
          expect(d.points).toBeUndefined();
        },
      ),
    );
  });
});

describe('pace', () => {
  const march = range('2026-03-01', '2026-03-31');

  it('expects the goal in proportion to the days gone, today included', () => {
    const p = pace(62, 25, march, '2026-03-10');
    expect(p.fractionElapsed).toBeCloseTo(10 / 31, 12);
    expect(p.expected).toBeCloseTo(20, 12);
    expect(p.ahead).toBe(true);
    expect(pace(62, 19, march, '2026-03-10').ahead).toBe(false);
  });

  it('nothing expected before the start, everything after the end', () => {
    expect(pace(100, 0, march, '2026-02-27')).toEqual({ expected: 0, ahead: true, fractionElapsed: 0 });
    expect(pace(100, 99, march, '2026-04-02')).toEqual({ expected: 100, ahead: false, fractionElapsed: 1 });
    expect(pace(100, 100, march, '2026-03-31')).toEqual({ expected: 100, ahead: true, fractionElapsed: 1 });
  });

  it('no goal, no pace', () => {
    expect(pace(null, 10, march, '2026-03-15')).toEqual({
      expected: null,
      ahead: null,
      fractionElapsed: 15 / 31,
    });
  });
});
