import { useState, type ReactNode } from 'react';
import type { Contact } from '@shared/api/contacts';
import { client } from '../../lib/client';
import { useWorkspace } from '../../lib/settings';
import { useQuery } from '../../lib/useQuery';
import { useShortcuts } from '../../lib/useShortcut';
import { SidePanel } from '../../ui/SidePanel';
import { useUndo } from '../../ui/useUndo';
import { deleteEntry } from '../undo/entries';
import { ActivityForm } from '../leads/ActivityForm';
import { FollowUps } from '../leads/ActivityList';
import { LeadForm } from '../leads/LeadForm';
import { Orders } from '../leads/Orders';
import '../leads/sales.css';
import { ContactForm } from './ContactForm';
import { MergeSection } from './Duplicates';
import { LinkedLeads } from './LinkedLeads';
import { Timeline } from './Timeline';
import { useDeleteWithImpact } from '../../ui/DeleteDialog';

interface Props {
  id: string;
  sequence: string[];
  onNavigate(id: string): void;
  onClose(): void;
  onOpenLead(id: string): void;
  onOpenCompany(id: string): void;
}

type Mode = 'view' | 'edit' | 'log' | 'lead';

/** One contact over the list: details, duplicates to merge, leads, follow-ups, and the timeline of everything. */
export function ContactPanel({ id, sequence, onNavigate, onClose, onOpenLead, onOpenCompany }: Props) {
  const { format } = useWorkspace();
  const history = useUndo();
  const [requestDelete, deleteDialog, deleting] = useDeleteWithImpact();
  const [mode, setMode] = useState<Mode>('view');
  const [shown, setShown] = useState(id);
  if (shown !== id) {
    setShown(id);
    setMode('view');
  }
  const detail = useQuery('contacts.detail', { id }, { enabled: !deleting });
  const data = detail.data?.contact.id === id ? detail.data : undefined;
  const position = sequence.indexOf(id);
  const step = (by: number) => {
    const target = sequence[position + by];
    if (position >= 0 && target) onNavigate(target);
  };
  const scope = 'Contact panel';
  useShortcuts(
    (
      [
        ['j', 'Next contact', () => step(1)],
        ['k', 'Previous contact', () => step(-1)],
        ['e', 'Edit', () => setMode('edit')],
        ['a', 'Log an activity', () => setMode('log')],
        ['l', 'New lead for this contact', () => setMode('lead')],
      ] as const
    ).map(([keys, description, run]) => ({
      id: `contact-panel-${keys}`,
      keys,
      description,
      scope,
      // The panel is a dialog itself; only a menu opened in it silences its keys.
      quietIn: ['menu'],
      handler: run,
    })),
  );

  const remove = (contact: Contact) =>
    requestDelete({
      kind: 'contact',
      closesView: true,
      id: contact.id,
      name: contact.displayName || contact.email || 'this contact',
      run: (choice) =>
        client
          .call('contacts.delete', { id: contact.id, ...(choice ? { dependents: choice } : {}) })
          .then(() => {
            onClose();
            history.record(
              deleteEntry(
                contact.displayName,
                () => client.call('contacts.restore', { id: contact.id }),
                () =>
                  client.call('contacts.delete', {
                    id: contact.id,
                    ...(choice ? { dependents: choice } : {}),
                  }),
              ),
              `Deleted ${contact.displayName}.`,
            );
          }),
    });

  const gone = detail.error?.code === 'not_found' && !data;
  const c = data?.contact;
  return (
    <SidePanel
      title={c ? c.displayName || c.email || 'Contact' : gone ? 'Contact not found' : 'Contact'}
      open
      onClose={onClose}
    >
      {gone && <p>This contact was deleted or merged into another one.</p>}
      {data && c && (
        <div className="sales-panel">
          {position >= 0 && sequence.length > 1 && (
            <div className="sales-panel-nav">
              <span className="sales-muted">
                {position + 1} of {sequence.length}
              </span>
              <button
                type="button"
                className="button sales-small"
                disabled={position === 0}
                onClick={() => onNavigate(sequence[position - 1] ?? id)}
                title="Previous (k)"
              >
                ↑ Previous <kbd>k</kbd>
              </button>
              <button
                type="button"
                className="button sales-small"
                disabled={position === sequence.length - 1}
                onClick={() => onNavigate(sequence[position + 1] ?? id)}
                title="Next (j)"
              >
                ↓ Next <kbd>j</kbd>
              </button>
            </div>
          )}
          {mode === 'edit' ? (
            <ContactForm key={c.updatedAt} contact={c} onSaved={() => setMode('view')} />
          ) : (
            <>
              <dl className="sales-facts">
                <Fact term="E-mail">{c.email}</Fact>
                <Fact term="Phone">{c.phone}</Fact>
                <Fact term="Company">
                  {c.companyId ? (
                    <button
                      type="button"
                      className="button-link sales-link"
                      onClick={() => onOpenCompany(c.companyId ?? '')}
                    >
                      {c.companyName}
                    </button>
                  ) : null}
                </Fact>
                <Fact term="Job title">{c.title}</Fact>
                <Fact term="City">{c.city}</Fact>
                <Fact term="Lifecycle">{c.lifecycle}</Fact>
                <Fact term="Added">{format.date(c.createdAt)}</Fact>
              </dl>
              {c.notes && <p className="sales-note">{c.notes}</p>}
              <div className="sales-actions">
                <button type="button" className="button" onClick={() => setMode('edit')} title="Edit (e)">
                  Edit <kbd>e</kbd>
                </button>
                <button
                  type="button"
                  className="button"
                  onClick={() => setMode('lead')}
                  title="New lead for this contact (l)"
                >
                  New lead <kbd>l</kbd>
                </button>
                <button
                  type="button"
                  className="button"
                  onClick={() => setMode('log')}
                  title="Log activity (a)"
                >
                  Log activity <kbd>a</kbd>
                </button>
                <button type="button" className="button danger" onClick={() => remove(c)}>
                  Delete contact
                </button>
              </div>
            </>
          )}
          {mode === 'lead' && (
            <LeadForm
              contact={{ id: c.id, name: c.displayName }}
              onCancel={() => setMode('view')}
              onSaved={(lead) => (setMode('view'), onOpenLead(lead.id))}
            />
          )}
          {mode === 'log' && (
            <ActivityForm
              contactId={c.id}
              autoFocus
              onLogged={() => setMode('view')}
              onCancel={() => setMode('view')}
            />
          )}
          <MergeSection contact={c} onMerged={(keptId) => keptId !== c.id && onNavigate(keptId)} />
          <LinkedLeads leads={data.leads} onOpenLead={onOpenLead} />
          <section aria-labelledby="contact-followups">
            <h3 id="contact-followups" className="sales-h3">
              Follow-ups
            </h3>
            <FollowUps activities={data.activities} empty="Nothing planned." />
          </section>
          <Orders orders={data.orders} />
          <section aria-labelledby="contact-timeline">
            <h3 id="contact-timeline" className="sales-h3">
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

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children || <span className="sales-muted">—</span>}</dd>
    </div>
  );
}
