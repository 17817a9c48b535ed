import { useState } from 'react';
import type { OrderDetail } from '@shared/api/orders';
import { client } from '../../lib/client';
import { asApiError } from '../../lib/form-errors';
import { useToast } from '../../ui/toast';
import { LeadPicker } from '../leads/LeadPicker';

type Links = Pick<OrderDetail, 'contact' | 'lead' | 'campaign' | 'reconciliation'>;

/**
 * Who and what a sale is linked to, with links to the contact and lead, and "Link to a lead" through the
 * reconciliation action Results uses (the same command, so Results, touches and attribution follow).
 */
export function SaleLinks({ kind, id, links }: { kind: 'order' | 'payment'; id: string; links: Links }) {
  const toast = useToast();
  const [linking, setLinking] = useState(false);
  const { contact, lead, campaign, reconciliation } = links;
  const link = async (leadId: string) => {
    try {
      await client.call('reconciliation.resolve', { recordKind: kind, id, action: 'link_lead', leadId });
      setLinking(false);
      toast.show('Linked to the lead.');
    } catch (e) {
      toast.show(asApiError(e).message, { tone: 'error' });
    }
  };
  const via = (v: 'record' | 'lead') => (v === 'lead' ? ' (through the lead)' : '');
  return (
    <section aria-labelledby="sale-links" className="sale-section">
      <h3 id="sale-links" className="sales-h3">
        Linked to
      </h3>
      <dl className="sale-facts">
        <dt>Contact</dt>
        <dd>
          {contact ? (
            <>
              <a href={`#/contacts/${contact.id}`}>{contact.name}</a>
              <span className="sales-muted">
                {contact.email ? ` · ${contact.email}` : ''}
                {via(contact.via)}
              </span>
            </>
          ) : (
            <span className="sales-muted">No contact</span>
          )}
        </dd>
        <dt>Lead</dt>
        <dd>
          {lead ? (
            <>
              <a href={`#/contacts/lead/${lead.id}`}>{lead.title}</a>
              <span className="sales-muted"> · {lead.stageName}</span>
            </>
          ) : (
            <span className="sales-muted">No lead</span>
          )}
        </dd>
        <dt>Campaign</dt>
        <dd>
          {campaign ? (
            <>
              <a href={`#/campaigns/${campaign.id}`}>{campaign.name}</a>
              <span className="sales-muted">{via(campaign.via)}</span>
            </>
          ) : (
            <span className="sales-muted">No campaign</span>
          )}
        </dd>
      </dl>
      {(reconciliation.noContact || reconciliation.noCampaign) && (
        <p className="sale-warning" role="note">
          <span aria-hidden="true">⚠ </span>
          {reconciliation.noContact
            ? 'No contact: this money cannot be credited to any campaign.'
            : 'No campaign: its contact has no touch with a campaign.'}
          {reconciliation.notApplicable && ' Marked as not applicable.'}
        </p>
      )}
      {!lead && (
        <div className="sale-actions">
          <button type="button" className="button" onClick={() => setLinking((v) => !v)}>
            Link to a lead
          </button>
        </div>
      )}
      {linking && <LeadPicker value={null} autoFocus onValue={(l) => l && void link(l.id)} />}
    </section>
  );
}
