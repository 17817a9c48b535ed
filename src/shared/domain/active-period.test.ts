import { describe, expect, it } from 'vitest';
import {
  activePeriodLabel,
  choosePeriodKind,
  coversText,
  previousRange,
  resolvePeriod,
  restorePeriod,
  stepPeriod,
  storePeriod,
  type PeriodChoice,
} from './active-period';

const MONDAY_JAN = { weekStart: 1, fiscalYearStartMonth: 1 };
const SUNDAY_JULY = { weekStart: 0, fiscalYearStartMonth: 7 };

describe('resolvePeriod', () => {
  it('weeks start on the workspace week start', () => {
    // 2026-10-15 is a Thursday.
    expect(resolvePeriod({ kind: 'week', anchor: '2026-10-15' }, MONDAY_JAN)).toEqual({
      startDate: '2026-10-12',
      endDate: '2026-10-18',
    });
    expect(resolvePeriod({ kind: 'week', anchor: '2026-10-15' }, SUNDAY_JULY)).toEqual({
      startDate: '2026-10-11',
      endDate: '2026-10-17',
    });
  });

  it('quarters and years follow the fiscal-year start; months stay calendar months', () => {
    expect(resolvePeriod({ kind: 'quarter', anchor: '2026-11-02' }, MONDAY_JAN)).toEqual({
      startDate: '2026-10-01',
      endDate: '2026-12-31',
    });
    expect(resolvePeriod({ kind: 'quarter', anchor: '2026-11-02' }, SUNDAY_JULY)).toEqual({
      startDate: '2026-10-01',
      endDate: '2026-12-31',
    });
    expect(resolvePeriod({ kind: 'year', anchor: '2026-11-02' }, SUNDAY_JULY)).toEqual({
      startDate: '2026-07-01',
      endDate: '2027-06-30',
    });
    expect(resolvePeriod({ kind: 'month', anchor: '2026-02-10' }, SUNDAY_JULY)).toEqual({
      startDate: '2026-02-01',
      endDate: '2026-02-28',
    });
  });

  it('a custom range is its own days', () => {
    const custom: PeriodChoice = { kind: 'custom', startDate: '2026-01-01', endDate: '2026-02-15' };
    expect(resolvePeriod(custom, MONDAY_JAN)).toEqual({ startDate: '2026-01-01', endDate: '2026-02-15' });
  });
});

describe('stepPeriod', () => {
  it('moves a month, quarter or year to its neighbour, whatever day it was anchored on', () => {
    const march: PeriodChoice = { kind: 'month', anchor: '2026-03-31' };
    expect(resolvePeriod(stepPeriod(march, -1, MONDAY_JAN), MONDAY_JAN)).toEqual({
      startDate: '2026-02-01',
      endDate: '2026-02-28',
    });
    expect(resolvePeriod(stepPeriod(march, 1, MONDAY_JAN), MONDAY_JAN).startDate).toBe('2026-04-01');
    const fy: PeriodChoice = { kind: 'year', anchor: '2026-08-01' };
    expect(resolvePeriod(stepPeriod(fy, -1, SUNDAY_JULY), SUNDAY_JULY)).toEqual({
      startDate: '2025-07-01',
      endDate: '2026-06-30',
    });
    const q: PeriodChoice = { kind: 'quarter', anchor: '2026-01-15' };
    expect(resolvePeriod(stepPeriod(q, -1, MONDAY_JAN), MONDAY_JAN)).toEqual({
      startDate: '2025-10-01',
      endDate: '2025-12-31',
    });
  });

  it('moves a week by seven days and a custom range by its own length', () => {
    const week = stepPeriod({ kind: 'week', anchor: '2026-10-15' }, 1, MONDAY_JAN);
    expect(resolvePeriod(week, MONDAY_JAN)).toEqual({ startDate: '2026-10-19', endDate: '2026-10-25' });
    const custom: PeriodChoice = { kind: 'custom', startDate: '2026-01-01', endDate: '2026-01-10' };
    expect(stepPeriod(custom, -1, MONDAY_JAN)).toEqual({
      kind: 'custom',
      startDate: '2025-12-22',
      endDate: '2025-12-31',
    });
  });
});

describe('choosePeriodKind', () => {
  it('a kind starts from the period holding today; custom starts from the days shown', () => {
    const q3: PeriodChoice = { kind: 'quarter', anchor: '2026-08-01' };
    expect(choosePeriodKind(q3, 'week', '2026-10-15', MONDAY_JAN)).toEqual({
      kind: 'week',
      anchor: '2026-10-15',
    });
    expect(choosePeriodKind(q3, 'custom', '2026-10-15', MONDAY_JAN)).toEqual({
      kind: 'custom',
      startDate: '2026-07-01',
      endDate: '2026-09-30',
    });
  });
});

describe('remembering the period', () => {
  it('the current period comes back as the current one on a later day', () => {
    const stored = storePeriod({ kind: 'month', anchor: '2026-03-05' }, '2026-03-20', MONDAY_JAN);
    expect(stored).toEqual({ kind: 'month', anchor: 'today' });
    const restored = restorePeriod(JSON.parse(JSON.stringify(stored)), '2026-04-02');
    expect(resolvePeriod(restored, MONDAY_JAN).startDate).toBe('2026-04-01');
  });

  it('a past period and a custom range come back as they were', () => {
    const q3: PeriodChoice = { kind: 'quarter', anchor: '2026-09-30' };
    expect(restorePeriod(storePeriod(q3, '2026-10-15', MONDAY_JAN), '2027-01-01')).toEqual(q3);
    const custom: PeriodChoice = { kind: 'custom', startDate: '2026-10-01', endDate: '2026-10-20' };
    expect(restorePeriod(storePeriod(custom, '2026-10-15', MONDAY_JAN), '2027-01-01')).toEqual(custom);
  });

  it('reads the older form, a kind with its range', () => {
    const old = { kind: 'quarter', range: { startDate: '2026-07-01', endDate: '2026-09-30' } };
    expect(restorePeriod(old, '2026-10-15')).toEqual({ kind: 'quarter', anchor: '2026-07-01' });
    const custom = { kind: 'custom', range: { startDate: '2026-01-01', endDate: '2026-02-15' } };
    expect(restorePeriod(custom, '2026-10-15')).toEqual({ kind: 'custom', ...custom.range });
  });

  it('anything unreadable falls back to the month holding today', () => {
    const month = { kind: 'month', anchor: '2026-10-15' };
    for (const bad of [
      null,
      'month',
      { kind: 'decade', anchor: '2026-01-01' },
      { kind: 'month', anchor: '2026-02-30' },
      { kind: 'custom', startDate: '2026-05-01', endDate: '2026-04-01' },
    ])
      expect(restorePeriod(bad, '2026-10-15')).toEqual(month);
  });
});

describe('labels', () => {
  it('names the period as the picker shows it', () => {
    expect(activePeriodLabel({ kind: 'month', anchor: '2026-10-15' }, MONDAY_JAN, 'en-US')).toBe(
      'October 2026',
    );
    // Month names follow the UI language, not the number locale.
    expect(activePeriodLabel({ kind: 'month', anchor: '2026-10-15' }, MONDAY_JAN, 'de-DE')).toBe(
      'October 2026',
    );
    expect(activePeriodLabel({ kind: 'week', anchor: '2026-10-15' }, MONDAY_JAN, 'en-US')).toBe(
      'Week of Oct 12, 2026',
    );
    expect(activePeriodLabel({ kind: 'quarter', anchor: '2026-10-15' }, MONDAY_JAN, 'en-US')).toBe('Q4 2026');
    expect(activePeriodLabel({ kind: 'quarter', anchor: '2026-10-15' }, SUNDAY_JULY, 'en-US')).toBe(
      'FY2027 Q2',
    );
  });

  it('says which days a figure covers, in the workspace locale', () => {
    const q4 = { startDate: '2026-10-01', endDate: '2026-12-31' };
    expect(coversText(q4, 'en-GB')).toBe('1 Oct – 31 Dec 2026');
    expect(coversText(q4, 'en-US')).toBe('Oct 1 – Dec 31, 2026');
    expect(coversText({ startDate: '2026-10-01', endDate: '2026-10-01' }, 'en-GB')).toBe('1 Oct 2026');
  });

  it('the previous period has the same length and ends the day before', () => {
    expect(previousRange({ startDate: '2026-10-01', endDate: '2026-10-31' })).toEqual({
      startDate: '2026-08-31',
      endDate: '2026-09-30',
    });
  });
});
