import type { Handlers } from '../handlers';
import { todayQueue } from './service';

export const todayHandlers = {
  'today.queue': (input, ctx) => todayQueue(ctx, input),
} satisfies Partial<Handlers>;
