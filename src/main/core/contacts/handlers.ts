import type { Handlers } from '../handlers';
import { contactDetail } from './detail';
import { findDuplicates } from './duplicates';
import { mergeContacts } from './merge';
import {
  createContact,
  deleteContact,
  getContact,
  listContacts,
  restoreContact,
  updateContact,
} from './service';

export const contactHandlers = {
  'contacts.list': (input, ctx) => listContacts(ctx, input),
  'contacts.get': (input, ctx) => getContact(ctx, input.id),
  'contacts.detail': (input, ctx) => contactDetail(ctx, input.id),
  'contacts.create': (input, ctx) => {
    const contact = createContact(ctx, input);
    return { ...contact, duplicates: findDuplicates(ctx, { ...contact, excludeId: contact.id }) };
  },
  'contacts.update': (input, ctx) => updateContact(ctx, input.id, input.patch),
  'contacts.delete': (input, ctx) => deleteContact(ctx, input.id, input.dependents),
  'contacts.restore': (input, ctx) => restoreContact(ctx, input.id),
  'contacts.findDuplicates': (input, ctx) => findDuplicates(ctx, input),
  'contacts.merge': (input, ctx) => mergeContacts(ctx, input.keepId, input.mergeId),
} satisfies Partial<Handlers>;
