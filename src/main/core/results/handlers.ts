import type { Handlers } from '../handlers';
import { dashboard } from './dashboard';
import { compareModels, payback } from './models';
import { reconciliationList, resolveReconciliation } from './reconcile';
import { records } from './records';
import { summary } from './summary';
import { createTouch, deleteTouch, listTouches } from './touches';
import { windowOf } from './period';
import { scopedVisitsVsSales, visitScopes } from './visit-scopes';

export const resultsHandlers = {
  'results.dashboard': (input, ctx) => dashboard(ctx, input),
  'results.records': (input, ctx) => records(ctx, input),
  'results.models': (input, ctx) => compareModels(ctx, input.from, input.to, input.lookbackDays),
  'results.payback': (input, ctx) => payback(ctx, input.campaignId, input.model, input.lookbackDays),
  'results.reconciliation': (input, ctx) =>
    reconciliationList(
      ctx,
      input.kind,
      input.limit,
      input.offset,
      input.from || input.to ? windowOf(input.from ?? '0000-01-01', input.to ?? '9999-12-30') : undefined,
    ),
  'results.summary': (input, ctx) => summary(ctx, input),
  'results.visitsVsSales': (input, ctx) => scopedVisitsVsSales(ctx, input),
  'results.visitScopes': (input, ctx) => visitScopes(ctx, input.to),
  'reconciliation.resolve': (input, ctx) => resolveReconciliation(ctx, input),
  'touches.list': (input, ctx) => listTouches(ctx, input.contactId),
  'touches.create': (input, ctx) => createTouch(ctx, input),
  'touches.delete': (input, ctx) => deleteTouch(ctx, input.id),
} satisfies Partial<Handlers>;
