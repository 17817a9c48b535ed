import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Plan } from '@shared/api/plans';
import { nextPeriod, periodLabel, periodShift, periodTag, type PeriodKind } from '@shared/domain/periods';
import { codeForPeriod } from '@shared/domain/utm';
import type { Ctx } from '../context';
import {
  cadences,
  cadenceSteps,
  campaigns,
  planChannels,
  planSegments,
  plans,
  planTasks,
} from '../db/schema';
import { codeTaken, trackingCodeFor } from '../campaigns/validate';
import { getSettings } from '../settings/service';
import { getPlan } from './service';
import { writeTransaction } from '../db/transaction';

/** `Plan Q1 2026` → `Plan Q2 2026`; a name without the old period's label gets the new one appended. */
export function nextName(name: string, oldLabel: string, newLabel: string): string {
  return name.includes(oldLabel) ? name.replace(oldLabel, newLabel) : `${name} (${newLabel})`;
}

const stamp = (now: string) => ({ createdAt: now, updatedAt: now });

/**
 * Copies a plan to the period after it: goals, situation, positioning, segments, channel mix, the checklist
 * (all tasks not done), the plan's campaigns as drafts with their dates moved by one period and tracking
 * codes re-tagged for the new period, and the cadences that belong to the plan. Spend, content, leads and
 * results stay with the original. All or nothing.
 */
export function copyPlanToNext(ctx: Ctx, id: string, name?: string): Plan {
  const source = getPlan(ctx, id);
  const fiscal = getSettings(ctx).fiscalYearStartMonth;
  const kind: PeriodKind = source.periodKind;
  const range = { startDate: source.startDate, endDate: source.endDate };
  const next = nextPeriod(kind, range, fiscal);
  const shift = periodShift(kind, range);
  const oldTag = periodTag(kind, range, fiscal);
  const newTag = periodTag(kind, next, fiscal);
  const now = ctx.nowIso();

  const newId = writeTransaction(ctx.sqlite, () => {
    const { goals, situation } = source;
    const { id: planId } = ctx.db
      .insert(plans)
      .values({
        ...stamp(now),
        name:
          name ?? nextName(source.name, periodLabel(kind, range, fiscal), periodLabel(kind, next, fiscal)),
        periodKind: kind,
        ...next,
        status: 'draft',
        goalRevenueMinor: goals.revenueMinor,
        goalLeads: goals.leads,
        goalQualifiedLeads: goals.qualifiedLeads,
        goalBudgetMinor: goals.budgetMinor,
        ...situation,
        positioning: source.positioning,
        copiedFromId: source.id,
      })
      .returning({ id: plans.id })
      .get();
    for (const s of source.segments) {
      ctx.db
        .insert(planSegments)
        .values({
          ...stamp(now),
          planId,
          name: s.name,
          description: s.description,
          isTarget: s.isTarget,
          position: s.position,
        })
        .run();
    }
    for (const c of source.channels) {
      ctx.db
        .insert(planChannels)
        .values({
          ...stamp(now),
          planId,
          channel: c.channel,
          plannedBudgetMinor: c.plannedBudgetMinor,
          note: c.note,
        })
        .run();
    }
    for (const t of source.tasks) {
      ctx.db
        .insert(planTasks)
        .values({ ...stamp(now), planId, phase: t.phase, title: t.title, position: t.position, doneAt: null })
        .run();
    }
    copyCampaigns(ctx, id, planId, now, shift, (code) => codeForPeriod(code, oldTag, newTag, codeTaken(ctx)));
    copyCadences(ctx, id, planId, now);
    return planId;
  });
  return getPlan(ctx, newId);
}

function copyCampaigns(
  ctx: Ctx,
  fromPlan: string,
  toPlan: string,
  now: string,
  shift: (d: string) => string,
  recode: (c: string) => string,
) {
  const rows = ctx.db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.planId, fromPlan), isNull(campaigns.deletedAt)))
    .orderBy(asc(campaigns.startDate), asc(campaigns.name))
    .all();
  for (const c of rows) {
    // Inserted one at a time so each new code is seen as taken by the next one's uniqueness check.
    ctx.db
      .insert(campaigns)
      .values({
        ...stamp(now),
        planId: toPlan,
        name: c.name,
        channel: c.channel,
        objective: c.objective,
        startDate: c.startDate ? shift(c.startDate) : null,
        endDate: c.endDate ? shift(c.endDate) : null,
        status: 'draft',
        budgetMinor: c.budgetMinor,
        targetLeads: c.targetLeads,
        targetRevenueMinor: c.targetRevenueMinor,
        keyMessage: c.keyMessage,
        trackingCode: c.trackingCode ? recode(c.trackingCode) : trackingCodeFor(ctx, c.name),
        landingUrl: c.landingUrl,
      })
      .run();
  }
}

function copyCadences(ctx: Ctx, fromPlan: string, toPlan: string, now: string) {
  const rows = ctx.db
    .select()
    .from(cadences)
    .where(and(eq(cadences.planId, fromPlan), isNull(cadences.deletedAt)))
    .all();
  for (const cadence of rows) {
    const { id: cadenceId } = ctx.db
      .insert(cadences)
      .values({
        ...stamp(now),
        name: cadence.name,
        description: cadence.description,
        skipWeekends: cadence.skipWeekends,
        planId: toPlan,
      })
      .returning({ id: cadences.id })
      .get();
    const steps = ctx.db
      .select()
      .from(cadenceSteps)
      .where(eq(cadenceSteps.cadenceId, cadence.id))
      .orderBy(asc(cadenceSteps.position))
      .all();
    for (const s of steps) {
      ctx.db
        .insert(cadenceSteps)
        .values({
          ...stamp(now),
          cadenceId,
          position: s.position,
          dayOffset: s.dayOffset,
          type: s.type,
          instruction: s.instruction,
        })
        .run();
    }
  }
}
