import { z } from 'zod';
import { query } from '../contract/define';
import { IsoDate } from '../domain/ids';
import { REPORT_SECTIONS } from '../domain/report';
import { Dashboard } from './results';
import { AttributionModelSchema, LookbackDays } from './results-params';

/**
 * The meeting report: `reports.data` is everything the printed report shows beyond the Results numbers,
 * with the dashboard itself inside so the report and `results.summary` read the very same figures.
 */

export const ReportSectionSchema = z.enum(REPORT_SECTIONS, {
  message: `expected a report section: ${REPORT_SECTIONS.join(', ')}`,
});

/** What to print: the period, the model and the sections, and the meeting's notes. Crosses IPC and HTTP. */
export const ReportRequest = z.strictObject({
  from: IsoDate,
  to: IsoDate,
  model: AttributionModelSchema.default('position'),
  lookbackDays: LookbackDays.default(90),
  sections: z
    .array(ReportSectionSchema)
    .max(REPORT_SECTIONS.length)
    .default([...REPORT_SECTIONS]),
  notes: z.string().max(10_000, 'notes are at most 10,000 characters').default(''),
});
export type ReportRequest = z.output<typeof ReportRequest>;

export const ReportDataInput = z.strictObject({
  from: IsoDate,
  to: IsoDate,
  model: AttributionModelSchema.default('position'),
  lookbackDays: LookbackDays.default(90),
  /** An open deal is stalled when it has sat in its stage longer than this at the end of the period. */
  stalledDays: z.number().int().min(1).max(365).default(14),
});

const Deal = z.object({
  id: z.string(),
  title: z.string(),
  contactName: z.string().nullable(),
  valueMinor: z.number().int(),
  stage: z.string(),
  /** When it happened: the stage change, the close, or (stalled) since when it has sat in its stage. */
  at: z.string(),
});
const Advanced = Deal.extend({ fromStage: z.string() });
const Stalled = Deal.extend({ days: z.number().int() });
const Lost = Deal.extend({ reason: z.string().nullable() });
const FollowUp = z.object({
  id: z.string(),
  type: z.string(),
  subject: z.string(),
  dueAt: z.string(),
  leadTitle: z.string().nullable(),
  contactName: z.string().nullable(),
});
const List = <T extends z.ZodType>(row: T) => z.object({ count: z.number().int(), rows: z.array(row) });

export const ReportData = z.object({
  businessName: z.string(),
  /** Calendar days and instants are UTC throughout Tandem. */
  timeZone: z.string(),
  generatedAt: z.string(),
  today: z.string(),
  stalledDays: z.number().int(),
  dashboard: Dashboard,
  pipeline: z.array(
    z.object({
      stageId: z.string(),
      name: z.string(),
      probability: z.number().int(),
      deals: z.number().int(),
      valueMinor: z.number().int(),
      weightedMinor: z.number().int(),
    }),
  ),
  changes: z.object({
    advanced: List(Advanced),
    stalled: List(Stalled),
    won: List(Deal),
    lost: List(Lost),
  }),
  followUps: z.object({ overdue: List(FollowUp), nextWeek: List(FollowUp) }),
  topSources: z.array(
    z.object({
      channel: z.string(),
      leads: z.number().int(),
      qualifiedLeads: z.number().int(),
      won: z.number().int(),
      revenueMinor: z.number().int(),
    }),
  ),
  /** Nothing at all happened in the period: the report says so instead of printing empty tables. */
  empty: z.boolean(),
});
export type ReportData = z.infer<typeof ReportData>;

export const reportsApi = {
  'reports.data': query(ReportDataInput, ReportData),
  /**
   * Prints the report to a PDF the user saves. The desktop shell answers it (hidden window, save dialog);
   * the core's own answer is `supported: false` and the browser downloads the host's PDF instead.
   */
  'reports.exportPdf': query(
    ReportRequest,
    z.object({ supported: z.boolean(), path: z.string().nullable(), message: z.string() }),
  ),
};
