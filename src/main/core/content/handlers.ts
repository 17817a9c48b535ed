import type { Handlers } from '../handlers';
import {
  contentRange,
  createContent,
  deleteContent,
  getContent,
  rescheduleContent,
  restoreContent,
  searchContent,
  updateContent,
} from './service';

export const contentHandlers = {
  'content.range': (input, ctx) => contentRange(ctx, input),
  'content.get': (input, ctx) => getContent(ctx, input.id),
  'content.create': (input, ctx) => createContent(ctx, input),
  'content.update': (input, ctx) => updateContent(ctx, input.id, input.patch),
  'content.reschedule': (input, ctx) => rescheduleContent(ctx, input.id, input.date),
  'content.delete': (input, ctx) => deleteContent(ctx, input.id),
  'content.restore': (input, ctx) => restoreContent(ctx, input.id),
  'content.search': (input, ctx) => searchContent(ctx, input.text, input.limit),
} satisfies Partial<Handlers>;
