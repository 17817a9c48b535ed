import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { deletedAt, money, rowColumns } from './columns';
import { importJobs } from './imports';
import { campaigns } from './marketing';

export const companies = sqliteTable(
  'companies',
  {
    ...rowColumns(),
    name: text('name').notNull(),
    /** Lowercased, punctuation-free name used to match imports to existing companies. */
    nameKey: text('name_key').notNull(),
    domain: text('domain'),
    phone: text('phone'),
    website: text('website'),
    notes: text('notes').notNull().default(''),
    externalId: text('external_id'),
    importJobId: text('import_job_id').references(() => importJobs.id),
    deletedAt: deletedAt(),
  },
  (t) => [index('companies_name_key_idx').on(t.nameKey)],
);

export const contacts = sqliteTable(
  'contacts',
  {
    ...rowColumns(),
    companyId: text('company_id').references(() => companies.id),
    firstName: text('first_name').notNull().default(''),
    lastName: text('last_name').notNull().default(''),
    email: text('email'),
    /** Lowercased, trimmed: the first dedupe key. */
    emailKey: text('email_key'),
    phone: text('phone'),
    /** E.164-like digits: the second dedupe key. */
    phoneKey: text('phone_key'),
    title: text('title').notNull().default(''),
    city: text('city').notNull().default(''),
    region: text('region').notNull().default(''),
    country: text('country').notNull().default(''),
    /** subscriber, lead, customer, partner, supplier, other */
    lifecycle: text('lifecycle').notNull().default('lead'),
    sourceCampaignId: text('source_campaign_id').references(() => campaigns.id),
    sourceChannel: text('source_channel'),
    notes: text('notes').notNull().default(''),
    tags: text('tags').notNull().default(''),
    owner: text('owner').notNull().default(''),
    externalId: text('external_id'),
    mergedIntoId: text('merged_into_id'),
    importJobId: text('import_job_id').references(() => importJobs.id),
    deletedAt: deletedAt(),
  },
  (t) => [
    index('contacts_email_key_idx').on(t.emailKey),
    index('contacts_phone_key_idx').on(t.phoneKey),
    index('contacts_name_idx').on(t.lastName, t.firstName),
    index('contacts_company_idx').on(t.companyId),
    index('contacts_created_idx').on(t.createdAt),
    // Covering the touch log and the Results period reads: each row answers from the index alone.
    index('contacts_touch_idx').on(t.createdAt, t.deletedAt, t.sourceCampaignId, t.sourceChannel, t.id),
    // Matches the list's case-insensitive name sort so a page of 100k contacts is read in index order.
    index('contacts_sort_name_idx').on(sql`lower(${t.lastName})`, sql`lower(${t.firstName})`, t.id),
  ],
);

/** Configurable pipeline. `outcome` marks the closing stages: open, won, lost. */
export const pipelineStages = sqliteTable('pipeline_stages', {
  ...rowColumns(),
  name: text('name').notNull(),
  position: integer('position').notNull(),
  /** Win probability in percent, for the weighted pipeline value. */
  probability: integer('probability').notNull(),
  outcome: text('outcome').notNull().default('open'),
  deletedAt: deletedAt(),
});

export const leads = sqliteTable(
  'leads',
  {
    ...rowColumns(),
    title: text('title').notNull(),
    contactId: text('contact_id').references(() => contacts.id),
    companyId: text('company_id').references(() => companies.id),
    /** null with channel `unknown` is an explicit "source unknown" choice. */
    campaignId: text('campaign_id').references(() => campaigns.id),
    channel: text('channel').notNull().default('unknown'),
    stageId: text('stage_id')
      .notNull()
      .references(() => pipelineStages.id),
    valueMinor: money('value_minor').notNull().default(0),
    expectedCloseDate: text('expected_close_date'),
    owner: text('owner').notNull().default(''),
    /** Sales' rating of lead quality for marketing, 1 (poor) to 5 (excellent). */
    rating: integer('rating'),
    ratingNote: text('rating_note').notNull().default(''),
    ratedBy: text('rated_by'),
    ratedAt: text('rated_at'),
    lostReason: text('lost_reason'),
    closedAt: text('closed_at'),
    /** Position within the stage column on the board. */
    boardRank: integer('board_rank').notNull().default(0),
    externalId: text('external_id'),
    importJobId: text('import_job_id').references(() => importJobs.id),
    deletedAt: deletedAt(),
  },
  (t) => [
    // Live leads only, in board order, with their value: the board's counts and sums read only this index.
    index('leads_stage_idx')
      .on(t.stageId, t.boardRank, t.valueMinor)
      .where(sql`${t.deletedAt} IS NULL`),
    index('leads_campaign_idx').on(t.campaignId),
    index('leads_contact_idx').on(t.contactId),
    index('leads_company_idx').on(t.companyId),
    index('leads_created_idx').on(t.createdAt),
    // Covering the touch log and the Results period reads: each row answers from the index alone.
    index('leads_period_idx').on(
      t.createdAt,
      t.deletedAt,
      t.contactId,
      t.campaignId,
      t.channel,
      t.stageId,
      t.rating,
      t.id,
    ),
    // A past period's open pipeline: open stages, leads created before the period ended, their values.
    index('leads_open_created_idx').on(t.stageId, t.deletedAt, t.createdAt, t.valueMinor),
    // Closed leads by close date with what won and lost counts and won-deal revenue read: from the index alone.
    index('leads_closed_idx').on(
      t.closedAt,
      t.deletedAt,
      t.stageId,
      t.valueMinor,
      t.contactId,
      t.campaignId,
      t.channel,
      t.createdAt,
      t.id,
      t.lostReason,
    ),
    index('leads_contact_created_idx').on(t.contactId, t.createdAt),
    // The lead table's filters and sorts over live leads: counts read only an index, and a sorted page
    // reads its rows in index order instead of sorting 100k leads.
    ...(
      [
        ['leads_live_channel_idx', [t.channel, t.stageId]],
        ['leads_live_owner_idx', [t.owner, t.stageId]],
        ['leads_live_value_idx', [t.valueMinor, t.id]],
        ['leads_live_close_idx', [t.expectedCloseDate, t.id]],
        ['leads_live_rating_idx', [t.rating, t.id]],
        ['leads_live_updated_idx', [t.updatedAt, t.id]],
        ['leads_live_title_idx', [sql`${t.title} COLLATE NOCASE`, t.id]],
      ] as const
    ).map(([name, [first, ...rest]]) =>
      index(name)
        .on(first, ...rest)
        .where(sql`${t.deletedAt} IS NULL`),
    ),
    uniqueIndex('leads_external_idx').on(t.externalId),
  ],
);

export const leadStageHistory = sqliteTable(
  'lead_stage_history',
  {
    ...rowColumns(),
    leadId: text('lead_id')
      .notNull()
      .references(() => leads.id),
    fromStageId: text('from_stage_id').references(() => pipelineStages.id),
    toStageId: text('to_stage_id')
      .notNull()
      .references(() => pipelineStages.id),
    changedAt: text('changed_at').notNull(),
  },
  (t) => [
    index('lead_stage_history_lead_idx').on(t.leadId, t.changedAt),
    // How far each lead got (the qualified count) without reading history rows.
    index('lead_stage_history_stage_idx').on(t.leadId, t.toStageId),
    // The meeting report's "advanced in the period" reads the period's stage changes by time.
    index('lead_stage_history_changed_idx').on(t.changedAt, t.leadId, t.fromStageId, t.toStageId),
  ],
);

export const cadences = sqliteTable('cadences', {
  ...rowColumns(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  skipWeekends: integer('skip_weekends', { mode: 'boolean' }).notNull().default(true),
  planId: text('plan_id'),
  deletedAt: deletedAt(),
});

export const cadenceSteps = sqliteTable('cadence_steps', {
  ...rowColumns(),
  cadenceId: text('cadence_id')
    .notNull()
    .references(() => cadences.id),
  position: integer('position').notNull(),
  dayOffset: integer('day_offset').notNull(),
  /** email, call, linkedin, task */
  type: text('type').notNull(),
  /** Template text: may use {{first_name}}, {{lead_title}}, {{campaign}}, {{key_message}}. */
  instruction: text('instruction').notNull(),
});

export const cadenceEnrollments = sqliteTable(
  'cadence_enrollments',
  {
    ...rowColumns(),
    cadenceId: text('cadence_id')
      .notNull()
      .references(() => cadences.id),
    leadId: text('lead_id')
      .notNull()
      .references(() => leads.id),
    startedAt: text('started_at').notNull(),
    /** Calendar day the step offsets count from. */
    startDate: text('start_date'),
    /** active, completed, stopped */
    status: text('status').notNull(),
    stoppedAt: text('stopped_at'),
    stopReason: text('stop_reason'),
  },
  (t) => [
    index('cadence_enrollments_lead_idx').on(t.leadId),
    index('cadence_enrollments_cadence_idx').on(t.cadenceId, t.status),
  ],
);

export const activities = sqliteTable(
  'activities',
  {
    ...rowColumns(),
    leadId: text('lead_id').references(() => leads.id),
    contactId: text('contact_id').references(() => contacts.id),
    /** call, email, meeting, note, task, linkedin */
    type: text('type').notNull(),
    subject: text('subject').notNull(),
    notes: text('notes').notNull().default(''),
    dueAt: text('due_at'),
    doneAt: text('done_at'),
    outcome: text('outcome'),
    enrollmentId: text('enrollment_id').references(() => cadenceEnrollments.id),
    cadenceStepId: text('cadence_step_id').references(() => cadenceSteps.id),
    importJobId: text('import_job_id').references(() => importJobs.id),
    deletedAt: deletedAt(),
  },
  (t) => [
    // Open, live follow-ups by due date: the whole Today queue is a range of this index.
    index('activities_open_due_idx')
      .on(t.dueAt)
      .where(sql`${t.doneAt} IS NULL AND ${t.deletedAt} IS NULL`),
    // Serves "next open follow-up of this lead" for every card on the board.
    index('activities_lead_idx').on(t.leadId, t.doneAt, t.dueAt),
    index('activities_contact_idx').on(t.contactId),
    index('activities_enrollment_idx').on(t.enrollmentId),
  ],
);
