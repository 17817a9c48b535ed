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
  /** Counted in the campaign's spend; false for the side left out where imported and hand-logged overlap. */
  counted: z.boolean(),
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
  /** Sum of the matching entries that count (all pages); see SpendOverlap for the ones left out. */
  totalMinor: z.number().int(),
  /** Sum of the matching entries left out because they overlap spend of the other source. */
  uncountedMinor: z.number().int(),
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

export const SpendSource = z.enum(['imported', 'manual']);
export type SpendSource = z.infer<typeof SpendSource>;

/**
 * Imported and hand-logged spend of one campaign on the same days: the imported days run from `firstDay` to
 * `lastDay`; the hand-logged entries dated in them are the overlap. `source` says which side counts.
 */
export const SpendOverlap = z.object({
  campaignId: z.string(),
  campaignName: z.string(),
  source: SpendSource,
  firstDay: z.string(),
  lastDay: z.string(),
  /** All imported spend of the campaign (it lies in the days by definition). */
  importedMinor: z.number().int(),
  importedEntries: z.number().int(),
  /** Hand-logged spend dated from firstDay to lastDay. */
  manualMinor: z.number().int(),
  manualEntries: z.number().int(),
});
export type SpendOverlap = z.infer<typeof SpendOverlap>;

export const spendApi = {
  'spend.list': query(SpendListInput, SpendPage),
  'spend.create': command(SpendCreate, SpendEntry),
  'spend.update': command(z.strictObject({ id: Id, patch: SpendPatch }), SpendEntry),
  'spend.delete': command(z.strictObject({ id: Id }), z.object({ id: z.string() })),
  'spend.restore': command(z.strictObject({ id: Id }), SpendEntry),
  /** Budget vs spent per campaign and per channel: for one plan, or for all campaigns without planId. */
  'spend.budget': query(z.strictObject({ planId: Id.optional() }), BudgetReport),
  /** Campaigns whose imported spend overlaps spend logged by hand (one campaign with campaignId). */
  'spend.overlaps': query(z.strictObject({ campaignId: Id.optional() }), z.array(SpendOverlap)),
  /** Which side counts where the campaign's imported and hand-logged spend overlap. */
  'spend.setSource': command(
    z.strictObject({ campaignId: Id, source: SpendSource }),
    z.object({ campaignId: z.string(), source: SpendSource, overlap: SpendOverlap.nullable() }),
  ),
};
