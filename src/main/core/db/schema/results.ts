import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { deletedAt, money, rowColumns } from './columns';
import { campaigns, contentItems } from './marketing';
import { contacts } from './sales';

/**
 * Touches a user records by hand ("heard about us from a friend at CoffeeFest"). Every other touch comes
 * from its record: the `touch_log` view says how, and the `touches` table below holds its rows.
 */
export const manualTouches = sqliteTable(
  'manual_touches',
  {
    ...rowColumns(),
    contactId: text('contact_id')
      .notNull()
      .references(() => contacts.id),
    at: text('at').notNull(),
    channel: text('channel'),
    campaignId: text('campaign_id').references(() => campaigns.id),
    contentItemId: text('content_item_id').references(() => contentItems.id),
    note: text('note').notNull().default(''),
    deletedAt: deletedAt(),
  },
  (t) => [index('manual_touches_contact_idx').on(t.contactId, t.at), index('manual_touches_at_idx').on(t.at)],
);

/**
 * A reconciliation list item the user marked as needing no fix ("a gift card sale, no campaign to find").
 * `recordKind` is order, payment or lead; `problem` the list it leaves (ordersWithoutContact, …).
 */
export const reconciliationMarks = sqliteTable(
  'reconciliation_marks',
  {
    ...rowColumns(),
    recordKind: text('record_kind').notNull(),
    recordId: text('record_id').notNull(),
    action: text('action').notNull(),
  },
  (t) => [uniqueIndex('reconciliation_marks_record_idx').on(t.recordKind, t.recordId)],
);

/**
 * The touch log as a table, for reading by time or by contact from an index: the rows of the `touch_log`
 * view, kept in step by triggers on leads, contacts, orders, payments, activities, manual touches, campaigns (their
 * channel) and content items (their utm_content), so every write, import and undo moves it too. `id` is
 * the id of the record the touch comes from.
 */
export const touches = sqliteTable(
  'touches',
  {
    id: text('id').primaryKey(),
    contactId: text('contact_id').notNull(),
    at: text('at').notNull(),
    kind: text('kind').notNull(),
    channel: text('channel'),
    campaignId: text('campaign_id'),
    contentItemId: text('content_item_id'),
    sourceTable: text('source_table'),
    sourceId: text('source_id'),
  },
  (t) => [
    index('touches_at_idx').on(t.at, t.contactId, t.kind, t.channel, t.campaignId, t.contentItemId),
    index('touches_contact_idx').on(t.contactId, t.at),
    index('touches_campaign_idx').on(t.campaignId),
    // Content leads read only the touches that name a content item.
    index('touches_content_at_idx')
      .on(t.at, t.contactId, t.contentItemId)
      .where(sql`${t.contentItemId} IS NOT NULL`),
  ],
);

/**
 * Revenue per calendar day (UTC), per source (`order` or `payment`) and currency (upper case): how many
 * orders or payments count as revenue that day under the REVENUE rule of shared/domain/kpi and their net
 * amount. Kept in step by triggers on orders and payments (every core write, import and undo moves it in
 * the same transaction); a day whose count falls to 0 has no row, as a day without sales has none.
 */
export const revenueDays = sqliteTable(
  'revenue_days',
  {
    day: text('day').notNull(),
    source: text('source').notNull(),
    currency: text('currency').notNull(),
    count: integer('count').notNull(),
    netMinor: integer('net_minor').notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.source, t.currency] })],
);

/**
 * Attribution models the dashboard has been read under (`key` = model, lookback, last-non-direct and
 * currency), each with the months whose conversions `attribution_days` holds. Derived data: dropping every
 * row only makes the next read recompute.
 */
export const attributionKeys = sqliteTable('attribution_keys', {
  key: text('key').primaryKey(),
  model: text('model').notNull(),
  lookbackDays: integer('lookback_days').notNull(),
  lastNonDirect: integer('last_non_direct').notNull(),
  currency: text('currency').notNull(),
  createdAt: text('created_at').notNull(),
});

/**
 * A month (`YYYY-MM`, UTC) whose attribution under `key` is in `attribution_days` and still true. Triggers on
 * touches, orders, payments, leads and pipeline stages delete the months a write can change; the next read
 * recomputes them.
 */
export const attributionMonths = sqliteTable(
  'attribution_months',
  {
    key: text('key').notNull(),
    month: text('month').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.month] })],
);

/**
 * The money of one day's conversions under one attribution key, summed per campaign, channel and content
 * item the touches credited (`kind` credit), and what no touch took (`kind` unattributed, `count`
 * conversions). Read by day from its covering index.
 */
export const attributionDays = sqliteTable(
  'attribution_days',
  {
    key: text('key').notNull(),
    day: text('day').notNull(),
    kind: text('kind').notNull(),
    campaignId: text('campaign_id'),
    channel: text('channel'),
    contentId: text('content_id'),
    minor: integer('minor').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [
    index('attribution_days_idx').on(
      t.key,
      t.day,
      t.kind,
      t.campaignId,
      t.channel,
      t.contentId,
      t.minor,
      t.count,
    ),
  ],
);

/**
 * The rows of `attribution_days` of one whole month under one key, summed over its days: a period of whole
 * months reads a few hundred of these instead of every day's rows. Written with the month's days and, like
 * them, true only while the month is in `attribution_months`.
 */
export const attributionMonthSums = sqliteTable(
  'attribution_month_sums',
  {
    key: text('key').notNull(),
    month: text('month').notNull(),
    kind: text('kind').notNull(),
    campaignId: text('campaign_id'),
    channel: text('channel'),
    contentId: text('content_id'),
    minor: integer('minor').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [
    index('attribution_month_sums_idx').on(
      t.key,
      t.month,
      t.kind,
      t.campaignId,
      t.channel,
      t.contentId,
      t.minor,
      t.count,
    ),
  ],
);

/**
 * A month (`YYYY-MM`, UTC) whose facts in `result_days` are computed and still true. Triggers on leads,
 * orders, payments, pipeline stages, reconciliation marks and visit metrics delete the months a write can
 * change; the next read recomputes them. Derived data, like the attribution cache, under no model key.
 */
export const resultMonths = sqliteTable('result_months', {
  month: text('month').primaryKey(),
  /** Which statements computed the month (RESULT_RULES): months of other rules are dropped at open. */
  rules: text('rules').notNull().default(''),
});

/**
 * Per calendar day (UTC) and `kind`, a count and an amount the Results screen adds up over long ranges:
 * won deals with no order or payment (`won_leads`: count and value), daily visits (`visits`) and each
 * reconciliation list (`ordersWithoutContact`, …). A day with nothing has no row.
 */
export const resultDays = sqliteTable(
  'result_days',
  {
    kind: text('kind').notNull(),
    day: text('day').notNull(),
    count: integer('count').notNull(),
    minor: integer('minor').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.day] })],
);

/**
 * What each live lead is counted as in the lead rollups below: its created time, campaign, effective channel
 * (its campaign's, else its own unless `unknown`), current stage, `path` (the ids of its current stage and of
 * every stage its history entered, sorted and comma-joined), rating and value. Filled from the
 * `lead_contribution_source` view by triggers on leads, stage history and campaigns (their channel); its own
 * triggers move the rollups, so a write replaces a lead's row and the rollups follow whatever the order of
 * the writes. Stage positions and outcomes are read with the rollups, so changing the pipeline moves nothing.
 */
export const leadContributions = sqliteTable(
  'lead_contributions',
  {
    leadId: text('lead_id').primaryKey(),
    createdAt: text('created_at').notNull(),
    campaignId: text('campaign_id'),
    channel: text('channel'),
    stageId: text('stage_id').notNull(),
    path: text('path').notNull(),
    rating: integer('rating'),
    valueMinor: money('value_minor').notNull(),
  },
  // The days of a period's first and last month that a month row cannot answer, from the index alone.
  (t) => [
    index('lead_contributions_created_idx').on(
      t.createdAt,
      t.campaignId,
      t.channel,
      t.stageId,
      t.path,
      t.rating,
    ),
  ],
);

/**
 * Live leads per month created (`YYYY-MM`, UTC), campaign, effective channel, current stage and path ('' for
 * no campaign or no channel): how many, how many are rated QUALIFYING_RATING or better (`high`), and the sum
 * and count of their ratings. A key whose count falls to 0 has no row.
 */
export const leadMonths = sqliteTable(
  'lead_months',
  {
    month: text('month').notNull(),
    campaignId: text('campaign_id').notNull(),
    channel: text('channel').notNull(),
    stageId: text('stage_id').notNull(),
    path: text('path').notNull(),
    leads: integer('leads').notNull(),
    high: integer('high').notNull(),
    ratingSum: integer('rating_sum').notNull(),
    ratingCount: integer('rating_count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.campaignId, t.channel, t.stageId, t.path] })],
);

/** Live leads and their value per day created (`YYYY-MM-DD`, UTC) and current stage. */
export const leadDays = sqliteTable(
  'lead_days',
  {
    day: text('day').notNull(),
    stageId: text('stage_id').notNull(),
    leads: integer('leads').notNull(),
    valueMinor: money('value_minor').notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.stageId] })],
);

/** Live leads and their value per current stage and month created: the open pipeline before a date. */
export const leadStageMonths = sqliteTable(
  'lead_stage_months',
  {
    stageId: text('stage_id').notNull(),
    month: text('month').notNull(),
    leads: integer('leads').notNull(),
    valueMinor: money('value_minor').notNull(),
  },
  (t) => [primaryKey({ columns: [t.stageId, t.month] })],
);
