import { Command } from 'cmdk';
import { useState } from 'react';
import type { Contact } from '@shared/api/contacts';
import { client } from '../../lib/client';
import { useTypeahead } from '../../lib/useTypeahead';
import { Field } from '../../ui/Field';
import { useDuplicates } from '../contacts/Duplicates';

export type ContactChoice =
  | { kind: 'none' }
  | { kind: 'existing'; id: string; name: string; detail: string }
  | { kind: 'new'; firstName: string; lastName: string; email: string; phone: string };

const detailOf = (c: Contact) => [c.companyName, c.email ?? c.phone].filter(Boolean).join(' · ');

interface Props {
  value: ContactChoice;
  onValue(value: ContactChoice): void;
  /** Field messages of the new contact (`newContact.email`...) and of the chosen one (`contactId`). */
  issue(field: string): string | undefined;
}

/** Pick an existing contact by typing part of a name, or enter a new one that is created with the lead. */
export function ContactPicker({ value, onValue, issue }: Props) {
  const [text, setText] = useState('');
  const duplicates = useDuplicates(
    value.kind === 'new' ? value.email : '',
    value.kind === 'new' ? value.phone : '',
  );
  const found = useTypeahead(text, async (search) =>
    search ? (await client.call('contacts.list', { search, limit: 8 })).rows : [],
  );

  if (value.kind === 'existing') {
    return (
      <div className="field">
        <span className="sales-label">Contact</span>
        <div className="sales-chosen">
          <span>
            <strong>{value.name}</strong>
            {value.detail && <span className="sales-muted"> · {value.detail}</span>}
          </span>
          <button
            type="button"
            className="button-link"
            onClick={() => onValue({ kind: 'none' })}
            aria-label={`Change contact (now ${value.name})`}
          >
            Change
          </button>
        </div>
        {issue('contactId') && (
          <p className="field-error" role="alert">
            {issue('contactId')}
          </p>
        )}
      </div>
    );
  }

  if (value.kind === 'new') {
    const set = (field: 'firstName' | 'lastName' | 'email' | 'phone') => (v: string) =>
      onValue({ ...value, [field]: v });
    return (
      <fieldset className="sales-fieldset">
        <legend>
          New contact{' '}
          <button type="button" className="button-link" onClick={() => onValue({ kind: 'none' })}>
            Pick an existing one instead
          </button>
        </legend>
        <div className="form-row">
          <Field
            label="First name"
            value={value.firstName}
            onValue={set('firstName')}
            error={issue('newContact.firstName')}
          />
          <Field
            label="Last name"
            value={value.lastName}
            onValue={set('lastName')}
            error={issue('newContact.lastName')}
          />
        </div>
        <div className="form-row">
          <Field
            label="E-mail"
            type="email"
            value={value.email}
            onValue={set('email')}
            error={issue('newContact.email')}
          />
          <Field
            label="Phone"
            type="tel"
            value={value.phone}
            onValue={set('phone')}
            error={issue('newContact.phone')}
          />
        </div>
        {duplicates.map(({ contact: c, matchedOn }) => (
          <p key={c.id} className="dup-warning">
            <span aria-hidden="true">⚠ </span>
            {c.displayName} already has this {matchedOn.includes('email') ? 'e-mail' : 'phone number'}.{' '}
            <button
              type="button"
              className="button-link"
              onClick={() =>
                onValue({ kind: 'existing', id: c.id, name: c.displayName, detail: detailOf(c) })
              }
            >
              Use {c.displayName} instead
            </button>
          </p>
        ))}
      </fieldset>
    );
  }

  const startNew = () => {
    const [firstName = '', ...rest] = text.trim().split(/\s+/);
    onValue({ kind: 'new', firstName, lastName: rest.join(' '), email: '', phone: '' });
  };
  return (
    <div className="field sales-picker">
      <span className="sales-label" aria-hidden="true">
        Contact
      </span>
      <Command label="Contact" shouldFilter={false} loop>
        <Command.Input value={text} onValueChange={setText} placeholder="Type a name, e-mail or company…" />
        {text.trim() && (
          <Command.List className="sales-options">
            {found.map((c) => (
              <Command.Item
                key={c.id}
                value={c.id}
                onSelect={() =>
                  onValue({ kind: 'existing', id: c.id, name: c.displayName, detail: detailOf(c) })
                }
              >
                <span>{c.displayName}</span>
                <span className="sales-muted">{detailOf(c)}</span>
              </Command.Item>
            ))}
            <Command.Item value="__new" onSelect={startNew}>
              + New contact “{text.trim()}”
            </Command.Item>
          </Command.List>
        )}
      </Command>
      <p className="field-hint">
        Leave empty for a lead without a contact, or{' '}
        <button type="button" className="button-link" onClick={startNew}>
          enter a new contact
        </button>
        .
      </p>
    </div>
  );
}
