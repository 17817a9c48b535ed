import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { rowColumns } from './columns';

/**
 * The scheduled meeting report: one row (id `workspace`) while a schedule is set, none when it is cleared.
 * What it prints is stored with it, so a run at 08:00 with the app in the background needs nobody.
 */
export const reportSchedules = sqliteTable('report_schedules', {
  ...rowColumns(),
  /** weekly | monthly */
  cadence: text('cadence').notNull(),
  /** 0 = Sunday … 6 = Saturday (weekly only). */
  weekday: integer('weekday').notNull(),
  /** Local wall time `HH:MM` in `time_zone`. */
  time: text('time').notNull(),
  timeZone: text('time_zone').notNull(),
  folder: text('folder').notNull(),
  model: text('model').notNull(),
  lookbackDays: integer('lookback_days').notNull(),
  /** Comma-separated report sections, in print order. */
  sections: text('sections').notNull(),
  /** Runs are due after this instant: when the schedule was set, then each recorded run's due time. */
  since: text('since').notNull(),
});

/** Every scheduled run Tandem attempted: the file it wrote, or why it could not. */
export const reportRuns = sqliteTable(
  'report_runs',
  {
    ...rowColumns(),
    /** The instant the run was due (UTC ISO); a run missed while Tandem was closed is written later. */
    dueAt: text('due_at').notNull(),
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    /** written | failed */
    status: text('status').notNull(),
    path: text('path'),
    bytes: integer('bytes'),
    error: text('error'),
  },
  (t) => [index('report_runs_due_idx').on(t.dueAt)],
);

/** The meeting's notes, one text per report period, printed in the report (by hand or on schedule). */
export const meetingNotes = sqliteTable(
  'meeting_notes',
  {
    ...rowColumns(),
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    text: text('text').notNull(),
  },
  (t) => [uniqueIndex('meeting_notes_period_idx').on(t.periodFrom, t.periodTo)],
);
