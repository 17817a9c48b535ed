import type { Handlers } from '../handlers';
import { planVsActual } from './actual';
import { copyPlanToNext } from './copy';
import { addTask, deleteTask, saveChannels, saveSegments, updateTask } from './parts';
import { createPlan, deletePlan, getPlan, listPlans, restorePlan, updatePlan } from './service';

export const planHandlers = {
  'plans.list': (input, ctx) => listPlans(ctx, input),
  'plans.get': (input, ctx) => getPlan(ctx, input.id),
  'plans.create': (input, ctx) => createPlan(ctx, input),
  'plans.update': (input, ctx) => updatePlan(ctx, input.id, input.patch),
  'plans.delete': (input, ctx) => deletePlan(ctx, input.id),
  'plans.restore': (input, ctx) => restorePlan(ctx, input.id),
  'plans.saveSegments': (input, ctx) => saveSegments(ctx, input),
  'plans.saveChannels': (input, ctx) => saveChannels(ctx, input),
  'plans.addTask': (input, ctx) => addTask(ctx, input),
  'plans.updateTask': (input, ctx) => updateTask(ctx, input.id, input.patch),
  'plans.deleteTask': (input, ctx) => deleteTask(ctx, input.id),
  'plans.actual': (input, ctx) => planVsActual(ctx, input.id),
  'plans.copyToNext': (input, ctx) => copyPlanToNext(ctx, input.id, input.name),
} satisfies Partial<Handlers>;
