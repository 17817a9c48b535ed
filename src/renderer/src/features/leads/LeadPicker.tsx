import { Command } from 'cmdk';
import { useState } from 'react';
import { client } from '../../lib/client';
import { useTypeahead } from '../../lib/useTypeahead';

export interface PickedLead {
  id: string;
  title: string;
  contactId: string | null;
  detail: string;
}

/** Choose the lead an activity belongs to by typing part of its title, contact or company. */
export function LeadPicker({
  value,
  onValue,
  error,
  autoFocus,
}: {
  value: PickedLead | null;
  onValue(lead: PickedLead | null): void;
  error?: string | undefined;
  autoFocus?: boolean;
}) {
  const [text, setText] = useState('');
  const found = useTypeahead(
    text,
    async (search) =>
      (
        await client.call('leads.list', {
          ...(search ? { search } : {}),
          outcome: 'open',
          sort: 'updatedAt',
          limit: 8,
        })
      ).rows,
  );

  if (value) {
    return (
      <div className="field">
        <span className="sales-label">Lead</span>
        <div className="sales-chosen">
          <span>
            <strong>{value.title}</strong>
            {value.detail && <span className="sales-muted"> · {value.detail}</span>}
          </span>
          <button
            type="button"
            className="button-link"
            onClick={() => onValue(null)}
            aria-label={`Change lead (now ${value.title})`}
          >
            Change
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className={`field sales-picker${error ? ' field-invalid' : ''}`}>
      <span className="sales-label" aria-hidden="true">
        Lead *
      </span>
      <Command label="Lead" shouldFilter={false} loop>
        <Command.Input
          value={text}
          onValueChange={setText}
          placeholder="Type a lead, contact or company…"
          autoFocus={autoFocus}
        />
        <Command.List className="sales-options">
          {found.map((l) => {
            const detail = [l.contactName, l.stageName].filter(Boolean).join(' · ');
            return (
              <Command.Item
                key={l.id}
                value={l.id}
                onSelect={() => onValue({ id: l.id, title: l.title, contactId: l.contactId, detail })}
              >
                <span>{l.title}</span>
                <span className="sales-muted">{detail}</span>
              </Command.Item>
            );
          })}
          {found.length === 0 && <Command.Empty>No open lead matches “{text}”.</Command.Empty>}
        </Command.List>
      </Command>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
