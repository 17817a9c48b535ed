import { describe, expect, it } from 'vitest';
import { visitsVsSales, type DailySeries } from '@shared/domain/correlation';
import { addDays } from '@shared/domain/dates';
import { analysisOf } from './visits-sales';

/** Daily visits with a weekly rhythm and sales following them two days later, plus some noise. */
function series(days: number, seed: number): { visits: DailySeries; sales: DailySeries } {
  const visits: DailySeries = {};
  const sales: DailySeries = {};
  let x = seed;
  const noise = () => ((x = (x * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648) * 10;
  const v: number[] = [];
  for (let i = 0; i < days; i++) {
    const day = addDays('2026-01-01', i);
    v.push(100 + 30 * Math.sin(i / 3) + noise());
    visits[day] = Math.round(v[i]!);
    sales[day] = Math.round((v[i - 2] ?? 100) / 10 + noise() / 5);
  }
  return { visits, sales };
}

describe('analysisOf', () => {
  it('answers as visitsVsSales does, for the input it was given, when asked again', () => {
    const a = series(200, 7);
    const b = series(200, 11);
    const first = analysisOf(a.visits, a.sales);
    expect(first).toEqual(visitsVsSales(a.visits, a.sales));
    expect(first.status).toBe('ok');
    // The same input again is answered from memory: the very same object, not a new analysis.
    expect(analysisOf(a.visits, a.sales)).toBe(first);
    expect(analysisOf({ ...a.visits }, { ...a.sales })).toBe(first);
    // Another input is analysed for itself, not answered from the first.
    const other = analysisOf(b.visits, b.sales);
    expect(other).toEqual(visitsVsSales(b.visits, b.sales));
    expect(other).not.toEqual(first);
    const names = { visits: 'email visits', sales: 'email sales' };
    expect(analysisOf(a.visits, a.sales, names)).toEqual(visitsVsSales(a.visits, a.sales, { names }));
    // A changed day is a changed input.
    const changed = { ...a.visits, '2026-03-01': a.visits['2026-03-01']! + 500 };
    expect(analysisOf(changed, a.sales)).toEqual(visitsVsSales(changed, a.sales));
    expect(analysisOf(changed, a.sales)).not.toEqual(first);
    expect(analysisOf(changed, a.sales)).not.toBe(first);
  });
});
