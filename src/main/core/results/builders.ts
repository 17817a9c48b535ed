import { eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import { leads, leadStageHistory, orders, payments, pipelineStages } from '../db/schema';

/**
 * Test-data builders that write sales records straight into the database, so marketing numbers can be
 * tested without going through the sales services. Used by tests only.
 */
export type StageName = 'New' | 'Contacted' | 'Qualified' | 'Proposal' | 'Won' | 'Lost';

export function stageId(ctx: Ctx, name: StageName): string {
  const stage = ctx.db
    .select({ id: pipelineStages.id })
    .from(pipelineStages)
    .where(eq(pipelineStages.name, name))
    .get();
  if (!stage) throw new Error(`no pipeline stage named ${name}`);
  return stage.id;
}

let counter = 0;

export function insertLead(
  ctx: Ctx,
  over: Partial<typeof leads.$inferInsert> & { stage?: StageName; createdAt: string },
): string {
  const { stage = 'New', ...rest } = over;
  const { id } = ctx.db
    .insert(leads)
    .values({ title: `Lead ${++counter}`, stageId: stageId(ctx, stage), updatedAt: over.createdAt, ...rest })
    .returning({ id: leads.id })
    .get();
  return id;
}

/** Moves a lead as the pipeline would: new stage, a history row, and closed_at for won and lost. */
export function moveLead(ctx: Ctx, leadId: string, stage: StageName, at: string): void {
  const current = ctx.db.select({ stageId: leads.stageId }).from(leads).where(eq(leads.id, leadId)).get();
  const to = stageId(ctx, stage);
  const closed = stage === 'Won' || stage === 'Lost';
  ctx.db
    .update(leads)
    .set({ stageId: to, closedAt: closed ? at : null, updatedAt: at })
    .where(eq(leads.id, leadId))
    .run();
  ctx.db
    .insert(leadStageHistory)
    .values({
      leadId,
      fromStageId: current?.stageId ?? null,
      toStageId: to,
      changedAt: at,
      createdAt: at,
      updatedAt: at,
    })
    .run();
}

export function insertOrder(
  ctx: Ctx,
  over: Partial<typeof orders.$inferInsert> & { orderedAt: string; totalMinor: number },
): string {
  const { id } = ctx.db
    .insert(orders)
    .values({
      source: 'test',
      externalId: `#${++counter}`,
      currency: 'EUR',
      status: 'paid',
      createdAt: over.orderedAt,
      updatedAt: over.orderedAt,
      ...over,
    })
    .returning({ id: orders.id })
    .get();
  return id;
}

export function insertPayment(
  ctx: Ctx,
  over: Partial<typeof payments.$inferInsert> & { paidAt: string; amountMinor: number },
): string {
  const { id } = ctx.db
    .insert(payments)
    .values({
      source: 'test',
      externalId: `ch_${++counter}`,
      currency: 'EUR',
      status: 'succeeded',
      createdAt: over.paidAt,
      updatedAt: over.paidAt,
      ...over,
    })
    .returning({ id: payments.id })
    .get();
  return id;
}
