import { useEffect, useState } from 'react';
import type { Contact, DuplicateMatch } from '@shared/api/contacts';
import { client } from '../../lib/client';
import { useToast } from '../../ui/toast';
import { asApiError } from '../../lib/form-errors';

const ON = { email: 'e-mail', phone: 'phone number' } as const;
const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const matched = (m: DuplicateMatch) => m.matchedOn.map((k) => ON[k]).join(' and ');

/** Existing contacts with the same normalised e-mail or phone, looked up while the form is filled in. */
export function useDuplicates(email: string, phone: string, excludeId?: string): DuplicateMatch[] {
  const [found, setFound] = useState<DuplicateMatch[]>([]);
  useEffect(() => {
    let current = true;
    const timer = window.setTimeout(() => {
      const e = email.trim();
      const p = phone.trim();
      if (!e && !p) return current && setFound([]);
      void client
        .call('contacts.findDuplicates', {
          ...(e ? { email: e } : {}),
          ...(p ? { phone: p } : {}),
          ...(excludeId ? { excludeId } : {}),
        })
        .then((matches) => current && setFound(matches))
        .catch(() => current && setFound([]));
    }, 250);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [email, phone, excludeId]);
  return found;
}

/** The warning in the contact form, with a link to the record that already exists. */
export function DuplicateWarning({ matches }: { matches: DuplicateMatch[] }) {
  if (matches.length === 0) return null;
  return (
    <div className="dup-warning" aria-live="polite">
      <span aria-hidden="true">⚠ </span>
      {matches.slice(0, 3).map((m, i) => (
        <span key={m.contact.id}>
          {i > 0 && '; '}
          <a href={`#/contacts/${m.contact.id}`}>{m.contact.displayName || m.contact.email}</a> already has
          this {matched(m)}
        </span>
      ))}
      . Open it instead, or save and merge the two later.
    </div>
  );
}

/**
 * Possible duplicates of an open contact, each with a merge: the kept record receives the other's leads,
 * activities and orders, and the other is removed.
 */
export function MergeSection({ contact, onMerged }: { contact: Contact; onMerged(keptId: string): void }) {
  const toast = useToast();
  const matches = useDuplicates(contact.email ?? '', contact.phone ?? '', contact.id);
  const [confirm, setConfirm] = useState<{ keep: Contact; merge: Contact } | null>(null);
  if (matches.length === 0) return null;
  const merge = (keep: Contact, other: Contact) =>
    void client
      .call('contacts.merge', { keepId: keep.id, mergeId: other.id })
      .then(({ moved }) => {
        setConfirm(null);
        toast.show(
          `Merged ${other.displayName} into ${keep.displayName}: moved ${count(moved.leads, 'lead')}, ${count(moved.activities, 'activity', 'activities')} and ${count(moved.orders, 'order')}.`,
        );
        onMerged(keep.id);
      })
      .catch((e: unknown) => toast.show(asApiError(e).message, { tone: 'error' }));
  return (
    <section className="dup-section" aria-labelledby="dup-heading">
      <h3 id="dup-heading" className="sales-h3">
        <span aria-hidden="true">⚠ </span>Possible duplicates
      </h3>
      <ul className="sales-list">
        {matches.map((m) => (
          <li key={m.contact.id} className="sales-item">
            <div className="sales-item-main">
              <a href={`#/contacts/${m.contact.id}`}>{m.contact.displayName}</a>
              <span className="sales-muted">same {matched(m)}</span>
            </div>
            <div className="sales-item-actions">
              <button
                type="button"
                className="button sales-small"
                onClick={() => setConfirm({ keep: contact, merge: m.contact })}
              >
                Merge into this contact
              </button>
              <button
                type="button"
                className="button sales-small"
                onClick={() => setConfirm({ keep: m.contact, merge: contact })}
              >
                Keep {m.contact.displayName} instead
              </button>
            </div>
          </li>
        ))}
      </ul>
      {confirm && (
        <div className="dup-confirm" role="group" aria-label="Confirm merge">
          <p>
            Keep <strong>{confirm.keep.displayName}</strong> and move the leads, activities and orders of{' '}
            <strong>{confirm.merge.displayName}</strong> to it? Blank fields are filled from{' '}
            {confirm.merge.displayName}, which is then removed. This cannot be undone.
          </p>
          <div className="form-actions">
            <button type="button" className="button" onClick={() => setConfirm(null)}>
              Cancel
            </button>
            <button
              type="button"
              className="button primary"
              onClick={() => merge(confirm.keep, confirm.merge)}
            >
              Merge
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
