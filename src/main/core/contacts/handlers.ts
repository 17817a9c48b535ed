import type { Handlers } from '../handlers';
import { createContact, deleteContact, getContact, listContacts, restoreContact, updateContact } from './service';

export const contactHandlers = {
  'contacts.list': (input, ctx) => listContacts(ctx, input),
  'contacts.get': (input, ctx) => getContact(ctx, input.id),
  'contacts.create': (input, ctx) => createContact(ctx, input),
  'contacts.update': (input, ctx) => updateContact(ctx, input.id, input.patch),
  'contacts.delete': (input, ctx) => deleteContact(ctx, input.id),
  'contacts.restore': (input, ctx) => restoreContact(ctx, input.id),
} satisfies Partial<Handlers>;
