import type { PlanVsActual } from '@shared/api/plans';
import { attainment } from '@shared/domain/kpi';
import { budgetUsage } from '@shared/domain/money';
import type { Ctx } from '../context';
import { liveCampaigns, periodTotals, resultsSoFar } from '../results/totals';
import { budgetReport } from '../spend/budget';
import { getPlan } from './service';

/**
 * The plan page: each goal against what the database says now. Revenue, leads, qualified leads and spend
 * are the whole business's numbers for the plan's period (see shared/domain/kpi for the definitions), so
 * they move as soon as a lead is created or won or an order is imported; the plan's own campaigns and
 * channel mix are listed underneath with their results so far.
 */
export function planVsActual(ctx: Ctx, id: string): PlanVsActual {
  const plan = getPlan(ctx, id);
  const totals = periodTotals(ctx, { startDate: plan.startDate, endDate: plan.endDate });
  const { goals } = plan;
  const row = (
    key: PlanVsActual['goals'][number]['key'],
    unit: 'money' | 'count',
    goal: number | null,
    actual: number,
  ) => ({
    key,
    unit,
    goal,
    actual,
    attainment: attainment(actual, goal),
  });
  const budget = goals.budgetMinor === null ? null : budgetUsage(goals.budgetMinor, totals.spendMinor);
  return {
    planId: plan.id,
    currency: totals.currency,
    from: plan.startDate,
    to: plan.endDate,
    goals: [
      row('revenue', 'money', goals.revenueMinor, totals.revenueMinor),
      row('leads', 'count', goals.leads, totals.leads),
      row('qualifiedLeads', 'count', goals.qualifiedLeads, totals.qualifiedLeads),
      row('budget', 'money', goals.budgetMinor, totals.spendMinor),
    ],
    overBudget: budget?.overBudget ?? false,
    overspendMinor: budget?.overspendMinor ?? 0,
    totals,
    campaigns: resultsSoFar(ctx, liveCampaigns(ctx, plan.id)),
    channels: budgetReport(ctx, plan.id).channels,
  };
}
