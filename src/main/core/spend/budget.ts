import type { BudgetReport } from '@shared/api/spend';
import { budgetUsage } from '@shared/domain/money';
import { fail } from '@shared/contract/result';
import type { Ctx } from '../context';
import { planExists } from '../campaigns/validate';
import type { campaigns, planChannels, plans } from '../db/schema';
import { statement, type Row } from '../db/typed';
import { getSettings } from '../settings/service';

const campaignSpend = statement<
  Row<typeof campaigns, 'name' | 'channel' | 'status' | 'budgetMinor'> & {
    campaignId: string;
    spentMinor: number;
  },
  [string | null, string | null]
>(
  `SELECT c.id AS campaignId, c.name, c.channel, c.status, c.budget_minor AS budgetMinor,
          coalesce((SELECT sum(se.amount_minor) FROM counted_spend se
                    WHERE se.campaign_id = c.id AND se.deleted_at IS NULL), 0) AS spentMinor
   FROM campaigns c
   WHERE c.deleted_at IS NULL AND (? IS NULL OR c.plan_id = ?)
   ORDER BY c.channel, c.name`,
);
const channelMix = statement<Row<typeof planChannels, 'channel'> & { minor: number }, [string]>(
  'SELECT channel, planned_budget_minor AS minor FROM plan_channels WHERE plan_id = ?',
);
const planBudget = statement<{ minor: Row<typeof plans>['goalBudgetMinor'] }, [string]>(
  'SELECT goal_budget_minor AS minor FROM plans WHERE id = ?',
);

/**
 * Budget against everything spent so far (all dates), per campaign and per channel. For a plan, a channel's
 * budget is its planned budget in the channel mix when the mix has the channel, otherwise the sum of the
 * channel's campaign budgets; the total compares the plan's budget goal (or the campaign budgets) with all
 * spend of its campaigns.
 */
export function budgetReport(ctx: Ctx, planId?: string): BudgetReport {
  if (planId && !planExists(ctx, planId)) fail('not_found', 'That plan does not exist or was deleted.');
  const rows = campaignSpend.all(ctx.sqlite, planId ?? null, planId ?? null);

  const planned = new Map<string, number>();
  let goalBudget: number | null = null;
  if (planId) {
    const mix = channelMix.all(ctx.sqlite, planId);
    for (const row of mix) planned.set(row.channel, row.minor);
    const plan = planBudget.get(ctx.sqlite, planId);
    goalBudget = plan?.minor ?? null;
  }

  const channelNames = [...new Set([...planned.keys(), ...rows.map((r) => r.channel)])].sort();
  const channels = channelNames.map((channel) => {
    const own = rows.filter((r) => r.channel === channel);
    const campaignBudgetMinor = own.reduce((s, r) => s + r.budgetMinor, 0);
    const spentMinor = own.reduce((s, r) => s + r.spentMinor, 0);
    const plannedMinor = planned.get(channel) ?? null;
    return {
      channel,
      budgetSource: plannedMinor === null ? ('campaigns' as const) : ('plan' as const),
      plannedMinor,
      campaignBudgetMinor,
      ...budgetUsage(plannedMinor ?? campaignBudgetMinor, spentMinor),
    };
  });
  const spent = rows.reduce((s, r) => s + r.spentMinor, 0);
  const budget = goalBudget ?? rows.reduce((s, r) => s + r.budgetMinor, 0);
  return {
    currency: getSettings(ctx).currency,
    planId: planId ?? null,
    campaigns: rows.map(({ budgetMinor, spentMinor, ...c }) => ({
      ...c,
      ...budgetUsage(budgetMinor, spentMinor),
    })),
    channels,
    total: budgetUsage(budget, spent),
  };
}
