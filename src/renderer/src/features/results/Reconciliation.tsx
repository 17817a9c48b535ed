import { useState } from 'react';
import { RECONCILIATION_KINDS, type ReconciliationCounts } from '@shared/api/results';
import { client } from '../../lib/client';
import { useWorkspace } from '../../lib/settings';
import { useQuery } from '../../lib/useQuery';
import { SidePanel } from '../../ui/SidePanel';
import { useToast } from '../../ui/toast';
import { asApiError } from '../campaigns/marketing';
import { LeadPicker } from '../leads/LeadPicker';

type Kind = (typeof RECONCILIATION_KINDS)[number];

const LABELS: Record<Kind, { title: string; why: string }> = {
  ordersWithoutContact: {
    title: 'Orders with no contact',
    why: 'Their money cannot be credited to any campaign.',
  },
  ordersWithoutCampaign: {
    title: 'Orders with no campaign',
    why: 'Their contact has no touch with a campaign.',
  },
  paymentsWithoutContact: {
    title: 'Payments with no contact',
    why: 'Their money cannot be credited to any campaign.',
  },
  paymentsWithoutCampaign: {
    title: 'Payments with no campaign',
    why: 'Their contact has no touch with a campaign.',
  },
  wonWithoutPayment: {
    title: 'Won deals with no order or payment',
    why: 'Their value counts as revenue on the day they were won.',
  },
};

/** Records that do not line up, counted, each list with the action that fixes it. */
export function Reconciliation({
  counts,
  range,
}: {
  counts: ReconciliationCounts;
  range: { from: string; to: string };
}) {
  const [open, setOpen] = useState<Kind | null>(null);
  const total = RECONCILIATION_KINDS.reduce((s, k) => s + counts[k], 0);
  return (
    <section className="card" aria-labelledby="recon-title">
      <h2 id="recon-title">Reconciliation</h2>
      <p className="muted small">Records dated in this period that do not line up.</p>
      {total === 0 ? (
        <p className="muted">
          ✓ Every order and payment has a contact and a campaign, and every won deal has its money.
        </p>
      ) : (
        <ul className="recon-list">
          {RECONCILIATION_KINDS.map((kind) => (
            <li key={kind}>
              <button
                type="button"
                className="link-button"
                disabled={counts[kind] === 0}
                onClick={() => setOpen(kind)}
              >
                <span className="recon-count money">{counts[kind]}</span> {LABELS[kind].title.toLowerCase()}
              </button>
            </li>
          ))}
        </ul>
      )}
      <SidePanel title={open ? LABELS[open].title : ''} open={open !== null} onClose={() => setOpen(null)}>
        {open && <ReconciliationList kind={open} range={range} />}
      </SidePanel>
    </section>
  );
}

function ReconciliationList({ kind, range }: { kind: Kind; range: { from: string; to: string } }) {
  const { format } = useWorkspace();
  const toast = useToast();
  const list = useQuery('results.reconciliation', { kind, from: range.from, to: range.to, limit: 100 });
  const [linking, setLinking] = useState<string | null>(null);
  const resolve = async (
    row: { id: string; kind: 'order' | 'payment' | 'lead' },
    action: 'link_lead' | 'not_applicable',
    leadId?: string,
  ) => {
    try {
      await client.call('reconciliation.resolve', {
        recordKind: row.kind,
        id: row.id,
        action,
        ...(leadId ? { leadId } : {}),
      });
      setLinking(null);
      toast.show(action === 'link_lead' ? 'Linked to the lead.' : 'Marked as not applicable.');
    } catch (e) {
      toast.show(asApiError(e).message, { tone: 'error' });
    }
  };
  return (
    <div className="records">
      <p className="muted">{LABELS[kind].why}</p>
      {list.data && (
        <>
          <p className="records-total">
            <strong data-testid="recon-total">{format.number(list.data.total)}</strong>{' '}
            {list.data.total === 1 ? 'record' : 'records'}
          </p>
          <ul className="recon-rows">
            {list.data.rows.map((row) => (
              <li key={row.id} aria-label={row.title}>
                <div className="recon-row-head">
                  <span>
                    <strong>{row.title}</strong>
                    <span className="muted">
                      {' '}
                      · {format.date(row.at)}
                      {row.email ? ` · ${row.email}` : ''}
                    </span>
                  </span>
                  <span className="money">{format.money(row.amountMinor)}</span>
                </div>
                <div className="recon-actions">
                  {row.kind !== 'lead' && (
                    <button
                      type="button"
                      className="button"
                      onClick={() => setLinking(linking === row.id ? null : row.id)}
                    >
                      Link to a lead
                    </button>
                  )}
                  <button
                    type="button"
                    className="button"
                    onClick={() => void resolve(row, 'not_applicable')}
                  >
                    Not applicable
                  </button>
                </div>
                {linking === row.id && (
                  <LeadPicker
                    value={null}
                    autoFocus
                    onValue={(lead) => lead && void resolve(row, 'link_lead', lead.id)}
                  />
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
