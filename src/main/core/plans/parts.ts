import { and, eq, max } from 'drizzle-orm';
import type { z } from 'zod';
import type { Phase, Plan, SaveChannels, SaveSegments } from '@shared/api/plans';
import { fail } from '@shared/contract/result';
import type { Ctx } from '../context';
import { planChannels, planSegments, planTasks } from '../db/schema';
import { getPlan } from './service';
import { writeTransaction } from '../db/transaction';

/** Replaces the plan's segments with the list given, keeping the ids (and created dates) of those kept. */
export function saveSegments(ctx: Ctx, input: z.output<typeof SaveSegments>): Plan {
  getPlan(ctx, input.planId);
  const now = ctx.nowIso();
  writeTransaction(ctx.sqlite, () => {
    const existing = new Set(
      ctx.db
        .select({ id: planSegments.id })
        .from(planSegments)
        .where(eq(planSegments.planId, input.planId))
        .all()
        .map((r) => r.id),
    );
    const kept = new Set(
      input.segments.map((s) => s.id).filter((id): id is string => id !== undefined && existing.has(id)),
    );
    for (const id of existing) {
      if (!kept.has(id)) ctx.db.delete(planSegments).where(eq(planSegments.id, id)).run();
    }
    input.segments.forEach((segment, position) => {
      const values = {
        name: segment.name,
        description: segment.description,
        isTarget: segment.isTarget,
        position,
        updatedAt: now,
      };
      if (segment.id && kept.has(segment.id)) {
        ctx.db.update(planSegments).set(values).where(eq(planSegments.id, segment.id)).run();
      } else {
        ctx.db
          .insert(planSegments)
          .values({ ...values, planId: input.planId, createdAt: now })
          .run();
      }
    });
  });
  return getPlan(ctx, input.planId);
}

/** Replaces the plan's channel mix. */
export function saveChannels(ctx: Ctx, input: z.output<typeof SaveChannels>): Plan {
  getPlan(ctx, input.planId);
  const now = ctx.nowIso();
  writeTransaction(ctx.sqlite, () => {
    ctx.db.delete(planChannels).where(eq(planChannels.planId, input.planId)).run();
    if (input.channels.length === 0) return;
    ctx.db
      .insert(planChannels)
      .values(input.channels.map((c) => ({ ...c, planId: input.planId, createdAt: now, updatedAt: now })))
      .run();
  });
  return getPlan(ctx, input.planId);
}

export function addTask(ctx: Ctx, input: { planId: string; phase: Phase; title: string }): Plan {
  getPlan(ctx, input.planId);
  const last = ctx.db
    .select({ n: max(planTasks.position) })
    .from(planTasks)
    .where(and(eq(planTasks.planId, input.planId), eq(planTasks.phase, input.phase)))
    .get()?.n;
  const now = ctx.nowIso();
  ctx.db
    .insert(planTasks)
    .values({ ...input, position: (last ?? -1) + 1, createdAt: now, updatedAt: now })
    .run();
  return getPlan(ctx, input.planId);
}

function taskPlanId(ctx: Ctx, id: string): string {
  const task = ctx.db.select({ planId: planTasks.planId }).from(planTasks).where(eq(planTasks.id, id)).get();
  if (!task) return fail('not_found', 'That checklist task does not exist.');
  getPlan(ctx, task.planId);
  return task.planId;
}

export function updateTask(
  ctx: Ctx,
  id: string,
  patch: { phase?: Phase | undefined; title?: string | undefined; done?: boolean | undefined },
): Plan {
  const planId = taskPlanId(ctx, id);
  const current = ctx.db
    .select({ doneAt: planTasks.doneAt })
    .from(planTasks)
    .where(eq(planTasks.id, id))
    .get();
  const values: Partial<typeof planTasks.$inferInsert> = { updatedAt: ctx.nowIso() };
  if (patch.phase !== undefined) values.phase = patch.phase;
  if (patch.title !== undefined) values.title = patch.title;
  // Ticking an already ticked task keeps the day it was first done.
  if (patch.done !== undefined) values.doneAt = patch.done ? (current?.doneAt ?? ctx.nowIso()) : null;
  ctx.db.update(planTasks).set(values).where(eq(planTasks.id, id)).run();
  return getPlan(ctx, planId);
}

export function deleteTask(ctx: Ctx, id: string): Plan {
  const planId = taskPlanId(ctx, id);
  ctx.db.delete(planTasks).where(eq(planTasks.id, id)).run();
  return getPlan(ctx, planId);
}
