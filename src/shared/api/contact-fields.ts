import { z } from 'zod';
import { isPhoneText } from '../domain/phone';

/** Contact record and form schemas, shared by the contacts, companies and leads declarations. */
export const Lifecycle = z.enum(['subscriber', 'lead', 'customer', 'partner', 'supplier', 'other']);

const optionalText = (max: number) => z.string().trim().max(max).optional();

export const EmailInput = z.union([
  z.literal(''),
  z.email({ message: 'expected an e-mail address like name@example.com' }),
]);
export const PhoneInput = z
  .string()
  .trim()
  .max(40)
  .refine(
    (v) => v === '' || isPhoneText(v),
    'expected a phone number: digits, spaces, dashes, dots or brackets, with a + before a calling code',
  );

const ContactFields = z.object({
  firstName: z.string().trim().max(100).optional(),
  lastName: z.string().trim().max(100).optional(),
  email: EmailInput.optional(),
  phone: PhoneInput.optional(),
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
