import { z } from 'zod';
import { command, query } from '../contract/define';
import { Id, IsoDate } from '../domain/ids';
import { MinorAmount } from '../domain/money';
import { PERIOD_KINDS } from '../domain/periods';
import { CHANNELS } from '../domain/utm';
import { CampaignResults, PeriodTotals } from './campaigns';
import { ChannelBudget } from './spend';

export const PeriodKind = z.enum(PERIOD_KINDS);
export const PlanStatus = z.enum(['draft', 'active', 'closed']);
export const PHASES = ['research', 'plan', 'execute', 'measure'] as const;
export const Phase = z.enum(PHASES);
export type Phase = z.infer<typeof Phase>;

const Count = z.number().int('expected a whole number').min(0, 'must not be negative');
const LongText = z.string().max(5000);

export const PlanGoals = z.strictObject({
  revenueMinor: MinorAmount.nullable().optional(),
  leads: Count.nullable().optional(),
  qualifiedLeads: Count.nullable().optional(),
  budgetMinor: MinorAmount.nullable().optional(),
});

export const Situation = z.strictObject({
  strengths: LongText.optional(),
  weaknesses: LongText.optional(),
  opportunities: LongText.optional(),
  threats: LongText.optional(),
});

const PlanFields = {
  name: z.string().trim().min(1, 'enter a name').max(120),
  periodKind: PeriodKind,
  /**
   * For month, quarter and year: any day in the period (it is widened to the whole period, quarters and
   * years following the workspace's fiscal year). For custom: the first day.
   */
  startDate: IsoDate,
  /** Custom periods only: the last day. */
  endDate: IsoDate.optional(),
  status: PlanStatus,
  goals: PlanGoals,
  situation: Situation,
  positioning: z.string().max(2000),
};

export const PlanCreate = z.strictObject({
  ...PlanFields,
  status: PlanStatus.default('draft'),
  goals: PlanGoals.optional(),
  situation: Situation.optional(),
  positioning: PlanFields.positioning.optional(),
  /** Start with the standard research → plan → execute → measure checklist. */
  defaultTasks: z.boolean().default(true),
});
export type PlanCreate = z.input<typeof PlanCreate>;

export const PlanPatch = z.strictObject(PlanFields).partial();
export type PlanPatch = z.input<typeof PlanPatch>;

export const SegmentInput = z.strictObject({
  /** Keep an existing segment's id; new segments leave it out. */
  id: Id.optional(),
  name: z.string().trim().min(1, 'enter a name').max(120),
  description: z.string().max(2000).default(''),
  isTarget: z.boolean().default(false),
});

export const SaveSegments = z.strictObject({
  planId: Id,
  /** The whole list, in order. When there are segments, exactly one is the target. */
  segments: z
    .array(SegmentInput)
    .max(50)
    .superRefine((segments, ctx) => {
      const targets = segments.filter((s) => s.isTarget).length;
      if (segments.length > 0 && targets !== 1) {
        ctx.addIssue({
          code: 'custom',
          message: targets === 0 ? 'choose the target segment' : 'choose only one target segment',
        });
      }
    }),
});

export const SaveChannels = z.strictObject({
  planId: Id,
  /** The whole channel mix; one row per channel. */
  channels: z
    .array(
      z.strictObject({
        channel: z.enum(CHANNELS),
        plannedBudgetMinor: MinorAmount,
        note: z.string().max(1000).default(''),
      }),
    )
    .max(CHANNELS.length)
    .superRefine((rows, ctx) => {
      rows.forEach((row, i) => {
        if (rows.findIndex((r) => r.channel === row.channel) !== i) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'channel'],
            message: `${row.channel} is already in the mix`,
          });
        }
      });
    }),
});

export const PlanTask = z.object({
  id: z.string(),
  phase: Phase,
  title: z.string(),
  position: z.number().int(),
  done: z.boolean(),
  doneAt: z.string().nullable(),
});

export const Progress = z.object({ done: z.number().int(), total: z.number().int() });

export const Plan = z.object({
  id: z.string(),
  name: z.string(),
  periodKind: PeriodKind,
  startDate: z.string(),
  endDate: z.string(),
  /** Language-neutral period name: `2026-03`, `Q2 2026`, `FY2027 Q1`… */
  periodLabel: z.string(),
  status: PlanStatus,
  goals: z.object({
    revenueMinor: z.number().int().nullable(),
    leads: z.number().int().nullable(),
    qualifiedLeads: z.number().int().nullable(),
    budgetMinor: z.number().int().nullable(),
  }),
  situation: z.object({
    strengths: z.string(),
    weaknesses: z.string(),
    opportunities: z.string(),
    threats: z.string(),
  }),
  positioning: z.string(),
  segments: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      description: z.string(),
      isTarget: z.boolean(),
      position: z.number().int(),
    }),
  ),
  targetSegmentId: z.string().nullable(),
  channels: z.array(
    z.object({ id: z.string(), channel: z.string(), plannedBudgetMinor: z.number().int(), note: z.string() }),
  ),
  channelBudgetTotalMinor: z.number().int(),
  tasks: z.array(PlanTask),
  /** done / total per phase (in checklist order) and overall. */
  progress: Progress.extend({ phases: z.array(Progress.extend({ phase: Phase })) }),
  campaignCount: z.number().int(),
  copiedFromId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Plan = z.infer<typeof Plan>;

export const PlanSummary = Plan.pick({
  id: true,
  name: true,
  periodKind: true,
  startDate: true,
  endDate: true,
  periodLabel: true,
  status: true,
  goals: true,
  campaignCount: true,
}).extend({ progress: Progress });
export type PlanSummary = z.infer<typeof PlanSummary>;

export const GoalKey = z.enum(['revenue', 'leads', 'qualifiedLeads', 'budget']);

export const PlanVsActual = z.object({
  planId: z.string(),
  currency: z.string(),
  from: z.string(),
  to: z.string(),
  /** One row per goal. For budget, actual is spend and attainment above 1 means over budget. */
  goals: z.array(
    z.object({
      key: GoalKey,
      unit: z.enum(['money', 'count']),
      goal: z.number().int().nullable(),
      actual: z.number().int(),
      attainment: z.number().nullable(),
    }),
  ),
  overBudget: z.boolean(),
  overspendMinor: z.number().int(),
  /** Everything in the plan's period (revenue, leads and spend of the whole business). */
  totals: PeriodTotals,
  /** The plan's campaigns, each with its results so far. */
  campaigns: z.array(CampaignResults),
  /** Channel mix: planned budget against spend of the plan's campaigns. */
  channels: z.array(ChannelBudget),
});
export type PlanVsActual = z.infer<typeof PlanVsActual>;

export const plansApi = {
  'plans.list': query(
    z.strictObject({ status: PlanStatus.optional(), containing: IsoDate.optional() }),
    z.array(PlanSummary),
  ),
  'plans.get': query(z.strictObject({ id: Id }), Plan),
  'plans.create': command(PlanCreate, Plan),
  'plans.update': command(z.strictObject({ id: Id, patch: PlanPatch }), Plan),
  'plans.delete': command(z.strictObject({ id: Id }), z.object({ id: z.string() })),
  'plans.restore': command(z.strictObject({ id: Id }), Plan),
  'plans.saveSegments': command(SaveSegments, Plan),
  'plans.saveChannels': command(SaveChannels, Plan),
  'plans.addTask': command(
    z.strictObject({ planId: Id, phase: Phase, title: z.string().trim().min(1, 'enter a task').max(200) }),
    Plan,
  ),
  'plans.updateTask': command(
    z.strictObject({
      id: Id,
      patch: z.strictObject({
        phase: Phase.optional(),
        title: z.string().trim().min(1, 'enter a task').max(200).optional(),
        done: z.boolean().optional(),
      }),
    }),
    Plan,
  ),
  'plans.deleteTask': command(z.strictObject({ id: Id }), Plan),
  /** Goals against live actuals for the plan's period, its campaigns and its channel mix. */
  'plans.actual': query(z.strictObject({ id: Id }), PlanVsActual),
  /** The usual start of a quarter: a draft copy of the plan for the period after it. */
  'plans.copyToNext': command(
    z.strictObject({ id: Id, name: z.string().trim().min(1).max(120).optional() }),
    Plan,
  ),
};
