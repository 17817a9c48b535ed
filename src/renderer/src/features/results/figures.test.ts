import { describe, expect, it } from 'vitest';
import type { Tile } from '@shared/api/results';
import { createFormatter } from '@shared/domain/format';
import { change, figure, rangeText } from './figures';

const format = createFormatter('en-US', 'USD');
const tile = (patch: Partial<Tile>): Tile => ({
  id: 'leads',
  label: 'Leads',
  value: 12,
  previous: 10,
  format: 'count',
  delta: { kind: 'change', absolute: 2, percent: 0.2 },
  modelDependent: false,
  ...patch,
});

describe('change', () => {
  it('writes counts as percent and absolute, up being good', () => {
    expect(change(format, tile({}), 'en-US')).toEqual({
      text: '+20.0 % (+2)',
      direction: 'up',
      tone: 'good',
    });
  });

  it('writes money with the currency and a true minus sign', () => {
    const t = tile({
      id: 'revenue',
      format: 'money',
      value: 90_000,
      previous: 120_000,
      delta: { kind: 'change', absolute: -30_000, percent: -0.25 },
    });
    expect(change(format, t, 'en-US')).toEqual({
      text: '−25.0 % (−$300.00)',
      direction: 'down',
      tone: 'bad',
    });
  });

  it('writes rates as percentage points', () => {
    const t = tile({
      id: 'winRate',
      format: 'rate',
      value: 0.3,
      previous: 0.25,
      delta: { kind: 'change', absolute: 0.05, percent: null, points: 5 },
    });
    expect(change(format, t, 'en-US').text).toBe('+5.0 pp');
  });

  it('says New when the previous value was zero', () => {
    const t = tile({ previous: 0, delta: { kind: 'new' } });
    expect(change(format, t, 'en-US').text).toBe('New');
  });

  it('treats a rising cost per lead as bad news and spend as neither', () => {
    const cpl = tile({
      id: 'costPerLead',
      format: 'money',
      value: 2_000,
      previous: 1_000,
      delta: { kind: 'change', absolute: 1_000, percent: 1 },
    });
    expect(change(format, cpl, 'en-US').tone).toBe('bad');
    expect(change(format, { ...cpl, id: 'spend' }, 'en-US').tone).toBeNull();
  });

  it('shows a dash without a comparison', () => {
    expect(change(format, tile({ previous: null, delta: { kind: 'none' } }), 'en-US')).toEqual({
      text: '—',
      direction: 'none',
      tone: null,
    });
  });
});

describe('figure', () => {
  it('formats each kind in the workspace locale', () => {
    const de = createFormatter('de-DE', 'EUR');
    expect(figure(de, 'money', 123_456, 'de-DE')).toBe('1.234,56\u00a0€');
    expect(figure(de, 'rating', 4.25, 'de-DE')).toBe('4,3 / 5');
    expect(figure(format, 'days', 12.5, 'en-US')).toBe('12.5 days');
    expect(figure(format, 'rate', 0.125, 'en-US')).toBe('12.5%');
    expect(figure(format, 'count', null, 'en-US')).toBe('—');
  });

  it('names a range in words', () => {
    expect(rangeText(format, { from: '2026-03-01', to: '2026-03-14' })).toBe('Mar 1, 2026 – Mar 14, 2026');
  });
});
