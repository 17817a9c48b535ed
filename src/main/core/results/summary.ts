import type { z } from 'zod';
import type { Summary, SummaryInput } from '@shared/api/results';
import type { AttributionModel } from '@shared/domain/attribution';
import { toMajor } from '@shared/domain/currency';
import type { Ctx } from '../context';
import { dashboard, dashboardNumbers, type DashboardNumbers } from './dashboard';

type Input = z.output<typeof SummaryInput>;

const tile = (d: DashboardNumbers, id: string, which: 'value' | 'previous'): number | null =>
  d.tiles.find((t) => t.id === id)?.[which] ?? null;

function totals(d: DashboardNumbers, which: 'value' | 'previous'): Summary['totals'] {
  const money = (id: string) => toMajor(tile(d, id, which) ?? 0, d.currency);
  const maybeMoney = (id: string) => {
    const v = tile(d, id, which);
    return v === null ? null : toMajor(v, d.currency);
  };
  return {
    spend: money('spend'),
    leads: tile(d, 'leads', which) ?? 0,
    qualifiedLeads: tile(d, 'qualifiedLeads', which) ?? 0,
    won: tile(d, 'won', which) ?? 0,
    lost: tile(d, 'lost', which) ?? 0,
    revenue: money('revenue'),
    costPerLead: maybeMoney('costPerLead'),
    roi: tile(d, 'roi', which),
    winRate: tile(d, 'winRate', which),
    pipelineValue: money('pipelineValue'),
    visits: tile(d, 'visits', which) ?? 0,
  };
}

/**
 * The dashboard the summary and the meeting report are read from: compared with the previous period, every
 * touch counted. One call, so `tandem summary`, the PDF and the Results screen agree to the cent.
 */
export function summaryDashboard(ctx: Ctx, input: SummaryPeriod) {
  return dashboard(ctx, dashboardInput(input));
}

type SummaryPeriod = { from: string; to: string; model: AttributionModel; lookbackDays: number };
const dashboardInput = (input: SummaryPeriod) => ({
  from: input.from,
  to: input.to,
  compare: 'previous' as const,
  model: input.model,
  lookbackDays: input.lookbackDays,
  lastNonDirect: false,
});

/**
 * The period's shared numbers as `tandem summary --json` prints them: the dashboard's own numbers (the
 * same code the Results screen's call runs, less the series, lists and panels the summary does not print),
 * money in major units.
 */
export function summary(ctx: Ctx, input: Input): Summary {
  return summaryOf(dashboardNumbers(ctx, dashboardInput(input)));
}

/** The summary of a dashboard's numbers (a whole dashboard has them all). */
export function summaryOf(d: DashboardNumbers): Summary {
  const major = (minor: number) => toMajor(minor, d.currency);
  const v = d.visitsVsSales;
  return {
    from: d.range.from,
    to: d.range.to,
    currency: d.currency,
    totals: totals(d, 'value'),
    campaigns: d.campaigns.map((c) => ({
      name: c.name,
      channel: c.channel,
      spend: major(c.spendMinor),
      leads: c.leads,
      qualifiedLeads: c.qualifiedLeads,
      won: c.won,
      revenue: major(c.revenueMinor),
      costPerLead: c.costPerLeadMinor === null ? null : major(c.costPerLeadMinor),
      roi: c.roi,
    })),
    model: d.model,
    lookbackDays: d.lookbackDays,
    unattributed: { revenue: major(d.unattributed.revenueMinor), leads: d.unattributed.leads },
    previous: { from: d.previousRange.from, to: d.previousRange.to, ...totals(d, 'previous') },
    visitsVsSales:
      v.status === 'ok' && v.lagDays !== null && v.r !== null
        ? { lagDays: v.lagDays, r: v.r, rRaw: v.rRaw, days: v.days, significant: v.significant }
        : null,
  };
}
