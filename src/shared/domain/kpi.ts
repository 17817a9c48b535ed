import { netOfRefunds, scaleMinor } from './money';

/**
 * The shared numbers of Tandem, defined once. Money in and out is integer minor units; ratios are plain
 * fractions (0.25 = 25 %). Every function returns null, never NaN or Infinity, when its number is undefined
 * (no leads, no spend, no goal), so a screen can show "—" instead of a made-up zero.
 *
 * REVENUE for a period is the sum of three parts, each counted in the workspace currency only:
 *   1. orders with status `paid` or `partially_refunded` dated in the period: total − refunded;
 *      `refunded`, `voided`, `pending` and `failed` orders contribute nothing;
 *   2. payments with status `succeeded` or `partially_refunded` dated in the period: amount − refunded;
 *   3. the value of leads won (stage outcome `won`) whose `closed_at` falls in the period — except leads that
 *      have an order or payment linked through `lead_id`: their money is already counted by parts 1 and 2
 *      (on the dates it was actually paid), so the same sale is never counted twice.
 * A campaign's revenue is the same sum restricted to the campaign: orders and payments whose `campaign_id`
 * is the campaign (or, when empty, whose lead's campaign is), and the campaign's won leads.
 *
 * QUALIFIED LEAD: a lead is qualified when sales rated it 4 or 5 (`leads.rating`), or it was won, or it is
 * in — or has passed through, per its stage history — the pipeline stage named "Qualified" or any later
 * stage that is not a lost stage. A lead lost straight from "New" is therefore not qualified; one lost at
 * "Proposal" is. Without a stage named "Qualified", only the rating and winning count.
 */

export const REVENUE_ORDER_STATUSES = ['paid', 'partially_refunded'] as const;
export const REVENUE_PAYMENT_STATUSES = ['succeeded', 'partially_refunded'] as const;
export const QUALIFYING_RATING = 4;
export const QUALIFIED_STAGE_NAME = 'Qualified';

export type StageOutcome = 'open' | 'won' | 'lost';

/** numerator / denominator, or null when the denominator is zero, negative or not a number. */
export function ratio(numerator: number, denominator: number): number | null {
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator <= 0) return null;
  return numerator / denominator;
}

/** Revenue an order contributes (see REVENUE above). */
export function orderNetMinor(order: { status: string; totalMinor: number; refundedMinor: number }): number {
  return (REVENUE_ORDER_STATUSES as readonly string[]).includes(order.status)
    ? netOfRefunds(order.totalMinor, order.refundedMinor)
    : 0;
}

/** Revenue a payment contributes (see REVENUE above). */
export function paymentNetMinor(payment: {
  status: string;
  amountMinor: number;
  refundedMinor: number;
}): number {
  return (REVENUE_PAYMENT_STATUSES as readonly string[]).includes(payment.status)
    ? netOfRefunds(payment.amountMinor, payment.refundedMinor)
    : 0;
}

/** Spend per lead in whole minor units; null without leads. */
export function costPerLead(spendMinor: number, leads: number): number | null {
  if (leads <= 0) return null;
  return scaleMinor(spendMinor, 1, leads);
}

/** (revenue − spend) / spend; null without spend. 0.5 = 50 % return, −1 = everything lost. */
export function roi(revenueMinor: number, spendMinor: number): number | null {
  return ratio(revenueMinor - spendMinor, spendMinor);
}

/** Return on ad spend: revenue / spend; null without spend. */
export function roas(revenueMinor: number, spendMinor: number): number | null {
  return ratio(revenueMinor, spendMinor);
}

/** actual / goal (1 = goal met); null when there is no goal or the goal is zero. */
export function attainment(actual: number, goal: number | null | undefined): number | null {
  if (goal === null || goal === undefined) return null;
  return ratio(actual, goal);
}

/** won / (won + lost): open leads are not decided yet and do not count. */
export function winRate(won: number, lost: number): number | null {
  return ratio(won, won + lost);
}

/** Total value of won deals / number of won deals, in whole minor units. */
export function averageDealSize(wonValueMinor: number, wonCount: number): number | null {
  if (wonCount <= 0) return null;
  return scaleMinor(wonValueMinor, 1, wonCount);
}

export interface PipelineLead {
  valueMinor: number;
  /** Win probability of the lead's stage, 0–100. */
  probability: number;
  outcome: StageOutcome;
}

export interface PipelineValue {
  openLeads: number;
  /** Sum of open leads' values. */
  unweightedMinor: number;
  /** Sum of value × stage probability, rounded once at the end. */
  weightedMinor: number;
}

/** Value of the open pipeline; won and lost leads are not pipeline. */
export function pipelineValue(leads: Iterable<PipelineLead>): PipelineValue {
  let openLeads = 0;
  let unweightedMinor = 0;
  let weightedPercent = 0;
  for (const lead of leads) {
    if (lead.outcome !== 'open') continue;
    openLeads++;
    unweightedMinor += lead.valueMinor;
    weightedPercent += lead.valueMinor * Math.min(100, Math.max(0, lead.probability));
  }
  return { openLeads, unweightedMinor, weightedMinor: scaleMinor(weightedPercent, 1, 100) };
}

export interface StageReach {
  stageId: string;
  /** Leads that ever reached this stage (are in it now or passed through it). */
  reached: number;
}

export interface StageConversion {
  fromStageId: string;
  toStageId: string;
  /** Share of the leads that reached `from` and went on to reach `to`; null when none reached `from`. */
  rate: number | null;
}

/**
 * Conversion between consecutive stages of the funnel. Pass the funnel in order (open stages, then the won
 * stage); lost stages are exits, not steps, and belong out of the list.
 */
export function stageConversionRates(funnel: readonly StageReach[]): StageConversion[] {
  const rates: StageConversion[] = [];
  for (let i = 0; i + 1 < funnel.length; i++) {
    const from = funnel[i];
    const to = funnel[i + 1];
    if (!from || !to) continue;
    rates.push({ fromStageId: from.stageId, toStageId: to.stageId, rate: ratio(to.reached, from.reached) });
  }
  return rates;
}

export interface StageInfo {
  name: string;
  position: number;
  outcome: string;
}

/** Position of the stage named "Qualified" (any case), or null when the pipeline has none. */
export function qualifiedStagePosition(stages: readonly StageInfo[]): number | null {
  const stage = stages.find((s) => s.name.trim().toLowerCase() === QUALIFIED_STAGE_NAME.toLowerCase());
  return stage ? stage.position : null;
}

export interface LeadQualityFacts {
  rating: number | null;
  stagePosition: number;
  stageOutcome: string;
  /** Highest position of a non-lost stage the lead has been in according to its stage history, if any. */
  furthestOpenPosition: number | null;
}

/** The QUALIFIED LEAD rule above, for one lead. */
export function isQualifiedLead(lead: LeadQualityFacts, qualifiedPosition: number | null): boolean {
  if (lead.rating !== null && lead.rating >= QUALIFYING_RATING) return true;
  if (lead.stageOutcome === 'won') return true;
  if (qualifiedPosition === null) return false;
  const current = lead.stageOutcome === 'lost' ? -Infinity : lead.stagePosition;
  const furthest = Math.max(current, lead.furthestOpenPosition ?? -Infinity);
  return furthest >= qualifiedPosition;
}

/** Spend per qualified lead (see QUALIFIED LEAD above) in whole minor units; null without qualified leads. */
export function costPerQualifiedLead(spendMinor: number, qualifiedLeads: number): number | null {
  return costPerLead(spendMinor, qualifiedLeads);
}

/** Qualified leads / all leads; null without leads. */
export function qualifiedShare(qualifiedLeads: number, leads: number): number | null {
  return ratio(qualifiedLeads, leads);
}

/** Mean of the ratings sales gave; unrated leads (null) are left out, not counted as zero. */
export function averageRating(ratings: Iterable<number | null | undefined>): number | null {
  let sum = 0;
  let count = 0;
  for (const rating of ratings) {
    if (rating === null || rating === undefined || !Number.isFinite(rating)) continue;
    sum += rating;
    count++;
  }
  return count === 0 ? null : sum / count;
}

const DAY_MS = 86_400_000;

/**
 * Days from a lead's creation to its close, fractional (a deal won 36 hours in took 1.5 days); null while
 * open, and for a close before the creation, which is bad data rather than a negative cycle.
 */
export function salesCycleDays(createdAt: string, closedAt: string | null | undefined): number | null {
  if (closedAt === null || closedAt === undefined) return null;
  const start = Date.parse(createdAt);
  const end = Date.parse(closedAt);
  if (Number.isNaN(start))
    throw new RangeError(`lead created at: expected an ISO instant, got "${createdAt}"`);
  if (Number.isNaN(end)) throw new RangeError(`lead closed at: expected an ISO instant, got "${closedAt}"`);
  return end < start ? null : (end - start) / DAY_MS;
}

/** Mean sales cycle of the closed leads; open leads do not count. Null when none closed. */
export function averageSalesCycleDays(
  leads: Iterable<{ createdAt: string; closedAt: string | null | undefined }>,
): number | null {
  const cycles: number[] = [];
  for (const lead of leads) {
    const days = salesCycleDays(lead.createdAt, lead.closedAt);
    if (days !== null) cycles.push(days);
  }
  return cycles.length === 0 ? null : cycles.reduce((a, b) => a + b, 0) / cycles.length;
}

/**
 * The first week (0-based) by whose end the revenue so far has covered the spend so far, or null when it
 * has not yet. Weeks before any spend cannot pay anything back, so revenue arriving first does not count as
 * payback until there is spend for it to cover. A missing week counts as zero.
 */
export function paybackWeek(
  weeklyRevenueMinor: readonly number[],
  weeklySpendMinor: readonly number[],
): number | null {
  let revenue = 0;
  let spend = 0;
  const weeks = Math.max(weeklyRevenueMinor.length, weeklySpendMinor.length);
  for (let week = 0; week < weeks; week++) {
    revenue += weeklyRevenueMinor[week] ?? 0;
    spend += weeklySpendMinor[week] ?? 0;
    if (spend > 0 && revenue >= spend) return week;
  }
  return null;
}

export interface FunnelCount {
  label: string;
  /** null when the step is not measured (no visit data): no rate into or out of it. */
  value: number | null;
}

/**
 * A funnel's step-to-step rates (value / the previous step's value) and the step with the largest drop —
 * the lowest rate, the earlier step on a tie; null when no rate can be computed. Extra fields on the counts
 * (an id) are kept.
 */
export function funnelSteps<T extends FunnelCount>(
  counts: readonly T[],
): { steps: (T & { rateFromPrevious: number | null })[]; largestDropIndex: number | null } {
  let largestDropIndex: number | null = null;
  let lowest = Infinity;
  const steps = counts.map((count, i) => {
    const previous = i > 0 ? counts[i - 1]!.value : null;
    const rate = previous === null || count.value === null ? null : ratio(count.value, previous);
    if (rate !== null && rate < lowest) {
      lowest = rate;
      largestDropIndex = i;
    }
    return { ...count, rateFromPrevious: rate };
  });
  return { steps, largestDropIndex };
}
