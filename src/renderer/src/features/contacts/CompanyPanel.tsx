import { useState, type FormEvent } from 'react';
import type { Company } from '@shared/api/companies';
import type { ApiError } from '@shared/contract/result';
import { client } from '../../lib/client';
import { useQuery } from '../../lib/useQuery';
import { Field } from '../../ui/Field';
import { SidePanel } from '../../ui/SidePanel';
import { useUndo } from '../../ui/useUndo';
import { deleteEntry } from '../undo/entries';
import { asApiError, formLevel, fieldIssue } from '../../lib/form-errors';
import { LinkedLeads } from './LinkedLeads';
import { Timeline } from './Timeline';
import { useDeleteWithImpact } from '../../ui/DeleteDialog';

interface Props {
  id: string;
  onClose(): void;
  onOpenContact(id: string): void;
  onOpenLead(id: string): void;
}

/** A company with its people, leads, orders and shared timeline. */
export function CompanyPanel({ id, onClose, onOpenContact, onOpenLead }: Props) {
  const history = useUndo();
  const [requestDelete, deleteDialog, deleting] = useDeleteWithImpact();
  const detail = useQuery('companies.detail', { id }, { enabled: !deleting });
  const [editing, setEditing] = useState(false);
  const data = detail.data?.company.id === id ? detail.data : undefined;
  const co = data?.company;
  const remove = (company: Company) =>
    requestDelete({
      kind: 'company',
      closesView: true,
      id: company.id,
      name: company.name,
      run: () =>
        client.call('companies.delete', { id: company.id }).then(() => {
          onClose();
          history.record(
            deleteEntry(
              `${company.name}`,
              () => client.call('companies.restore', { id: company.id }),
              () => client.call('companies.delete', { id: company.id }),
            ),
            `Deleted ${company.name}.`,
          );
        }),
    });
  return (
    <SidePanel title={co?.name ?? 'Company'} open onClose={onClose}>
      {detail.error && !data && <p>{detail.error.message}</p>}
      {data && co && (
        <div className="sales-panel">
          {editing ? (
            <CompanyForm company={co} onDone={() => setEditing(false)} />
          ) : (
            <>
              <dl className="sales-facts">
                {(
                  [
                    ['Website', co.website ?? co.domain],
                    ['Phone', co.phone],
                    ['People', String(co.contactCount)],
                    ['Open leads', String(co.openLeadCount)],
                  ] as const
                ).map(([term, value]) => (
                  <div key={term}>
                    <dt>{term}</dt>
                    <dd>{value || <span className="sales-muted">—</span>}</dd>
                  </div>
                ))}
              </dl>
              {co.notes && <p className="sales-note">{co.notes}</p>}
              <div className="sales-actions">
                <button type="button" className="button" onClick={() => setEditing(true)}>
                  Edit
                </button>
                <button type="button" className="button danger" onClick={() => remove(co)}>
                  Delete company
                </button>
              </div>
            </>
          )}
          <section aria-labelledby="company-people">
            <h3 id="company-people" className="sales-h3">
              People
            </h3>
            <ul className="sales-list">
              {data.contacts.map((c) => (
                <li key={c.id} className="sales-item-main">
                  <button
                    type="button"
                    className="button-link sales-link"
                    onClick={() => onOpenContact(c.id)}
                  >
                    {c.displayName}
                  </button>
                  <span className="sales-muted">{c.title || c.email}</span>
                </li>
              ))}
            </ul>
          </section>
          <LinkedLeads leads={data.leads} onOpenLead={onOpenLead} />
          <section aria-labelledby="company-timeline">
            <h3 id="company-timeline" className="sales-h3">
              Timeline
            </h3>
            <Timeline entries={data.timeline} onOpenLead={onOpenLead} />
          </section>
        </div>
      )}
      {deleteDialog}
    </SidePanel>
  );
}

function CompanyForm({ company, onDone }: { company: Company; onDone(): void }) {
  const [draft, setDraft] = useState({
    name: company.name,
    website: company.website ?? '',
    phone: company.phone ?? '',
    notes: company.notes,
  });
  const [error, setError] = useState<ApiError | null>(null);
  const set = (field: keyof typeof draft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    client
      .call('companies.update', { id: company.id, patch: draft })
      .then(onDone)
      .catch((e: unknown) => setError(asApiError(e)));
  };
  const general = formLevel(error, Object.keys(draft));
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Edit company">
      <Field
        label="Name"
        value={draft.name}
        onValue={set('name')}
        error={fieldIssue(error, 'name')}
        required
        autoFocus
      />
      <div className="form-row">
        <Field
          label="Website"
          value={draft.website}
          onValue={set('website')}
          error={fieldIssue(error, 'website')}
        />
        <Field
          label="Phone"
          type="tel"
          value={draft.phone}
          onValue={set('phone')}
          error={fieldIssue(error, 'phone')}
        />
      </div>
      <Field label="Notes" value={draft.notes} onValue={set('notes')} error={fieldIssue(error, 'notes')} />
      {general && (
        <p className="field-error" role="alert">
          {general}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button primary">
          Save company
        </button>
      </div>
    </form>
  );
}
