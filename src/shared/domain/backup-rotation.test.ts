import { describe, expect, it } from 'vitest';
import { addDays } from './dates';
import { backupsToKeep } from './backup-rotation';

/** One backup a day at 02:00 UTC from `from` to `to` inclusive, each named by its day. */
function daily(from: string, to: string) {
  const out: { id: string; at: string }[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) out.push({ id: day, at: `${day}T02:00:00.000Z` });
  return out;
}

const sorted = (set: Set<string>) => [...set].sort();

describe('backupsToKeep', () => {
  it('keeps the last 7 days, 4 weeks and 12 months across a year end', () => {
    // 2026-01-20 is a Tuesday; weeks start on Monday.
    const keep = backupsToKeep(daily('2025-11-01', '2026-01-20'), 'UTC');
    expect(sorted(keep)).toEqual([
      '2025-11-30', // November's newest
      '2025-12-31', // December's newest
      '2026-01-04', // the week of Mon 29 Dec – Sun 4 Jan, across the year end
      '2026-01-11', // week of 5 Jan
      '2026-01-14', // the 7 days 14–20 Jan (20 Jan also stands for its week and January; 18 Jan for its week)
      '2026-01-15',
      '2026-01-16',
      '2026-01-17',
      '2026-01-18',
      '2026-01-19',
      '2026-01-20',
    ]);
  });

  it('keeps only the newest backup of a day', () => {
    const backups = [
      { id: 'morning', at: '2026-03-02T08:00:00.000Z' },
      { id: 'noon', at: '2026-03-02T12:00:00.000Z' },
      { id: 'evening', at: '2026-03-02T19:00:00.000Z' },
      { id: 'day-before', at: '2026-03-01T19:00:00.000Z' },
    ];
    expect(sorted(backupsToKeep(backups, 'UTC'))).toEqual(['day-before', 'evening']);
  });

  it('counts days, weeks and months that have a backup, not calendar days since today', () => {
    // One backup on the 15th of each month for 15 months: the 7 most recent days with a backup are 7
    // months apart, and the months rule keeps a year of them.
    const backups = Array.from({ length: 15 }, (_, i) => {
      const month = new Date(Date.UTC(2025, i, 15)).toISOString().slice(0, 10);
      return { id: month.slice(0, 7), at: `${month}T02:00:00.000Z` };
    });
    expect(sorted(backupsToKeep(backups, 'UTC'))).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
  });

  it("takes days in the machine's time zone: two UTC days can be one local day", () => {
    const backups = [
      { id: 'jan-31-utc', at: '2026-01-31T20:00:00.000Z' },
      { id: 'feb-1-utc', at: '2026-02-01T02:00:00.000Z' },
    ];
    expect(sorted(backupsToKeep(backups, 'UTC'))).toEqual(['feb-1-utc', 'jan-31-utc']);
    // In New York both are 31 January (15:00 and 21:00): the later one stands for the day, week and month.
    expect(sorted(backupsToKeep(backups, 'America/New_York'))).toEqual(['feb-1-utc']);
  });

  it('keeps nothing of nothing', () => {
    expect(backupsToKeep([], 'UTC').size).toBe(0);
  });
});
