import { and, asc, eq, isNull } from 'drizzle-orm';
import type { CampaignResults, PeriodTotals, ResultsReport } from '@shared/api/campaigns';
import { averageDealSize, costPerLead, roas, roi, winRate } from '@shared/domain/kpi';
import { budgetUsage } from '@shared/domain/money';
import type { DateRange } from '@shared/domain/periods';
import type { Ctx } from '../context';
import { campaigns } from '../db/schema';
import { getSettings } from '../settings/service';
import { aggregate, emptyTally, revenueOf, type Aggregate, type Tally } from './aggregate';

export interface CampaignHead {
  id: string;
  name: string;
  channel: string;
  status: string;
  budgetMinor: number;
  startDate: string | null;
  endDate: string | null;
}

export function campaignResults(campaign: CampaignHead, tally: Tally = emptyTally()): CampaignResults {
  const revenueMinor = revenueOf(tally);
  const budget = budgetUsage(campaign.budgetMinor, tally.spendMinor);
  return {
    campaignId: campaign.id,
    name: campaign.name,
    channel: campaign.channel,
    status: campaign.status,
    budgetMinor: campaign.budgetMinor,
    spendMinor: tally.spendMinor,
    leads: tally.leads,
    qualifiedLeads: tally.qualifiedLeads,
    won: tally.won,
    lost: tally.lost,
    revenueMinor,
    costPerLeadMinor: costPerLead(tally.spendMinor, tally.leads),
    roi: roi(revenueMinor, tally.spendMinor),
    roas: roas(revenueMinor, tally.spendMinor),
    overBudget: budget.overBudget,
    overspendMinor: budget.overspendMinor,
  };
}

/**
 * Website visits in a period. Analytics exports report either the whole site (scope `site`) or visits per
 * channel (`channel:…`), and campaign rows are subsets of those; so the site rows are summed when the period
 * has any, otherwise the channel rows, and never both.
 */
export function visitsIn(ctx: Ctx, range: DateRange): number {
  const row = ctx.sqlite
    .prepare(
      `SELECT sum(CASE WHEN scope = 'site' THEN value END) AS site,
              sum(CASE WHEN scope LIKE 'channel:%' THEN value END) AS channels
       FROM metric_observations WHERE metric = 'visits' AND date BETWEEN ? AND ?`,
    )
    .get(range.startDate, range.endDate) as { site: number | null; channels: number | null };
  return Math.round(row.site ?? row.channels ?? 0);
}

function totalsFrom(agg: Aggregate, range: DateRange, currency: string, visits: number): PeriodTotals {
  const t = agg.total;
  const revenueMinor = revenueOf(t);
  return {
    from: range.startDate,
    to: range.endDate,
    currency,
    spendMinor: t.spendMinor,
    leads: t.leads,
    qualifiedLeads: t.qualifiedLeads,
    won: t.won,
    lost: t.lost,
    revenueMinor,
    revenue: { ordersMinor: t.ordersMinor, paymentsMinor: t.paymentsMinor, wonLeadsMinor: t.wonLeadsMinor },
    costPerLeadMinor: costPerLead(t.spendMinor, t.leads),
    roi: roi(revenueMinor, t.spendMinor),
    roas: roas(revenueMinor, t.spendMinor),
    winRate: winRate(t.won, t.lost),
    averageDealMinor: averageDealSize(t.wonValueMinor, t.won),
    pipelineValueMinor: agg.pipeline.unweightedMinor,
    weightedPipelineMinor: agg.pipeline.weightedMinor,
    visits,
    otherCurrencyRecords: agg.otherCurrencyRecords,
  };
}

/** The period's shared numbers for the whole business. */
export function periodTotals(ctx: Ctx, range: DateRange): PeriodTotals {
  const { currency } = getSettings(ctx);
  return totalsFrom(aggregate(ctx, range, currency), range, currency, visitsIn(ctx, range));
}

const overlaps = (c: CampaignHead, range: DateRange) =>
  (c.startDate ?? c.endDate ?? '') <= range.endDate &&
  (c.endDate ?? c.startDate ?? '9999') >= range.startDate;

export function liveCampaigns(ctx: Ctx, planId?: string): CampaignHead[] {
  const where = planId
    ? and(isNull(campaigns.deletedAt), eq(campaigns.planId, planId))
    : isNull(campaigns.deletedAt);
  return ctx.db
    .select({
      id: campaigns.id,
      name: campaigns.name,
      channel: campaigns.channel,
      status: campaigns.status,
      budgetMinor: campaigns.budgetMinor,
      startDate: campaigns.startDate,
      endDate: campaigns.endDate,
    })
    .from(campaigns)
    .where(where)
    .orderBy(asc(campaigns.startDate), asc(campaigns.name))
    .all();
}

/**
 * Totals for the period, and each campaign's numbers inside it: the campaigns that run during the period
 * or have spend, leads or revenue in it (only one plan's campaigns when `planId` is given).
 */
export function resultsReport(ctx: Ctx, range: DateRange, planId?: string): ResultsReport {
  const { currency } = getSettings(ctx);
  const agg = aggregate(ctx, range, currency);
  const rows = liveCampaigns(ctx, planId)
    .filter((c) => agg.byCampaign.has(c.id) || overlaps(c, range))
    .map((c) => campaignResults(c, agg.byCampaign.get(c.id)));
  return { totals: totalsFrom(agg, range, currency, visitsIn(ctx, range)), campaigns: rows };
}

/** Results so far (all time) of the given campaigns. */
export function resultsSoFar(ctx: Ctx, heads: CampaignHead[]): CampaignResults[] {
  if (heads.length === 0) return [];
  const agg = aggregate(ctx, null, getSettings(ctx).currency);
  return heads.map((c) => campaignResults(c, agg.byCampaign.get(c.id)));
}
