import type { Handlers } from '../handlers';
import { listTrash, purgeFromTrash, restoreFromTrash } from './service';

export const trashHandlers = {
  'trash.list': (input, ctx) => listTrash(ctx, input.limit),
  'trash.restore': (input, ctx) => restoreFromTrash(ctx, input.kind, input.id),
  'trash.purge': (input, ctx) => purgeFromTrash(ctx, input.kind, input.id),
} satisfies Partial<Handlers>;
