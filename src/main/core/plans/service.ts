import { and, asc, desc, eq, gte, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import {
  PHASES,
  type Phase,
  type Plan,
  type PlanCreate,
  type PlanPatch,
  type PlanSummary,
} from '@shared/api/plans';
import { fail, type FieldIssue } from '@shared/contract/result';
import { periodLabel, periodRange, type DateRange, type PeriodKind } from '@shared/domain/periods';
import type { Ctx } from '../context';
import { campaigns, planChannels, planSegments, plans, planTasks } from '../db/schema';
import { rejectIssues } from '../campaigns/validate';
import { getSettings } from '../settings/service';
import { writeTransaction } from '../db/transaction';
import { softDelete, softRestore } from '../deletion/dependents';

type CreateInput = z.output<typeof PlanCreate>;
type PatchInput = z.output<typeof PlanPatch>;

/** The checklist a new plan starts with; the owner edits it freely. */
export const DEFAULT_TASKS: readonly (readonly [Phase, string])[] = [
  ['research', 'Review last period’s results by channel'],
  ['research', 'Talk to five customers about what they need'],
  ['plan', 'Set goals and budget'],
  ['plan', 'Choose the target segment and positioning'],
  ['plan', 'Pick channels and campaigns'],
  ['execute', 'Launch campaigns and schedule content'],
  ['execute', 'Follow up every new lead within two days'],
  ['measure', 'Review results against goals'],
  ['measure', 'Decide what to keep, change or stop'],
];

/** Month, quarter and year plans always cover the whole period; custom plans keep the days given. */
export function resolvePeriod(
  ctx: Ctx,
  kind: PeriodKind,
  startDate: string,
  endDate: string | undefined,
): DateRange {
  if (kind !== 'custom') return periodRange(kind, startDate, getSettings(ctx).fiscalYearStartMonth);
  const issues: FieldIssue[] = [];
  if (!endDate) issues.push({ field: 'endDate', message: 'enter the last day of a custom period' });
  else if (endDate < startDate)
    issues.push({
      field: 'endDate',
      message: 'the end date is before the start date',
    });
  rejectIssues('Plan', issues);
  return { startDate, endDate: endDate ?? startDate };
}

type PlanRow = typeof plans.$inferSelect;

function planRow(ctx: Ctx, id: string, includeDeleted = false): PlanRow {
  const where = includeDeleted ? eq(plans.id, id) : and(eq(plans.id, id), isNull(plans.deletedAt));
  const row = ctx.db.select().from(plans).where(where).get();
  if (!row) return fail('not_found', 'That plan does not exist or was deleted.');
  return row;
}

const phaseOrder = (phase: string) => PHASES.indexOf(phase as Phase);

export function getPlan(ctx: Ctx, id: string, includeDeleted = false): Plan {
  const row = planRow(ctx, id, includeDeleted);
  const segments = ctx.db
    .select()
    .from(planSegments)
    .where(eq(planSegments.planId, id))
    .orderBy(asc(planSegments.position))
    .all();
  const channels = ctx.db
    .select()
    .from(planChannels)
    .where(eq(planChannels.planId, id))
    .orderBy(asc(planChannels.channel))
    .all();
  const tasks = ctx.db
    .select()
    .from(planTasks)
    .where(eq(planTasks.planId, id))
    .orderBy(asc(planTasks.position), asc(planTasks.id))
    .all()
    .sort((a, b) => phaseOrder(a.phase) - phaseOrder(b.phase));
  const campaignCount =
    ctx.db
      .select({ n: sql<number>`count(*)` })
      .from(campaigns)
      .where(and(eq(campaigns.planId, id), isNull(campaigns.deletedAt)))
      .get()?.n ?? 0;
  const phases = PHASES.map((phase) => {
    const own = tasks.filter((t) => t.phase === phase);
    return { phase, done: own.filter((t) => t.doneAt !== null).length, total: own.length };
  });
  const range = { startDate: row.startDate, endDate: row.endDate };
  return {
    id: row.id,
    name: row.name,
    periodKind: row.periodKind as PeriodKind,
    startDate: row.startDate,
    endDate: row.endDate,
    periodLabel: periodLabel(row.periodKind as PeriodKind, range, getSettings(ctx).fiscalYearStartMonth),
    status: row.status as Plan['status'],
    goals: {
      revenueMinor: row.goalRevenueMinor,
      leads: row.goalLeads,
      qualifiedLeads: row.goalQualifiedLeads,
      budgetMinor: row.goalBudgetMinor,
    },
    situation: {
      strengths: row.strengths,
      weaknesses: row.weaknesses,
      opportunities: row.opportunities,
      threats: row.threats,
    },
    positioning: row.positioning,
    segments: segments.map(({ id: sid, name, description, isTarget, position }) => ({
      id: sid,
      name,
      description,
      isTarget,
      position,
    })),
    targetSegmentId: segments.find((s) => s.isTarget)?.id ?? null,
    channels: channels.map(({ id: cid, channel, plannedBudgetMinor, note }) => ({
      id: cid,
      channel,
      plannedBudgetMinor,
      note,
    })),
    channelBudgetTotalMinor: channels.reduce((sum, c) => sum + c.plannedBudgetMinor, 0),
    tasks: tasks.map((t) => ({
      id: t.id,
      phase: t.phase as Phase,
      title: t.title,
      position: t.position,
      done: t.doneAt !== null,
      doneAt: t.doneAt,
    })),
    progress: { done: phases.reduce((s, p) => s + p.done, 0), total: tasks.length, phases },
    campaignCount,
    copiedFromId: row.copiedFromId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function listPlans(
  ctx: Ctx,
  input: { status?: string | undefined; containing?: string | undefined },
): PlanSummary[] {
  const filters: SQL[] = [isNull(plans.deletedAt)];
  if (input.status) filters.push(eq(plans.status, input.status));
  if (input.containing)
    filters.push(lte(plans.startDate, input.containing), gte(plans.endDate, input.containing));
  const ids = ctx.db
    .select({ id: plans.id })
    .from(plans)
    .where(and(...filters))
    .orderBy(desc(plans.startDate), asc(plans.name))
    .all();
  return ids.map(({ id }) => {
    const p = getPlan(ctx, id);
    return { ...p, progress: { done: p.progress.done, total: p.progress.total } };
  });
}

function goalAndSituationValues(input: Pick<PatchInput, 'goals' | 'situation' | 'positioning'>) {
  const out: Partial<typeof plans.$inferInsert> = {};
  const g = input.goals;
  if (g?.revenueMinor !== undefined) out.goalRevenueMinor = g.revenueMinor;
  if (g?.leads !== undefined) out.goalLeads = g.leads;
  if (g?.qualifiedLeads !== undefined) out.goalQualifiedLeads = g.qualifiedLeads;
  if (g?.budgetMinor !== undefined) out.goalBudgetMinor = g.budgetMinor;
  for (const key of ['strengths', 'weaknesses', 'opportunities', 'threats'] as const) {
    const value = input.situation?.[key];
    if (value !== undefined) out[key] = value;
  }
  if (input.positioning !== undefined) out.positioning = input.positioning;
  return out;
}

export function createPlan(ctx: Ctx, input: CreateInput): Plan {
  const range = resolvePeriod(ctx, input.periodKind, input.startDate, input.endDate);
  const now = ctx.nowIso();
  const id = writeTransaction(ctx.sqlite, () => {
    const { id: planId } = ctx.db
      .insert(plans)
      .values({
        ...goalAndSituationValues(input),
        name: input.name,
        periodKind: input.periodKind,
        ...range,
        status: input.status,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: plans.id })
      .get();
    if (input.defaultTasks) {
      ctx.db
        .insert(planTasks)
        .values(
          DEFAULT_TASKS.map(([phase, title], position) => ({
            planId,
            phase,
            title,
            position,
            createdAt: now,
            updatedAt: now,
          })),
        )
        .run();
    }
    return planId;
  });
  return getPlan(ctx, id);
}

export function updatePlan(ctx: Ctx, id: string, patch: PatchInput): Plan {
  const current = planRow(ctx, id);
  const values = goalAndSituationValues(patch);
  if (patch.name !== undefined) values.name = patch.name;
  if (patch.status !== undefined) values.status = patch.status;
  if (patch.periodKind !== undefined || patch.startDate !== undefined || patch.endDate !== undefined) {
    const kind = patch.periodKind ?? (current.periodKind as PeriodKind);
    Object.assign(
      values,
      { periodKind: kind },
      resolvePeriod(ctx, kind, patch.startDate ?? current.startDate, patch.endDate ?? current.endDate),
    );
  }
  ctx.db
    .update(plans)
    .set({ ...values, updatedAt: ctx.nowIso() })
    .where(eq(plans.id, id))
    .run();
  return getPlan(ctx, id);
}

/** Soft delete; the plan's campaigns stay, outside any plan, and `restore` brings them back into it. */
export function deletePlan(ctx: Ctx, id: string): { id: string } {
  planRow(ctx, id);
  softDelete(ctx, 'plan', id);
  return { id };
}

export function restorePlan(ctx: Ctx, id: string): Plan {
  planRow(ctx, id, true);
  softRestore(ctx, 'plan', id);
  return getPlan(ctx, id);
}
