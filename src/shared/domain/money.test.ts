import { describe, expect, it } from 'vitest';
import { budgetUsage, MinorAmount, netOfRefunds, scaleMinor, sumMinor } from './money';

describe('money', () => {
  it('sums minor units exactly where floating major units would drift', () => {
    const cents = Array.from({ length: 1000 }, () => 10);
    expect(sumMinor(cents)).toBe(10_000);
    expect(sumMinor([1999, null, undefined, 1])).toBe(2000);
    expect(() => sumMinor([1.5])).toThrow(RangeError);
  });

  it('nets refunds without going below zero', () => {
    expect(netOfRefunds(5000, 1250)).toBe(3750);
    expect(netOfRefunds(5000, 9000)).toBe(0);
    expect(netOfRefunds(5000, -10)).toBe(5000);
  });

  it('scales with one rounding, half away from zero', () => {
    expect(scaleMinor(1000, 1, 3)).toBe(333);
    expect(scaleMinor(5, 1, 2)).toBe(3);
    expect(scaleMinor(-5, 1, 2)).toBe(-3);
    expect(() => scaleMinor(1, 1, 0)).toThrow(RangeError);
  });

  it('compares budget with spend, flagging and measuring overspend', () => {
    expect(budgetUsage(250_000, 100_000)).toEqual({
      budgetMinor: 250_000,
      spentMinor: 100_000,
      remainingMinor: 150_000,
      overBudget: false,
      overspendMinor: 0,
      usedFraction: 0.4,
    });
    expect(budgetUsage(250_000, 280_001)).toMatchObject({
      remainingMinor: 0,
      overBudget: true,
      overspendMinor: 30_001,
    });
    expect(budgetUsage(250_000, 250_000)).toMatchObject({
      overBudget: false,
      overspendMinor: 0,
      usedFraction: 1,
    });
    expect(budgetUsage(0, 1)).toMatchObject({ overBudget: true, overspendMinor: 1, usedFraction: null });
    expect(budgetUsage(0, 0)).toMatchObject({ overBudget: false, usedFraction: null });
  });

  it('accepts only whole, non-negative amounts at the boundary', () => {
    expect(MinorAmount.safeParse(1999).success).toBe(true);
    expect(MinorAmount.safeParse(-1).error?.issues[0]?.message).toBe('must not be negative');
    expect(MinorAmount.safeParse(19.99).success).toBe(false);
  });
});
