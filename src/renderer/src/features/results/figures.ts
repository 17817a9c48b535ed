import type { Tile } from '@shared/api/results';
import { nameLocale, type Formatter } from '@shared/domain/format';

/** How the Results screen writes its figures and their changes; pure, so the wording is unit-tested. */

export type FigureFormat = Tile['format'];

export function figure(format: Formatter, kind: FigureFormat, value: number | null, locale: string): string {
  if (value === null) return '—';
  switch (kind) {
    case 'money':
      return format.money(value);
    case 'count':
      return format.number(Math.round(value * 100) / 100);
    case 'rate':
      return format.percent(value);
    case 'rating':
      return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value)} / 5`;
    case 'days':
      return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)} ${value === 1 ? 'day' : 'days'}`;
  }
}

/** Tiles where a rise is bad news: costs. Everything else reads "up is good". */
const LOWER_IS_BETTER = new Set<Tile['id']>([
  'spend',
  'costPerLead',
  'costPerQualifiedLead',
  'lost',
  'salesCycleDays',
]);

export interface Change {
  /** "+12.5 % (+$340.00)", "−3.1 pp", "New", or "—" without a comparison. */
  text: string;
  direction: 'up' | 'down' | 'flat' | 'none';
  /** null when the change is neither good nor bad (no comparison, flat, or spend). */
  tone: 'good' | 'bad' | null;
}

const signed = (text: string, value: number) =>
  value > 0 ? `+${text}` : value < 0 ? `−${text.replace(/^-/, '')}` : text;

export function change(format: Formatter, tile: Tile, locale: string): Change {
  const { delta } = tile;
  if (delta.kind === 'none' || tile.value === null) return { text: '—', direction: 'none', tone: null };
  if (delta.kind === 'new') return { text: 'New', direction: 'up', tone: null };
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  let text: string;
  const amount = delta.absolute;
  if (tile.format === 'rate') {
    // Percentage points, already scaled (5 = five points).
    const points = delta.points ?? amount * 100;
    text = `${signed(number.format(Math.abs(points)), points)} pp`;
  } else {
    const absolute = signed(figure(format, tile.format, Math.abs(amount), locale), amount);
    text =
      delta.percent === null
        ? absolute
        : `${signed(`${number.format(Math.abs(delta.percent * 100))} %`, delta.percent)} (${absolute})`;
  }
  const direction = amount > 0 ? 'up' : amount < 0 ? 'down' : 'flat';
  const better = LOWER_IS_BETTER.has(tile.id) ? direction === 'down' : direction === 'up';
  const tone = direction === 'flat' || tile.id === 'spend' ? null : better ? 'good' : 'bad';
  return { text, direction, tone };
}

/** "Mar 1 – Mar 14, 2026" from two calendar days. */
export function rangeText(format: Formatter, range: { from: string; to: string }): string {
  return range.from === range.to
    ? format.date(range.from)
    : `${format.date(range.from)} – ${format.date(range.to)}`;
}

/** A chart bucket's name in the workspace locale: "Oct 5" for days and weeks, "Oct 2026" for months. */
export function bucketLabel(start: string, bucket: 'day' | 'week' | 'month', locale: string): string {
  const options: Intl.DateTimeFormatOptions =
    bucket === 'month' ? { month: 'short', year: 'numeric' } : { month: 'short', day: 'numeric' };
  return new Intl.DateTimeFormat(nameLocale(locale), { ...options, timeZone: 'UTC' }).format(
    new Date(`${start.slice(0, 10)}T00:00:00Z`),
  );
}
