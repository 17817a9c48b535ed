import type { Handlers } from '../handlers';
import { getActivity, listActivities } from './queries';
import {
  completeActivity,
  deleteActivity,
  logActivity,
  reopenActivity,
  restoreActivity,
  snoozeActivity,
  updateActivity,
} from './service';

export const activityHandlers = {
  'activities.list': (input, ctx) => listActivities(ctx, input),
  'activities.get': (input, ctx) => getActivity(ctx, input.id),
  'activities.log': (input, ctx) => logActivity(ctx, input),
  'activities.update': (input, ctx) => updateActivity(ctx, input.id, input.patch),
  'activities.complete': (input, ctx) => completeActivity(ctx, input),
  'activities.reopen': (input, ctx) => reopenActivity(ctx, input.id),
  'activities.snooze': (input, ctx) => snoozeActivity(ctx, input),
  'activities.delete': (input, ctx) => deleteActivity(ctx, input.id),
  'activities.restore': (input, ctx) => restoreActivity(ctx, input.id),
} satisfies Partial<Handlers>;
