import { useState, type FormEvent, type ReactNode } from 'react';
import type { Lead } from '@shared/api/leads';
import { client } from '../../lib/client';
import { useWorkspace } from '../../lib/settings';
import { useQuery } from '../../lib/useQuery';
import { Field } from '../../ui/Field';
import { useToast } from '../../ui/toast';
import { channelName } from './lead-channels';
import { asApiError } from '../../lib/form-errors';

interface Props {
  lead: Lead;
  onOpenContact?(id: string): void;
}

/** The lead's facts and where it stands: stage (moves record history), won, lost with a reason. */
export function LeadSummary({ lead, onOpenContact }: Props) {
  const { format } = useWorkspace();
  const toast = useToast();
  const stages = useQuery('leads.stages', {});
  const [losing, setLosing] = useState<string | null>(null);

  const move = (stageId: string) => {
    const stage = stages.data?.find((s) => s.id === stageId);
    if (stage?.outcome === 'lost') return setLosing(stageId);
    void client
      .call('leads.move', { id: lead.id, stageId })
      .then((l) => toast.show(`Moved “${l.title}” to ${l.stageName}.`))
      .catch((e: unknown) => toast.show(asApiError(e).message, { tone: 'error' }));
  };
  const won = () =>
    void client
      .call('leads.close', { id: lead.id, outcome: 'won' })
      .then((l) => toast.show(`Won “${l.title}” · ${format.money(l.valueMinor)}.`))
      .catch((e: unknown) => toast.show(asApiError(e).message, { tone: 'error' }));

  const facts: [string, ReactNode][] = [
    ['Value', <span className="money">{format.money(lead.valueMinor)}</span>],
    [
      'Contact',
      lead.contactId ? (
        onOpenContact ? (
          <button
            type="button"
            className="button-link sales-link"
            onClick={() => onOpenContact(lead.contactId ?? '')}
          >
            {lead.contactName}
          </button>
        ) : (
          <a href={`#/contacts/${lead.contactId}`}>{lead.contactName}</a>
        )
      ) : (
        <span className="sales-muted">No contact</span>
      ),
    ],
    ['Company', lead.companyName ?? <span className="sales-muted">—</span>],
    [
      'Source',
      lead.campaignId ? (
        <a href={`#/campaigns/${lead.campaignId}`}>{lead.campaignName}</a>
      ) : (
        <span>Unknown campaign</span>
      ),
    ],
    ['Channel', channelName(lead.channel)],
    [
      'Expected close',
      lead.expectedCloseDate ? (
        format.date(lead.expectedCloseDate)
      ) : (
        <span className="sales-muted">Not set</span>
      ),
    ],
    ['Owner', lead.owner || <span className="sales-muted">Nobody yet</span>],
    ['Created', format.date(lead.createdAt)],
  ];
  return (
    <div className="sales-summary">
      <div className="sales-stage-row">
        <label className="sales-inline-field">
          <span>Stage</span>
          <select value={lead.stageId} onChange={(e) => move(e.target.value)}>
            {(stages.data ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} · {s.probability} %
              </option>
            ))}
          </select>
        </label>
        {lead.outcome === 'open' ? (
          <>
            <button type="button" className="button sales-won" onClick={won}>
              <span aria-hidden="true">✓ </span>Won
            </button>
            <button
              type="button"
              className="button"
              onClick={() => setLosing(stages.data?.find((s) => s.outcome === 'lost')?.id ?? '')}
            >
              <span aria-hidden="true">✕ </span>Lost…
            </button>
          </>
        ) : (
          <span className={`sales-outcome sales-outcome-${lead.outcome}`}>
            {lead.outcome === 'won' ? '✓ Won' : '✕ Lost'}
            {lead.closedAt && ` · ${format.date(lead.closedAt)}`}
          </span>
        )}
      </div>
      {lead.outcome === 'lost' && lead.lostReason && (
        <p className="sales-note">Lost because: {lead.lostReason}</p>
      )}
      {losing !== null && <LostForm lead={lead} stageId={losing} onClose={() => setLosing(null)} />}
      <dl className="sales-facts">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** Lost needs a reason: marketing learns from it, and the core refuses a lost lead without one. */
export function LostForm({
  lead,
  stageId,
  onClose,
}: {
  lead: { id: string; title: string };
  stageId: string;
  onClose(): void;
}) {
  const toast = useToast();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return setError('say why the lead was lost');
    const call = stageId
      ? client.call('leads.move', { id: lead.id, stageId, lostReason: reason })
      : client.call('leads.close', { id: lead.id, outcome: 'lost', lostReason: reason });
    void call
      .then((l) => {
        toast.show(`Marked “${l.title}” as lost.`);
        onClose();
      })
      .catch((e: unknown) => setError(asApiError(e).issueFor('lostReason') ?? asApiError(e).message));
  };
  return (
    <form
      className="form sales-inline-form"
      onSubmit={submit}
      noValidate
      aria-label={`Mark ${lead.title} as lost`}
    >
      <Field
        label="Lost reason"
        value={reason}
        onValue={setReason}
        error={error}
        required
        autoFocus
        placeholder="e.g. Chose a cheaper roaster"
      />
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button primary">
          Mark as lost
        </button>
      </div>
    </form>
  );
}
