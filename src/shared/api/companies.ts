import { z } from 'zod';
import { command, query } from '../contract/define';
import { Id } from '../domain/ids';
import { OrderSummary, TimelineEntry } from './activities';
import { Contact, PhoneInput } from './contact-fields';
import { Lead } from './leads';

const Web = z
  .string()
  .trim()
  .max(300)
  .refine(
    (v) => v === '' || /^(https?:\/\/)?[^\s/]+\.[^\s]+$/i.test(v),
    'expected an address like example.com',
  );

const CompanyFields = z.object({
  name: z.string().trim().min(1, 'enter the company name').max(200),
  domain: Web.optional(),
  phone: PhoneInput.optional(),
  website: Web.optional(),
  notes: z.string().trim().max(10_000).optional(),
});

export const CompanyCreate = CompanyFields.strict();
export type CompanyCreate = z.input<typeof CompanyCreate>;
export const CompanyPatch = CompanyFields.partial().strict();

export const Company = z.object({
  id: z.string(),
  name: z.string(),
  domain: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  notes: z.string(),
  contactCount: z.number().int(),
  openLeadCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Company = z.infer<typeof Company>;

export const CompanyListInput = z.strictObject({
  search: z.string().trim().max(200).optional(),
  sort: z.enum(['name', 'createdAt', 'contacts']).default('name'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type CompanyListInput = z.input<typeof CompanyListInput>;

export const CompanyPage = z.object({ total: z.number().int(), rows: z.array(Company) });

export const CompanyDetail = z.object({
  company: Company,
  contacts: z.array(Contact),
  leads: z.array(Lead),
  orders: z.array(OrderSummary),
  timeline: z.array(TimelineEntry),
});

const ById = z.strictObject({ id: Id });

export const companiesApi = {
  'companies.list': query(CompanyListInput, CompanyPage),
  'companies.get': query(ById, Company),
  'companies.detail': query(ById, CompanyDetail),
  /** Refused (conflict on `name`) when a company with the same name, ignoring case and suffixes, exists. */
  'companies.create': command(CompanyCreate, Company),
  'companies.update': command(z.strictObject({ id: Id, patch: CompanyPatch }), Company),
  'companies.delete': command(ById, z.object({ id: z.string() })),
  'companies.restore': command(ById, Company),
};
