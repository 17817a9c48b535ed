import { z } from 'zod';
import { command, query } from '../contract/define';
import { Id, IsoDate } from '../domain/ids';
import { MinorAmount } from '../domain/money';
import { CHANNELS, trackingCodeProblem } from '../domain/utm';
import { ContentItem, WebLink } from './content';
import { BudgetUsage, SpendEntry, SpendOverlap } from './spend';

export const Channel = z.enum(CHANNELS);
export const Objective = z.enum(['awareness', 'leads', 'sales']);
export const CampaignStatus = z.enum(['draft', 'planned', 'active', 'paused', 'done']);

/** utm_campaign: lowercase, no spaces, only a–z 0–9 - _ . (leading and trailing blanks are dropped). */
export const TrackingCode = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const problem = trackingCodeProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const Count = z.number().int('expected a whole number').min(0, 'must not be negative');

const CampaignFields = z.object({
  planId: Id.nullable(),
  name: z.string().trim().min(1, 'enter a name').max(120),
  channel: Channel,
  objective: Objective,
  startDate: IsoDate.nullable(),
  endDate: IsoDate.nullable(),
  status: CampaignStatus,
  budgetMinor: MinorAmount,
  targetLeads: Count.nullable(),
  targetRevenueMinor: MinorAmount.nullable(),
  keyMessage: z.string().trim().max(1000),
  /** Made from the name when left out (and kept unique). */
  trackingCode: TrackingCode,
  landingUrl: WebLink,
});

export const CampaignCreate = CampaignFields.partial()
  .required({ name: true, channel: true, objective: true })
  .strict();
export type CampaignCreate = z.input<typeof CampaignCreate>;
export const CampaignPatch = CampaignFields.partial().strict();
export type CampaignPatch = z.input<typeof CampaignPatch>;

export const Campaign = z.object({
  id: z.string(),
  planId: z.string().nullable(),
  planName: z.string().nullable(),
  name: z.string(),
  channel: z.string(),
  objective: Objective,
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  status: CampaignStatus,
  budgetMinor: z.number().int(),
  targetLeads: z.number().int().nullable(),
  targetRevenueMinor: z.number().int().nullable(),
  keyMessage: z.string(),
  trackingCode: z.string().nullable(),
  landingUrl: z.string().nullable(),
  /** landingUrl tagged with this campaign's utm_*; null without a landing page. */
  taggedUrl: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Campaign = z.infer<typeof Campaign>;

export const CampaignListItem = Campaign.extend({
  spentMinor: z.number().int(),
  overBudget: z.boolean(),
  overspendMinor: z.number().int(),
});

export const CampaignListInput = z.strictObject({
  /** A plan's campaigns; null for campaigns without a plan; left out for all. */
  planId: Id.nullable().optional(),
  status: CampaignStatus.optional(),
  channel: Channel.optional(),
  search: z.string().trim().max(200).optional(),
});

/** One campaign's numbers; see shared/domain/kpi for every definition. */
export const CampaignResults = z.object({
  campaignId: z.string(),
  name: z.string(),
  channel: z.string(),
  status: z.string(),
  budgetMinor: z.number().int(),
  spendMinor: z.number().int(),
  leads: z.number().int(),
  qualifiedLeads: z.number().int(),
  won: z.number().int(),
  lost: z.number().int(),
  revenueMinor: z.number().int(),
  costPerLeadMinor: z.number().int().nullable(),
  roi: z.number().nullable(),
  roas: z.number().nullable(),
  overBudget: z.boolean(),
  overspendMinor: z.number().int(),
});
export type CampaignResults = z.infer<typeof CampaignResults>;

export const RevenueParts = z.object({
  ordersMinor: z.number().int(),
  paymentsMinor: z.number().int(),
  wonLeadsMinor: z.number().int(),
});

/** The shared numbers of a period (what the plan page, the summary and the PDF show). */
export const PeriodTotals = z.object({
  from: z.string(),
  to: z.string(),
  currency: z.string(),
  spendMinor: z.number().int(),
  /** Leads created in the period, and how many of those are qualified. */
  leads: z.number().int(),
  qualifiedLeads: z.number().int(),
  /** Leads closed (won / lost) in the period. */
  won: z.number().int(),
  lost: z.number().int(),
  revenueMinor: z.number().int(),
  revenue: RevenueParts,
  costPerLeadMinor: z.number().int().nullable(),
  roi: z.number().nullable(),
  roas: z.number().nullable(),
  winRate: z.number().nullable(),
  averageDealMinor: z.number().int().nullable(),
  /** Open leads created up to the period's end, at their current stage. */
  pipelineValueMinor: z.number().int(),
  weightedPipelineMinor: z.number().int(),
  /** Website visits in the period (see visitsIn in core/results/totals). */
  visits: z.number().int(),
  /** Orders and payments in the period in another currency than the workspace's: not counted. */
  otherCurrencyRecords: z.number().int(),
});
export type PeriodTotals = z.infer<typeof PeriodTotals>;

export const CampaignLead = z.object({
  id: z.string(),
  title: z.string(),
  contactName: z.string().nullable(),
  stageName: z.string(),
  stageOutcome: z.string(),
  rating: z.number().int().nullable(),
  ratingNote: z.string(),
  qualified: z.boolean(),
  valueMinor: z.number().int(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
});

export const CampaignOrder = z.object({
  id: z.string(),
  externalId: z.string(),
  orderedAt: z.string(),
  status: z.string(),
  customerName: z.string().nullable(),
  currency: z.string(),
  totalMinor: z.number().int(),
  refundedMinor: z.number().int(),
  /** What the order counts as revenue (0 for pending, voided, refunded...). */
  revenueMinor: z.number().int(),
});

export const CampaignMetrics = z.object({
  reach: z.number().nullable(),
  impressions: z.number().nullable(),
  clicks: z.number().nullable(),
  /** Days with any of the three, and the first and last of them. */
  days: z.number().int(),
  firstDay: z.string().nullable(),
  lastDay: z.string().nullable(),
  /** The imports' sources (meta, linkedin…). */
  sources: z.array(z.string()),
});
export type CampaignMetrics = z.infer<typeof CampaignMetrics>;

export const CampaignDetail = z.object({
  currency: z.string(),
  campaign: Campaign,
  results: CampaignResults,
  revenue: RevenueParts,
  budget: BudgetUsage,
  spend: z.array(SpendEntry),
  content: z.array(ContentItem),
  leads: z.array(CampaignLead),
  orders: z.array(CampaignOrder),
  /** Imported spend overlapping spend logged by hand, with the side that counts; null without one. */
  spendOverlap: SpendOverlap.nullable(),
  /** Reach, impressions and clicks the imports brought for the campaign, summed over their days. */
  metrics: CampaignMetrics,
});
export type CampaignDetail = z.infer<typeof CampaignDetail>;

export const CampaignLinksInput = z.strictObject({
  id: Id,
  /** The page to link to; the campaign's landing page when left out. */
  url: z.string().trim().max(2000).optional(),
  source: z.string().trim().max(100).optional(),
  medium: z.string().trim().max(100).optional(),
});

export const CampaignLinks = z.object({
  /** Tagged link for the campaign itself; null with `problem` when it cannot be built. */
  url: z.string().nullable(),
  problem: z.string().nullable(),
  content: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      utmContent: z.string().nullable(),
      url: z.string().nullable(),
    }),
  ),
});
export type CampaignLinks = z.infer<typeof CampaignLinks>;

export const ResultsInput = z.strictObject({ from: IsoDate, to: IsoDate, planId: Id.optional() });
export const ResultsReport = z.object({ totals: PeriodTotals, campaigns: z.array(CampaignResults) });
export type ResultsReport = z.infer<typeof ResultsReport>;

export const campaignsApi = {
  'campaigns.list': query(CampaignListInput, z.array(CampaignListItem)),
  'campaigns.get': query(z.strictObject({ id: Id }), Campaign),
  'campaigns.create': command(CampaignCreate, Campaign),
  'campaigns.update': command(z.strictObject({ id: Id, patch: CampaignPatch }), Campaign),
  'campaigns.delete': command(z.strictObject({ id: Id }), z.object({ id: z.string() })),
  'campaigns.restore': command(z.strictObject({ id: Id }), Campaign),
  /** Everything the campaign page shows: spend, content, leads, orders and results so far. */
  'campaigns.detail': query(z.strictObject({ id: Id }), CampaignDetail),
  'campaigns.links': query(CampaignLinksInput, CampaignLinks),
  /** Period totals plus each campaign's numbers within the period (optionally one plan's campaigns). */
  'campaigns.results': query(ResultsInput, ResultsReport),
};
