import { Tabs } from 'radix-ui';
import { useCallback, useEffect, useState } from 'react';
import { onCreateRequest } from '../../app/commands';
import { KEYS } from '../../app/globalShortcuts';
import { useShortcut } from '../../lib/useShortcut';
import { navigate } from '../../lib/router';
import { EmptyState } from '../../ui/EmptyState';
import { SidePanel } from '../../ui/SidePanel';
import { useToast } from '../../ui/toast';
import { ExportCsvButton } from '../exports/ExportCsvButton';
import { LeadPanel } from '../leads/LeadPanel';
import { useListEntry } from '../leads/useListEntry';
import '../leads/sales.css';
import { CompaniesList } from './CompaniesList';
import { CompanyPanel } from './CompanyPanel';
import { ContactForm } from './ContactForm';
import { ContactPanel } from './ContactPanel';
import { ContactsTable } from './ContactsTable';

/**
 * Leads & contacts: people (and companies) with their detail in a panel over the list. Routes:
 * `#/contacts/<id>` a contact, `#/contacts/company/<id>` a company, `#/contacts/lead/<id>` one of their leads.
 */
export function ContactsPage({ params }: { params: string[] }) {
  const toast = useToast();
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const [tab, setTab] = useState<'people' | 'companies'>('people');
  const [total, setTotal] = useState<number | null>(null);
  const [sequence, setSequence] = useState<string[]>([]);
  const [kind, id] =
    params[0] === 'company' || params[0] === 'lead' ? [params[0], params[1]] : ['contact', params[0]];
  const openContact = useCallback((contactId: string) => navigate(`contacts/${contactId}`), []);
  const openLead = useCallback((leadId: string) => navigate(`contacts/lead/${leadId}`), []);
  const openCompany = useCallback((companyId: string) => navigate(`contacts/company/${companyId}`), []);
  const close = () => navigate('contacts');

  useEffect(() => onCreateRequest((request) => request === 'new-contact' && setCreating(true)), []);
  useShortcut({
    id: 'new-contact',
    keys: KEYS.newContact,
    description: 'New contact',
    scope: 'Leads & contacts',
    handler: () => setCreating(true),
  });

  useListEntry('[aria-label="Contacts"] [role="row"][data-index]', 'Leads & contacts');
  const isEmpty = total === 0 && !search;
  return (
    <div className="page">
      <header className="page-header">
        <h1>Leads &amp; contacts</h1>
        <div className="toolbar">
          <input
            type="search"
            className="search"
            placeholder={tab === 'people' ? 'Search name, e-mail or company' : 'Search companies'}
            aria-label={tab === 'people' ? 'Search contacts' : 'Search companies'}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <ExportCsvButton
            selection={
              tab === 'people'
                ? { kind: 'contacts', filter: search.trim() ? { search: search.trim() } : {} }
                : { kind: 'companies', filter: search.trim() ? { search: search.trim() } : {} }
            }
          />
          <button
            type="button"
            className="button primary"
            onClick={() => setCreating(true)}
            title="New contact (n)"
            aria-keyshortcuts="n"
          >
            New contact
          </button>
        </div>
      </header>
      {isEmpty && tab === 'people' ? (
        <EmptyState
          title="No contacts yet"
          action={
            <button type="button" className="button primary" onClick={() => setCreating(true)}>
              Add your first contact
            </button>
          }
        >
          <p>Everyone you sell to or market to lives here, with their leads, follow-ups and orders.</p>
          <p>
            Already have a list? Import it from HubSpot, Pipedrive, Google Contacts or your shop under{' '}
            <a href="#/imports">Imports</a>.
          </p>
        </EmptyState>
      ) : null}
      <Tabs.Root
        value={tab}
        onValueChange={(v) => setTab(v === 'companies' ? 'companies' : 'people')}
        className={`contacts-tabs${isEmpty && tab === 'people' ? ' is-hidden' : ''}`}
      >
        <Tabs.List aria-label="Show" className="sales-tabs">
          <Tabs.Trigger value="people">People</Tabs.Trigger>
          <Tabs.Trigger value="companies">Companies</Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="people" className="contacts-content">
          <ContactsTable
            search={search}
            onOpen={(c) => openContact(c.id)}
            onSequence={setSequence}
            onTotal={setTotal}
          />
        </Tabs.Content>
        <Tabs.Content value="companies" className="contacts-content">
          {tab === 'companies' && <CompaniesList search={search} onOpen={openCompany} />}
        </Tabs.Content>
      </Tabs.Root>
      <SidePanel title="New contact" open={creating} onClose={() => setCreating(false)}>
        {creating && (
          <ContactForm
            onSaved={(saved) => {
              setCreating(false);
              toast.show(`Saved ${saved.displayName}.`, {
                action: { label: 'Open', run: () => openContact(saved.id) },
              });
            }}
          />
        )}
      </SidePanel>
      {kind === 'contact' && id && (
        <ContactPanel
          id={id}
          sequence={sequence}
          onNavigate={openContact}
          onClose={close}
          onOpenLead={openLead}
          onOpenCompany={openCompany}
        />
      )}
      {kind === 'company' && id && (
        <CompanyPanel id={id} onClose={close} onOpenContact={openContact} onOpenLead={openLead} />
      )}
      <LeadPanel id={kind === 'lead' && id ? id : null} onClose={close} onOpenContact={openContact} />
    </div>
  );
}
