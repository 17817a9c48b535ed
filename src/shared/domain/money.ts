import { z } from 'zod';

/**
 * Money arithmetic on integer minor units (cents, pence, yen). Sums stay exact because they never touch
 * fractions; only ratios (ROI, attainment) are floating point, and those are not money.
 */

/** Sum of minor amounts; missing values count as zero. Throws on a fractional amount, which would be a bug. */
export function sumMinor(values: Iterable<number | null | undefined>): number {
  let total = 0;
  for (const value of values) {
    if (value === null || value === undefined) continue;
    if (!Number.isInteger(value)) throw new RangeError(`money must be whole minor units, got ${value}`);
    total += value;
  }
  return total;
}

/** What is left of an amount after refunds, never below zero (a refund larger than the sale is bad data). */
export function netOfRefunds(amountMinor: number, refundedMinor: number): number {
  return Math.max(0, amountMinor - Math.max(0, refundedMinor));
}

/** `minor × numerator / denominator`, rounded half away from zero to whole minor units. */
export function scaleMinor(minor: number, numerator: number, denominator: number): number {
  if (denominator === 0) throw new RangeError('cannot scale money by a zero denominator');
  const exact = (minor * numerator) / denominator;
  return Math.sign(exact) * Math.round(Math.abs(exact));
}

export interface BudgetUsage {
  budgetMinor: number;
  spentMinor: number;
  /** Budget not yet spent; zero once over budget. */
  remainingMinor: number;
  /** Spent more than the budget (any spend against a zero budget is over). */
  overBudget: boolean;
  /** How much more than the budget was spent; zero when within budget. */
  overspendMinor: number;
  /** spent / budget, null when there is no budget to compare with. */
  usedFraction: number | null;
}

export function budgetUsage(budgetMinor: number, spentMinor: number): BudgetUsage {
  const overspendMinor = Math.max(0, spentMinor - budgetMinor);
  return {
    budgetMinor,
    spentMinor,
    remainingMinor: Math.max(0, budgetMinor - spentMinor),
    overBudget: overspendMinor > 0,
    overspendMinor,
    usedFraction: budgetMinor > 0 ? spentMinor / budgetMinor : null,
  };
}

/** An amount of money as the API accepts it: whole minor units, never negative. */
export const MinorAmount = z
  .number({ message: 'expected an amount in minor units (e.g. cents)' })
  .int('expected whole minor units (e.g. cents), not a fraction')
  .min(0, 'must not be negative')
  .max(Number.MAX_SAFE_INTEGER, 'amount is too large');
