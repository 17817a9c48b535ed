import { z } from 'zod';
import { command, query } from '../contract/define';
import { Id, IsoDate } from '../domain/ids';
import { TEMPLATE_FIELDS, unknownPlaceholders } from '../domain/templates';

export const CadenceStepType = z.enum(['email', 'call', 'linkedin', 'task']);

const known = TEMPLATE_FIELDS.map((f) => `{{${f}}}`).join(', ');

export const CadenceStepInput = z.strictObject({
  dayOffset: z
    .number()
    .int('expected whole days')
    .min(0, 'expected 0 or more days')
    .max(365, 'at most 365 days'),
  type: CadenceStepType,
  instruction: z
    .string()
    .trim()
    .min(1, 'enter what to do at this step')
    .max(2_000)
    .superRefine((text, check) => {
      const unknown = unknownPlaceholders(text);
      if (unknown.length > 0) {
        check.addIssue({
          code: 'custom',
          message: `unknown placeholder ${unknown.map((u) => `{{${u}}}`).join(', ')}; use ${known}`,
        });
      }
    }),
});

const Name = z.string().trim().min(1, 'enter a name').max(120);
const Steps = z.array(CadenceStepInput).min(1, 'add at least one step').max(50);

export const CadenceCreate = z.strictObject({
  name: Name,
  description: z.string().trim().max(2_000).optional(),
  /** A step landing on Saturday or Sunday moves to Monday. */
  skipWeekends: z.boolean().default(true),
  steps: Steps,
});
export type CadenceCreate = z.input<typeof CadenceCreate>;

export const CadencePatch = z.strictObject({
  name: Name.optional(),
  description: z.string().trim().max(2_000).optional(),
  skipWeekends: z.boolean().optional(),
  /** Replaces the steps; enrolments already running keep the follow-ups they were given. */
  steps: Steps.optional(),
});

export const CadenceStep = z.object({
  id: z.string(),
  position: z.number().int(),
  dayOffset: z.number().int(),
  type: CadenceStepType,
  instruction: z.string(),
});

export const Cadence = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  skipWeekends: z.boolean(),
  steps: z.array(CadenceStep),
  activeEnrollments: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Cadence = z.infer<typeof Cadence>;

export const EnrollmentStatus = z.enum(['active', 'completed', 'stopped']);

export const Enrollment = z.object({
  id: z.string(),
  cadenceId: z.string(),
  cadenceName: z.string(),
  leadId: z.string(),
  leadTitle: z.string(),
  startDate: z.string(),
  status: EnrollmentStatus,
  stoppedAt: z.string().nullable(),
  /** user, won, lost, deleted */
  stopReason: z.string().nullable(),
  stepsTotal: z.number().int(),
  stepsDone: z.number().int(),
  /** Day of the next open step, if any. */
  nextDueDate: z.string().nullable(),
});
export type Enrollment = z.infer<typeof Enrollment>;

export const StepPreview = z.object({
  position: z.number().int(),
  type: CadenceStepType,
  dueDate: z.string(),
  text: z.string(),
});

const ById = z.strictObject({ id: Id });

export const cadencesApi = {
  'cadences.list': query(z.strictObject({}), z.array(Cadence)),
  'cadences.get': query(ById, Cadence),
  'cadences.create': command(CadenceCreate, Cadence),
  'cadences.update': command(z.strictObject({ id: Id, patch: CadencePatch }), Cadence),
  'cadences.delete': command(ById, z.object({ id: z.string() })),
  'cadences.restore': command(ById, Cadence),
  /** Each step becomes an open follow-up of the lead, due at start + offset (weekends skipped if set). */
  'cadences.enroll': command(
    z.strictObject({
      cadenceId: Id,
      leadIds: z.array(Id).min(1, 'choose at least one lead').max(1_000),
      startDate: IsoDate.optional(),
    }),
    z.object({
      enrolled: z.array(Enrollment),
      /** Leads not enrolled and why: already in this cadence, closed, or not found. */
      skipped: z.array(z.object({ leadId: z.string(), reason: z.string() })),
    }),
  ),
  /** Stops an enrolment; its open step follow-ups are removed. */
  'cadences.stop': command(z.strictObject({ enrollmentId: Id }), Enrollment),
  'cadences.enrollments': query(
    z.strictObject({ cadenceId: Id.optional(), leadId: Id.optional(), status: EnrollmentStatus.optional() }),
    z.array(Enrollment),
  ),
  /** The steps with their days and rendered text for one lead, before enrolling. */
  'cadences.preview': query(
    z.strictObject({ cadenceId: Id, leadId: Id.optional(), startDate: IsoDate.optional() }),
    z.array(StepPreview),
  ),
};
