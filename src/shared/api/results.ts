import { z } from 'zod';
import { command, query } from '../contract/define';
import { Id, IsoDate, IsoInstant } from '../domain/ids';
import { CHANNELS } from '../domain/utm';
import { TOUCH_KINDS } from '../domain/attribution';
import { AttributionModelSchema, CompareModeSchema, LookbackDays } from './results-params';
import { VisitsVsSalesOut } from './visits';

/**
 * Measured results: one set of numbers for marketing and sales. Money is integer minor units in the
 * workspace currency (except `results.summary`, which speaks major units like the CLI's JSON).
 */

const Period = { from: IsoDate, to: IsoDate };
const Range = z.object({ from: z.string(), to: z.string() });

/**
 * Change from the comparison period, as `delta` in shared/domain/comparison computes it: `new` when the
 * previous value was nothing, `none` when both are nothing; `points` (percentage points) for rates.
 */
export const DeltaSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('new') }),
  z.object({ kind: z.literal('none') }),
  z.object({
    kind: z.literal('change'),
    absolute: z.number(),
    percent: z.number().nullable(),
    points: z.number().optional(),
  }),
]);

export const TILE_IDS = [
  'spend',
  'reach',
  'impressions',
  'visits',
  'leads',
  'qualifiedLeads',
  'qualifiedShare',
  'averageRating',
  'costPerLead',
  'costPerQualifiedLead',
  'won',
  'lost',
  'winRate',
  'averageDeal',
  'salesCycleDays',
  'pipelineValue',
  'weightedPipeline',
  'revenue',
  'roi',
  'roas',
] as const;
export type TileId = (typeof TILE_IDS)[number];

export const Tile = z.object({
  id: z.enum(TILE_IDS),
  label: z.string(),
  value: z.number().nullable(),
  previous: z.number().nullable(),
  format: z.enum(['count', 'money', 'rate', 'rating', 'days']),
  delta: DeltaSchema,
  /** Depends on the attribution model (revenue, ROI, ROAS are totals and do not; kept for per-row use). */
  modelDependent: z.boolean(),
});
export type Tile = z.infer<typeof Tile>;

const RowNumbers = {
  spendMinor: z.number().int(),
  reach: z.number(),
  impressions: z.number(),
  leads: z.number().int(),
  qualifiedLeads: z.number().int(),
  averageRating: z.number().nullable(),
  costPerLeadMinor: z.number().int().nullable(),
  costPerQualifiedLeadMinor: z.number().int().nullable(),
  won: z.number().int(),
  /** Attributed under the chosen model and lookback. */
  revenueMinor: z.number().int(),
  roi: z.number().nullable(),
  roas: z.number().nullable(),
};

export const CampaignRow = z.object({
  campaignId: z.string(),
  name: z.string(),
  channel: z.string(),
  ...RowNumbers,
});
export type CampaignRow = z.infer<typeof CampaignRow>;

export const ChannelRow = z.object({ channel: z.string(), ...RowNumbers });
export type ChannelRow = z.infer<typeof ChannelRow>;

export const ContentRow = z.object({
  contentId: z.string(),
  title: z.string(),
  campaignId: z.string().nullable(),
  campaignName: z.string().nullable(),
  leads: z.number().int(),
  revenueMinor: z.number().int(),
});
export type ContentRow = z.infer<typeof ContentRow>;

export const FunnelStep = z.object({
  id: z.enum(['visits', 'leads', 'qualified', 'won']),
  label: z.string(),
  value: z.number().nullable(),
  rateFromPrevious: z.number().nullable(),
});

export const SeriesPoint = z.object({
  start: z.string(),
  label: z.string(),
  revenueMinor: z.number().int(),
  spendMinor: z.number().int(),
  /** null when no day of the bucket has visit data. */
  visits: z.number().nullable(),
  leads: z.number().int(),
  /** The bucket is not over yet ("so far"). */
  partial: z.boolean(),
});

export const GoalRow = z.object({
  id: z.enum(['revenue', 'leads', 'budget']),
  goal: z.number(),
  actual: z.number(),
  attainment: z.number().nullable(),
  /** Where the goal should be by today at an even pace; null when the plan's period is not running. */
  expectedByToday: z.number().nullable(),
  ahead: z.boolean().nullable(),
});

export const ReconciliationCounts = z.object({
  ordersWithoutContact: z.number().int(),
  ordersWithoutCampaign: z.number().int(),
  paymentsWithoutContact: z.number().int(),
  paymentsWithoutCampaign: z.number().int(),
  wonWithoutPayment: z.number().int(),
});
export type ReconciliationCounts = z.infer<typeof ReconciliationCounts>;
export const RECONCILIATION_KINDS = [
  'ordersWithoutContact',
  'ordersWithoutCampaign',
  'paymentsWithoutContact',
  'paymentsWithoutCampaign',
  'wonWithoutPayment',
] as const;

export const DashboardInput = z.strictObject({
  ...Period,
  compare: CompareModeSchema.default('previous'),
  model: AttributionModelSchema.default('position'),
  lookbackDays: LookbackDays.default(90),
  lastNonDirect: z.boolean().default(false),
});
export type DashboardInput = z.input<typeof DashboardInput>;

export const Dashboard = z.object({
  range: Range,
  previousRange: Range,
  /** The period has not ended yet; the previous period is compared over the same elapsed days. */
  running: z.boolean(),
  elapsedDays: z.number().int(),
  currency: z.string(),
  locale: z.string(),
  model: AttributionModelSchema,
  lookbackDays: z.number().int(),
  /** e.g. "position-based · 90-day lookback": every model-dependent figure carries it. */
  modelLabel: z.string(),
  tiles: z.array(Tile),
  funnel: z.object({ steps: z.array(FunnelStep), largestDropIndex: z.number().int().nullable() }),
  series: z.object({ bucket: z.enum(['day', 'week', 'month']), points: z.array(SeriesPoint) }),
  channels: z.array(ChannelRow),
  campaigns: z.array(CampaignRow),
  content: z.array(ContentRow),
  unattributed: z.object({
    revenueMinor: z.number().int(),
    leads: z.number().int(),
    conversions: z.number().int(),
  }),
  noCampaign: z.object({ revenueMinor: z.number().int(), leads: z.number().int() }),
  lostReasons: z.array(z.object({ reason: z.string(), count: z.number().int() })),
  goals: z.object({ planId: z.string(), planName: z.string(), goals: z.array(GoalRow) }).nullable(),
  visitsVsSales: VisitsVsSalesOut,
  reconciliation: ReconciliationCounts,
  otherCurrencyRecords: z.number().int(),
  /** true = no data of that kind in the period; the screen names the import that fills it. */
  emptyHints: z.object({ metrics: z.boolean(), orders: z.boolean(), visits: z.boolean() }),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const RECORD_METRICS = [
  'leads',
  'qualifiedLeads',
  'won',
  'lost',
  'revenue',
  'spend',
  'orders',
] as const;
export const RecordsInput = z.strictObject({
  ...Period,
  model: AttributionModelSchema.default('position'),
  lookbackDays: LookbackDays.default(90),
  lastNonDirect: z.boolean().default(false),
  metric: z.enum(RECORD_METRICS),
  /** null = credit to touches without a campaign ("No campaign"). */
  campaignId: Id.nullable().optional(),
  channel: z.string().optional(),
  contentId: Id.optional(),
  /** Only what the Unattributed row holds. */
  unattributed: z.boolean().optional(),
  limit: z.number().int().min(1).max(5000).default(500),
});
export type RecordsInput = z.input<typeof RecordsInput>;

export const RecordRow = z.object({
  kind: z.enum(['lead', 'order', 'payment', 'spend']),
  id: z.string(),
  at: z.string(),
  title: z.string(),
  contactName: z.string().nullable(),
  campaignName: z.string().nullable(),
  amountMinor: z.number().int().nullable(),
  /** The part of amountMinor credited to the filter under the model (revenue only). */
  creditedMinor: z.number().int().nullable(),
});
export const Records = z.object({
  /** All matching records (rows may be cut at `limit`). */
  count: z.number().int(),
  /** Sum of creditedMinor for revenue, of amountMinor for spend and orders; null for counts. */
  sumMinor: z.number().int().nullable(),
  rows: z.array(RecordRow),
});
export type Records = z.infer<typeof Records>;

export const ModelsOut = z.object({
  models: z.array(
    z.object({
      model: AttributionModelSchema,
      label: z.string(),
      rows: z.array(
        z.object({
          campaignId: z.string().nullable(),
          name: z.string(),
          revenueMinor: z.number().int(),
          rank: z.number().int(),
        }),
      ),
    }),
  ),
  /** Campaign ids whose rank moves two or more places between any two models. */
  moved: z.array(z.string()),
});
export type ModelsOut = z.infer<typeof ModelsOut>;

export const PaybackOut = z.object({
  weeks: z.array(
    z.object({
      week: z.number().int(),
      start: z.string(),
      spendMinor: z.number().int(),
      revenueMinor: z.number().int(),
      cumulativeSpendMinor: z.number().int(),
      cumulativeRevenueMinor: z.number().int(),
    }),
  ),
  /** First week whose cumulative revenue reaches cumulative spend; null = not yet. */
  paybackWeek: z.number().int().nullable(),
  model: AttributionModelSchema,
  lookbackDays: z.number().int(),
});
export type PaybackOut = z.infer<typeof PaybackOut>;

export const ReconciliationRow = z.object({
  id: z.string(),
  kind: z.enum(['order', 'payment', 'lead']),
  at: z.string(),
  title: z.string(),
  amountMinor: z.number().int(),
  email: z.string().nullable(),
});
export const ReconciliationList = z.object({ total: z.number().int(), rows: z.array(ReconciliationRow) });

const SummaryTotals = z.object({
  spend: z.number(),
  leads: z.number().int(),
  qualifiedLeads: z.number().int(),
  won: z.number().int(),
  lost: z.number().int(),
  revenue: z.number(),
  costPerLead: z.number().nullable(),
  roi: z.number().nullable(),
  winRate: z.number().nullable(),
  pipelineValue: z.number(),
  visits: z.number(),
});
export const SummaryInput = z.strictObject({
  ...Period,
  model: AttributionModelSchema.default('position'),
  lookbackDays: LookbackDays.default(90),
});
export const Summary = z.object({
  from: z.string(),
  to: z.string(),
  currency: z.string(),
  totals: SummaryTotals,
  campaigns: z.array(
    z.object({
      name: z.string(),
      channel: z.string(),
      spend: z.number(),
      leads: z.number().int(),
      qualifiedLeads: z.number().int(),
      won: z.number().int(),
      revenue: z.number(),
      costPerLead: z.number().nullable(),
      roi: z.number().nullable(),
    }),
  ),
  model: AttributionModelSchema,
  lookbackDays: z.number().int(),
  unattributed: z.object({ revenue: z.number(), leads: z.number().int() }),
  previous: SummaryTotals.extend({ from: z.string(), to: z.string() }),
  visitsVsSales: z
    .object({
      lagDays: z.number().int(),
      r: z.number(),
      rRaw: z.number().nullable(),
      days: z.number().int(),
      significant: z.boolean(),
    })
    .nullable(),
});
export type Summary = z.infer<typeof Summary>;

export const Touch = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.enum(TOUCH_KINDS),
  channel: z.string().nullable(),
  campaignId: z.string().nullable(),
  campaignName: z.string().nullable(),
  contentId: z.string().nullable(),
  label: z.string(),
  /** The record the touch comes from; null for manual touches. */
  source: z.object({ table: z.string(), id: z.string() }).nullable(),
  manual: z.boolean(),
});
export type Touch = z.infer<typeof Touch>;

export const TouchCreate = z.strictObject({
  contactId: Id,
  at: z.union([IsoInstant, IsoDate]),
  channel: z.enum(CHANNELS).optional(),
  campaignId: Id.optional(),
  note: z.string().trim().min(1, 'say what the touch was').max(500),
});
export type TouchCreate = z.input<typeof TouchCreate>;

export const resultsApi = {
  /** Every number and chart series of the Results screen for one period. */
  'results.dashboard': query(DashboardInput, Dashboard),
  /** The records behind one number of the dashboard; count and sum equal it. */
  'results.records': query(RecordsInput, Records),
  /** The same period under every attribution model. */
  'results.models': query(z.strictObject({ ...Period, lookbackDays: LookbackDays.default(90) }), ModelsOut),
  /** Cumulative attributed revenue against cumulative spend, by week since the campaign's launch. */
  'results.payback': query(
    z.strictObject({
      campaignId: Id,
      model: AttributionModelSchema.default('position'),
      lookbackDays: LookbackDays.default(90),
    }),
    PaybackOut,
  ),
  /** Orders, payments and won deals that do not line up, with the record to fix. */
  'results.reconciliation': query(
    z.strictObject({
      kind: z.enum(RECONCILIATION_KINDS),
      /** Only records dated in this period (the dashboard's counts are per period); all time without. */
      from: IsoDate.optional(),
      to: IsoDate.optional(),
      limit: z.number().int().min(1).max(1000).default(100),
      offset: z.number().int().min(0).default(0),
    }),
    ReconciliationList,
  ),
  /** The period's shared numbers as `tandem summary --json` prints them (money in major units). */
  'results.summary': query(SummaryInput, Summary),
  'reconciliation.resolve': command(
    z.strictObject({
      recordKind: z.enum(['order', 'payment', 'lead']),
      id: Id,
      action: z.enum(['link_lead', 'link_campaign', 'not_applicable']),
      leadId: Id.optional(),
      campaignId: Id.optional(),
    }),
    z.object({ id: z.string(), recordKind: z.string(), action: z.string() }),
  ),
  /** A contact's touch log, oldest first. */
  'touches.list': query(z.strictObject({ contactId: Id }), z.object({ touches: z.array(Touch) })),
  'touches.create': command(TouchCreate, Touch),
  /** Manual touches only; the others follow their records. */
  'touches.delete': command(z.strictObject({ id: Id }), z.object({ id: z.string() })),
};
