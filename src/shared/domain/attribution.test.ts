import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ATTRIBUTION_MODELS,
  MODEL_LABELS,
  NO_DATA_DRIVEN_MODEL,
  attributeAll,
  attributeConversion,
  isAttributionModel,
  modelDescription,
  modelWeights,
  splitMinor,
  touchesInWindow,
  type AttributionModel,
  type Conversion,
  type Touch,
} from './attribution';

const DAY_MS = 86_400_000;
const CONVERSION_AT = '2026-06-30T12:00:00.000Z';
const daysBefore = (days: number, at = CONVERSION_AT): string =>
  new Date(Date.parse(at) - days * DAY_MS).toISOString();

function touch(daysAgo: number, campaignId: string | null, extra: Partial<Touch> = {}): Touch {
  return {
    at: daysBefore(daysAgo),
    campaignId,
    channel: null,
    contentId: null,
    kind: 'lead_source',
    ...extra,
  };
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

describe('touchesInWindow', () => {
  it('keeps touches up to the conversion and inside the lookback, oldest first', () => {
    const log = [touch(1, 'b'), touch(-1, 'future'), touch(10, 'a'), touch(90, 'edge'), touch(89.99, 'in')];
    expect(touchesInWindow(log, CONVERSION_AT, 90).map((t) => t.campaignId)).toEqual(['in', 'a', 'b']);
  });

  it('a touch at the conversion instant counts; equal instants keep their log order', () => {
    const log = [touch(0, 'x'), touch(3, 'p'), touch(3, 'q'), touch(0, 'y')];
    expect(touchesInWindow(log, CONVERSION_AT, 30).map((t) => t.campaignId)).toEqual(['p', 'q', 'x', 'y']);
  });

  it('a touch 120 days old is outside 90 days and inside 180', () => {
    const log = [touch(120, 'old')];
    const conversion: Conversion = { at: CONVERSION_AT, valueMinor: 10_000, touches: log };
    expect(attributeConversion(conversion, { model: 'last', lookbackDays: 90 })).toEqual([]);
    expect(attributeConversion(conversion, { model: 'last', lookbackDays: 180 })).toEqual([
      { touch: log[0], credit: 1, minor: 10_000 },
    ]);
  });

  it('rejects a bad instant or lookback with a specific message', () => {
    expect(() => touchesInWindow([touch(1, 'a')], 'yesterday', 30)).toThrow(/conversion time.*"yesterday"/);
    expect(() => touchesInWindow([{ ...touch(1, 'a'), at: 'soon' }], CONVERSION_AT, 30)).toThrow(
      /touch time/,
    );
    expect(() => touchesInWindow([], CONVERSION_AT, 0)).toThrow(/lookback/);
  });
});

describe('modelWeights', () => {
  const five = [touch(40, 'a'), touch(30, 'b'), touch(20, 'c'), touch(10, 'd'), touch(1, 'e')];
  const weights = (model: AttributionModel, touches: readonly Touch[] = five, extra = {}): number[] =>
    modelWeights(touches, CONVERSION_AT, { model, lookbackDays: 90, ...extra });

  it('first and last give everything to one end', () => {
    expect(weights('first')).toEqual([1, 0, 0, 0, 0]);
    expect(weights('last')).toEqual([0, 0, 0, 0, 1]);
  });

  it('linear shares equally', () => {
    for (const w of weights('linear')) expect(w).toBeCloseTo(0.2, 12);
  });

  it('position-based over five touches: 40 % / 6.67 % × 3 / 40 %', () => {
    const w = weights('position');
    expect(w).toHaveLength(5);
    [0.4, 0.2 / 3, 0.2 / 3, 0.2 / 3, 0.4].forEach((expected, i) => expect(w[i]).toBeCloseTo(expected, 12));
    expect(w[1]).toBeCloseTo(0.0667, 4);
  });

  it('position-based with one touch gives 100 %, with two 50 / 50', () => {
    expect(weights('position', [touch(3, 'a')])).toEqual([1]);
    expect(weights('position', [touch(9, 'a'), touch(3, 'b')])).toEqual([0.5, 0.5]);
  });

  it('time decay halves the weight every 7 days by default', () => {
    const w = weights('time_decay', [touch(14, 'a'), touch(7, 'b'), touch(0, 'c')]);
    // raw weights 1/4, 1/2, 1 → normalised by 7/4
    expect(w[0]).toBeCloseTo(1 / 7, 12);
    expect(w[1]).toBeCloseTo(2 / 7, 12);
    expect(w[2]).toBeCloseTo(4 / 7, 12);
    expect(w[2]! / w[1]!).toBeCloseTo(2, 12);
  });

  it('time decay uses fractional days and a custom half-life', () => {
    const w = weights('time_decay', [touch(1.5, 'a'), touch(0, 'b')], { halfLifeDays: 3 });
    const older = 2 ** -0.5;
    expect(w[0]).toBeCloseTo(older / (1 + older), 12);
    expect(() => weights('time_decay', five, { halfLifeDays: 0 })).toThrow(/half-life/);
  });

  it('time decay survives a half-life far shorter than the window', () => {
    const w = weights('time_decay', [touch(364, 'a'), touch(300, 'b')], { halfLifeDays: 0.01 });
    // Both raw weights underflow to 0 (2^-36400, 2^-30000); measured from the newest they do not.
    expect(w).toEqual([0, 1]);
  });

  it('last non-direct skips Direct visits unless every touch is direct', () => {
    const log = [
      touch(9, 'a'),
      touch(5, 'b'),
      touch(2, null, { direct: true }),
      touch(1, null, { direct: true }),
    ];
    expect(weights('last', log, { lastNonDirect: true })).toEqual([0, 1, 0, 0]);
    expect(weights('last', log)).toEqual([0, 0, 0, 1]);
    const allDirect = [touch(4, null, { direct: true }), touch(2, null, { direct: true })];
    expect(weights('last', allDirect, { lastNonDirect: true })).toEqual([0, 1]);
  });

  it('property: time decay halves per half-life between any two touches; position is symmetric', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 89, noNaN: true }), { minLength: 1, maxLength: 15 }),
        fc.double({ min: 1, max: 30, noNaN: true }),
        (ages, halfLifeDays) => {
          const log = [...ages].sort((a, b) => b - a).map((age) => touch(age, 'c'));
          const w = modelWeights(log, CONVERSION_AT, { model: 'time_decay', lookbackDays: 90, halfLifeDays });
          const age = (t: Touch) => (Date.parse(CONVERSION_AT) - Date.parse(t.at)) / DAY_MS;
          for (let i = 1; i < log.length; i++) {
            const expected = 2 ** (-(age(log[i - 1]!) - age(log[i]!)) / halfLifeDays);
            expect(w[i - 1]! / w[i]!).toBeCloseTo(expected, 9);
          }
          const p = modelWeights(log, CONVERSION_AT, { model: 'position', lookbackDays: 90 });
          expect(p[0]).toBeCloseTo(p[p.length - 1]!, 12);
          for (let i = 2; i < p.length - 1; i++) expect(p[i]).toBeCloseTo(p[1]!, 12);
        },
      ),
    );
  });

  it('no touches, no weights', () => {
    for (const model of ATTRIBUTION_MODELS) expect(weights(model, [])).toEqual([]);
  });

  it('linear over many touches still sums to 1', () => {
    const many = Array.from({ length: 997 }, (_, i) => touch(80 - i * 0.08, 'c'));
    expect(Math.abs(sum(weights('linear', many)) - 1)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(sum(weights('position', many)) - 1)).toBeLessThanOrEqual(1e-12);
  });
});

describe('splitMinor', () => {
  it('largest remainder, earlier index wins a tie', () => {
    expect(splitMinor(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(splitMinor(101, [0.4, 0.2 / 3, 0.2 / 3, 0.2 / 3, 0.4])).toEqual([40, 7, 7, 7, 40]);
    expect(splitMinor(100, [0.4, 0.2 / 3, 0.2 / 3, 0.2 / 3, 0.4])).toEqual([40, 7, 7, 6, 40]);
    expect(splitMinor(10, [0.25, 0.75])).toEqual([3, 7]); // 2.5 / 7.5: tie on .5, index 0 first
    expect(splitMinor(1, [0.5, 0.5])).toEqual([1, 0]);
  });

  it('refunds split as the mirror image of the sale', () => {
    expect(splitMinor(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    const w = [0.1, 0.25, 0.65];
    expect(splitMinor(-12_345, w)).toEqual(splitMinor(12_345, w).map((x) => -x));
    expect(sum(splitMinor(-12_345, w))).toBe(-12_345);
  });

  it('zero splits to zeros, a zero weight never gets a unit', () => {
    expect(splitMinor(0, [0.3, 0.7])).toEqual([0, 0]);
    expect(splitMinor(0, [])).toEqual([]);
    expect(splitMinor(5, [0, 1, 0])).toEqual([0, 5, 0]);
    expect(splitMinor(7, [1, 0, 1])).toEqual([4, 0, 3]);
  });

  it('property: equal model shares tie exactly, so the leftover units go to the earliest touches', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 80 }),
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        (n, total) => {
          const log = Array.from({ length: n }, (_, i) => touch(n * 0.5 - i * 0.5, 'c'));
          const linear = splitMinor(
            total,
            modelWeights(log, CONVERSION_AT, { model: 'linear', lookbackDays: 90 }),
          );
          const base = Math.trunc(total / n);
          const extra = Math.abs(total % n);
          expect(linear).toEqual(linear.map((_, i) => base + (i < extra ? Math.sign(total) : 0)));
          if (n < 4) return;
          // Position-based: the middle touches share 20 %; their parts differ by at most one unit, earliest first.
          const position = splitMinor(
            total,
            modelWeights(log, CONVERSION_AT, { model: 'position', lookbackDays: 90 }),
          );
          const middle = position.slice(1, -1).map(Math.abs);
          expect(Math.max(...middle) - Math.min(...middle)).toBeLessThanOrEqual(1);
          expect([...middle].sort((a, b) => b - a)).toEqual(middle);
          expect([0, 1]).toContain(Math.abs(position[0]!) - Math.abs(position[n - 1]!));
        },
      ),
    );
  });

  it('rejects impossible splits', () => {
    expect(() => splitMinor(5, [])).toThrow(/no weight/);
    expect(() => splitMinor(5, [0, 0])).toThrow(/no weight/);
    expect(() => splitMinor(1.5, [1])).toThrow(/whole minor units/);
    expect(() => splitMinor(5, [1, -1])).toThrow(/not negative/);
  });

  it('property: integer parts that sum exactly to the total', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 }),
        (total, weights) => {
          fc.pre(sum(weights) > 0);
          const parts = splitMinor(total, weights);
          expect(parts).toHaveLength(weights.length);
          expect(parts.every((p) => Number.isInteger(p))).toBe(true);
          expect(sum(parts)).toBe(total);
          const s = sum(weights);
          parts.forEach((p, i) => {
            if (weights[i] === 0) expect(p).toBe(0);
            // Largest remainder never moves a part more than one unit from its exact share.
            expect(Math.abs(p - (total * weights[i]!) / s)).toBeLessThan(1 + 1e-6 * Math.abs(total));
          });
        },
      ),
    );
  });
});

describe('attributeConversion and attributeAll', () => {
  const log = [touch(40, 'a'), touch(30, 'b'), touch(20, 'c'), touch(10, 'b'), touch(1, 'e')];

  it('position-based split of a 100.00 sale over five touches', () => {
    const allocations = attributeConversion(
      { at: CONVERSION_AT, valueMinor: 10_000, touches: [...log].reverse() },
      { model: 'position', lookbackDays: 90 },
    );
    expect(allocations.map((a) => [a.touch.campaignId, a.minor])).toEqual([
      ['a', 4000],
      ['b', 667],
      ['c', 667],
      ['b', 666],
      ['e', 4000],
    ]);
  });

  it('single-touch models list only the touch that gets the credit', () => {
    const allocations = attributeConversion(
      { at: CONVERSION_AT, valueMinor: 999, touches: log },
      { model: 'first', lookbackDays: 90 },
    );
    expect(allocations).toEqual([{ touch: log[0], credit: 1, minor: 999 }]);
  });

  it('sums by key, counts each conversion once per key, and keeps unattributed apart', () => {
    const conversions: Conversion[] = [
      { at: CONVERSION_AT, valueMinor: 10_000, touches: log },
      { at: CONVERSION_AT, valueMinor: -2_500, touches: [touch(5, 'b')] },
      { at: CONVERSION_AT, valueMinor: 0, touches: [touch(2, 'a'), touch(1, 'b')] },
      { at: CONVERSION_AT, valueMinor: 7_001, touches: [touch(200, 'a')] },
    ];
    const totals = attributeAll(conversions, { model: 'linear', lookbackDays: 90 }, (t) => t.campaignId);
    expect(totals.count).toBe(4);
    expect(totals.totalMinor).toBe(14_501);
    expect(totals.unattributed).toEqual({ count: 1, minor: 7_001 });
    // 10 000 over five: 2000 each; b has two touches in the first conversion.
    expect(totals.byKey.get('a')).toEqual({ credit: 0.2 + 0.5, minor: 2000, conversions: 2 });
    expect(totals.byKey.get('b')).toEqual({ credit: 0.4 + 1 + 0.5, minor: 4000 - 2500, conversions: 3 });
    expect(totals.byKey.get('c')).toMatchObject({ minor: 2000, conversions: 1 });
    expect(totals.byKey.get('e')).toMatchObject({ minor: 2000, conversions: 1 });
  });

  it('rejects a fractional conversion value', () => {
    expect(() =>
      attributeAll(
        [{ at: CONVERSION_AT, valueMinor: 1.5, touches: [] }],
        { model: 'first', lookbackDays: 30 },
        () => 1,
      ),
    ).toThrow(/whole minor units/);
  });

  const touchArb: fc.Arbitrary<Touch> = fc.record({
    at: fc
      .integer({ min: 0, max: 400 * DAY_MS })
      .map((ms) => new Date(Date.parse(CONVERSION_AT) - ms).toISOString()),
    campaignId: fc.option(fc.constantFrom('a', 'b', 'c', 'd'), { nil: null }),
    channel: fc.option(fc.constantFrom('email', 'social', 'search'), { nil: null }),
    contentId: fc.constant(null),
    kind: fc.constantFrom(
      'lead_source',
      'order',
      'payment',
      'original_source',
      'email_click',
      'event',
      'manual',
    ),
    direct: fc.option(fc.boolean(), { nil: undefined }),
  });
  const conversionArb: fc.Arbitrary<Conversion> = fc.record({
    at: fc
      .integer({ min: 0, max: 30 * DAY_MS })
      .map((ms) => new Date(Date.parse(CONVERSION_AT) - ms).toISOString()),
    valueMinor: fc.integer({ min: -5_000_000, max: 50_000_000 }),
    touches: fc.array(touchArb, { maxLength: 12 }),
  });
  const optionsArb = fc.record({
    model: fc.constantFrom(...ATTRIBUTION_MODELS),
    lookbackDays: fc.constantFrom(30, 60, 90, 180, 365),
    halfLifeDays: fc.option(fc.double({ min: 0.5, max: 60, noNaN: true }), { nil: undefined }),
    lastNonDirect: fc.option(fc.boolean(), { nil: undefined }),
  });

  it('property: each attributed conversion hands out credits summing to 1 and exactly its value', () => {
    fc.assert(
      fc.property(conversionArb, optionsArb, (conversion, options) => {
        const allocations = attributeConversion(conversion, options);
        const window = touchesInWindow(conversion.touches, conversion.at, options.lookbackDays);
        expect(allocations.length === 0).toBe(window.length === 0);
        if (allocations.length === 0) return;
        expect(Math.abs(sum(allocations.map((a) => a.credit)) - 1)).toBeLessThanOrEqual(1e-12);
        expect(sum(allocations.map((a) => a.minor))).toBe(conversion.valueMinor);
        for (const a of allocations) expect(window).toContain(a.touch);
      }),
    );
  });

  it('property: Σ keyed + unattributed == total to the cent, for every model and key', () => {
    fc.assert(
      fc.property(fc.array(conversionArb, { maxLength: 25 }), optionsArb, (conversions, options) => {
        for (const keyOf of [(t: Touch) => t.campaignId, (t: Touch) => t.channel, (t: Touch) => t.kind]) {
          const totals = attributeAll(conversions, options, keyOf);
          const keyed = sum([...totals.byKey.values()].map((v) => v.minor));
          expect(keyed + totals.unattributed.minor).toBe(totals.totalMinor);
          expect(totals.totalMinor).toBe(sum(conversions.map((c) => c.valueMinor)));
          const credits = sum([...totals.byKey.values()].map((v) => v.credit));
          expect(credits).toBeCloseTo(totals.count - totals.unattributed.count, 9);
        }
      }),
    );
  });
});

describe('labels', () => {
  it('describes the model and window', () => {
    expect(modelDescription('position', 90)).toBe('position-based · 90-day lookback');
    expect(modelDescription('last', 30, true)).toBe('last non-direct touch · 30-day lookback');
    expect(modelDescription('last', 30, false)).toBe('last touch · 30-day lookback');
    expect(modelDescription('time_decay', 180, false, 7)).toBe(
      'time decay (7-day half-life) · 180-day lookback',
    );
    expect(Object.keys(MODEL_LABELS).sort()).toEqual([...ATTRIBUTION_MODELS].sort());
  });

  it('explains the missing data-driven model in one sentence', () => {
    expect(NO_DATA_DRIVEN_MODEL).toMatch(/data-driven/);
    expect(NO_DATA_DRIVEN_MODEL).toMatch(/thousands of conversions/);
    expect(NO_DATA_DRIVEN_MODEL.match(/[.!?](\s|$)/g)).toHaveLength(1);
  });

  it('recognises model names', () => {
    expect(isAttributionModel('time_decay')).toBe(true);
    expect(isAttributionModel('data_driven')).toBe(false);
    expect(isAttributionModel(3)).toBe(false);
  });
});
