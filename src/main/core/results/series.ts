import type { Dashboard } from '@shared/api/results';
import { addDays, startOfWeek } from '@shared/domain/dates';
import { rangeLength } from '@shared/domain/periods';
import type { AttributedRevenue } from './attribution-data';
import type { PeriodFacts } from './period';

type Series = Dashboard['series'];
type Bucket = Series['bucket'];

/** Days up to a month, weeks up to half a year, months beyond. */
function bucketFor(from: string, to: string): Bucket {
  const days = rangeLength({ startDate: from, endDate: to });
  return days <= 31 ? 'day' : days <= 183 ? 'week' : 'month';
}

function bucketStart(day: string, bucket: Bucket, weekStart: number): string {
  if (bucket === 'day') return day;
  if (bucket === 'week') return startOfWeek(day, weekStart);
  return `${day.slice(0, 7)}-01`;
}

function nextStart(start: string, bucket: Bucket): string {
  if (bucket === 'day') return addDays(start, 1);
  if (bucket === 'week') return addDays(start, 7);
  const y = Number(start.slice(0, 4));
  const m = Number(start.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/**
 * Revenue, spend, visits and leads per bucket of the period, up to today. The bucket holding today is
 * `partial` ("so far"); a bucket without a single day of visit data has visits null.
 */
export function buildSeries(
  range: { from: string; to: string },
  today: string,
  weekStart: number,
  facts: PeriodFacts,
  revenue: AttributedRevenue,
): Series {
  const bucket = bucketFor(range.from, range.to);
  const points: Series['points'] = [];
  const last = today < range.to ? today : range.to;
  for (
    let start = bucketStart(range.from, bucket, weekStart);
    start <= last;
    start = nextStart(start, bucket)
  ) {
    const end = addDays(nextStart(start, bucket), -1);
    let revenueMinor = 0;
    let spendMinor = 0;
    let visits: number | null = null;
    let leads = 0;
    for (
      let day = start < range.from ? range.from : start;
      day <= end && day <= range.to;
      day = addDays(day, 1)
    ) {
      revenueMinor += revenue.byDay.get(day)?.revenueMinor ?? 0;
      spendMinor += facts.spendByDay.get(day) ?? 0;
      leads += facts.leadsByDay.get(day) ?? 0;
      const v = facts.visitsByDay.get(day);
      if (v !== undefined) visits = (visits ?? 0) + v;
    }
    const label = bucket === 'month' ? start.slice(0, 7) : bucket === 'week' ? `Week of ${start}` : start;
    points.push({
      start,
      label,
      revenueMinor,
      spendMinor,
      visits,
      leads,
      partial: end >= today && today >= start,
    });
  }
  return { bucket, points };
}
