import { isRealDate } from './dates';

/**
 * Do website-visit spikes line up with sales? Daily visits are compared with daily sales a few days later.
 *
 * Both series are first differenced week over week (x[t] − x[t−7]): that removes the weekday pattern (most
 * shops sell more on some weekdays, and visits follow the same calendar) and slow trends, which would
 * otherwise make any two growing or weekly series look linked. Then, for lags of 0–14 days, visit changes on
 * day t are paired with sales changes on day t + k and correlated.
 *
 * Significance: 15 forward lags (visits first) and 14 reverse ones (sales first) are tried and the strongest is
 * reported, so the 5 % level is split over all 29 (Bonferroni): |r| must exceed z / √n with z = 3.13 — stricter
 * than the 2.935 / √n of the forward lags alone (`significanceThreshold`). Week-over-week changes of
 * neighbouring days overlap and are therefore not independent; the n in that threshold is the effective number
 * of independent pairs (Bartlett's correction from the autocorrelation of both changed series), never more
 * than the real number of pairs.
 *
 * This finds lining-up, not cause and effect; the app always shows CORRELATION_FOOTER next to it.
 */

export const MAX_LAG = 14;
export const MIN_OVERLAP_DAYS = 63;
export const SEASONAL_LAG = 7;
export const CORRELATION_FOOTER = 'correlation, not causation';

/** Days are `YYYY-MM-DD`. A missing visits day means no data that day, never zero visits. */
export interface DailySeries {
  [day: string]: number;
}

export interface LagResult {
  lag: number;
  /** Pearson r of week-over-week changes. */
  r: number | null;
  /** Pearson r of the raw daily values, for reference (inflated by shared weekday patterns and trends). */
  rRaw: number | null;
  /** Spearman rank correlation of week-over-week changes. */
  spearman: number | null;
  /** Pairs of week-over-week changes behind `r`. */
  n: number;
  /** Pairs of raw days behind `rRaw`. */
  days: number;
  /** |r| this lag must exceed to count: Bonferroni z over every lag tried / √(effective n). */
  threshold: number;
}

export type VisitsVsSales =
  | {
      status: 'ok';
      /**
       * Days between the two changes in the relation reported: visits before sales, or, when `salesLead`,
       * sales before visits.
       */
      lagDays: number;
      r: number;
      rRaw: number | null;
      spearman: number | null;
      /** Raw overlapping days at the reported lag. */
      days: number;
      significant: boolean;
      threshold: number;
      /** Visits on day t against sales on day t + k, k = 0…maxLag (for a chart). */
      lags: LagResult[];
      /** The strongest relation ran the other way: sales changes came before visit changes. */
      salesLead: boolean;
      sentence: string;
      /** Sales on day t against visits on day t + k, k = 1…maxLag. */
      reverseLags?: LagResult[];
    }
  | { status: 'insufficient'; days: number; need: number; sentence: string };

/** Pearson correlation; null for fewer than 3 pairs or when either side never varies. */
export function pearson(x: readonly number[], y: readonly number[]): number | null {
  if (x.length !== y.length)
    throw new RangeError(`pearson needs pairs: ${x.length} x values, ${y.length} y values`);
  const n = x.length;
  if (n < 3 || x.every((v) => v === x[0]) || y.every((v) => v === y[0])) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/** Ranks from 1; tied values share the average of their ranks. */
export function ranks(values: readonly number[]): number[] {
  // A typed-array sort needs no comparator and binary search needs no map, which keeps the 29 Spearman
  // coefficients of one report cheap.
  const sorted = Float64Array.from(values).sort();
  const firstAtLeast = (v: number, strict: boolean): number => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (strict ? sorted[mid]! <= v : sorted[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // Positions first..last hold v (0-based), so its average rank is (first + last) / 2 + 1.
  return values.map((v) => (firstAtLeast(v, false) + firstAtLeast(v, true) - 1) / 2 + 1);
}

/** Spearman rank correlation (Pearson on average ranks); null like `pearson`. */
export function spearman(x: readonly number[], y: readonly number[]): number | null {
  if (x.length !== y.length)
    throw new RangeError(`spearman needs pairs: ${x.length} x values, ${y.length} y values`);
  return pearson(ranks(x), ranks(y));
}

/** |r| above which one of 15 lags is significant at the 5 % level overall: z(1 − 0.05 / 30) / √n. */
export function significanceThreshold(n: number): number {
  return thresholdFor(n, 2.935);
}

function thresholdFor(n: number, z: number): number {
  return n > 0 ? z / Math.sqrt(n) : Infinity;
}

/**
 * The standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9), for the
 * Bonferroni z of any number of lags.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`a probability strictly between 0 and 1, got ${p}`);
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tail = (q: number): number =>
    (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
    ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}

/** Two-sided z that keeps the chance of any false alarm among `tests` correlations at 5 %. */
export function bonferroniZ(tests: number): number {
  return normalQuantile(1 - 0.05 / (2 * tests));
}

const DAY_MS = 86_400_000;

function dayNumber(day: string, series: string): number {
  if (!isRealDate(day)) throw new RangeError(`${series}: expected days like 2026-03-04, got "${day}"`);
  return Date.parse(`${day}T00:00:00Z`) / DAY_MS;
}

function toDays(series: DailySeries, name: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const [day, value] of Object.entries(series)) {
    if (!Number.isFinite(value)) throw new RangeError(`${name} on ${day}: expected a number, got ${value}`);
    out.set(dayNumber(day, name), value);
  }
  return out;
}

/** One slot per day from `lo`; NaN where there is no figure. Dense so every lag is plain index arithmetic. */
type Daily = Float64Array;

function dense(days: Map<number, number>, lo: number, length: number): Daily {
  const out = new Float64Array(length).fill(Number.NaN);
  for (const [day, value] of days) if (day >= lo && day < lo + length) out[day - lo] = value;
  return out;
}

/** x[t] − x[t − 7], NaN unless both days have a figure. */
function differenced(series: Daily): Daily {
  const out = new Float64Array(series.length).fill(Number.NaN);
  for (let i = SEASONAL_LAG; i < series.length; i++) out[i] = series[i]! - series[i - SEASONAL_LAG]!;
  return out;
}

/** The pairs (a[t], b[t + lag]) where both exist. */
function pairs(a: Daily, b: Daily, lag: number): { x: number[]; y: number[] } {
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i + lag < a.length; i++) {
    const u = a[i]!;
    const v = b[i + lag]!;
    if (!Number.isNaN(u) && !Number.isNaN(v)) {
      x.push(u);
      y.push(v);
    }
  }
  return { x, y };
}

function autocorrelations(series: Daily, maxLag: number): number[] {
  return Array.from({ length: maxLag }, (_, h) => {
    const { x, y } = pairs(series, series, h + 1);
    return pearson(x, y) ?? 0;
  });
}

/** n / (1 + 2 Σ ρx(h) ρy(h)), never more than n: pairs of overlapping weekly changes count for less. */
function effectiveN(n: number, rhoX: readonly number[], rhoY: readonly number[]): number {
  let factor = 1;
  for (let h = 0; h < rhoX.length; h++) factor += 2 * rhoX[h]! * rhoY[h]!;
  return n / Math.max(1, factor);
}

interface Direction {
  leader: Daily;
  follower: Daily;
  leaderChange: Daily;
  followerChange: Daily;
  inflation: { rhoLeader: number[]; rhoFollower: number[] };
}

function lagResult(d: Direction, lag: number, z: number): LagResult {
  const changes = pairs(d.leaderChange, d.followerChange, lag);
  const raw = pairs(d.leader, d.follower, lag);
  const n = changes.x.length;
  return {
    lag,
    r: pearson(changes.x, changes.y),
    rRaw: pearson(raw.x, raw.y),
    spearman: spearman(changes.x, changes.y),
    n,
    days: raw.x.length,
    threshold: thresholdFor(effectiveN(n, d.inflation.rhoLeader, d.inflation.rhoFollower), z),
  };
}

function strongest(results: readonly LagResult[]): LagResult | null {
  let best: LagResult | null = null;
  for (const result of results) {
    if (result.r === null) continue;
    if (best === null || Math.abs(result.r) > Math.abs(best.r!)) best = result;
  }
  return best;
}

const laterText = (lag: number): string =>
  lag === 0 ? 'the same day' : lag === 1 ? '1 day later' : `${lag} days later`;
const atText = (lag: number): string =>
  lag === 0 ? 'on the same day' : lag === 1 ? 'at 1 day' : `at ${lag} days`;
const rText = (r: number): string => (Math.abs(r) < 0.005 ? '0.00' : r.toFixed(2));

/**
 * Lines daily visits up with daily sales 0–`maxLag` days later (see the module comment for the method).
 *
 * The overlap is the days that have a visits figure. Sales are passed for every day of their range, so a
 * day without a sales figure between the first and the last visits day counts as no sales (0); outside that
 * span only days with a figure are used. A day with no visits figure is skipped, not taken as zero visits.
 */
export function visitsVsSales(
  visits: DailySeries,
  sales: DailySeries,
  options: { maxLag?: number; minDays?: number; names?: SeriesNames } = {},
): VisitsVsSales {
  const maxLag = options.maxLag ?? MAX_LAG;
  const need = options.minDays ?? MIN_OVERLAP_DAYS;
  if (!Number.isInteger(maxLag) || maxLag < 0)
    throw new RangeError(`maxLag must be a whole number ≥ 0, got ${maxLag}`);
  const visitDays = toDays(visits, 'visits');
  const salesDays = toDays(sales, 'sales');
  const known = [...visitDays.keys()];
  const days = known.length;
  if (days < need) return { status: 'insufficient', days, need, sentence: insufficientSentence(need, days) };

  const first = known.reduce((a, b) => Math.min(a, b));
  const last = known.reduce((a, b) => Math.max(a, b));
  // Every day any lag can reach in either direction, including the week before each for the changes.
  const lo = first - maxLag - SEASONAL_LAG;
  const length = last + maxLag - lo + 1;
  for (let day = first; day <= last; day++) if (!salesDays.has(day)) salesDays.set(day, 0);
  const visitValues = dense(visitDays, lo, length);
  const salesValues = dense(salesDays, lo, length);
  const visitChange = differenced(visitValues);
  const salesChange = differenced(salesValues);
  const rhoVisits = autocorrelations(visitChange, maxLag);
  const rhoSales = autocorrelations(salesChange, maxLag);
  const forward: Direction = {
    leader: visitValues,
    follower: salesValues,
    leaderChange: visitChange,
    followerChange: salesChange,
    inflation: { rhoLeader: rhoVisits, rhoFollower: rhoSales },
  };
  const backward: Direction = {
    leader: salesValues,
    follower: visitValues,
    leaderChange: salesChange,
    followerChange: visitChange,
    inflation: { rhoLeader: rhoSales, rhoFollower: rhoVisits },
  };
  // The headline is the strongest of every correlation tried, both ways round, so the 5 % is split over all.
  const z = bonferroniZ(2 * maxLag + 1);
  const lags = Array.from({ length: maxLag + 1 }, (_, k) => lagResult(forward, k, z));
  const reverseLags = Array.from({ length: maxLag }, (_, k) => lagResult(backward, k + 1, z));
  const best = strongest(lags);
  if (best === null)
    return {
      status: 'insufficient',
      days,
      need,
      sentence: 'visits or sales never changed from one week to the next, so there is nothing to line up yet',
    };
  const reverse = strongest(reverseLags);
  const salesLead = reverse !== null && Math.abs(reverse.r!) > Math.abs(best.r!);
  const reported = salesLead ? reverse : best;
  const r = reported.r!;
  const significant = Math.abs(r) > reported.threshold;
  return {
    status: 'ok',
    lagDays: reported.lag,
    r,
    rRaw: reported.rRaw,
    spearman: reported.spearman,
    days: reported.days,
    significant,
    threshold: reported.threshold,
    lags,
    salesLead,
    sentence: sentenceFor(reported, significant, salesLead, maxLag, options.names ?? DEFAULT_NAMES),
    reverseLags,
  };
}

/**
 * What the two series are called in the sentence, as plural nouns: "visits" and "sales" for the business,
 * "email visits" and "email sales" for a channel, "views of /wholesale" for a page.
 */
export interface SeriesNames {
  visits: string;
  sales: string;
}
const DEFAULT_NAMES: SeriesNames = { visits: 'visits', sales: 'sales' };

function insufficientSentence(need: number, have: number): string {
  return `not enough history yet (need ${need} days, have ${have})`;
}

function sentenceFor(
  result: LagResult,
  significant: boolean,
  salesLead: boolean,
  maxLag: number,
  names: SeriesNames,
): string {
  const r = result.r!;
  const { visits, sales } = names;
  const direction = r > 0 ? 'higher' : 'lower';
  const figures = `r = ${rText(r)} on week-over-week changes, n = ${result.n} days`;
  if (significant && !salesLead)
    return result.lag === 0
      ? `On days with more ${visits} than usual, ${sales} tended to be ${direction} the same day (${figures}).`
      : `After days with more ${visits} than usual, ${sales} tended to be ${direction} ${laterText(result.lag)} (${figures}).`;
  if (significant)
    return (
      `Changes in ${sales} tended to come before changes in ${visits}: after days with more ${sales} than ` +
      `usual, ${visits} tended to be ${direction} ${laterText(result.lag)} (${figures}).`
    );
  const range = maxLag === 0 ? 'on the same day' : `at lags of 0–${maxLag} days`;
  if (salesLead)
    return (
      `No clear link between ${visits} and ${sales} ${range} (strongest r = ${rText(r)} with changes in ` +
      `${sales} coming ${result.lag === 1 ? '1 day' : `${result.lag} days`} before changes in ${visits}, ` +
      `n = ${result.n} days).`
    );
  return `No clear link between ${visits} and ${sales} ${range} (strongest r = ${rText(r)} ${atText(result.lag)}, n = ${result.n} days).`;
}
