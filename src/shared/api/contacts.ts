import { z } from 'zod';
import { command, query } from '../contract/define';
import { Id } from '../domain/ids';

export const Lifecycle = z.enum(['subscriber', 'lead', 'customer', 'partner', 'supplier', 'other']);

const optionalText = (max: number) => z.string().trim().max(max).optional();

const ContactFields = z.object({
  firstName: z.string().trim().max(100).optional(),
  lastName: z.string().trim().max(100).optional(),
  email: z
    .union([z.literal(''), z.email({ message: 'expected an e-mail address like name@example.com' })])
    .optional(),
  phone: z
    .string()
    .trim()
    .max(40)
    .refine((v) => v === '' || /^[+()\d\s.\-/]{5,}$/.test(v), 'expected a phone number like +1 617 555 0136')
    .optional(),
  companyName: optionalText(200),
  title: optionalText(120),
  city: optionalText(100),
  region: optionalText(100),
  country: optionalText(100),
  lifecycle: Lifecycle.optional(),
  notes: optionalText(10_000),
});

const needsIdentity = (c: { firstName?: string; lastName?: string; email?: string | undefined }) =>
  Boolean(c.firstName?.trim() || c.lastName?.trim() || c.email?.trim());

export const ContactCreate = ContactFields.strict().refine(needsIdentity, {
  message: 'enter a name or an e-mail address',
  path: ['firstName'],
});
export type ContactCreate = z.input<typeof ContactCreate>;

export const ContactPatch = ContactFields.partial().strict();

export const Contact = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  companyId: z.string().nullable(),
  companyName: z.string().nullable(),
  title: z.string(),
  city: z.string(),
  region: z.string(),
  country: z.string(),
  lifecycle: Lifecycle,
  notes: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Contact = z.infer<typeof Contact>;

export const ContactSortField = z.enum(['name', 'email', 'company', 'createdAt', 'lifecycle']);

export const ContactListInput = z.strictObject({
  search: z.string().trim().max(200).optional(),
  lifecycle: Lifecycle.optional(),
  sort: ContactSortField.default('name'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type ContactListInput = z.input<typeof ContactListInput>;

export const ContactPage = z.object({ total: z.number().int(), rows: z.array(Contact) });
export type ContactPage = z.infer<typeof ContactPage>;

export const contactsApi = {
  'contacts.list': query(ContactListInput, ContactPage),
  'contacts.get': query(z.strictObject({ id: Id }), Contact),
  'contacts.create': command(ContactCreate, Contact),
  'contacts.update': command(z.strictObject({ id: Id, patch: ContactPatch }), Contact),
  'contacts.delete': command(z.strictObject({ id: Id }), z.object({ id: z.string() })),
  'contacts.restore': command(z.strictObject({ id: Id }), Contact),
};
