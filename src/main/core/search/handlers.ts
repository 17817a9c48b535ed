import type { Handlers } from '../handlers';
import { searchAll } from './service';

export const searchHandlers = {
  'search.query': (input, ctx) => searchAll(ctx, input),
} satisfies Partial<Handlers>;
