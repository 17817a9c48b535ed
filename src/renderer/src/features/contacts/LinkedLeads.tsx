import { useId } from 'react';
import { useWorkspace } from '../../lib/settings';

interface LinkedLead {
  id: string;
  title: string;
  outcome: string;
  stageName: string;
  valueMinor: number;
}

/** The leads of a contact or company in its side panel: title (opens the lead), stage and value. */
export function LinkedLeads({
  leads,
  onOpenLead,
}: {
  leads: readonly LinkedLead[];
  onOpenLead(id: string): void;
}) {
  const { format } = useWorkspace();
  const heading = useId();
  return (
    <section aria-labelledby={heading}>
      <h3 id={heading} className="sales-h3">
        Leads
      </h3>
      {leads.length === 0 ? (
        <p className="sales-muted">No leads yet.</p>
      ) : (
        <ul className="sales-list">
          {leads.map((l) => (
            <li key={l.id} className="sales-item-main">
              <button
                type="button"
                className="button-link sales-link sales-subject"
                onClick={() => onOpenLead(l.id)}
              >
                {l.title}
              </button>
              <span className={`sales-outcome sales-outcome-${l.outcome}`}>{l.stageName}</span>
              <span className="money">{format.money(l.valueMinor)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
