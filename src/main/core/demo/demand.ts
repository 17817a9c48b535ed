import type { Random } from './random';
import { DAY } from './stamps';

/** A moment that brings people to the site: a campaign launch (strong) or a post or mail going out. */
export interface Launch {
  day: number;
  campaignIndex: number;
  strength: number;
}

/**
 * The demo business's daily interest, one number per day from `start` (1 = an ordinary day): a slow
 * random drift plus a bump after each launch that fades over a few days. Visits follow it on the day, and
 * orders and payments about three days later, so the visits-vs-sales panel has a real lag to find after
 * the weekday pattern and trend are removed.
 */
export interface Demand {
  days: number;
  /** Interest on day index `i`; 1 before the first day. */
  level(i: number): number;
  /** The launch bump alone on day `i` (0 without one), and the campaign that caused most of it. */
  bump(i: number): number;
  campaignOf(i: number): number | null;
}

/** Days between a rise in visits and the rise in sales that follows it. */
export const SALES_LAG_DAYS = 3;

const FADE_DAYS = 2.5;

export function buildDemand(rnd: Random, start: number, end: number, launches: readonly Launch[]): Demand {
  const days = Math.max(0, Math.round((end - start) / DAY));
  const drift: number[] = [];
  const bumps = new Array<number>(days).fill(0);
  const top = new Array<number | null>(days).fill(null);
  const topSize = new Array<number>(days).fill(0);
  let state = 0;
  for (let i = 0; i < days; i++) {
    // An AR(1) walk around zero: weeks that are a little busier or quieter than usual.
    state = 0.7 * state + (rnd.next() - 0.5) * 0.5;
    drift.push(state);
  }
  for (const launch of launches) {
    const first = Math.round((launch.day - start) / DAY);
    for (let k = 0; k < 12; k++) {
      const i = first + k;
      if (i < 0 || i >= days) continue;
      const size = launch.strength * Math.exp(-k / FADE_DAYS);
      bumps[i] = (bumps[i] ?? 0) + size;
      if (size > (topSize[i] ?? 0)) {
        topSize[i] = size;
        top[i] = launch.campaignIndex;
      }
    }
  }
  return {
    days,
    level: (i) => (i < 0 || i >= days ? 1 : Math.max(0.3, 1 + (drift[i] ?? 0) + (bumps[i] ?? 0))),
    bump: (i) => bumps[i] ?? 0,
    campaignOf: (i) => top[i] ?? null,
  };
}

/** A Poisson draw (Knuth's method; the demo's means are small). */
export function poisson(rnd: Random, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rnd.next();
  while (p > limit) {
    k++;
    p *= rnd.next();
  }
  return k;
}
