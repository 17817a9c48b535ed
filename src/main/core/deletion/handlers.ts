import type { Handlers } from '../handlers';
import { impactOf } from './dependents';

export const deletionHandlers = {
  'deletion.impact': (input, ctx) => impactOf(ctx, input.kind, input.id),
} satisfies Partial<Handlers>;
