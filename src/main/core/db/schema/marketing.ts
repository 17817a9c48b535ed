import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
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
  ],
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
  ],
);
