import { z } from 'zod';
import { DependentsChoice } from './deletion';
import { command, query } from '../contract/define';
import { Id } from '../domain/ids';
import { Activity, OrderSummary, TimelineEntry } from './activities';
import { Contact, ContactCreate, ContactPatch, Lifecycle } from './contact-fields';
import { Lead } from './leads';

export { Contact, ContactCreate, ContactPatch } from './contact-fields';

export const ContactSortField = z.enum(['name', 'email', 'company', 'createdAt', 'lifecycle']);

export const ContactListInput = z.strictObject({
  search: z.string().trim().max(200).optional(),
  lifecycle: Lifecycle.optional(),
  companyId: Id.optional(),
  sort: ContactSortField.default('name'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type ContactListInput = z.input<typeof ContactListInput>;

export const ContactPage = z.object({ total: z.number().int(), rows: z.array(Contact) });
export type ContactPage = z.infer<typeof ContactPage>;

/** An existing contact with the same normalised e-mail and/or phone number. */
export const DuplicateMatch = z.object({
  contact: Contact,
  matchedOn: z.array(z.enum(['email', 'phone'])),
});
export type DuplicateMatch = z.infer<typeof DuplicateMatch>;

export const ContactWithDuplicates = Contact.extend({
  /** Other contacts that look like the same person; the UI offers to merge. */
  duplicates: z.array(DuplicateMatch),
});

export const ContactDetail = z.object({
  contact: Contact,
  leads: z.array(Lead),
  /** Open follow-ups first, then the latest done ones. */
  activities: z.array(Activity),
  orders: z.array(OrderSummary),
  timeline: z.array(TimelineEntry),
});
export type ContactDetail = z.infer<typeof ContactDetail>;

export const MergeResult = z.object({
  contact: Contact,
  moved: z.object({
    leads: z.number().int(),
    activities: z.number().int(),
    orders: z.number().int(),
    payments: z.number().int(),
  }),
});

export const contactsApi = {
  'contacts.list': query(ContactListInput, ContactPage),
  'contacts.get': query(z.strictObject({ id: Id }), Contact),
  'contacts.detail': query(z.strictObject({ id: Id }), ContactDetail),
  'contacts.create': command(ContactCreate, ContactWithDuplicates),
  'contacts.update': command(z.strictObject({ id: Id, patch: ContactPatch }), Contact),
  /**
   * To the Trash with its own activities; with leads, `dependents` says whether they go too or stay
   * without a contact (refused when unsaid; `deletion.impact` tells what a delete would do).
   */
  'contacts.delete': command(
    z.strictObject({ id: Id, dependents: DependentsChoice.optional() }),
    z.object({ id: z.string() }),
  ),
  'contacts.restore': command(z.strictObject({ id: Id }), Contact),
  /** Contacts with the same normalised e-mail or phone, for warning while a form is filled in. */
  'contacts.findDuplicates': query(
    z
      .strictObject({
        email: z.string().trim().max(320).optional(),
        phone: z.string().trim().max(40).optional(),
        excludeId: Id.optional(),
      })
      .refine((d) => Boolean(d.email || d.phone), {
        message: 'enter an e-mail or a phone number',
        path: ['email'],
      }),
    z.array(DuplicateMatch),
  ),
  /**
   * Moves the merged contact's leads, activities, orders and payments to the kept one, fills the kept one's
   * blank fields from it, and soft-deletes it with `mergedIntoId` set.
   */
  'contacts.merge': command(z.strictObject({ keepId: Id, mergeId: Id }), MergeResult),
};
