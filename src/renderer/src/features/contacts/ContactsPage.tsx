import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import type { Contact, ContactListInput } from '@shared/api/contacts';
import { onCreateRequest } from '../../app/commands';
import { client } from '../../lib/client';
import { useWorkspace } from '../../lib/settings';
import { EmptyState } from '../../ui/EmptyState';
import { SidePanel } from '../../ui/SidePanel';
import { useToast } from '../../ui/toast';
import { ContactForm } from './ContactForm';
import { usePagedContacts } from './usePagedContacts';

type Sort = NonNullable<ContactListInput['sort']>;
const COLUMNS: { sort: Sort; label: string }[] = [
  { sort: 'name', label: 'Name' },
  { sort: 'email', label: 'E-mail' },
  { sort: 'company', label: 'Company' },
  { sort: 'lifecycle', label: 'Lifecycle' },
  { sort: 'createdAt', label: 'Added' },
];

export function ContactsPage() {
  const { format } = useWorkspace();
  const toast = useToast();
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<Sort>('name');
  const [direction, setDirection] = useState<'asc' | 'desc'>('asc');
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const { total, rowAt, ensure } = usePagedContacts({ search: search || undefined, sort, direction });
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => 36,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => ensure(first, last), [ensure, first, last]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (e.key === 'n' && !e.metaKey && !e.ctrlKey && !['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) {
        e.preventDefault();
        setEditing('new');
      }
    };
    window.addEventListener('keydown', onKey);
    const unsubscribe = onCreateRequest((id) => id === 'new-contact' && setEditing('new'));
    return () => {
      window.removeEventListener('keydown', onKey);
      unsubscribe();
    };
  }, []);

  const sortBy = (column: Sort) => {
    if (column === sort) setDirection((d) => (d === 'asc' ? 'desc' : 'asc'));
    else {
      setSort(column);
      setDirection('asc');
    }
  };

  const remove = (contact: Contact) => {
    setEditing(null);
    void client.call('contacts.delete', { id: contact.id }).then(() =>
      toast.show(`Deleted ${contact.displayName}.`, {
        action: { label: 'Undo', run: () => void client.call('contacts.restore', { id: contact.id }) },
      }),
    );
  };

  const isEmpty = total === 0 && !search;
  return (
    <div className="page">
      <header className="page-header">
        <h1>Leads &amp; contacts</h1>
        <div className="toolbar">
          <input
            type="search"
            className="search"
            placeholder="Search name, e-mail or company"
            aria-label="Search contacts"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <button type="button" className="button primary" onClick={() => setEditing('new')} title="New contact (n)">
            New contact
          </button>
        </div>
      </header>
      {isEmpty ? (
        <EmptyState
          title="No contacts yet"
          action={
            <button type="button" className="button primary" onClick={() => setEditing('new')}>
              Add your first contact
            </button>
          }
        >
          <p>Everyone you sell to or market to lives here, with their leads, follow-ups and orders.</p>
          <p>
            Already have a list? Import it from HubSpot, Pipedrive, Google Contacts or your shop under <a href="#/imports">Imports</a>.
          </p>
        </EmptyState>
      ) : (
        <div className="table" role="table" aria-label="Contacts" aria-rowcount={(total ?? 0) + 1}>
          <div className="table-head" role="row">
            {COLUMNS.map((c) => (
              <div key={c.sort} role="columnheader" aria-sort={sort === c.sort ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
                <button type="button" onClick={() => sortBy(c.sort)}>
                  {c.label}
                  {sort === c.sort && <span aria-hidden="true">{direction === 'asc' ? ' ↑' : ' ↓'}</span>}
                </button>
              </div>
            ))}
          </div>
          <div ref={scroller} className="table-body" role="rowgroup">
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {items.map((item) => {
                const row = rowAt(item.index);
                return (
                  <div
                    key={item.key}
                    role="row"
                    aria-rowindex={item.index + 2}
                    className="table-row"
                    tabIndex={0}
                    style={{ transform: `translateY(${item.start}px)` }}
                    onClick={() => row && setEditing(row)}
                    onKeyDown={(e) => e.key === 'Enter' && row && setEditing(row)}
                  >
                    <div role="cell">{row?.displayName ?? ''}</div>
                    <div role="cell">{row?.email ?? ''}</div>
                    <div role="cell">{row?.companyName ?? ''}</div>
                    <div role="cell">{row?.lifecycle ?? ''}</div>
                    <div role="cell">{row ? format.date(row.createdAt) : ''}</div>
                  </div>
                );
              })}
            </div>
          </div>
          <p className="table-foot">{total === null ? '' : `${format.number(total)} contacts`}</p>
        </div>
      )}
      <SidePanel
        title={editing === 'new' ? 'New contact' : editing ? editing.displayName || 'Contact' : ''}
        open={editing !== null}
        onClose={() => setEditing(null)}
      >
        {editing !== null && (
          <ContactForm
            key={editing === 'new' ? 'new' : editing.id}
            contact={editing === 'new' ? undefined : editing}
            onSaved={(saved) => {
              setEditing(null);
              toast.show(`Saved ${saved.displayName}.`);
            }}
            onDelete={editing === 'new' ? undefined : () => remove(editing)}
          />
        )}
      </SidePanel>
    </div>
  );
}
