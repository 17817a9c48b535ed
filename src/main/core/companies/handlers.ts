import type { Handlers } from '../handlers';
import {
  companyDetail,
  createCompany,
  deleteCompany,
  getCompany,
  listCompanies,
  restoreCompany,
  updateCompany,
} from './service';

export const companyHandlers = {
  'companies.list': (input, ctx) => listCompanies(ctx, input),
  'companies.get': (input, ctx) => getCompany(ctx, input.id),
  'companies.detail': (input, ctx) => companyDetail(ctx, input.id),
  'companies.create': (input, ctx) => createCompany(ctx, input),
  'companies.update': (input, ctx) => updateCompany(ctx, input.id, input.patch),
  'companies.delete': (input, ctx) => deleteCompany(ctx, input.id),
  'companies.restore': (input, ctx) => restoreCompany(ctx, input.id),
} satisfies Partial<Handlers>;
