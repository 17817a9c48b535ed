import type { Handlers } from '../handlers';
import { revertDone, revertDue, revertRating, revertStage } from './revert';

export const undoHandlers = {
  'activities.revertDone': (input, ctx) => revertDone(ctx, input),
  'activities.revertDue': (input, ctx) => revertDue(ctx, input),
  'leads.revertStage': (input, ctx) => revertStage(ctx, input),
  'leads.revertRating': (input, ctx) => revertRating(ctx, input),
} satisfies Partial<Handlers>;
