import type { Handlers } from '../handlers';
import { budgetReport } from './budget';
import { setSpendSource, spendOverlaps } from './overlap';
import { createSpend, deleteSpend, listSpend, restoreSpend, updateSpend } from './service';

export const spendHandlers = {
  'spend.list': (input, ctx) => listSpend(ctx, input),
  'spend.create': (input, ctx) => createSpend(ctx, input),
  'spend.update': (input, ctx) => updateSpend(ctx, input.id, input.patch),
  'spend.delete': (input, ctx) => deleteSpend(ctx, input.id),
  'spend.restore': (input, ctx) => restoreSpend(ctx, input.id),
  'spend.budget': (input, ctx) => budgetReport(ctx, input.planId),
  'spend.overlaps': (input, ctx) => spendOverlaps(ctx.sqlite, { campaignId: input.campaignId }),
  'spend.setSource': (input, ctx) => setSpendSource(ctx, input.campaignId, input.source),
} satisfies Partial<Handlers>;
