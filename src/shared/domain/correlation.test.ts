import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CORRELATION_FOOTER,
  bonferroniZ,
  normalQuantile,
  pearson,
  ranks,
  significanceThreshold,
  spearman,
  visitsVsSales,
  type DailySeries,
  type VisitsVsSales,
} from './correlation';

/** mulberry32: a small seeded generator, so every synthetic series is reproducible. */
function prng(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws by Box–Muller. */
function normal(rng: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

const START = Date.UTC(2025, 0, 6); // a Monday
const day = (i: number): string => new Date(START + i * 86_400_000).toISOString().slice(0, 10);
const series = (values: readonly number[]): DailySeries =>
  Object.fromEntries(values.map((v, i) => [day(i), v]));
// Hundreds of full analyses; generous so a busy machine does not fail them (speed is measured in bench/).
const MANY_SEEDS_TIMEOUT_MS = 60_000;
const WEEKLY = [1.3, 1.15, 1, 1, 0.95, 0.7, 0.6];

function randomWalk(n: number, step: number, g: () => number, from = 100): number[] {
  const out: number[] = [];
  let level = from;
  for (let i = 0; i < n; i++) out.push((level += g() * step));
  return out;
}

/** Visits with a weekly pattern, a trend and noise; sales move with the visits' surprises `lag` days later. */
function lagged(seed: number, n: number, lag: number, strength = 0.15) {
  const g = normal(prng(seed));
  const surprise = Array.from({ length: n }, () => g() * 40);
  const visits = surprise.map((s, i) => (300 + i * 0.5) * WEEKLY[i % 7]! + s);
  const sales = surprise.map(
    (_, i) => 30 * WEEKLY[i % 7]! + (i >= lag ? strength * surprise[i - lag]! : 0) + g() * 6,
  );
  return { visits, sales };
}

const ok = (result: VisitsVsSales) => {
  if (result.status !== 'ok') throw new Error(`expected a result, got: ${result.sentence}`);
  return result;
};

describe('pearson and spearman', () => {
  it('perfect, inverse and undefined correlations', () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(pearson([1, 2], [1, 2])).toBeNull();
    expect(pearson([5, 5, 5, 5], [1, 2, 3, 4])).toBeNull();
    expect(pearson([0.1, 0.1, 0.1], [1, 2, 3])).toBeNull();
    expect(() => pearson([1, 2, 3], [1, 2])).toThrow(/pairs/);
  });

  it('a hand-computed Pearson r', () => {
    // x̄ = 3, ȳ = 4; Σdxdy = 8, Σdx² = 10, Σdy² = 10 → 0.8
    expect(pearson([1, 2, 3, 4, 5], [3, 2, 5, 4, 6])).toBeCloseTo(0.8, 12);
  });

  it('average ranks for ties; Spearman sees any monotone relation as 1', () => {
    expect(ranks([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
    expect(ranks([3, 1, 3, 3])).toEqual([3, 1, 3, 3]);
    expect(spearman([1, 2, 3, 4], [1, 8, 27, 64])).toBeCloseTo(1, 12);
    // Σd² = 4 over 5 → 1 − 6·4 / (5·24) = 0.8
    expect(spearman([1, 2, 3, 4, 5], [2, 1, 4, 3, 5])).toBeCloseTo(0.8, 12);
    // with ties: ranks y = [1.5, 1.5, 3, 4] against [1, 2, 3, 4]
    expect(spearman([1, 2, 3, 4], [7, 7, 8, 9])).toBeCloseTo(pearson([1, 2, 3, 4], [1.5, 1.5, 3, 4])!, 12);
  });

  it('property: r lies in [−1, 1], is symmetric and ignores positive rescaling; negation flips it', () => {
    const pairsArb = fc
      .array(fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -1000, max: 1000 })), {
        minLength: 3,
        maxLength: 60,
      })
      .map((ps) => ({ x: ps.map((p) => p[0]), y: ps.map((p) => p[1]) }));
    fc.assert(
      fc.property(
        pairsArb,
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: -500, max: 500 }),
        ({ x, y }, a, b) => {
          const r = pearson(x, y);
          if (r === null) return;
          expect(Math.abs(r)).toBeLessThanOrEqual(1);
          expect(pearson(y, x)).toBeCloseTo(r, 12);
          expect(
            pearson(
              x.map((v) => a * v + b),
              y,
            ),
          ).toBeCloseTo(r, 9);
          expect(
            pearson(
              x.map((v) => -v),
              y,
            ),
          ).toBeCloseTo(-r, 12);
        },
      ),
    );
  });

  it('property: Spearman ignores any increasing transform; ranks always add up to n(n + 1) / 2', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 })), {
          minLength: 3,
          maxLength: 60,
        }),
        (ps) => {
          const x = ps.map((p) => p[0]);
          const y = ps.map((p) => p[1]);
          const n = x.length;
          expect(ranks(x).reduce((a, b) => a + b, 0)).toBe((n * (n + 1)) / 2);
          const rho = spearman(x, y);
          if (rho === null) return;
          expect(
            spearman(
              x.map((v) => v * v * v + 7 * v),
              y,
            ),
          ).toBeCloseTo(rho, 12);
        },
      ),
    );
  });

  it('Bonferroni thresholds', () => {
    expect(significanceThreshold(100)).toBeCloseTo(0.2935, 12);
    expect(significanceThreshold(0)).toBe(Infinity);
    expect(bonferroniZ(15)).toBeCloseTo(2.935, 3);
    expect(bonferroniZ(29)).toBeCloseTo(3.134, 3);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
  });
});

describe('visitsVsSales', () => {
  it('finds a 3-day lag and calls it significant', () => {
    const { visits, sales } = lagged(7, 280, 3);
    const result = ok(visitsVsSales(series(visits), series(sales)));
    expect(result.lagDays).toBe(3);
    expect(result.significant).toBe(true);
    expect(result.salesLead).toBe(false);
    expect(result.r).toBeGreaterThan(0.4);
    expect(result.lags).toHaveLength(15);
    expect(result.lags[3]!.r).toBe(result.r);
    expect(result.days).toBe(277);
    expect(result.sentence).toMatch(
      /^After days with more visits than usual, sales tended to be higher 3 days later \(r = 0\.\d\d on week-over-week changes, n = \d+ days\)\.$/,
    );
  });

  it('names a channel or a page in the sentence when told what the series are', () => {
    const { visits, sales } = lagged(7, 280, 3);
    const names = { visits: 'views of /wholesale', sales: 'sales' };
    const result = ok(visitsVsSales(series(visits), series(sales), { names }));
    expect(result.lagDays).toBe(3);
    expect(result.sentence).toMatch(
      /^After days with more views of \/wholesale than usual, sales tended to be higher 3 days later \(r = /,
    );
    const quiet = ok(
      visitsVsSales(series(visits), series(sales), {
        maxLag: 0,
        names: { visits: 'email visits', sales: 'email sales' },
      }),
    );
    expect(quiet.sentence).toMatch(
      /(email visits than usual, email sales|between email visits and email sales)/,
    );
  });

  it('a negative link reads as lower', () => {
    const { visits, sales } = lagged(11, 280, 2, -0.15);
    const result = ok(visitsVsSales(series(visits), series(sales)));
    expect(result).toMatchObject({ lagDays: 2, significant: true, salesLead: false });
    expect(result.sentence).toContain('sales tended to be lower 2 days later');
  });

  it('a same-day link', () => {
    const { visits, sales } = lagged(5, 200, 0);
    const result = ok(visitsVsSales(series(visits), series(sales)));
    expect(result).toMatchObject({ lagDays: 0, significant: true });
    expect(result.sentence).toMatch(
      /^On days with more visits than usual, sales tended to be higher the same day/,
    );
  });

  it(
    'two independent random walks are not significant in at least 95 % of 200 seeds',
    () => {
      let significant = 0;
      for (let seed = 1; seed <= 200; seed++) {
        const g = normal(prng(seed * 7919));
        const result = visitsVsSales(series(randomWalk(266, 5, g)), series(randomWalk(266, 3, g, 50)));
        if (ok(result).significant) significant++;
      }
      expect(significant).toBeLessThanOrEqual(10);
    },
    MANY_SEEDS_TIMEOUT_MS,
  );

  it(
    'a shared weekday pattern alone is not significant in at least 95 % of 200 seeds',
    () => {
      let significant = 0;
      let rawAlwaysHigh = true;
      for (let seed = 1; seed <= 200; seed++) {
        const g = normal(prng(seed * 104_729));
        const visits = Array.from({ length: 266 }, (_, i) => 200 * WEEKLY[i % 7]! + g() * 15);
        const sales = Array.from({ length: 266 }, (_, i) => 40 * WEEKLY[i % 7]! + g() * 5);
        const result = ok(visitsVsSales(series(visits), series(sales)));
        if (result.significant) significant++;
        // The raw series do correlate strongly — which is exactly what the differencing is there to remove.
        if (!(result.lags[0]!.rRaw! > 0.5)) rawAlwaysHigh = false;
      }
      expect(significant).toBeLessThanOrEqual(10);
      expect(rawAlwaysHigh).toBe(true);
    },
    MANY_SEEDS_TIMEOUT_MS,
  );

  it('50 days are not enough', () => {
    const { visits, sales } = lagged(3, 50, 3);
    expect(visitsVsSales(series(visits), series(sales))).toEqual({
      status: 'insufficient',
      days: 50,
      need: 63,
      sentence: 'not enough history yet (need 63 days, have 50)',
    });
    expect(visitsVsSales(series(visits), series(sales), { minDays: 40 }).status).toBe('ok');
  });

  it('flags sales that move before visits instead of calling it visits leading sales', () => {
    const g = normal(prng(99));
    const sales = Array.from({ length: 270 }, (_, i) => 40 * WEEKLY[i % 7]! + g() * 8);
    const visits = Array.from(
      { length: 270 },
      (_, i) =>
        200 * WEEKLY[i % 7]! + (i >= 4 ? 3 * (sales[i - 4]! - 40 * WEEKLY[(i - 4) % 7]!) : 0) + g() * 10,
    );
    const result = ok(visitsVsSales(series(visits), series(sales)));
    expect(result.salesLead).toBe(true);
    expect(result.lagDays).toBe(4);
    expect(result.significant).toBe(true);
    expect(Math.abs(result.r)).toBeGreaterThan(Math.max(...result.lags.map((l) => Math.abs(l.r ?? 0))));
    expect(result.sentence).toMatch(/^Changes in sales tended to come before changes in visits/);
    expect(result.sentence).toContain('visits tended to be higher 4 days later');
    expect(result.sentence).not.toMatch(/more visits than usual/);
  });

  it('skips days without a visits figure instead of counting them as zero', () => {
    // 15 days of visits with day 9 missing; sales every day. Week-over-week changes exist for days 8–15
    // except 9 (its own figure is missing) and 16 (outside): 7 pairs at lag 0, 14 raw days.
    const visits: DailySeries = {};
    const sales: DailySeries = {};
    const g = normal(prng(1));
    for (let i = 1; i <= 15; i++) {
      sales[day(i)] = 20 + g() * 3;
      if (i !== 9) visits[day(i)] = 100 + g() * 10;
    }
    const skipped = ok(visitsVsSales(visits, sales, { maxLag: 0, minDays: 10 }));
    expect(skipped.lags[0]).toMatchObject({ n: 7, days: 14 });
    const zeroed = ok(visitsVsSales({ ...visits, [day(9)]: 0 }, sales, { maxLag: 0, minDays: 10 }));
    expect(zeroed.lags[0]).toMatchObject({ n: 8, days: 15 });
    expect(skipped.r).not.toBe(zeroed.r);
    expect(skipped.reverseLags).toEqual([]);
    expect(skipped.sentence).toMatch(
      /^(On days with more visits|No clear link between visits and sales on the same day)/,
    );
  });

  it('a missing sales day inside the visits range is no sales; outside it, no data', () => {
    const visits: DailySeries = {};
    for (let i = 0; i < 20; i++) visits[day(i)] = 100 + ((i * 37) % 11);
    const sales: DailySeries = { [day(3)]: 5, [day(12)]: 9, [day(19)]: 4 };
    const result = ok(visitsVsSales(visits, sales, { maxLag: 2, minDays: 10 }));
    // Sales are known for days 0–19 (zeros filled in), so lag k pairs 20 − k raw days.
    expect(result.lags.map((l) => l.days)).toEqual([20, 19, 18]);
    expect(result.lags.map((l) => l.n)).toEqual([13, 12, 11]);
    const withLater = ok(visitsVsSales(visits, { ...sales, [day(20)]: 6 }, { maxLag: 2, minDays: 10 }));
    expect(withLater.lags.map((l) => l.days)).toEqual([20, 20, 19]);
  });

  it('nothing to line up when nothing changes', () => {
    const flat = series(Array.from({ length: 70 }, () => 10));
    const result = visitsVsSales(flat, flat);
    expect(result.status).toBe('insufficient');
    expect(result.sentence).toMatch(/nothing to line up/);
  });

  it('rejects malformed days and values', () => {
    expect(() => visitsVsSales({ '2026-02-30': 3 }, {})).toThrow(/visits.*2026-02-30/);
    expect(() => visitsVsSales({ '2026-02-03': Number.NaN }, {})).toThrow(/visits on 2026-02-03/);
  });

  it(
    'never words a correlation as a cause, over many seeds and shapes',
    () => {
      const forbidden = /\b(caused|cause|causes|drove|drive|drives|due to|because|led to|result of)\b/i;
      const sentences = new Set<string>();
      for (let seed = 1; seed <= 60; seed++) {
        const g = normal(prng(seed));
        const walkA = randomWalk(120 + seed, 4, g);
        const walkB = randomWalk(120 + seed, 2, g, 30);
        sentences.add(visitsVsSales(series(walkA), series(walkB)).sentence);
        const { visits, sales } = lagged(seed, 100 + seed * 3, seed % 15, seed % 2 ? 0.15 : -0.15);
        sentences.add(visitsVsSales(series(visits), series(sales)).sentence);
        sentences.add(visitsVsSales(series(sales), series(visits)).sentence);
        sentences.add(visitsVsSales(series(visits.slice(0, seed)), series(sales)).sentence);
      }
      expect(sentences.size).toBeGreaterThan(100);
      const kinds = [...sentences].map((s) => s.split(' ').slice(0, 3).join(' '));
      expect(new Set(kinds).size).toBeGreaterThanOrEqual(4);
      for (const sentence of sentences) expect(sentence).not.toMatch(forbidden);
      expect(CORRELATION_FOOTER).toBe('correlation, not causation');
    },
    MANY_SEEDS_TIMEOUT_MS,
  );
});
