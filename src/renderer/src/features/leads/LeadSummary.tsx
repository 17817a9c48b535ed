import { useState, type ReactNode } from 'react';
import type { Lead } from '@shared/api/leads';
import { client } from '../../lib/client';
import { useWorkspace } from '../../lib/settings';
import { useQuery } from '../../lib/useQuery';
import { useToast } from '../../ui/toast';
import { useUndo } from '../../ui/useUndo';
import { leadMoveEntry } from '../undo/entries';
import { channelName } from './lead-channels';
import { CloseForm, closingAsks, type Closing } from './CloseForm';
import { asApiError } from '../../lib/form-errors';

interface Props {
  lead: Lead;
  onOpenContact?(id: string): void;
}

/** The lead's facts and where it stands: stage (moves record history), won, lost with a reason. */
export function LeadSummary({ lead, onOpenContact }: Props) {
  const { format } = useWorkspace();
  const toast = useToast();
  const history = useUndo();
  const stages = useQuery('leads.stages', {});
  const [closing, setClosing] = useState<{ outcome: 'won' | 'lost'; stageId: string } | null>(null);
  const close = (outcome: 'won' | 'lost', stageId = '') => {
    if (closingAsks(outcome, lead.outcome === 'open' ? lead.openFollowUps : 0)) {
      return setClosing({ outcome, stageId });
    }
    void (
      stageId
        ? client.call('leads.move', { id: lead.id, stageId })
        : client.call('leads.close', { id: lead.id, outcome })
    )
      .then((l) =>
        history.record(leadMoveEntry(lead, l), `Won “${l.title}” · ${format.money(l.valueMinor)}.`),
      )
      .catch((e: unknown) => toast.show(asApiError(e).message, { tone: 'error' }));
  };

  const move = (stageId: string) => {
    const stage = stages.data?.find((s) => s.id === stageId);
    const outcome = stage?.outcome;
    if (outcome && outcome !== 'open' && outcome !== lead.outcome) return close(outcome, stageId);
    void client
      .call('leads.move', { id: lead.id, stageId })
      .then((l) => history.record(leadMoveEntry(lead, l), `Moved “${l.title}” to ${l.stageName}.`))
      .catch((e: unknown) => toast.show(asApiError(e).message, { tone: 'error' }));
  };

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
            <button type="button" className="button sales-won" onClick={() => close('won')}>
              <span aria-hidden="true">✓ </span>Won
            </button>
            <button
              type="button"
              className="button"
              onClick={() => close('lost', stages.data?.find((s) => s.outcome === 'lost')?.id ?? '')}
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
      {closing !== null && <CloseLeadForm lead={lead} closing={closing} onClose={() => setClosing(null)} />}
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

/** Closing from the lead's page: lost asks why, and open follow-ups are settled (see CloseForm). */
function CloseLeadForm({
  lead,
  closing,
  onClose,
}: {
  lead: Lead;
  closing: { outcome: 'won' | 'lost'; stageId: string };
  onClose(): void;
}) {
  const { format } = useWorkspace();
  const history = useUndo();
  const [error, setError] = useState<string | undefined>();
  const confirm = ({ lostReason, followUps }: Closing) => {
    const reason = lostReason ? { lostReason } : {};
    const call = closing.stageId
      ? client.call('leads.move', { id: lead.id, stageId: closing.stageId, followUps, ...reason })
      : client.call('leads.close', { id: lead.id, outcome: closing.outcome, followUps, ...reason });
    void call
      .then((l) => {
        history.record(
          leadMoveEntry(lead, l, followUps),
          closing.outcome === 'won'
            ? `Won “${l.title}” · ${format.money(l.valueMinor)}.`
            : `Marked “${l.title}” as lost.`,
        );
        onClose();
      })
      .catch((e: unknown) => setError(asApiError(e).issueFor('lostReason') ?? asApiError(e).message));
  };
  return (
    <CloseForm
      className="form sales-inline-form"
      outcome={closing.outcome}
      openFollowUps={lead.outcome === 'open' ? lead.openFollowUps : 0}
      onCancel={onClose}
      onConfirm={confirm}
      label={closing.outcome === 'won' ? `Mark ${lead.title} as won` : `Mark ${lead.title} as lost`}
      error={error}
    />
  );
}
