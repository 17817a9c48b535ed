import { fail } from '@shared/contract/result';
import type { Handlers } from '../handlers';

const notYet = (method: string) => () => fail('internal', `${method} is not implemented yet`);

export const resultsHandlers = {
  'results.dashboard': notYet('results.dashboard'),
  'results.records': notYet('results.records'),
  'results.models': notYet('results.models'),
  'results.payback': notYet('results.payback'),
  'results.reconciliation': notYet('results.reconciliation'),
  'results.summary': notYet('results.summary'),
  'reconciliation.resolve': notYet('reconciliation.resolve'),
  'touches.list': notYet('touches.list'),
  'touches.create': notYet('touches.create'),
  'touches.delete': notYet('touches.delete'),
} satisfies Partial<Handlers>;
