import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, sqliteView, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { deletedAt, money, rowColumns } from './columns';
import { importJobs } from './imports';

export const plans = sqliteTable(
  'plans',
  {
    ...rowColumns(),
    name: text('name').notNull(),
    /** month, quarter, year, custom */
    periodKind: text('period_kind').notNull(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    /** draft, active, closed */
    status: text('status').notNull(),
    goalRevenueMinor: money('goal_revenue_minor'),
    goalLeads: integer('goal_leads'),
    goalQualifiedLeads: integer('goal_qualified_leads'),
    goalBudgetMinor: money('goal_budget_minor'),
    strengths: text('strengths').notNull().default(''),
    weaknesses: text('weaknesses').notNull().default(''),
    opportunities: text('opportunities').notNull().default(''),
    threats: text('threats').notNull().default(''),
    positioning: text('positioning').notNull().default(''),
    copiedFromId: text('copied_from_id'),
    deletedAt: deletedAt(),
  },
  (t) => [index('plans_period_idx').on(t.startDate, t.endDate)],
);

export const planSegments = sqliteTable('plan_segments', {
  ...rowColumns(),
  planId: text('plan_id')
    .notNull()
    .references(() => plans.id),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  isTarget: integer('is_target', { mode: 'boolean' }).notNull().default(false),
  position: integer('position').notNull().default(0),
});

export const planChannels = sqliteTable(
  'plan_channels',
  {
    ...rowColumns(),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id),
    channel: text('channel').notNull(),
    plannedBudgetMinor: money('planned_budget_minor').notNull().default(0),
    note: text('note').notNull().default(''),
  },
  (t) => [uniqueIndex('plan_channels_plan_channel_idx').on(t.planId, t.channel)],
);

/** The phase checklist: research → plan → execute → measure. */
export const planTasks = sqliteTable('plan_tasks', {
  ...rowColumns(),
  planId: text('plan_id')
    .notNull()
    .references(() => plans.id),
  phase: text('phase').notNull(),
  title: text('title').notNull(),
  position: integer('position').notNull().default(0),
  doneAt: text('done_at'),
});

export const campaigns = sqliteTable(
  'campaigns',
  {
    ...rowColumns(),
    planId: text('plan_id').references(() => plans.id),
    name: text('name').notNull(),
    /** social, email, web, ads, event, referral, other */
    channel: text('channel').notNull(),
    /** awareness, leads, sales */
    objective: text('objective').notNull(),
    startDate: text('start_date'),
    endDate: text('end_date'),
    /** draft, planned, active, paused, done */
    status: text('status').notNull(),
    budgetMinor: money('budget_minor').notNull().default(0),
    targetLeads: integer('target_leads'),
    targetRevenueMinor: money('target_revenue_minor'),
    keyMessage: text('key_message').notNull().default(''),
    /** utm_campaign value: lowercase, no spaces, unique. */
    trackingCode: text('tracking_code'),
    landingUrl: text('landing_url'),
    importJobId: text('import_job_id').references(() => importJobs.id),
    /**
     * Which spend counts where imported and hand-logged spend overlap (see countedSpend): `imported` (the
     * default) or `manual`. Never both.
     */
    spendSource: text('spend_source').notNull().default('imported'),
    deletedAt: deletedAt(),
  },
  (t) => [
    uniqueIndex('campaigns_tracking_code_idx').on(t.trackingCode),
    index('campaigns_plan_idx').on(t.planId),
  ],
);

export const spendEntries = sqliteTable(
  'spend_entries',
  {
    ...rowColumns(),
    campaignId: text('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    date: text('date').notNull(),
    amountMinor: money('amount_minor').notNull(),
    note: text('note').notNull().default(''),
    /** Natural key for imported spend (source + date + campaign) so re-imports update. */
    sourceKey: text('source_key'),
    importJobId: text('import_job_id').references(() => importJobs.id),
    deletedAt: deletedAt(),
  },
  (t) => [
    index('spend_campaign_date_idx').on(t.campaignId, t.date),
    index('spend_date_idx').on(t.date),
    uniqueIndex('spend_source_key_idx').on(t.sourceKey),
    // The overlap tests of counted_spend: a campaign's live imported and hand-logged days.
    index('spend_imported_days_idx')
      .on(t.campaignId, t.date)
      .where(sql`import_job_id IS NOT NULL AND deleted_at IS NULL`),
    index('spend_manual_days_idx')
      .on(t.campaignId, t.date)
      .where(sql`import_job_id IS NULL AND deleted_at IS NULL`),
    // The campaigns an import brought spend for (its summary lists their overlaps).
    index('spend_import_job_idx')
      .on(t.importJobId, t.campaignId)
      .where(sql`import_job_id IS NOT NULL`),
  ],
);

/**
 * The spend that counts: every figure (Results, plans, budgets, the campaign list and page, exports) reads
 * spend from here, never from spend_entries. A campaign's imported spend covers the days from its first to
 * its last imported entry; hand-logged entries dated inside those days overlap it. Where there is an overlap
 * the campaign's `spend_source` keeps one: `imported` leaves out the hand-logged entries inside the covered
 * days, `manual` leaves out the imported entries. Without an overlap everything counts. Each test is an
 * index search (the two partial indexes below), so the view adds no scan to the queries that read it.
 */
export const countedSpend = sqliteView('counted_spend', {
  id: text('id').notNull(),
  campaignId: text('campaign_id').notNull(),
  date: text('date').notNull(),
  amountMinor: money('amount_minor').notNull(),
  note: text('note').notNull(),
  sourceKey: text('source_key'),
  importJobId: text('import_job_id'),
  deletedAt: text('deleted_at'),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
}).as(
  sql`SELECT se.id, se.campaign_id, se.date, se.amount_minor, se.note, se.source_key, se.import_job_id,
         se.deleted_at, se.created_at, se.updated_at
  FROM spend_entries se
  WHERE se.deleted_at IS NULL AND CASE WHEN se.import_job_id IS NULL THEN
    (SELECT c.spend_source FROM campaigns c WHERE c.id = se.campaign_id) = 'manual'
    OR NOT EXISTS (SELECT 1 FROM spend_entries i WHERE i.campaign_id = se.campaign_id
                   AND i.import_job_id IS NOT NULL AND i.deleted_at IS NULL AND i.date <= se.date)
    OR NOT EXISTS (SELECT 1 FROM spend_entries i WHERE i.campaign_id = se.campaign_id
                   AND i.import_job_id IS NOT NULL AND i.deleted_at IS NULL AND i.date >= se.date)
  ELSE
    (SELECT c.spend_source FROM campaigns c WHERE c.id = se.campaign_id) <> 'manual'
    OR NOT EXISTS (SELECT 1 FROM spend_entries m WHERE m.campaign_id = se.campaign_id
                   AND m.import_job_id IS NULL AND m.deleted_at IS NULL
                   AND m.date BETWEEN
                     (SELECT min(i.date) FROM spend_entries i WHERE i.campaign_id = se.campaign_id
                      AND i.import_job_id IS NOT NULL AND i.deleted_at IS NULL)
                     AND (SELECT max(i.date) FROM spend_entries i WHERE i.campaign_id = se.campaign_id
                      AND i.import_job_id IS NOT NULL AND i.deleted_at IS NULL))
  END`,
);

export const contentItems = sqliteTable(
  'content_items',
  {
    ...rowColumns(),
    campaignId: text('campaign_id').references(() => campaigns.id),
    channel: text('channel').notNull(),
    title: text('title').notNull(),
    notes: text('notes').notNull().default(''),
    scheduledDate: text('scheduled_date'),
    /** idea, draft, scheduled, published */
    status: text('status').notNull(),
    link: text('link'),
    /** utm_content value for links to this item. */
    utmContent: text('utm_content'),
    importJobId: text('import_job_id').references(() => importJobs.id),
    deletedAt: deletedAt(),
  },
  (t) => [index('content_scheduled_idx').on(t.scheduledDate), index('content_utm_idx').on(t.utmContent)],
);

/**
 * One number for one day: visits, impressions, reach, clicks, opens... `scope` is the natural key part that
 * names what was measured: `campaign:<id>`, `channel:<channel>` or `site`, so re-imports update in place.
 */
export const metricObservations = sqliteTable(
  'metric_observations',
  {
    ...rowColumns(),
    date: text('date').notNull(),
    scope: text('scope').notNull(),
    campaignId: text('campaign_id').references(() => campaigns.id),
    channel: text('channel'),
    metric: text('metric').notNull(),
    value: real('value').notNull(),
    source: text('source').notNull(),
    importJobId: text('import_job_id').references(() => importJobs.id),
  },
  (t) => [
    uniqueIndex('metric_natural_idx').on(t.date, t.scope, t.metric, t.source),
    // Covers the daily sums of Results (visits by scope, reach and impressions by campaign) without a row read.
    index('metric_metric_date_idx').on(t.metric, t.date, t.scope, t.campaignId, t.value),
    // Reach and impressions per campaign in a period: a range of each campaign's rows, summed in index order.
    index('metric_reach_idx')
      .on(t.campaignId, t.metric, t.date, t.value)
      .where(sql`${t.metric} IN ('reach', 'impressions')`),
  ],
);
