import { z } from 'zod';
import { command, query } from '../contract/define';
import { IsoDate, IsoInstant } from '../domain/ids';
import { REPORT_SECTIONS } from '../domain/report';
import { SCHEDULE_CADENCES } from '../domain/report-schedule';
import { isTimeZone } from '../domain/time-zone';
import { ReportRequest, ReportSectionSchema } from './reports';
import { AttributionModelSchema, LookbackDays } from './results-params';

/**
 * Scheduled meeting reports and the meeting's notes. They are their own domains (not `reports`) so that
 * saving a note or a schedule does not make the report's numbers stale.
 */

const Cadence = z.enum(SCHEDULE_CADENCES, { message: 'expected weekly or monthly' });

/** "Every Monday 08:00" or "the 1st of the month 08:00", what to print, and where to put the file. */
export const ReportScheduleInput = z.strictObject({
  cadence: Cadence,
  weekday: z.number().int().min(0, 'expected a weekday 0–6').max(6, 'expected a weekday 0–6').default(1),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time like 08:00'),
  timeZone: z.string().refine(isTimeZone, 'expected a time zone like Europe/Berlin'),
  folder: z.string().trim().min(1, 'choose a folder for the PDFs').max(1000),
  model: AttributionModelSchema.default('position'),
  lookbackDays: LookbackDays.default(90),
  sections: z
    .array(ReportSectionSchema)
    .min(1, 'choose at least one section')
    .max(REPORT_SECTIONS.length)
    .default([...REPORT_SECTIONS]),
});
export type ReportScheduleInput = z.input<typeof ReportScheduleInput>;

const ReportSchedule = z.object({
  cadence: Cadence,
  weekday: z.number().int(),
  time: z.string(),
  timeZone: z.string(),
  folder: z.string(),
  model: AttributionModelSchema,
  lookbackDays: z.number().int(),
  sections: z.array(ReportSectionSchema),
  /** Runs due after this instant are still to be written. */
  since: z.string(),
});
export type ReportSchedule = z.infer<typeof ReportSchedule>;

const RunStatus = z.enum(['written', 'failed']);

const ReportRun = z.object({
  id: z.string(),
  dueAt: z.string(),
  from: z.string(),
  to: z.string(),
  status: RunStatus,
  path: z.string().nullable(),
  bytes: z.number().int().nullable(),
  error: z.string().nullable(),
  /** When the run was attempted (a run missed while Tandem was closed is written at the next start). */
  ranAt: z.string(),
});
export type ReportRun = z.infer<typeof ReportRun>;

const ScheduledRun = z.object({ at: z.string(), from: z.string(), to: z.string() });

export const ScheduleState = z.object({
  schedule: ReportSchedule.nullable(),
  nextRun: ScheduledRun.nullable(),
  lastRun: ReportRun.nullable(),
});
export type ScheduleState = z.infer<typeof ScheduleState>;

/** A run to print now: the period, the folder, and the report request with the period's notes. */
const DueRun = z.object({ dueAt: z.string(), folder: z.string(), request: ReportRequest });
export type DueRun = z.infer<typeof DueRun>;

const RunRecord = z.strictObject({
  dueAt: IsoInstant,
  from: IsoDate,
  to: IsoDate,
  status: RunStatus,
  path: z.string().max(4000).nullable().default(null),
  bytes: z.number().int().min(0).nullable().default(null),
  error: z.string().max(2000).nullable().default(null),
});

const Period = z.strictObject({ from: IsoDate, to: IsoDate });
const Notes = z.string().max(10_000, 'notes are at most 10,000 characters');

export const reportScheduleApi = {
  'reportSchedule.get': query(z.strictObject({}), ScheduleState),
  /** Sets (or replaces) the schedule; runs due from now on are written, none from before. */
  'reportSchedule.set': command(ReportScheduleInput, ScheduleState),
  'reportSchedule.clear': command(z.strictObject({}), ScheduleState),
  /**
   * The runs due now by the core's clock, oldest first: missed ones (at most the most recent few, see
   * MAX_CATCH_UP_RUNS) and the one due now. The main process prints them and records each.
   */
  'reportSchedule.due': query(
    z.strictObject({}),
    z.object({ runs: z.array(DueRun), skipped: z.number().int() }),
  ),
  /** Records a run once its file is written and checked, or the reason it could not be. */
  'reportSchedule.record': command(RunRecord, ReportRun),
  'meetingNotes.get': query(Period, z.object({ text: z.string() })),
  'meetingNotes.save': command(Period.extend({ text: Notes }), z.object({ text: z.string() })),
};
