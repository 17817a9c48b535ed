import type { Handlers } from '../handlers';
import { leadBoard } from './board';
import { leadDetail, stageHistory } from './detail';
import { closeLead, moveLead } from './move';
import { listLeads } from './list';
import { getLead } from './queries';
import { ratingSummary } from './rating';
import { createLead, deleteLead, rateLead, restoreLead, updateLead } from './service';
import { createStage, deleteStage, listStages, reorderStages, updateStage } from './stages';

export const leadHandlers = {
  'leads.list': (input, ctx) => listLeads(ctx, input),
  'leads.get': (input, ctx) => getLead(ctx, input.id),
  'leads.detail': (input, ctx) => leadDetail(ctx, input.id),
  'leads.history': (input, ctx) => stageHistory(ctx, input.id),
  'leads.create': (input, ctx) => createLead(ctx, input),
  'leads.update': (input, ctx) => updateLead(ctx, input.id, input.patch),
  'leads.move': (input, ctx) => moveLead(ctx, input),
  'leads.close': (input, ctx) => closeLead(ctx, input),
  'leads.rate': (input, ctx) => rateLead(ctx, input),
  'leads.ratingSummary': (input, ctx) => ratingSummary(ctx, input),
  'leads.board': (input, ctx) => leadBoard(ctx, input),
  'leads.delete': (input, ctx) => deleteLead(ctx, input.id),
  'leads.restore': (input, ctx) => restoreLead(ctx, input.id),
  'leads.stages': (_input, ctx) => listStages(ctx),
  'leads.createStage': (input, ctx) => createStage(ctx, input),
  'leads.updateStage': (input, ctx) => updateStage(ctx, input),
  'leads.reorderStages': (input, ctx) => reorderStages(ctx, input.ids),
  'leads.deleteStage': (input, ctx) => deleteStage(ctx, input.id),
} satisfies Partial<Handlers>;
