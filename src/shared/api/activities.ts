import { z } from 'zod';
import { command, query } from '../contract/define';
import { isRealDate } from '../domain/dates';
import { Id } from '../domain/ids';

export const ActivityType = z.enum(['call', 'email', 'meeting', 'note', 'task', 'linkedin']);
export type ActivityType = z.infer<typeof ActivityType>;

const Instant = z.iso.datetime({ offset: true });

/** A due date typed as a day (`2026-03-31`, stored as midnight UTC) or as an instant with its time. */
export const DueInput = z
  .string()
  .trim()
  .refine(
    (v) => isRealDate(v) || (Instant.safeParse(v).success && isRealDate(v.slice(0, 10))),
    'expected a date like 2026-03-31 or a date and time like 2026-03-31T09:00:00Z',
  );

const Subject = z.string().trim().min(1, 'enter a subject').max(200);
const Notes = z.string().trim().max(10_000);
const Outcome = z.string().trim().max(500);

/** The follow-up scheduled in the same call that logs or completes an activity. */
export const NextFollowUp = z.strictObject({
  type: ActivityType.exclude(['note']).default('task'),
  subject: Subject,
  dueAt: DueInput,
  notes: Notes.optional(),
});

export const ActivityLog = z
  .strictObject({
    leadId: Id.optional(),
    contactId: Id.optional(),
    type: ActivityType,
    subject: Subject,
    notes: Notes.optional(),
    dueAt: DueInput.optional(),
    /** Logged as already done (the default for notes and for activities without a due date). */
    done: z.boolean().optional(),
    doneAt: DueInput.optional(),
    outcome: Outcome.optional(),
    next: NextFollowUp.optional(),
  })
  .refine((a) => Boolean(a.leadId || a.contactId), {
    message: 'choose a lead or a contact',
    path: ['leadId'],
  });
export type ActivityLog = z.input<typeof ActivityLog>;

export const ActivityPatch = z.strictObject({
  type: ActivityType.optional(),
  subject: Subject.optional(),
  notes: Notes.optional(),
  dueAt: DueInput.nullable().optional(),
  outcome: Outcome.optional(),
});

export const Activity = z.object({
  id: z.string(),
  leadId: z.string().nullable(),
  leadTitle: z.string().nullable(),
  contactId: z.string().nullable(),
  contactName: z.string().nullable(),
  type: ActivityType,
  subject: z.string(),
  notes: z.string(),
  /** UTC instant; a date-only due date is midnight UTC. */
  dueAt: z.string().nullable(),
  /** The UTC calendar day of `dueAt`. */
  dueDate: z.string().nullable(),
  doneAt: z.string().nullable(),
  outcome: z.string().nullable(),
  status: z.enum(['open', 'done']),
  /** Open and due on a day before today (UTC). */
  overdue: z.boolean(),
  enrollmentId: z.string().nullable(),
  cadenceStepId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Activity = z.infer<typeof Activity>;

export const ActivityPage = z.object({ total: z.number().int(), rows: z.array(Activity) });
export type ActivityPage = z.infer<typeof ActivityPage>;

export const ActivityListInput = z.strictObject({
  leadId: Id.optional(),
  contactId: Id.optional(),
  status: z.enum(['open', 'done', 'all']).default('all'),
  type: ActivityType.optional(),
  direction: z.enum(['asc', 'desc']).default('desc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

export const ActivityWithNext = z.object({ activity: Activity, next: Activity.nullable() });
export type ActivityWithNext = z.infer<typeof ActivityWithNext>;

/** An order as shown on a contact's, company's or lead's page. */
export const OrderSummary = z.object({
  id: z.string(),
  externalId: z.string(),
  orderedAt: z.string(),
  currency: z.string(),
  totalMinor: z.number().int(),
  refundedMinor: z.number().int(),
  status: z.string(),
  leadId: z.string().nullable(),
});
export type OrderSummary = z.infer<typeof OrderSummary>;

/** One line of a record's history, newest first: activities, lead creation, stage changes and orders. */
export const TimelineEntry = z.object({
  kind: z.enum(['activity', 'lead', 'stage', 'order']),
  id: z.string(),
  at: z.string(),
  title: z.string(),
  detail: z.string(),
  leadId: z.string().nullable(),
  /** For activities: open or done; for stage changes: the new stage's outcome. */
  status: z.string().nullable(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

const ById = z.strictObject({ id: Id });

export const activitiesApi = {
  'activities.list': query(ActivityListInput, ActivityPage),
  'activities.get': query(ById, Activity),
  /** Log a call, e-mail, meeting, note, task or LinkedIn touch; optionally schedule the next follow-up. */
  'activities.log': command(ActivityLog, ActivityWithNext),
  'activities.update': command(z.strictObject({ id: Id, patch: ActivityPatch }), Activity),
  /** Done with an outcome, optionally scheduling the next follow-up in the same call. */
  'activities.complete': command(
    z.strictObject({
      id: Id,
      outcome: Outcome.optional(),
      doneAt: DueInput.optional(),
      next: NextFollowUp.optional(),
    }),
    ActivityWithNext,
  ),
  'activities.reopen': command(ById, Activity),
  /** Move the due date: to a given day/instant, or by a number of days from today (or from a future due day). */
  'activities.snooze': command(
    z
      .strictObject({ id: Id, until: DueInput.optional(), days: z.number().int().min(1).max(365).optional() })
      .refine((s) => s.until !== undefined || s.days !== undefined, {
        message: 'choose a new date or a number of days',
        path: ['until'],
      }),
    Activity,
  ),
  'activities.delete': command(ById, z.object({ id: z.string() })),
  'activities.restore': command(ById, Activity),
};
