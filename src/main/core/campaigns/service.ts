import { and, asc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Campaign,
  CampaignCreate,
  CampaignListInput,
  CampaignListItem,
  CampaignPatch,
} from '@shared/api/campaigns';
import { fail } from '@shared/contract/result';
import { budgetUsage } from '@shared/domain/money';
import { campaignUrl } from '@shared/domain/utm';
import type { Ctx } from '../context';
import { campaigns, countedSpend, plans } from '../db/schema';
import { contains } from '../db/contains';
import { campaignIssues, rejectIssues, trackingCodeFor } from './validate';
import { writeTransaction } from '../db/transaction';
import { softDelete, softRestore } from '../deletion/dependents';

type CreateInput = z.output<typeof CampaignCreate>;
type PatchInput = z.output<typeof CampaignPatch>;
type ListInput = z.output<typeof CampaignListInput>;

const columns = {
  id: campaigns.id,
  planId: campaigns.planId,
  planName: plans.name,
  name: campaigns.name,
  channel: campaigns.channel,
  objective: campaigns.objective,
  startDate: campaigns.startDate,
  endDate: campaigns.endDate,
  status: campaigns.status,
  budgetMinor: campaigns.budgetMinor,
  targetLeads: campaigns.targetLeads,
  targetRevenueMinor: campaigns.targetRevenueMinor,
  keyMessage: campaigns.keyMessage,
  trackingCode: campaigns.trackingCode,
  landingUrl: campaigns.landingUrl,
  createdAt: campaigns.createdAt,
  updatedAt: campaigns.updatedAt,
};

type Row = { [K in keyof typeof columns]: unknown } & {
  landingUrl: string | null;
  trackingCode: string | null;
  channel: string;
};

export function toCampaign(row: Row): Campaign {
  const tagged =
    row.landingUrl && row.trackingCode
      ? campaignUrl(row.landingUrl, { channel: row.channel, trackingCode: row.trackingCode })
      : null;
  return { ...(row as Omit<Campaign, 'taggedUrl'>), taggedUrl: tagged?.ok ? tagged.url : null };
}

const select = (ctx: Ctx) =>
  ctx.db.select(columns).from(campaigns).leftJoin(plans, eq(plans.id, campaigns.planId));

export function getCampaign(ctx: Ctx, id: string, includeDeleted = false): Campaign {
  const where = includeDeleted
    ? eq(campaigns.id, id)
    : and(eq(campaigns.id, id), isNull(campaigns.deletedAt));
  const row = select(ctx).where(where).get();
  if (!row) return fail('not_found', 'That campaign does not exist or was deleted.');
  return toCampaign(row);
}

export function listCampaigns(ctx: Ctx, input: ListInput): z.infer<typeof CampaignListItem>[] {
  const filters: (SQL | undefined)[] = [isNull(campaigns.deletedAt)];
  if (input.planId !== undefined) {
    filters.push(input.planId === null ? isNull(campaigns.planId) : eq(campaigns.planId, input.planId));
  }
  if (input.status) filters.push(eq(campaigns.status, input.status));
  if (input.channel) filters.push(eq(campaigns.channel, input.channel));
  if (input.search) {
    filters.push(or(contains(campaigns.name, input.search), contains(campaigns.trackingCode, input.search)));
  }
  const spent = ctx.db
    .select({
      campaignId: countedSpend.campaignId,
      minor: sql<number>`sum(${countedSpend.amountMinor})`.as('minor'),
    })
    .from(countedSpend)
    .groupBy(countedSpend.campaignId)
    .as('spent');
  const rows = ctx.db
    .select({ ...columns, spentMinor: sql<number>`coalesce(${spent.minor}, 0)` })
    .from(campaigns)
    .leftJoin(plans, eq(plans.id, campaigns.planId))
    .leftJoin(spent, eq(spent.campaignId, campaigns.id))
    .where(and(...filters))
    .orderBy(sql`${campaigns.startDate} IS NULL`, asc(campaigns.startDate), asc(campaigns.name))
    .all();
  return rows.map(({ spentMinor, ...row }) => {
    const usage = budgetUsage(row.budgetMinor, spentMinor);
    return {
      ...toCampaign(row),
      spentMinor,
      overBudget: usage.overBudget,
      overspendMinor: usage.overspendMinor,
    };
  });
}

function values(input: PatchInput): Partial<typeof campaigns.$inferInsert> {
  const out: Partial<typeof campaigns.$inferInsert> = {};
  for (const key of Object.keys(input) as (keyof PatchInput)[]) {
    const value = input[key];
    if (value === undefined) continue;
    (out as Record<string, unknown>)[key] = key === 'landingUrl' && value === '' ? null : value;
  }
  return out;
}

export function createCampaign(ctx: Ctx, input: CreateInput): Campaign {
  const id = writeTransaction(ctx.sqlite, () => {
    const trackingCode = input.trackingCode ?? trackingCodeFor(ctx, input.name);
    const row = { ...values(input), trackingCode };
    rejectIssues(
      'Campaign',
      campaignIssues(ctx, {
        planId: input.planId ?? null,
        startDate: input.startDate ?? null,
        endDate: input.endDate ?? null,
        trackingCode,
      }),
    );
    const now = ctx.nowIso();
    return ctx.db
      .insert(campaigns)
      .values({
        status: 'draft',
        ...row,
        name: input.name,
        channel: input.channel,
        objective: input.objective,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: campaigns.id })
      .get().id;
  });
  return getCampaign(ctx, id);
}

export function updateCampaign(ctx: Ctx, id: string, patch: PatchInput): Campaign {
  writeTransaction(ctx.sqlite, () => {
    const current = getCampaign(ctx, id);
    const merged = {
      planId: patch.planId !== undefined ? patch.planId : current.planId,
      startDate: patch.startDate !== undefined ? patch.startDate : current.startDate,
      endDate: patch.endDate !== undefined ? patch.endDate : current.endDate,
      trackingCode: patch.trackingCode ?? current.trackingCode,
    };
    rejectIssues('Campaign', campaignIssues(ctx, merged, id));
    ctx.db
      .update(campaigns)
      .set({ ...values(patch), updatedAt: ctx.nowIso() })
      .where(eq(campaigns.id, id))
      .run();
  });
  return getCampaign(ctx, id);
}

/** Soft delete: spend, content, leads and orders keep pointing at it, and `restore` undoes it. */
/**
 * Its spend and content go to the Trash with it; leads, contacts, orders and payments stay without it (their
 * revenue then counts as unattributed); imported metrics block the delete until their import is undone.
 */
export function deleteCampaign(ctx: Ctx, id: string): { id: string } {
  getCampaign(ctx, id);
  softDelete(ctx, 'campaign', id);
  return { id };
}

export function restoreCampaign(ctx: Ctx, id: string): Campaign {
  getCampaign(ctx, id, true);
  softRestore(ctx, 'campaign', id);
  return getCampaign(ctx, id);
}
