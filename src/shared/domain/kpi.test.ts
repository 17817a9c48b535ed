import { describe, expect, it } from 'vitest';
import {
  attainment,
  averageDealSize,
  averageRating,
  averageSalesCycleDays,
  costPerLead,
  costPerQualifiedLead,
  funnelSteps,
  isQualifiedLead,
  orderNetMinor,
  paybackWeek,
  paymentNetMinor,
  pipelineValue,
  qualifiedShare,
  qualifiedStagePosition,
  ratio,
  roas,
  roi,
  salesCycleDays,
  stageConversionRates,
  winRate,
} from './kpi';

describe('kpi formulas', () => {
  it('cost per lead in whole minor units, null without leads', () => {
    expect(costPerLead(100_000, 8)).toBe(12_500);
    expect(costPerLead(1000, 3)).toBe(333);
    expect(costPerLead(1000, 0)).toBeNull();
    expect(costPerLead(0, 5)).toBe(0);
  });

  it('ROI = (revenue − spend) / spend, null without spend', () => {
    expect(roi(300_000, 100_000)).toBe(2);
    expect(roi(50_000, 100_000)).toBe(-0.5);
    expect(roi(0, 100_000)).toBe(-1);
    expect(roi(10_000, 0)).toBeNull();
  });

  it('ROAS = revenue / spend', () => {
    expect(roas(400_000, 100_000)).toBe(4);
    expect(roas(400_000, 0)).toBeNull();
  });

  it('attainment = actual / goal, null when there is no goal', () => {
    expect(attainment(45, 60)).toBe(0.75);
    expect(attainment(70, 60)).toBeCloseTo(1.1667, 4);
    expect(attainment(10, null)).toBeNull();
    expect(attainment(10, undefined)).toBeNull();
    expect(attainment(10, 0)).toBeNull();
  });

  it('win rate counts decided leads only', () => {
    expect(winRate(3, 1)).toBe(0.75);
    expect(winRate(0, 4)).toBe(0);
    expect(winRate(0, 0)).toBeNull();
  });

  it('average deal size in whole minor units', () => {
    expect(averageDealSize(1_000_001, 2)).toBe(500_001);
    expect(averageDealSize(0, 0)).toBeNull();
  });

  it('never returns NaN or Infinity', () => {
    for (const value of [
      ratio(1, 0),
      ratio(0, 0),
      ratio(Number.NaN, 1),
      ratio(1, Number.POSITIVE_INFINITY),
      roi(0, 0),
      roas(0, 0),
    ]) {
      expect(value).toBeNull();
    }
  });

  it('pipeline value, unweighted and weighted by stage probability, open leads only', () => {
    const value = pipelineValue([
      { valueMinor: 100_000, probability: 10, outcome: 'open' },
      { valueMinor: 333, probability: 50, outcome: 'open' },
      { valueMinor: 500_000, probability: 100, outcome: 'won' },
      { valueMinor: 70_000, probability: 0, outcome: 'lost' },
    ]);
    // 10_000 + 166.5 rounds once, at the end.
    expect(value).toEqual({ openLeads: 2, unweightedMinor: 100_333, weightedMinor: 10_167 });
    expect(pipelineValue([])).toEqual({ openLeads: 0, unweightedMinor: 0, weightedMinor: 0 });
  });

  it('stage conversion between consecutive funnel stages', () => {
    const rates = stageConversionRates([
      { stageId: 'new', reached: 40 },
      { stageId: 'contacted', reached: 30 },
      { stageId: 'qualified', reached: 0 },
      { stageId: 'won', reached: 0 },
    ]);
    expect(rates).toEqual([
      { fromStageId: 'new', toStageId: 'contacted', rate: 0.75 },
      { fromStageId: 'contacted', toStageId: 'qualified', rate: 0 },
      { fromStageId: 'qualified', toStageId: 'won', rate: null },
    ]);
    expect(stageConversionRates([{ stageId: 'only', reached: 3 }])).toEqual([]);
  });

  it('counts paid and partially refunded orders net of refunds; nothing else', () => {
    expect(orderNetMinor({ status: 'paid', totalMinor: 5000, refundedMinor: 0 })).toBe(5000);
    expect(orderNetMinor({ status: 'partially_refunded', totalMinor: 5000, refundedMinor: 1500 })).toBe(3500);
    for (const status of ['refunded', 'voided', 'pending', 'failed']) {
      expect(orderNetMinor({ status, totalMinor: 5000, refundedMinor: 0 })).toBe(0);
    }
    expect(paymentNetMinor({ status: 'succeeded', amountMinor: 900, refundedMinor: 0 })).toBe(900);
    expect(paymentNetMinor({ status: 'partially_refunded', amountMinor: 900, refundedMinor: 400 })).toBe(500);
    expect(paymentNetMinor({ status: 'failed', amountMinor: 900, refundedMinor: 0 })).toBe(0);
  });
});

describe('qualified lead', () => {
  const stages = [
    { name: 'New', position: 0, outcome: 'open' },
    { name: 'Contacted', position: 1, outcome: 'open' },
    { name: ' qualified ', position: 2, outcome: 'open' },
    { name: 'Won', position: 4, outcome: 'won' },
  ];
  const q = qualifiedStagePosition(stages);
  const lead = (over: Partial<Parameters<typeof isQualifiedLead>[0]>) =>
    isQualifiedLead(
      { rating: null, stagePosition: 0, stageOutcome: 'open', furthestOpenPosition: null, ...over },
      q,
    );

  it('finds the Qualified stage by name', () => {
    expect(q).toBe(2);
    expect(qualifiedStagePosition([{ name: 'Hot', position: 1, outcome: 'open' }])).toBeNull();
  });

  it('is qualified by a rating of 4 or 5', () => {
    expect(lead({ rating: 4 })).toBe(true);
    expect(lead({ rating: 3 })).toBe(false);
  });

  it('is qualified at or after the Qualified stage, or when won', () => {
    expect(lead({ stagePosition: 1 })).toBe(false);
    expect(lead({ stagePosition: 2 })).toBe(true);
    expect(lead({ stagePosition: 3 })).toBe(true);
    expect(lead({ stagePosition: 4, stageOutcome: 'won' })).toBe(true);
  });

  it('judges a lost lead by how far it got', () => {
    expect(lead({ stagePosition: 5, stageOutcome: 'lost', furthestOpenPosition: 0 })).toBe(false);
    expect(lead({ stagePosition: 5, stageOutcome: 'lost', furthestOpenPosition: 3 })).toBe(true);
    expect(lead({ stagePosition: 5, stageOutcome: 'lost', furthestOpenPosition: null, rating: 5 })).toBe(
      true,
    );
  });

  it('without a Qualified stage, only rating and winning count', () => {
    expect(
      isQualifiedLead(
        { rating: null, stagePosition: 9, stageOutcome: 'open', furthestOpenPosition: 9 },
        null,
      ),
    ).toBe(false);
    expect(
      isQualifiedLead({ rating: null, stagePosition: 9, stageOutcome: 'won', furthestOpenPosition: 9 }, null),
    ).toBe(true);
  });
});

describe('lead quality, cycle, payback and funnel', () => {
  it('cost per qualified lead and the qualified share', () => {
    expect(costPerQualifiedLead(100_000, 3)).toBe(33_333);
    expect(costPerQualifiedLead(100_000, 0)).toBeNull();
    expect(qualifiedShare(3, 12)).toBe(0.25);
    expect(qualifiedShare(0, 0)).toBeNull();
  });

  it('average rating leaves unrated leads out', () => {
    expect(averageRating([5, 4, null, 3, undefined])).toBe(4);
    expect(averageRating([2, 3])).toBe(2.5);
    expect(averageRating([null, undefined])).toBeNull();
    expect(averageRating([])).toBeNull();
  });

  it('sales cycle in fractional days, open leads excluded', () => {
    expect(salesCycleDays('2026-03-01T00:00:00.000Z', '2026-03-02T12:00:00.000Z')).toBe(1.5);
    expect(salesCycleDays('2026-03-01T09:00:00.000Z', '2026-03-01T09:00:00.000Z')).toBe(0);
    expect(salesCycleDays('2026-03-01T00:00:00.000Z', null)).toBeNull();
    expect(salesCycleDays('2026-03-05T00:00:00.000Z', '2026-03-01T00:00:00.000Z')).toBeNull();
    expect(() => salesCycleDays('soon', '2026-03-01T00:00:00.000Z')).toThrow(/created at/);
    expect(
      averageSalesCycleDays([
        { createdAt: '2026-01-01T00:00:00.000Z', closedAt: '2026-01-11T00:00:00.000Z' },
        { createdAt: '2026-01-01T00:00:00.000Z', closedAt: '2026-01-31T00:00:00.000Z' },
        { createdAt: '2026-01-01T00:00:00.000Z', closedAt: null },
      ]),
    ).toBe(20);
    expect(averageSalesCycleDays([{ createdAt: '2026-01-01T00:00:00.000Z', closedAt: null }])).toBeNull();
  });

  it('payback week: first week the revenue so far covers the spend so far', () => {
    // cumulative revenue 0, 300, 900, 1600 against spend 500, 1000, 1000, 1000
    expect(paybackWeek([0, 300, 600, 700], [500, 500, 0, 0])).toBe(3);
    expect(paybackWeek([500], [500])).toBe(0);
    expect(paybackWeek([100, 100], [500, 0])).toBeNull();
    // revenue before any spend is not payback; once spend starts, it counts
    expect(paybackWeek([1000, 0, 0], [0, 0, 400])).toBe(2);
    expect(paybackWeek([50, 50], [0, 0])).toBeNull();
    // a missing week is zero
    expect(paybackWeek([0, 0, 900], [300, 300])).toBe(2);
  });

  it('funnel step rates and the largest drop', () => {
    const funnel = funnelSteps([
      { id: 'visits', label: 'Visits', value: 2000 },
      { id: 'leads', label: 'Leads', value: 80 },
      { id: 'qualified', label: 'Qualified', value: 40 },
      { id: 'won', label: 'Won', value: 10 },
    ]);
    expect(funnel.steps.map((s) => s.rateFromPrevious)).toEqual([null, 0.04, 0.5, 0.25]);
    expect(funnel.steps[1]).toMatchObject({ id: 'leads', label: 'Leads', value: 80 });
    expect(funnel.largestDropIndex).toBe(1);
  });

  it('an unmeasured or empty step has no rate; ties go to the earlier step', () => {
    const funnel = funnelSteps([
      { label: 'Visits', value: null },
      { label: 'Leads', value: 40 },
      { label: 'Qualified', value: 20 },
      { label: 'Won', value: 10 },
    ]);
    expect(funnel.steps.map((s) => s.rateFromPrevious)).toEqual([null, null, 0.5, 0.5]);
    expect(funnel.largestDropIndex).toBe(2);
    const empty = funnelSteps([
      { label: 'Leads', value: 0 },
      { label: 'Won', value: 0 },
    ]);
    expect(empty.steps.map((s) => s.rateFromPrevious)).toEqual([null, null]);
    expect(empty.largestDropIndex).toBeNull();
    expect(funnelSteps([]).largestDropIndex).toBeNull();
  });
});
