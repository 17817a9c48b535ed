import { eq } from 'drizzle-orm';
import { pipelineStages, workspaceSettings } from '../db/schema';
import type { Ctx } from '../context';
import { countRows } from '../db/count';
import { writeTransaction } from '../db/transaction';
import { WORKSPACE_ID } from './id';

export { WORKSPACE_ID };

export const DEFAULT_STAGES = [
  { name: 'New', probability: 10, outcome: 'open' },
  { name: 'Contacted', probability: 20, outcome: 'open' },
  { name: 'Qualified', probability: 40, outcome: 'open' },
  { name: 'Proposal', probability: 60, outcome: 'open' },
  { name: 'Won', probability: 100, outcome: 'won' },
  { name: 'Lost', probability: 0, outcome: 'lost' },
] as const;

/** A new database gets settings and a pipeline, so every screen works before the user chooses anything. */
export function ensureWorkspaceDefaults(ctx: Ctx): void {
  const now = ctx.nowIso();
  writeTransaction(ctx.sqlite, () => {
    const existing = ctx.db
      .select()
      .from(workspaceSettings)
      .where(eq(workspaceSettings.id, WORKSPACE_ID))
      .get();
    if (!existing) {
      ctx.db
        .insert(workspaceSettings)
        .values({
          id: WORKSPACE_ID,
          businessName: 'My business',
          currency: 'USD',
          locale: 'en-US',
          fiscalYearStartMonth: 1,
          weekStart: 1,
          createdAt: now,
          updatedAt: now,
        })
        .run();
    }
    const stageCount = countRows(ctx.db, pipelineStages);
    if (stageCount === 0) {
      ctx.db
        .insert(pipelineStages)
        .values(DEFAULT_STAGES.map((s, position) => ({ ...s, position, createdAt: now, updatedAt: now })))
        .run();
    }
  });
}
