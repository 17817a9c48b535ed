/**
 * Multi-touch attribution: how the value of one conversion (a won lead, an order, a payment) is shared among
 * the touches that came before it. Every model hands out credits that sum to exactly 1 per attributed
 * conversion, and money is split by largest remainder, so the campaigns plus "unattributed" always add up to
 * the real total to the cent — for sales and refunds alike.
 *
 * Instants are UTC ISO strings (`2026-03-04T10:00:00.000Z`); a lookback window counts whole 24-hour days
 * back from the conversion instant, so it never depends on the viewer's time zone.
 */

export const ATTRIBUTION_MODELS = ['first', 'last', 'linear', 'position', 'time_decay'] as const;
export type AttributionModel = (typeof ATTRIBUTION_MODELS)[number];

export const LOOKBACK_DAYS = [30, 60, 90, 180, 365] as const;
export const DEFAULT_LOOKBACK_DAYS = 90;
export const DEFAULT_HALF_LIFE_DAYS = 7;

export const MODEL_LABELS: Record<AttributionModel, string> = {
  first: 'first touch',
  last: 'last touch',
  linear: 'linear',
  position: 'position-based',
  time_decay: 'time decay',
};

export const TOUCH_KINDS = [
  'lead_source',
  'order',
  'payment',
  'original_source',
  'email_click',
  'event',
  'manual',
] as const;
export type TouchKind = (typeof TOUCH_KINDS)[number];

export interface Touch {
  /** ISO instant. */
  at: string;
  campaignId: string | null;
  channel: string | null;
  contentId: string | null;
  kind: TouchKind;
  /** A Direct / no-source visit: skipped by "last non-direct" when anything else is there. */
  direct?: boolean;
  /** `at` as epoch milliseconds, when the caller parsed it once already (a log serves many conversions). */
  ms?: number;
}

export interface AttributionOptions {
  model: AttributionModel;
  lookbackDays: number;
  /** Time decay only: a touch this many days older than another gets half its weight. */
  halfLifeDays?: number;
  /** Last touch only: ignore Direct visits unless nothing else is in the window. */
  lastNonDirect?: boolean;
}

const DAY_MS = 86_400_000;

/** Share of a conversion the first and the last touch each get under the position-based (U-shaped) model. */
export const POSITION_END_SHARE = 0.4;

export function isAttributionModel(value: unknown): value is AttributionModel {
  return typeof value === 'string' && (ATTRIBUTION_MODELS as readonly string[]).includes(value);
}

function instantMs(at: string, what: string): number {
  const ms = Date.parse(at);
  if (Number.isNaN(ms))
    throw new RangeError(`${what}: expected an ISO instant like 2026-03-04T10:00:00Z, got "${at}"`);
  return ms;
}

function checkLookback(lookbackDays: number): void {
  if (!Number.isFinite(lookbackDays) || lookbackDays <= 0)
    throw new RangeError(`lookback must be a positive number of days, got ${lookbackDays}`);
}

/**
 * The touches that may take credit for a conversion: no later than the conversion and less than
 * `lookbackDays` × 24 h before it (a touch exactly on the window's far edge is outside). Sorted oldest first;
 * touches at the same instant keep their order in the log.
 */
export function touchesInWindow(
  touches: readonly Touch[],
  conversionAt: string,
  lookbackDays: number,
): Touch[] {
  checkLookback(lookbackDays);
  const end = instantMs(conversionAt, 'conversion time');
  const start = end - lookbackDays * DAY_MS;
  return touches
    .map((touch, index) => ({ touch, index, ms: touch.ms ?? instantMs(touch.at, 'touch time') }))
    .filter(({ ms }) => ms <= end && ms > start)
    .sort((a, b) => a.ms - b.ms || a.index - b.index)
    .map(({ touch }) => touch);
}

/** Divides by the sum. Equal raw weights stay exactly equal, which the money split relies on for its ties. */
function normalise(raw: number[]): number[] {
  const sum = raw.reduce((a, b) => a + b, 0);
  return raw.map((w) => w / sum);
}

function oneHot(length: number, index: number): number[] {
  return Array.from({ length }, (_, i) => (i === index ? 1 : 0));
}

function lastIndex(touches: readonly Touch[], lastNonDirect: boolean): number {
  if (lastNonDirect) {
    for (let i = touches.length - 1; i >= 0; i--) if (touches[i]!.direct !== true) return i;
  }
  return touches.length - 1;
}

/**
 * Each touch's share of the conversion under `options.model`. `touches` must already be the window, oldest
 * first (see `touchesInWindow`). The shares sum to 1; no touches, no shares.
 */
export function modelWeights(
  touches: readonly Touch[],
  conversionAt: string,
  options: AttributionOptions,
): number[] {
  const n = touches.length;
  if (n === 0) return [];
  switch (options.model) {
    case 'first':
      return oneHot(n, 0);
    case 'last':
      return oneHot(n, lastIndex(touches, options.lastNonDirect === true));
    case 'linear':
      return touches.map(() => 1 / n);
    case 'position': {
      if (n === 1) return [1];
      if (n === 2) return [0.5, 0.5];
      const middle = (1 - 2 * POSITION_END_SHARE) / (n - 2);
      return touches.map((_, i) => (i === 0 || i === n - 1 ? POSITION_END_SHARE : middle));
    }
    case 'time_decay': {
      const halfLife = options.halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS;
      if (!Number.isFinite(halfLife) || halfLife <= 0)
        throw new RangeError(`half-life must be a positive number of days, got ${halfLife}`);
      const end = instantMs(conversionAt, 'conversion time');
      const ages = touches.map((t) => (end - (t.ms ?? instantMs(t.at, 'touch time'))) / DAY_MS);
      // Measured from the newest touch, so a short half-life over a long window cannot underflow every
      // weight to zero; normalising afterwards gives the same shares as 2^(−age/halfLife).
      const youngest = ages.reduce((a, b) => Math.min(a, b));
      return normalise(ages.map((age) => 2 ** (-(age - youngest) / halfLife)));
    }
    default: {
      const unknown: never = options.model;
      throw new RangeError(`unknown attribution model "${String(unknown)}"`);
    }
  }
}

/**
 * Splits an amount of minor units in proportion to `weights` by largest remainder: everyone gets the whole
 * units of their exact share, and the units left over go to the largest fractional parts (the earlier index
 * on a tie). The parts are integers and sum exactly to `totalMinor`. A negative total (a refund) is split as
 * the mirror image of the same positive amount, so a sale and its full refund cancel per campaign.
 */
export function splitMinor(totalMinor: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(totalMinor))
    throw new RangeError(`money must be whole minor units, got ${totalMinor}`);
  if (weights.some((w) => !Number.isFinite(w) || w < 0))
    throw new RangeError(`weights must be finite and not negative, got [${weights.join(', ')}]`);
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0 || sum === 0) {
    if (totalMinor === 0) return weights.map(() => 0);
    throw new RangeError(`cannot split ${totalMinor} minor units over no weight`);
  }
  const sign = totalMinor < 0 ? -1 : 1;
  const amount = Math.abs(totalMinor);
  const exact = weights.map((w) => amount * (w / sum));
  const parts = exact.map((e) => Math.floor(e));
  let left = amount - parts.reduce((a, b) => a + b, 0);
  // Equal weights give bit-for-bit equal remainders, so equal shares tie and the earlier index wins.
  const order = exact
    .map((e, i) => ({ i, remainder: e - parts[i]!, weight: weights[i]! }))
    .filter((x) => x.weight > 0)
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  // Floating-point error can leave `left` one unit off either way of the textbook count; the loops keep the
  // sum exact regardless (and never give units to a zero weight).
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k]!.i]! += 1;
  for (let k = order.length - 1; left < 0; k = (k - 1 + order.length) % order.length) {
    const i = order[k]!.i;
    if (parts[i]! > 0) {
      parts[i]! -= 1;
      left++;
    }
  }
  return parts.map((p) => (sign < 0 && p !== 0 ? -p : p));
}

export interface Conversion {
  at: string;
  valueMinor: number;
  /** The contact's whole touch log; the window is chosen here. */
  touches: readonly Touch[];
}

export interface Allocation {
  touch: Touch;
  credit: number;
  minor: number;
}

/** The touches that share one conversion, with their credit and money. Empty = unattributed. */
export function attributeConversion(conversion: Conversion, options: AttributionOptions): Allocation[] {
  const window = touchesInWindow(conversion.touches, conversion.at, options.lookbackDays);
  if (window.length === 0) return [];
  const weights = modelWeights(window, conversion.at, options);
  const minor = splitMinor(conversion.valueMinor, weights);
  const allocations: Allocation[] = [];
  window.forEach((touch, i) => {
    // Single-touch models give zero to everyone else; leaving them out keeps "touched" meaningful.
    if (weights[i]! > 0) allocations.push({ touch, credit: weights[i]!, minor: minor[i]! });
  });
  return allocations;
}

export interface AttributedTotals<K> {
  /** Per key: credits (fractional conversions), money, and how many conversions the key had a share of. */
  byKey: Map<K, { credit: number; minor: number; conversions: number }>;
  unattributed: { count: number; minor: number };
  totalMinor: number;
  count: number;
}

/**
 * Attributes every conversion and sums by `keyOf(touch)` (a campaign id, a channel, a content item…).
 * Σ byKey.minor + unattributed.minor === totalMinor exactly, for every model.
 */
export function attributeAll<K>(
  conversions: Iterable<Conversion>,
  options: AttributionOptions,
  keyOf: (t: Touch) => K,
): AttributedTotals<K> {
  const totals: AttributedTotals<K> = {
    byKey: new Map(),
    unattributed: { count: 0, minor: 0 },
    totalMinor: 0,
    count: 0,
  };
  for (const conversion of conversions) {
    if (!Number.isSafeInteger(conversion.valueMinor))
      throw new RangeError(
        `conversion at ${conversion.at}: money must be whole minor units, got ${conversion.valueMinor}`,
      );
    totals.count++;
    totals.totalMinor += conversion.valueMinor;
    const allocations = attributeConversion(conversion, options);
    if (allocations.length === 0) {
      totals.unattributed.count++;
      totals.unattributed.minor += conversion.valueMinor;
      continue;
    }
    const seen = new Set<K>();
    for (const { touch, credit, minor } of allocations) {
      const key = keyOf(touch);
      let entry = totals.byKey.get(key);
      if (!entry) {
        entry = { credit: 0, minor: 0, conversions: 0 };
        totals.byKey.set(key, entry);
      }
      entry.credit += credit;
      entry.minor += minor;
      if (!seen.has(key)) {
        seen.add(key);
        entry.conversions++;
      }
    }
  }
  return totals;
}

/**
 * One line naming the model and window, for a report's caption: "position-based · 90-day lookback",
 * "last non-direct touch · 30-day lookback", "time decay (7-day half-life) · 90-day lookback" when a
 * half-life is given.
 */
export function modelDescription(
  model: AttributionModel,
  lookbackDays: number,
  lastNonDirect?: boolean,
  halfLifeDays?: number,
): string {
  let name = MODEL_LABELS[model];
  if (model === 'last' && lastNonDirect === true) name = 'last non-direct touch';
  if (model === 'time_decay' && halfLifeDays !== undefined) name += ` (${halfLifeDays}-day half-life)`;
  return `${name} · ${lookbackDays}-day lookback`;
}

export const NO_DATA_DRIVEN_MODEL =
  'There is no data-driven model: it learns credit by comparing paths that converted with paths that did ' +
  'not, which takes thousands of conversions before its numbers mean more than chance.';
