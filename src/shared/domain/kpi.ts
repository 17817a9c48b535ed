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
