import { and, desc, eq, gte, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { SpendCreate, SpendEntry, SpendListInput, SpendPage, SpendPatch } from '@shared/api/spend';
import { fail } from '@shared/contract/result';
import type { Ctx } from '../context';
import { campaigns, spendEntries } from '../db/schema';
import { rejectIssues } from '../campaigns/validate';
import { getSettings } from '../settings/service';

type ListInput = z.output<typeof SpendListInput>;

/** Whether counted_spend, the one rule for which spend counts, keeps the entry. */
const isCounted = sql<number>`EXISTS (SELECT 1 FROM counted_spend cs WHERE cs.id = ${spendEntries.id})`;

const columns = {
  id: spendEntries.id,
  campaignId: spendEntries.campaignId,
  campaignName: campaigns.name,
  channel: campaigns.channel,
  date: spendEntries.date,
  amountMinor: spendEntries.amountMinor,
  note: spendEntries.note,
  imported: sql<number>`${spendEntries.importJobId} IS NOT NULL`,
  counted: isCounted,
  createdAt: spendEntries.createdAt,
  updatedAt: spendEntries.updatedAt,
};

const select = (ctx: Ctx) =>
  ctx.db.select(columns).from(spendEntries).innerJoin(campaigns, eq(campaigns.id, spendEntries.campaignId));

const toEntry = (
  row: { imported: number; counted: number } & Omit<SpendEntry, 'imported' | 'counted'>,
): SpendEntry => ({
  ...row,
  imported: Boolean(row.imported),
  counted: Boolean(row.counted),
});

export function getSpend(ctx: Ctx, id: string, includeDeleted = false): SpendEntry {
  const where = includeDeleted
    ? eq(spendEntries.id, id)
    : and(eq(spendEntries.id, id), isNull(spendEntries.deletedAt));
  const row = select(ctx).where(where).get();
  if (!row) return fail('not_found', 'That spend entry does not exist or was deleted.');
  return toEntry(row);
}

/**
 * Spend of live campaigns, newest first, with the count of everything the filter matches and the sums of what
 * counts and what is left out where imported and hand-logged spend overlap.
 */
export function listSpend(ctx: Ctx, input: ListInput): SpendPage {
  const filters: SQL[] = [isNull(spendEntries.deletedAt), isNull(campaigns.deletedAt)];
  if (input.campaignId) filters.push(eq(spendEntries.campaignId, input.campaignId));
  if (input.planId) filters.push(eq(campaigns.planId, input.planId));
  if (input.channel) filters.push(eq(campaigns.channel, input.channel));
  if (input.from) filters.push(gte(spendEntries.date, input.from));
  if (input.to) filters.push(lte(spendEntries.date, input.to));
  const where = and(...filters);
  const rows = select(ctx)
    .where(where)
    .orderBy(desc(spendEntries.date), desc(spendEntries.createdAt), desc(spendEntries.id))
    .limit(input.limit)
    .offset(input.offset)
    .all();
  const sums = ctx.db
    .select({
      n: sql<number>`count(*)`,
      minor: sql<number>`coalesce(sum(CASE WHEN ${isCounted} THEN ${spendEntries.amountMinor} END), 0)`,
      uncounted: sql<number>`coalesce(sum(CASE WHEN ${isCounted} THEN 0 ELSE ${spendEntries.amountMinor} END), 0)`,
    })
    .from(spendEntries)
    .innerJoin(campaigns, eq(campaigns.id, spendEntries.campaignId))
    .where(where)
    .get();
  return {
    currency: getSettings(ctx).currency,
    total: sums?.n ?? 0,
    totalMinor: sums?.minor ?? 0,
    uncountedMinor: sums?.uncounted ?? 0,
    rows: rows.map(toEntry),
  };
}

function checkCampaign(ctx: Ctx, campaignId: string): void {
  const live = ctx.db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(eq(campaigns.id, campaignId), isNull(campaigns.deletedAt)))
    .get();
  if (!live)
    rejectIssues('Spend', [{ field: 'campaignId', message: 'that campaign does not exist or was deleted' }]);
}

export function createSpend(ctx: Ctx, input: z.output<typeof SpendCreate>): SpendEntry {
  checkCampaign(ctx, input.campaignId);
  const now = ctx.nowIso();
  const { id } = ctx.db
    .insert(spendEntries)
    .values({ ...input, note: input.note ?? '', createdAt: now, updatedAt: now })
    .returning({ id: spendEntries.id })
    .get();
  return getSpend(ctx, id);
}

export function updateSpend(ctx: Ctx, id: string, patch: z.output<typeof SpendPatch>): SpendEntry {
  getSpend(ctx, id);
  if (patch.campaignId) checkCampaign(ctx, patch.campaignId);
  const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  ctx.db
    .update(spendEntries)
    .set({ ...set, updatedAt: ctx.nowIso() })
    .where(eq(spendEntries.id, id))
    .run();
  return getSpend(ctx, id);
}

export function deleteSpend(ctx: Ctx, id: string): { id: string } {
  getSpend(ctx, id);
  const now = ctx.nowIso();
  ctx.db.update(spendEntries).set({ deletedAt: now, updatedAt: now }).where(eq(spendEntries.id, id)).run();
  return { id };
}

export function restoreSpend(ctx: Ctx, id: string): SpendEntry {
  getSpend(ctx, id, true);
  ctx.db
    .update(spendEntries)
    .set({ deletedAt: null, updatedAt: ctx.nowIso() })
    .where(eq(spendEntries.id, id))
    .run();
  return getSpend(ctx, id);
}
