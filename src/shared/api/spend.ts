import { z } from 'zod';
import { command, query } from '../contract/define';
import { Id, IsoDate } from '../domain/ids';
import { CHANNELS } from '../domain/utm';

const SpendAmount = z
  .number({ message: 'expected an amount in minor units (e.g. cents)' })
  .int('expected whole minor units (e.g. cents), not a fraction')
  .min(1, 'enter an amount above zero')
  .max(Number.MAX_SAFE_INTEGER, 'amount is too large');

export const SpendCreate = z.strictObject({
  campaignId: Id,
  date: IsoDate,
  amountMinor: SpendAmount,
  note: z.string().trim().max(500).optional(),
});
export type SpendCreate = z.input<typeof SpendCreate>;

export const SpendPatch = z.strictObject({
  campaignId: Id.optional(),
  date: IsoDate.optional(),
  amountMinor: SpendAmount.optional(),
  note: z.string().trim().max(500).optional(),
});
export type SpendPatch = z.input<typeof SpendPatch>;

export const SpendEntry = z.object({
  id: z.string(),
  campaignId: z.string(),
  campaignName: z.string(),
  channel: z.string(),
  date: z.string(),
  amountMinor: z.number().int(),
  note: z.string(),
  /** Written by an import job (undoing the job removes it). */
  imported: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SpendEntry = z.infer<typeof SpendEntry>;

export const SpendListInput = z.strictObject({
  campaignId: Id.optional(),
  planId: Id.optional(),
  channel: z.enum(CHANNELS).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(200),
});
export type SpendListInput = z.input<typeof SpendListInput>;

export const SpendPage = z.object({
  currency: z.string(),
  /** Entries matching the filter (all pages). */
  total: z.number().int(),
  /** Sum of the matching entries (all pages). */
  totalMinor: z.number().int(),
  /** Newest first. */
  rows: z.array(SpendEntry),
});
export type SpendPage = z.infer<typeof SpendPage>;

/** Budget against spend; see budgetUsage in shared/domain/money. */
export const BudgetUsage = z.object({
  budgetMinor: z.number().int(),
  spentMinor: z.number().int(),
  remainingMinor: z.number().int(),
  overBudget: z.boolean(),
  overspendMinor: z.number().int(),
  usedFraction: z.number().nullable(),
});
export type BudgetUsage = z.infer<typeof BudgetUsage>;

export const CampaignBudget = BudgetUsage.extend({
  campaignId: z.string(),
  name: z.string(),
  channel: z.string(),
  status: z.string(),
});

export const ChannelBudget = BudgetUsage.extend({
  channel: z.string(),
  /** Where budgetMinor comes from: the plan's channel mix, or the sum of the channel's campaign budgets. */
  budgetSource: z.enum(['plan', 'campaigns']),
  plannedMinor: z.number().int().nullable(),
  campaignBudgetMinor: z.number().int(),
});

export const BudgetReport = z.object({
  currency: z.string(),
  planId: z.string().nullable(),
  campaigns: z.array(CampaignBudget),
  channels: z.array(ChannelBudget),
  /** Plan budget goal (or the sum of campaign budgets without one) against all spend listed. */
  total: BudgetUsage,
});
export type BudgetReport = z.infer<typeof BudgetReport>;

export const spendApi = {
  'spend.list': query(SpendListInput, SpendPage),
  'spend.create': command(SpendCreate, SpendEntry),
  'spend.update': command(z.strictObject({ id: Id, patch: SpendPatch }), SpendEntry),
  'spend.delete': command(z.strictObject({ id: Id }), z.object({ id: z.string() })),
  'spend.restore': command(z.strictObject({ id: Id }), SpendEntry),
  /** Budget vs spent per campaign and per channel: for one plan, or for all campaigns without planId. */
  'spend.budget': query(z.strictObject({ planId: Id.optional() }), BudgetReport),
};
