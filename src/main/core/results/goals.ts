import type { Dashboard } from '@shared/api/results';
import { attainment } from '@shared/domain/kpi';
import { pace } from '@shared/domain/comparison';
import type { Ctx } from '../context';
import { revenueByDay } from './conversions';
import { windowOf } from './period';
import { cachedGoalSums } from './result-days';

interface PlanRow {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
  goalRevenueMinor: number | null;
  goalLeads: number | null;
  goalBudgetMinor: number | null;
}

export const GOAL_SPEND = `
  SELECT coalesce(sum(se.amount_minor), 0) AS n FROM counted_spend se JOIN campaigns c ON c.id = se.campaign_id
  WHERE se.deleted_at IS NULL AND c.deleted_at IS NULL AND se.date BETWEEN ? AND ?`;
export const GOAL_LEADS =
  'SELECT count(*) AS n FROM leads WHERE deleted_at IS NULL AND created_at >= ? AND created_at < ?';

/** The plan whose period covers the given one (an active plan first, then the shortest). */
function planCovering(ctx: Ctx, from: string, to: string): PlanRow | undefined {
  return ctx.sqlite
    .prepare(
      `SELECT id, name, start_date AS startDate, end_date AS endDate, goal_revenue_minor AS goalRevenueMinor,
              goal_leads AS goalLeads, goal_budget_minor AS goalBudgetMinor
       FROM plans WHERE deleted_at IS NULL AND start_date <= ? AND end_date >= ?
       ORDER BY status = 'active' DESC, julianday(end_date) - julianday(start_date), start_date LIMIT 1`,
    )
    .get(from, to) as PlanRow | undefined;
}

/**
 * The plan's goals against what its own period has brought so far, with where an even pace would be today.
 * Leads and revenue come from the result_days cache unless `cold` (counted from the records).
 */
export function planGoals(
  ctx: Ctx,
  from: string,
  to: string,
  today: string,
  currency: string,
  cold = false,
): Dashboard['goals'] {
  const plan = planCovering(ctx, from, to);
  if (!plan) return null;
  const w = windowOf(plan.startDate, plan.endDate);
  const spend = ctx.sqlite.prepare(GOAL_SPEND).get(w.fromDay, w.toDay) as { n: number };
  const fresh = () => ({
    leads: (ctx.sqlite.prepare(GOAL_LEADS).get(w.fromIso, w.untilIso) as { n: number }).n,
    revenueMinor: revenueByDay(ctx, w, currency).totalMinor,
  });
  const { leads, revenueMinor: revenue } = cold ? fresh() : cachedGoalSums(ctx, w, currency, fresh);
  const range = { startDate: plan.startDate, endDate: plan.endDate };
  const goal = (id: 'revenue' | 'leads' | 'budget', target: number | null, actual: number) => {
    if (target === null) return [];
    const p = pace(target, actual, range, today);
    const running = today >= plan.startDate && today <= plan.endDate;
    // Budget is a ceiling: being "ahead" of it means spending less than an even pace.
    const ahead =
      !running || p.expected === null ? null : id === 'budget' ? actual <= p.expected : actual >= p.expected;
    return [
      {
        id,
        goal: target,
        actual,
        attainment: attainment(actual, target),
        expectedByToday: running ? p.expected : null,
        ahead,
      },
    ];
  };
  return {
    planId: plan.id,
    planName: plan.name,
    goals: [
      ...goal('revenue', plan.goalRevenueMinor, revenue),
      ...goal('leads', plan.goalLeads, leads),
      ...goal('budget', plan.goalBudgetMinor, spend.n),
    ],
  };
}
