import { useState, type FormEvent } from 'react';
import type { Contact, ContactCreate } from '@shared/api/contacts';
import { ApiError } from '@shared/contract/result';
import { client } from '../../lib/client';
import { Field, SelectField } from '../../ui/Field';
import { DuplicateWarning, useDuplicates } from './Duplicates';

const LIFECYCLES = [
  { value: 'lead', label: 'Lead' },
  { value: 'customer', label: 'Customer' },
  { value: 'subscriber', label: 'Subscriber' },
  { value: 'partner', label: 'Partner' },
  { value: 'supplier', label: 'Supplier' },
  { value: 'other', label: 'Other' },
] as const;

type Draft = Required<
  Pick<
    ContactCreate,
    'firstName' | 'lastName' | 'email' | 'phone' | 'companyName' | 'title' | 'city' | 'notes'
  >
> & {
  lifecycle: Contact['lifecycle'];
};

function draftOf(contact: Contact | undefined): Draft {
  return {
    firstName: contact?.firstName ?? '',
    lastName: contact?.lastName ?? '',
    email: contact?.email ?? '',
    phone: contact?.phone ?? '',
    companyName: contact?.companyName ?? '',
    title: contact?.title ?? '',
    city: contact?.city ?? '',
    notes: contact?.notes ?? '',
    lifecycle: contact?.lifecycle ?? 'lead',
  };
}

/** Create or edit a contact; the core's validation messages appear next to their fields. */
export function ContactForm({
  contact,
  onSaved,
  onDelete,
}: {
  contact?: Contact;
  onSaved(c: Contact): void;
  onDelete?(): void;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(contact));
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const duplicates = useDuplicates(draft.email, draft.phone, contact?.id);
  const set = (field: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const request = contact
      ? client.call('contacts.update', { id: contact.id, patch: draft })
      : client.call('contacts.create', draft);
    request
      .then((saved) => {
        setError(null);
        onSaved(saved);
      })
      .catch((e: unknown) =>
        setError(e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) })),
      )
      .finally(() => setSaving(false));
  };

  const issue = (field: string) => error?.issueFor(field);
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={contact ? 'Edit contact' : 'New contact'}>
      <div className="form-row">
        <Field
          label="First name"
          value={draft.firstName}
          onValue={set('firstName')}
          error={issue('firstName')}
          autoFocus
        />
        <Field label="Last name" value={draft.lastName} onValue={set('lastName')} error={issue('lastName')} />
      </div>
      <Field label="E-mail" type="email" value={draft.email} onValue={set('email')} error={issue('email')} />
      <Field label="Phone" type="tel" value={draft.phone} onValue={set('phone')} error={issue('phone')} />
      <DuplicateWarning matches={duplicates} />
      <div className="form-row">
        <Field
          label="Company"
          value={draft.companyName}
          onValue={set('companyName')}
          error={issue('companyName')}
        />
        <Field label="Job title" value={draft.title} onValue={set('title')} error={issue('title')} />
      </div>
      <div className="form-row">
        <Field label="City" value={draft.city} onValue={set('city')} error={issue('city')} />
        <SelectField
          label="Lifecycle"
          value={draft.lifecycle}
          options={LIFECYCLES}
          onValue={set('lifecycle')}
        />
      </div>
      <Field label="Notes" value={draft.notes} onValue={set('notes')} error={issue('notes')} />
      {error && error.issues.length === 0 && (
        <p className="field-error" role="alert">
          {error.message}
        </p>
      )}
      <div className="form-actions">
        {onDelete && (
          <button type="button" className="button danger" onClick={onDelete}>
            Delete
          </button>
        )}
        <button type="submit" className="button primary" disabled={saving}>
          {contact ? 'Save changes' : 'Create contact'}
        </button>
      </div>
    </form>
  );
}
