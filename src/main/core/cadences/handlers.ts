import type { Handlers } from '../handlers';
import { enrollLeads, listEnrollments, previewSteps, stopEnrollment } from './enroll';
import {
  createCadence,
  deleteCadence,
  getCadence,
  listCadences,
  restoreCadence,
  updateCadence,
} from './service';

export const cadenceHandlers = {
  'cadences.list': (_input, ctx) => listCadences(ctx),
  'cadences.get': (input, ctx) => getCadence(ctx, input.id),
  'cadences.create': (input, ctx) => createCadence(ctx, input),
  'cadences.update': (input, ctx) => updateCadence(ctx, input.id, input.patch),
  'cadences.delete': (input, ctx) => deleteCadence(ctx, input.id),
  'cadences.restore': (input, ctx) => restoreCadence(ctx, input.id),
  'cadences.enroll': (input, ctx) => enrollLeads(ctx, input.cadenceId, input.leadIds, input.startDate),
  'cadences.stop': (input, ctx) => stopEnrollment(ctx, input.enrollmentId, 'user'),
  'cadences.enrollments': (input, ctx) => listEnrollments(ctx, input),
  'cadences.preview': (input, ctx) => previewSteps(ctx, input.cadenceId, input.leadId, input.startDate),
} satisfies Partial<Handlers>;
